// The table of common targets: by day, week, month, quarter and year on 24x7, or by week, month, quarter
// and year of the service hours chosen; the last column is the period chosen, on the same hours.
import { coreFor } from './core.js';
import { $, el } from './util.js';

const { budget, serviceTable, table } = coreFor('pkg').core;

/** Groups the whole part of a decimal string in threes: "2629746.5" -> "2 629 746.5". */
export function grouped(decimal) {
  const [whole, frac] = decimal.split('.');
  const g = whole.replace(/\B(?=(\d{3})+(?!\d))/g, '\u202f');
  return frac ? `${g}.${frac}` : g;
}

/** Keeps each number with its unit when a duration wraps: "14 min 24 s" breaks only between parts. */
export function keepUnits(text) {
  return text.replace(/(\d) /g, '$1\u00a0');
}

/** What the table, and its last column, were made for. */
let shownFor = null;
let chosenFor = null;

/**
 * Shows the table for `calendar` (null for 24x7), with the chosen period's column when `period` is good;
 * works out only what changed.
 * @param {{ calendar: any, period: string | null, label: string | null, target: string }} p
 */
export function showTable({ calendar, period, label, target }) {
  const key = JSON.stringify(calendar);
  if (shownFor !== key) {
    let t;
    try {
      t = calendar ? serviceTable(calendar) : table();
    } catch {
      return;
    }
    shownFor = key;
    chosenFor = null;
    const names = { day: 'Day', week: 'Week', month: 'Month', quarter: 'Quarter', year: 'Year' };
    $('targets').querySelector('thead tr').replaceChildren(
      el('th', { scope: 'col', textContent: 'Target' }),
      ...t.periods.map((p) => el('th', { scope: 'col', textContent: names[p.period], title: p.label })),
      el('th', { scope: 'col', id: 'chosen-period-head', textContent: 'Chosen period' }),
    );
    $('targets').querySelector('tbody').replaceChildren(
      ...t.rows.map((row) => {
        const tr = el('tr');
        tr.dataset.row = row.target;
        const use = el('button', { type: 'button', className: 'link', textContent: `${row.target}%` });
        use.dataset.target = row.target;
        use.setAttribute('aria-label', `Use ${row.target}%`);
        tr.append(el('th', { scope: 'row' }, use), ...row.cells.map((c) => el('td', { textContent: keepUnits(c.text), title: `${grouped(c.seconds)} s` })), el('td', { className: 'chosen' }));
        return tr;
      }),
    );
    $('table-hint').textContent = calendar
      ? `Allowed downtime by target on the service hours chosen (${t.periods[0].label}; month, quarter and year in average weeks); the last column is the period chosen above. Choose a target to use it.`
      : 'Allowed downtime by target and period, on 24x7. Month, quarter and year are Gregorian averages; the last column is the period chosen above. Choose a target to use it.';
  }
  $('chosen-period-head').textContent = label ?? 'Chosen period';
  const wanted = target.trim().replace(/%$/, '');
  const column = `${key} ${period}`;
  const fill = chosenFor !== column;
  chosenFor = column;
  for (const tr of $('targets').querySelectorAll('tbody tr')) {
    if (fill) {
      let text = '–';
      if (period) {
        try {
          const b = budget({ target: tr.dataset.row, period, calendar });
          text = keepUnits(b.service ? b.service.allowedDowntime : b.allowedDowntime);
        } catch {
          chosenFor = null;
        }
      }
      tr.querySelector('.chosen').textContent = text;
    }
    if (tr.dataset.row === wanted) tr.setAttribute('aria-current', 'true');
    else tr.removeAttribute('aria-current');
  }
}
