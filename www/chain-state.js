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
];

const component = (name, availability, more = {}) => ({ name, kind: 'component', availability, internal: false, weight: '1', uses: '', need: '2', ...more });
const group = (name, kind, uses, need = '2') => ({ name, kind, availability: '', internal: false, weight: '1', uses, need });
const state = (title, parts, target, note) => ({ v: CHAIN_VERSION, title, note, parts, service: parts.at(-1).name, target, period: 'month', calendar: { ...DEFAULT_CALENDAR } });

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
      component('load balancer', '99.99'),
      component('web 1', '99.9'), component('web 2', '99.9'), component('web 3', '99.9'),
      group('web tier', 'kofn', 'web 1, web 2, web 3', '2'),
      component('app 1', '99.9'), component('app 2', '99.9'),
      group('app tier', 'parallel', 'app 1, app 2'),
      component('database', '99.99'),
      component('operations team', '', { internal: true }),
      group('three-tier service', 'series', 'load balancer, web tier, app tier, database, operations team'),
    ],
    '99.5',
    'A load balancer, two of three web servers, one of two application servers and a managed database on one cloud, run by an internal operations team: the promise the team must make for 99.5% is worked out. At worst the redundant servers’ outages overlap as far as their promises allow, which leaves the team far less than the 99.98% the independent figure suggests.',
  ),
  'two-teams-one-provider': state(
    'Two internal teams and one provider',
    [component('cloud hosting', '99.95'), component('platform team', '', { internal: true }), component('application team', '', { internal: true, weight: '3' }), group('service', 'series', 'cloud hosting, platform team, application team')],
    '99.8',
    'An internal service on a provider’s hosting (99.95%) with two internal teams: what each must promise (by OLA) so that the service can promise 99.8% at worst, the application team taking three shares of what the provider leaves, the platform team one.',
  ),
};

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
    })),
    service: TEXT(raw.service),
    target: TEXT(raw.target),
    period: TEXT(raw.period, 'month'),
    calendar: cleanCalendar(raw.calendar),
  };
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
    const part = { name, internal: p.internal };
    if (p.availability.trim() || !p.internal) part.availability = p.availability.trim();
    if (p.internal) part.weight = p.weight.trim() || '1';
    return part;
  });
  const request = { parts, period: s.period, calendar: calendarValue(s.calendar) };
  if (s.service.trim()) request.service = s.service.trim();
  if (s.target.trim()) request.target = s.target.trim();
  return request;
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
        : [p.availability.trim() && `${p.availability.trim()}%`, p.internal && 'internal', p.internal && p.weight.trim() && p.weight.trim() !== '1' && `weight ${p.weight.trim()}`].filter(Boolean).join(' ');
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
    const colon = line.lastIndexOf(':');
    if (colon <= 0) fail('write the part’s name, a colon, then its availability (99.9%) or its parts (all of a, b; any of a, b; 2 of a, b, c)');
    const name = line.slice(0, colon).trim();
    const spec = line.slice(colon + 1).trim();
    const part = { name, kind: 'component', availability: '', internal: false, weight: '1', uses: '', need: '2' };
    let m;
    if ((m = /^(all|any(?: one)?|\d+)\s+of\s+(.*)$/i.exec(spec))) {
      const kind = m[1].toLowerCase();
      Object.assign(part, { kind: kind === 'all' ? 'series' : /^\d/.test(kind) ? 'kofn' : 'parallel', uses: namesIn(m[2]).join(', ') });
      if (part.kind === 'kofn') part.need = kind;
      if (!part.uses) fail('list the group’s parts after “of”, separated by commas');
    } else if ((m = /^(?:([\d.,\s’']*\d)\s*%?)?\s*(internal)?\s*(?:weight\s+([\d.,]+))?$/i.exec(spec)) && (m[1] || m[2])) {
      Object.assign(part, { availability: m[1]?.trim() ?? '', internal: Boolean(m[2]), weight: m[3] ?? '1' });
      if (m[3] && !m[2]) fail('only an internal part has a weight: write “internal weight 2”');
    } else {
      fail('after the colon write an availability (99.9%), “internal”, or the parts: all of a, b; any of a, b; 2 of a, b, c');
    }
    parts.push(part);
  });
  if (!parts.length) throw new Error('write a part a line, such as “database: 99.99%”');
  return parts;
}
