// Custom elements for other pages: <sla-budget> (what a target allows) and <sla-compare> (a saved
// comparison). One module script tag loads them; everything they need is fetched from next to this file.
// They draw into a shadow root styled with a constructed stylesheet (allowed under a strict
// Content-Security-Policy) and CSS custom properties the host page may set:
//   --sla-font, --sla-text, --sla-muted, --sla-bg, --sla-border, --sla-accent, --sla-error.
const BASE = new URL('./', import.meta.url);

const CSS = `
:host { display: block; font-family: var(--sla-font, system-ui, sans-serif); color: var(--sla-text, #1b1f24);
  background: var(--sla-bg, transparent); border: 1px solid var(--sla-border, #d0d7de); border-radius: 8px;
  padding: 0.75rem 1rem; line-height: 1.45; }
.big { font-size: 1.8em; font-weight: 700; color: var(--sla-accent, #0b5cad); margin: 0; }
.muted { color: var(--sla-muted, #57606a); font-size: 0.9em; margin: 0.25rem 0 0; }
.error { color: var(--sla-error, #b3261e); font-weight: 600; margin: 0; }
table { border-collapse: collapse; width: 100%; font-size: 0.85em; font-variant-numeric: tabular-nums; }
th, td { text-align: right; padding: 0.3rem 0.4rem; border-bottom: 1px solid var(--sla-border, #d0d7de); }
th:first-child, td:first-child { text-align: left; }
ul { padding-left: 1.1rem; margin: 0.5rem 0; }
a { color: var(--sla-accent, #0b5cad); }
`;

let sheet;
function styles() {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(CSS);
  }
  return sheet;
}

const modules = {};
function load(name) {
  modules[name] ??= import(new URL(`${name}/slacalc.js`, BASE).href).then(async (m) => {
    await m.default({ module_or_path: new URL(`${name}/slacalc_bg.wasm`, BASE) });
    return m;
  });
  return modules[name];
}

async function zone(m, name) {
  if (!name || name === 'UTC' || m.hasTimeZone(name)) return;
  const response = await fetch(new URL(`tz/${name.split('/').map(encodeURIComponent).join('/')}.tzif`, BASE));
  if (response.ok) m.registerTimeZone(name, new Uint8Array(await response.arrayBuffer()));
}

function el(tag, props = {}, ...children) {
  const e = Object.assign(document.createElement(tag), props);
  e.append(...children);
  return e;
}

class SlaElement extends HTMLElement {
  constructor() {
    super();
    this.attachShadow({ mode: 'open' }).adoptedStyleSheets = [styles()];
    this.out = el('div', { className: 'out' });
    this.out.setAttribute('role', 'status');
    this.shadowRoot.append(this.out);
  }

  connectedCallback() {
    this.schedule();
  }

  attributeChangedCallback() {
    if (this.isConnected) this.schedule();
  }

  schedule() {
    queueMicrotask(() => this.render().catch((e) => this.fail(e)));
  }

  fail(e) {
    this.out.replaceChildren(el('p', { className: 'error', textContent: e.message || String(e) }));
    this.dataset.state = 'error';
  }

  done(...nodes) {
    this.out.replaceChildren(...nodes);
    this.dataset.state = 'ready';
  }
}

/** `<sla-budget target="99.9" period="month" hours="8x5" zone="Europe/Berlin">`: the downtime a target allows. */
class SlaBudget extends SlaElement {
  static observedAttributes = ['target', 'period', 'hours', 'zone'];

  async render() {
    const m = await load('pkg');
    const hours = this.getAttribute('hours');
    const tz = this.getAttribute('zone') || 'UTC';
    if (hours) await zone(m, tz);
    const b = m.budget({
      target: this.getAttribute('target') ?? '',
      period: this.getAttribute('period') || 'month',
      calendar: hours ? { preset: hours, timeZone: tz } : null,
    });
    this.done(
      el('p', { className: 'big', textContent: b.service ? b.service.allowedDowntime : b.allowedDowntime }),
      el('p', { textContent: b.service ? b.service.sentence : b.sentence }),
      el('p', { className: 'muted', textContent: b.service ? `Counted on ${b.service.summary}: ${b.service.basis}.` : `Over an ${b.periodLabel}.`.replace('an calendar', 'a calendar') }),
    );
  }
}

/** `<sla-compare state="...">`: a comparison from the Compare quotes page ("Copy embed snippet"). */
class SlaCompare extends SlaElement {
  static observedAttributes = ['state'];

  async render() {
    const [m, scenario] = await Promise.all([load('pkg-logs'), import(new URL('scenario.js', BASE).href)]);
    const state = await scenario.decode(this.getAttribute('state') ?? '');
    if (state.basis.hours) await zone(m, state.basis.zone);
    const r = m.compareQuotes(scenario.quotesInput(state));
    const money = scenario.moneyFormat(r.currency);
    const head = el('tr', {}, ...['Option', 'Allowed on the basis', 'Expected downtime', 'Effective cost a year'].map((t) => el('th', { scope: 'col', textContent: t })));
    const rows = r.options.map((o) =>
      el('tr', {}, el('th', { scope: 'row', textContent: o.name }), el('td', { textContent: o.uncoveredWeekSeconds > 0 ? `${o.allowedBasis.text} (and unlimited outside its hours)` : o.allowedBasis.text }), el('td', { textContent: o.expectedBasis ? o.expectedBasis.text.replace(/(\.\d{3})\d+ s$/, "$1 s") : '–' }), el('td', { textContent: money(o.effectiveYear) })),
    );
    this.done(
      el('p', { className: 'muted', textContent: `On one basis: ${r.basis}.` }),
      el('table', {}, el('thead', {}, head), el('tbody', {}, ...rows)),
      el('ul', {}, ...r.verdict.slice(1).map((line) => el('li', { textContent: line }))),
    );
  }
}

if (!customElements.get('sla-budget')) customElements.define('sla-budget', SlaBudget);
if (!customElements.get('sla-compare')) customElements.define('sla-compare', SlaCompare);
