// The outage-log page: collects the log and the contract's terms, has the worker measure them, and shows
// the verdict, the table, charts and exports. The page's thread never parses the log; it keeps the
// settings in the link and, only when asked, the log in this browser.
import { coreFor } from './core.js';
import { calendarEditor, calendarFromLink, calendarToLink, calendarValue, calendarWords } from './calendar-editor.js';
import { clearErrors, showError, words } from './fields.js';
import { drawAttainment, showTip } from './attainment-chart.js';
import { forgetLog, keptLog, keepLog } from './kept-log.js';
import { dropZone } from './files.js';
import { $, copy, count, csvField, download, el, linkWriter, svg } from './util.js';
import { measureSoon, measuringWorker } from './measuring-worker.js';
import { zoneFailure } from './zones.js';

const { core, ready, onRestart } = coreFor('pkg');
const { durationText } = core;
/** @type {ReturnType<typeof calendarEditor>} */
let editor;
/** Reads and measures the log off the page's thread. */
const worker = measuringWorker(new URL('log-worker.js', import.meta.url), 'log', {
  progress: (data) => `Reading ${(data.done / 1e6).toFixed(1)} of ${(data.total / 1e6).toFixed(1)} MB: ${count(data.outages, 'outage')} so far`,
  report: (data) => showReport(data.report, data),
  failed,
  crashed: 'The log could not be measured: the browser stopped the worker (it may have run out of memory). Try a smaller file.',
});
/** The last report shown, and the terms it was measured under. */
let last;
/** The log to measure: { text } or { file } (a File or a kept Blob with a name). */
let source;
const MAX_BYTES = 256 * 1024 * 1024;

const NAMES = { week: 'Weekly', fortnight: 'Every two weeks', month: 'Monthly', quarter: 'Quarterly', year: 'Yearly' };

/** The terms typed, as the core reads them. */
function terms() {
  const zone = editor.state().zone.trim();
  const span = $('log-span').value.trim();
  return {
    target: $('log-target').value,
    timeZone: zone,
    calendar: calendarValue(editor.state()),
    span: span || undefined,
    asOf: $('log-asof').value.trim() || new Date().toISOString(),
    options: {
      minimumOutage: $('log-minimum').value || undefined,
      wholeMinutes: $('log-minutes').checked,
      countPlanned: $('log-planned').checked,
      weightImpact: $('log-weight').checked,
    },
  };
}

/** Keeps what is shown but marks it out of date, saying why; with nothing shown, says what to do. */
function stale(why) {
  const shown = Boolean(last);
  $('log-stale').hidden = !why || !shown;
  $('log-stale').textContent = why ?? '';
  $('log-report').classList.toggle('stale', Boolean(why) && shown);
}

/** An error from the core or the worker, next to the field it concerns. */
function failed(e) {
  const inputs = { target: 'log-target', asOf: 'log-asof', period: 'log-span' };
  if (e.field === 'calendar' && editor.showError(e)) {
    // shown by the editor
  } else if (inputs[e.field]) {
    showError($(inputs[e.field]), words(e));
  } else {
    $('log-error').textContent = words(e);
    $('log-error').hidden = false;
    if (!last) $('log-empty').hidden = true;
  }
  stale(last ? 'Showing the last result: correct what is marked in red to measure again.' : null);
}

/** Checks the terms the page can check at once; false (with the error shown) when one is wrong. */
function termsOk(t) {
  try {
    core.budget({ target: t.target, period: 'month' });
  } catch (e) {
    failed(e);
    return false;
  }
  if (t.span) {
    try {
      const p = core.budget({ target: '50', period: t.span });
      if (p.periodKind !== 'calendar') throw Object.assign(new Error(`“${t.span}” is not a span of dates: give a year (2026), a quarter (2026-Q2), a month (2026-05) or dates (2026-01-01/2026-07-01).`), { field: 'period' });
    } catch (e) {
      failed({ ...e, message: e.message, field: 'period' });
      return false;
    }
  }
  const zone = zoneFailure(t.timeZone);
  if (zone) {
    editor.showError(zone);
    stale(last ? 'Showing the last result: correct what is marked in red to measure again.' : null);
    return false;
  }
  return true;
}

/** Measures the log (text or file) with the current terms. */
function run(next) {
  if (next) source = next;
  clearErrors($('log-form'));
  editor.clearErrors();
  $('log-error').hidden = true;
  saveLink();
  if (source?.file && source.file.size > MAX_BYTES) {
    failed({ field: 'outages', message: `${source.file.name} is ${Math.round(source.file.size / 1024 / 1024)} MB: at most 256 MB of log is read. Split it by year or by service.` });
    return;
  }
  const t = terms();
  if (!termsOk(t)) return;
  if (!source || (source.text !== undefined && !source.text.trim())) {
    last = undefined;
    $('log-report').hidden = true;
    $('log-empty').hidden = false;
    stale(null);
    return;
  }
  worker.send({ ...source, input: t });
}

function showReport(r, meta) {
  last = { report: r, terms: terms(), name: source?.file?.name ?? 'the log pasted', ms: meta.ms };
  stale(null);
  $('log-empty').hidden = true;
  $('log-error').hidden = true;
  $('log-report').hidden = false;
  const measured = r.choices.length > 0;
  $('log-measured').hidden = !measured;
  $('log-verdict').replaceChildren(...r.verdict.map((line) => el('li', { textContent: line })));
  $('log-summary').textContent =
    `${count(r.outages, 'outage')} read${r.span ? ` over ${r.span}` : ''}` +
    (r.problems.length ? `; ${count(r.problems.length, r.format === 'csv' ? 'row' : 'record')} could not be read (listed below)` : '') +
    (meta.ms !== undefined ? `. Measured in ${Math.round(meta.ms)} ms.` : '.');
  const problems = r.problems.slice(0, 500);
  $('log-problems-box').hidden = !r.problems.length;
  $('log-problems-box').open = !measured;
  $('log-problems-title').textContent = `${count(r.problems.length, r.format === 'csv' ? 'row' : 'record')} not read`;
  $('log-problems').replaceChildren(
    ...problems.map((p) => el('li', { textContent: `${r.format === 'csv' ? 'Line' : 'Record'} ${p.line}: ${p.reason}` })),
    ...(r.problems.length > problems.length ? [el('li', { textContent: `… and ${count(r.problems.length - problems.length, 'more')}: export the JSON to see them all.` })] : []),
  );
  showInputs();
  if (!measured) return;
  $('log-contrast-box').hidden = !r.contrast.length;
  $('log-contrast').replaceChildren(...r.contrast.map((line) => el('li', { textContent: line })));
  const cells = (tr, values) => values.forEach((text, i) => tr.append(el(i === 0 ? 'th' : 'td', { textContent: String(text), ...(i === 0 ? { scope: 'row' } : {}) })));
  const rows = r.choices.map((c) => {
    const worst = c.worst === null ? null : c.periods[c.worst];
    const tr = el('tr', { className: c.breached ? 'breached' : '' });
    cells(tr, [NAMES[c.measure], c.periods.length, c.breached, worst?.label ?? '–', worst ? `${worst.availability}%` : '–']);
    return tr;
  });
  for (const w of r.rolling) {
    if (!w.worst) continue;
    const tr = el('tr', { className: w.worst.met ? '' : 'breached' });
    cells(tr, [`Worst rolling ${w.days} days`, '', w.worst.met ? 0 : 1, w.worst.label, `${w.worst.availability}%`]);
    rows.push(tr);
  }
  $('log-choices').querySelector('tbody').replaceChildren(...rows);
  drawChart();
  drawHeat();
  showBurn();
}

/** The inputs of the report, for the printed page. */
function showInputs() {
  const t = last.terms;
  const o = t.options;
  $('log-report-title').textContent = `Outage log report: ${last.name}, measured against ${t.target}% on ${calendarWords(editor.state())}. Made with slacalc on ${new Date().toISOString().slice(0, 10)}.`;
  $('log-inputs').replaceChildren(
    ...[
      `Target: ${t.target}%`,
      `Service hours: ${calendarWords(editor.state())}; local times in the log read in ${t.timeZone || 'UTC'}`,
      `Measured over: ${last.report.span || 'nothing (no outage could be read)'}${t.span ? ` (asked: ${t.span})` : ' (the whole years the log covers)'}`,
      `Outages shorter than ${o.minimumOutage ? durationText(o.minimumOutage) : '0 s'} ignored; ${o.wholeMinutes ? 'a partial minute counts as a whole one' : 'downtime counted to the second'}; planned maintenance ${o.countPlanned ? 'counts as downtime' : 'is taken out of service time'}; partial outages ${o.weightImpact ? 'count by their impact' : 'count in full'}`,
      `Error budget read at ${t.asOf}`,
      `Log: ${last.name}, ${count(last.report.outages, 'outage')} read, ${count(last.report.problems.length, 'row')} not read`,
    ].map((line) => el('li', { textContent: line })),
  );
}

function drawChart() {
  if (!last?.report.choices.length) return;
  const target = last.terms.target.trim().replace(',', '.').replace(/%$/, '');
  drawAttainment($('log-chart'), $('log-chart-caption'), $('log-chart-tip'), last.report, $('log-chart-measure').value, target, durationText);
}

const DAY_NAMES = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const MAX_HEAT_YEARS = 10;
/** A duration for a picture: rounded to the second, written by the core. */
const roughly = (seconds) => durationText(Math.round(seconds));

/** A year heat-map: a square a day, a column a week (Monday on top), coloured by the downtime counted. */
function drawHeat() {
  const { days } = last.report;
  const first = new Date(`${days.first}T00:00:00Z`);
  const n = Math.min(days.downtimeSeconds.length, 366 * MAX_HEAT_YEARS);
  const [cell, step, left] = [11, 13, 34];
  /** @type {Array<[string, Record<string, any>, string?]>} */
  const parts = [];
  let row = -1;
  let year;
  let origin = 0;
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
  $('log-heat').setAttribute('viewBox', `0 0 ${left + 54 * step} ${(row + 1) * 110}`);
  $('log-heat').replaceChildren(...svg(parts));
  const worstDay = worst >= 0 && days.downtimeSeconds[worst] > 0
    ? ` The worst, ${new Date(first.getTime() + worst * 86_400_000).toISOString().slice(0, 10)}, lost ${roughly(days.downtimeSeconds[worst])}.`
    : '';
  $('log-heat-caption').textContent =
    `${downDays} of ${count(n, 'day')} had downtime counted${last.terms.calendar ? ' in service hours' : ''}.${worstDay}` +
    (days.downtimeSeconds.length > n ? ` Only the first ${MAX_HEAT_YEARS} years are drawn.` : '') +
    (row > 0 ? ' A row of squares a year.' : '') + ' Hover over a square for its figures.';
}

/** The error budget of each current period, and the burn-down of the chosen one. */
function showBurn() {
  const r = last.report;
  const none = !r.burn.length;
  $('log-burn-box').hidden = none;
  $('log-burn-none').hidden = !none;
  if (none) {
    $('log-burn-none').textContent = `No period measured holds the instant ${last.terms.asOf}: the span is ${r.span}. Give an instant within it to see the budget left.`;
    return;
  }
  $('log-burn-table').querySelector('tbody').replaceChildren(
    ...r.burn.map((b) => {
      const tr = el('tr', { className: b.overspent ? 'over' : '' });
      const left = b.overspent ? `${b.remainingText} over` : b.remainingText;
      [NAMES[b.measure], b.period.label, b.allowedText, b.usedText, left].forEach((text, i) =>
        tr.append(el(i === 0 ? 'th' : 'td', { textContent: text, ...(i === 0 ? { scope: 'row' } : {}) })),
      );
      return tr;
    }),
  );
  drawBurn();
}

function drawBurn() {
  const r = last.report;
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
  /** @type {Array<[string, Record<string, any>, string?]>} */
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
  $('log-burn-caption').textContent =
    `${b.period.label}: ${b.allowedText} of downtime allowed at ${last.terms.target.trim()}%; ` +
    `${b.usedText} spent by ${b.asOf.slice(0, 10)} ${b.asOf.slice(11, 16)} UTC; ` +
    (b.overspent ? `${b.remainingText} over budget.` : `${b.remainingText} left.`) +
    ' The dashed line spends the budget evenly over the period.';
}

function csv() {
  const lines = [['measured', 'period', 'start', 'end', 'service_seconds', 'downtime_seconds', 'availability_percent', 'met'].join(',')];
  for (const c of last.report.choices) {
    for (const p of c.periods) lines.push([c.measure, p.label, p.start, p.end, p.serviceSeconds, p.downtimeSeconds, p.availability ?? '', p.met].map(csvField).join(','));
  }
  for (const w of last.report.rolling) {
    if (w.worst) lines.push([`worst rolling ${w.days} days`, w.worst.label, w.worst.start, w.worst.end, w.worst.serviceSeconds, w.worst.downtimeSeconds, w.worst.availability ?? '', w.worst.met].map(csvField).join(','));
  }
  return `${lines.join('\n')}\n`;
}

// The link holds every setting (never the log): #t=99.5&h=8x5&tz=Europe/Berlin&...
const FIELDS = { t: 'log-target', span: 'log-span', min: 'log-minimum', asof: 'log-asof', chart: 'log-chart-measure', burn: 'log-burn-measure' };
const CHECKS = { wm: 'log-minutes', pl: 'log-planned', wi: 'log-weight' };

const address = linkWriter(250);
/** Writes the link a moment after the last change. */
const saveLink = () => address.soon(link);

function link() {
  const q = new URLSearchParams();
  for (const [k, id] of Object.entries(FIELDS)) if ($(id).value) q.set(k, $(id).value);
  for (const [k, id] of Object.entries(CHECKS)) q.set(k, $(id).checked ? '1' : '0');
  calendarToLink(q, editor.state());
  const url = new URL(location.href);
  url.hash = q.toString();
  return url.href;
}

function restore() {
  const q = new URLSearchParams(location.hash.slice(1));
  for (const [k, id] of Object.entries(FIELDS)) {
    if (!q.has(k)) continue;
    const input = $(id);
    if (input.tagName === 'SELECT' && ![...input.options].some((o) => o.value === q.get(k))) continue;
    input.value = q.get(k);
  }
  for (const [k, id] of Object.entries(CHECKS)) if (q.has(k)) $(id).checked = q.get(k) === '1';
  editor.set(calendarFromLink(q));
}

/** Re-measures a moment after the last keystroke; a new log is kept when asked. */
const soon = measureSoon((given) => {
  run(given);
  if (given && $('log-keep').checked) keep();
});

async function main() {
  await ready;
  onRestart(() => soon());
  editor = calendarEditor($('log-calendar'), { id: 'log-cal', core, zoneAlways: true, zoneLabel: 'Time zone (of the hours, and of local times in the log)', onChange: () => soon() });
  restore();
  $('log-text').addEventListener('input', () => soon({ text: $('log-text').value }));
  $('log-form').addEventListener('change', (e) => {
    const t = /** @type {HTMLElement} */ (e.target);
    if (t.matches('select, input[type=checkbox]') && !t.closest('.calendar-editor') && t.id !== 'log-keep') run();
  });
  for (const id of ['log-target', 'log-span', 'log-asof']) $(id).addEventListener('input', () => soon());
  $('log-example').addEventListener('click', async () => {
    const text = await (await fetch('examples/outages-2026.csv')).text();
    $('log-text').value = text;
    run({ text });
    if ($('log-keep').checked) keep();
  });
  const choose = (file) => {
    if (!file) return;
    run({ file });
    if ($('log-keep').checked) keep();
  };
  $('log-file').addEventListener('change', () => choose($('log-file').files[0]));
  dropZone($('log-drop'), choose);
  $('log-keep').addEventListener('change', () => ($('log-keep').checked ? keep() : forget()));
  $('log-cancel').addEventListener('click', () => {
    worker.cancel();
    failed({ message: 'Cancelled: the log was not measured. Everything you entered is kept.' });
  });
  $('log-chart-measure').addEventListener('change', () => {
    drawChart();
    saveLink();
  });
  $('log-burn-measure').addEventListener('change', () => {
    drawBurn();
    saveLink();
  });
  $('log-chart').addEventListener('focusin', (e) => showTip($('log-chart-tip'), /** @type {Element} */ (e.target)));
  $('log-chart').addEventListener('pointerover', (e) => showTip($('log-chart-tip'), /** @type {Element} */ (e.target)));
  $('log-copy').addEventListener('click', () => copy(link(), $('log-copy-status'), 'Link copied: it holds the settings, not the log.', 'Copying is not allowed here: copy the address bar instead.'));
  $('log-print').addEventListener('click', () => window.print());
  $('log-export-csv').addEventListener('click', () => last && download('attainment.csv', 'text/csv', csv()));
  $('log-export-json').addEventListener('click', () => last && download('attainment.json', 'application/json', JSON.stringify(last.report, null, 2)));
  window.addEventListener('hashchange', () => {
    restore();
    run();
  });
  const kept = await keptLog();
  if (kept) {
    $('log-keep').checked = true;
    $('log-kept').textContent = `Measuring ${kept.name}, kept in this browser on ${kept.saved.slice(0, 10)}. Untick the box to forget it.`;
    if (kept.text !== undefined) {
      $('log-text').value = kept.text;
      run({ text: kept.text });
    } else run({ file: kept.file });
  } else run();
  document.documentElement.dataset.ready = 'true';
}

async function keep() {
  try {
    const name = source?.file?.name ?? 'the log pasted';
    await keepLog(source?.file ? { name, file: source.file } : { name, text: $('log-text').value });
    $('log-kept').textContent = source ? `${name} is kept in this browser (not sent anywhere). Untick the box to forget it.` : 'The next log you give is kept in this browser.';
  } catch (e) {
    $('log-kept').textContent = `This browser does not let the page keep the log: ${e.message}`;
  }
}

async function forget() {
  await forgetLog();
  $('log-kept').textContent = 'Forgotten: nothing of the log is kept in this browser.';
}

main();
