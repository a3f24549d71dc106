// Errors next to their field, in people's words: one place that shows, clears and words them, for every page.

/**
 * @typedef {{ message?: string, code?: string, field?: string, part?: string }} CoreError
 */

/** The element an error about `input` is written in: `#<id>-error`, made after the input if missing. */
function errorBox(input) {
  const id = `${input.id}-error`;
  let box = document.getElementById(id);
  if (!box) {
    box = Object.assign(document.createElement('p'), { id, className: 'error', hidden: true });
    box.dataset.testid = id;
    (input.closest('.with-unit') ?? input).after(box);
  }
  const described = (input.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean);
  if (!described.includes(id)) input.setAttribute('aria-describedby', [...described, id].join(' '));
  return box;
}

/** Shows `message` next to `input` and marks it invalid; an empty message clears it. */
export function showError(input, message) {
  if (!input) return;
  const box = errorBox(input);
  box.textContent = message ? sentence(message) : '';
  box.hidden = !message;
  if (message) input.setAttribute('aria-invalid', 'true');
  else input.removeAttribute('aria-invalid');
}

/** Clears every error shown for inputs inside `root`. */
export function clearErrors(root) {
  for (const input of root.querySelectorAll('[aria-invalid="true"]')) showError(/** @type {HTMLElement} */ (input), '');
}

/** A message as a sentence: a capital first letter and a full stop. */
export function sentence(text) {
  const t = String(text).trim();
  if (!t) return t;
  const first = t[0].toUpperCase() + t.slice(1);
  return /[.!?…]$/.test(first) ? first : `${first}.`;
}

/**
 * The core's message without the API's names in front of it, for a field a person can see:
 * `periods.[0].charges: "-3" must not be negative` -> `"-3" must not be negative`;
 * `calendar hours "Mon-Fry 9-17" cannot be read: "Fry" is not a day ...` -> `"Fry" is not a day ...`.
 * @param {CoreError | string} e
 */
export function words(e) {
  let m = typeof e === 'string' ? e : (e.message ?? String(e));
  m = m.replace(/^(?:input|model|schedule|periods|basis|options|outages|sla|tickets|target)(?:\.[^:]+|\[\d+\])*: /, '');
  m = m.replace(/^calendar [\w.[\]]+ (?:“[^”]*” |"(?:[^"\\]|\\.)*" )?cannot be read: (?:it is )?/, '');
  m = m.replace(/^calendar [\w.[\]]+ ("(?:[^"\\]|\\.)*") overlaps/, 'These hours ($1) overlap');
  m = m.replace(/^calendar time zone /, 'The time zone ');
  m = m.replace(/^calendar has /, 'These service hours have ');
  // "target \"x\" ..." names the field the error sits next to: "The target “x” ...", or just "“x” ...".
  m = m.replace(/^([a-zA-Z]+) ("(?:[^"\\]|\\.)*")/, (_, f, v) => {
    const name = { target: 'The target', period: 'The period', downtime: 'The downtime', duration: 'The duration', start: 'The start', end: 'The end' }[f];
    return name ? `${name} ${v}` : v;
  });
  m = m.replace(/"([^"]*)"/g, '“$1”');
  return sentence(m);
}
