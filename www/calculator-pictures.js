// The calculator's pictures: the measured time as 1 000 squares with the allowed and observed downtime, and
// a week strip of the service hours. Every figure in a caption comes from the core; the pictures only
// scale them.
import { ServiceCalendar } from './pkg/slacalc.js';
import { $, svg } from './util.js';

const COLUMNS = 50;
const ROWS = 20;
const CELL = 10;

/** A picture's number with at most `places` decimals, trailing zeros dropped: 11.904761 -> "11.9". */
function short(x, places) {
  return String(Number(x.toFixed(places)));
}

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

/** The grid itself, drawn once: a pattern of empty squares under the paths of downtime squares. */
export function buildWaffle() {
  const [defs, grid, down, observed] = svg([
    ['defs', {}],
    ['rect', { width: COLUMNS * CELL, height: ROWS * CELL, fill: 'url(#waffle-cell)' }],
    ['path', { id: 'waffle-down', class: 'down' }],
    ['path', { id: 'waffle-observed', class: 'observed' }],
  ]);
  const [pattern] = svg([['pattern', { id: 'waffle-cell', width: CELL, height: CELL, patternUnits: 'userSpaceOnUse' }]]);
  pattern.append(...svg([['rect', { x: 0.5, y: 0.5, width: CELL - 1, height: CELL - 1, class: 'up' }]]));
  defs.append(pattern);
  $('waffle').append(defs, grid, down, observed);
}

/** Squares of 1 000 that `percent` (a decimal string with at most 6 decimals) fills, read exactly. */
function squaresOf(percent) {
  const [whole, frac = ''] = percent.split('.');
  return (Number(whole) * 1e6 + Number(frac.padEnd(6, '0').slice(0, 6))) / 1e5;
}

/**
 * Draws the allowed downtime (and the observed one, outlined) over the measured time: the period on 24x7,
 * its service time on service hours. `square` is the length of one square (0.1% of the measured time);
 * `observed` the achieved result, if a downtime was typed.
 * @param {{ unavailabilityPercent: string, square: string, onService: boolean, observed?: any }} p
 */
export function drawWaffle({ unavailabilityPercent, square, onService, observed }) {
  const allowed = squaresOf(unavailabilityPercent);
  $('waffle-down').setAttribute('d', waffleCells(allowed));
  const whole = onService ? 'The service time of the period' : 'The whole period';
  let caption =
    `${whole} as 1 000 squares, each 0.1% of it (${square}). ` +
    (allowed >= 1
      ? `The allowed downtime fills ${short(allowed, 4)} of the 1 000 squares.`
      : `The allowed downtime is ${short(allowed * 100, 4)}% of one square: the sliver in the first square.`);
  let used = 0;
  if (observed) {
    used = (Number(observed.downtimeSeconds) / Number(observed.measuredSeconds)) * 1000;
    // The words must agree with the verdict, which compares exactly: add decimals until they do.
    let shown = short(used, 2);
    for (let places = 3; places <= 8 && observed.meetsTarget === false && Number(shown) <= allowed; places++) shown = short(used, places);
    const verdict = observed.meetsTarget === null ? '' : observed.meetsTarget ? `, within the ${short(allowed, 4)} allowed` : `, more than the ${short(allowed, 4)} allowed: the target is missed`;
    caption += ` The observed downtime (${observed.downtime}) fills ${used > 0 ? 'about ' : ''}${shown} squares${verdict}; outlined.`;
  }
  $('waffle-observed').setAttribute('d', used > 0 ? waffleCells(used) : '');
  $('waffle-legend-observed').hidden = !observed;
  $('waffle-caption').textContent = caption;
}

/** The Monday on or after a date (YYYY-MM-DD), or on or before it when `before`. */
function mondayOf(date, before) {
  const d = new Date(`${date}T00:00:00Z`);
  const back = (d.getUTCDay() + 6) % 7;
  d.setUTCDate(d.getUTCDate() + (before ? -back : (7 - back) % 7));
  return d.toISOString().slice(0, 10);
}

/** One week of service hours as bars: a row a day, 24 h across; holidays and maintenance hatched. */
export function drawWeekStrip(calendar, periodStart) {
  const monday = periodStart ? mondayOf(periodStart.slice(0, 10), false) : mondayOf(new Date().toISOString().slice(0, 10), true);
  let days;
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
  /** @type {Array<[string, Record<string, any>, string?]>} */
  const parts = [];
  for (let h = 0; h <= 24; h += 6) {
    const x = left + (width * h) / 24;
    parts.push(['line', { x1: x, x2: x, y1: 0, y2: row * 7, class: 'tick' }]);
    parts.push(['text', { x, y: row * 7 + 14, class: 'label', 'text-anchor': 'middle' }, `${String(h).padStart(2, '0')}:00`]);
  }
  days.forEach((day, i) => {
    const y = i * row;
    const name = new Date(`${day.date}T00:00:00Z`).toLocaleDateString(undefined, { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' });
    parts.push(['text', { x: 0, y: y + 14, class: 'label' }, name]);
    parts.push(['rect', { x: left, y: y + 3, width, height: row - 6, class: 'off' }]);
    for (const [a, b] of planned[i].service) {
      parts.push(['rect', { x: left + (width * a) / day.minutes, y: y + 3, width: Math.max(1, (width * (b - a)) / day.minutes), height: row - 6, class: 'excluded' }]);
    }
    for (const [a, b] of day.service) {
      parts.push(['rect', { x: left + (width * a) / day.minutes, y: y + 3, width: Math.max(1, (width * (b - a)) / day.minutes), height: row - 6, class: 'on' }]);
    }
  });
  $('week-strip').replaceChildren(...svg(parts));
  const sum = (list) => list.reduce((t, d) => t + d.service.reduce((s, [a, b]) => s + b - a, 0), 0) / 60;
  const hours = sum(days);
  const lost = sum(planned) - hours;
  $('week-strip-caption').textContent =
    `Service hours in the week of ${days[0].date} (${calendar.timeZone}): ${short(hours, 2)} h, in blue.` +
    (lost > 0 ? ` Holidays and maintenance windows take ${short(lost, 2)} h of the weekly hours, hatched.` : '');
}
