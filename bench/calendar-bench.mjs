// Service time in WASM against opening_hours, the same measurements in Node and in Chromium. Both sides
// count Mon-Fri 09:00-17:00 in Europe/London less eight 2026 holidays (opening_hours reads local time, so
// the process or page runs in Europe/London). Medians of several runs.

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

  // The same answer for the year, then each timed.
  const calendar = new slacalc.ServiceCalendar(spec);
  const ours = Number(calendar.serviceTime('2026-01-01T00:00:00Z', '2027-01-01T00:00:00Z').seconds);
  const theirs = oh.getOpenDuration(...year)[0] / 1000;
  if (ours !== theirs) throw new Error(`a year: slacalc ${ours} s, opening_hours ${theirs} s`);
  const oursYear = measure(() => {
    const c = new slacalc.ServiceCalendar(spec);
    c.serviceTime('2026-01-01T00:00:00Z', '2027-01-01T00:00:00Z');
    c.free();
  });
  const theirsYear = measure(() => new OpeningHours(OH_RULE).getOpenDuration(...year));

  const N = 1_000_000;
  const { starts, ends } = intervals(N);
  const batch = measure(() => {
    const c = new slacalc.ServiceCalendar(spec);
    c.serviceSeconds(starts, ends);
    c.free();
  }, 5);
  const PER_CALL = 100_000;
  const text = (s) => new Date(s * 1000).toISOString();
  const startText = Array.from(starts.subarray(0, PER_CALL), text);
  const endText = Array.from(ends.subarray(0, PER_CALL), text);
  const perCall = measure(() => {
    for (let i = 0; i < PER_CALL; i++) calendar.serviceTime(startText[i], endText[i]);
  }, 3);
  const OH_CALLS = 5_000;
  const results = calendar.serviceSeconds(starts.subarray(0, OH_CALLS), ends.subarray(0, OH_CALLS));
  for (let i = 0; i < OH_CALLS; i += 97) {
    const open = oh.getOpenDuration(new Date(starts[i] * 1000), new Date(ends[i] * 1000))[0] / 1000;
    if (open !== results[i]) throw new Error(`interval ${i}: slacalc ${results[i]} s, opening_hours ${open} s`);
  }
  const theirsMany = measure(() => {
    for (let i = 0; i < OH_CALLS; i++) oh.getOpenDuration(new Date(starts[i] * 1000), new Date(ends[i] * 1000));
  }, 3);
  calendar.free();
  const ns = (ms, n) => (ms * 1e6) / n;
  return {
    hours: ours / 3600,
    yearMs: { slacalc: oursYear, openingHours: theirsYear },
    nsPerInterval: { batch: ns(batch, N), perCall: ns(perCall, PER_CALL), openingHours: ns(theirsMany, OH_CALLS) },
    millionMs: { slacalcBatch: batch, openingHoursEstimate: (ns(theirsMany, OH_CALLS) * N) / 1e6 },
  };
}

export function report(where, r) {
  const f = (x) => x.toFixed(x < 10 ? 2 : 0);
  console.log(`${where}: a year of Mon-Fri 09:00-17:00 in Europe/London = ${r.hours} h on both sides`);
  console.log(
    `  a year:        slacalc ${f(r.yearMs.slacalc)} ms (parse + expand + query)   opening_hours ${f(r.yearMs.openingHours)} ms   ratio ${f(r.yearMs.openingHours / r.yearMs.slacalc)}x`,
  );
  console.log(
    `  per interval:  slacalc ${f(r.nsPerInterval.batch)} ns in a batch, ${f(r.nsPerInterval.perCall)} ns a call   opening_hours ${f(r.nsPerInterval.openingHours)} ns   ratio ${f(r.nsPerInterval.openingHours / r.nsPerInterval.batch)}x (batch), ${f(r.nsPerInterval.openingHours / r.nsPerInterval.perCall)}x (a call)`,
  );
  console.log(
    `  1 000 000 intervals: slacalc ${f(r.millionMs.slacalcBatch)} ms; opening_hours would take about ${f(r.millionMs.openingHoursEstimate / 1000)} s`,
  );
}
