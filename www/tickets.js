// The tickets page: a help desk's SLA (goals per priority, service hours, pauses, OLAs) and a ticket export;
// the worker measures them, and the page shows the verdict, each period, the time to resolve, the groups and
// the callers' experience, with exports. The page's thread never parses the export; the link holds the SLA.
import { readAmount, readNumber } from './amount.js';
import { coreFor } from './core.js';
import { calendarEditor, calendarFromLink, calendarToLink, calendarValue, calendarWords } from './calendar-editor.js';
import { clearErrors, showError, words } from './fields.js';
import { dropZone } from './files.js';
import { $, copy, count, csvField, download, el, linkWriter, svg } from './util.js';
import { measureSoon, measuringWorker } from './measuring-worker.js';
import { zoneFailure } from './zones.js';

const { core, ready, onRestart } = coreFor('pkg');
/** @type {ReturnType<typeof calendarEditor>} */
let editor;
/** Reads and measures the tickets off the page's thread. */
const worker = measuringWorker(new URL('tickets-worker.js', import.meta.url), 'tk', {
  progress: (data) => `Reading ${(data.done / 1e6).toFixed(1)} of ${(data.total / 1e6).toFixed(1)} MB: ${count(data.tickets, 'ticket')} so far`,
  report: show,
  failed,
  crashed: 'The tickets could not be measured: the browser stopped the worker (it may have run out of memory). Try a smaller export.',
});
/** The last result shown: { report, quarters, sla, name, ms }. */
let last;
/** The tickets to measure: { text } or { file }. */
let source;
/** The export's columns named in the columns step, { role: header }; the others are read from their headers. */
let mapping = {};
/** What a column may hold, as the columns step names it. */
const ROLES = [
  ['id', 'Ticket id'],
  ['priority', 'Priority'],
  ['category', 'Category or service'],
  ['opened', 'Opened'],
  ['responded', 'First response'],
  ['resolved', 'Resolved'],
  ['closed', 'Closed (the resolution where no column holds it)'],
  ['at', 'Time of a change (a history)'],
  ['state', 'State entered (a history)'],
  ['group', 'Assignment group'],
  ['score', 'Satisfaction score'],
  ['lost', 'Time lost'],
  ['metric', 'Metric (Zendesk events)'],
  ['event', 'Event type (Zendesk events)'],
  ['sla', 'SLA definition (ServiceNow task SLAs)'],
  ['stage', 'Stage (task SLAs)'],
  ['stopped', 'End time (task SLAs)'],
  ['paused', 'Pause duration (task SLAs)'],
  ['businessPaused', 'Business pause duration (task SLAs)'],
];
const MAX_BYTES = 512 * 1024 * 1024;
const STALE = 'Showing the last result: correct what is marked in red to measure again.';

/** The goals a new page starts with: a common internal help desk's. */
const DEFAULT_GOALS = [
  ['P1', '15 min', '4 h', '24x7'],
  ['P2', '1 h', '8 h', 'hours'],
  ['P3', '4 h', '30 h', 'hours'],
  ['P4', '10 h', '100 h', 'hours'],
];
const DEFAULT_CALENDAR = {
  preset: 'custom',
  hours: 'Mon-Fri 08:00-18:00',
  zone: 'Europe/Berlin',
  holidays: ['2026-01-01', '2026-04-03', '2026-04-06', '2026-05-01', '2026-05-14', '2026-05-25', '2026-12-25', '2026-12-26'],
  exclusions: [],
};
const DEFAULT_OLAS = 'Service Desk, 4 h\nNetwork, 20 h\nApplications, 20 h\nDatabase, 20 h\nWorkplace, 20 h';

// ---- The goals' rows ----

let rowCount = 0;
/** Adds a goal row: priority, response, resolution, counted on ("hours" or "24x7"), category. */
function addGoal([priority, response, resolution, counted, category = ''] = ['', '', '', 'hours']) {
  const n = ++rowCount;
  const input = (part, value, label) =>
    el('input', { id: `tk-goal-${n}-${part}`, type: 'text', value, autocomplete: 'off', spellcheck: false, className: `goal-${part}`, ariaLabel: label });
  const select = el('select', { id: `tk-goal-${n}-counted`, className: 'goal-counted', ariaLabel: 'Counted on' });
  select.append(el('option', { value: 'hours', textContent: 'hours' }), el('option', { value: '24x7', textContent: '24x7' }));
  select.value = counted === '24x7' ? '24x7' : 'hours';
  const remove = el('button', { type: 'button', className: 'remove-goal', textContent: '×' });
  const tr = el('tr');
  const p = input('priority', priority, 'Priority');
  const c = input('category', category, '');
  c.placeholder = 'category';
  const [respond, resolve] = [input('response', response, ''), input('resolution', resolution, '')];
  // Each field says which priority (and category) it is for, as they are renamed.
  const name = () => {
    const of = (p.value.trim() || 'this priority') + (c.value.trim() ? ` in ${c.value.trim()}` : '');
    remove.ariaLabel = remove.title = `Remove the goals of ${of}`;
    c.ariaLabel = `Category, ${p.value.trim() || 'this priority'} (empty: every category without a goal of its own)`;
    respond.ariaLabel = `Respond within, ${of}`;
    resolve.ariaLabel = `Resolve within, ${of}`;
  };
  name();
  p.addEventListener('input', name);
  c.addEventListener('input', name);
  remove.addEventListener('click', () => {
    const rows = [...$('tk-goals').querySelectorAll('tbody tr')];
    const next = rows[rows.indexOf(tr) + 1] ?? rows[rows.indexOf(tr) - 1];
    tr.remove();
    (next?.querySelector('input') ?? $('tk-goal-add')).focus();
    soon();
  });
  // The category sits under the priority, so that the row fits a phone.
  tr.append(el('td', {}, p, c));
  for (const child of [respond, resolve, select, remove]) tr.append(el('td', {}, child));
  $('tk-goals').querySelector('tbody').append(tr);
  return tr;
}

/** The goal rows as typed: [priority, response, resolution, counted, row, category]. */
function goalRows() {
  return [...$('tk-goals').querySelectorAll('tbody tr')].map((tr) => [
    tr.querySelector('.goal-priority').value.trim(),
    tr.querySelector('.goal-response').value.trim(),
    tr.querySelector('.goal-resolution').value.trim(),
    tr.querySelector('.goal-counted').value,
    tr,
    tr.querySelector('.goal-category').value.trim(),
  ]);
}

/** A goal's name as the core gives it in results: "P2", or "P2 in Payroll". */
const goalName = (g) => (g.category ? `${g.priority} in ${g.category}` : g.priority);

// ---- The columns step ----

/** Shows the export's columns (`names`) and, for each role, the column read as it (`reads`: { role: header };
 *  null where the export could not be read, so that only the columns named here are known). */
function showColumns(names, reads, open = false) {
  const box = $('tk-columns-box');
  box.hidden = !names.length;
  if (!names.length) return;
  if (open) box.open = true;
  const grid = $('tk-columns');
  // The selects are made again only for other columns, so that the one in use keeps its focus.
  if (grid.dataset.names !== JSON.stringify(names)) {
    grid.dataset.names = JSON.stringify(names);
    grid.replaceChildren(
      ...ROLES.map(([role, label]) => {
        const select = el('select', { id: `tk-col-${role}`, className: 'column-role' });
        select.dataset.role = role;
        select.append(el('option', { value: '', textContent: 'none' }), ...names.map((n) => el('option', { value: n, textContent: n })));
        return el('div', { className: 'column-field' }, el('label', { htmlFor: select.id, textContent: label }), select);
      }),
    );
  }
  for (const select of grid.querySelectorAll('select')) {
    const role = /** @type {HTMLSelectElement} */ (select).dataset.role ?? '';
    /** @type {HTMLSelectElement} */ (select).value = mapping[role] ?? reads?.[role] ?? '';
  }
  const named = Object.keys(mapping).length;
  const read = ROLES.filter(([role]) => mapping[role] ?? reads?.[role]).length;
  $('tk-columns-title').textContent = reads
    ? `Columns of the export: ${count(names.length, 'column')}, ${read} of ${ROLES.length} kinds found${named ? `, ${named} named here` : ''}`
    : `Columns of the export: ${count(names.length, 'column')}; the export cannot be read as they are named${named ? ` (${named} named here)` : ''}: choose at least the ticket id, and when tickets were opened or the time and state of each change`;
}

/** A column chosen in the columns step: the export is read again with it. */
function chooseColumn(select) {
  const role = select.dataset.role;
  if (select.value) mapping[role] = select.value;
  else delete mapping[role];
  run();
}

// ---- The SLA the core reads ----

const list = (text, by) => text.split(by).map((s) => s.trim()).filter(Boolean);

/** The OLA lines typed, each "group, duration"; a line without a comma is shown as an error. */
function olas() {
  const out = [];
  const problems = [];
  $('tk-olas').value.split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    const at = line.lastIndexOf(',');
    if (at < 0) problems.push(`Line ${i + 1}: write the group, a comma and its time, such as Service Desk, 4 h.`);
    else out.push({ group: line.slice(0, at).trim(), resolution: line.slice(at + 1).trim(), line: i + 1 });
  });
  return { olas: out, problems };
}

/** The credit tiers typed, each "when: percent" (a colon, as a comma may be a decimal sign); the percent
 *  read in the reader's locale; a line that cannot be read is shown as an error. */
function tiers() {
  const out = [];
  const problems = [];
  $('tk-tiers').value.split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    const at = line.lastIndexOf(':');
    const percent = at < 0 ? null : readNumber(line.slice(at + 1).trim().replace(/\s*%$/, ''), { decimals: 6 });
    if (!percent || !('value' in percent)) problems.push(`Line ${i + 1}: write the share, a colon and the credit in %, such as < 95 and >= 90: 5.`);
    else out.push({ when: line.slice(0, at).trim(), percent: percent.value, line: i + 1 });
  });
  return { tiers: out, problems };
}

/** The credits asked for: null without charges or a fee; { problems } when they cannot be read. */
function penalty() {
  const [chargesText, feeText] = [$('tk-charges').value.trim(), $('tk-fee').value.trim()];
  if (!chargesText && !feeText) return null;
  const currency = $('tk-currency').value.trim().toUpperCase() || 'EUR';
  const problems = [];
  /** @type {Record<string, any>} */
  const out = { currency };
  if (chargesText) {
    const charges = readAmount(chargesText, { currency });
    const t = tiers();
    if ('value' in charges) out.charges = charges.value;
    else problems.push(['tk-charges', charges.error]);
    if (t.problems.length) problems.push(['tk-tiers', t.problems.join(' ')]);
    else if (!t.tiers.length) problems.push(['tk-tiers', 'Give at least one tier, such as < 95: 5.']);
    out.schedule = { name: 'Help-desk credits', target: $('tk-target').value.trim(), tiers: t.tiers.map(({ when, percent }) => ({ when, percent: Number(percent) })) };
  }
  if (feeText) {
    const fee = readAmount(feeText, { currency });
    if ('value' in fee) out.feePerBreach = fee.value;
    else problems.push(['tk-fee', fee.error]);
  }
  return problems.length ? { problems } : out;
}

/** The SLA typed, as the core reads it. */
function sla() {
  const state = editor.state();
  const hours = calendarValue(state);
  const credits = penalty();
  return {
    goals: goalRows().map(([priority, response, resolution, counted, , category]) => ({
      priority,
      ...(category ? { category } : {}),
      ...(response ? { response } : {}),
      ...(resolution ? { resolution } : {}),
      calendar: counted === 'hours' ? hours : null,
    })),
    pauseStates: list($('tk-pause').value, ','),
    resetStates: list($('tk-reset').value, ','),
    reopen: $('tk-reopen').value,
    attainment: $('tk-target').value.trim(),
    ...($('tk-warning').value.trim() ? { warning: $('tk-warning').value.trim() } : {}),
    timeZone: state.zone.trim() || 'UTC',
    olas: olas().olas.map(({ group, resolution }) => ({ group, resolution })),
    scoreScale: $('tk-scale').value,
    ...(credits && !credits.problems ? { penalty: credits } : {}),
  };
}

// ---- Results and errors ----

function stale(why) {
  $('tk-stale').hidden = !why || !last;
  $('tk-stale').textContent = why ?? '';
  $('tk-report').classList.toggle('stale', Boolean(why) && Boolean(last));
}

/** An error from the core or the worker, next to the field it concerns. */
function failed(e) {
  const part = e.part ?? '';
  // An export whose header was refused, or a column named wrongly: the columns step is opened with its columns.
  if (e.columns) showColumns(e.columns, null, true);
  const goal = /^goals\[(\d+)\]\.(\w+)/.exec(part);
  const ola = /^olas\[(\d+)\]/.exec(part);
  if (e.field === 'sla' && goal && goal[2] === 'calendar') {
    const m = e.message ?? '';
    const sub = /time zone/.test(m) ? 'timeZone' : /holiday/.test(m) ? 'holidays' : /exclusion|maintenance/.test(m) ? 'exclusions' : 'hours';
    editor.showError({ ...e, field: 'calendar', part: sub });
  } else if (e.field === 'sla' && goal) {
    const row = goalRows()[Number(goal[1])]?.[4];
    showError(row?.querySelector(`.goal-${goal[2]}`) ?? $('tk-goal-add'), words(e));
  } else if (e.field === 'sla' && part === 'goals') {
    showError($('tk-goal-add'), words(e));
  } else if (e.field === 'sla' && ola) {
    const typed = olas().olas[Number(ola[1])];
    showError($('tk-olas'), typed ? `Line ${typed.line}: ${words(e)}` : words(e));
  } else if (e.field === 'sla' && part === 'attainment') {
    showError($('tk-target'), words(e));
  } else if (e.field === 'sla' && part === 'warning') {
    showError($('tk-warning'), words(e));
  } else if (e.field === 'sla' && part.startsWith('pauseStates')) {
    showError($('tk-pause'), words(e));
  } else if (e.field === 'sla' && part.startsWith('resetStates')) {
    showError($('tk-reset'), words(e));
  } else if (e.field === 'sla' && part === 'reopen') {
    showError($('tk-reopen'), words(e));
  } else if (e.field === 'sla' && part === 'penalty.charges') {
    showError($('tk-charges'), words(e));
  } else if (e.field === 'sla' && part === 'penalty.feePerBreach') {
    showError($('tk-fee'), words(e));
  } else if (e.field === 'sla' && part.startsWith('penalty')) {
    const tier = /tiers\[(\d+)\]/.exec(part);
    const typed = tier ? tiers().tiers[Number(tier[1])] : undefined;
    showError($('tk-tiers'), typed ? `Line ${typed.line}: ${words(e).replace(/^Penalty[\w.[\]]*: /i, '')}` : words(e));
  } else if (e.field === 'asOf') {
    showError($('tk-asof'), words(e));
  } else if (e.field === 'tickets' && part.startsWith('columns.') && document.getElementById(`tk-col-${part.slice(8)}`)) {
    showError($(`tk-col-${part.slice(8)}`), words(e));
  } else if (e.field === 'calendar' && editor.showError(e)) {
    // shown by the editor
  } else {
    $('tk-error').textContent = words(e);
    $('tk-error').hidden = false;
    if (!last) $('tk-empty').hidden = true;
  }
  stale(STALE);
}

/** Measures the tickets with the SLA typed. */
function run(next) {
  if (next) source = next;
  clearErrors($('tk-form'));
  editor.clearErrors();
  $('tk-error').hidden = true;
  saveLink();
  showInputs();
  if (source?.file && source.file.size > MAX_BYTES) {
    failed({ field: 'tickets', message: `${source.file.name} is ${Math.round(source.file.size / 1024 / 1024)} MB: at most 512 MB of tickets is read. Split the export by year or by service.` });
    return;
  }
  const o = olas();
  if (o.problems.length) {
    showError($('tk-olas'), o.problems.join(' '));
    return stale(STALE);
  }
  const credits = penalty();
  if (credits?.problems) {
    for (const [id, message] of credits.problems) showError($(id), message);
    return stale(STALE);
  }
  const zone = zoneFailure(editor.state().zone.trim() || 'UTC');
  if (zone) {
    editor.showError(zone);
    return stale(STALE);
  }
  if (!source || (source.text !== undefined && !source.text.trim())) {
    last = undefined;
    $('tk-report').hidden = true;
    $('tk-empty').hidden = false;
    return stale(null);
  }
  const input = { sla: sla(), period: $('tk-period').value, ...($('tk-asof').value.trim() ? { asOf: $('tk-asof').value.trim() } : {}) };
  worker.send({ ...source, columns: mapping, input });
}

/** Measures again a moment after the last keystroke. */
const soon = measureSoon(run);

// ---- What is shown ----

/** An amount to the cent in the reader's locale, with the currency: "2,000.00 EUR". */
const money = (amount) => `${Number(amount).toLocaleString(undefined, { minimumFractionDigits: 2, maximumFractionDigits: 2 })} ${last.sla.penalty?.currency ?? ''}`.trim();

/** An instant (UTC) as a local time in the SLA's zone: "2026-03-10 13:00". */
function local(instant) {
  try {
    const f = new Intl.DateTimeFormat('en-CA', { timeZone: last.sla.timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    const p = Object.fromEntries(f.formatToParts(new Date(instant)).map((x) => [x.type, x.value]));
    return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
  } catch {
    return `${instant.slice(0, 16).replace('T', ' ')} UTC`;
  }
}
const LONG = { week: 'week', month: 'month', quarter: 'quarter' };

/** The verdict in plain words, per priority: how many periods met the target, the worst, what a quarter hides. */
function verdict(r, quarterly, target) {
  const lines = [];
  const measure = r.period;
  for (const priority of priorities(r)) {
    const own = r.periods.filter((p) => p.goal === priority && p.resolution.tickets + p.response.tickets > 0);
    if (!own.length) continue;
    const judged = (p) => (p.resolution.tickets ? p.resolution : p.response);
    const missed = own.filter((p) => !judged(p).meetsTarget);
    const worst = own.reduce((a, b) => (Number(judged(b).percentMet ?? 100) < Number(judged(a).percentMet ?? 100) ? b : a));
    const what = own.some((p) => p.resolution.tickets) ? 'resolved' : 'responded to';
    let line = missed.length
      ? `${priority}: ${missed.length} of ${count(own.length, LONG[measure])} missed the ${target}% target; the worst was ${worst.period}, with ${judged(worst).percentMet}% ${what} in time (${judged(worst).met} of ${judged(worst).tickets}).`
      : `${priority}: every ${LONG[measure]} met the ${target}% target (${own.length} of ${own.length}).`;
    const risky = own.filter((p) => judged(p).atRisk);
    if (risky.length) line += ` ${risky.length} met it below the ${last.sla.warning}% warning, at risk: ${risky.map((p) => `${p.period} (${judged(p).percentMet}%)`).join(', ')}.`;
    // What the longer period hides: a missed month inside a quarter that met the target.
    if (measure === 'month' && quarterly) {
      const quarters = quarterly.filter((p) => p.goal === priority && p.resolution.tickets);
      const hidden = missed.filter((m) => quarters.some((q) => q.start <= m.start && m.start < q.end && q.resolution.meetsTarget));
      const q = quarters.filter((x) => !x.resolution.meetsTarget).length;
      line += ` Measured by quarter, ${q} of ${count(quarters.length, 'quarter')} would have missed it${hidden.length ? `: a quarter's figure hides ${hidden.map((m) => `${m.period} (${judged(m).percentMet}%)`).join(', ')}` : ''}.`;
    }
    lines.push(line);
  }
  const running = r.tickets.filter((t) => [t.response, t.resolution].some((c) => c?.stage === 'running'));
  if (running.length) lines.push(`${count(running.length, 'ticket')} still open at ${local(r.asOf)}; the closest to its goal has used ${closest(running)}.`);
  if (r.credits) lines.push(`Credits owed: ${r.credits.summary}.`);
  const watermelons = r.periods.filter((p) => p.watermelon);
  if (watermelons.length) lines.push(`${count(watermelons.length, 'period')} met the SLA while callers were worse off (listed under Experience): a green dashboard is not the whole story.`);
  return lines;
}

function closest(running) {
  const open = running.flatMap((t) => [t.response, t.resolution].filter((c) => c?.stage === 'running').map((c) => ({ t, c })));
  const top = open.reduce((a, b) => (Number(b.c.percent) > Number(a.c.percent) ? b : a));
  return `${top.c.percent}% of its ${top.c.goal.text} (${top.t.id}, ${top.t.goal})`;
}

/** The goals' names: those of the SLA, in its order, then any other the results name. */
function priorities(r) {
  return [...new Set([...last.sla.goals.map(goalName), ...r.periods.map((p) => p.goal)])];
}

function show({ report, quarters, ms }) {
  last = { report, quarters, sla: sla(), target: $('tk-target').value.trim(), name: source?.file?.name ?? 'the export pasted', ms };
  stale(null);
  $('tk-empty').hidden = true;
  $('tk-error').hidden = true;
  $('tk-report').hidden = false;
  const r = report;
  showColumns(
    r.columns.map((c) => c.name),
    Object.fromEntries(r.columns.filter((c) => c.reads).map((c) => [c.reads, c.name])),
  );
  $('tk-verdict').replaceChildren(...verdict(r, quarters, last.target).map((line) => el('li', { textContent: line })));
  const measured = r.measured;
  // The lines not measured, and the tickets measured with a rule applied (a score off the scale, changes
  // out of order, a reopening after closing).
  const refused = r.problems.filter((p) => !p.measured).length;
  const ruled = r.problems.length - refused;
  $('tk-summary').textContent =
    `${count(measured, 'ticket')} measured, by ${r.period}, as of ${local(r.asOf)} (${last.sla.timeZone})` +
    (refused ? `; ${count(refused, 'line')} not measured (listed below)` : '') +
    (ruled ? `; ${count(ruled, 'ticket')} measured with a rule applied (listed below)` : '') +
    (r.localTimes ? `; ${count(r.localTimes, 'time')} without an offset read in ${last.sla.timeZone}` : '') +
    (ms !== undefined ? `. Measured in ${Math.round(ms)} ms.` : '.');
  const shown = r.problems.slice(0, 500);
  $('tk-problems-box').hidden = !r.problems.length;
  $('tk-problems-box').open = !measured;
  $('tk-problems-title').textContent = [refused && `${count(refused, 'line')} not measured`, ruled && `${count(ruled, 'ticket')} measured with a rule applied`].filter(Boolean).join('; ');
  $('tk-problems').replaceChildren(
    ...shown.map((p) => el('li', { textContent: `${p.line !== null ? `Line ${p.line}` : `Ticket ${p.ticket}`}${p.id ? ` (${p.id})` : ''}: ${p.reason}` })),
    ...(r.problems.length > shown.length ? [el('li', { textContent: `… and ${count(r.problems.length - shown.length, 'more')}: export the JSON to see them all.` })] : []),
  );
  const select = $('tk-priority');
  const wanted = select.value || new URLSearchParams(location.hash.slice(1)).get('show');
  const names = priorities(r);
  select.replaceChildren(...names.map((p) => el('option', { value: p, textContent: p })));
  // Unless one was chosen, the priority with the most periods below target (then the most tickets).
  const missedPeriods = (p) => r.periods.filter((x) => x.goal === p && !(x.resolution.tickets ? x.resolution : x.response).meetsTarget).length;
  const tickets = (p) => r.periods.filter((x) => x.goal === p).reduce((a, x) => a + x.resolution.tickets, 0);
  const worst = [...names].sort((a, b) => missedPeriods(b) - missedPeriods(a) || tickets(b) - tickets(a))[0];
  select.value = names.includes(wanted) ? wanted : worst;
  showGroups();
  showPriority();
}

/** Everything about the priority chosen. */
function showPriority() {
  const r = last.report;
  const priority = $('tk-priority').value;
  const periods = r.periods.filter((p) => p.goal === priority);
  const fraction = (s) => (s.tickets ? `${s.met.toLocaleString()} of ${s.tickets.toLocaleString()} (${s.percentMet}%)` : '–');
  $('tk-table').querySelector('tbody').replaceChildren(
    ...periods.map((p) => {
      const tr = el('tr');
      const judged = p.resolution.tickets ? p.resolution : p.response;
      if (judged.tickets && !judged.meetsTarget) tr.className = 'breached';
      else if (judged.atRisk) tr.className = 'at-risk';
      const happiness = p.experience.happiness === null ? '–' : `${p.experience.happiness > 0 ? '+' : ''}${p.experience.happiness} (${p.experience.scores} scores)`;
      const cells = [p.period, fraction(p.response), fraction(p.resolution), p.resolution.tickets ? `${p.resolution.p50.text} / ${p.resolution.p90.text} / ${p.resolution.worst.text}` : '–', p.withGroups ? `${p.firstContact} of ${p.withGroups}` : '–', happiness];
      if (r.credits) cells.push(p.credit ? money(p.credit.credit) : '–');
      cells.forEach((text, i) => tr.append(el(i === 0 ? 'th' : 'td', { textContent: text, ...(i === 0 ? { scope: 'row' } : {}) })));
      return tr;
    }),
  );
  $('tk-credit-title').hidden = !r.credits;
  drawChart(periods, priority);
  drawHistogram(priority);
  drawExperience(periods, priority);
  const missed = r.tickets.filter((t) => t.goal === priority && [t.response, t.resolution].some((c) => c && c.stage !== 'met'));
  const rows = missed.slice(0, 200);
  $('tk-missed-title').textContent = `${priority}: ${count(missed.length, 'ticket')} missed a goal or are still open`;
  $('tk-missed-box').open = missed.length > 0 && missed.length <= 20;
  $('tk-due-title').textContent = `Due (${last.sla.timeZone})`;
  $('tk-missed-note').textContent = missed.length
    ? `${count(missed.length, 'ticket')} of ${priority} missed a goal or are still open${missed.length > rows.length ? `; the first ${rows.length} are listed here, every one in the exports` : ''}.`
    : `Every ${priority} ticket met its goals.`;
  $('tk-missed').querySelector('tbody').replaceChildren(
    ...rows.flatMap((t) =>
      [['response', t.response], ['resolution', t.resolution]]
        .filter(([, c]) => c && c.stage !== 'met')
        .map(([name, c]) => {
          const tr = el('tr', { className: c.stage });
          const due = c.due ? local(c.due) : '–';
          const cells = [t.id, `${name}: ${c.goal.text}`, `${c.business.text} (${c.percent}%)${c.stage === 'running' ? ', open' : ''}`, c.businessPaused.text, due, name === 'resolution' ? (t.breachedWith ?? '–') : '–'];
          cells.forEach((text, i) => tr.append(el(i === 0 ? 'th' : 'td', { textContent: text, ...(i === 0 ? { scope: 'row' } : {}) })));
          return tr;
        }),
    ),
  );
}

/** Bars of the share resolved in time per period, against the attainment target. */
function drawChart(periods, priority) {
  const judged = (p) => (p.resolution.tickets ? p.resolution : p.response);
  const shown = periods.filter((p) => judged(p).tickets);
  const target = Number(last.target);
  const values = shown.map((p) => Number(judged(p).percentMet));
  const low = Math.min(target, ...values);
  const base = [0, 50, 70, 80, 90].reverse().find((b) => b <= low - (100 - low) * 0.3) ?? 0;
  const [left, top, width, height] = [44, 12, 584, 190];
  const y = (v) => top + height - ((v - base) / (100 - base)) * height;
  const step = width / Math.max(1, shown.length);
  /** @type {Array<[string, Record<string, any>, string?]>} */
  const parts = [];
  for (const v of [base, (base + 100) / 2, 100]) {
    parts.push(['line', { x1: left, x2: left + width, y1: y(v), y2: y(v), class: 'tick' }]);
    parts.push(['text', { x: left - 4, y: y(v) + 4, class: 'label', 'text-anchor': 'end' }, `${v}%`]);
  }
  shown.forEach((p, i) => {
    const s = judged(p);
    const v = Number(s.percentMet);
    const x = left + i * step + step * 0.15;
    const tip = `${p.period}: ${s.percentMet}% in time (${s.met} of ${s.tickets}), ${s.meetsTarget ? (s.atRisk ? 'target met, at risk' : 'target met') : 'target missed'}`;
    parts.push(['rect', { x, y: y(v), width: step * 0.7, height: Math.max(1, y(base) - y(v)), class: s.meetsTarget ? (s.atRisk ? 'bar risk' : 'bar') : 'bar missed', tabindex: 0, role: 'img', 'aria-label': tip, 'data-tip': tip }]);
    if (shown.length <= 16 || i % Math.ceil(shown.length / 16) === 0) parts.push(['text', { x: x + step * 0.35, y: top + height + 14, class: 'label', 'text-anchor': 'middle' }, p.period.split(' ')[0]]);
  });
  parts.push(['line', { x1: left, x2: left + width, y1: y(target), y2: y(target), class: 'target' }]);
  const warning = Number(last.sla.warning);
  if (last.sla.warning && warning > target && warning <= 100) {
    parts.push(['line', { x1: left, x2: left + width, y1: y(warning), y2: y(warning), class: 'warning' }]);
    parts.push(['text', { x: left + 4, y: y(warning) - 4, class: 'label' }, `warning ${last.sla.warning}%`]);
  }
  parts.push(['text', { x: left + width, y: y(target) - 4, class: 'label target-label', 'text-anchor': 'end' }, `target ${last.target}%`]);
  $('tk-chart').replaceChildren(...svg(parts));
  $('tk-chart-tip').textContent = '';
  const missed = shown.filter((p) => !judged(p).meetsTarget).length;
  const risk = shown.filter((p) => judged(p).atRisk).length;
  $('tk-chart-caption').textContent = shown.length
    ? `${priority}: the share of tickets ${shown.some((p) => p.resolution.tickets) ? 'resolved' : 'responded to'} within the goal in each ${last.report.period} (counted in the period the clock stopped), against the ${last.target}% target; ${missed} of ${shown.length} below it, in red${risk ? `; ${risk} met it below the ${last.sla.warning}% warning, in amber` : ''}. The axis starts at ${base}%.`
    : `${priority}: no clock stopped in any period.`;
}

/** A histogram of the business time to resolve of the goal's tickets (the core's, of every ticket), in tenths of
 *  their goal, the goal marked. */
function drawHistogram(priority) {
  const h = last.report.histograms.find((x) => x.goal === priority);
  if (!h) {
    $('tk-histogram').replaceChildren();
    $('tk-histogram-caption').textContent = `${priority}: no ticket resolved or over its goal to draw.`;
    return;
  }
  const counts = h.bins;
  const bins = counts.length - 1;
  const goal = h.goalTime ? `the ${h.goalTime.text} goal` : 'each ticket’s goal';
  const most = Math.max(...counts);
  const [left, top, w, height] = [44, 10, 584, 170];
  const step = w / counts.length;
  /** @type {Array<[string, Record<string, any>, string?]>} */
  const parts = [['line', { x1: left, x2: left + w, y1: top + height, y2: top + height, class: 'tick' }]];
  parts.push(['text', { x: left - 4, y: top + 10, class: 'label', 'text-anchor': 'end' }, String(most)]);
  counts.forEach((c, i) => {
    const bh = (c / most) * height;
    parts.push(['rect', { x: left + i * step + 1, y: top + height - bh, width: step - 2, height: bh, class: i >= bins / 2 ? 'bar over' : 'bar' }]);
  });
  const gx = left + (bins / 2) * step;
  parts.push(['line', { x1: gx, x2: gx, y1: top, y2: top + height, class: 'marker' }]);
  parts.push(['text', { x: gx + 4, y: top + 10, class: 'label' }, h.goalTime ? `goal ${h.goalTime.text}` : 'goal']);
  parts.push(['text', { x: left, y: top + height + 16, class: 'label' }, '0']);
  parts.push(['text', { x: left + w, y: top + height + 16, class: 'label', 'text-anchor': 'end' }, `twice the goal or more`]);
  $('tk-histogram').replaceChildren(...svg(parts));
  const total = counts.reduce((a, b) => a + b, 0);
  $('tk-histogram-caption').textContent = `${priority}: ${count(total, 'ticket')} resolved or over the goal, by business time, pauses taken out, in bars of a tenth of ${goal}; ${h.over.toLocaleString()} took longer than the goal (to the right of the dashed line), ${counts[bins].toLocaleString()} twice as long or more.`;
}

/** Happiness per period (bars from -100 to +100), the watermelons marked, and the time lost per answer. */
function drawExperience(periods, priority) {
  const shown = periods.filter((p) => p.experience.happiness !== null);
  const [left, top, width, height] = [44, 10, 584, 180];
  const y = (v) => top + height / 2 - (v / 100) * (height / 2);
  const step = width / Math.max(1, shown.length);
  /** @type {Array<[string, Record<string, any>, string?]>} */
  const parts = [];
  for (const v of [-100, 0, 100]) {
    parts.push(['line', { x1: left, x2: left + width, y1: y(v), y2: y(v), class: v === 0 ? 'zero' : 'tick' }]);
    parts.push(['text', { x: left - 4, y: y(v) + 4, class: 'label', 'text-anchor': 'end' }, v > 0 ? `+${v}` : String(v)]);
  }
  shown.forEach((p, i) => {
    const v = p.experience.happiness;
    const x = left + i * step + step * 0.15;
    parts.push(['rect', { x, y: Math.min(y(v), y(0)), width: step * 0.7, height: Math.max(1, Math.abs(y(v) - y(0))), class: v < 0 ? 'bar down' : 'bar' }]);
    if (p.watermelon) parts.push(['rect', { x: x - 2, y: top, width: step * 0.7 + 4, height, class: 'watermelon' }]);
    if (shown.length <= 16 || i % Math.ceil(shown.length / 16) === 0) parts.push(['text', { x: x + step * 0.35, y: top + height + 14, class: 'label', 'text-anchor': 'middle' }, p.period.split(' ')[0]]);
  });
  $('tk-experience').replaceChildren(...svg(parts));
  const scores = shown.reduce((a, p) => a + p.experience.scores, 0);
  const melons = periods.filter((p) => p.watermelon);
  $('tk-experience-caption').textContent = shown.length
    ? `${priority}: Happiness in each ${last.report.period} (% of scores ${last.sla.scoreScale === '1-5' ? 'of 5' : 'of 9 or 10'} less % of ${last.sla.scoreScale === '1-5' ? '1 to 3' : '0 to 6'}), from ${count(scores, 'score')}; ${melons.length ? `${count(melons.length, 'watermelon period')} (SLA met, callers worse off) framed in green` : 'no watermelon period'}; below zero in red.`
    : `${priority}: no satisfaction scores in the export.`;
  $('tk-watermelons').replaceChildren(...melons.map((p) => el('li', { textContent: `${p.period}: ${p.watermelon}.` })));
}

const COUNTED = { runs: 'runs', pauses: 'is paused', stops: 'stops: resolved', resets: 'starts again from zero' };

function showGroups() {
  const r = last.report;
  $('tk-states').querySelector('tbody').replaceChildren(
    ...r.states.map((s) => {
      const tr = el('tr');
      [s.state, s.changes.toLocaleString(), COUNTED[s.counted]].forEach((text, i) => tr.append(el(i === 0 ? 'th' : 'td', { textContent: text, ...(i === 0 ? { scope: 'row' } : {}) })));
      return tr;
    }),
  );
  $('tk-warnings').replaceChildren(...r.warnings.map((w) => el('li', { textContent: w })));
  $('tk-groups').querySelector('tbody').replaceChildren(
    ...r.groups.map((g) => {
      const tr = el('tr');
      const cells = [g.group, g.ola?.text ?? 'none', String(g.assignments), g.ola ? `${g.breached} of ${g.met + g.breached}` : '–', g.business.text, String(g.slaBreaches)];
      cells.forEach((text, i) => tr.append(el(i === 0 ? 'th' : 'td', { textContent: text, ...(i === 0 ? { scope: 'row' } : {}) })));
      return tr;
    }),
  );
}

/** Every input, for the printed report. */
function showInputs() {
  const s = sla();
  const lines = [
    ...s.goals.map((g) => `${goalName(g) || '(no name)'}: respond within ${g.response ?? 'no goal'}, resolve within ${g.resolution ?? 'no goal'}, on ${g.calendar ? calendarWords(editor.state()) : 'every hour (24x7)'}`),
    `Target: ${s.attainment}%${s.warning ? ` (at risk below ${s.warning}%)` : ''} of each priority's tickets a ${$('tk-period').value}; paused while ${s.pauseStates.join(', ') || 'never'}; a reopened ticket ${s.reopen === 'new cycle' ? 'starts a new cycle' : 'continues its clock'}${s.resetStates.length ? `; started again on entering ${s.resetStates.join(', ')}` : ''}`,
    `OLAs: ${s.olas.map((o) => `${o.group} ${o.resolution}`).join('; ') || 'none'}`,
    `Credits: ${
      s.penalty
        ? [
            s.penalty.schedule && `${$('tk-charges').value.trim()} ${s.penalty.currency} a period and priority; ${s.penalty.schedule.tiers.map((t) => `${t.when}: ${t.percent}%`).join('; ')}`,
            s.penalty.feePerBreach && `${$('tk-fee').value.trim()} ${s.penalty.currency} for each resolution out of time`,
          ]
            .filter(Boolean)
            .join('; ')
        : 'none'
    }`,
    `Tickets: ${source?.file?.name ?? (source?.text ? 'pasted export' : 'none')}${$('tk-asof').value.trim() ? `, read at ${$('tk-asof').value.trim()}` : ''}`,
  ];
  $('tk-report-title').textContent = `Help-desk SLA report. Made with slacalc on ${new Date().toISOString().slice(0, 10)}.`;
  $('tk-inputs').replaceChildren(...lines.map((l) => el('li', { textContent: l })));
}

// ---- Exports and the link ----

function csv() {
  const head = ['period', 'start', 'end', 'priority', 'responses', 'responses_in_time', 'response_percent', 'resolutions', 'resolutions_in_time', 'resolution_percent', 'target_met', 'resolve_p50_seconds', 'resolve_p90_seconds', 'resolve_worst_seconds', 'first_contact', 'with_groups', 'happiness', 'scores', 'lost_per_answer_seconds', 'watermelon', 'credit', 'goal'];
  const rows = last.report.periods.map((p) => {
    const judged = p.resolution.tickets ? p.resolution : p.response;
    return [p.period, p.start, p.end, p.priority, p.response.tickets, p.response.met, p.response.percentMet ?? '', p.resolution.tickets, p.resolution.met, p.resolution.percentMet ?? '', judged.meetsTarget, p.resolution.p50?.seconds ?? '', p.resolution.p90?.seconds ?? '', p.resolution.worst?.seconds ?? '', p.firstContact, p.withGroups, p.experience.happiness ?? '', p.experience.scores, p.experience.lostPerAnswer?.seconds ?? '', p.watermelon ?? '', p.credit?.credit ?? '', p.goal];
  });
  return `${[head, ...rows].map((r) => r.map(csvField).join(',')).join('\n')}\n`;
}

const FIELDS = { t: 'tk-target', warn: 'tk-warning', per: 'tk-period', pause: 'tk-pause', reopen: 'tk-reopen', reset: 'tk-reset', ola: 'tk-olas', scale: 'tk-scale', asof: 'tk-asof', c: 'tk-charges', cur: 'tk-currency', tiers: 'tk-tiers', fee: 'tk-fee' };
const address = linkWriter(250);
const saveLink = () => address.soon(link);

function link() {
  const q = new URLSearchParams();
  for (const [, , , , tr] of goalRows()) {
    const category = tr.querySelector('.goal-category').value;
    q.append('g', [tr.querySelector('.goal-priority').value, tr.querySelector('.goal-response').value, tr.querySelector('.goal-resolution').value, tr.querySelector('.goal-counted').value, ...(category ? [category] : [])].join('|'));
  }
  for (const [k, id] of Object.entries(FIELDS)) q.set(k, $(id).value);
  calendarToLink(q, editor.state());
  if ($('tk-priority').value) q.set('show', $('tk-priority').value);
  const url = new URL(location.href);
  url.hash = q.toString();
  return url.href;
}

function restore() {
  const q = new URLSearchParams(location.hash.slice(1));
  $('tk-goals').querySelector('tbody').replaceChildren();
  rowCount = 0;
  const goals = q.getAll('g').slice(0, 50).map((g) => g.split('|').map((x) => x.slice(0, 100)));
  for (const g of goals.length ? goals : DEFAULT_GOALS) addGoal(/** @type {any} */ (g));
  $('tk-olas').value = DEFAULT_OLAS;
  for (const [k, id] of Object.entries(FIELDS)) {
    if (!q.has(k)) continue;
    const input = $(id);
    if (input.tagName === 'SELECT' && ![...input.options].some((o) => o.value === q.get(k))) continue;
    input.value = (q.get(k) ?? '').slice(0, 10_000);
  }
  if (!q.has('h')) return editor.set(DEFAULT_CALENDAR);
  editor.set(calendarFromLink(q));
}

async function main() {
  await ready;
  onRestart(() => soon());
  editor = calendarEditor($('tk-calendar'), { id: 'tk-cal', core, zoneAlways: true, zoneLabel: 'Time zone (of the hours, the periods, and local times in the export)', onChange: () => soon() });
  restore();
  $('tk-goal-add').addEventListener('click', () => {
    addGoal().querySelector('input').focus();
  });
  $('tk-form').addEventListener('input', (e) => {
    const t = /** @type {HTMLElement} */ (e.target);
    if (t.closest('.calendar-editor') || t.id === 'tk-file') return;
    soon(t.id === 'tk-text' ? { text: $('tk-text').value } : undefined);
  });
  $('tk-form').addEventListener('change', (e) => {
    const t = /** @type {HTMLElement} */ (e.target);
    if (t.matches('select') && !t.closest('.calendar-editor')) run();
  });
  $('tk-columns').addEventListener('change', (e) => chooseColumn(/** @type {HTMLSelectElement} */ (e.target)));
  $('tk-example').addEventListener('click', async () => {
    const text = await (await fetch('examples/tickets-2026.csv')).text();
    $('tk-text').value = text;
    mapping = {};
    run({ text });
  });
  const choose = (file) => {
    if (!file) return;
    $('tk-text').value = '';
    mapping = {};
    run({ file });
  };
  $('tk-file').addEventListener('change', () => choose($('tk-file').files[0]));
  dropZone($('tk-drop'), choose);
  $('tk-cancel').addEventListener('click', () => {
    worker.cancel();
    failed({ message: 'Cancelled: the tickets were not measured. Everything you entered is kept.' });
  });
  $('tk-priority').addEventListener('change', () => {
    showPriority();
    saveLink();
  });
  const tip = (e) => {
    const bar = /** @type {Element} */ (e.target).closest?.('[data-tip]');
    if (bar) $('tk-chart-tip').textContent = bar.getAttribute('data-tip');
  };
  $('tk-chart').addEventListener('focusin', tip);
  $('tk-chart').addEventListener('pointerover', tip);
  $('tk-copy').addEventListener('click', () => copy(link(), $('tk-copy-status'), 'Link copied: it holds the SLA, not the tickets.', 'Copying is not allowed here: copy the address bar instead.'));
  $('tk-print').addEventListener('click', () => window.print());
  $('tk-export-csv').addEventListener('click', () => last && download('tickets-periods.csv', 'text/csv', csv()));
  $('tk-export-json').addEventListener('click', () => last && download('tickets.json', 'application/json', JSON.stringify({ sla: last.sla, result: last.report }, null, 2)));
  window.addEventListener('beforeprint', () => {
    for (const d of document.querySelectorAll('#tk-report details')) /** @type {HTMLDetailsElement} */ (d).open = true;
  });
  window.addEventListener('hashchange', () => {
    restore();
    run();
  });
  run();
  document.documentElement.dataset.ready = 'true';
}

main();
