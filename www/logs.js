// The outage-log page: collects the log and the contract's terms, has the worker measure them, and shows
// the verdict, the table, a chart and exports. The page's thread never parses the log.
const $ = (id) => document.getElementById(id);
const SVG = 'http://www.w3.org/2000/svg';

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
      $('log-progress-text').textContent = `Reading ${(data.done / 1e6).toFixed(1)} of ${(data.total / 1e6).toFixed(1)} MB`;
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
  const target = e.field === 'target' ? $('log-target-error') : $('log-error');
  $('log-error').hidden = true;
  $('log-target-error').hidden = true;
  target.textContent = e.message;
  target.hidden = false;
}

const NAMES = { week: 'Weekly', fortnight: 'Every two weeks', month: 'Monthly', quarter: 'Quarterly', year: 'Yearly' };

function showReport(r, meta) {
  lastReport = r;
  $('log-empty').hidden = true;
  $('log-error').hidden = true;
  $('log-target-error').hidden = true;
  $('log-report').hidden = false;
  $('log-verdict').replaceChildren(...r.verdict.map((line) => Object.assign(document.createElement('li'), { textContent: line })));
  $('log-summary').textContent =
    `${r.outages.toLocaleString('en')} outage${r.outages === 1 ? '' : 's'} read over ${r.span}` +
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
  $('log-problems').replaceChildren(...problems.map((p) => Object.assign(document.createElement('li'), { textContent: `Line ${p.line}: ${p.reason}` })));
  drawChart();
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
  $('log-chart').replaceChildren(
    ...parts.map(([tag, attrs, text]) => {
      const el = document.createElementNS(SVG, tag);
      for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
      if (text) el.textContent = text;
      return el;
    }),
  );
  $('log-chart-caption').textContent = `Attainment of each ${choice.measure} against ${target}%: ${choice.breached} of ${values.length} below the line, shown in red.`;
}

function download(name, type, text) {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(new Blob([text], { type }));
  a.download = name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}

function csv() {
  const quote = (v) => (/[",\n]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v));
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
  $('log-export-csv').addEventListener('click', () => download('attainment.csv', 'text/csv', csv()));
  $('log-export-json').addEventListener('click', () => download('attainment.json', 'application/json', JSON.stringify(lastReport, null, 2)));
  document.documentElement.dataset.ready = 'true';
}

main();
