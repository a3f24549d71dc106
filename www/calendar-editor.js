// The service-hours editor every page uses: counted hours (a preset or your own), the weekly hours as one
// line of text, the time zone, holidays (typed or imported from .ics) and maintenance windows. It gives
// the calendar the core reads, a plain state for links, and shows the core's calendar errors next to the
// part they concern.
import { coreFor } from './core.js';
import { showError, sentence, words } from './fields.js';
import { loadZone, zoneFailure, zoneNames, zoneReady } from './zones.js';

/**
 * @typedef {{ hoursText(c: any): string, calendarPreset(name: string): any, importIcs?: (text: string) => any,
 *   hasTimeZone(name: string): boolean, registerTimeZone(name: string, tzif: Uint8Array): void }} CalendarCore
 * @typedef {{ preset: string, hours: string, zone: string, holidays: string[], exclusions: string[] }} CalendarState
 * @typedef {{ timeZone: string, hours: string, holidays: string[], exclusions: string[] }} CalendarValue
 */

/** The choices of counted hours: a preset's name is also its hours text. */
export const PRESETS = [
  ['', '24x7: every hour counts'],
  ['8x5', 'office hours: Mon-Fri 09:00-17:00'],
  ['12x5', '12x5: Mon-Fri 07:00-19:00'],
  ['24x5', '24x5: Monday to Friday, all day'],
  ['24x7-maintenance', '24x7 less a weekly maintenance window'],
  ['custom', 'hours of your own'],
];

/** @type {CalendarState} */
export const DEFAULT_CALENDAR = { preset: '', hours: '', zone: 'UTC', holidays: [], exclusions: [] };

const lines = (text) => text.split('\n').map((l) => l.trim()).filter(Boolean);

/** The words for a calendar state, for reports: "Mon-Fri 08:00-18:00 in Europe/Berlin, 3 holidays". */
export function calendarWords(state) {
  if (!state || (!state.preset && !state.hours) || state.preset === '') return '24x7';
  const extra = [
    state.holidays.length ? `${state.holidays.length} holiday rule${state.holidays.length === 1 ? '' : 's'}` : '',
    state.exclusions.length ? `${state.exclusions.length} maintenance window${state.exclusions.length === 1 ? '' : 's'}` : '',
  ].filter(Boolean);
  return `${state.hours || state.preset} in ${state.zone || 'UTC'}${extra.length ? ` (${extra.join(', ')})` : ''}`;
}

/**
 * A calendar state read from untrusted data (a link, a file): only strings, bounded.
 * @returns {CalendarState}
 */
export function cleanCalendar(raw, fallback = DEFAULT_CALENDAR) {
  const o = raw && typeof raw === 'object' ? raw : {};
  const text = (v, d) => (typeof v === 'string' ? v.slice(0, 2000) : d);
  const list = (v) => (Array.isArray(v) ? v.filter((x) => typeof x === 'string').slice(0, 1000).map((x) => x.slice(0, 200)) : []);
  return { preset: text(o.preset, fallback.preset), hours: text(o.hours, fallback.hours), zone: text(o.zone, fallback.zone), holidays: list(o.holidays), exclusions: list(o.exclusions) };
}

/** The calendar the core reads for a state: null for 24x7. */
export function calendarValue(state) {
  if (!state || state.preset === '' || state.preset === 'basis') return null;
  return { timeZone: state.zone.trim(), hours: state.hours || state.preset, holidays: state.holidays, exclusions: state.exclusions };
}

/** The hours text a preset puts in the field: its name, except that the maintenance window of
 *  "24x7-maintenance" goes in the maintenance field. */
const hoursOfPreset = (core, p) => {
  try {
    return core.hoursText(p === '24x7-maintenance' ? '24x7' : p);
  } catch {
    return p;
  }
};

/** @type {Promise<any> | undefined} */
let analysis;
/** The analysis module (pkg-analysis), for reading .ics files where the page's module cannot. */
function analysisModule() {
  if (!analysis) {
    const { core, ready } = coreFor('pkg-analysis');
    analysis = ready.then(() => core);
  }
  return analysis;
}

let zoneList;
/** One datalist of zone names per page, filled once. */
function zoneDatalist() {
  if (!zoneList) {
    zoneList = Object.assign(document.createElement('datalist'), { id: 'zone-names' });
    document.body.append(zoneList);
    zoneNames().then((names) => zoneList.replaceChildren(...names.map((n) => Object.assign(document.createElement('option'), { value: n }))));
  }
  return zoneList;
}

function el(tag, props = {}, ...children) {
  const e = Object.assign(document.createElement(tag), props);
  e.append(...children);
  return e;
}

/**
 * Builds an editor in `container`. `id` prefixes the ids of its fields; `basis` adds a first choice
 * "the same as <basis>"; `onChange` is called on every edit.
 * @param {HTMLElement} container
 * `zoneAlways` keeps the time zone in view on 24x7 too (where it still places local times), under
 * `zoneLabel`.
 * A page may give the `select` of counted hours it already shows (the calculator loads this module only
 * once hours are chosen).
 * @param {{ id: string, core: CalendarCore, state?: CalendarState, label?: string, basis?: string, zoneAlways?: boolean, zoneLabel?: string, select?: HTMLSelectElement, onChange: () => void }} options
 */
export function calendarEditor(container, { id, core, state = DEFAULT_CALENDAR, label = 'Counted hours', basis, zoneAlways = false, zoneLabel = 'Time zone', select, onChange }) {
  const choices = basis ? [['basis', `the same as ${basis}`], ...PRESETS] : PRESETS;
  const presetSelect = select ?? el('select', { id: `${id}-preset` });
  if (!select) {
    presetSelect.dataset.testid = `${id}-preset`;
    presetSelect.append(...choices.map(([value, text]) => el('option', { value, textContent: text })));
  }
  const hours = el('input', { id: `${id}-hours`, type: 'text', autocomplete: 'off', spellcheck: false, placeholder: 'Mon-Fri 08:00-18:00; Sat 09:00-12:30' });
  hours.dataset.testid = `${id}-hours`;
  const zone = el('input', { id: `${id}-zone`, type: 'text', autocomplete: 'off', spellcheck: false, placeholder: 'Europe/Berlin' });
  zone.setAttribute('list', zoneDatalist().id);
  zone.dataset.testid = `${id}-zone`;
  const holidays = el('textarea', { id: `${id}-holidays`, rows: 3, spellcheck: false });
  holidays.dataset.testid = `${id}-holidays`;
  const exclusions = el('textarea', { id: `${id}-exclusions`, rows: 2, spellcheck: false });
  exclusions.dataset.testid = `${id}-exclusions`;
  const ics = el('input', { id: `${id}-ics`, type: 'file', accept: '.ics,text/calendar' });
  ics.dataset.testid = `${id}-ics`;
  const icsStatus = el('p', { id: `${id}-ics-status`, className: 'hint' });
  icsStatus.setAttribute('role', 'status');
  const general = el('p', { id: `${id}-calendar-error`, className: 'error', hidden: true });
  general.dataset.testid = `${id}-calendar-error`;
  const note = el('p', { id: `${id}-calendar-note`, className: 'hint', hidden: true });
  note.setAttribute('role', 'status');
  const more = el(
    'details',
    { className: 'calendar-more' },
    el('summary', { textContent: 'Holidays and maintenance windows' }),
    el('label', { htmlFor: holidays.id, textContent: 'Holidays, one a line' }),
    holidays,
    el('p', { className: 'hint', id: `${id}-holidays-hint`, textContent: '2026-12-25; 2026-12-24..2026-12-26; 12-25 every year; 4th thu of nov; last mon of may; easter-2. No service hours start on a holiday.' }),
    el('label', { className: 'file', htmlFor: ics.id, textContent: 'Import holidays from an iCalendar (.ics) file' }),
    ics,
    icsStatus,
    el('label', { htmlFor: exclusions.id, textContent: 'Maintenance windows (not counted), one a line' }),
    exclusions,
    el('p', { className: 'hint', id: `${id}-exclusions-hint`, textContent: 'sun 02:00-04:00; 1st sat 22:00-02:00; daily 01:00-01:30; 2026-03-01T02:00/2026-03-01T04:00.' }),
  );
  const zoneBox = el(
    'div',
    { className: 'calendar-zone' },
    el('label', { htmlFor: zone.id, textContent: zoneLabel }),
    zone,
    el('p', { className: 'hint', id: `${id}-zone-hint`, textContent: 'An IANA name such as Europe/Berlin or America/New_York; type to search.' }),
  );
  const details = el(
    'div',
    { className: 'calendar-details' },
    el('label', { htmlFor: hours.id, textContent: 'Service hours' }),
    hours,
    el('p', { className: 'hint', id: `${id}-hours-hint`, textContent: 'Days, then hours: Mon-Fri 08:00-18:00; Sat 09:00-12:30. Sun 22:00-06:00 runs overnight and belongs to the day it starts.' }),
    ...(zoneAlways ? [] : [zoneBox]),
    more,
  );
  hours.setAttribute('aria-describedby', `${id}-hours-hint`);
  zone.setAttribute('aria-describedby', `${id}-zone-hint`);
  holidays.setAttribute('aria-describedby', `${id}-holidays-hint`);
  exclusions.setAttribute('aria-describedby', `${id}-exclusions-hint`);
  if (select) container.append(details, ...(zoneAlways ? [zoneBox] : []), note, general);
  else container.replaceChildren(el('label', { htmlFor: presetSelect.id, textContent: label }), presetSelect, details, ...(zoneAlways ? [zoneBox] : []), note, general);

  /** The preset whose text `text` is, else "custom". */
  const presetOf = (text) => {
    const t = text.trim().toLowerCase();
    const found = PRESETS.find(([value]) => value && value !== 'custom' && value === t);
    if (found) return found[0];
    try {
      const mine = core.hoursText(text);
      return PRESETS.find(([value]) => value && value !== 'custom' && value !== '24x7-maintenance' && core.hoursText(value) === mine)?.[0] ?? 'custom';
    } catch {
      return 'custom';
    }
  };

  const show = () => {
    const p = presetSelect.value;
    details.hidden = p === '' || p === 'basis';
    if (holidays.value.trim() || exclusions.value.trim()) more.open = true;
    more.querySelector('summary').textContent =
      'Holidays and maintenance windows' + (lines(holidays.value).length + lines(exclusions.value).length ? ` (${lines(holidays.value).length} + ${lines(exclusions.value).length})` : '');
  };

  const editor = {
    /** @returns {CalendarState} */
    state: () => ({ preset: presetSelect.value, hours: hours.value, zone: zone.value, holidays: lines(holidays.value), exclusions: lines(exclusions.value) }),
    /** @param {CalendarState} s */
    set(s) {
      const c = cleanCalendar(s);
      presetSelect.value = ['', 'basis', '24x7-maintenance'].includes(c.preset) ? c.preset : c.hours ? presetOf(c.hours) : choices.some(([v]) => v === c.preset) ? c.preset : '';
      const named = presetSelect.value && presetSelect.value !== 'custom' && presetSelect.value !== 'basis';
      // A preset's name in a link shows as its hours: "8x5" as "Mon-Fri 09:00-17:00".
      const isName = !c.hours.trim() || c.hours.trim().toLowerCase() === presetSelect.value;
      hours.value = named && isName ? hoursOfPreset(core, presetSelect.value) : c.hours;
      if (presetSelect.value === '24x7-maintenance' && !c.exclusions.length) c.exclusions = core.calendarPreset('24x7-maintenance')?.exclusions ?? [];
      zone.value = c.zone;
      holidays.value = c.holidays.join('\n');
      exclusions.value = c.exclusions.join('\n');
      show();
    },
    /** The calendar for the core, or null for 24x7 (and for "the same as the basis", which the page resolves). */
    value: () => calendarValue(editor.state()),
    /** Whether the editor stands for the basis's hours. */
    isBasis: () => presetSelect.value === 'basis',
    /** Clears what the editor shows of errors. */
    clearErrors() {
      for (const input of [hours, zone, holidays, exclusions]) showError(input, '');
      general.hidden = true;
      note.hidden = true;
    },
    /**
     * Shows a calendar error (field "calendar") next to its part; returns false for other errors.
     * @param {{ message?: string, code?: string, field?: string, part?: string }} e
     */
    showError(e) {
      if (e.field !== 'calendar') return false;
      const part = e.part ?? '';
      const line = /\[(\d+)\]$/.exec(part);
      const text = words(e);
      if (part === 'timeZone') showError(zone, text);
      else if (part === 'hours' || part.startsWith('weekly') || part === 'preset') showError(hours, text);
      else if (part.startsWith('holidays')) {
        more.open = true;
        showError(holidays, line ? `Line ${Number(line[1]) + 1}: ${text}` : text);
      } else if (part.startsWith('exclusions')) {
        more.open = true;
        showError(exclusions, line ? `Line ${Number(line[1]) + 1}: ${text}` : text);
      } else {
        general.textContent = sentence(text);
        general.hidden = false;
      }
      return true;
    },
    /**
     * Whether the calendar's zone can be used now: "ready"; "failed" (an empty or unknown zone, shown next
     * to the zone field); or "loading", in which case `then` is called once it has loaded or failed.
     * @param {() => void} then
     * @returns {'ready' | 'loading' | 'failed'}
     */
    zoneState(then) {
      const value = editor.value();
      if (!value || zoneReady(core, value.timeZone)) return 'ready';
      const failure = zoneFailure(value.timeZone);
      if (failure) {
        editor.showError(failure);
        return 'failed';
      }
      const wanted = value.timeZone;
      note.textContent = `Loading the time zone ${wanted}…`;
      note.hidden = false;
      loadZone(core, wanted)
        .catch(() => {})
        .then(() => {
          if (editor.value()?.timeZone === wanted) then();
        });
      return 'loading';
    },
    presetSelect,
    hoursInput: hours,
    zoneInput: zone,
  };

  presetSelect.addEventListener('change', () => {
    const p = presetSelect.value;
    if (p && p !== 'custom' && p !== 'basis') {
      hours.value = hoursOfPreset(core, p);
      const maintenance = core.calendarPreset('24x7-maintenance')?.exclusions ?? [];
      const kept = lines(exclusions.value).filter((x) => !maintenance.includes(x));
      exclusions.value = [...kept, ...(core.calendarPreset(p)?.exclusions ?? [])].join('\n');
    } else if (p === 'custom') {
      // A starting point to edit, in the form the field takes.
      try {
        hours.value = core.hoursText(hours.value.trim() || '8x5');
      } catch {
        hours.value = hours.value.trim() || 'Mon-Fri 09:00-17:00';
      }
    }
    if (!zone.value.trim()) zone.value = 'UTC';
    show();
    onChange();
  });
  hours.addEventListener('input', () => {
    const p = presetOf(hours.value);
    if (presetSelect.value !== p && presetSelect.value !== '24x7-maintenance') presetSelect.value = p;
    onChange();
  });
  for (const input of [zone, holidays, exclusions]) input.addEventListener('input', () => {
    show();
    onChange();
  });
  ics.addEventListener('change', async () => {
    const file = ics.files?.[0];
    icsStatus.classList.remove('error');
    if (!file) return;
    try {
      if (file.size > 2 * 1024 * 1024) throw new Error(`${file.name} is ${Math.round(file.size / 1024)} KB: at most 2 048 KB of iCalendar text is read.`);
      // The calculator's small module has no iCalendar reader: the analysis module has, loaded once.
      const reader = core.importIcs ? core : await analysisModule();
      const { holidays: found, skipped } = reader.importIcs(await file.text());
      const current = lines(holidays.value);
      const added = found.map((h) => h.rule).filter((r) => !current.includes(r));
      holidays.value = [...current, ...added].join('\n');
      const notes = skipped.map((k) => `line ${k.line}${k.name ? ` (${k.name})` : ''}: ${k.reason}`);
      icsStatus.textContent =
        `Imported ${added.length} holiday${added.length === 1 ? '' : 's'} from ${file.name}` +
        (found.length > added.length ? ` (${found.length - added.length} already listed)` : '') +
        (notes.length ? `; skipped ${notes.length}: ${notes.join('; ')}.` : '.');
      show();
      onChange();
    } catch (e) {
      icsStatus.textContent = words(e);
      icsStatus.classList.add('error');
    } finally {
      ics.value = '';
    }
  });
  editor.set(state);
  return editor;
}

/** Writes a calendar state into a link's parameters: `h` (24x7, a preset's name or the hours), `tz`,
 *  and a `hol` and an `excl` for each holiday rule and maintenance window. */
export function calendarToLink(q, state) {
  q.set('h', state.preset === 'custom' ? state.hours || 'custom' : state.preset || '24x7');
  q.set('tz', state.zone);
  for (const h of state.holidays) q.append('hol', h);
  for (const x of state.exclusions) q.append('excl', x);
}

/**
 * The calendar state a link's parameters hold (see calendarToLink), read as untrusted text.
 * @returns {CalendarState}
 */
export function calendarFromLink(q) {
  const h = q.get('h') ?? '24x7';
  const named = ['8x5', '12x5', '24x5', '24x7-maintenance'];
  return cleanCalendar({
    preset: h === '24x7' ? '' : named.includes(h) ? h : 'custom',
    hours: h === '24x7' || named.includes(h) || h === 'custom' ? '' : h,
    zone: q.get('tz') ?? 'UTC',
    holidays: q.getAll('hol'),
    exclusions: q.getAll('excl'),
  });
}
