// The penalty modeller: a credit schedule (a preset or one's own, built in a form), charges, and either the
// periods to credit (worked out here, on every keystroke) or an outage model whose contract years are
// simulated in a worker, with what keeps credits under a limit. Everything typed is kept in the link.
import { coreFor } from './core.js';
import { readAmount, readNumber } from './amount.js';
import { calendarEditor, calendarValue, calendarWords, cleanCalendar } from './calendar-editor.js';
import { clearErrors, showError, words } from './fields.js';
import { moneyFormat } from './scenario.js';
import { scheduleEditor } from './schedule-editor.js';
import { $, copy, count, csvField, download, el, linkWriter, svg } from './util.js';
import { zoneFailure } from './zones.js';

const { core, ready, onRestart, compiled } = coreFor('pkg-analysis');
const { credits, creditPresets, durationSeconds, durationText, exportedPeriods, OutageLog } = core;

let presets = [];
/** @type {ReturnType<typeof scheduleEditor>} */
let schedule;
/** @type {ReturnType<typeof calendarEditor>} */
let hours;
let lastCredits;
let lastRisk;
/** The simulation's worker, given the page's compiled module once; it lives as long as the page. */
let worker;
/** @type {WebAssembly.Module | undefined} */
let wasmModule;
let runId = 0;
/** Repair times resampled from an outage log: { name, durations: string[] }, or undefined. */
let resampled;

const EXAMPLE_PERIODS = ['Jan 2026, 99.95', 'Feb 2026, 99.82', 'Mar 2026, 99.91', 'Apr 2026, 98.7', 'May 2026, 99.99', 'Jun 2026, 94.2'].join('\n');

/** Repair-time sliders run on a log scale from 1 minute to 3 days, in whole minutes. */
const sliderSeconds = (v) => Math.max(60, Math.round((60 * 4320 ** (Number(v) / 100)) / 60) * 60);
const sliderOf = (seconds) => Math.round(Math.min(100, Math.max(0, (100 * Math.log(Math.max(60, seconds) / 60)) / Math.log(4320))));
const roughly = (seconds) => durationText(Math.round(seconds));

const mode = () => /** @type {HTMLInputElement} */ (document.querySelector('input[name=pen-mode]:checked')).value;
const currency = () => $('pen-currency').value.trim();
/** Amounts in the reader's locale, in the currency typed (an ISO code such as EUR, or any label). */
const money = (text) => moneyFormat(currency())(text);

/** The charges typed, read in the reader's locale: a decimal string, or null with the error shown. */
function charges() {
  const r = readAmount($('pen-charges').value, { currency: currency() });
  if ('value' in r) return r.value;
  showError($('pen-charges'), r.code === 'empty' ? 'Type the charges of one period, such as 12 000.' : r.error);
  return null;
}

/** Reads the periods typed, one a line; returns the CreditPeriod objects and the line of each. */
function periods(defaultCharges) {
  const rows = [];
  const lines = [];
  const problems = [];
  $('pen-periods').value.split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    const parts = line.split(',').map((p) => p.trim());
    const row = { label: parts[0] };
    const plain = [];
    for (const part of parts.slice(1)) {
      const eq = part.indexOf('=');
      if (eq > 0) {
        const key = part.slice(0, eq).trim();
        const value = part.slice(eq + 1).trim();
        if (key === 'outages') row.outages = value.split(/\s+/).filter(Boolean);
        else (row.levels ??= {})[key] = value;
      } else if (part) plain.push(part);
    }
    if (plain[0] !== undefined) {
      if (/[a-z]/i.test(plain[0])) row.downtime = plain[0];
      else row.attainment = plain[0].replace('%', '').trim();
    }
    if (plain[1] !== undefined) {
      const c = readAmount(plain[1], { currency: currency() });
      if ('value' in c) row.charges = c.value;
      else problems.push(`Line ${i + 1}: ${c.error}`);
    } else row.charges = defaultCharges;
    rows.push(row);
    lines.push(i + 1);
  });
  return { rows, lines, problems };
}

function cell(tag, text, cls) {
  const e = el(tag, { textContent: text });
  if (cls) e.className = cls;
  return e;
}

/** Marks the results out of date (or clears the mark). */
function stale(why) {
  const box = mode() === 'risk' ? $('pen-risk') : $('pen-credits');
  const shown = mode() === 'risk' ? Boolean(lastRisk) : Boolean(lastCredits);
  box.classList.toggle('stale', Boolean(why));
  $('pen-stale').hidden = !why || !shown;
  $('pen-stale').textContent = why ?? '';
}

const STALE = 'Showing the last result: correct what is marked in red to work it out again.';

/** Routes a core error to its field, in people's words. */
function failed(e, lines = []) {
  if (schedule.showError(e) || hours.showError(e)) {
    // shown next to the schedule's or the calendar's part
  } else if (e.field === 'periods') {
    const m = /^\[(\d+)\]/.exec(e.part ?? '');
    showError($('pen-periods'), m ? `Line ${lines[Number(m[1])]}: ${words(e)}` : words(e));
  } else if (e.field === 'model') {
    const part = e.part ?? '';
    const id = { incidentsPerMonth: 'pen-rate-text', median: 'pen-median-text', p90: 'pen-p90-text', plannedPerPeriod: 'pen-planned', seed: 'pen-seed', years: 'pen-years', breakEvenPercent: 'pen-break-even', 'solve.percent': 'pen-break-even' }[part];
    showError($(id ?? (part.startsWith('durations') ? 'pen-resample' : 'pen-rate-text')), words(e));
  } else showError($('pen-charges'), words(e));
  stale(STALE);
}

function runCredits() {
  const c = charges();
  const { rows, lines, problems } = periods(c ?? '0');
  $('pen-empty').hidden = rows.length > 0;
  $('pen-credits').hidden = rows.length === 0;
  if (problems.length) showError($('pen-periods'), problems.join(' '));
  const localSchedule = schedule.showLocal();
  if (c === null || problems.length || localSchedule) return stale(STALE);
  if (!rows.length) return stale(null);
  try {
    const r = credits({ schedule: schedule.value(), periods: rows, currency: currency() });
    lastCredits = r;
    $('pen-summary').textContent = `${r.schedule}: ${r.summary}${Number(r.totalBonus) > 0 ? `, and ${money(r.totalBonus)} of bonus owed to the provider` : ''}.`;
    $('pen-table').querySelector('tbody').replaceChildren(
      ...r.periods.map((p) => {
        const tr = el('tr', { className: p.breached ? 'breached' : '' });
        tr.append(Object.assign(cell('th', p.label), { scope: 'row' }), cell('td', `${p.attainment}%`), cell('td', money(p.credit)));
        return tr;
      }),
    );
    $('pen-explanations').replaceChildren(...r.periods.map((p) => cell('li', p.explanation)));
    stale(null);
  } catch (e) {
    failed(e, lines);
  }
}

/** The outage model typed: durations as typed text, the rate read in the reader's locale. */
function model() {
  const rate = readNumber($('pen-rate-text').value, { decimals: 6 });
  if (!('value' in rate)) {
    showError($('pen-rate-text'), rate.code === 'empty' ? 'Type how many incidents a month, such as 2.' : rate.error);
    return null;
  }
  if (!resampled) {
    for (const [id, what] of [['pen-median-text', 'the median repair time'], ['pen-p90-text', 'the time within which 90% of incidents are repaired']]) {
      if (!$(id).value.trim()) {
        showError($(id), `Type ${what}, such as 30 min or 2 h.`);
        return null;
      }
    }
  }
  const m = resampled
    ? { incidentsPerMonth: rate.value, durations: resampled.durations }
    : { incidentsPerMonth: rate.value, median: $('pen-median-text').value.trim(), p90: $('pen-p90-text').value.trim() };
  if ($('pen-planned').value.trim()) m.plannedPerPeriod = $('pen-planned').value.trim();
  return m;
}

/** Reads an outage log's unplanned outages; their lengths replace the log-normal repair times. */
async function resample(file) {
  const log = new OutageLog('UTC');
  try {
    log.push(new Uint8Array(await file.arrayBuffer()));
    const { durations, incidentsPerMonth } = log.durations();
    if (!durations.length) throw new Error(`${file.name} has no unplanned outage to resample.`);
    resampled = { name: file.name, durations: Array.from(durations, String) };
    const rate = String(Math.min(10_000, Math.max(0.1, Math.round(incidentsPerMonth * 10) / 10)));
    $('pen-rate-text').value = rate;
    $('pen-rate').value = rate;
    const sorted = Array.from(durations).sort((a, b) => a - b);
    $('pen-resample-status').textContent =
      `Repair times resampled from ${file.name}: ${count(durations.length, 'outage')}, median ${roughly(sorted[Math.floor((sorted.length - 1) / 2)])}, ` +
      `${incidentsPerMonth.toFixed(2)} a month over the log (the rate is set to it). The log is not kept in the link.`;
    $('pen-resample-status').hidden = false;
    $('pen-resample-clear').hidden = false;
    run();
  } catch (e) {
    showError($('pen-resample'), words(e));
  } finally {
    log.free();
  }
}

const RATES = [0.5, 1, 2, 4];
const REPAIRS = [0.5, 1, 2, 4];

function startWorker() {
  worker?.terminate();
  worker = new Worker(new URL('risk-worker.js', import.meta.url), { type: 'module' });
  if (wasmModule) worker.postMessage({ module: wasmModule });
  worker.onmessage = ({ data }) => {
    // A worker whose module broke is replaced before the next run.
    if (data.restart) startWorker();
    if (data.id !== runId) return;
    if (!data.partial) $('pen-risk-busy').hidden = true;
    if (data.error) return failed(data.error);
    lastRisk = { ...data.result, ms: data.ms, partial: data.partial };
    stale(null);
    showRisk();
  };
  worker.onerror = () => {
    worker?.terminate();
    worker = undefined;
    $('pen-risk-busy').hidden = true;
    failed({ field: 'model', message: 'The simulation stopped: the browser ended it (it may have run out of memory). Try fewer years.' });
  };
}

/** Hands a request to the worker; it answers the latest and drops what a newer one has overtaken. */
function send(message) {
  if (!worker) startWorker();
  try {
    worker.postMessage(message);
  } catch {
    // Terms the browser cannot hand to the worker (nested too deep to copy): the schedule is at fault.
    $('pen-risk-busy').hidden = true;
    failed({ field: 'schedule', message: 'This schedule cannot be simulated: it is nested too deeply to be read. Choose a preset or write the tiers again.' });
  }
}

/** The seed typed: a whole number, or null with the error shown. */
function seed() {
  const text = $('pen-seed').value.trim() || '1';
  if (!/^\d{1,15}$/.test(text)) {
    showError($('pen-seed'), `“${$('pen-seed').value.trim()}” is not a seed: type a whole number, such as 1 (the same seed gives the same figures).`);
    return null;
  }
  return Number(text);
}

function limit() {
  const r = readNumber($('pen-break-even').value, { decimals: 6 });
  if ('value' in r && Number(r.value) <= 100) return r.value;
  showError($('pen-break-even'), 'value' in r ? 'A share of the contract value is at most 100%.' : r.code === 'empty' ? 'Type a share of the contract value, such as 5.' : r.error);
  return null;
}

let riskTimer;
/** Simulates the terms typed, `delay` ms after the last change (at once when risk has just been chosen). */
function runRisk(delay = 150) {
  clearTimeout(riskTimer);
  // From now on, answers to earlier terms are not shown: the terms changed.
  const id = ++runId;
  riskTimer = setTimeout(() => {
    const c = charges();
    const m = model();
    const s = seed();
    const l = limit();
    const local = schedule.showLocal();
    const calendar = calendarValue(hours.state());
    const zone = calendar ? zoneFailure(calendar.timeZone) : undefined;
    if (zone) hours.showError(zone);
    if (c === null || !m || s === null || l === null || local || zone) {
      $('pen-risk-busy').hidden = true;
      return stale(STALE);
    }
    $('pen-risk-busy').hidden = false;
    const years = Number($('pen-years').value);
    send({
      id,
      input: {
        schedule: schedule.value(),
        model: m,
        charges: c,
        years,
        seed: s,
        calendar,
        sensitivity: { rates: RATES, repairs: REPAIRS, years: Math.min(years, 2000) },
        breakEvenPercent: l,
        solve: { percent: l, confidence: $('pen-confidence').value },
      },
    });
  }, delay);
}

const pct = (x) => `${(x * 100).toFixed(x < 0.001 && x > 0 ? 3 : 1)}%`;
const share = (x) => `${x.toFixed(2)}%`;

function periodName() {
  return schedule.value().period ?? 'month';
}

function showRisk() {
  const r = lastRisk;
  const confidence = $('pen-confidence').value;
  $('pen-risk-summary').textContent =
    `Over ${r.years.toLocaleString()} simulated contract years, the schedule costs ${money(r.mean)} a year on average, ` +
    `${Number(r.expectedPercent).toFixed(2)}% of the ${money(r.yearlyCharges)} charged; ${pct(r.breachProbabilityYear)} of years have at least one breached ${periodName()}.`;
  const stats = [
    ['Mean a year', money(r.mean)],
    ['Median year', money(r.median)],
    ['90th percentile', money(r.p90)],
    ['99th percentile', money(r.p99)],
    ['Worst year', money(r.worst)],
    ['Periods breached', pct(r.breachProbabilityPeriod)],
    ['Years with a breach', pct(r.breachProbabilityYear)],
    ['Mean downtime a period', roughly(r.meanDowntimeSeconds)],
  ];
  $('pen-stats').replaceChildren(...stats.map(([k, v]) => el('li', {}, el('span', { className: 'stat-name', textContent: `${k}: ` }), el('strong', { textContent: v }))));
  drawHistogram(r);
  const a = r.analytic;
  $('pen-analytic').textContent =
    `Check: the model's mean downtime is ${roughly(a.meanDowntimeSeconds)} a period; the simulation gives ${roughly(r.meanDowntimeSeconds)} (capped at the period's length).` +
    (a.breachProbabilityPeriod === null
      ? ' The chance of a breach has no closed form for varying repair times; set the 90% repair time equal to the median to compare it with one.'
      : ` With fixed repair times the chance that a period breaches is ${pct(a.breachProbabilityPeriod)} in closed form; the simulation gives ${pct(r.breachProbabilityPeriod)}.` +
        (a.expectedCredits === null ? '' : ` Expected credits: ${money(a.expectedCredits.toFixed(2))} a year in closed form, ${money(r.mean)} simulated.`)) +
    ` Seed ${r.seed}; ${Math.round(r.ms)} ms.`;
  if (r.partial) {
    // The headline years are in; the grid, the break-even and the ladder follow.
    const working = 'Working it out…';
    $('pen-grid').querySelector('thead').replaceChildren();
    $('pen-grid').querySelector('tbody').replaceChildren();
    for (const id of ['pen-grid-note', 'pen-break-even-text', 'pen-solve-text']) $(id).textContent = working;
    $('pen-ladder').querySelector('tbody').replaceChildren();
    $('pen-rates-text').textContent = '';
    $('pen-use-rates').hidden = true;
    return showNotes(r);
  }
  showSolved(r.solved, confidence);
  const grid = r.sensitivity;
  const m = model();
  let median = null;
  try {
    median = resampled || !m ? null : Number(durationSeconds(m.median));
  } catch {
    // A median typed since the run that is not a duration: the grid says "repairs ×f" instead.
  }
  const head = el('tr', {}, cell('th', 'Incidents ↓ / repair →'));
  for (const f of grid.repairs) head.append(Object.assign(cell('th', median === null ? `repairs ×${f}` : `×${f} (median ${roughly(median * f)})`), { scope: 'col' }));
  $('pen-grid').querySelector('thead').replaceChildren(head);
  const max = Math.max(...grid.percent.flat().filter((v) => v !== null), 1e-9);
  $('pen-grid').querySelector('tbody').replaceChildren(
    ...grid.percent.map((row, i) => {
      const tr = el('tr', {}, Object.assign(cell('th', `×${grid.rates[i]} (${(Number(m?.incidentsPerMonth ?? 0) * grid.rates[i]).toLocaleString(undefined, { maximumFractionDigits: 1 })} a month)`), { scope: 'row' }));
      row.forEach((v, j) => {
        if (v === null) {
          // Over 10 000 incidents a month: not simulated (the notes say so).
          const td = cell('td', '—');
          td.title = 'Over 10 000 incidents a month: not simulated';
          td.append(el('span', { className: 'visually-hidden', textContent: ' not simulated: over 10 000 incidents a month' }));
          tr.append(td);
          return;
        }
        const level = v === 0 ? 0 : Math.min(4, 1 + Math.floor((v / max) * 3.999));
        const td = cell('td', share(v), `heat-${level}`);
        if (grid.rates[i] === 1 && grid.repairs[j] === 1) td.classList.add('current');
        tr.append(td);
      });
      return tr;
    }),
  );
  $('pen-grid-note').textContent =
    `The outlined cell is today's model: the headline's own ${Number(r.expectedPercent).toFixed(2)}% from ${r.years.toLocaleString()} years. ` +
    (grid.years < r.years ? `The other cells use ${grid.years.toLocaleString()} years each, with the same seed, so they are rougher.` : `The other cells use as many years, with the same seed.`);
  const be = r.breakEven;
  const target = $('pen-break-even').value.trim();
  $('pen-break-even-text').textContent =
    be === null
      ? `Even repairs 1 000 times faster would not keep expected credits under ${target}% at this incident rate: fewer incidents are needed.`
      : be.medianSeconds === null
        ? `Break-even: repairs ${be.factor.toFixed(2)} times as long as the log's keep expected credits under ${target}% of the contract value.`
        : `Break-even: repairs with a median under ${roughly(be.medianSeconds)} (${be.factor.toFixed(2)} times today's) keep expected credits under ${target}% of the contract value.`;
  showNotes(r);
}

/** What the simulation assumed, and what it capped. */
function showNotes(r) {
  const calendar = calendarValue(hours.state());
  $('pen-notes').textContent = [
    ...r.notes,
    `Incidents arrive at random (Poisson) and last ${resampled ? `a length drawn from ${resampled.name}` : 'a log-normal time'}; they are assumed not to overlap. Periods are ${periodLength()}, ${calendar ? `counted on ${calendarWords(hours.state())} (typical weeks): only incidents that start in service hours count, each in full` : 'counted 24x7'}.`,
  ].join(' ');
  showInputs();
}

/** The answers to "what keeps credits under the limit". */
function showSolved(solved, confidence) {
  if (!solved) return;
  const which = confidence === 'p90' ? 'in 9 years of 10' : 'in the average year';
  const own = schedule.value().target;
  $('pen-ladder').querySelector('tbody').replaceChildren(
    ...solved.targets.map((t) => {
      const tr = el('tr', { className: `${t.within ? 'within' : 'over'}${String(t.target) === String(own) ? ' current' : ''}` });
      tr.append(
        Object.assign(cell('th', `${t.target}%${String(t.target) === String(own) ? ' (now)' : ''}`), { scope: 'row' }),
        cell('td', t.meanPercent === null ? '–' : share(t.meanPercent)),
        cell('td', t.p90Percent === null ? '–' : share(t.p90Percent)),
        cell('td', t.reason ?? (t.within ? 'yes' : 'no')),
      );
      return tr;
    }),
  );
  $('pen-solve-text').textContent =
    solved.highestTarget === null
      ? `No target of the ladder keeps credits under ${solved.percent}% of the contract value ${which} with these credit rates: change the rates (below) or the outage model.`
      : `With these credit rates, the highest target that keeps credits under ${solved.percent}% of the contract value ${which} is ${solved.highestTarget}%.`;
  const r = solved.rates;
  $('pen-use-rates').hidden = !r || r.factor === 1;
  if (!r) $('pen-rates-text').textContent = '';
  else {
    const terms = ratesWords(r.schedule);
    $('pen-rates-text').textContent =
      r.factor >= 10
        ? `At ${own}%, even ten times today's credit rates stay under the limit ${which} (${share(confidence === 'p90' ? r.p90Percent : r.meanPercent)}).`
        : `To keep ${own}% under the limit ${which}, scale every credit rate by ${r.factor.toFixed(3)}: ${terms}. That gives ${share(r.meanPercent)} in the average year and ${share(r.p90Percent)} in 9 years of 10.`;
    $('pen-use-rates').onclick = () => {
      schedule.set({ ...r.schedule, name: `${schedule.value().name || 'My schedule'} (rates ×${r.factor.toFixed(3)})` });
      run();
    };
  }
  $('pen-solve-text').insertAdjacentText('beforeend', ` Each answer simulates ${solved.years.toLocaleString()} years with the same seed.`);
}

/** A schedule's credit rates in words: "tiers 15.5%, 31%, 62%". */
function ratesWords(s) {
  if (s.tiers) return `tiers ${s.tiers.map((t) => (t.percent !== undefined ? `${t.percent}%` : `${t.days} days`)).join(', ')}`;
  if (s.flat !== undefined) return `a flat ${s.flat}%`;
  if (s.perUnit) return `${s.perUnit.percent}% per ${s.perUnit.unit ?? 'hour'}`;
  if (s.feeMultiplier !== undefined) return `${s.feeMultiplier} times the fees`;
  if (s.atRisk) return `a pool of ${s.atRisk.percent}%`;
  return 'the rates';
}

function periodLength() {
  return { week: 'weeks', fortnight: 'fortnights', month: 'average Gregorian months (30.436875 days)', quarter: 'average quarters (91.310625 days)', year: 'average years (365.2425 days)' }[periodName()] ?? 'months';
}

/** The greatest common divisor of two whole numbers of cents. */
const gcd = (a, b) => (b === 0 ? a : gcd(b, a % b));

/**
 * Credits per contract year as bars whose width is a whole number of the credit's own steps (the
 * greatest common divisor of the values), so that no bar stands empty between two full ones.
 */
function drawHistogram(r) {
  const values = r.yearlyCredits;
  const cents = Array.from(new Set(Array.from(values, (v) => Math.round(v * 100))));
  const maxCents = Math.max(...cents, 1);
  let step = cents.reduce((g, v) => gcd(g, v), 0) || maxCents;
  const bins = Math.max(1, Math.min(40, Math.ceil((maxCents + 1) / step)));
  step = Math.ceil((maxCents + 1) / bins / step) * step;
  const counts = new Array(Math.ceil((maxCents + 1) / step)).fill(0);
  for (const v of values) counts[Math.min(counts.length - 1, Math.floor(Math.round(v * 100) / step))] += 1;
  const top = Math.max(...counts);
  const [left, y0, width, height] = [56, 34, 524, 170];
  const span = counts.length * step;
  const x = (c) => left + (c / span) * width;
  /** @type {Array<[string, Record<string, any>, string?]>} */
  const parts = [];
  counts.forEach((c, i) => {
    const h = (c / top) * height;
    const from = (i * step) / 100;
    const to = ((i + 1) * step) / 100;
    const label = step <= 1 || counts.length === cents.length ? `${c.toLocaleString()} years with ${money(from.toFixed(2))}` : `${c.toLocaleString()} years from ${money(from.toFixed(2))} to under ${money(to.toFixed(2))}`;
    parts.push(['rect', { x: x(i * step) + 1, y: y0 + height - h, width: Math.max(1, width / counts.length - 2), height: Math.max(h, c ? 1 : 0), class: 'bar' }, label]);
  });
  parts.push(['line', { x1: left, x2: left + width, y1: y0 + height, y2: y0 + height, class: 'tick' }]);
  // The markers are named in a row above the bars, so that no label runs into another or off the edge.
  const marks = [['median', r.median], ['P90', r.p90], ['P99', r.p99]];
  marks.forEach(([name, v], i) => {
    const at = Math.min(left + width, x(Math.round(Number(v) * 100) + step / 2));
    parts.push(['line', { x1: at, x2: at, y1: y0 - 4, y2: y0 + height, class: 'marker' }]);
    parts.push(['text', { x: at, y: y0 - 8 - (i % 2) * 12, class: 'label', 'text-anchor': at > left + width - 90 ? 'end' : at < left + 90 ? 'start' : 'middle' }, `${name} ${money(v)}`]);
  });
  parts.push(['text', { x: left, y: y0 + height + 16, class: 'label' }, money('0')]);
  parts.push(['text', { x: left + width, y: y0 + height + 16, class: 'label', 'text-anchor': 'end' }, money(String(span / 100))]);
  $('pen-histogram').replaceChildren(...svg(parts));
  $('pen-histogram-caption').textContent =
    `Credits per contract year over ${r.years.toLocaleString()} simulated years: ${counts.length} bars, each ${money(String(step / 100))} wide` +
    (step > 1 ? ' (a whole number of the credit’s own steps)' : '') +
    '; the dashed lines mark the median and the 90th and 99th percentiles.';
}

let shownMode;
function run() {
  const risk = mode() === 'risk';
  const chosen = shownMode !== mode();
  shownMode = mode();
  clearErrors($('pen-form'));
  schedule.clearErrors();
  hours.clearErrors();
  $('pen-credits-inputs').hidden = risk;
  $('pen-risk-inputs').hidden = !risk;
  $('pen-credits').hidden = risk;
  $('pen-risk').hidden = !risk;
  $('pen-empty').hidden = true;
  $('pen-results-title').textContent = risk ? 'Risk over contract years' : 'Credits';
  saveStateSoon();
  if (risk) runRisk(chosen ? 0 : 150);
  else runCredits();
  showInputs();
}

/** Every input, for the printed report. */
function showInputs() {
  const s = schedule.value();
  const lines = [
    `Schedule: ${s.name || 'unnamed'}${schedule.preset() !== 'custom' ? ' (published preset)' : ' (your own)'}: ${JSON.stringify(s)}`,
    `Charges per period: ${$('pen-charges').value} ${currency()}`,
  ];
  if (mode() === 'risk') {
    lines.push(
      `Outage model: ${$('pen-rate-text').value} incidents a month; ${resampled ? `repair times resampled from ${resampled.name}` : `median repair ${$('pen-median-text').value}, 90% within ${$('pen-p90-text').value}`}; planned downtime ${$('pen-planned').value.trim() || 'none'}`,
      `Service hours: ${calendarWords(hours.state())}`,
      `${Number($('pen-years').value).toLocaleString()} contract years, seed ${$('pen-seed').value.trim() || '1'}; credits kept under ${$('pen-break-even').value}% of the contract value for ${$('pen-confidence').selectedOptions[0].textContent}`,
    );
  } else lines.push(`Periods: ${$('pen-periods').value.split('\n').filter((l) => l.trim()).join('; ')}`);
  $('pen-report-title').textContent = `Penalty report: ${s.name || 'a credit schedule'}. Made with slacalc on ${new Date().toISOString().slice(0, 10)}.`;
  $('pen-inputs').replaceChildren(...lines.map((l) => el('li', { textContent: l })));
}

// The link holds every input, as text; restoring only ever sets field values.
const FIELDS = { c: 'pen-charges', cur: 'pen-currency', per: 'pen-periods', r: 'pen-rate-text', med: 'pen-median-text', p90: 'pen-p90-text', pl: 'pen-planned', y: 'pen-years', seed: 'pen-seed', be: 'pen-break-even', conf: 'pen-confidence' };

/** Writes the link a moment after the last keystroke: the address bar is slow to write on each. */
const address = linkWriter(250);
const saveStateSoon = () => address.soon(stateLink);
/** Writes the link now (before it is copied). */
const saveState = () => address.now(stateLink);

function stateLink() {
  const q = new URLSearchParams();
  const p = schedule.preset();
  q.set('p', p);
  if (p === 'custom') q.set('s', JSON.stringify(schedule.value()));
  q.set('m', mode());
  for (const [k, id] of Object.entries(FIELDS)) q.set(k, $(id).value);
  const c = hours.state();
  if (c.preset) {
    q.set('h', c.preset === 'custom' ? c.hours || 'custom' : c.preset);
    q.set('tz', c.zone);
    for (const h of c.holidays) q.append('hol', h);
    for (const x of c.exclusions) q.append('excl', x);
  }
  return `#${q}`;
}

function restoreState() {
  const q = new URLSearchParams(location.hash.slice(1));
  const p = q.get('p');
  let s = presets.find((x) => x.id === (p ?? 'microsoft-365')) ?? presets[0];
  let id = s.id;
  if (p === 'custom') {
    try {
      const parsed = JSON.parse(q.get('s') ?? 'null');
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
        s = parsed;
        id = 'custom';
      }
    } catch {
      // A damaged schedule in the link: the default is shown.
    }
  }
  schedule.set(s, id);
  for (const [k, id2] of Object.entries(FIELDS)) {
    if (!q.has(k)) continue;
    const e = $(id2);
    if (e.tagName === 'SELECT' && ![...e.options].some((o) => o.value === q.get(k))) continue;
    e.value = q.get(k);
  }
  // Links made when the repair times were slider positions (md, p9: 0 to 100).
  for (const [old, id2] of [['md', 'pen-median-text'], ['p9', 'pen-p90-text']]) {
    if (q.has(old) && /^\d{1,3}$/.test(q.get(old) ?? '')) $(id2).value = durationText(sliderSeconds(q.get(old)));
  }
  if (!$('pen-median-text').value) $('pen-median-text').value = durationText(sliderSeconds($('pen-median').value));
  if (!$('pen-p90-text').value) $('pen-p90-text').value = durationText(sliderSeconds($('pen-p90').value));
  syncSliders();
  const h = q.get('h') ?? '';
  const named = ['8x5', '12x5', '24x5', '24x7-maintenance'];
  hours.set(cleanCalendar({ preset: !h ? '' : named.includes(h) ? h : 'custom', hours: named.includes(h) || h === 'custom' ? '' : h, zone: q.get('tz') ?? 'UTC', holidays: q.getAll('hol'), exclusions: q.getAll('excl') }));
  const m = q.get('m') === 'risk' ? 'risk' : 'credits';
  /** @type {HTMLInputElement} */ (document.querySelector(`input[name=pen-mode][value=${m}]`)).checked = true;
}

/** Puts each slider where its typed value is. */
function syncSliders() {
  const rate = readNumber($('pen-rate-text').value, { decimals: 6 });
  if ('value' in rate) $('pen-rate').value = String(Math.min(20, Math.max(0.1, Number(rate.value))));
  for (const [text, slider] of [['pen-median-text', 'pen-median'], ['pen-p90-text', 'pen-p90']]) {
    try {
      $(slider).value = String(sliderOf(Number(durationSeconds($(text).value))));
    } catch {
      // A typed value that is not a duration leaves the slider where it is; the error shows at run.
    }
  }
  $('pen-median').disabled = $('pen-p90').disabled = $('pen-median-text').disabled = $('pen-p90-text').disabled = Boolean(resampled);
}

function exportCsv() {
  if (mode() === 'risk' && lastRisk) {
    const lines = ['year,credits'];
    lastRisk.yearlyCredits.forEach((v, i) => lines.push(`${i + 1},${v.toFixed(2)}`));
    download('contract-years.csv', 'text/csv', `${lines.join('\n')}\n`);
  } else if (lastCredits) {
    const lines = [['period', 'attainment_percent', 'breached', 'charges', 'credit', 'bonus', 'explanation'].join(',')];
    for (const p of lastCredits.periods) lines.push([p.label, p.attainment, p.breached, p.charges, p.credit, p.bonus, p.explanation].map(csvField).join(','));
    lines.push(['total', '', '', lastCredits.totalCharges, lastCredits.total, lastCredits.totalBonus, lastCredits.summary].map(csvField).join(','));
    download('credits.csv', 'text/csv', `${lines.join('\n')}\n`);
  }
}

function exportJson() {
  const data = mode() === 'risk' && lastRisk ? { ...lastRisk, yearlyCredits: Array.from(lastRisk.yearlyCredits) } : lastCredits;
  if (data) download(mode() === 'risk' ? 'risk.json' : 'credits.json', 'application/json', JSON.stringify({ schedule: schedule.value(), result: data }, null, 2));
}

/** Reads the Outage log page's attainment.csv (with the core): the rows measured by the schedule's period. */
async function importLog(file) {
  try {
    const rows = exportedPeriods(await file.text(), periodName());
    $('pen-periods').value = rows.map((r) => `${r.label}, ${r.attainment}`).join('\n');
    run();
  } catch (e) {
    showError($('pen-import'), `${file.name}: ${words(e).replace(/^Outages cannot be read: /, '')}`);
  }
}

async function main() {
  await ready;
  wasmModule = await compiled;
  startWorker();
  onRestart(() => run());
  presets = creditPresets();
  schedule = scheduleEditor($('pen-schedule'), { presets, currency, onChange: () => run() });
  hours = calendarEditor($('pen-calendar'), { id: 'pen-cal', core, label: 'The schedule counts', onChange: () => run() });
  $('pen-periods').value = EXAMPLE_PERIODS;
  restoreState();
  const outside = (e) => !(/** @type {HTMLElement} */ (e.target).closest('.calendar-editor, #pen-schedule'));
  $('pen-form').addEventListener('input', (e) => {
    if (!outside(e)) return;
    const t = /** @type {HTMLElement} */ (e.target);
    if (t.id === 'pen-rate') $('pen-rate-text').value = $('pen-rate').value;
    if (t.id === 'pen-median') $('pen-median-text').value = durationText(sliderSeconds($('pen-median').value));
    if (t.id === 'pen-p90') $('pen-p90-text').value = durationText(sliderSeconds($('pen-p90').value));
    if (t.matches('[type=text]')) syncSliders();
    run();
  });
  $('pen-form').addEventListener('change', (e) => {
    if (outside(e) && /** @type {HTMLElement} */ (e.target).matches('select, [type=radio]')) run();
  });
  $('pen-import').addEventListener('change', () => {
    const file = $('pen-import').files[0];
    if (file) importLog(file);
  });
  $('pen-resample').addEventListener('change', () => {
    const file = $('pen-resample').files[0];
    if (file) resample(file);
  });
  $('pen-resample-clear').addEventListener('click', () => {
    resampled = undefined;
    $('pen-resample').value = '';
    $('pen-resample-status').hidden = true;
    $('pen-resample-clear').hidden = true;
    syncSliders();
    run();
  });
  $('pen-copy').addEventListener('click', async () => {
    await saveState();
    copy(location.href, $('pen-copy-status'), 'Link copied.', 'Copy the address bar: the link holds everything on this page.');
  });
  $('pen-export-csv').addEventListener('click', exportCsv);
  $('pen-export-json').addEventListener('click', exportJson);
  $('pen-print').addEventListener('click', () => window.print());
  // A link pasted into this tab (the page's own updates replace the address and fire nothing).
  window.addEventListener('hashchange', () => {
    restoreState();
    run();
  });
  run();
  document.documentElement.dataset.ready = 'true';
}

main();
