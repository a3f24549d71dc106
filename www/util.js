// Small helpers shared by the pages: elements, SVG drawing, counts in words, downloads and CSV fields.
const SVG = 'http://www.w3.org/2000/svg';

/** The element with this id. */
export const $ = (id) => /** @type {any} */ (document.getElementById(id));

/**
 * An element with properties and children.
 * @param {string} tag
 * @param {Record<string, any>} [props]
 * @param {...(Node | string)} children
 * @returns {any}
 */
export function el(tag, props = {}, ...children) {
  const e = Object.assign(document.createElement(tag), props);
  e.append(...children);
  return e;
}

/**
 * SVG elements from [tag, attributes, text] triples; the text of a shape becomes its tooltip.
 * @param {Array<[string, Record<string, any>, string?]>} parts
 */
export function svg(parts) {
  return parts.map(([tag, attrs, text]) => {
    const e = document.createElementNS(SVG, tag);
    for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
    if (text) {
      if (tag === 'title' || tag === 'text') e.textContent = text;
      else e.append(Object.assign(document.createElementNS(SVG, 'title'), { textContent: text }));
    }
    return e;
  });
}

/** "1 row", "3 rows": a count and its noun, in the reader's locale. */
export function count(n, one, many = `${one}s`) {
  return `${Number(n).toLocaleString()} ${n === 1 ? one : many}`;
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
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Copies `text` and says so in `status`; where copying is not allowed, says what to do instead. */
export async function copy(text, status, done, instead) {
  try {
    await navigator.clipboard.writeText(text);
    status.textContent = done;
  } catch {
    status.textContent = instead;
  }
}

/**
 * Writes a page's link `delay` ms after the last `soon(link)` (`link`: text, or a function giving it or its
 * promise); `now(link)` writes at once. Nothing is written if the address changed meanwhile (a link pasted
 * into the tab): the page restores that one, and its own state written over it would lose it.
 */
export function linkWriter(delay) {
  let timer;
  /** @param {string | (() => string | Promise<string>)} link */
  const write = async (link, since) => {
    const text = typeof link === 'function' ? await link() : link;
    if (location.href === since) history.replaceState(null, '', text);
  };
  return {
    soon(link) {
      clearTimeout(timer);
      const since = location.href;
      timer = setTimeout(() => write(link, since), delay);
    },
    now(link) {
      clearTimeout(timer);
      return write(link, location.href);
    },
  };
}
