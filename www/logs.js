// The outage-log page: collects the log and the contract's terms, has the worker measure them, and shows
// the verdict, the table, a chart and exports. The page's thread never parses the log.
import { csvField, download, roughly, svg } from './util.js';
const $ = (id) => document.getElementById(id);

let worker;
let lastReport;
let pending;

function input() {
  const hours = $('log-hours').value;
  const zone = $('log-zone').value.trim() || 'UTC';
  return {
    target: $('log-target').value,
    timeZone: zone,
    calendar: hours ? { preset: hours, timeZone: zone } : null,
    asOf: $('log-asof').value.trim() || new Date().toISOString(),
    options: {
      minimumOutage: $('log-minimum').value || undefined,
      wholeMinutes: $('log-minutes').checked,
      countPlanned: $('log-planned').checked,
      weightImpact: $('log-weight').checked,
    },
  };
}

function startWorker() {
  worker?.terminate();
  worker = new Worker(new URL('log-worker.js', import.meta.url), { type: 'module' });
  worker.onmessage = ({ data }) => {
    if (data.type === 'progress') {
      $('log-progress-bar').value = data.done / data.total;
      $('log-progress-text').textContent = `Reading ${(data.done / 1e6).toFixed(1)} of ${(data.total / 1e6).toFixed(1)} MB: ${data.outages.toLocaleString()} outages so far`;
    } else if (data.type === 'measuring') {
      $('log-progress-text').textContent = 'Measuring…';
    } else if (data.type === 'report') {
      busy(false);
      showReport(data.report, data);
    } else if (data.type === 'error') {
      busy(false);
      showError(data.error);
    }
  };
}

function busy(on) {
  $('log-progress').hidden = !on;
  if (on) {
    $('log-progress-bar').removeAttribute('value');
    $('log-progress-text').textContent = 'Working…';
  }
}

const MAX_BYTES = 256 * 1024 * 1024;

/** Measures the log (text or file) with the current terms. */
function run(source) {
  if (source?.file && source.file.size > MAX_BYTES) {
    showError({
      message: `${source.file.name} is ${Math.round(source.file.size / 1024 / 1024)} MB: at most 256 MB of log is read. Split it by year or by service.`,
    });
    return;
  }
  if (source) pending = source;
  if (!pending || (pending.text !== undefined && !pending.text.trim())) {
    $('log-report').hidden = true;
    $('log-empty').hidden = false;
    $('log-error').hidden = true;
    return;
  }
  if (!worker) startWorker();
  busy(true);
  worker.postMessage({ ...pending, input: input() });
}

function showError(e) {
  $('log-report').hidden = true;
  $('log-empty').hidden = true;
  const target = { target: $('log-target-error'), asOf: $('log-asof-error') }[e.field] ?? $('log-error');
  for (const id of ['log-error', 'log-target-error', 'log-asof-error']) $(id).hidden = true;
  $('log-asof').setAttribute('aria-invalid', String(e.field === 'asOf'));
  $('log-target').setAttribute('aria-invalid', String(e.field === 'target'));
  target.textContent = e.message;
  target.hidden = false;
}

const NAMES = { week: 'Weekly', fortnight: 'Every two weeks', month: 'Monthly', quarter: 'Quarterly', year: 'Yearly' };

function showReport(r, meta) {
  lastReport = r;
  $('log-empty').hidden = true;
  for (const id of ['log-error', 'log-target-error', 'log-asof-error']) $(id).hidden = true;
  $('log-asof').setAttribute('aria-invalid', 'false');
  $('log-target').setAttribute('aria-invalid', 'false');
  $('log-report').hidden = false;
  $('log-contrast-box').hidden = !r.contrast.length;
  $('log-contrast').replaceChildren(...r.contrast.map((line) => Object.assign(document.createElement('li'), { textContent: line })));
  $('log-verdict').replaceChildren(...r.verdict.map((line) => Object.assign(document.createElement('li'), { textContent: line })));
  $('log-summary').textContent =
    `${r.outages.toLocaleString()} outage${r.outages === 1 ? '' : 's'} read over ${r.span}` +
    (r.problems.length ? `; ${r.problems.length} row${r.problems.length === 1 ? '' : 's'} could not be read (listed below)` : '') +
    (meta.ms !== undefined ? `. Measured in ${Math.round(meta.ms)} ms.` : '.');
  const rows = r.choices.map((c) => {
    const worst = c.worst === null ? null : c.periods[c.worst];
    const tr = document.createElement('tr');
    if (c.breached) tr.className = 'breached';
    for (const [i, text] of [NAMES[c.measure], c.periods.length, c.breached, worst?.label ?? '–', worst ? `${worst.availability}%` : '–'].entries()) {
      const cell = document.createElement(i === 0 ? 'th' : 'td');
      if (i === 0) cell.scope = 'row';
      cell.textContent = String(text);
      tr.append(cell);
    }
    return tr;
  });
  for (const w of r.rolling) {
    if (!w.worst) continue;
    const tr = document.createElement('tr');
    if (!w.worst.met) tr.className = 'breached';
    for (const [i, text] of [`Rolling ${w.days} days`, '', w.worst.met ? 0 : 1, w.worst.label, `${w.worst.availability}%`].entries()) {
      const cell = document.createElement(i === 0 ? 'th' : 'td');
      if (i === 0) cell.scope = 'row';
      cell.textContent = String(text);
      tr.append(cell);
    }
    rows.push(tr);
  }
  document.querySelector('#log-choices tbody').replaceChildren(...rows);
  const problems = r.problems.slice(0, 200);
  $('log-problems-box').hidden = !r.problems.length;
  $('log-problems-title').textContent = `${r.problems.length} row${r.problems.length === 1 ? '' : 's'} not read`;
  $('log-problems').replaceChildren(...problems.map((p) => Object.assign(document.createElement('li'), { textContent: `${r.format === 'csv' ? 'Line' : 'Record'} ${p.line}: ${p.reason}` })));
  drawChart();
  drawHeat();
  showBurn();
}

/** Attainment per period as bars, with the target as a line: a breach is a bar below it. */
function drawChart() {
  const r = lastReport;
  if (!r) return;
  const choice = r.choices.find((c) => c.measure === $('log-chart-measure').value);
  const target = Number($('log-target').value.replace(',', '.').replace('%', ''));
  const values = choice.periods.map((p) => (p.availability === null ? 100 : Number(p.availability)));
  const low = Math.min(target, ...values);
  const floor = Math.max(0, Math.floor((low - (100 - low) * 0.25) * 100) / 100);
  const [left, top, width, height] = [58, 16, 532, 180];
  const y = (v) => top + height - ((v - floor) / (100 - floor)) * height;
  const band = width / values.length;
  const parts = [];
  for (const v of [floor, (floor + 100) / 2, 100]) {
    parts.push(['line', { x1: left, x2: left + width, y1: y(v), y2: y(v), class: 'tick' }]);
    parts.push(['text', { x: left - 4, y: y(v) + 4, class: 'label', 'text-anchor': 'end' }, `${Number(v.toFixed(2))}%`]);
  }
  values.forEach((v, i) => {
    const x = left + i * band + band * 0.15;
    parts.push(['rect', { x, y: y(v), width: Math.max(1, band * 0.7), height: Math.max(0.5, y(floor) - y(v)), class: choice.periods[i].met ? 'bar' : 'bar missed' }]);
  });
  parts.push(['line', { x1: left, x2: left + width, y1: y(target), y2: y(target), class: 'target' }]);
  parts.push(['text', { x: left + 4, y: top - 4, class: 'label' }, `dashed line: target ${target}%`]);
  $('log-chart').replaceChildren(...svg(parts));
  $('log-chart-caption').textContent = `Attainment of each ${choice.measure} against ${target}%: ${choice.breached} of ${values.length} below the line, shown in red.`;
}



/** An exact decimal number of seconds ("2678.4", "-4521.6") as "44 min 38.4 s", keeping every digit. */
function exactly(text) {
  const negative = text.startsWith('-');
  const [whole, fraction] = text.replace('-', '').split('.');
  let s = Number(whole);
  const parts = [];
  for (const [unit, size] of [['d', 86400], ['h', 3600], ['min', 60]]) {
    if (s >= size) {
      parts.push(`${Math.floor(s / size)} ${unit}`);
      s %= size;
    }
  }
  if (s || fraction || !parts.length) parts.push(`${s}${fraction ? `.${fraction}` : ''} s`);
  return (negative ? '-' : '') + parts.join(' ');
}

const DAY_NAMES = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const MAX_HEAT_YEARS = 10;

/** A year heat-map: a square a day, a column a week (Monday on top), coloured by the downtime counted. */
function drawHeat() {
  const { days } = lastReport;
  const first = new Date(`${days.first}T00:00:00Z`);
  const n = Math.min(days.downtimeSeconds.length, 366 * MAX_HEAT_YEARS);
  const cell = 11;
  const step = 13;
  const left = 34;
  const parts = [];
  let row = -1;
  let year;
  let origin;
  let downDays = 0;
  let worst = -1;
  for (let i = 0; i < n; i++) {
    const date = new Date(first.getTime() + i * 86_400_000);
    if (date.getUTCFullYear() !== year) {
      year = date.getUTCFullYear();
      row += 1;
      const jan1 = Date.UTC(year, 0, 1);
      // Columns count Mondays from the week holding 1 January.
      origin = jan1 - ((new Date(jan1).getUTCDay() + 6) % 7) * 86_400_000;
      parts.push(['text', { x: 0, y: 24 + row * 110 + 3 * step + 8, class: 'label' }, String(year)]);
      for (let m = 0; m < 12; m++) {
        const col = Math.floor((Date.UTC(year, m, 1) - origin) / (7 * 86_400_000));
        parts.push(['text', { x: left + col * step, y: 12 + row * 110, class: 'label' }, MONTH_NAMES[m]]);
      }
    }
    const col = Math.floor((date.getTime() - origin) / (7 * 86_400_000));
    const dow = (date.getUTCDay() + 6) % 7;
    const down = days.downtimeSeconds[i];
    const service = days.serviceSeconds[i];
    const level = service === 0 ? 'closed' : down === 0 ? 0 : down < 300 ? 1 : down < 1800 ? 2 : down < 7200 ? 3 : 4;
    if (down > 0) downDays += 1;
    if (worst < 0 || down > days.downtimeSeconds[worst]) worst = i;
    const label = `${DAY_NAMES[dow]} ${date.getUTCDate()} ${MONTH_NAMES[date.getUTCMonth()]} ${year}: ` +
      (service === 0 ? 'no service hours' : down === 0 ? `no downtime in ${roughly(service)} of service` : `${roughly(down)} down in ${roughly(service)} of service`);
    parts.push(['rect', { x: left + col * step, y: 18 + row * 110 + dow * step, width: cell, height: cell, rx: 2, class: `heat-${level}`, 'data-date': date.toISOString().slice(0, 10) }, label]);
  }
  const svgEl = $('log-heat');
  svgEl.setAttribute('viewBox', `0 0 ${left + 54 * step} ${(row + 1) * 110}`);
  svgEl.replaceChildren(...svg(parts));
  const years = row + 1;
  const worstDay = worst >= 0 && days.downtimeSeconds[worst] > 0
    ? ` The worst, ${new Date(first.getTime() + worst * 86_400_000).toISOString().slice(0, 10)}, lost ${roughly(days.downtimeSeconds[worst])}.`
    : '';
  $('log-heat-caption').textContent =
    `${downDays} of ${n} days had downtime counted${lastReport.choices.length && $('log-hours').value ? ' in service hours' : ''}.${worstDay}` +
    (days.downtimeSeconds.length > n ? ` Only the first ${MAX_HEAT_YEARS} years are drawn.` : '') +
    (years > 1 ? ` A row of squares a year.` : '') + ' Hover or tap a square for its figures.';
}

/** The error budget of each current period, and the burn-down of the chosen one. */
function showBurn() {
  const r = lastReport;
  const none = !r.burn.length;
  $('log-burn-box').hidden = none;
  $('log-burn-none').hidden = !none;
  if (none) {
    $('log-burn-none').textContent = `No period measured holds the instant ${input().asOf}: the span is ${r.span}. Give an instant within it to see the budget left.`;
    return;
  }
  document.querySelector('#log-burn-table tbody').replaceChildren(
    ...r.burn.map((b) => {
      const tr = document.createElement('tr');
      const over = b.remainingSeconds.startsWith('-');
      if (over) tr.className = 'over';
      const left = over ? `${exactly(b.remainingSeconds.slice(1))} over` : exactly(b.remainingSeconds);
      for (const [i, text] of [NAMES[b.measure], b.period.label, exactly(b.allowedSeconds), exactly(b.usedSeconds), left].entries()) {
        const cell = document.createElement(i === 0 ? 'th' : 'td');
        if (i === 0) cell.scope = 'row';
        cell.textContent = text;
        tr.append(cell);
      }
      return tr;
    }),
  );
  drawBurn();
}

function drawBurn() {
  const r = lastReport;
  const b = r.burn.find((x) => x.measure === $('log-burn-measure').value) ?? r.burn[0];
  if (!b) return;
  const t0 = Date.parse(b.period.start) / 1000;
  const t1 = Date.parse(b.period.end) / 1000;
  const allowed = Number(b.allowedSeconds);
  const remaining = b.used.map((u) => allowed - u);
  const low = Math.min(0, ...remaining);
  const high = Math.max(allowed, 1);
  const [left, top, width, height] = [104, 16, 480, 170];
  const x = (t) => left + ((t - t0) / (t1 - t0)) * width;
  const y = (v) => top + height - ((v - low) / (high - low)) * height;
  const parts = [];
  for (const v of [low, 0, high].filter((v, i, all) => all.indexOf(v) === i)) {
    parts.push(['line', { x1: left, x2: left + width, y1: y(v), y2: y(v), class: v === 0 ? 'zero' : 'tick' }]);
    parts.push(['text', { x: left - 4, y: y(v) + 4, class: 'label', 'text-anchor': 'end' }, roughly(v)]);
  }
  parts.push(['line', { x1: x(t0), x2: x(t1), y1: y(allowed), y2: y(0), class: 'pace' }]);
  const points = [[t0, allowed], ...b.times.map((t, i) => [t, remaining[i]])];
  // Downtime only grows, so the line only falls; it turns red once the budget is spent.
  parts.push(['polyline', { points: points.map(([t, v]) => `${x(t).toFixed(1)},${y(v).toFixed(1)}`).join(' '), class: remaining.at(-1) < 0 ? 'over' : 'left' }]);
  const now = b.times.at(-1);
  parts.push(['line', { x1: x(now), x2: x(now), y1: top, y2: top + height, class: 'now' }]);
  parts.push(['text', { x: left, y: top + height + 16, class: 'label' }, b.period.label]);
  parts.push(['text', { x: Math.min(x(now) + 4, left + width - 80), y: top + 10, class: 'label' }, 'read here']);
  $('log-burn').replaceChildren(...svg(parts));
  const over = b.remainingSeconds.startsWith('-');
  $('log-burn-caption').textContent =
    `${b.period.label}: ${exactly(b.allowedSeconds)} of downtime allowed at ${$('log-target').value.trim()}%; ` +
    `${exactly(b.usedSeconds)} spent by ${b.asOf.replace('T', ' ').replace(':00Z', ' UTC')}; ` +
    (over ? `${exactly(b.remainingSeconds.slice(1))} over budget.` : `${exactly(b.remainingSeconds)} left.`) +
    ' The dashed line spends the budget evenly over the period.';
}

function csv() {
  const quote = csvField;
  const lines = [['measured', 'period', 'start', 'end', 'service_seconds', 'downtime_seconds', 'availability_percent', 'met'].join(',')];
  for (const c of lastReport.choices) {
    for (const p of c.periods) lines.push([c.measure, p.label, p.start, p.end, p.serviceSeconds, p.downtimeSeconds, p.availability ?? '', p.met].map(quote).join(','));
  }
  for (const w of lastReport.rolling) {
    if (w.worst) lines.push([`worst rolling ${w.days} days`, w.worst.label, w.worst.start, w.worst.end, w.worst.serviceSeconds, w.worst.downtimeSeconds, w.worst.availability ?? '', w.worst.met].map(quote).join(','));
  }
  return `${lines.join('\n')}\n`;
}

let typing;
function main() {
  $('log-text').addEventListener('input', () => {
    clearTimeout(typing);
    typing = setTimeout(() => run({ text: $('log-text').value }), 250);
  });
  // Selects and checkboxes re-measure on change; text fields already did on input (re-measuring again
  // when they lose focus would move the page under the person's click).
  $('log-form').addEventListener('change', (e) => {
    if (e.target.matches('select, input[type=checkbox]')) run();
  });
  $('log-zone').addEventListener('input', () => {
    clearTimeout(typing);
    typing = setTimeout(() => run(), 250);
  });
  $('log-target').addEventListener('input', () => run());
  $('log-example').addEventListener('click', async () => {
    const text = await (await fetch('examples/outages-2026.csv')).text();
    $('log-text').value = text;
    run({ text });
  });
  $('log-file').addEventListener('change', () => {
    const file = $('log-file').files[0];
    if (file) run({ file });
  });
  const drop = $('log-drop');
  drop.addEventListener('dragover', (e) => {
    e.preventDefault();
    drop.classList.add('over');
  });
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', (e) => {
    e.preventDefault();
    drop.classList.remove('over');
    const file = e.dataTransfer.files[0];
    if (file) run({ file });
  });
  $('log-cancel').addEventListener('click', () => {
    worker?.terminate();
    worker = undefined;
    busy(false);
    $('log-error').textContent = 'Cancelled: the log was not measured. Everything you entered is kept.';
    $('log-error').hidden = false;
  });
  $('log-chart-measure').addEventListener('change', drawChart);
  $('log-burn-measure').addEventListener('change', drawBurn);
  $('log-asof').addEventListener('input', () => {
    clearTimeout(typing);
    typing = setTimeout(() => run(), 250);
  });
  $('log-export-csv').addEventListener('click', () => download('attainment.csv', 'text/csv', csv()));
  $('log-export-json').addEventListener('click', () => download('attainment.json', 'application/json', JSON.stringify(lastReport, null, 2)));
  document.documentElement.dataset.ready = 'true';
}

main();
