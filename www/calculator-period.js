// The calculator's period picker: the friendliest control for each kind of period, and the period text the
// core reads. A count or a year that cannot be a period is explained here, in the picker's own terms.
import { $ } from './util.js';

const kindSelect = /** @type {HTMLSelectElement} */ ($('period-kind'));
let fallback = 'P14D';

/** The ISO date after `date` (YYYY-MM-DD); the range's end is excluded in the core. */
function nextDay(date) {
  const d = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return date;
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

function previousDay(date) {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

function isDate(s) {
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

const value = (id) => /** @type {HTMLInputElement} */ ($(id)).value;

/**
 * What is wrong with the picker's own fields, in its terms, before the core is asked: an empty or
 * negative count, a year that is not a year. Null when the core should judge.
 * @returns {{ input: string, message: string } | null}
 */
export function periodProblem() {
  const kind = kindSelect.value;
  if (kind === 'fixed') {
    const count = value('period-count').trim();
    const unit = /** @type {HTMLSelectElement} */ ($('period-unit')).selectedOptions[0]?.textContent ?? 'days';
    if (!count) return { input: 'period-count', message: `Type how many ${unit} the period lasts, such as 14.` };
    if (!/^\d{1,7}$/.test(count) || Number(count) === 0) return { input: 'period-count', message: `“${count}” is not a number of ${unit}: type a whole number, 1 or more.` };
  }
  for (const [k, id] of [['quarter', 'period-quarter-year'], ['year', 'period-year']]) {
    if (kind !== k) continue;
    const year = value(id).trim();
    if (!/^\d{1,4}$/.test(year) || Number(year) === 0) return { input: id, message: year ? `“${year}” is not a year: type one such as 2026.` : 'Type a year, such as 2026.' };
  }
  if (kind === 'month' && !value('period-month')) return { input: 'period-month', message: 'Choose a month.' };
  if (kind === 'week' && !value('period-week').trim()) return { input: 'period-week', message: 'Choose a week, such as 2026-W09.' };
  if (kind === 'range' && (!value('period-from') || !value('period-to'))) return { input: value('period-from') ? 'period-to' : 'period-from', message: 'Choose the first and the last day.' };
  if (kind === 'range' && value('period-to') < value('period-from')) return { input: 'period-to', message: `The last day (${value('period-to')}) is before the first day (${value('period-from')}).` };
  if (kind === 'code' && !value('period-code').trim()) return { input: 'period-code', message: 'Type a period, such as month, P14D or 2026-02.' };
  return null;
}

/** The period text for the core, from whichever period controls are showing. */
export function periodText() {
  switch (kindSelect.value) {
    case 'average':
      return value('period-average');
    case 'fixed': {
      const unit = value('period-unit');
      const count = value('period-count').trim();
      return unit === 'H' || unit === 'M' ? `PT${count}${unit}` : `P${count}${unit}`;
    }
    case 'month':
      return value('period-month');
    case 'quarter':
      return `${value('period-quarter-year').trim().padStart(4, '0')}-Q${value('period-quarter')}`;
    case 'year':
      return value('period-year').trim();
    case 'week':
      return value('period-week').trim();
    case 'range': {
      const from = value('period-from');
      const to = value('period-to');
      return from && to ? `${from}/${nextDay(to)}` : from || to ? `${from}/${to}` : '';
    }
    default:
      return value('period-code');
  }
}

/** The input a period error is shown next to: the visible control of the chosen kind. */
export function periodInput() {
  return {
    average: 'period-average', fixed: 'period-count', month: 'period-month', quarter: 'period-quarter-year',
    year: 'period-year', week: 'period-week', range: 'period-to', code: 'period-code',
  }[kindSelect.value] ?? 'period-code';
}

/** Remembers the last period typed, to start the text field from. */
export function rememberPeriod(text) {
  if (text) fallback = text;
}

const set = (id, v) => (/** @type {HTMLInputElement} */ ($(id)).value = v);

/** Sets the period controls to show `text`, choosing the friendliest picker that can hold it. */
export function showPeriod(text) {
  let m;
  const t = text.trim();
  if (/^(day|week|month|quarter|year)$/i.test(t)) {
    kindSelect.value = 'average';
    set('period-average', t.toLowerCase());
  } else if ((m = /^P(\d+)([DW])$/i.exec(t)) || (m = /^PT(\d+)([HM])$/i.exec(t))) {
    kindSelect.value = 'fixed';
    set('period-count', m[1]);
    set('period-unit', m[2].toUpperCase());
  } else if (/^\d{4}-(0[1-9]|1[0-2])$/.test(t)) {
    kindSelect.value = 'month';
    set('period-month', t);
  } else if ((m = /^(\d{4})-Q([1-4])$/i.exec(t))) {
    kindSelect.value = 'quarter';
    set('period-quarter-year', String(Number(m[1])));
    set('period-quarter', m[2]);
  } else if (/^\d{4}$/.test(t) && t !== '0000') {
    kindSelect.value = 'year';
    set('period-year', String(Number(t)));
  } else if (/^\d{4}-W(0[1-9]|[1-4]\d|5[0-3])$/i.test(t)) {
    kindSelect.value = 'week';
    set('period-week', t.toUpperCase());
  } else if ((m = /^(\d{4}-\d{2}-\d{2})\/(\d{4}-\d{2}-\d{2})$/.exec(t)) && m[2] > m[1] && isDate(m[1]) && isDate(m[2])) {
    kindSelect.value = 'range';
    set('period-from', m[1]);
    set('period-to', previousDay(m[2]));
  } else {
    kindSelect.value = 'code';
    set('period-code', text);
  }
  showKind();
}

function isoWeek(date) {
  const d = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  const day = d.getUTCDay() || 7;
  d.setUTCDate(d.getUTCDate() + 4 - day);
  const yearStart = Date.UTC(d.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((d.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${d.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

/** Shows the controls of the chosen kind of period, filling sensible defaults from today. */
export function showKind() {
  const kind = kindSelect.value;
  for (const el of document.querySelectorAll('.kind')) /** @type {HTMLElement} */ (el).hidden = /** @type {HTMLElement} */ (el).dataset.kind !== kind;
  const today = new Date();
  const year = today.getUTCFullYear();
  const iso = today.toISOString();
  if (kind === 'month' && !value('period-month')) set('period-month', iso.slice(0, 7));
  if (kind === 'quarter' && !value('period-quarter-year')) {
    set('period-quarter-year', String(year));
    set('period-quarter', String(Math.floor(today.getUTCMonth() / 3) + 1));
  }
  if (kind === 'year' && !value('period-year')) set('period-year', String(year));
  if (kind === 'week' && !value('period-week')) set('period-week', isoWeek(today));
  if (kind === 'range' && !value('period-from') && !value('period-to')) {
    set('period-from', `${iso.slice(0, 7)}-01`);
    set('period-to', `${iso.slice(0, 7)}-14`);
  }
  if (kind === 'code' && !value('period-code')) set('period-code', fallback);
}
