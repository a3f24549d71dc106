// A comparison scenario: its plain state, the compact text that carries it in links and embeds, and the
// input it gives compareQuotes. Shared by the comparison page and the <sla-compare> element.

export const VERSION = 1;

export const DEFAULT_STATE = {
  v: VERSION,
  basis: { period: 'month', hours: '8x5', zone: 'UTC', currency: 'EUR', cost: '0', years: '3' },
  model: { rate: '1', median: 'PT30M', p90: 'PT2H' },
  options: [
    { name: 'Internal IT', internal: true, price: '8000', oneOff: '0', target: '99.5', period: 'month', hours: 'basis', schedule: '', attainment: '99.8' },
    { name: 'Provider A', internal: false, price: '7000', oneOff: '5000', target: '99.9', period: 'month', hours: '', schedule: 'aws-s3-standard', attainment: '' },
    { name: 'Provider B', internal: false, price: '6500', oneOff: '0', target: '99.95', period: 'quarter', hours: '', schedule: '', attainment: '' },
  ],
};

const TEXT = (v, fallback = '') => (typeof v === 'string' ? v : typeof v === 'number' && Number.isFinite(v) ? String(v) : fallback);

/**
 * A state read from untrusted data (a link, a file, an attribute): only known fields, only strings and
 * booleans, at most 20 options. Throws with a message a person understands when it is not a scenario.
 */
export function sanitize(raw) {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new Error('it holds no comparison');
  if (raw.v !== undefined && raw.v !== VERSION) {
    throw new Error(raw.v > VERSION ? `it was made by a newer version of slacalc (scenario version ${raw.v}); this page reads version ${VERSION}` : `its scenario version ${raw.v} is not one this page reads`);
  }
  const b = raw.basis && typeof raw.basis === 'object' ? raw.basis : {};
  const m = raw.model && typeof raw.model === 'object' ? raw.model : {};
  const options = Array.isArray(raw.options) ? raw.options.slice(0, 20) : [];
  if (!options.length) throw new Error('it has no option to compare');
  return {
    v: VERSION,
    basis: {
      period: TEXT(b.period, 'month'),
      hours: TEXT(b.hours, ''),
      zone: TEXT(b.zone, 'UTC'),
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
      hours: TEXT(o?.hours, ''),
      schedule: TEXT(o?.schedule, ''),
      custom: TEXT(o?.custom, ''),
      attainment: TEXT(o?.attainment, ''),
    })),
  };
}

const toBase64Url = (bytes) => btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
const fromBase64Url = (text) => Uint8Array.from(atob(text.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0));

async function pipe(bytes, stream) {
  return new Uint8Array(await new Response(new Blob([bytes]).stream().pipeThrough(stream)).arrayBuffer());
}

/** The state as compact text for a link: JSON, deflated, base64url. */
export async function encode(state) {
  return toBase64Url(await pipe(new TextEncoder().encode(JSON.stringify(state)), new CompressionStream('deflate-raw')));
}

/** The state from compact text; throws "the link is damaged" when it was cut short or edited. */
export async function decode(text) {
  let json;
  try {
    json = new TextDecoder('utf-8', { fatal: true }).decode(await pipe(fromBase64Url(text), new DecompressionStream('deflate-raw')));
  } catch {
    throw new Error('the link is damaged: it was cut short or edited');
  }
  let raw;
  try {
    raw = JSON.parse(json);
  } catch {
    throw new Error('the link is damaged: it does not hold a comparison');
  }
  return sanitize(raw);
}

function calendar(hours, zone) {
  return hours ? { preset: hours, timeZone: zone || 'UTC' } : null;
}

/** A quote's own schedule, written as JSON; a person-readable error naming the quote when it is not JSON. */
function customSchedule(o) {
  try {
    return JSON.parse(o.custom || 'null');
  } catch (e) {
    throw Object.assign(new Error(`${o.name}'s credit schedule is not valid JSON: ${e.message}`), { code: 'invalid_value', field: 'input', part: 'schedule-json' });
  }
}

/** The input of compareQuotes for a state. */
export function quotesInput(state) {
  const { basis, model } = state;
  return {
    basis: {
      period: basis.period,
      calendar: calendar(basis.hours, basis.zone),
      currency: basis.currency.trim().toUpperCase(),
      contractYears: Number(basis.years),
      downtimeCostPerHour: basis.cost || '0',
    },
    model: { incidentsPerMonth: model.rate, median: model.median, p90: model.p90 },
    options: state.options.map((o) => ({
      name: o.name,
      internal: o.internal,
      pricePerMonth: o.price,
      oneOff: o.oneOff || '0',
      target: o.target,
      period: o.period,
      calendar: o.hours === 'basis' ? calendar(basis.hours, basis.zone) : calendar(o.hours, basis.zone),
      schedule: o.schedule === 'custom' ? customSchedule(o) : o.schedule || null,
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
