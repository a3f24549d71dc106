// Custom elements for other pages: <sla-budget> (what a target allows), <sla-attainment> (an outage log
// measured every way), <sla-compare> (a saved comparison) and <sla-chain> (a service chain). One module script tag loads them; what they
// need is fetched from next to this file. They draw into a shadow root styled with a constructed
// stylesheet (allowed under a strict Content-Security-Policy) and CSS custom properties the host page may
// set: --sla-font, --sla-text, --sla-muted, --sla-bg, --sla-border, --sla-accent, --sla-error.
// Text inside an element is shown until it draws, and stays if this file cannot load at all.
import { loadZone } from './zones.js';

const BASE = new URL('./', import.meta.url);

const CSS = `
:host { display: block; font-family: var(--sla-font, system-ui, sans-serif); color: var(--sla-text, #1b1f24);
  background: var(--sla-bg, transparent); border: 1px solid var(--sla-border, #d0d7de); border-radius: 8px;
  padding: 0.75rem 1rem; line-height: 1.45; overflow-wrap: anywhere; }
.big { font-size: 1.8em; font-weight: 700; color: var(--sla-accent, #0b5cad); margin: 0; }
.muted { color: var(--sla-muted, #57606a); font-size: 0.9em; margin: 0.25rem 0 0; }
.error { color: var(--sla-error, #b3261e); font-weight: 600; margin: 0; }
.wrap { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; font-size: 0.85em; font-variant-numeric: tabular-nums; }
th, td { text-align: right; padding: 0.3rem 0.4rem; border-bottom: 1px solid var(--sla-border, #d0d7de); }
th:first-child, td:first-child { text-align: left; }
.missed { color: var(--sla-error, #b3261e); font-weight: 600; }
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

/** The module `name` (pkg, pkg-analysis or pkg-chain), loaded once for every element of the page. */
const modules = {};
function load(name) {
  modules[name] ??= import(new URL(`${name}/slacalc.js`, BASE).href)
    .then(async (m) => {
      await m.default({ module_or_path: new URL(`${name}/slacalc_bg.wasm`, BASE) });
      return m;
    })
    .catch((e) => {
      delete modules[name];
      throw new Error(`slacalc could not load its calculator from ${BASE.origin}${BASE.pathname} (${e.message}). If it is served from another site than this page, that server must send Access-Control-Allow-Origin, and this page's Content-Security-Policy must allow it.`);
    });
  return modules[name];
}

function el(tag, props = {}, ...children) {
  const e = Object.assign(document.createElement(tag), props);
  e.append(...children);
  return e;
}

/** The error's words without the API's names in front. */
const plain = (e) => String(e?.message ?? e).replace(/^(?:input|calendar|outages)(?:\.[\w[\]]+)*:? /, '');

class SlaElement extends HTMLElement {
  constructor() {
    super();
    this.attachShadow({ mode: 'open' }).adoptedStyleSheets = [styles()];
    this.out = el('div', { className: 'out' });
    this.out.setAttribute('role', 'status');
    this.out.append(el('slot'));
    this.shadowRoot.append(this.out);
    this.pending = false;
    this.renders = 0;
  }

  connectedCallback() {
    this.schedule();
  }

  attributeChangedCallback() {
    if (this.isConnected) this.schedule();
  }

  /** One render for any number of changes in the same task (a new element sets all its attributes). */
  schedule() {
    if (this.pending) return;
    this.pending = true;
    queueMicrotask(() => {
      this.pending = false;
      this.renders += 1;
      this.dataset.renders = String(this.renders);
      const run = this.renders;
      this.render()
        .then((nodes) => run === this.renders && this.done(...nodes))
        .catch((e) => run === this.renders && this.fail(e));
    });
  }

  /**
   * What the element shows; each kind of element draws its own.
   * @returns {Promise<Node[]>}
   */
  async render() {
    return [];
  }

  fail(e) {
    this.out.replaceChildren(el('p', { className: 'error', textContent: plain(e) }));
    this.dataset.state = 'error';
  }

  done(...nodes) {
    this.out.replaceChildren(...nodes);
    this.dataset.state = 'ready';
  }

  /** The calendar of the element's hours and zone attributes, its zone loaded; null for 24x7. */
  async calendar(m) {
    const hours = this.getAttribute('hours')?.trim();
    const timeZone = this.getAttribute('zone')?.trim() || 'UTC';
    if (!hours || hours === '24x7') {
      if (timeZone !== 'UTC') await loadZone(m, timeZone);
      return null;
    }
    await loadZone(m, timeZone);
    return { hours, timeZone };
  }
}

/** `<sla-budget target="99.9" period="month" hours="Mon-Fri 08:00-18:00" zone="Europe/Berlin">`. */
class SlaBudget extends SlaElement {
  static observedAttributes = ['target', 'period', 'hours', 'zone'];

  async render() {
    const m = await load('pkg');
    const calendar = await this.calendar(m);
    const b = m.budget({ target: this.getAttribute('target') ?? '', period: this.getAttribute('period') || 'month', calendar });
    return [
      el('p', { className: 'big', textContent: b.service ? b.service.allowedDowntime : b.allowedDowntime }),
      el('p', { textContent: b.service ? b.service.sentence : b.sentence }),
      el('p', { className: 'muted', textContent: b.service ? `Counted on ${b.service.summary}: ${b.service.basis}.` : `Over an ${b.periodLabel}.`.replace('an calendar', 'a calendar') }),
    ];
  }
}

/**
 * `<sla-attainment src="outages.csv" target="99.9" hours="Mon-Fri 08:00-18:00" zone="Europe/Berlin"
 * span="2026">`: an outage log (from `src` on the same site, or the CSV or JSON written inside the
 * element) measured every way a contract might: the verdict and a table.
 */
class SlaAttainment extends SlaElement {
  static observedAttributes = ['src', 'target', 'hours', 'zone', 'span'];

  constructor() {
    super();
    // The log written inside is data, not a message: it is not shown.
    this.out.replaceChildren(el('p', { className: 'muted', textContent: 'Measuring the outage log…' }));
  }

  async render() {
    const m = await load('pkg-analysis');
    const calendar = await this.calendar(m);
    const src = this.getAttribute('src');
    // Inline data: a <script type="text/csv"> (or application/json) inside, which the page never shows,
    // or plain text.
    let outages = this.querySelector('script[type="text/csv"], script[type="application/json"]')?.textContent ?? this.textContent ?? '';
    if (src) {
      const url = new URL(src, document.baseURI);
      const response = await fetch(url).catch(() => null);
      if (!response?.ok) throw new Error(`The outage log ${url.pathname} could not be fetched${response ? ` (${response.status})` : ''}.`);
      outages = await response.text();
    }
    if (!outages.trim()) throw new Error('Give the outage log: src="outages.csv", or the CSV written inside the element.');
    const span = this.getAttribute('span')?.trim();
    const r = m.attainment({ outages, target: this.getAttribute('target') ?? '99.9', timeZone: calendar?.timeZone ?? this.getAttribute('zone') ?? 'UTC', calendar, span: span || undefined });
    const names = { week: 'Weekly', fortnight: 'Every two weeks', month: 'Monthly', quarter: 'Quarterly', year: 'Yearly' };
    const rows = r.choices.map((c) => {
      const worst = c.worst === null ? null : c.periods[c.worst];
      return el('tr', {}, el('th', { scope: 'row', textContent: names[c.measure] }), el('td', { textContent: `${c.breached} of ${c.periods.length}`, className: c.breached ? 'missed' : '' }), el('td', { textContent: worst ? `${worst.label}: ${worst.availability}%` : '–' }));
    });
    return [
      el('ul', {}, ...r.verdict.map((line) => el('li', { textContent: line }))),
      ...(rows.length ? [el('div', { className: 'wrap' }, el('table', {}, el('thead', {}, el('tr', {}, ...['Measured', 'Breached', 'Worst'].map((t) => el('th', { scope: 'col', textContent: t })))), el('tbody', {}, ...rows)))] : []),
      el('p', { className: 'muted', textContent: `${r.outages} outage${r.outages === 1 ? '' : 's'}${r.span ? ` over ${r.span}` : ''}${calendar ? ` on ${calendar.hours} in ${calendar.timeZone}` : ', 24x7'}${r.problems.length ? `; ${r.problems.length} row${r.problems.length === 1 ? '' : 's'} not read` : ''}.` }),
    ];
  }
}

/** `<sla-compare state="...">`: a comparison from the Compare quotes page ("Copy embed snippet"). */
class SlaCompare extends SlaElement {
  static observedAttributes = ['state'];

  async render() {
    const [m, scenario] = await Promise.all([load('pkg-analysis'), import(new URL('scenario.js', BASE).href)]);
    const state = await scenario.decode(this.getAttribute('state') ?? '');
    for (const zone of scenario.zonesOf(state)) await loadZone(m, zone);
    const r = m.compareQuotes(scenario.quotesInput(state));
    const money = scenario.moneyFormat(r.currency);
    const head = el('tr', {}, ...['Option', 'Allowed on the basis', 'Expected downtime', 'Effective cost a year'].map((t) => el('th', { scope: 'col', textContent: t })));
    const rows = r.options.map((o) =>
      el('tr', {}, el('th', { scope: 'row', textContent: o.name }), el('td', { textContent: o.uncoveredWeekSeconds > 0 ? `${o.allowedBasis.text} (and unlimited outside its hours)` : o.allowedBasis.text }), el('td', { textContent: o.expectedBasis ? o.expectedBasis.text.replace(/(\.\d{3})\d+ s$/, '$1 s') : '–' }), el('td', { textContent: money(o.effectiveYear) })),
    );
    return [
      el('p', { className: 'muted', textContent: `On one basis: ${r.basis}.` }),
      el('div', { className: 'wrap' }, el('table', {}, el('thead', {}, head), el('tbody', {}, ...rows))),
      el('ul', {}, ...r.verdict.slice(1).map((line) => el('li', { textContent: line }))),
    ];
  }
}

/** `<sla-chain state="...">`: a service chain from the Service chains page ("Copy embed snippet"). */
class SlaChain extends SlaElement {
  static observedAttributes = ['state'];

  async render() {
    const [m, chain] = await Promise.all([load('pkg-chain'), import(new URL('chain-state.js', BASE).href)]);
    const state = await chain.decodeChain(this.getAttribute('state') ?? '');
    const zone = chain.chainZone(state);
    if (zone) await loadZone(m, zone);
    const r = m.chain(chain.chainRequest(state));
    const head = el('tr', {}, ...['Part', 'Availability', 'Must promise', 'Used by'].map((t) => el('th', { scope: 'col', textContent: t })));
    const rows = r.parts.map((p) =>
      el('tr', {}, el('th', { scope: 'row', textContent: p.name }), el('td', { textContent: `${p.availability.percent}%` }), el('td', { textContent: p.promise ? `${p.promise}%` : '–' }), el('td', { textContent: p.usedBy.join(', ') || '–' })),
    );
    return [
      el('p', { className: 'big', textContent: `${r.availability.percent}%` }),
      el('p', { className: 'muted', textContent: `${r.service}, components failing independently; at worst ${r.worstCase.percent}% (${r.worstCase.downtime.text} down over ${r.period}, ${r.basis}).` }),
      el('ul', {}, ...r.verdict.slice(1).map((line) => el('li', { textContent: line }))),
      el('div', { className: 'wrap' }, el('table', {}, el('thead', {}, head), el('tbody', {}, ...rows))),
      // The money, when the chain was saved with it: credits paid, paid back and the net, simulated.
      ...(r.money ? [el('ul', {}, ...r.money.verdict.map((line) => el('li', { textContent: line })))] : []),
    ];
  }
}

if (!customElements.get('sla-budget')) customElements.define('sla-budget', SlaBudget);
if (!customElements.get('sla-attainment')) customElements.define('sla-attainment', SlaAttainment);
if (!customElements.get('sla-compare')) customElements.define('sla-compare', SlaCompare);
if (!customElements.get('sla-chain')) customElements.define('sla-chain', SlaChain);
