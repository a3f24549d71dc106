// A comparison scenario: its plain state, the compact text that carries it in links and embeds, and the
// input it gives compareQuotes. Shared by the comparison page and the <sla-compare> element.
//
// Amounts in a saved state (links, scenario files, embeds) are plain decimals with a point ("12000.5"),
// so that a link reads the same in every locale; the page shows and reads them in the reader's locale.
import { calendarValue, cleanCalendar } from './calendar-editor.js';

export const VERSION = 2;

const office = (zone = 'UTC') => ({ preset: '8x5', hours: 'Mon-Fri 09:00-17:00', zone, holidays: [], exclusions: [] });
const plain = { preset: '', hours: '', zone: 'UTC', holidays: [], exclusions: [] };
const same = { preset: 'basis', hours: '', zone: 'UTC', holidays: [], exclusions: [] };

export const DEFAULT_STATE = {
  v: VERSION,
  basis: { period: 'month', calendar: office(), currency: 'EUR', cost: '0', years: '3' },
  model: { rate: '1', median: '30 min', p90: '2 h' },
  options: [
    { name: 'Internal IT', internal: true, price: '8000', oneOff: '0', target: '99.5', period: 'month', calendar: same, schedule: '', custom: '', attainment: '99.8', from: 'typed', log: null },
    { name: 'Provider A', internal: false, price: '7000', oneOff: '5000', target: '99.9', period: 'month', calendar: plain, schedule: 'aws-s3-standard', custom: '', attainment: '' },
    { name: 'Provider B', internal: false, price: '6500', oneOff: '0', target: '99.95', period: 'quarter', calendar: plain, schedule: '', custom: '', attainment: '' },
  ],
};

const TEXT = (v, fallback = '') => (typeof v === 'string' ? v.slice(0, 2000) : typeof v === 'number' && Number.isFinite(v) ? String(v) : fallback);

/** Version 1 kept hours as a preset name ("8x5"), "basis" or "" (24x7), with one zone for the basis. */
function hoursOf(raw, hours, zone) {
  if (raw && typeof raw === 'object') return cleanCalendar(raw);
  const h = TEXT(hours, '');
  if (h === 'basis') return { ...same };
  if (!h) return { ...plain, zone };
  return { preset: h, hours: '', zone, holidays: [], exclusions: [] };
}

/** What an internal service's log gave: the average, typical and worst period (text, validated). */
function logOf(raw) {
  if (!raw || typeof raw !== 'object') return null;
  const pick = (p) => (p && typeof p === 'object' ? { label: TEXT(p.label), attainment: TEXT(p.attainment) } : null);
  return { name: TEXT(raw.name), span: TEXT(raw.span), measure: TEXT(raw.measure), average: TEXT(raw.average), typical: pick(raw.typical), worst: pick(raw.worst), periods: Number(raw.periods) || 0 };
}

/**
 * A state read from untrusted data (a link, a file, an attribute): only known fields, only strings and
 * booleans, at most 20 options. Throws with a message a person understands when it is not a scenario.
 */
export function sanitize(raw) {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new Error('it holds no comparison');
  if (raw.v !== undefined && (typeof raw.v !== 'number' || raw.v > VERSION || raw.v < 1)) {
    throw new Error(raw.v > VERSION ? `it was made by a newer version of slacalc (scenario version ${raw.v}); this page reads version ${VERSION}` : `its scenario version ${String(raw.v).slice(0, 20)} is not one this page reads`);
  }
  const b = raw.basis && typeof raw.basis === 'object' ? raw.basis : {};
  const m = raw.model && typeof raw.model === 'object' ? raw.model : {};
  const options = Array.isArray(raw.options) ? raw.options.slice(0, 20) : [];
  if (!options.length) throw new Error('it has no option to compare');
  const zone = TEXT(b.zone, 'UTC');
  return {
    v: VERSION,
    basis: {
      period: TEXT(b.period, 'month'),
      calendar: hoursOf(b.calendar, b.hours, zone),
      currency: TEXT(b.currency, 'EUR'),
      cost: TEXT(b.cost, '0'),
      years: TEXT(b.years, '3'),
    },
    model: { rate: TEXT(m.rate, '1'), median: TEXT(m.median, 'PT30M'), p90: TEXT(m.p90, 'PT2H') },
    options: options.map((o) => ({
      name: TEXT(o?.name, 'Option'),
      internal: o?.internal === true,
      price: TEXT(o?.price, '0'),
      oneOff: TEXT(o?.oneOff, '0'),
      target: TEXT(o?.target, '99.9'),
      period: TEXT(o?.period, 'month'),
      calendar: hoursOf(o?.calendar, o?.hours, zone),
      schedule: TEXT(o?.schedule, ''),
      custom: TEXT(o?.custom, ''),
      attainment: TEXT(o?.attainment, ''),
      from: ['typed', 'average', 'typical', 'worst'].includes(o?.from) ? o.from : 'typed',
      log: logOf(o?.log),
    })),
  };
}

const toBase64Url = (bytes) => btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
const fromBase64Url = (text) => Uint8Array.from(atob(text.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0));

async function pipe(bytes, stream) {
  return new Uint8Array(await new Response(new Blob([bytes]).stream().pipeThrough(stream)).arrayBuffer());
}

/** Any JSON value as compact text for a link: JSON, deflated, base64url. */
export async function pack(value) {
  return toBase64Url(await pipe(new TextEncoder().encode(JSON.stringify(value)), new CompressionStream('deflate-raw')));
}

/** The JSON value of compact text; throws "the link is damaged" when it was cut short or edited, and
 *  `notJson` when it does not hold JSON. */
export async function unpack(text, notJson = 'the link is damaged: it does not hold a comparison') {
  let json;
  try {
    if (text.length > 100_000) throw new Error('too long');
    json = new TextDecoder('utf-8', { fatal: true }).decode(await pipe(fromBase64Url(text), new DecompressionStream('deflate-raw')));
  } catch {
    throw new Error('the link is damaged: it was cut short or edited');
  }
  try {
    return JSON.parse(json);
  } catch {
    throw new Error(notJson);
  }
}

/** The state as compact text for a link. */
export const encode = (state) => pack(state);

/** The state from compact text; throws with a message a person understands when it holds none. */
export async function decode(text) {
  return sanitize(await unpack(text));
}

/** A quote's own schedule, written as JSON; a person-readable error naming the quote when it is not JSON. */
function customSchedule(o, i) {
  try {
    return JSON.parse(o.custom || 'null');
  } catch (e) {
    throw Object.assign(new Error(`${o.name}'s credit schedule is not valid JSON: ${e.message}`), { code: 'invalid_value', field: 'input', part: `options[${i}].schedule` });
  }
}

/** Every time zone a state's calendars use. */
export function zonesOf(state) {
  return [state.basis.calendar, ...state.options.map((o) => o.calendar)].map((c) => calendarValue(c)?.timeZone).filter((z) => z);
}

/** The input of compareQuotes for a state whose amounts are plain decimals. */
export function quotesInput(state) {
  const { basis, model } = state;
  const base = calendarValue(basis.calendar);
  return {
    basis: {
      period: basis.period,
      calendar: base,
      currency: basis.currency.trim().toUpperCase(),
      contractYears: /^\d+$/.test(basis.years.trim()) ? Number(basis.years) : basis.years,
      downtimeCostPerHour: basis.cost || '0',
    },
    model: { incidentsPerMonth: model.rate, median: model.median, p90: model.p90 },
    options: state.options.map((o, i) => ({
      name: o.name,
      internal: o.internal,
      pricePerMonth: o.price,
      oneOff: o.oneOff || '0',
      target: o.target,
      period: o.period,
      calendar: o.calendar.preset === 'basis' ? base : calendarValue(o.calendar),
      // The internal service pays itself no credits: it has no schedule field, and none is sent.
      schedule: o.internal ? null : o.schedule === 'custom' ? customSchedule(o, i) : o.schedule || null,
      attainment: o.attainment || undefined,
    })),
  };
}

/** Amounts in the person's locale and the scenario's currency. */
export function moneyFormat(currency) {
  const code = currency.trim();
  try {
    if (!/^[A-Za-z]{3}$/.test(code)) throw new RangeError('not an ISO 4217 code');
    const f = new Intl.NumberFormat(undefined, { style: 'currency', currency: code.toUpperCase() });
    return (text) => f.format(Number(text));
  } catch {
    const f = new Intl.NumberFormat(undefined, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    return (text) => (code ? `${f.format(Number(text))} ${code}` : f.format(Number(text)));
  }
}
