// Service time in WASM against opening_hours, the same measurements in Node and in Chromium. Both sides
// count Mon-Fri 09:00-17:00 in Europe/London less eight 2026 holidays (opening_hours reads local time, so
// the process or page runs in Europe/London). Interleaved rounds; medians, min and max, and the ratio of
// each round.

const HOLIDAYS = ['2026-01-01', '2026-04-03', '2026-04-06', '2026-05-04', '2026-05-25', '2026-08-31', '2026-12-25', '2026-12-28'];
const OH_RULE = 'Mo-Fr 09:00-17:00; 2026 Jan 01,Apr 03,Apr 06,May 04,May 25,Aug 31,Dec 25,Dec 28 off';
const YEAR_START = Date.UTC(2026, 0, 1) / 1000;

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function measure(f, runs = 7) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    f();
    times.push(performance.now() - t);
  }
  return median(times);
}

/** Random intervals in 2026, up to a week long, the same every run. */
function intervals(n) {
  let seed = 88172645463325252n;
  const starts = new Float64Array(n);
  const ends = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    seed ^= (seed << 13n) & 0xffffffffffffffffn;
    seed ^= seed >> 7n;
    seed ^= (seed << 17n) & 0xffffffffffffffffn;
    const a = YEAR_START + Number(seed % BigInt(358 * 86400));
    starts[i] = a;
    ends[i] = a + Number((seed >> 20n) % BigInt(7 * 86400));
  }
  return { starts, ends };
}

export function run({ slacalc, OpeningHours, tzif }) {
  slacalc.registerTimeZone('Europe/London', tzif);
  const spec = {
    timeZone: 'Europe/London',
    weekly: { mon: '09:00-17:00', tue: '09:00-17:00', wed: '09:00-17:00', thu: '09:00-17:00', fri: '09:00-17:00' },
    holidays: HOLIDAYS,
  };
  const oh = new OpeningHours(OH_RULE);
  const year = [new Date('2026-01-01T00:00:00Z'), new Date('2027-01-01T00:00:00Z')];

  // The same answer for the year and for a sample of intervals, before anything is timed.
  const calendar = new slacalc.ServiceCalendar(spec);
  const ours = Number(calendar.serviceTime('2026-01-01T00:00:00Z', '2027-01-01T00:00:00Z').seconds);
  const theirs = oh.getOpenDuration(...year)[0] / 1000;
  if (ours !== theirs) throw new Error(`a year: slacalc ${ours} s, opening_hours ${theirs} s`);
  const N = 1_000_000;
  const { starts, ends } = intervals(N);
  const OH_CALLS = 5_000;
  const results = calendar.serviceSeconds(starts.subarray(0, OH_CALLS), ends.subarray(0, OH_CALLS));
  for (let i = 0; i < OH_CALLS; i += 97) {
    const open = oh.getOpenDuration(new Date(starts[i] * 1000), new Date(ends[i] * 1000))[0] / 1000;
    if (open !== results[i]) throw new Error(`interval ${i}: slacalc ${results[i]} s, opening_hours ${open} s`);
  }
  const PER_CALL = 20_000;
  const text = (s) => new Date(s * 1000).toISOString();
  const startText = Array.from(starts.subarray(0, PER_CALL), text);
  const endText = Array.from(ends.subarray(0, PER_CALL), text);
  const startDate = Array.from(starts.subarray(0, OH_CALLS), (s) => new Date(s * 1000));
  const endDate = Array.from(ends.subarray(0, OH_CALLS), (s) => new Date(s * 1000));

  // Interleaved rounds: each round times every case of both libraries once.
  const time = (f) => {
    const t = performance.now();
    f();
    return performance.now() - t;
  };
  const ns = (ms, n) => (ms * 1e6) / n;
  const r = { yearSlacalc: [], yearOpeningHours: [], batch: [], perCall: [], openingHours: [] };
  for (let round = 0; round < ROUNDS; round++) {
    r.yearSlacalc.push(
      time(() => {
        for (let k = 0; k < YEARS; k++) {
          const c = new slacalc.ServiceCalendar(spec);
          c.serviceTime('2026-01-01T00:00:00Z', '2027-01-01T00:00:00Z');
          c.free();
        }
      }) / YEARS,
    );
    r.yearOpeningHours.push(
      time(() => {
        for (let k = 0; k < YEARS; k++) new OpeningHours(OH_RULE).getOpenDuration(...year);
      }) / YEARS,
    );
    r.batch.push(
      ns(
        time(() => {
          const c = new slacalc.ServiceCalendar(spec);
          c.serviceSeconds(starts, ends);
          c.free();
        }),
        N,
      ),
    );
    r.perCall.push(ns(time(() => {
      for (let i = 0; i < PER_CALL; i++) calendar.serviceTime(startText[i], endText[i]);
    }), PER_CALL));
    r.openingHours.push(ns(time(() => {
      for (let i = 0; i < OH_CALLS; i++) oh.getOpenDuration(startDate[i], endDate[i]);
    }), OH_CALLS));
  }
  calendar.free();
  return { hours: ours / 3600, ...r };
}

/** Seven interleaved rounds; a round's ratio is opening_hours' time over slacalc's in that round. A year is
 * timed 40 times a round (a browser's clock counts in steps of 0.1 ms). */
const ROUNDS = 7;
const YEARS = 40;

export function report(where, r) {
  const f = (x) => x.toFixed(x < 10 ? 2 : 0);
  const spread = (xs) => `${f(median(xs))} (${f(Math.min(...xs))}-${f(Math.max(...xs))})`;
  const ratios = (theirs, ours) => {
    const each = theirs.map((t, i) => t / ours[i]);
    return `ratio median ${f(median(each))}x, min ${f(Math.min(...each))}x, max ${f(Math.max(...each))}x`;
  };
  console.log(`${where}: a year of Mon-Fri 09:00-17:00 in Europe/London = ${r.hours} h on both sides; ${ROUNDS} interleaved rounds, median (min-max)`);
  console.log(`  a year, ms:            slacalc ${spread(r.yearSlacalc)} (new calendar + expand + query)   opening_hours ${spread(r.yearOpeningHours)}   ${ratios(r.yearOpeningHours, r.yearSlacalc)}`);
  console.log(`  one interval a call, ns: slacalc serviceTime ${spread(r.perCall)}   opening_hours ${spread(r.openingHours)}   ${ratios(r.openingHours, r.perCall)}`);
  console.log(`  in a batch, ns:        slacalc serviceSeconds ${spread(r.batch)} an interval   ${ratios(r.openingHours, r.batch)}`);
  console.log(`  1 000 000 intervals:   slacalc ${f(median(r.batch))} ms; opening_hours would take about ${f(median(r.openingHours) / 1000)} s`);
}
