// Fuzzing the WASM modules as JavaScript callers reach them: every export and every method of the
// classes, with random and hostile arguments (wrong types, NaN, Infinity, 1e30, BigInt, Symbols, long and
// unicode strings, values nested thousands deep, cycles, `__proto__` keys, getters and Proxies that throw,
// dates at the ends of the range) built around the shapes the API reads, so that calls get past the first
// check. A call may return or throw; what it throws must be a SlacalcError (an Error with a string `code`
// and `field`, and not `internal`); after every throw a known budget must still come out right.
// Used by fuzz.test.mjs (bounded) and scripts/fuzz.mjs (`npm run fuzz`, a million calls and more).

const PIECES = [
  '99.9', '99.95', '100', '0', '0.000001', '50', '-3', '1e309', '1e30', 'NaN', 'Infinity', '-0', '12,000', '12.000,50',
  '١٢٣', '𝟗𝟗', '99.9%', ' 99.9 ', 'month', 'week', 'day', 'quarter', 'year', 'P14D', 'PT1H', 'P100Y', 'P36525D',
  'PT0S', 'PT4H30M', '1 h 20 min', '90 min', '4800', '2026-03', '2026-Q2', '2026', '2024-02-29', '2026-02-29',
  '2026-03-01/2026-03-15', '1928-01-01/2027-01-01', '0001-01-01', '9999-12-31', '10000-01-01', '2026-03-29T01:30:00Z',
  '2026-03-02T09:00', '9999-12-31T23:59:59Z', '9999-12-31T23:00-05:00', '0001-01-01T00:00+01:00',
  'Mon-Fri 09:00-17:00', 'Mon 08:00-18:00; Tue-Fri 09:00-17:00', 'Mon-Sun 22:00-06:00', 'daily 01:00-02:00',
  'Sun 02:00-04:00', 'first Tue 01:00-03:00', '12-25', 'easter+1', 'first Mon May', '2026-12-24..2026-12-26',
  '8x5', '12x5', '24x5', '24x7', '24x7-maintenance', 'custom', 'UTC', 'Europe/London', 'Mars/Olympus', 'hour',
  'allowance', 'grace', '< 99.9 and >= 99', '< 99', '10', '25%', 'EUR', 'USD', '€', 'microsoft-365', 'aws-ec2',
  'start,end', 'start,end,impact,planned', 'start,duration', '2026-03-02 09:00,2026-03-02 10:00', '50%', 'yes',
  '"quoted, comma"', '"two\nlines"', '"', '\r\n', '\r', '\n', '\t', '\u{feff}', '\0', '<img src=x onerror=alert(1)>',
  '__proto__', 'constructor', 'toString', 'BEGIN:VCALENDAR', 'BEGIN:VEVENT', 'END:VEVENT', 'DTSTART;VALUE=DATE:20261225',
  'SUMMARY:Christmas', 'label,attainment', 'May 2026', 'mean', 'p90', '💥', '\u{202e}', '',
];
const KEYS = [
  'target', 'period', 'calendar', 'downtime', 'preset', 'hours', 'weekly', 'timeZone', 'holidays', 'exclusions', 'mon',
  'sat', 'schedule', 'periods', 'currency', 'label', 'attainment', 'charges', 'tiers', 'when', 'percent', 'flat',
  'perUnit', 'unit', 'earnBack', 'model', 'incidentsPerMonth', 'median', 'p90', 'durations', 'years', 'seed',
  'sensitivity', 'rates', 'repairs', 'breakEvenPercent', 'solve', 'confidence', 'basis', 'options', 'name',
  'internal', 'pricePerMonth', 'outages', 'start', 'end', 'span', 'asOf', 'minimumOutage', '__proto__', '',
];

/** A seeded generator (xorshift32). */
function rng(seed) {
  let s = seed >>> 0 || 1;
  const next = () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s;
  };
  const below = (n) => next() % Math.max(1, n);
  return { next, below, chance: (p) => below(100) < p, pick: (xs) => xs[below(xs.length)] };
}

export function generators(r) {
  const text = () => {
    let s = '';
    for (let i = 0, n = 1 + r.below(3); i < n; i++) s += (s ? r.pick([' ', '/', '-', ',', ';', '..', '\n', '']) : '') + r.pick(PIECES);
    switch (r.below(12)) {
      case 0:
        return s.slice(0, r.below(s.length + 1)) + String.fromCodePoint(r.below(0x10ffff) & ~0x800) + s.slice(r.below(s.length + 1));
      case 1:
        return s.slice(0, r.below(s.length + 1));
      case 2:
        return r.chance(20) ? s.repeat(1 + r.below(20000)) : s;
      default:
        return s;
    }
  };
  const number = () => r.pick([0, 1, -1, 0.5, 10, 99.9, 100, 1000, 1e30, 1e-30, -0, NaN, Infinity, -Infinity, 2 ** 53 + 1, 4294967296, 1e308]);
  const deep = (n, leaf) => {
    let v = leaf;
    for (let i = 0; i < n; i++) v = r.chance(50) ? [v] : { tiers: v };
    return v;
  };
  const hostile = () => {
    switch (r.below(9)) {
      case 0:
        return Object.defineProperty({}, r.pick(KEYS) || 'target', { enumerable: true, get() { throw new Error('getter'); } });
      case 1:
        return new Proxy({}, { get() { throw new Error('proxy get'); }, ownKeys() { throw new Error('proxy keys'); } });
      case 2: {
        const o = { target: '99.9' };
        o.self = o;
        return o;
      }
      case 3:
        return deep(r.pick([65, 100, 3000, 20000]), '99.9');
      case 4:
        return JSON.parse('{"__proto__": {"target": "1"}, "constructor": {"prototype": 1}}');
      case 5:
        return { toJSON() { throw new Error('toJSON'); } };
      case 6:
        return r.pick([1n, Symbol('x'), () => 1, new Date(NaN), new Uint8Array(r.below(64)), new Map([[1, 2]])]);
      case 7:
        return Array.from({ length: r.pick([0, 1, 1000, 100000]) }, () => '');
      default:
        return { valueOf() { throw new Error('valueOf'); }, toString() { throw new Error('toString'); } };
    }
  };
  const any = (depth = 0) => {
    const k = r.below(depth > 2 ? 6 : 10);
    if (k === 0) return undefined;
    if (k === 1) return null;
    if (k === 2) return r.chance(50);
    if (k === 3) return number();
    if (k === 4 || k === 5) return text();
    if (k === 6) return r.chance(30) ? hostile() : text();
    if (k === 7) return Array.from({ length: r.below(4) }, () => any(depth + 1));
    return Object.fromEntries(Array.from({ length: r.below(5) }, () => [r.pick(KEYS), any(depth + 1)]));
  };
  /** Mostly `good()`, sometimes anything. */
  const maybe = (good) => (r.chance(75) ? good() : any(1));
  const calendar = () =>
    r.pick([
      () => undefined,
      () => ({ preset: r.pick(['8x5', '12x5', '24x5', '24x7', '24x7-maintenance', text()]) }),
      () => ({ hours: maybe(() => r.pick(['Mon-Fri 09:00-17:00', 'Mon-Sun 22:00-06:00', text()])), timeZone: maybe(() => r.pick(['UTC', 'Europe/London', text()])), holidays: maybe(() => [text(), '12-25']), exclusions: maybe(() => [r.pick(['daily 01:00-02:00', 'Sun 02:00-04:00', text()])]) }),
      () => ({ weekly: { mon: maybe(text), sat: maybe(text) } }),
      () => any(1),
    ])();
  const schedule = () =>
    r.pick([
      () => r.pick(['microsoft-365', 'aws-ec2', text()]),
      () => ({ target: maybe(() => '99.9'), flat: maybe(() => '10'), period: maybe(() => r.pick(['month', 'week', 'quarter'])) }),
      () => ({ target: maybe(() => '99.9'), tiers: maybe(() => [{ when: maybe(() => '< 99.9 and >= 99'), percent: maybe(() => 10) }, { when: maybe(() => '< 99'), percent: any(2) }]) }),
      () => ({ target: '99.5', perUnit: maybe(() => ({ percent: maybe(() => 1), unit: maybe(() => 'hour') })), earnBack: any(2) }),
      () => any(0),
    ])();
  const model = () => ({ incidentsPerMonth: maybe(() => r.pick([1, 2.5, '3', 100, 10000, 0])), median: maybe(() => r.pick(['PT30M', 'PT1H', 1800])), p90: maybe(() => r.pick(['PT2H', 'PT4H'])), durations: r.chance(10) ? any(1) : undefined });
  const log = () => {
    const rows = [r.pick(['start,end', 'start,end,impact,planned', 'start,duration', text()])];
    for (let i = 0, n = r.below(20); i < n; i++) {
      rows.push(r.chance(70) ? `2026-${String(1 + r.below(12)).padStart(2, '0')}-${String(1 + r.below(28)).padStart(2, '0')} ${String(r.below(24)).padStart(2, '0')}:00,2026-${String(1 + r.below(12)).padStart(2, '0')}-15 12:00${r.pick(['', ',50%,no', ',full,yes'])}` : text());
    }
    return rows.join(r.pick(['\n', '\r\n', '\r']));
  };
  return { text, number, any, maybe, calendar, schedule, model, log, hostile };
}

/** One call to one export of `m` with random arguments: [name, thunk]. */
function call(m, r, g) {
  const { text, any, maybe, calendar, schedule, model, log } = g;
  const target = () => r.pick(['99.9', '99', '100', 99.95, text()]);
  const period = () => r.pick(['month', 'P14D', '2026-03', 'quarter', '2026-01-01/2126-01-01', text()]);
  const calls = [
    ['budget', () => m.budget(maybe(() => ({ target: maybe(target), period: maybe(period), calendar: calendar() })))],
    ['achieved', () => m.achieved(maybe(() => ({ downtime: maybe(() => r.pick(['PT1H', '4800', '1 h 20 min', text()])), period: maybe(period), target: maybe(target), calendar: calendar() })))],
    ['serviceTable', () => m.serviceTable(calendar())],
    ['table', () => m.table()],
    ['hoursText', () => m.hoursText(r.chance(50) ? text() : maybe(() => ({ weekly: { mon: maybe(text), tue: maybe(text) } })))],
    ['calendarPreset', () => m.calendarPreset(r.chance(70) ? r.pick(['8x5', '24x7', text()]) : any(0))],
    ['hasTimeZone', () => m.hasTimeZone(r.chance(70) ? text() : any(0))],
    ['registerTimeZone', () => m.registerTimeZone(maybe(() => r.pick(['Test/Zone', text()])), r.chance(70) ? Uint8Array.from({ length: r.below(200) }, () => r.below(256)) : any(0))],
    ['durationText', () => m.durationText(r.chance(60) ? r.pick([90, '4800', 'PT1H', -1, 1e30]) : any(0))],
    ['ServiceCalendar', () => {
      const c = new m.ServiceCalendar(r.chance(80) ? calendar() ?? { preset: '8x5' } : any(0));
      try {
        for (let i = 0, n = 1 + r.below(4); i < n; i++) {
          const which = r.below(m.attainment ? 7 : 4);
          const instant = () => maybe(() => r.pick(['2026-03-02', '2026-03-02T09:00:00Z', '9999-12-31T22:00:00Z', '0001-01-01T00:00:00Z', text()]));
          try {
            if (which === 0) c.weekStrip(instant());
            else if (which === 1) void c.typicalWeekSeconds;
            else if (which === 2) void c.summary;
            else if (which === 3) void c.timeZone;
            else if (which === 4) c.serviceTime(instant(), instant());
            else if (which === 5) c.addServiceTime(instant(), maybe(() => r.pick(['PT4H', 'P365D', 3600, text()])));
            else c.serviceSeconds(r.chance(70) ? Float64Array.from({ length: r.below(5) }, () => r.pick([0, 1.77e9, -6.3e10, 2.5e11, NaN, 1e300])) : any(0), r.chance(70) ? Float64Array.from({ length: r.below(5) }, () => r.pick([1.77e9, 1.8e9, 2.5e11])) : any(0));
          } catch (e) {
            check(e, 'ServiceCalendar method');
          }
        }
      } finally {
        c.free();
      }
    }],
  ];
  if (m.attainment) {
    calls.push(
      ['durationSeconds', () => m.durationSeconds(r.chance(60) ? r.pick(['PT1H', '90 min', text()]) : any(0))],
      ['creditPresets', () => m.creditPresets()],
      ['credits', () => m.credits(maybe(() => ({ schedule: schedule(), periods: maybe(() => [{ label: maybe(text), attainment: maybe(() => r.pick(['99.5', 98, text()])), charges: maybe(() => r.pick(['1000', 1000, '12,000', text()])) }]), currency: maybe(() => r.pick(['EUR', text()])) })))],
      ['risk', () => m.risk(maybe(() => ({ schedule: schedule(), model: maybe(model), charges: maybe(() => r.pick(['1000', 1000, text()])), years: r.chance(2) ? undefined : maybe(() => r.pick([1, 5, 20, 0, -1, 1.5])), seed: maybe(() => r.pick([1, 7, -1, 2 ** 60])), calendar: r.chance(20) ? calendar() : undefined, sensitivity: r.chance(20) ? maybe(() => ({ rates: maybe(() => [0.5, 1, r.pick([2, 1000, 0, NaN])]), repairs: maybe(() => [1, 2]), years: maybe(() => r.pick([1, 5])) })) : undefined, breakEvenPercent: r.chance(10) ? maybe(() => r.pick(['5', 5, text()])) : undefined, solve: r.chance(10) ? maybe(() => ({ percent: maybe(() => '5'), confidence: maybe(() => r.pick(['mean', 'p90', text()])) })) : undefined })))],
      ['compareQuotes', () => m.compareQuotes(maybe(() => ({ basis: maybe(() => ({ period: maybe(period), calendar: calendar(), currency: maybe(() => 'EUR'), contractYears: maybe(() => r.pick([3, '3', 0, 1e9])), downtimeCostPerHour: maybe(() => r.pick(['0', '500', text()])) })), model: maybe(model), options: maybe(() => Array.from({ length: r.below(4) }, (_, i) => maybe(() => ({ name: maybe(text), internal: i === 0, pricePerMonth: maybe(() => r.pick(['1000', '12,000', 1000, text()])), target: maybe(target), period: maybe(period), calendar: calendar(), schedule: r.chance(50) ? schedule() : null, attainment: r.chance(30) ? maybe(() => '99.95') : undefined })))) })))],
      ['attainment', () => m.attainment(maybe(() => ({ outages: r.chance(80) ? log() : maybe(() => [{ start: maybe(() => '2026-03-02T09:00:00Z'), end: maybe(() => '2026-03-02T10:00:00Z'), impact: any(2) }]), target: maybe(target), span: r.chance(50) ? maybe(() => r.pick(['2026', '2026-03', '1928-01-01/2027-01-01', text()])) : undefined, calendar: r.chance(40) ? calendar() : undefined, timeZone: r.chance(20) ? maybe(() => 'UTC') : undefined, options: r.chance(20) ? maybe(() => ({ minimumOutage: maybe(() => 'PT5M'), wholeMinutes: any(2), countPlanned: any(2) })) : undefined, asOf: r.chance(20) ? maybe(() => '2026-06-01T00:00:00Z') : undefined })))],
      ['exportedPeriods', () => m.exportedPeriods(r.chance(70) ? `measure,period,service_seconds,downtime_seconds,attainment,met\n${text()}\nmonth,May 2026,100,1,99.000000,no\n` : any(0), maybe(() => r.pick(['month', 'week', text()])))],
      ['importIcs', () => m.importIcs(r.chance(70) ? `BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\n${text()}\r\n${text()}\r\nEND:VEVENT\r\nEND:VCALENDAR` : any(0))],
      ['OutageLog', () => {
        const l = new m.OutageLog(maybe(() => r.pick(['UTC', 'Europe/London', text()])));
        try {
          const t = log();
          for (let at = 0; at < t.length; ) {
            const end = at + 1 + r.below(30);
            try {
              l.push(r.chance(95) ? t.slice(at, end) : any(0));
            } catch (e) {
              check(e, 'OutageLog.push');
            }
            at = end;
          }
          for (let i = 0, n = r.below(3); i < n; i++) {
            try {
              r.pick([() => l.attainment(maybe(() => ({ target: maybe(target), span: r.chance(50) ? '2026' : undefined, calendar: r.chance(30) ? calendar() : undefined }))), () => l.durations(), () => l.finish(), () => void l.outages + l.problems])();
            } catch (e) {
              check(e, 'OutageLog method');
            }
          }
        } finally {
          l.free();
        }
      }],
      ['TicketExport', () => {
        const x = new m.TicketExport(maybe(() => r.pick(['UTC', 'Europe/London', text()])));
        try {
          const csv = r.pick([`number,priority,time,state,assignment_group\nINC1,P2,2026-03-02 09:00,New,Desk\n${text()}\nINC1,,2026-03-02 17:00,Resolved,\n`, `id,priority,opened,resolved\nA,P1,2026-03-02T09:00Z,${text()}\n`, text()]);
          const bytes = new TextEncoder().encode(csv);
          for (let at = 0; at < bytes.length; ) {
            const end = at + 1 + r.below(30);
            try {
              x.push(r.chance(95) ? (r.chance(50) ? bytes.subarray(at, end) : csv.slice(at, end)) : any(0));
            } catch (e) {
              check(e, 'TicketExport.push');
            }
            at = end;
          }
          for (let i = 0, n = r.below(3); i < n; i++) {
            try {
              r.pick([() => x.measure(maybe(() => ({ sla: maybe(() => ({ goals: maybe(() => [{ priority: maybe(() => r.pick(['P1', 'P2', text()])), resolution: maybe(() => r.pick(['4 h', 'PT8H', text()])) }]), timeZone: r.chance(50) ? maybe(() => r.pick(['UTC', 'Europe/London'])) : undefined })), period: r.chance(30) ? maybe(period) : undefined }))), () => void x.tickets])();
            } catch (e) {
              check(e, 'TicketExport method');
            }
          }
        } finally {
          x.free();
        }
      }],
    );
  }
  return r.pick(calls);
}

/** Throws unless `e` is a SlacalcError: an Error with a string code and field, not an internal one. */
export function check(e, where) {
  if (e instanceof WebAssembly.RuntimeError) throw new Error(`${where}: the module trapped: ${e.message}`);
  const typed = e instanceof Error && typeof e.code === 'string' && typeof e.field === 'string' && e.code !== 'internal';
  if (!typed) throw new Error(`${where}: an untyped error: ${e?.constructor?.name} ${String(e?.message ?? e).slice(0, 300)}`);
}

/**
 * Runs `calls` random calls (or until `deadline`, a time in ms) against module `m`; throws at the first
 * trap, untyped error or bricked module, naming the seed and the call. Returns the counts.
 */
export function fuzz(m, { calls = Infinity, seed = 1, deadline = Infinity, report } = {}) {
  const r = rng(seed);
  const g = generators(r);
  const healthy = () => m.budget({ target: '99.9', period: 'month' }).allowedDowntimeSeconds === '2629.746';
  let done = 0;
  let threw = 0;
  for (; done < calls && (done % 64 !== 0 || performance.now() < deadline); done++) {
    const [name, run] = call(m, r, g);
    try {
      run();
    } catch (e) {
      threw += 1;
      try {
        check(e, name);
      } catch (bad) {
        throw new Error(`call ${done} (seed ${seed}): ${bad.message}`);
      }
      if (!healthy()) throw new Error(`call ${done} (seed ${seed}): after ${name} threw, the module no longer answers correctly`);
    }
    if (report && done % 10000 === 0) report(done, threw);
  }
  if (!healthy()) throw new Error(`seed ${seed}: the module no longer answers correctly at the end`);
  return { calls: done, threw };
}
