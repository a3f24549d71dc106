// Numbers people type, read in their locale: "12 000", "12,000.50", "12.000,50" (German) and "12’000" (Swiss)
// all read right; "12,000" in German or "12.000" in English could be twelve or twelve thousand, so it is
// refused with both readings rather than guessed. The result is a plain decimal with a point ("12000.5"),
// which is what the core reads.

/**
 * @typedef {{ value: string } | { error: string, code: 'empty' | 'not_a_number' | 'ambiguous' | 'negative' | 'too_many_decimals' }} Reading
 */

/** The grouping and decimal signs of a locale: en-US "," and ".", de "." and ",", fr " " and ",". */
export function separators(locale) {
  const parts = new Intl.NumberFormat(locale, { useGrouping: true }).formatToParts(1234567.5);
  const group = parts.find((p) => p.type === 'group')?.value ?? ',';
  const decimal = parts.find((p) => p.type === 'decimal')?.value ?? '.';
  // Indian grouping writes 12,34,567: groups of two before the last three.
  const twos = parts.filter((p) => p.type === 'integer').some((p, i, all) => i > 0 && i < all.length - 1 && p.value.length === 2);
  return { group, decimal, twos };
}

/** `n` (a decimal string) written in the locale, all decimals kept: "12000.5" -> "12,000.5". */
export function localeNumber(text, locale) {
  const [whole, fraction = ''] = text.replace(/^-/, '').split('.');
  const { decimal } = separators(locale);
  const grouped = new Intl.NumberFormat(locale, { useGrouping: true, maximumFractionDigits: 0 }).format(BigInt(whole || '0'));
  return (text.startsWith('-') ? '-' : '') + grouped + (fraction ? decimal + fraction : '');
}

const SPACES = /[\s\u00a0\u202f\u2009'’]/;

/**
 * Reads a number typed in `locale`: an amount of money (`currency` symbols and codes around it are
 * dropped) or any other non-negative decimal. `decimals` is the most decimal places accepted.
 * @param {string} text
 * @param {{ locale?: string, currency?: string, decimals?: number, negative?: boolean }} [options]
 * @returns {Reading}
 */
export function readNumber(text, { locale = globalThis.navigator?.language, currency = '', decimals = 6, negative = false } = {}) {
  let t = String(text ?? '').trim();
  const code = currency.trim().toUpperCase();
  if (code && /^[A-Z]{3}$/.test(code)) t = t.replace(new RegExp(`^${code}\\s*|\\s*${code}$`, 'i'), '');
  t = t.replace(/^\p{Sc}\s*|\s*\p{Sc}$/u, '').trim();
  const example = `${localeNumber('12000', locale)} or ${localeNumber('12000.5', locale)}`;
  if (!t) return { code: 'empty', error: 'Nothing is typed here yet.' };
  let sign = '';
  if (/^[-−]/.test(t)) {
    if (!negative) return { code: 'negative', error: `“${text.trim()}” is below zero: it must be 0 or more.` };
    sign = '-';
    t = t.slice(1).trim();
  }
  if (!/^[\d.,\s\u00a0\u202f\u2009'’]+$/.test(t) || !/\d/.test(t) || SPACES.test(t[0]) || SPACES.test(t.at(-1))) {
    return { code: 'not_a_number', error: `“${text.trim()}” is not a number: write it with digits, such as ${example}.` };
  }
  const { group, twos } = separators(locale);
  const marks = [...t.matchAll(/[.,]/g)].map((m) => ({ sign: m[0], at: m.index }));
  const hasSpace = SPACES.test(t);
  const kinds = new Set(marks.map((m) => m.sign));
  /** @type {string | null} */
  let point = null;
  if (kinds.size === 2) {
    // "12,000.50" and "12.000,50": the last sign, written once, marks the decimals.
    const last = marks.at(-1).sign;
    if (marks.filter((m) => m.sign === last).length !== 1) return { code: 'not_a_number', error: `“${text.trim()}” mixes “.” and “,” in a way no locale writes numbers: write it such as ${example}.` };
    point = last;
  } else if (kinds.size === 1) {
    const only = marks[0].sign;
    const [before, after] = [t.slice(0, marks[0].at).replace(/\D/g, ''), t.slice(marks[0].at + 1)];
    if (marks.length > 1) point = null;
    else if (hasSpace || after.length !== 3 || !/^[1-9]\d{0,2}$/.test(before)) point = only;
    else if (only === group) point = null;
    else {
      // One sign followed by three digits: "12,000" is 12 000 to some readers and 12 to others.
      const thousands = localeNumber(before + after, locale);
      const small = localeNumber(`${before}.${after}`.replace(/\.?0+$/, ''), locale);
      return {
        code: 'ambiguous',
        error: `“${text.trim()}” could be ${thousands} or ${small}: write ${thousands} or ${small} to say which.`,
      };
    }
  }
  const [whole, fraction = ''] = point ? [t.slice(0, t.lastIndexOf(point)), t.slice(t.lastIndexOf(point) + 1)] : [t, ''];
  if (/[.,\s\u00a0\u202f\u2009'’]/.test(fraction)) return { code: 'not_a_number', error: `“${text.trim()}” has a separator among its decimals: write it such as ${example}.` };
  const groups = whole.split(/[.,\s\u00a0\u202f\u2009'’]/);
  if (groups.length > 1) {
    const inner = groups.slice(1, -1);
    const ok = /^\d{1,3}$/.test(groups[0]) && groups.at(-1).length === 3 && inner.every((g) => g.length === 3 || (twos && g.length === 2));
    if (!ok) return { code: 'not_a_number', error: `“${text.trim()}” has its thousands separators in the wrong places: write it such as ${example}.` };
  }
  const digits = groups.join('').replace(/^0+(?=\d)/, '') || '0';
  const places = fraction.replace(/0+$/, '');
  if (places.length > decimals) {
    return { code: 'too_many_decimals', error: `“${text.trim()}” has ${fraction.length} decimal places: at most ${decimals} ${decimals === 1 ? 'is' : 'are'} allowed.` };
  }
  return { value: sign + digits + (places ? `.${places}` : '') };
}

/** Reads an amount of money typed in `locale`, in `currency` (see readNumber). */
export function readAmount(text, { locale = globalThis.navigator?.language, currency = '' } = {}) {
  return readNumber(text, { locale, currency, decimals: 6 });
}

/**
 * A plain decimal ("12000.5", as links keep amounts) written for the reader's locale so that reading it
 * back gives the same amount: grouped, with the locale's decimal sign; three decimals get a fourth zero,
 * so that they cannot pass for a thousands group. Anything else comes back as it is.
 */
export function localeAmount(text, locale = globalThis.navigator?.language) {
  const t = String(text ?? '').trim();
  if (!/^\d+(\.\d+)?$/.test(t)) return String(text ?? '');
  const [whole, fraction = ''] = t.split('.');
  return localeNumber(fraction.length === 3 ? `${whole}.${fraction}0` : t, locale);
}
