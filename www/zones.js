// Time-zone data for the core, fetched once per zone from tz/ next to this file, and only for zones the
// server lists in tz/zones.json: a misspelt zone costs no request and gets a message that says so.

/**
 * @typedef {{ hasTimeZone(name: string): boolean, registerTimeZone(name: string, tzif: Uint8Array): void }} ZoneCore
 * @typedef {Error & { code: string, field: string, part: string }} ZoneError
 */

const BASE = new URL('./', import.meta.url);
/** @type {Promise<string[]> | undefined} */
let list;

/** The zone names the server has (tz/zones.json), fetched once; UTC first. */
export function zoneNames() {
  list ??= fetch(new URL('tz/zones.json', BASE))
    .then((r) => (r.ok ? r.json() : []))
    .then((names) => ['UTC', ...names.filter((/** @type {string} */ n) => n !== 'UTC')])
    .catch(() => ['UTC']);
  return list;
}

/** @returns {ZoneError} */
function zoneError(message, code = 'unknown_time_zone') {
  return Object.assign(new Error(message), { code, field: 'calendar', part: 'timeZone' });
}

/** How many letters must change to turn `a` into `b` (Levenshtein), up to a small bound. */
function distance(a, b, bound = 3) {
  if (Math.abs(a.length - b.length) > bound) return bound + 1;
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) next[j] = Math.min(row[j] + 1, next[j - 1] + 1, row[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    row = next;
  }
  return row[b.length];
}

/** Names close to `typed`: the same in other letters' case, the same city, or a letter or two apart. */
function closeTo(typed, names) {
  const t = typed.toLowerCase().replace(/ /g, '_');
  const city = t.split('/').at(-1);
  const exact = names.filter((n) => n.toLowerCase() === t || n.toLowerCase().split('/').at(-1) === city);
  if (exact.length) return exact.slice(0, 3);
  return names
    .map((n) => [n, t.includes('/') ? distance(t, n.toLowerCase()) : distance(city, n.toLowerCase().split('/').at(-1))])
    .filter(([, d]) => d <= 2)
    .sort((a, b) => a[1] - b[1])
    .slice(0, 3)
    .map(([n]) => n);
}

/** @type {WeakMap<ZoneCore, Map<string, Promise<void>>>} */
const loading = new WeakMap();
/** Zones known to be unusable, and why. @type {Map<string, ZoneError>} */
const failures = new Map();

/** Why the zone `name` cannot be used, once that is known (an empty or unknown name); else undefined. */
export function zoneFailure(name) {
  const zone = String(name ?? '').trim();
  return zone ? failures.get(zone) : zoneError('Type a time zone, such as Europe/Berlin, or UTC.', 'empty');
}

/**
 * Makes the zone `name` usable by `core` (a module with hasTimeZone and registerTimeZone): resolves once
 * its data is registered; rejects with a ZoneError (code, field "calendar", part "timeZone") for an empty
 * or unknown name, or when the data cannot be fetched. Each zone is fetched at most once per module.
 * @param {ZoneCore} core
 * @param {string} name
 * @returns {Promise<void>}
 */
export function loadZone(core, name) {
  const zone = String(name ?? '').trim();
  if (!zone) return Promise.reject(zoneError('Type a time zone, such as Europe/Berlin, or UTC.', 'empty'));
  if (core.hasTimeZone(zone)) return Promise.resolve();
  if (!loading.has(core)) loading.set(core, new Map());
  const cache = /** @type {Map<string, Promise<void>>} */ (loading.get(core));
  if (!cache.has(zone)) {
    cache.set(
      zone,
      zoneNames().then(async (names) => {
        if (!names.includes(zone)) {
          const near = closeTo(zone, names);
          const e = zoneError(`“${zone}” is not a time zone slacalc knows${near.length ? `: did you mean ${near.join(' or ')}?` : ': use a name such as Europe/Berlin or America/New_York (type to search the list).'}`);
          failures.set(zone, e);
          throw e;
        }
        const response = await fetch(new URL(`tz/${zone.split('/').map(encodeURIComponent).join('/')}.tzif`, BASE)).catch(() => null);
        if (!response?.ok) {
          cache.delete(zone);
          throw zoneError(`The data of the time zone ${zone} could not be fetched from the server: check the connection and try again.`, 'zone_unavailable');
        }
        core.registerTimeZone(zone, new Uint8Array(await response.arrayBuffer()));
      }),
    );
  }
  return /** @type {Promise<void>} */ (cache.get(zone));
}

/** Whether the zone's data is loaded already (no wait needed). */
export function zoneReady(core, name) {
  const zone = String(name ?? '').trim();
  return zone !== '' && core.hasTimeZone(zone);
}
