// A service chain as the chain page holds it: its plain state (parts as typed), the presets, the compact
// text that carries it in links and embeds, and the request it gives `chain`. Shared by the chain page and
// the <sla-chain> element.
//
// Availabilities and targets in a saved state are plain decimals with a point ("99.95"), so that a link
// reads the same in every locale; the page shows and reads them in the reader's locale.
import { calendarValue, cleanCalendar, DEFAULT_CALENDAR } from './calendar-editor.js';
import { pack, unpack } from './scenario.js';

export const CHAIN_VERSION = 1;

/** What a part is: a component, or a group of other parts. */
export const KINDS = [
  ['component', 'a component'],
  ['series', 'a group: all needed'],
  ['parallel', 'a group: any one'],
  ['kofn', 'a group: k of n'],
  ['failover', 'a group: one at a time'],
];

/** A part with every field, empty where it does not apply. */
export const blankPart = (name, kind) => ({ name, kind, availability: '', period: '', hours: '', internal: false, weight: '1', uses: '', need: '2', fee: '', credits: '', rate: '', switchOver: '5 min', switches: '1' });
const component = (name, availability, more = {}) => ({ ...blankPart(name, 'component'), availability, ...more });
const group = (name, kind, uses, need = '2') => ({ ...blankPart(name, kind), uses, need });
/** The money side, off until asked for: the customer's charges and credits, how long outages last, the
 *  exposure allowed and the years simulated. */
export const NO_MONEY = { on: false, charges: '', currency: '', period: 'month', credits: '', median: '30 min', p90: '4 h', cap: '', years: '1000' };
/** @param {Partial<typeof NO_MONEY>} [money] */
const state = (title, parts, target, note, money = NO_MONEY) => ({ v: CHAIN_VERSION, title, note, parts, service: parts.at(-1).name, target, period: 'month', calendar: { ...DEFAULT_CALENDAR }, money: { ...NO_MONEY, ...money } });
/** A provider's contract on a component: its fee a month and its credits. */
const paid = (fee, credits) => ({ fee, credits });

/** The services of one region of Azure's reliable web app as one figure: their product as published
 *  (99.56578%). With Front Door and Entra ID it gives the published region of 99.546% (99.545868%). */
const REGION = '99.56578';

/** The presets, by id: each a whole state, with a note on what it shows. */
export const CHAIN_PRESETS = {
  'azure-one-region': state(
    'Azure’s reliable web app, one region',
    [component('Front Door', '99.99'), component('Entra ID', '99.99'), component('DNS', '100'), component('region', REGION), group('web app', 'series', 'Front Door, Entra ID, DNS, region')],
    '99.5',
    'Azure’s reliable web app pattern in one region: Front Door, Entra ID and DNS in front of the region’s own services (99.56578% together, as published): 99.5458%, which Azure publishes as 99.546%.',
  ),
  'azure-two-regions': state(
    'Azure’s reliable web app, two regions',
    [component('Front Door', '99.99'), component('Entra ID', '99.99'), component('DNS', '100'), component('region 1', REGION), component('region 2', REGION), group('regions', 'parallel', 'region 1, region 2'), group('web app', 'series', 'Front Door, Entra ID, DNS, regions')],
    '99.95',
    'Two regions, either one enough, behind the shared Front Door, Entra ID and DNS, each counted once: 99.97812%. Azure publishes 99.9779% because it multiplies the regions’ 99.546%, which holds Front Door and Entra ID already, by them again.',
  ),
  'three-tier': state(
    'A three-tier service on one cloud',
    [
      component('load balancer', '99.99', paid('25', vmCredits('99.99'))),
      component('web 1', '99.9', paid('150', vmCredits('99.9'))), component('web 2', '99.9', paid('150', vmCredits('99.9'))), component('web 3', '99.9', paid('150', vmCredits('99.9'))),
      group('web tier', 'kofn', 'web 1, web 2, web 3', '2'),
      component('app 1', '99.9', paid('300', vmCredits('99.9'))), component('app 2', '99.9', paid('300', vmCredits('99.9'))),
      group('app tier', 'parallel', 'app 1, app 2'),
      component('database', '99.99', paid('900', vmCredits('99.99'))),
      component('operations team', '', { internal: true }),
      group('three-tier service', 'series', 'load balancer, web tier, app tier, database, operations team'),
    ],
    '99.5',
    'A load balancer, two of three web servers, one of two application servers and a managed database on one cloud, run by an internal operations team: the promise the team must make for 99.5% is worked out. At worst the redundant servers’ outages overlap as far as their promises allow, which leaves the team far less than the 99.98% the independent figure suggests. The money: the customer pays 20 000 a month with 5% back below 99.5% and 15% below 99%; the cloud’s credits (10% of a component’s fee below its promise, 25% below 99%, 100% below 95%) pay back a share of that.',
    { on: true, charges: '20000', currency: 'EUR', credits: '5% below 99.5%; 15% below 99%', cap: '3' },
  ),
  'two-teams-one-provider': state(
    'Two internal teams and one provider',
    [component('cloud hosting', '99.95', paid('6000', '10% below 99.95%; 25% below 99%')), component('platform team', '', { internal: true }), component('application team', '', { internal: true, weight: '3' }), group('service', 'series', 'cloud hosting, platform team, application team')],
    '99.8',
    'An internal service on a provider’s hosting (99.95%) with two internal teams: what each must promise (by OLA) so that the service can promise 99.8% at worst, the application team taking three shares of what the provider leaves, the platform team one. The money: the customer pays 40 000 a month, with 10% back below 99.8% and 25% below 99%; the provider, paid 6 000 a month, pays back 10% of that below 99.95% and 25% below 99%.',
    { on: true, charges: '40000', currency: 'EUR', credits: '10% below 99.8%; 25% below 99%', cap: '5' },
  ),
};

/** Credits of a cloud's virtual machines and managed services: 10% of the month's fee below the promise,
 *  25% below 99%, 100% below 95% (the shape of Azure's and AWS's compute SLAs). */
function vmCredits(promise) {
  return `10% below ${promise}%; 25% below 99%; 100% below 95%`;
}

export const DEFAULT_CHAIN = CHAIN_PRESETS['two-teams-one-provider'];

const TEXT = (v, fallback = '') => (typeof v === 'string' ? v.slice(0, 2000) : typeof v === 'number' && Number.isFinite(v) ? String(v) : fallback);

/**
 * A state read from untrusted data (a link, a file, an attribute): only known fields, only strings and
 * booleans, at most 200 parts. Throws with a message a person understands when it is not a chain.
 */
export function sanitizeChain(raw) {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new Error('it holds no service chain');
  if (raw.v !== undefined && (typeof raw.v !== 'number' || raw.v > CHAIN_VERSION || raw.v < 1)) {
    throw new Error(raw.v > CHAIN_VERSION ? `it was made by a newer version of slacalc (chain version ${raw.v}); this page reads version ${CHAIN_VERSION}` : `its chain version ${String(raw.v).slice(0, 20)} is not one this page reads`);
  }
  const parts = Array.isArray(raw.parts) ? raw.parts.slice(0, 200) : [];
  if (!parts.length) throw new Error('it has no part');
  const kinds = KINDS.map(([k]) => k);
  return {
    v: CHAIN_VERSION,
    title: TEXT(raw.title),
    note: TEXT(raw.note),
    parts: parts.map((p) => ({
      name: TEXT(p?.name),
      kind: kinds.includes(p?.kind) ? p.kind : 'component',
      availability: TEXT(p?.availability),
      internal: p?.internal === true,
      weight: TEXT(p?.weight, '1'),
      uses: TEXT(p?.uses),
      need: TEXT(p?.need, '2'),
      fee: TEXT(p?.fee),
      credits: TEXT(p?.credits),
      rate: TEXT(p?.rate),
      switchOver: TEXT(p?.switchOver, '5 min'),
      period: ['week', 'fortnight', 'month', 'quarter', 'year'].includes(p?.period) ? p.period : '',
      hours: TEXT(p?.hours),
      switches: TEXT(p?.switches, '1'),
    })),
    service: TEXT(raw.service),
    target: TEXT(raw.target),
    period: TEXT(raw.period, 'month'),
    calendar: cleanCalendar(raw.calendar),
    money: sanitizeMoney(raw.money),
  };
}

/** The money side read from untrusted data: known fields, strings only. */
function sanitizeMoney(raw) {
  const m = raw && typeof raw === 'object' && !Array.isArray(raw) ? raw : {};
  const out = { ...NO_MONEY, on: m.on === true };
  for (const [k, fallback] of Object.entries(NO_MONEY)) if (k !== 'on') out[k] = TEXT(m[k], String(fallback));
  if (!['month', 'quarter', 'year'].includes(out.period)) out.period = 'month';
  return out;
}

/**
 * A schedule of credits typed as "10% below 99.95%; 25% below 99%" (items separated by semicolons, new
 * lines, or a comma and a space), each number read with `read` (text -> { value } or { error }): the
 * schedule `chain` takes, its target the highest threshold. Throws an error a person understands.
 * @param {string} text
 * @param {(t: string) => ({ value: string } | { error: string })} read
 */
export function creditsFromText(text, read = plainNumber) {
  const items = text.split(/;|\n|,\s+/).map((t) => t.trim()).filter(Boolean);
  if (!items.length) throw new Error('Type the credits, such as 10% below 99.9%; 25% below 99%.');
  const tiers = items.map((item) => {
    const m = /^(.+?)\s*%\s*(?:of the fee\s+|of the charges\s+)?(?:below|under|<)\s*(.+?)\s*%?$/i.exec(item);
    if (!m) throw new Error(`“${item.slice(0, 40)}” is not a credit: write it as 10% below 99.9%.`);
    const [percent, below] = [read(m[1]), read(m[2])];
    if ('error' in percent) throw new Error(`In “${item.slice(0, 40)}”: ${percent.error}`);
    if ('error' in below) throw new Error(`In “${item.slice(0, 40)}”: ${below.error}`);
    return { percent: percent.value, below: below.value };
  });
  tiers.sort((a, b) => Number(b.below) - Number(a.below));
  for (let k = 1; k < tiers.length; k++) {
    if (Number(tiers[k].below) === Number(tiers[k - 1].below)) throw new Error(`Two credits start below ${tiers[k].below}%: give each threshold once.`);
  }
  return {
    target: tiers[0].below,
    tiers: tiers.map((t, k) => ({ when: k + 1 < tiers.length ? `< ${t.below} and >= ${tiers[k + 1].below}` : `< ${t.below}`, percent: t.percent })),
  };
}

/** The credits typed, as plain decimals: "10% below 99.95%; 25% below 99%". */
export function creditsText(text, read = plainNumber) {
  const c = creditsFromText(text, read);
  const below = (when) => /< ([\d.]+)/.exec(when)[1];
  return c.tiers.map((t) => `${t.percent}% below ${below(t.when)}%`).join('; ');
}

/** A plain decimal with a point, as saved states hold numbers. */
function plainNumber(text) {
  const t = String(text).trim();
  return /^\d+(\.\d+)?$/.test(t) ? { value: t } : { error: `“${t}” is not a number such as 99.9.` };
}

/** The names a group's field lists, separated by commas. */
export const namesIn = (text) => text.split(',').map((n) => n.trim()).filter(Boolean);

/** The request `chain` takes for a state whose numbers are plain decimals. */
export function chainRequest(s) {
  const parts = s.parts.map((p) => {
    const name = p.name.trim();
    if (p.kind === 'series') return { name, series: namesIn(p.uses) };
    if (p.kind === 'parallel') return { name, parallel: namesIn(p.uses) };
    if (p.kind === 'kofn') return { name, need: p.need.trim(), of: namesIn(p.uses) };
    if (p.kind === 'failover') return { name, failover: namesIn(p.uses), switchOver: p.switchOver.trim(), switchesPerMonth: p.switches.trim() };
    const part = { name, internal: p.internal };
    if (p.availability.trim() || !p.internal) part.availability = p.availability.trim();
    if (p.internal) part.weight = p.weight.trim() || '1';
    else {
      if (p.period) part.period = p.period;
      // Its own service hours, in the chain's time zone.
      if (p.hours?.trim()) part.calendar = { hours: p.hours.trim(), timeZone: chainZone(s) ?? 'UTC' };
    }
    if (s.money?.on) {
      if (p.rate?.trim()) part.outages = { incidentsPerMonth: p.rate.trim() };
      if (!p.internal && p.fee?.trim()) part.fee = p.fee.trim();
      if (!p.internal && p.credits?.trim()) part.credits = { ...creditsOrText(p.credits), period: 'month' };
    }
    return part;
  });
  const request = { parts, period: s.period, calendar: calendarValue(s.calendar) };
  if (s.service.trim()) request.service = s.service.trim();
  if (s.target.trim()) request.target = s.target.trim();
  if (s.money?.on) {
    const m = s.money;
    request.money = { charges: m.charges.trim(), outages: { median: m.median.trim(), p90: m.p90.trim() }, years: m.years.trim() || '1000' };
    if (m.credits.trim()) request.money.credits = { ...creditsOrText(m.credits), period: m.period };
    if (m.currency.trim()) request.money.currency = m.currency.trim();
    if (m.cap.trim()) request.money.cap = m.cap.trim();
  }
  return request;
}

/** The schedule of a credits text in plain decimals, or the text itself for the core to refuse in its
 *  words (the page reads and checks the text before it gets here). */
function creditsOrText(text) {
  try {
    return creditsFromText(text);
  } catch {
    return { tiers: text };
  }
}

/** The state as compact text for a link or an embed. */
export const encodeChain = (s) => pack(s);

/** The state from compact text. */
export async function decodeChain(text) {
  return sanitizeChain(await unpack(text, 'the link is damaged: it does not hold a service chain'));
}

/** The time zone a state's calendar uses, if it has one. */
export const chainZone = (s) => calendarValue(s.calendar)?.timeZone;

/**
 * The parts as text, a line each: "Front Door: 99.99%", "platform team: internal weight 3",
 * "regions: any of region 1, region 2", "web tier: 2 of web 1, web 2, web 3", "web app: all of ...".
 * Numbers stay as typed.
 */
export function chainText(parts) {
  return parts
    .map((p) => {
      const spec =
        p.kind === 'series' ? `all of ${namesIn(p.uses).join(', ')}`
        : p.kind === 'parallel' ? `any of ${namesIn(p.uses).join(', ')}`
        : p.kind === 'kofn' ? `${p.need.trim()} of ${namesIn(p.uses).join(', ')}`
        : p.kind === 'failover' ? `failover of ${namesIn(p.uses).join(', ')}; switch-over ${p.switchOver.trim()}, ${p.switches.trim()} a month`
        : [p.availability.trim() && `${p.availability.trim()}%`, !p.internal && p.period && `a ${p.period}`, p.internal && 'internal', p.internal && p.weight.trim() && p.weight.trim() !== '1' && `weight ${p.weight.trim()}`].filter(Boolean).join(' ');
      return `${p.name.trim()}: ${spec}`;
    })
    .join('\n');
}

/**
 * The parts a text of `chainText`'s form gives (blank lines and lines starting with # left out); throws an
 * error whose message names the line when one cannot be read.
 */
export function partsFromText(text) {
  const parts = [];
  text.split('\n').forEach((raw, k) => {
    const line = raw.trim();
    if (!line || line.startsWith('#')) return;
    const fail = (why) => {
      throw new Error(`line ${k + 1} (“${line.slice(0, 60)}”): ${why}`);
    };
    // The name ends at the last colon, unless a failover's switch-over time holds one ("1:30").
    const failover = /:\s*failover\s+of\b/i.exec(line);
    const colon = failover ? failover.index : line.lastIndexOf(':');
    if (colon <= 0) fail('write the part’s name, a colon, then its availability (99.9%) or its parts (all of a, b; any of a, b; 2 of a, b, c; failover of a, b)');
    const name = line.slice(0, colon).trim();
    const spec = line.slice(colon + 1).trim();
    const part = blankPart(name, 'component');
    let m;
    if ((m = /^failover\s+of\s+([^;]*?)\s*(?:;\s*switch-over\s+(.+?)\s*,\s*(\S+)\s+a\s+month)?$/i.exec(spec))) {
      Object.assign(part, { kind: 'failover', uses: namesIn(m[1]).join(', '), switchOver: m[2] ?? '5 min', switches: m[3] ?? '1' });
      if (!part.uses) fail('list the parts after “failover of”, the first used first');
    } else if ((m = /^(all|any(?: one)?|\d+)\s+of\s+(.*)$/i.exec(spec))) {
      const kind = m[1].toLowerCase();
      Object.assign(part, { kind: kind === 'all' ? 'series' : /^\d/.test(kind) ? 'kofn' : 'parallel', uses: namesIn(m[2]).join(', ') });
      if (part.kind === 'kofn') part.need = kind;
      if (!part.uses) fail('list the group’s parts after “of”, separated by commas');
    } else if ((m = /^(?:([\d.,\s’']*\d)\s*%?)?\s*(?:(?:a|per|every)\s+(week|fortnight|month|quarter|year))?\s*(internal)?\s*(?:weight\s+([\d.,]+))?$/i.exec(spec)) && (m[1] || m[3])) {
      Object.assign(part, { availability: m[1]?.trim() ?? '', period: m[2]?.toLowerCase() ?? '', internal: Boolean(m[3]), weight: m[4] ?? '1' });
      if (m[4] && !m[3]) fail('only an internal part has a weight: write “internal weight 2”');
      if (m[2] && m[3]) fail('an internal part’s promise is worked out over the chain’s period: leave out “a ' + m[2] + '”');
    } else {
      fail('after the colon write an availability (99.9%, or 99.9% a year), “internal”, or the parts: all of a, b; any of a, b; 2 of a, b, c; failover of a, b');
    }
    parts.push(part);
  });
  if (!parts.length) throw new Error('write a part a line, such as “database: 99.99%”');
  return parts;
}
