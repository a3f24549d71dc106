// The comparison workspace: the common basis, the outage model and the options, computed on every
// keystroke; the state lives in the link (compact), in saved scenarios, and in the exports.
import init, { attainment, compareQuotes, creditPresets, registerTimeZone, hasTimeZone } from './pkg-logs/slacalc.js';
import { csvField, download, roughly, svg } from './util.js';
import { DEFAULT_STATE, decode, encode, moneyFormat, quotesInput, sanitize, VERSION } from './scenario.js';

const $ = (id) => document.getElementById(id);
const STORE = 'slacalc.scenarios';

let presets = [];
let state = structuredClone(DEFAULT_STATE);
let last;
let linkText = '';

const HOURS = [['basis', 'your service hours'], ['', '24x7'], ['24x7-maintenance', '24x7 less Sunday 02:00-04:00 maintenance'], ['8x5', 'Mon-Fri 09:00-17:00'], ['12x5', 'Mon-Fri 07:00-19:00'], ['24x5', 'Monday to Friday']];
const PERIODS = [['week', 'weekly'], ['P2W', 'every two weeks'], ['month', 'monthly'], ['quarter', 'quarterly'], ['year', 'yearly']];

function el(tag, props = {}, ...children) {
  const e = Object.assign(document.createElement(tag), props);
  e.append(...children);
  return e;
}

function field(i, key, label, value, attrs = {}) {
  const id = `opt-${i}-${key}`;
  return el('div', { className: 'opt-field' }, el('label', { htmlFor: id, textContent: label }), el('input', { id, value, type: 'text', autocomplete: 'off', ...attrs }));
}

function select(i, key, label, value, choices) {
  const id = `opt-${i}-${key}`;
  const s = el('select', { id }, ...choices.map(([v, t]) => el('option', { value: v, textContent: t })));
  s.value = value;
  return el('div', { className: 'opt-field' }, el('label', { htmlFor: id, textContent: label }), s);
}

/** Builds the option cards from the state. */
function renderOptions() {
  const schedules = [['', 'none'], ...presets.map((p) => [p.id, p.name]), ['custom', 'my own (JSON)']];
  $('cmp-options').replaceChildren(
    ...state.options.map((o, i) => {
      const box = el('fieldset', { className: `field option${o.internal ? ' internal' : ''}` });
      box.dataset.testid = `cmp-option-${i}`;
      box.append(el('legend', { textContent: o.internal ? 'The internal service' : `Quote ${i}` }));
      box.append(field(i, 'name', 'Name', o.name));
      const row = el('div', { className: 'row' }, field(i, 'price', 'Price a month', o.price, { inputMode: 'decimal' }), field(i, 'oneOff', 'One-off costs', o.oneOff, { inputMode: 'decimal' }));
      box.append(row);
      box.append(el('div', { className: 'row' }, field(i, 'target', 'Promised target (%)', o.target, { inputMode: 'decimal' }), select(i, 'period', 'Measured', o.period, PERIODS)));
      box.append(select(i, 'hours', 'On service hours', o.hours, HOURS));
      if (o.internal) {
        box.append(field(i, 'attainment', 'Measured attainment on your basis (%)', o.attainment, { inputMode: 'decimal' }));
        const file = el('input', { id: `opt-${i}-log`, type: 'file', accept: '.csv,.tsv,.txt,.json,text/csv,application/json', onchange: () => fromLog(i, file.files[0]) });
        file.dataset.testid = `cmp-log-${i}`;
        box.append(el('label', { className: 'file', htmlFor: file.id, textContent: 'or measure it from an outage log (CSV or JSON)' }), file);
        const note = el('p', { id: `opt-${i}-log-status`, className: 'hint' });
        note.setAttribute('role', 'status');
        box.append(note);
      } else {
        box.append(select(i, 'schedule', 'Credit schedule', o.schedule, schedules));
        const custom = el('textarea', { id: `opt-${i}-custom`, rows: 5, spellcheck: false, value: o.custom || '{"target": "99.9", "tiers": [{"when": "< 99.9 and >= 99", "percent": 10}, {"when": "< 99", "percent": 25}]}' });
        const customBox = el('div', { className: 'opt-field', hidden: o.schedule !== 'custom' }, el('label', { htmlFor: custom.id, textContent: 'Its credit schedule as JSON (see the README)' }), custom);
        box.append(customBox);
        box.append(field(i, 'attainment', 'Measured attainment on your basis, if known (%)', o.attainment, { inputMode: 'decimal', placeholder: 'from the outage model' }));
        box.append(el('button', { type: 'button', className: 'link remove', textContent: `Remove ${o.name}`, onclick: () => { readState(); state.options.splice(i, 1); renderOptions(); update(); } }));
      }
      return box;
    }),
  );
}

/** Reads the form into the state. */
function readState() {
  state.basis = { period: $('cmp-period').value, hours: $('cmp-hours').value, zone: $('cmp-zone').value, currency: $('cmp-currency').value, cost: $('cmp-cost').value, years: $('cmp-years').value };
  state.model = { rate: $('cmp-rate').value, median: $('cmp-median').value, p90: $('cmp-p90').value };
  state.options = state.options.map((o, i) => {
    const v = (k) => $(`opt-${i}-${k}`)?.value ?? o[k];
    return { ...o, name: v('name'), price: v('price'), oneOff: v('oneOff'), target: v('target'), period: v('period'), hours: v('hours'), schedule: v('schedule'), custom: v('custom'), attainment: v('attainment') };
  });
}

function writeBasis() {
  const b = state.basis;
  $('cmp-period').value = b.period;
  $('cmp-hours').value = b.hours;
  $('cmp-zone').value = b.zone;
  $('cmp-currency').value = b.currency;
  $('cmp-cost').value = b.cost;
  $('cmp-years').value = b.years;
  $('cmp-rate').value = state.model.rate;
  $('cmp-median').value = state.model.median;
  $('cmp-p90').value = state.model.p90;
}

async function loadZone(name) {
  if (!name || name === 'UTC' || hasTimeZone(name)) return;
  const response = await fetch(`tz/${encodeURIComponent(name).replace(/%2F/g, '/')}.tzif`);
  if (response.ok) registerTimeZone(name, new Uint8Array(await response.arrayBuffer()));
}

function clearErrors() {
  for (const id of ['cmp-currency-error', 'cmp-model-error', 'cmp-options-error']) $(id).hidden = true;
  for (const e of document.querySelectorAll('#cmp-form [aria-invalid]')) e.removeAttribute('aria-invalid');
}

function showError(e) {
  const part = e.part ?? '';
  let box = $('cmp-options-error');
  let input;
  let message = e.message;
  const m = /^options\[(\d+)\]\.(\w+)/.exec(part);
  if (part === 'schedule-json') {
    // Not JSON at all: the message names the quote.
  } else if (m) {
    input = $(`opt-${m[1]}-${m[2] === 'schedule' && state.options[Number(m[1])]?.schedule === 'custom' ? 'custom' : m[2]}`);
    message = `${state.options[Number(m[1])]?.name ?? 'An option'}: ${message.replace(/^input\.options\[\d+\]\.[\w.[\]]+: /, '')}`;
  } else if (part.startsWith('basis.currency')) {
    box = $('cmp-currency-error');
    input = $('cmp-currency');
  } else if (part.startsWith('model')) {
    box = $('cmp-model-error');
    input = { 'model.median': $('cmp-median'), 'model.p90': $('cmp-p90') }[part] ?? $('cmp-rate');
  }
  box.textContent = message;
  box.hidden = false;
  input?.setAttribute('aria-invalid', 'true');
  document.querySelector('main > section').classList.add('stale');
}

let timer;
async function update() {
  readState();
  clearErrors();
  try {
    await loadZone(state.basis.zone.trim());
    last = compareQuotes(quotesInput(state));
    document.querySelector('main > section').classList.remove('stale');
    show(last);
  } catch (e) {
    showError(e);
  }
  clearTimeout(timer);
  timer = setTimeout(saveLink, 200);
}

function show(r) {
  const money = moneyFormat(r.currency);
  $('cmp-report-title').textContent = `Comparison report: ${state.options.map((o) => o.name).join(', ')}. Made with slacalc on ${new Date().toISOString().slice(0, 10)}.`;
  const hoursName = (h) => HOURS.find(([v]) => v === h)?.[1] ?? h;
  const periodName = (p) => PERIODS.find(([v]) => v === p)?.[1] ?? p;
  $('cmp-assumptions').replaceChildren(
    el('li', { textContent: `Basis: ${r.basis}; time zone ${state.basis.zone}; prices in ${r.currency}; one-off costs spread over ${state.basis.years} years; an hour of downtime costs ${money(state.basis.cost || '0')}.` }),
    el('li', { textContent: `Outage model for options without history: ${state.model.rate} incidents a month, median repair ${state.model.median}, 90% within ${state.model.p90}.` }),
    ...state.options.map((o) =>
      el('li', {
        textContent:
          `${o.name}${o.internal ? ' (internal)' : ''}: ${money(o.price)} a month, ${money(o.oneOff || '0')} one-off; promises ${o.target}% measured ${periodName(o.period)} on ${hoursName(o.hours)}` +
          `${o.schedule === 'custom' ? `; credits: its own schedule ${o.custom}` : o.schedule ? `; credits: ${presets.find((p) => p.id === o.schedule)?.name ?? o.schedule}` : o.internal ? '' : '; no credit schedule'}` +
          `${o.attainment ? `; measured attainment ${o.attainment}%` : ''}.`,
      }),
    ),
  );
  $('cmp-basis').textContent = `The basis: ${r.basis}.`;
  $('cmp-verdict').replaceChildren(...r.verdict.slice(1).map((line) => el('li', { textContent: line })));
  document.querySelector('#cmp-table tbody').replaceChildren(
    ...r.options.map((o) => {
      const tr = el('tr', { className: o.internal ? 'internal' : '' });
      const uncovered = o.uncoveredWeekSeconds > 0 ? `unlimited in ${Math.round(o.uncoveredWeekSeconds / 360) / 10} h a week` : null;
      const cells = [
        o.promise,
        o.allowedOwn.text,
        uncovered ? `${o.allowedBasis.text}; ${uncovered}` : o.allowedBasis.text,
        o.effectiveTarget ? `${o.effectiveTarget}%` : 'none (hours uncovered)',
        o.expectedBasis ? o.expectedBasis.text.replace(/(\.\d{3})\d+ s$/, "$1 s") : '–',
        o.creditsYear ? `${money(o.creditsYear.mean)} (${money(o.creditsYear.p90)})` : '–',
        money(o.priceYear),
        money(o.effectiveYear),
        o.perAllowedHour ? money(o.perAllowedHour) : '–',
      ];
      tr.append(el('th', { scope: 'row', textContent: o.name }), ...cells.map((c) => el('td', { textContent: c })));
      return tr;
    }),
  );
  drawChart(r, money);
}

/** Downtime allowed on the basis (outline) against expected (filled), and the effective cost, per option. */
function drawChart(r, money) {
  const rows = r.options;
  const hours = (pair) => (pair ? Number(pair.seconds) / 3600 : 0);
  const maxH = Math.max(...rows.map((o) => Math.max(hours(o.allowedBasis), hours(o.expectedBasis))), 0.01);
  const maxC = Math.max(...rows.map((o) => Number(o.effectiveYear)), 1);
  const parts = [];
  const band = 200 / rows.length;
  const [left, mid, width] = [130, 365, 220];
  parts.push(['text', { x: left, y: 12, class: 'label' }, 'Downtime in one of your periods (hours)']);
  parts.push(['text', { x: mid + 10, y: 12, class: 'label' }, 'Effective cost a year']);
  rows.forEach((o, i) => {
    const y = 22 + i * band;
    const h = Math.min(band - 6, 26);
    parts.push(['text', { x: left - 6, y: y + h / 2 + 4, class: 'label', 'text-anchor': 'end' }, o.name]);
    const a = (hours(o.allowedBasis) / maxH) * width;
    const e = (hours(o.expectedBasis) / maxH) * width;
    parts.push(['rect', { x: left, y, width: Math.max(a, 1), height: h, class: o.uncoveredWeekSeconds > 0 ? 'allowed unlimited' : 'allowed' }, `${o.name}: ${o.allowedBasis.text} allowed${o.uncoveredWeekSeconds > 0 ? ', and unlimited outside its hours' : ''}`]);
    if (o.expectedBasis) parts.push(['rect', { x: left, y: y + h / 4, width: Math.max(e, 1), height: h / 2, class: 'expected' }, `${o.name}: ${o.expectedBasis.text} expected`]);
    const c = (Number(o.effectiveYear) / maxC) * (600 - mid - 20);
    parts.push(['rect', { x: mid + 10, y, width: Math.max(c, 1), height: h, class: o.internal ? 'cost internal' : 'cost' }, `${o.name}: ${money(o.effectiveYear)} a year`]);
    parts.push(['text', { x: mid + 14, y: y + h / 2 + 4, class: 'value' }, money(o.effectiveYear)]);
  });
  $('cmp-chart').replaceChildren(...svg(parts));
  $('cmp-chart-caption').textContent = 'Left: the downtime each promise allows in one of your periods (outline; hatched where its hours leave yours uncovered) against the downtime expected (filled). Right: the effective cost a year.';
}

/**
 * Measures an outage log on the basis's service hours over the years it covers, and puts the attainment
 * in option i's field: 1 - the downtime counted / the service time, exact, rounded down to 6 decimals.
 */
async function fromLog(i, file) {
  if (!file) return;
  readState();
  const note = $(`opt-${i}-log-status`);
  try {
    const { hours, zone } = state.basis;
    await loadZone(zone.trim());
    const r = attainment({ outages: await file.text(), target: state.options[i].target, timeZone: zone || 'UTC', calendar: hours ? { preset: hours, timeZone: zone || 'UTC' } : null });
    const years = r.choices.find((c) => c.measure === 'year').periods;
    const micro = (text) => {
      const [w, f = ''] = text.split('.');
      return BigInt(w) * 1_000_000n + BigInt((f + '000000').slice(0, 6));
    };
    const service = years.reduce((sum, p) => sum + micro(p.serviceSeconds), 0n);
    const down = years.reduce((sum, p) => sum + micro(p.downtimeSeconds), 0n);
    if (service === 0n) throw new Error('the log covers no service hours of yours');
    const m = ((service - down) * 100_000_000n) / service;
    const text = `${m / 1_000_000n}.${String(m % 1_000_000n).padStart(6, '0')}`;
    $(`opt-${i}-attainment`).value = text;
    note.textContent = `From ${file.name}: ${text}% over ${r.span} on ${hours ? 'your service hours' : '24x7'}; ${r.outages} outages read${r.problems.length ? `, ${r.problems.length} rows not read (open it on the Outage log page to see them)` : ''}.`;
    update();
  } catch (e) {
    note.textContent = `${file.name} could not be measured: ${e.message}`;
  }
}

async function saveLink() {
  linkText = await encode(state);
  history.replaceState(null, '', `#z=${linkText}`);
}

// Saved scenarios: { program: "slacalc", kind: "comparison-scenarios", version, scenarios: [{ name, saved, state }] }.
function stored() {
  try {
    const data = JSON.parse(localStorage.getItem(STORE) ?? 'null');
    return Array.isArray(data?.scenarios) ? data.scenarios : [];
  } catch {
    return [];
  }
}

function store(list) {
  localStorage.setItem(STORE, JSON.stringify({ program: 'slacalc', kind: 'comparison-scenarios', version: VERSION, scenarios: list }));
  renderScenarios();
}

function renderScenarios() {
  const list = stored();
  $('cmp-scenarios-empty').hidden = list.length > 0;
  $('cmp-scenarios').replaceChildren(
    ...list.map((s, i) =>
      el(
        'li',
        {},
        el('span', { className: 'scenario-name', textContent: s.name }),
        ' ',
        el('button', { type: 'button', className: 'link', textContent: 'Open', ariaLabel: `Open ${s.name}`, onclick: () => openState(s.state, `Opened “${s.name}”.`) }),
        ' ',
        el('button', {
          type: 'button', className: 'link', textContent: 'Rename', ariaLabel: `Rename ${s.name}`,
          onclick: () => {
            const name = $('cmp-scenario-name').value.trim();
            if (!name) return status('Type the new name in the Name field, then press Rename.');
            const all = stored();
            all[i].name = name;
            store(all);
            status(`Renamed to “${name}”.`);
          },
        }),
        ' ',
        el('button', { type: 'button', className: 'link', textContent: 'Delete', ariaLabel: `Delete ${s.name}`, onclick: () => { const all = stored(); all.splice(i, 1); store(all); status(`Deleted “${s.name}”.`); } }),
      ),
    ),
  );
}

function status(text) {
  $('cmp-scenarios-status').textContent = text;
}

function openState(raw, message) {
  try {
    state = sanitize(raw);
  } catch (e) {
    status(`That scenario cannot be opened: ${e.message}.`);
    return;
  }
  writeBasis();
  renderOptions();
  update();
  status(message);
}

async function importScenarios(file) {
  let data;
  try {
    data = JSON.parse(await file.text());
  } catch {
    return status(`${file.name} is not a JSON file; nothing was imported.`);
  }
  if (data?.program !== 'slacalc' || data?.kind !== 'comparison-scenarios') {
    return status(`${file.name} is not a slacalc scenario file (it should say program "slacalc", kind "comparison-scenarios"); nothing was imported.`);
  }
  if (typeof data.version !== 'number' || data.version > VERSION) {
    return status(`${file.name} was made by a newer version of slacalc (file version ${data.version}); this page reads version ${VERSION}. Nothing was imported.`);
  }
  const good = [];
  const bad = [];
  for (const s of Array.isArray(data.scenarios) ? data.scenarios : []) {
    try {
      good.push({ name: String(s.name ?? 'Imported').slice(0, 100), saved: String(s.saved ?? ''), state: sanitize(s.state) });
    } catch (e) {
      bad.push(`${String(s?.name ?? '?').slice(0, 100)} (${e.message})`);
    }
  }
  store([...stored(), ...good]);
  status(`Imported ${good.length} scenario${good.length === 1 ? '' : 's'} from ${file.name}.${bad.length ? ` Not imported: ${bad.join('; ')}.` : ''}`);
}

const quote = csvField;

function csv() {
  const head = ['option', 'internal', 'promise', 'allowed_own_seconds', 'allowed_basis_seconds', 'uncovered_week_seconds', 'effective_target_percent', 'expected_basis_seconds', 'credits_year_mean', 'credits_year_p90', 'price_year', 'effective_year', 'price_per_allowed_hour', 'currency'];
  const rows = last.options.map((o) => [o.name, o.internal, o.promise, o.allowedOwn.seconds, o.allowedBasis.seconds, o.uncoveredWeekSeconds, o.effectiveTarget ?? '', o.expectedBasis?.seconds ?? '', o.creditsYear?.mean ?? '', o.creditsYear?.p90 ?? '', o.priceYear, o.effectiveYear, o.perAllowedHour ?? '', last.currency]);
  return `${[head, ...rows].map((r) => r.map(quote).join(',')).join('\n')}\n`;
}

async function copy(text, done) {
  try {
    await navigator.clipboard.writeText(text);
    $('cmp-copy-status').textContent = done;
  } catch {
    $('cmp-copy-status').textContent = 'Copying is not allowed here: select the address bar (or the snippet in the JSON export) instead.';
  }
}

async function main() {
  await init();
  presets = creditPresets();
  const z = new URLSearchParams(location.hash.slice(1)).get('z');
  if (z) {
    try {
      state = await decode(z);
    } catch (e) {
      $('cmp-link-error').textContent = `This link could not be read (${e.message}); the example comparison is shown instead. Nothing from the link was used.`;
      $('cmp-link-error').hidden = false;
    }
  }
  writeBasis();
  renderOptions();
  $('cmp-form').addEventListener('input', update);
  $('cmp-form').addEventListener('change', (e) => {
    if (!e.target.matches('select')) return;
    if (/^opt-\d+-schedule$/.test(e.target.id)) {
      readState();
      renderOptions();
    }
    update();
  });
  $('cmp-add').addEventListener('click', () => {
    readState();
    state.options.push({ name: `Provider ${String.fromCharCode(65 + state.options.length - 1)}`, internal: false, price: '7000', oneOff: '0', target: '99.9', period: 'month', hours: '', schedule: '', attainment: '' });
    renderOptions();
    update();
    $(`opt-${state.options.length - 1}-name`).focus();
  });
  $('cmp-save').addEventListener('click', () => {
    readState();
    const name = $('cmp-scenario-name').value.trim() || `Comparison of ${new Date().toLocaleDateString()}`;
    store([...stored(), { name, saved: new Date().toISOString(), state: structuredClone(state) }]);
    status(`Saved “${name}”.`);
  });
  $('cmp-scenarios-export').addEventListener('click', () =>
    download('slacalc-scenarios.json', 'application/json', JSON.stringify({ program: 'slacalc', kind: 'comparison-scenarios', version: VERSION, scenarios: stored() }, null, 2)),
  );
  $('cmp-scenarios-import').addEventListener('change', () => {
    const file = $('cmp-scenarios-import').files[0];
    if (file) importScenarios(file);
    $('cmp-scenarios-import').value = '';
  });
  $('cmp-copy').addEventListener('click', async () => {
    await saveLink();
    copy(location.href, 'Link copied: it holds the whole comparison.');
  });
  $('cmp-embed').addEventListener('click', async () => {
    await saveLink();
    const base = new URL('.', location.href).href;
    copy(`<script type="module" src="${base}embed.js"></script>\n<sla-compare state="${linkText}"></sla-compare>`, 'Embed snippet copied: see examples.html for the Content-Security-Policy the host page needs.');
  });
  $('cmp-export-csv').addEventListener('click', () => last && download('comparison.csv', 'text/csv', csv()));
  $('cmp-export-json').addEventListener('click', () => last && download('comparison.json', 'application/json', JSON.stringify({ program: 'slacalc', kind: 'comparison', version: VERSION, state, result: last }, null, 2)));
  $('cmp-print').addEventListener('click', () => window.print());
  window.addEventListener('beforeprint', () => {
    for (const d of document.querySelectorAll('details')) d.open = true;
  });
  renderScenarios();
  await update();
  document.documentElement.dataset.ready = 'true';
}

main();
