// The calculator's deadline mode: a ticket opened at an instant, with a goal of so many hours of service,
// is due when the service hours above have run that long; read at another instant, it has used some and has
// the rest left. Loaded when asked for (or when the link holds a deadline); it runs on the analysis module,
// and the fields live in the link's fragment (#opened=...&within=...&at=...).
import { coreFor } from './core.js';
import { calendarValue } from './calendar-editor.js';
import { clearErrors, showError, words } from './fields.js';
import { $, el } from './util.js';
import { loadZone, zoneFailure } from './zones.js';

const { core, ready } = coreFor('pkg-analysis');
const FIELDS = [
  ['opened', 'Opened at', 'an instant such as 2026-03-06 16:30, local in the time zone of the hours, or with an offset (Z, +01:00)'],
  ['within', 'Due within', 'service time such as 4 h, 1 h 30 min or PT8H'],
  ['at', 'Read at (optional)', 'another instant, to see the service time used and left; empty for now'],
];

/** "Monday 9 March 2026, 10:30" from a local ISO date and time. */
function spoken(local) {
  const d = new Date(`${local.slice(0, 19)}Z`);
  const day = d.toLocaleDateString('en-GB', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  return `${day}, ${local.slice(11, 16)}`;
}

/**
 * Shows the deadline form in `box` and works the deadline out on the hours of `calendarState()` whenever a
 * field or the calculator's hours change.
 * @param {HTMLElement} box
 * @param {() => { preset: string, hours: string, zone: string, holidays: string[], exclusions: string[] }} calendarState
 */
export async function openDeadline(box, calendarState) {
  const form = el('div', { className: 'deadline-form' });
  const linked = new URLSearchParams(location.hash.slice(1));
  for (const [name, label, hint] of FIELDS) {
    const input = el('input', { id: `deadline-${name}`, type: 'text', autocomplete: 'off', spellcheck: false, value: (linked.get(name) ?? (name === 'within' ? '4 h' : '')).slice(0, 200) });
    input.dataset.testid = `deadline-${name}`;
    input.setAttribute('aria-describedby', `deadline-${name}-hint`);
    form.append(el('div', { className: 'field' }, el('label', { htmlFor: input.id, textContent: label }), input, el('p', { id: `deadline-${name}-hint`, className: 'hint', textContent: `${hint[0].toUpperCase()}${hint.slice(1)}.` })));
  }
  const result = el('div', { id: 'deadline-result', role: 'status' });
  result.dataset.testid = 'deadline-result';
  box.querySelector('#deadline-open')?.remove();
  box.append(form, result);
  $('deadline-opened').focus();
  await ready;

  let timer;
  const work = async () => {
    clearErrors(form);
    const [opened, within, at] = FIELDS.map(([name]) => $(`deadline-${name}`).value.trim());
    const q = new URLSearchParams({ opened, within, ...(at ? { at } : {}) });
    if (location.hash.slice(1) !== q.toString()) history.replaceState(null, '', `${location.pathname}${location.search}#${q}`);
    if (!opened) {
      result.replaceChildren(el('p', { className: 'hint', textContent: 'Type when the ticket was opened to see when it is due.' }));
      return;
    }
    const state = calendarState();
    const zone = state.zone.trim() || 'UTC';
    const failure = zoneFailure(zone);
    if (failure) {
      result.replaceChildren(el('p', { className: 'error', textContent: `${words(failure)} (the time zone of the service hours above)` }));
      return;
    }
    await loadZone(core, zone);
    const calendar = new core.ServiceCalendar(calendarValue(state) ?? { timeZone: zone, preset: '24x7' });
    try {
      let start;
      try {
        start = calendar.addServiceTime(opened, 0);
      } catch (e) {
        return showError($('deadline-opened'), words(e).replace(/^The start /, ''));
      }
      let due;
      try {
        due = calendar.addServiceTime(opened, within);
      } catch (e) {
        return showError($('deadline-within'), words(e).replace(/^The duration /, ''));
      }
      const goal = Number(core.durationSeconds(within));
      const clock = core.durationText(String((Date.parse(due.utc) - Date.parse(start.utc)) / 1000));
      const lines = [
        `Due ${spoken(due.local)} (${calendar.timeZone}): ${core.durationText(String(goal))} of ${calendar.summary} after ${spoken(start.local)}; ${clock} later on the clock.`,
      ];
      const readAt = at || new Date().toISOString();
      let used;
      try {
        used = calendar.serviceTime(opened, readAt);
      } catch (e) {
        if (e.code === 'reversed_interval') return showError($('deadline-at'), 'This is before the ticket was opened.');
        return showError($('deadline-at'), words(e).replace(/^The end /, ''));
      }
      const left = goal - Number(used.seconds);
      const when = at ? `At ${at}` : 'Now';
      lines.push(
        left >= 0
          ? `${when}: ${used.text} of service time used, ${core.durationText(String(left))} left (${goal ? Math.ceil((Number(used.seconds) * 10_000) / goal) / 100 : 0}% of the goal, rounded up).`
          : `${when}: ${used.text} of service time used, ${core.durationText(String(-left))} past the goal: breached.`,
      );
      result.replaceChildren(...lines.map((textContent, i) => el('p', { className: i && left < 0 ? 'sentence error' : 'sentence', textContent })));
    } finally {
      calendar.free();
    }
  };
  const soon = () => {
    clearTimeout(timer);
    timer = setTimeout(() => work().catch((e) => result.replaceChildren(el('p', { className: 'error', textContent: words(e) }))), 80);
  };
  form.addEventListener('input', soon);
  // The calculator's hours: their fields are in its form; some changes (an .ics import) come later.
  $('calculator').addEventListener('input', soon);
  $('calculator').addEventListener('change', soon);
  soon();
}
