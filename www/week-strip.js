// A week strip of the service hours, loaded with the calendar editor: a row a day, 24 h across, holidays
// and maintenance windows hatched.
import { coreFor } from './core.js';
import { $, svg } from './util.js';

const { ServiceCalendar } = coreFor('pkg').core;

const short = (x, places) => String(Number(x.toFixed(places)));

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
