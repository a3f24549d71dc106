// The comparison workspace: the common basis, the outage model and the options, computed on every
// keystroke; the state lives in the link (compact), in saved scenarios, and in the exports.
import { coreFor } from './core.js';
import { localeAmount, readAmount, readNumber } from './amount.js';
import { calendarEditor, calendarValue, calendarWords } from './calendar-editor.js';
import { clearErrors, showError, words } from './fields.js';
import { DEFAULT_STATE, decode, encode, moneyFormat, quotesInput, sanitize, VERSION } from './scenario.js';
import { $, copy, count, csvField, download, el, linkWriter, svg } from './util.js';

const { core, ready, onRestart } = coreFor('pkg-analysis');
const { attainment, compareQuotes, creditPresets } = core;
const STORE = 'slacalc.scenarios';

let presets = [];
let state = structuredClone(DEFAULT_STATE);
let last;
let linkText = '';
/** The calendar editor of the basis, and one per option. */
let basisHours;
let optionHours = [];

const PERIODS = [['week', 'weekly'], ['P2W', 'every two weeks'], ['month', 'monthly'], ['quarter', 'quarterly'], ['year', 'yearly']];
const AMOUNTS = [['price', 'Price a month'], ['oneOff', 'One-off costs']];

function field(i, key, label, value, attrs = {}) {
  const id = `opt-${i}-${key}`;
  const input = el('input', { id, value, type: 'text', autocomplete: 'off', spellcheck: false, ...attrs });
  input.dataset.testid = id;
  return el('div', { className: 'opt-field' }, el('label', { htmlFor: id, textContent: label }), input);
}

function select(i, key, label, value, choices) {
  const id = `opt-${i}-${key}`;
  const s = el('select', { id }, ...choices.map(([v, t]) => el('option', { value: v, textContent: t })));
  s.value = value;
  s.dataset.testid = id;
  return el('div', { className: 'opt-field' }, el('label', { htmlFor: id, textContent: label }), s);
}

/** Builds the option cards from the state. */
function renderOptions() {
  const schedules = [['', 'none'], ...presets.map((p) => [p.id, p.name]), ['custom', 'my own (JSON)']];
  optionHours = [];
  $('cmp-options').replaceChildren(
    ...state.options.map((o, i) => {
      const box = el('fieldset', { className: `field option${o.internal ? ' internal' : ''}` });
      box.dataset.testid = `cmp-option-${i}`;
      box.append(el('legend', { textContent: o.internal ? 'The internal service' : `Quote ${i}` }));
      box.append(field(i, 'name', 'Name', o.name));
      box.append(el('div', { className: 'row' }, ...AMOUNTS.map(([k, label]) => field(i, k, label, localeAmount(o[k]), { inputMode: 'decimal' }))));
      box.append(el('div', { className: 'row' }, field(i, 'target', 'Promised target (%)', o.target, { inputMode: 'decimal' }), select(i, 'period', 'Measured', o.period, PERIODS)));
      const hours = el('div', { className: 'calendar-editor', id: `opt-${i}-hours` });
      box.append(hours);
      optionHours.push(calendarEditor(hours, { id: `opt-${i}-cal`, core, state: o.calendar, label: 'On service hours', basis: 'your service hours', onChange: () => update() }));
      if (o.internal) {
        box.append(field(i, 'attainment', 'Measured attainment on your basis (%)', o.attainment, { inputMode: 'decimal' }));
        const file = el('input', { id: `opt-${i}-log`, type: 'file', accept: '.csv,.tsv,.txt,.json,text/csv,application/json', onchange: () => fromLog(i, file.files[0]) });
        file.dataset.testid = `cmp-log-${i}`;
        box.append(el('label', { className: 'file', htmlFor: file.id, textContent: 'or measure it from an outage log (CSV or JSON)' }), file);
        const from = select(i, 'from', 'The expected downtime uses', o.from, [['typed', 'the attainment typed above'], ['average', 'the log’s average'], ['typical', 'the log’s typical period'], ['worst', 'the log’s worst period']]);
        from.hidden = !o.log;
        box.append(from);
        const note = el('p', { id: `opt-${i}-log-status`, className: 'hint', textContent: o.log ? logWords(o.log) : '' });
        note.setAttribute('role', 'status');
        note.dataset.testid = `opt-${i}-log-status`;
        box.append(note);
      } else {
        box.append(select(i, 'schedule', 'Credit schedule', o.schedule, schedules));
        const custom = el('textarea', { id: `opt-${i}-custom`, rows: 5, spellcheck: false, value: o.custom || '{"target": "99.9", "tiers": [{"when": "< 99.9 and >= 99", "percent": 10}, {"when": "< 99", "percent": 25}]}' });
        custom.dataset.testid = `opt-${i}-custom`;
        box.append(el('div', { className: 'opt-field', hidden: o.schedule !== 'custom' }, el('label', { htmlFor: custom.id, textContent: 'Its credit schedule as JSON (see the Penalties page for the form)' }), custom));
        box.append(field(i, 'attainment', 'Measured attainment on your basis, if known (%)', o.attainment, { inputMode: 'decimal', placeholder: 'from the outage model' }));
        box.append(el('button', { type: 'button', className: 'link remove', textContent: `Remove ${o.name}`, onclick: () => { readState(); state.options.splice(i, 1); renderOptions(); update(); } }));
      }
      return box;
    }),
  );
}

/** What a log gave the internal service, in words. */
function logWords(log) {
  const per = { week: 'week', month: 'month', quarter: 'quarter', year: 'year' }[log.measure] ?? log.measure;
  return `From ${log.name} over ${log.span} on your service hours (${count(log.periods, per)}): on average ${log.average}%` +
    (log.typical ? `; a typical ${per} ${log.typical.attainment}%` : '') +
    (log.worst ? `; the worst, ${log.worst.label}, ${log.worst.attainment}%.` : '.') +
    ' Choose which one sets the expected downtime: the average hides the bad periods the log was measured to show.';
}

/** Reads the form into the state (amounts as typed). */
function readState() {
  state.basis = { period: $('cmp-period').value, calendar: basisHours.state(), currency: $('cmp-currency').value, cost: $('cmp-cost').value, years: $('cmp-years').value };
  state.model = { rate: $('cmp-rate').value, median: $('cmp-median').value, p90: $('cmp-p90').value };
  state.options = state.options.map((o, i) => {
    const v = (k) => $(`opt-${i}-${k}`)?.value ?? o[k];
    return { ...o, name: v('name'), price: v('price'), oneOff: v('oneOff'), target: v('target'), period: v('period'), calendar: optionHours[i]?.state() ?? o.calendar, schedule: v('schedule'), custom: v('custom'), attainment: v('attainment'), from: v('from') };
  });
}

function writeBasis() {
  const b = state.basis;
  $('cmp-period').value = b.period;
  basisHours.set(b.calendar);
  $('cmp-currency').value = b.currency;
  $('cmp-cost').value = localeAmount(b.cost);
  $('cmp-years').value = b.years;
  $('cmp-rate').value = state.model.rate;
  $('cmp-median').value = state.model.median;
  $('cmp-p90').value = state.model.p90;
}

/**
 * The state with its amounts read in the reader's locale (plain decimals), and the problems found, by
 * field id. Amounts that cannot be read stay as typed, so that a link keeps what was typed.
 */
function canonical() {
  const problems = [];
  const s = structuredClone(state);
  const money = (id, text) => {
    const r = readAmount(text, { currency: s.basis.currency });
    if ('value' in r) return r.value;
    problems.push([id, r.code === 'empty' ? 'Type an amount, such as 0.' : r.error]);
    return text;
  };
  s.basis.cost = money('cmp-cost', s.basis.cost);
  s.options.forEach((o, i) => {
    for (const [k] of AMOUNTS) o[k] = money(`opt-${i}-${k}`, o[k]);
    if (!o.name.trim()) problems.push([`opt-${i}-name`, 'Give this option a name.']);
  });
  const years = s.basis.years.trim();
  if (!/^\d{1,3}$/.test(years) || Number(years) < 1 || Number(years) > 100) problems.push(['cmp-years', `“${years}” is not a number of contract years: type a whole number from 1 to 100.`]);
  for (const [id, key, what] of [['cmp-median', 'median', 'the median repair time'], ['cmp-p90', 'p90', 'the time within which 90% of incidents are repaired']]) {
    if (!s.model[key].trim()) problems.push([id, `Type ${what}, such as 30 min or 2 h.`]);
  }
  const rate = readNumber(s.model.rate, { decimals: 6 });
  if ('value' in rate) s.model.rate = rate.value;
  else problems.push(['cmp-rate', rate.code === 'empty' ? 'Type how many incidents a month, such as 1.' : rate.error]);
  return { canon: s, problems };
}

function stale(why) {
  const section = document.querySelector('main > section');
  section.classList.toggle('stale', Boolean(why) && Boolean(last));
  $('cmp-stale').hidden = !why || !last;
  $('cmp-stale').textContent = why ?? '';
  $('cmp-empty').hidden = Boolean(last) || !why;
  $('cmp-empty').textContent = why ?? '';
}

const STALE = 'Showing the last comparison: correct what is marked in red to compare again.';

/** A core error next to the field it concerns, in people's words. */
function showCoreError(e) {
  const part = e.part ?? '';
  let m;
  const calendarError = (editor, inner) => editor?.showError({ ...e, field: 'calendar', part: inner, message: e.message });
  if ((m = /^options\[(\d+)\]\.calendar\.?(.*)$/.exec(part)) && calendarError(optionHours[Number(m[1])], m[2])) return;
  if ((m = /^basis\.calendar\.?(.*)$/.exec(part)) && calendarError(basisHours, m[1])) return;
  if ((m = /^options\[(\d+)\]\.(\w+)/.exec(part))) {
    const i = Number(m[1]);
    const key = { pricePerMonth: 'price', currency: 'price', schedule: state.options[i]?.schedule === 'custom' ? 'custom' : 'schedule' }[m[2]] ?? m[2];
    const input = $(`opt-${i}-${key}`) ?? $(`opt-${i}-name`);
    if (input) return showError(input, words(e));
  }
  const basis = { 'basis.currency': 'cmp-currency', 'basis.contractYears': 'cmp-years', 'basis.downtimeCostPerHour': 'cmp-cost', 'basis.period': 'cmp-period' }[part];
  if (basis) return showError($(basis), words(e));
  if (e.field === 'model' || part.startsWith('model')) {
    const key = part.replace(/^model\./, '');
    return showError($({ median: 'cmp-median', p90: 'cmp-p90' }[key] ?? 'cmp-rate'), words(e));
  }
  if (e.field === 'calendar' && basisHours.showError(e)) return;
  $('cmp-options-error').textContent = words(e);
  $('cmp-options-error').hidden = false;
}

function update() {
  readState();
  clearErrors($('cmp-form'));
  basisHours.clearErrors();
  for (const h of optionHours) h.clearErrors();
  $('cmp-options-error').hidden = true;
  address.soon(link);
  const { canon, problems } = canonical();
  for (const [id, message] of problems) showError($(id), message);
  if (problems.length) return stale(STALE);
  // Every calendar's zone must be loaded first; each editor fetches its own and calls back.
  const zones = [basisHours, ...optionHours.filter((_, i) => canon.options[i].calendar.preset !== 'basis')].map((h) => h.zoneState(update));
  if (zones.includes('failed')) return stale(STALE);
  if (zones.includes('loading')) return stale('Loading a time zone…');
  try {
    last = compareQuotes(quotesInput(canon));
    stale(null);
    show(last);
  } catch (e) {
    showCoreError(e);
    stale(last ? STALE : 'Correct what is marked in red to see the comparison.');
  }
}

function show(r) {
  const money = moneyFormat(r.currency);
  const periodName = (p) => PERIODS.find(([v]) => v === p)?.[1] ?? p;
  const hoursName = (o) => (o.calendar.preset === 'basis' ? 'your service hours' : calendarWords(o.calendar));
  $('cmp-report-title').textContent = `Comparison report: ${state.options.map((o) => o.name).join(', ')}. Made with slacalc on ${new Date().toISOString().slice(0, 10)}.`;
  $('cmp-assumptions').replaceChildren(
    el('li', { textContent: `Basis: ${r.basis}; hours ${calendarWords(state.basis.calendar)}; prices in ${r.currency}; one-off costs spread over ${state.basis.years} years; an hour of downtime costs ${money(canonical().canon.basis.cost || '0')}.` }),
    el('li', { textContent: `Outage model for options without history: ${state.model.rate} incident${canonical().canon.model.rate === '1' ? '' : 's'} a month, median repair ${state.model.median}, 90% within ${state.model.p90}.` }),
    ...canonical().canon.options.map((o) =>
      el('li', {
        textContent:
          `${o.name}${o.internal ? ' (internal)' : ''}: ${money(o.price)} a month, ${money(o.oneOff || '0')} one-off; promises ${o.target}% measured ${periodName(o.period)} on ${hoursName(o)}` +
          `${o.schedule === 'custom' ? `; credits: its own schedule ${o.custom}` : o.schedule ? `; credits: ${presets.find((p) => p.id === o.schedule)?.name ?? o.schedule}` : o.internal ? '' : '; no credit schedule'}` +
          `${o.attainment ? `; measured attainment ${o.attainment}%${o.log && o.from !== 'typed' ? ` (the log’s ${o.from === 'typical' ? 'typical period' : o.from === 'worst' ? 'worst period' : 'average'})` : ''}` : ''}.`,
      }),
    ),
  );
  $('cmp-basis').textContent = `The basis: ${r.basis}.`;
  $('cmp-verdict').replaceChildren(...r.verdict.slice(1).map((line) => el('li', { textContent: line })));
  $('cmp-table').querySelector('tbody').replaceChildren(
    ...r.options.map((o, i) => {
      const tr = el('tr', { className: o.internal ? 'internal' : '' });
      const uncovered = o.uncoveredWeekSeconds > 0 ? `unlimited in ${Math.round(o.uncoveredWeekSeconds / 360) / 10} h a week` : null;
      const option = state.options[i];
      const source = option?.log && option.from !== 'typed' ? ` (the log’s ${option.from === 'typical' ? 'typical' : option.from === 'worst' ? 'worst' : 'average'} ${option.log.measure})` : !option?.attainment ? ' (outage model)' : ' (measured)';
      const cells = [
        o.promise,
        o.allowedOwn.text,
        uncovered ? `${o.allowedBasis.text}; ${uncovered}` : o.allowedBasis.text,
        o.effectiveTarget ? `${o.effectiveTarget}%` : 'none (hours uncovered)',
        o.expectedBasis ? `${o.expectedBasis.text.replace(/(\.\d{3})\d+ s$/, '$1 s')}${source}` : '–',
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
  /** @type {Array<[string, Record<string, any>, string?]>} */
  const parts = [];
  const band = 200 / rows.length;
  const [left, mid, width] = [130, 365, 220];
  parts.push(['text', { x: left, y: 12, class: 'label' }, 'Downtime in one of your periods (hours)']);
  parts.push(['text', { x: mid + 10, y: 12, class: 'label' }, 'Effective cost a year']);
  rows.forEach((o, i) => {
    const y = 22 + i * band;
    const h = Math.min(band - 6, 26);
    parts.push(['text', { x: left - 6, y: y + h / 2 + 4, class: 'label', 'text-anchor': 'end' }, o.name.length > 20 ? `${o.name.slice(0, 19)}…` : o.name]);
    const a = (hours(o.allowedBasis) / maxH) * width;
    const e = (hours(o.expectedBasis) / maxH) * width;
    parts.push(['rect', { x: left, y, width: Math.max(a, 1), height: h, class: o.uncoveredWeekSeconds > 0 ? 'allowed unlimited' : 'allowed' }, `${o.name}: ${o.allowedBasis.text} allowed${o.uncoveredWeekSeconds > 0 ? ', and unlimited outside its hours' : ''}`]);
    if (o.expectedBasis) parts.push(['rect', { x: left, y: y + h / 4, width: Math.max(e, 1), height: h / 2, class: 'expected' }, `${o.name}: ${o.expectedBasis.text} expected`]);
    const c = (Number(o.effectiveYear) / maxC) * (600 - mid - 20);
    parts.push(['rect', { x: mid + 10, y, width: Math.max(c, 1), height: h, class: o.internal ? 'cost internal' : 'cost' }, `${o.name}: ${money(o.effectiveYear)} a year`]);
    parts.push(['text', { x: mid + 14, y: y + h / 2 + 4, class: 'value' }, money(o.effectiveYear)]);
  });
  $('cmp-chart').replaceChildren(...svg(parts));
  $('cmp-chart-caption').textContent = 'Left: the downtime each promise allows in one of your periods (outline; dashed red where its hours leave yours uncovered) against the downtime expected (filled). Right: the effective cost a year.';
}

/**
 * Measures an outage log on the basis's service hours and offers its average, its typical (median)
 * period and its worst period as the internal service's attainment.
 */
async function fromLog(i, file) {
  if (!file) return;
  readState();
  const note = $(`opt-${i}-log-status`);
  const base = calendarValue(state.basis.calendar);
  if (basisHours.zoneState(() => fromLog(i, file)) !== 'ready') return;
  try {
    const r = attainment({ outages: await file.text(), target: state.options[i].target, timeZone: base?.timeZone ?? (state.basis.calendar.zone.trim() || 'UTC'), calendar: base });
    const measure = { week: 'week', month: 'month', quarter: 'quarter', year: 'year' }[state.basis.period] ?? 'month';
    const periods = (r.choices.find((c) => c.measure === measure)?.periods ?? []).filter((p) => p.availability !== null);
    if (!periods.length) throw new Error(r.outages ? 'the log covers no service hours of yours' : 'no outage could be read (open it on the Outage log page to see why)');
    const micro = (text) => {
      const [w, f = ''] = text.split('.');
      return BigInt(w) * 1_000_000n + BigInt((f + '000000').slice(0, 6));
    };
    const service = periods.reduce((sum, p) => sum + micro(p.serviceSeconds), 0n);
    const down = periods.reduce((sum, p) => sum + micro(p.downtimeSeconds), 0n);
    const m = ((service - down) * 100_000_000n) / service;
    const average = `${m / 1_000_000n}.${String(m % 1_000_000n).padStart(6, '0')}`;
    const sorted = [...periods].sort((a, b) => Number(a.availability) - Number(b.availability));
    const typical = sorted[Math.floor((sorted.length - 1) / 2)];
    const worst = sorted[0];
    const o = state.options[i];
    o.log = { name: file.name, span: r.span, measure, average, typical: { label: typical.label, attainment: typical.availability }, worst: { label: worst.label, attainment: worst.availability }, periods: periods.length };
    o.from = o.from === 'typed' ? 'average' : o.from;
    o.attainment = o.from === 'typical' ? typical.availability : o.from === 'worst' ? worst.availability : average;
    renderOptions();
    update();
  } catch (e) {
    note.textContent = `${file.name} could not be measured: ${words(e)}`;
  }
}

/** The state as links and files keep it: amounts as plain decimals where they can be read. */
function stored() {
  readState();
  const { canon } = canonical();
  const s = structuredClone(state);
  s.basis.cost = canon.basis.cost;
  s.options.forEach((o, i) => {
    for (const [k] of AMOUNTS) o[k] = canon.options[i][k];
  });
  return s;
}

const address = linkWriter(200);
/** The link to the comparison on the page (the state is compressed). */
async function link() {
  linkText = await encode(stored());
  return `#z=${linkText}`;
}
const saveLink = () => address.now(link);

// Saved scenarios: { program: "slacalc", kind: "comparison-scenarios", version, scenarios: [{ name, saved, state }] }.
/** A text field of a stored or imported scenario: strings as they are, numbers as text, anything else
 *  (an object whose toString throws, an array) as `fallback`; never longer than 100 characters. */
function plainText(v, fallback) {
  return (typeof v === 'string' ? v : typeof v === 'number' && Number.isFinite(v) ? String(v) : fallback).slice(0, 100);
}

function storedScenarios() {
  try {
    const data = JSON.parse(localStorage.getItem(STORE) ?? 'null');
    return Array.isArray(data?.scenarios)
      ? data.scenarios.filter((s) => s && typeof s === 'object').map((s) => ({ name: plainText(s.name, 'Scenario'), saved: plainText(s.saved, ''), state: s.state }))
      : [];
  } catch {
    return [];
  }
}

/**
 * Keeps the scenarios in this browser; false (with the reason shown) when the browser's storage for the
 * page is full or not allowed.
 */
function store(list) {
  try {
    localStorage.setItem(STORE, JSON.stringify({ program: 'slacalc', kind: 'comparison-scenarios', version: VERSION, scenarios: list }));
    return true;
  } catch (e) {
    const full = e instanceof DOMException && e.name === 'QuotaExceededError';
    status(full ? 'This browser’s storage for the page is full: delete scenarios you no longer need, or export them to a file first.' : 'This browser does not let the page keep scenarios (private browsing or site data blocked).');
    return false;
  } finally {
    renderScenarios();
  }
}

function renderScenarios() {
  const list = storedScenarios();
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
            const all = storedScenarios();
            all[i].name = name;
            if (store(all)) status(`Renamed to “${name}”.`);
          },
        }),
        ' ',
        el('button', { type: 'button', className: 'link', textContent: 'Delete', ariaLabel: `Delete ${s.name}`, onclick: () => { const all = storedScenarios(); all.splice(i, 1); if (store(all)) status(`Deleted “${s.name}”.`); } }),
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
  const version = data.version;
  if (typeof version === 'string' && /^\s*\d+\s*$/.test(version)) {
    return status(`${file.name} gives its version as the text "${version.trim()}"; slacalc writes it as a number (version: ${version.trim()}). Nothing was imported.`);
  }
  if (!Number.isInteger(version) || version < 1) {
    return status(`${file.name} has no version slacalc writes (it should say version: ${VERSION}); nothing was imported.`);
  }
  if (version > VERSION) {
    return status(`${file.name} was made by a newer version of slacalc (file version ${version}); this page reads version ${VERSION}. Nothing was imported.`);
  }
  const good = [];
  const bad = [];
  const list = Array.isArray(data.scenarios) ? data.scenarios : [];
  list.forEach((s, i) => {
    const name = plainText(s?.name, `scenario ${i + 1}`);
    try {
      if (!s || typeof s !== 'object') throw new Error('it is not a scenario');
      good.push({ name: plainText(s.name, 'Imported'), saved: plainText(s.saved, ''), state: sanitize(s.state) });
    } catch (e) {
      bad.push(`${name} (${e instanceof Error ? e.message : 'it cannot be read'})`);
    }
  });
  const kept = storedScenarios();
  // All at once if they fit; else one by one, as many as the browser's storage takes.
  let stored = good.length;
  if (!store([...kept, ...good])) {
    stored = 0;
    while (stored < good.length && store([...kept, ...good.slice(0, stored + 1)])) stored++;
  }
  const notKept = good.length - stored;
  status(
    `Imported ${count(stored, 'scenario')} from ${file.name}.` +
      (notKept ? ` ${count(notKept, 'scenario')} did not fit in this browser’s storage: delete scenarios you no longer need and import again.` : '') +
      (bad.length ? ` Not imported: ${bad.join('; ')}.` : ''),
  );
}

function csv() {
  const head = ['option', 'internal', 'promise', 'allowed_own_seconds', 'allowed_basis_seconds', 'uncovered_week_seconds', 'effective_target_percent', 'expected_basis_seconds', 'credits_year_mean', 'credits_year_p90', 'price_year', 'effective_year', 'price_per_allowed_hour', 'currency'];
  const rows = last.options.map((o) => [o.name, o.internal, o.promise, o.allowedOwn.seconds, o.allowedBasis.seconds, o.uncoveredWeekSeconds, o.effectiveTarget ?? '', o.expectedBasis?.seconds ?? '', o.creditsYear?.mean ?? '', o.creditsYear?.p90 ?? '', o.priceYear, o.effectiveYear, o.perAllowedHour ?? '', last.currency]);
  return `${[head, ...rows].map((r) => r.map(csvField).join(',')).join('\n')}\n`;
}

/** Opens the comparison the link holds; a damaged link says so and shows the example. */
async function fromLink() {
  const z = new URLSearchParams(location.hash.slice(1)).get('z');
  $('cmp-link-error').hidden = true;
  if (!z || z === linkText) return false;
  try {
    state = await decode(z);
  } catch (e) {
    state = structuredClone(DEFAULT_STATE);
    $('cmp-link-error').textContent = `This link could not be read (${e.message}); the example comparison is shown instead. Nothing from the link was used.`;
    $('cmp-link-error').hidden = false;
  }
  return true;
}

async function main() {
  await ready;
  onRestart(() => update());
  presets = creditPresets();
  basisHours = calendarEditor($('cmp-calendar'), { id: 'cmp-cal', core, state: state.basis.calendar, label: 'Your service hours', onChange: () => update() });
  await fromLink();
  writeBasis();
  renderOptions();
  const outside = (e) => !(/** @type {HTMLElement} */ (e.target).closest('.calendar-editor'));
  $('cmp-form').addEventListener('input', (e) => outside(e) && update());
  $('cmp-form').addEventListener('change', (e) => {
    const t = /** @type {HTMLElement} */ (e.target);
    if (!t.matches('select') || !outside(e)) return;
    let m;
    if ((m = /^opt-(\d+)-from$/.exec(t.id))) {
      readState();
      const o = state.options[Number(m[1])];
      if (o.log && o.from !== 'typed') o.attainment = o.from === 'typical' ? o.log.typical.attainment : o.from === 'worst' ? o.log.worst.attainment : o.log.average;
      renderOptions();
    } else if (/^opt-\d+-schedule$/.test(t.id)) {
      readState();
      renderOptions();
    }
    update();
  });
  $('cmp-options').addEventListener('input', (e) => {
    // Typing an attainment over the log's figure makes it the one used.
    const m = /^opt-(\d+)-attainment$/.exec(/** @type {HTMLElement} */ (e.target).id);
    if (m && $(`opt-${m[1]}-from`)) $(`opt-${m[1]}-from`).value = 'typed';
  }, { capture: true });
  $('cmp-add').addEventListener('click', () => {
    readState();
    state.options.push({ name: `Provider ${String.fromCharCode(65 + state.options.length - 1)}`, internal: false, price: '7000', oneOff: '0', target: '99.9', period: 'month', calendar: { preset: '', hours: '', zone: 'UTC', holidays: [], exclusions: [] }, schedule: '', custom: '', attainment: '', from: 'typed', log: null });
    renderOptions();
    update();
    $(`opt-${state.options.length - 1}-name`).focus();
  });
  $('cmp-save').addEventListener('click', () => {
    const name = $('cmp-scenario-name').value.trim() || `Comparison of ${new Date().toLocaleDateString()}`;
    if (store([...storedScenarios(), { name, saved: new Date().toISOString(), state: stored() }])) status(`Saved “${name}”.`);
  });
  $('cmp-scenarios-export').addEventListener('click', () =>
    download('slacalc-scenarios.json', 'application/json', JSON.stringify({ program: 'slacalc', kind: 'comparison-scenarios', version: VERSION, scenarios: storedScenarios() }, null, 2)),
  );
  $('cmp-scenarios-import').addEventListener('change', () => {
    const file = $('cmp-scenarios-import').files[0];
    if (file) importScenarios(file);
    $('cmp-scenarios-import').value = '';
  });
  $('cmp-copy').addEventListener('click', async () => {
    await saveLink();
    copy(location.href, $('cmp-copy-status'), 'Link copied: it holds the whole comparison.', 'Copying is not allowed here: select the address bar instead.');
  });
  $('cmp-embed').addEventListener('click', async () => {
    await saveLink();
    const base = new URL('.', location.href).href;
    copy(`<script type="module" src="${base}embed.js"></script>\n<sla-compare state="${linkText}"></sla-compare>`, $('cmp-copy-status'), 'Embed snippet copied: see examples.html for the Content-Security-Policy the host page needs.', 'Copying is not allowed here: see examples.html for the snippet.');
  });
  $('cmp-export-csv').addEventListener('click', () => last && download('comparison.csv', 'text/csv', csv()));
  $('cmp-export-json').addEventListener('click', () => last && download('comparison.json', 'application/json', JSON.stringify({ program: 'slacalc', kind: 'comparison', version: VERSION, state: stored(), result: last }, null, 2)));
  $('cmp-print').addEventListener('click', () => window.print());
  window.addEventListener('beforeprint', () => {
    for (const d of document.querySelectorAll('details')) d.open = true;
  });
  // A link pasted into this tab.
  window.addEventListener('hashchange', async () => {
    if (await fromLink()) {
      writeBasis();
      renderOptions();
      update();
    }
  });
  renderScenarios();
  update();
  document.documentElement.dataset.ready = 'true';
}

main();
