// The calculator page: reads the form, asks the WASM core, shows the result, keeps the state in the URL.
// Every figure comes from the core; this file only moves text between the page and the core.
import init, {
  achieved,
  budget,
  calendarPreset,
  hasTimeZone,
  importIcs,
  registerTimeZone,
  ServiceCalendar,
  table,
} from './pkg/slacalc.js';

const $ = (id) => document.getElementById(id);
const SVG = 'http://www.w3.org/2000/svg';
const COLUMNS = 50;
const ROWS = 20;

const form = $('calculator');
const kindSelect = $('period-kind');

/** The period text for the core, from whichever period controls are showing. */
function periodText() {
  switch (kindSelect.value) {
    case 'average':
      return $('period-average').value;
    case 'fixed': {
      const unit = $('period-unit').value;
      const count = $('period-count').value.trim();
      return unit === 'H' || unit === 'M' ? `PT${count}${unit}` : `P${count}${unit}`;
    }
    case 'month':
      return $('period-month').value;
    case 'quarter':
      return `${$('period-quarter-year').value.trim().padStart(4, '0')}-Q${$('period-quarter').value}`;
    case 'year':
      return $('period-year').value.trim();
    case 'week':
      return $('period-week').value.trim();
    case 'range': {
      const from = $('period-from').value;
      const to = $('period-to').value;
      return from && to ? `${from}/${nextDay(to)}` : from || to ? `${from}/${to}` : '';
    }
    default:
      return $('period-code').value;
  }
}

/** The ISO date after `date` (YYYY-MM-DD); the range's end is excluded in the core. */
function nextDay(date) {
  const d = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return date;
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

function previousDay(date) {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/** Sets the period controls to show `text`, choosing the friendliest picker that can hold it. */
function showPeriod(text) {
  let m;
  const t = text.trim();
  if (/^(day|week|month|quarter|year)$/i.test(t)) {
    kindSelect.value = 'average';
    $('period-average').value = t.toLowerCase();
  } else if ((m = /^P(\d+)([DW])$/i.exec(t)) || (m = /^PT(\d+)([HM])$/i.exec(t))) {
    kindSelect.value = 'fixed';
    $('period-count').value = m[1];
    $('period-unit').value = m[2].toUpperCase();
  } else if (/^\d{4}-(0[1-9]|1[0-2])$/.test(t)) {
    kindSelect.value = 'month';
    $('period-month').value = t;
  } else if ((m = /^(\d{4})-Q([1-4])$/i.exec(t))) {
    kindSelect.value = 'quarter';
    $('period-quarter-year').value = String(Number(m[1]));
    $('period-quarter').value = m[2];
  } else if (/^\d{4}$/.test(t) && t !== '0000') {
    kindSelect.value = 'year';
    $('period-year').value = String(Number(t));
  } else if (/^\d{4}-W(0[1-9]|[1-4]\d|5[0-3])$/i.test(t) && $('period-week').type === 'week') {
    kindSelect.value = 'week';
    $('period-week').value = t.toUpperCase();
  } else if ((m = /^(\d{4}-\d{2}-\d{2})\/(\d{4}-\d{2}-\d{2})$/.exec(t)) && m[2] > m[1] && isDate(m[1]) && isDate(m[2])) {
    kindSelect.value = 'range';
    $('period-from').value = m[1];
    $('period-to').value = previousDay(m[2]);
  } else {
    kindSelect.value = 'code';
    $('period-code').value = text;
  }
  showKind();
}

function isDate(s) {
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** Shows the controls of the chosen kind of period, filling sensible defaults from today. */
function showKind() {
  const kind = kindSelect.value;
  for (const el of document.querySelectorAll('.kind')) el.hidden = el.dataset.kind !== kind;
  const today = new Date();
  const year = today.getUTCFullYear();
  const iso = today.toISOString();
  if (kind === 'month' && !$('period-month').value) $('period-month').value = iso.slice(0, 7);
  if (kind === 'quarter' && !$('period-quarter-year').value) {
    $('period-quarter-year').value = String(year);
    $('period-quarter').value = String(Math.floor(today.getUTCMonth() / 3) + 1);
  }
  if (kind === 'year' && !$('period-year').value) $('period-year').value = String(year);
  if (kind === 'week' && !$('period-week').value) $('period-week').value = isoWeek(today);
  if (kind === 'range' && !$('period-from').value && !$('period-to').value) {
    $('period-from').value = `${iso.slice(0, 7)}-01`;
    $('period-to').value = `${iso.slice(0, 7)}-14`;
  }
  if (kind === 'code' && !$('period-code').value) $('period-code').value = periodTextFallback;
}

let periodTextFallback = 'P14D';

function isoWeek(date) {
  const d = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  const day = d.getUTCDay() || 7;
  d.setUTCDate(d.getUTCDate() + 4 - day);
  const yearStart = new Date(Date.UTC(d.getUTCFullYear(), 0, 1));
  const week = Math.ceil(((d - yearStart) / 86_400_000 + 1) / 7);
  return `${d.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

/** Writes or clears the error next to a field, marking the field invalid for assistive technology. */
function showError(field, message) {
  const error = $(`${field}-error`);
  error.textContent = message ?? '';
  error.hidden = !message;
  const inputs = field === 'period' ? document.querySelectorAll('#period-fields input, #period-fields select') : [$(field)];
  for (const input of inputs) {
    if (message) input.setAttribute('aria-invalid', 'true');
    else input.removeAttribute('aria-invalid');
  }
}

/** Groups the whole part of a decimal string in threes: "2629746.5" -> "2 629 746.5". */
function grouped(decimal) {
  const [whole, frac] = decimal.split('.');
  const g = whole.replace(/\B(?=(\d{3})+(?!\d))/g, '\u202f');
  return frac ? `${g}.${frac}` : g;
}

/** Keeps each number with its unit when a duration wraps: "14 min 24 s" breaks only between parts. */
function keepUnits(text) {
  return text.replace(/(\d) /g, '$1\u00a0');
}

function state() {
  return { target: $('target').value, period: periodText(), downtime: $('downtime').value, calendar: calendarInput() };
}

const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const lines = (text) => text.split('\n').map((l) => l.trim()).filter(Boolean);

/** The calendar the editor describes, or null for 24x7. */
function calendarInput() {
  if (!$('hours-preset').value) return null;
  return {
    timeZone: $('time-zone').value.trim(),
    weekly: Object.fromEntries(DAYS.map((d) => [d, $(`hours-${d}`).value])),
    holidays: lines($('holidays').value),
    exclusions: lines($('exclusions').value),
  };
}

/** Fills the weekly hours and exclusions from a preset, keeping the time zone and holidays. */
function applyPreset(name) {
  const preset = calendarPreset(name);
  if (!preset) return;
  for (const d of DAYS) $(`hours-${d}`).value = preset.weekly[d] ?? '';
  $('exclusions').value = preset.exclusions.join('\n');
}

function showCalendarEditor() {
  const on = Boolean($('hours-preset').value);
  $('calendar-editor').hidden = !on;
  if (on) loadZoneList();
}

let zoneList;

/** The names of the time zones the server has, for the picker; fetched once, when first needed. */
async function loadZoneList() {
  if (zoneList) return zoneList;
  zoneList = fetch('tz/zones.json')
    .then((r) => (r.ok ? r.json() : []))
    .catch(() => []);
  const names = await zoneList;
  const list = $('time-zones');
  list.replaceChildren(...['UTC', ...names].map((n) => Object.assign(document.createElement('option'), { value: n })));
  return names;
}

const loadingZones = new Map();
/** Zones whose data is being fetched: their "unknown zone" error is not shown yet. */
const pendingZones = new Set();

/** Loads a zone's data (tz/<name>.tzif) once; resolves to whether the zone can be used. */
function ensureZone(name) {
  if (!name || hasTimeZone(name)) return Promise.resolve(true);
  if (!loadingZones.has(name)) {
    pendingZones.add(name);
    const loading = loadZoneList().then(async (names) => {
      if (!names.includes(name)) return false;
      const response = await fetch(`tz/${name}.tzif`);
      if (!response.ok) return false;
      registerTimeZone(name, new Uint8Array(await response.arrayBuffer()));
      return true;
    });
    loadingZones.set(
      name,
      loading.catch(() => false).finally(() => pendingZones.delete(name)),
    );
  }
  return loadingZones.get(name);
}

/** Where a calendar error is shown, by the part of the calendar it concerns. */
function calendarErrorTarget(part) {
  if (part === 'timeZone') return { error: 'time-zone-error', inputs: ['time-zone'] };
  if (part?.startsWith('weekly.')) return { error: 'hours-error', inputs: [`hours-${part.slice(7)}`] };
  if (part?.startsWith('holidays')) return { error: 'holidays-error', inputs: ['holidays'] };
  if (part?.startsWith('exclusions')) return { error: 'exclusions-error', inputs: ['exclusions'] };
  if (part === 'ics') return { error: 'ics-status', inputs: [] };
  return { error: 'calendar-error', inputs: [] };
}

const CALENDAR_ERRORS = ['time-zone-error', 'hours-error', 'holidays-error', 'exclusions-error', 'calendar-error'];

function showCalendarError(e) {
  for (const id of CALENDAR_ERRORS) {
    $(id).hidden = true;
    $(id).textContent = '';
  }
  for (const input of document.querySelectorAll('#calendar-fields input, #calendar-fields textarea')) input.removeAttribute('aria-invalid');
  if (!e) return;
  const { error, inputs } = calendarErrorTarget(e.part);
  const line = /\[(\d+)\]$/.exec(e.part ?? '');
  $(error).textContent = line ? `Line ${Number(line[1]) + 1}: ${e.message}` : e.message;
  $(error).hidden = false;
  for (const id of inputs) $(id).setAttribute('aria-invalid', 'true');
}

/** The page's URL for a state: ?target=99.9&period=P14D&downtime=PT1H */
function permalink(s) {
  const params = new URLSearchParams();
  params.set('target', s.target);
  params.set('period', s.period);
  if (s.downtime.trim()) params.set('downtime', s.downtime);
  if (s.calendar) {
    params.set('hours', $('hours-preset').value);
    params.set('tz', s.calendar.timeZone);
    for (const d of DAYS) params.set(d, s.calendar.weekly[d]);
    for (const h of s.calendar.holidays) params.append('hol', h);
    for (const x of s.calendar.exclusions) params.append('excl', x);
  }
  const url = new URL(location.href);
  url.search = params.toString();
  url.hash = '';
  return url.href;
}

function update() {
  const s = state();
  periodTextFallback = s.period || periodTextFallback;
  let result;
  const failed = new Set();
  try {
    result = budget({ target: s.target, period: s.period });
  } catch (e) {
    failed.add(e.field);
    showError(e.field === 'period' ? 'period' : 'target', e.message);
  }
  // The page asks for the last day of a range, the core for the (excluded) day after: say it in the page's terms.
  if (failed.has('period') && kindSelect.value === 'range' && $('period-to').value && $('period-to').value < $('period-from').value) {
    showError('period', `The last day (${$('period-to').value}) is before the first day (${$('period-from').value}).`);
  }
  // A bad target must not hide a bad period: check the period alone too.
  if (failed.has('target')) {
    try {
      budget({ target: '50', period: s.period });
      showError('period', null);
    } catch (e) {
      failed.add('period');
      showError('period', e.message);
    }
  }
  if (!failed.has('target')) showError('target', null);
  if (!failed.has('period')) showError('period', null);

  if (result) showBudget(result, s);
  $('stale').hidden = Boolean(result);
  $('result-body').classList.toggle('stale', !result);

  // Service hours: the same target over the calendar, once its time zone is loaded.
  let service = null;
  let calendarOk = !s.calendar;
  showCalendarError(null);
  if (s.calendar && result) {
    // Fetch a zone's data once, then show the result (or why the zone cannot be used).
    if (!hasTimeZone(s.calendar.timeZone) && !loadingZones.has(s.calendar.timeZone)) {
      ensureZone(s.calendar.timeZone).then(() => update());
    }
    try {
      service = budget({ target: s.target, period: s.period, calendar: s.calendar }).service;
      calendarOk = true;
    } catch (e) {
      if (e.field === 'period') showError('period', e.message);
      else if (e.code === 'unknown_time_zone' && pendingZones.has(s.calendar.timeZone)) {
        $('calendar-error').textContent = `Loading the time zone ${s.calendar.timeZone}…`;
        $('calendar-error').hidden = false;
      } else showCalendarError(e);
    }
  }
  $('service-panel').hidden = !service;
  if (service) showService(service, result, s);

  let reached;
  showError('downtime', null);
  if (s.downtime.trim() && !failed.has('period') && calendarOk) {
    try {
      reached = achieved({
        downtime: s.downtime,
        period: s.period,
        target: failed.has('target') ? undefined : s.target,
        calendar: s.calendar ?? undefined,
      });
    } catch (e) {
      showError('downtime', e.message);
    }
  }
  if (result) {
    showAchieved(reached);
    drawObserved(reached);
  }
  updateTable(result ? s.period : null, result?.periodLabel);

  const link = permalink(s);
  $('permalink').href = link;
  history.replaceState(null, '', link);
}

function showBudget(b, s) {
  $('allowed').textContent = b.allowedDowntime;
  $('allowed-seconds').textContent = grouped(b.allowedDowntimeSeconds);
  $('period-label').textContent = b.periodLabel;
  $('period-seconds').textContent = grouped(b.periodSeconds);
  $('sentence').textContent = b.sentence;
  $('per-day').textContent = b.perDay.text;
  $('per-week').textContent = b.perWeek.text;
  $('per-month').textContent = b.perMonth.text;
  drawWaffle(b, s);
  for (const button of document.querySelectorAll('[data-target]')) {
    button.setAttribute('aria-pressed', String(button.dataset.target === b.target));
  }
}

function showService(service, plain, s) {
  $('service-allowed').textContent = service.allowedDowntime;
  $('service-hours').textContent = service.service;
  $('service-summary').textContent = service.summary;
  $('plain-allowed').textContent = plain.allowedDowntime;
  $('plain-hours').textContent = plain.periodLabel;
  $('service-sentence').textContent = service.sentence;
  $('service-basis').textContent = `Service time counted as ${service.basis}.`;
  drawWeekStrip(s.calendar, plain.periodStart);
}

/** The Monday on or after a date (YYYY-MM-DD), or on or before it when `before`. */
function mondayOf(date, before) {
  const d = new Date(`${date}T00:00:00Z`);
  const back = (d.getUTCDay() + 6) % 7;
  d.setUTCDate(d.getUTCDate() + (before ? -back : (7 - back) % 7));
  return d.toISOString().slice(0, 10);
}

/** One week of service hours as bars: a row a day, 24 h across. */
function drawWeekStrip(calendar, periodStart) {
  const svg = $('week-strip');
  let days;
  // The first whole week of a calendar period, or this week.
  const monday = periodStart ? mondayOf(periodStart.slice(0, 10), false) : mondayOf(new Date().toISOString().slice(0, 10), true);
  // The hours without holidays or maintenance, to show what those take away.
  let planned;
  try {
    const c = new ServiceCalendar(calendar);
    days = c.weekStrip(monday);
    c.free();
    const p = new ServiceCalendar({ ...calendar, holidays: [], exclusions: [] });
    planned = p.weekStrip(monday);
    p.free();
  } catch {
    return;
  }
  const left = 80;
  const width = 460;
  const row = 20;
  const parts = [];
  for (let h = 0; h <= 24; h += 6) {
    const x = left + (width * h) / 24;
    parts.push(['line', { x1: x, x2: x, y1: 0, y2: row * 7, class: 'tick' }]);
    parts.push(['text', { x, y: row * 7 + 14, class: 'label', 'text-anchor': 'middle' }, `${String(h).padStart(2, '0')}:00`]);
  }
  days.forEach((day, i) => {
    const y = i * row;
    const name = new Date(`${day.date}T00:00:00Z`).toLocaleDateString('en-GB', { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' });
    parts.push(['text', { x: 0, y: y + 14, class: 'label' }, name]);
    parts.push(['rect', { x: left, y: y + 3, width, height: row - 6, class: 'off' }]);
    for (const [a, b] of planned[i].service) {
      const x = left + (width * a) / day.minutes;
      parts.push(['rect', { x, y: y + 3, width: Math.max(1, (width * (b - a)) / day.minutes), height: row - 6, class: 'excluded' }]);
    }
    for (const [a, b] of day.service) {
      const x = left + (width * a) / day.minutes;
      parts.push(['rect', { x, y: y + 3, width: Math.max(1, (width * (b - a)) / day.minutes), height: row - 6, class: 'on' }]);
    }
  });
  svg.replaceChildren(
    ...parts.map(([tag, attrs, text]) => {
      const el = document.createElementNS(SVG, tag);
      for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
      if (text) el.textContent = text;
      return el;
    }),
  );
  const hours = days.reduce((sum, d) => sum + d.service.reduce((t, [a, b]) => t + b - a, 0), 0) / 60;
  const plannedHours = planned.reduce((sum, d) => sum + d.service.reduce((t, [a, b]) => t + b - a, 0), 0) / 60;
  const lost = plannedHours - hours;
  $('week-strip-caption').textContent =
    `Service hours in the week of ${days[0].date} (${calendar.timeZone}): ${short(hours, 2)} h, in blue.` +
    (lost > 0 ? ` Holidays and maintenance windows take ${short(lost, 2)} h of the weekly hours, hatched.` : '');
}

function showAchieved(a) {
  $('achieved-panel').hidden = !a;
  if (!a) return;
  $('availability').textContent = a.availability;
  const verdict = $('verdict');
  verdict.textContent = a.meetsTarget ? 'meets the target' : 'misses the target';
  verdict.className = `verdict ${a.meetsTarget ? 'met' : 'missed'}`;
  $('nines').textContent =
    a.nines === null ? 'No downtime: 100% exactly.' : `${a.nines.toFixed(2)} nines${a.availabilityIsExact ? '' : ' (availability rounded down)'}`;
  $('achieved-sentence').textContent = a.sentence;
}

/** A 50 x 20 grid: each square is 0.1% of the period; the allowed downtime is shaded to scale. */
function drawWaffle(b, s) {
  // unavailabilityPercent has at most 6 decimals: squares = percent x 10, read exactly from the string.
  const [whole, frac = ''] = b.unavailabilityPercent.split('.');
  const squares = (Number(whole) * 1e6 + Number(frac.padEnd(6, '0'))) / 1e5;
  $('waffle-down').setAttribute('d', waffleCells(squares));
  const square = budget({ target: '99.9', period: s.period }).allowedDowntime;
  const count =
    squares >= 1
      ? `The allowed downtime fills ${short(squares, 4)} of the 1 000 squares.`
      : `The allowed downtime is ${short(squares * 100, 4)}% of one square: the sliver in the first square.`;
  $('waffle-caption').textContent = `The whole period as 1 000 squares, each 0.1% of it (${square}). ${count}`;
}

/** Outlines the squares the observed downtime fills, over the allowed ones. */
function drawObserved(a) {
  const squares = a ? (Number(a.downtimeSeconds) / Number(a.periodSeconds)) * 1000 : 0;
  $('waffle-observed').setAttribute('d', squares > 0 ? waffleCells(squares) : '');
  $('waffle-legend-observed').hidden = !a;
  if (a) {
    const shown = short(squares, 2);
    $('waffle-caption').textContent += ` The observed downtime (${a.downtime}) fills about ${shown} squares, outlined.`;
  }
}

/** A picture's number with at most `places` decimals, trailing zeros dropped: 11.904761 -> "11.9". */
function short(x, places) {
  return String(Number(x.toFixed(places)));
}

const CELL = 10;

/** An SVG path of the first `squares` cells of the grid, row by row; the last one partly filled. */
function waffleCells(squares) {
  let d = '';
  for (let i = 0; i < COLUMNS * ROWS && squares - i > 0; i++) {
    const share = Math.min(1, squares - i);
    const x = (i % COLUMNS) * CELL + 0.5;
    const y = Math.floor(i / COLUMNS) * CELL + 0.5;
    d += `M${x} ${y}h${Math.max(0.6, (CELL - 1) * share).toFixed(3)}v${CELL - 1}H${x}Z`;
  }
  return d;
}

/** The grid itself, drawn once: a pattern of empty squares under the path of downtime squares. */
function buildWaffle() {
  const svg = $('waffle');
  const defs = document.createElementNS(SVG, 'defs');
  const pattern = document.createElementNS(SVG, 'pattern');
  pattern.id = 'waffle-cell';
  for (const [k, v] of Object.entries({ width: CELL, height: CELL, patternUnits: 'userSpaceOnUse' })) pattern.setAttribute(k, v);
  const cell = document.createElementNS(SVG, 'rect');
  for (const [k, v] of Object.entries({ x: 0.5, y: 0.5, width: CELL - 1, height: CELL - 1, class: 'up' })) cell.setAttribute(k, v);
  pattern.append(cell);
  defs.append(pattern);
  const grid = document.createElementNS(SVG, 'rect');
  for (const [k, v] of Object.entries({ width: COLUMNS * CELL, height: ROWS * CELL, fill: 'url(#waffle-cell)' })) grid.setAttribute(k, v);
  const down = document.createElementNS(SVG, 'path');
  down.id = 'waffle-down';
  down.setAttribute('class', 'down');
  const observed = document.createElementNS(SVG, 'path');
  observed.id = 'waffle-observed';
  observed.setAttribute('class', 'observed');
  svg.append(defs, grid, down, observed);
}

let tableData;

function buildTable() {
  tableData = table();
  const head = document.querySelector('#targets thead tr');
  for (const p of tableData.periods) {
    const th = document.createElement('th');
    th.scope = 'col';
    th.textContent = p.period[0].toUpperCase() + p.period.slice(1);
    th.title = p.label;
    head.append(th);
  }
  const mine = document.createElement('th');
  mine.scope = 'col';
  mine.id = 'chosen-period-head';
  mine.textContent = 'Chosen period';
  head.append(mine);
  const body = document.querySelector('#targets tbody');
  for (const row of tableData.rows) {
    const tr = document.createElement('tr');
    tr.dataset.row = row.target;
    const th = document.createElement('th');
    th.scope = 'row';
    const use = document.createElement('button');
    use.type = 'button';
    use.className = 'link';
    use.dataset.target = row.target;
    use.textContent = `${row.target}%`;
    use.setAttribute('aria-label', `Use ${row.target}%`);
    th.append(use);
    tr.append(th);
    for (const cell of row.cells) {
      const td = document.createElement('td');
      td.textContent = keepUnits(cell.text);
      td.title = `${grouped(cell.seconds)} s`;
      tr.append(td);
    }
    const chosen = document.createElement('td');
    chosen.className = 'chosen';
    tr.append(chosen);
    body.append(tr);
  }
}

function updateTable(period, label) {
  if (!tableData) return;
  const target = $('target').value.trim().replace(/%$/, '');
  $('chosen-period-head').textContent = label ?? 'Chosen period';
  for (const tr of document.querySelectorAll('#targets tbody tr')) {
    const chosen = tr.querySelector('.chosen');
    chosen.textContent = period ? keepUnits(budget({ target: tr.dataset.row, period }).allowedDowntime) : '–';
    if (tr.dataset.row === target) tr.setAttribute('aria-current', 'true');
    else tr.removeAttribute('aria-current');
  }
}

function restore() {
  const params = new URLSearchParams(location.search);
  if (params.has('target')) $('target').value = params.get('target');
  if (params.has('period')) showPeriod(params.get('period'));
  else showPeriod('month');
  if (params.has('downtime')) $('downtime').value = params.get('downtime');
  const hours = params.get('hours') ?? '';
  $('hours-preset').value = [...$('hours-preset').options].some((o) => o.value === hours) ? hours : 'custom';
  if (hours && hours !== 'custom') applyPreset(hours);
  if (params.has('tz')) $('time-zone').value = params.get('tz');
  for (const d of DAYS) if (params.has(d)) $(`hours-${d}`).value = params.get(d);
  $('holidays').value = params.getAll('hol').join('\n');
  if (params.has('excl')) $('exclusions').value = params.getAll('excl').join('\n');
  showCalendarEditor();
}

function wire() {
  form.addEventListener('input', update);
  form.addEventListener('change', update);
  form.addEventListener('submit', (e) => e.preventDefault());
  kindSelect.addEventListener('change', showKind, { capture: true });
  document.addEventListener('click', (e) => {
    const button = e.target.closest('button[data-target]');
    if (!button) return;
    $('target').value = button.dataset.target;
    update();
  });
  $('copy-link').addEventListener('click', async () => {
    const status = $('copy-status');
    try {
      await navigator.clipboard.writeText($('permalink').href);
      status.textContent = 'Link copied.';
    } catch {
      status.textContent = 'Copying is not allowed here: use the link, or copy the address bar.';
    }
  });
  $('print').addEventListener('click', () => window.print());
  $('hours-preset').addEventListener(
    'change',
    () => {
      const name = $('hours-preset').value;
      if (name && name !== 'custom') applyPreset(name);
      showCalendarEditor();
    },
    { capture: true },
  );
  for (const d of DAYS) {
    $(`hours-${d}`).addEventListener('input', () => ($('hours-preset').value = 'custom'), { capture: true });
  }
  $('exclusions').addEventListener('input', () => ($('hours-preset').value = 'custom'), { capture: true });
  $('ics').addEventListener('change', importHolidays);
  window.addEventListener('popstate', () => {
    restore();
    update();
  });
}

/** Adds the all-day events of a chosen .ics file to the holidays, and says what was skipped. */
async function importHolidays() {
  const file = $('ics').files[0];
  const status = $('ics-status');
  status.classList.remove('error');
  if (!file) return;
  try {
    if (file.size > 2 * 1024 * 1024) {
      throw Object.assign(new Error(`${file.name} is ${Math.round(file.size / 1024)} KB: at most 2048 KB of iCalendar text is read.`), {});
    }
    const { holidays, skipped } = importIcs(await file.text());
    const current = lines($('holidays').value);
    const added = holidays.map((h) => h.rule).filter((r) => !current.includes(r));
    $('holidays').value = [...current, ...added].join('\n');
    const notes = skipped.map((k) => `line ${k.line}${k.name ? ` (${k.name})` : ''}: ${k.reason}`);
    status.textContent =
      `Imported ${added.length} holiday${added.length === 1 ? '' : 's'} from ${file.name}` +
      (holidays.length > added.length ? ` (${holidays.length - added.length} already listed)` : '') +
      (notes.length ? `; skipped ${notes.length}: ${notes.join('; ')}.` : '.');
    update();
  } catch (e) {
    status.textContent = e.message;
    status.classList.add('error');
  }
}

async function main() {
  try {
    await init();
  } catch (e) {
    $('loading').hidden = true;
    $('fatal').hidden = false;
    $('fatal').textContent = `The calculator could not start: ${e.message}. It needs a browser with WebAssembly, served over http(s).`;
    return;
  }
  buildWaffle();
  restore();
  wire();
  update();
  $('loading').hidden = true;
  $('result-body').hidden = false;
  document.documentElement.dataset.firstResultMs = String(Math.round(performance.now()));
  // The table is below the fold: build it once the first result is on screen.
  requestAnimationFrame(() =>
    setTimeout(() => {
      buildTable();
      update();
      document.documentElement.dataset.ready = 'true';
    }),
  );
}

main();
