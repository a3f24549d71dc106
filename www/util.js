// Small helpers shared by the pages: SVG drawing, durations for pictures, downloads and CSV fields.
const SVG = 'http://www.w3.org/2000/svg';

/** SVG elements from [tag, attributes, text] triples; the text of a shape becomes its tooltip. */
export function svg(parts) {
  return parts.map(([tag, attrs, text]) => {
    const el = document.createElementNS(SVG, tag);
    for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
    if (text) {
      if (tag === 'title' || tag === 'text') el.textContent = text;
      else el.append(Object.assign(document.createElementNS(SVG, 'title'), { textContent: text }));
    }
    return el;
  });
}

/** Seconds as "2 h 11 min 5 s", rounded to the second: for pictures and tooltips, not for checking. */
export function roughly(seconds) {
  let s = Math.round(Math.abs(seconds));
  const parts = [];
  for (const [unit, size] of [['d', 86400], ['h', 3600], ['min', 60]]) {
    if (s >= size) {
      parts.push(`${Math.floor(s / size)} ${unit}`);
      s %= size;
    }
  }
  if (s || !parts.length) parts.push(`${s} s`);
  return (seconds < 0 ? '-' : '') + parts.join(' ');
}

/** Offers `text` as a file named `name`. */
export function download(name, type, text) {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(new Blob([text], { type }));
  a.download = name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}

/** A CSV field, quoted when it must be (RFC 4180). */
export function csvField(v) {
  const text = String(v ?? '');
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
