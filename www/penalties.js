// The penalty modeller: a credit schedule (a preset or JSON), charges, and either the periods to credit
// (worked out here, on every keystroke) or an outage model whose contract years are simulated in a worker.
// Everything typed is kept in the link.
import init, { creditPresets, credits, OutageLog } from './pkg-logs/slacalc.js';
import { csvField, download, roughly, svg } from './util.js';
import { moneyFormat } from './scenario.js';

const $ = (id) => document.getElementById(id);

let presets = [];
let lastCredits;
let lastRisk;
let worker;
let busy = false;
let runId = 0;
/** Repair times resampled from an outage log: { name, durations: number[] }, or undefined. */
let resampled;

const EXAMPLE_PERIODS = ['Jan 2026, 99.95', 'Feb 2026, 99.82', 'Mar 2026, 99.91', 'Apr 2026, 98.7', 'May 2026, 99.99', 'Jun 2026, 94.2'].join('\n');

/** Repair-time sliders run on a log scale from 1 minute to 3 days, in whole minutes. */
const repairSeconds = (v) => Math.max(60, Math.round((60 * 4320 ** (Number(v) / 100)) / 60) * 60);

function mode() {
  return document.querySelector('input[name=pen-mode]:checked').value;
}

/** The schedule being used: the JSON text as typed (a preset fills it in). */
function schedule() {
  const text = $('pen-json').value;
  try {
    return { value: JSON.parse(text) };
  } catch (e) {
    return { error: `The schedule is not valid JSON: ${e.message}` };
  }
}

function showSource() {
  const s = schedule().value;
  const preset = presets.find((p) => p.id === $('pen-preset').value);
  $('pen-source').textContent = preset ? preset.source : s?.source || 'Your own schedule: edit the JSON below.';
}

/** Reads the periods typed, one a line; returns the CreditPeriod objects and the line of each. */
function periods() {
  const rows = [];
  const lines = [];
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
    row.charges = plain[1] ?? $('pen-charges').value;
    row.defaultCharges = plain[1] === undefined;
    rows.push(row);
    lines.push(i + 1);
  });
  return { rows, lines };
}

function clearErrors() {
  for (const id of ['pen-json-error', 'pen-periods-error', 'pen-charges-error', 'pen-model-error']) $(id).hidden = true;
  for (const id of ['pen-json', 'pen-periods', 'pen-charges', 'pen-planned']) $(id).removeAttribute('aria-invalid');
}

function showError(e, lines = [], rows = []) {
  let box = $('pen-json-error');
  let input = $('pen-json');
  let message = e.message;
  if (e.field === 'periods') {
    const m = /^\[(\d+)\]/.exec(e.part ?? '');
    const row = m ? rows[Number(m[1])] : undefined;
    if (row?.defaultCharges && /charges$/.test(e.part)) {
      box = $('pen-charges-error');
      input = $('pen-charges');
      message = message.replace(/^periods\.\[\d+\]\.charges: /, 'charges: ');
    } else {
      box = $('pen-periods-error');
      input = $('pen-periods');
      if (m) message = `Line ${lines[Number(m[1])]}: ${message.replace(/^periods\.\[\d+\]\.?/, '').replace(/^: /, '')}`;
    }
  } else if (e.field === 'model') {
    box = $('pen-model-error');
    input = $('pen-planned');
  } else if (e.field === 'schedule') {
    $('pen-json-box').open = true;
  }
  box.textContent = message;
  box.hidden = false;
  input.setAttribute('aria-invalid', 'true');
}

function cell(tag, text, cls) {
  const el = document.createElement(tag);
  el.textContent = text;
  if (cls) el.className = cls;
  return el;
}

/** Amounts in the reader's locale, in the currency typed (an ISO code such as EUR, or any label). */
function money(text) {
  return moneyFormat($('pen-currency').value.trim())(text);
}

function runCredits() {
  clearErrors();
  const s = schedule();
  if (s.error) {
    showError({ message: s.error, field: 'schedule' });
    return;
  }
  const { rows, lines } = periods();
  $('pen-empty').hidden = rows.length > 0;
  $('pen-credits').hidden = rows.length === 0;
  if (!rows.length) return;
  try {
    const input = rows.map(({ defaultCharges, ...row }) => row);
    const r = credits({ schedule: s.value, periods: input, currency: $('pen-currency').value.trim() });
    lastCredits = r;
    $('pen-summary').textContent = `${r.schedule}: ${r.summary}${Number(r.totalBonus) > 0 ? `, and ${money(r.totalBonus)} of bonus owed to the provider` : ''}.`;
    document.querySelector('#pen-table tbody').replaceChildren(
      ...r.periods.map((p) => {
        const tr = document.createElement('tr');
        if (p.breached) tr.className = 'breached';
        tr.append(cell('th', p.label), cell('td', `${p.attainment}%`), cell('td', money(p.credit)));
        tr.firstChild.scope = 'row';
        return tr;
      }),
    );
    $('pen-explanations').replaceChildren(...r.periods.map((p) => cell('li', p.explanation)));
    $('pen-credits').classList.remove('stale');
  } catch (e) {
    $('pen-credits').classList.add('stale');
    showError(e, lines, rows);
  }
}

function model() {
  const median = repairSeconds($('pen-median').value);
  const p90 = Math.max(median, repairSeconds($('pen-p90').value));
  const m = resampled
    ? { incidentsPerMonth: $('pen-rate').value, durations: resampled.durations }
    : { incidentsPerMonth: $('pen-rate').value, median: String(median), p90: String(p90) };
  if ($('pen-planned').value.trim()) m.plannedPerPeriod = $('pen-planned').value.trim();
  return m;
}

function showModel() {
  const median = repairSeconds($('pen-median').value);
  $('pen-rate-out').textContent = Number($('pen-rate').value).toFixed(1);
  $('pen-median-out').textContent = resampled ? 'from the log' : roughly(median);
  $('pen-p90-out').textContent = resampled ? 'from the log' : roughly(Math.max(median, repairSeconds($('pen-p90').value)));
  $('pen-median').disabled = $('pen-p90').disabled = Boolean(resampled);
}

/** Reads an outage log's unplanned outages; their lengths replace the log-normal repair times. */
async function resample(file) {
  const log = new OutageLog('UTC');
  try {
    log.push(await file.text());
    const { durations, incidentsPerMonth } = log.durations();
    if (!durations.length) throw new Error(`${file.name} has no unplanned outage to resample.`);
    resampled = { name: file.name, durations: Array.from(durations, String) };
    $('pen-rate').value = String(Math.min(20, Math.max(0.1, Math.round(incidentsPerMonth * 10) / 10)));
    const sorted = Array.from(durations).sort((a, b) => a - b);
    $('pen-resample-status').textContent =
      `Repair times resampled from ${file.name}: ${durations.length} outages, median ${roughly(sorted[Math.floor((sorted.length - 1) / 2)])}, ` +
      `${incidentsPerMonth.toFixed(2)} a month over the log (the rate slider is set to it). The log is not kept in the link.`;
    $('pen-resample-status').hidden = false;
    $('pen-resample-clear').hidden = false;
    run();
  } catch (e) {
    showError({ field: 'model', message: e.message });
  } finally {
    log.free();
  }
}

const RATES = [0.5, 1, 2, 4];
const REPAIRS = [0.5, 1, 2, 4];

function startWorker() {
  worker?.terminate();
  worker = new Worker(new URL('risk-worker.js', import.meta.url), { type: 'module' });
  worker.onmessage = ({ data }) => {
    if (data.id !== runId) return;
    busy = false;
    $('pen-risk-busy').hidden = true;
    if (data.error) {
      $('pen-risk').classList.add('stale');
      showError(data.error);
      return;
    }
    $('pen-risk').classList.remove('stale');
    lastRisk = { ...data.result, ms: data.ms };
    showRisk();
  };
}

let riskTimer;
function runRisk() {
  clearTimeout(riskTimer);
  riskTimer = setTimeout(() => {
    clearErrors();
    showModel();
    const s = schedule();
    if (s.error) {
      showError({ message: s.error, field: 'schedule' });
      return;
    }
    if (busy || !worker) startWorker();
    busy = true;
    runId += 1;
    $('pen-risk-busy').hidden = false;
    worker.postMessage({
      id: runId,
      input: {
        schedule: s.value,
        model: model(),
        charges: $('pen-charges').value,
        years: Number($('pen-years').value),
        seed: Number($('pen-seed').value.trim() || '1'),
        sensitivity: { rates: RATES, repairs: REPAIRS, years: 1000 },
        breakEvenPercent: $('pen-break-even').value.trim() || undefined,
      },
    });
  }, 120);
}

const pct = (x) => `${(x * 100).toFixed(x < 0.001 && x > 0 ? 3 : 1)}%`;

function showRisk() {
  const r = lastRisk;
  const value = Number(r.yearlyCharges);
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
  $('pen-stats').replaceChildren(...stats.flatMap(([k, v]) => [cell('dt', k), cell('dd', v)]));
  drawHistogram(r, value);
  const a = r.analytic;
  $('pen-analytic').textContent =
    `Check: the model's mean downtime is ${roughly(a.meanDowntimeSeconds)} a period; the simulation gives ${roughly(r.meanDowntimeSeconds)} (capped at the period's length).` +
    (a.breachProbabilityPeriod === null
      ? ' The chance of a breach has no closed form for varying repair times; set the 90% repair time equal to the median to compare it with one.'
      : ` With fixed repair times the chance that a period breaches is ${pct(a.breachProbabilityPeriod)} in closed form; the simulation gives ${pct(r.breachProbabilityPeriod)}.` +
        (a.expectedCredits === null ? '' : ` Expected credits: ${money(a.expectedCredits.toFixed(2))} a year in closed form, ${money(r.mean)} simulated.`)) +
    ` Seed ${r.seed}; ${Math.round(r.ms)} ms.`;
  const grid = r.sensitivity;
  const median = resampled ? null : Number(model().median);
  document.querySelector('#pen-grid thead').replaceChildren(
    (() => {
      const tr = document.createElement('tr');
      tr.append(cell('th', 'Incidents \u2193 / repair \u2192'));
      for (const f of grid.repairs) tr.append(Object.assign(cell('th', median === null ? `repairs \u00d7${f}` : `\u00d7${f} (median ${roughly(median * f)})`), { scope: 'col' }));
      return tr;
    })(),
  );
  const max = Math.max(...grid.percent.flat(), 1e-9);
  document.querySelector('#pen-grid tbody').replaceChildren(
    ...grid.percent.map((row, i) => {
      const tr = document.createElement('tr');
      tr.append(Object.assign(cell('th', `\u00d7${grid.rates[i]} (${(Number(model().incidentsPerMonth) * grid.rates[i]).toFixed(1)} a month)`), { scope: 'row' }));
      for (const [j, v] of row.entries()) {
        const level = v === 0 ? 0 : Math.min(4, 1 + Math.floor((v / max) * 3.999));
        const td = cell('td', `${v.toFixed(2)}%`, `heat-${level}`);
        if (grid.rates[i] === 1 && grid.repairs[j] === 1) td.classList.add('current');
        tr.append(td);
      }
      return tr;
    }),
  );
  const be = r.breakEven;
  const target = $('pen-break-even').value.trim();
  $('pen-break-even-text').textContent = !target
    ? ''
    : be === null
      ? `Even repairs 1 000 times faster would not keep expected credits under ${target}% at this incident rate: fewer incidents are needed.`
      : be.medianSeconds === null
        ? `Break-even: repairs ${be.factor.toFixed(2)} times as long as the log's keep expected credits under ${target}% of the contract value.`
        : `Break-even: repairs with a median under ${roughly(be.medianSeconds)} (${be.factor.toFixed(2)} times today's) keep expected credits under ${target}% of the contract value.`;
  $('pen-notes').textContent = [
    ...r.notes,
    `Incidents arrive at random (Poisson) and last ${resampled ? `a length drawn from ${resampled.name}` : 'a log-normal time'}; they are assumed not to overlap. Periods are ${periodLength()}, counted 24x7. Sensitivity cells use 1 000 years each and the same seed.`,
  ].join(' ');
}

function periodName() {
  return schedule().value?.period ?? 'month';
}

function periodLength() {
  return { week: 'weeks', fortnight: 'fortnights', month: 'average Gregorian months (30.436875 days)', quarter: 'average quarters (91.310625 days)', year: 'average years (365.2425 days)' }[periodName()] ?? 'months';
}

function drawHistogram(r) {
  const values = r.yearlyCredits;
  const max = Math.max(...[Number(r.worst), 1]);
  const bins = 30;
  const counts = new Array(bins).fill(0);
  for (const v of values) counts[Math.min(bins - 1, Math.floor((v / max) * bins))] += 1;
  const top = Math.max(...counts);
  const [left, y0, width, height] = [50, 20, 530, 170];
  const x = (v) => left + (v / max) * width;
  const parts = [];
  counts.forEach((c, i) => {
    const h = (c / top) * height;
    parts.push(['rect', { x: left + (i * width) / bins + 1, y: y0 + height - h, width: width / bins - 2, height: Math.max(h, c ? 1 : 0), class: 'bar' }, `${c} years from ${money((i * max / bins).toFixed(2))} to ${money(((i + 1) * max / bins).toFixed(2))}`]);
  });
  parts.push(['line', { x1: left, x2: left + width, y1: y0 + height, y2: y0 + height, class: 'tick' }]);
  for (const [name, v] of [['median', r.median], ['P90', r.p90], ['P99', r.p99]]) {
    parts.push(['line', { x1: x(Number(v)), x2: x(Number(v)), y1: y0, y2: y0 + height, class: 'marker' }]);
    parts.push(['text', { x: x(Number(v)) + 3, y: y0 + 10 + (name === 'P90' ? 12 : name === 'P99' ? 24 : 0), class: 'label' }, `${name} ${money(v)}`]);
  }
  parts.push(['text', { x: left, y: y0 + height + 16, class: 'label' }, money('0')]);
  parts.push(['text', { x: left + width, y: y0 + height + 16, class: 'label', 'text-anchor': 'end' }, money(String(max))]);
  $('pen-histogram').replaceChildren(...svg(parts));
  $('pen-histogram-caption').textContent = `Credits per contract year over ${r.years.toLocaleString()} simulated years, in ${bins} bars from 0 to the worst year; the lines mark the median and the 90th and 99th percentiles.`;
}

function run() {
  const risk = mode() === 'risk';
  $('pen-credits-inputs').hidden = risk;
  $('pen-risk-inputs').hidden = !risk;
  $('pen-credits').hidden = risk;
  $('pen-risk').hidden = !risk;
  $('pen-empty').hidden = true;
  $('pen-results-title').textContent = risk ? 'Risk over contract years' : 'Credits';
  showSource();
  saveState();
  if (risk) runRisk();
  else runCredits();
}

// The link holds every input, as text; restoring only ever sets field values.
const FIELDS = { c: 'pen-charges', cur: 'pen-currency', per: 'pen-periods', r: 'pen-rate', md: 'pen-median', p9: 'pen-p90', pl: 'pen-planned', y: 'pen-years', seed: 'pen-seed', be: 'pen-break-even' };

function saveState() {
  const q = new URLSearchParams();
  const preset = $('pen-preset').value;
  q.set('p', preset);
  if (preset === 'custom') q.set('s', $('pen-json').value);
  q.set('m', mode());
  for (const [k, id] of Object.entries(FIELDS)) q.set(k, $(id).value);
  history.replaceState(null, '', `#${q}`);
}

function restoreState() {
  const q = new URLSearchParams(location.hash.slice(1));
  const preset = q.get('p');
  if (preset && (preset === 'custom' || presets.some((p) => p.id === preset))) $('pen-preset').value = preset;
  fillSchedule();
  if ($('pen-preset').value === 'custom' && q.has('s')) $('pen-json').value = q.get('s');
  for (const [k, id] of Object.entries(FIELDS)) {
    if (!q.has(k)) continue;
    const el = $(id);
    if (el.tagName === 'SELECT' && ![...el.options].some((o) => o.value === q.get(k))) continue;
    el.value = q.get(k);
  }
  const m = q.get('m') === 'risk' ? 'risk' : 'credits';
  document.querySelector(`input[name=pen-mode][value=${m}]`).checked = true;
}

function fillSchedule() {
  const preset = presets.find((p) => p.id === $('pen-preset').value);
  if (preset) {
    const { id, ...rest } = preset;
    $('pen-json').value = JSON.stringify(rest, null, 2);
  }
}

const quote = csvField;

function exportCsv() {
  if (mode() === 'risk' && lastRisk) {
    const lines = ['year,credits'];
    lastRisk.yearlyCredits.forEach((v, i) => lines.push(`${i + 1},${v.toFixed(2)}`));
    download('contract-years.csv', 'text/csv', `${lines.join('\n')}\n`);
  } else if (lastCredits) {
    const lines = [['period', 'attainment_percent', 'breached', 'charges', 'credit', 'bonus', 'explanation'].join(',')];
    for (const p of lastCredits.periods) lines.push([p.label, p.attainment, p.breached, p.charges, p.credit, p.bonus, p.explanation].map(quote).join(','));
    lines.push(['total', '', '', lastCredits.totalCharges, lastCredits.total, lastCredits.totalBonus, lastCredits.summary].map(quote).join(','));
    download('credits.csv', 'text/csv', `${lines.join('\n')}\n`);
  }
}

function exportJson() {
  const data = mode() === 'risk' && lastRisk ? { ...lastRisk, yearlyCredits: Array.from(lastRisk.yearlyCredits) } : lastCredits;
  if (data) download(mode() === 'risk' ? 'risk.json' : 'credits.json', 'application/json', JSON.stringify({ schedule: schedule().value, result: data }, null, 2));
}

/** Reads the Outage log page's attainment.csv: the rows measured by the schedule's period. */
function splitCsv(line) {
  const out = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted && c === '"' && line[i + 1] === '"') {
      field += '"';
      i++;
    } else if (c === '"') quoted = !quoted;
    else if (c === ',' && !quoted) {
      out.push(field);
      field = '';
    } else field += c;
  }
  out.push(field);
  return out;
}

async function importLog(file) {
  const text = await file.text();
  const [head, ...rows] = text.trim().split(/\r?\n/);
  const names = splitCsv(head);
  const [m, p, a] = ['measured', 'period', 'availability_percent'].map((n) => names.indexOf(n));
  if (m < 0 || p < 0 || a < 0) {
    showError({ field: 'periods', message: `${file.name} is not an export of the Outage log page: it needs the columns measured, period and availability_percent.` });
    return;
  }
  const wanted = periodName();
  const lines = rows.map(splitCsv).filter((r) => r[m] === wanted && r[a] !== '').map((r) => `${r[p]}, ${r[a]}`);
  if (!lines.length) {
    showError({ field: 'periods', message: `${file.name} has no ${wanted} rows: measure the log by ${wanted} (the schedule's period) and export again.` });
    return;
  }
  $('pen-periods').value = lines.join('\n');
  run();
}

async function main() {
  await init();
  presets = creditPresets();
  $('pen-preset').replaceChildren(
    ...presets.map((p) => Object.assign(document.createElement('option'), { value: p.id, textContent: p.name })),
    Object.assign(document.createElement('option'), { value: 'custom', textContent: 'Custom (edit the JSON)' }),
  );
  $('pen-preset').value = 'microsoft-365';
  $('pen-periods').value = EXAMPLE_PERIODS;
  restoreState();
  if (!$('pen-json').value) fillSchedule();
  $('pen-preset').addEventListener('change', () => {
    if ($('pen-preset').value !== 'custom') fillSchedule();
    run();
  });
  $('pen-json').addEventListener('input', () => {
    const s = schedule().value;
    const preset = presets.find((p) => p.id === $('pen-preset').value);
    if (preset && (!s || JSON.stringify(s) !== JSON.stringify((({ id, ...rest }) => rest)(preset)))) $('pen-preset').value = 'custom';
    run();
  });
  for (const id of ['pen-charges', 'pen-currency', 'pen-periods', 'pen-planned', 'pen-seed', 'pen-break-even', 'pen-rate', 'pen-median', 'pen-p90']) $(id).addEventListener('input', run);
  for (const id of ['pen-years']) $(id).addEventListener('change', run);
  for (const r of document.querySelectorAll('input[name=pen-mode]')) r.addEventListener('change', run);
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
    run();
  });
  $('pen-copy').addEventListener('click', async () => {
    saveState();
    try {
      await navigator.clipboard.writeText(location.href);
      $('pen-copy-status').textContent = 'Link copied.';
    } catch {
      $('pen-copy-status').textContent = 'Copy the address bar: the link holds everything on this page.';
    }
  });
  $('pen-export-csv').addEventListener('click', exportCsv);
  $('pen-export-json').addEventListener('click', exportJson);
  $('pen-print').addEventListener('click', () => window.print());
  run();
  document.documentElement.dataset.ready = 'true';
}

main();
