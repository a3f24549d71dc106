// Writes www/examples/tickets-2026.csv: a help desk's year of incidents, as a state-history export (one line
// per change of state or of group), the same every time it is run (a seeded generator).
//
// The desk works Mon-Fri 08:00-18:00 in Europe/Berlin, closed on the public holidays below; times are local,
// without an offset; the first response is the change to "In progress". Every ticket opens
// with the Service Desk; some go on to Network, Applications, Database or Workplace, a few come back
// (ping-pong). About a quarter wait on the caller ("Pending customer") and some are reopened. What the year
// holds, for the page to find:
// - August is short of staff: P2 and P3 tickets wait longer and the month misses its 95% target, which the
//   third quarter's figure smooths over;
// - in October the SLA is met while callers are less happy and lose more time (a watermelon month);
// - tickets opened on the last days of December are still open when the export ends;
// - two lines are wrong, as real exports have: a priority no goal names, and a change without a time.
//
//   node scripts/tickets-example.mjs
import { writeFileSync } from 'node:fs';

let seed = 20260101;
/** A uniform number in [0, 1) from a 32-bit linear congruential generator. */
const random = () => {
  seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
  return seed / 2 ** 32;
};
const pick = (items, weights) => {
  let r = random() * weights.reduce((a, b) => a + b, 0);
  for (let i = 0; i < items.length; i++) if ((r -= weights[i]) < 0) return items[i];
  return items[items.length - 1];
};
/** Minutes from a log-normal with median `median` and 90th percentile `p90`. */
const lognormal = (median, p90) => {
  const z = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  return median * Math.exp((Math.log(p90 / median) / 1.2816) * z);
};

// Local times as UTC-based Date values (the file's times carry no offset).
const MINUTE = 60_000;
// Berlin's public holidays in 2026 (New Year, Good Friday, Easter Monday, Labour Day, Ascension, Whit Monday,
// Women's Day, Christmas), as the page's example calendar lists them.
export const HOLIDAYS = ['2026-01-01', '2026-03-08', '2026-04-03', '2026-04-06', '2026-05-01', '2026-05-14', '2026-05-25', '2026-12-25', '2026-12-26'];
const open = (t) => {
  const d = new Date(t);
  if (HOLIDAYS.includes(d.toISOString().slice(0, 10))) return false;
  const day = d.getUTCDay();
  const minutes = d.getUTCHours() * 60 + d.getUTCMinutes();
  return day >= 1 && day <= 5 && minutes >= 8 * 60 && minutes < 18 * 60;
};
/** `t` moved forward by `minutes` of desk hours (Mon-Fri 08:00-18:00). */
function addBusiness(t, minutes) {
  let left = Math.max(1, Math.round(minutes));
  let at = t;
  while (left > 0) {
    at += MINUTE;
    if (open(at)) left--;
  }
  return at;
}
const text = (t) => new Date(t).toISOString().slice(0, 16).replace('T', ' ');

const PRIORITIES = ['P1', 'P2', 'P3', 'P4'];
// Business minutes to respond and to resolve (median, 90th percentile), as the desk usually does.
const RESPONSE = { P1: [5, 9], P2: [18, 35], P3: [60, 130], P4: [150, 320] };
const RESOLVE = { P1: [70, 140], P2: [150, 300], P3: [500, 1000], P4: [1500, 3000] };
const TEAMS = ['Network', 'Applications', 'Database', 'Workplace'];

const start = Date.UTC(2026, 0, 1);
const end = Date.UTC(2026, 11, 31, 18, 0);
const lines = ['number,priority,time,state,assignment_group,responded_at,score,lost time'];
const row = (id, priority, t, state, group = '', score = '', lost = '', responded = '') => {
  // The export is taken at the end of the year: what happens later is not in it.
  if (t <= end) lines.push([id, priority, text(t), state, group, responded, score, lost].join(','));
};

let n = 0;
for (let day = start; day < end; day += 24 * 60 * MINUTE) {
  const d = new Date(day);
  const weekday = d.getUTCDay() >= 1 && d.getUTCDay() <= 5 && !HOLIDAYS.includes(d.toISOString().slice(0, 10));
  const month = d.getUTCMonth();
  const count = weekday ? Math.round(9 + random() * 6) : Math.round(random() * 2);
  for (let i = 0; i < count; i++) {
    n++;
    const id = `INC${String(100000 + n)}`;
    const priority = pick(PRIORITIES, [2, 14, 56, 28]);
    // Mostly during the day; some in the evening or at night.
    const hour = weekday && random() < 0.9 ? 7.5 + random() * 10.5 : random() * 24;
    const opened = day + Math.floor(hour * 60) * MINUTE;
    const stretch = month === 7 ? 1.9 : 1; // August: half the desk on holiday
    const [rm, r9] = RESPONSE[priority];
    const responded = priority === 'P1' ? opened + lognormal(rm, r9) * MINUTE : addBusiness(opened, lognormal(rm, r9) * stretch);
    row(id, priority, opened, 'New', 'Service Desk');
    row(id, '', responded, 'In progress', '', '', '', text(responded));
    const [sm, s9] = RESOLVE[priority];
    const work = lognormal(sm, s9) * (priority === 'P1' ? 1 : stretch);
    const step = (t, minutes) => (priority === 'P1' ? t + minutes * MINUTE : addBusiness(t, minutes));
    let at = responded;
    let done = work;
    // Handed on to a team (and sometimes back and forth).
    if (random() < 0.45) {
      const team = TEAMS[Math.floor(random() * TEAMS.length)];
      at = step(at, done * 0.25);
      done *= 0.75;
      row(id, '', at, '', team);
      if (random() < 0.12) {
        at = step(at, done * 0.3);
        row(id, '', at, '', 'Service Desk');
        at = step(at, 30 + random() * 90);
        row(id, '', at, '', team);
      }
    }
    // Waiting on the caller: the resolution clock is paused.
    if (random() < 0.25) {
      at = step(at, done * 0.4);
      done *= 0.6;
      row(id, '', at, 'Pending customer');
      at += Math.round(60 + random() * 60 * 40) * MINUTE;
      row(id, '', at, 'In progress');
    }
    const resolved = step(at, done);
    // Scores: most callers answer nothing; October's are worse, and they lose more time.
    const october = month === 9;
    const score = random() < 0.35 ? String(Math.min(10, Math.max(0, Math.round(pick([10, 9, 8, 7, 5, 2], october ? [22, 20, 18, 14, 14, 12] : [42, 25, 15, 8, 6, 4]))))) : '';
    const lost = random() < 0.3 ? `${Math.round(lognormal(october ? 70 : 35, october ? 240 : 120))} min` : '';
    if (random() < 0.04) {
      // Reopened: the caller says it is not fixed.
      row(id, '', resolved, 'Resolved');
      const again = step(resolved, 60 + random() * 600);
      row(id, '', again, 'In progress');
      row(id, '', step(again, 30 + random() * 200), 'Resolved', '', score, lost);
    } else row(id, '', resolved, 'Resolved', '', score, lost);
  }
}
// Two wrong lines, as real exports have.
row('INC900001', 'P5', Date.UTC(2026, 4, 12, 10, 0), 'New', 'Service Desk');
lines.push(`INC900002,P3,${text(Date.UTC(2026, 5, 3, 9, 0))},New,Service Desk,,,`);
lines.push('INC900002,,not recorded,Resolved,,,,');

writeFileSync(new URL('../www/examples/tickets-2026.csv', import.meta.url), `${lines.join('\n')}\n`);
console.log(`${n} tickets, ${lines.length - 1} lines`);
