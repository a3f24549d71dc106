// The calculator page: reads the form, asks the WASM core, shows the result, keeps the state in the URL.
// Every figure comes from the core; this file only moves text between the page and the core.
import { coreFor } from './core.js';
import { drawWaffle, buildWaffle } from './calculator-pictures.js';
import { periodInput, periodProblem, periodText, rememberPeriod, showKind, showPeriod } from './calculator-period.js';
import { grouped, showTable } from './calculator-table.js';
import { clearErrors, showError, words } from './fields.js';
import { $, copy, linkWriter } from './util.js';

const { core, ready, onRestart } = coreFor('pkg');
const { achieved, budget } = core;
const form = $('calculator');
/** The service-hours editor, loaded once hours other than 24x7 are chosen (most visits never need it). */
/** @type {any} */
let editor;
/** @type {Promise<any> | undefined} */
let loadingEditor;

/** Loads the calendar editor, taking over the page's select of counted hours. */
function ensureEditor(state) {
  loadingEditor ??= Promise.all([import('./calendar-editor.js'), import('./week-strip.js')]).then(([{ calendarEditor }, strip]) => {
    drawWeekStrip = strip.drawWeekStrip;
    editor = calendarEditor($('calendar-editor'), { id: 'cal', core, select: $('cal-preset'), label: 'Counted hours', onChange: () => update() });
    if (state) editor.set(state);
    return editor;
  });
  return loadingEditor;
}

/** Draws the week strip of service hours (loaded with the editor). */
let drawWeekStrip = (calendar, start) => void [calendar, start];

/** The calendar state: the editor's, or 24x7 while it is not loaded. */
const calendarState = () => editor?.state() ?? { preset: $('cal-preset').value, hours: '', zone: 'UTC', holidays: [], exclusions: [] };
/** Whether a result has been shown since the page opened. */
let shown = false;

function state() {
  return { target: $('target').value, period: periodText(), downtime: $('downtime').value, calendar: calendarState() };
}

/** The page's URL for a state: ?target=99.9&period=P14D&downtime=PT1H&hours=Mon-Fri 08:00-18:00&tz=... */
function permalink(s) {
  const params = new URLSearchParams();
  params.set('target', s.target);
  params.set('period', s.period);
  if (s.downtime.trim()) params.set('downtime', s.downtime);
  const c = s.calendar;
  if (c.preset) {
    params.set('hours', c.preset === 'custom' ? c.hours.trim() || c.preset : c.preset);
    params.set('tz', c.zone);
    for (const h of c.holidays) params.append('hol', h);
    for (const x of c.exclusions) params.append('excl', x);
  }
  const url = new URL(location.href);
  url.search = params.toString();
  return url.href;
}

const address = linkWriter(300);
/** Writes the link into the address bar a moment after the last keystroke (it is slow to do on each). */
function saveLink(link) {
  $('permalink').href = link;
  address.soon(link);
}

/** Marks the result out of date, saying why; before any result, says what to do instead of showing one. */
function stale(why) {
  $('result-body').hidden = !shown;
  $('result-empty').hidden = shown || !why;
  $('result-empty').textContent = why ?? '';
  $('stale').hidden = !why || !shown;
  $('stale').textContent = why ?? '';
  $('result-body').classList.toggle('stale', Boolean(why) && shown);
}

function update() {
  const s = state();
  rememberPeriod(s.period);
  clearErrors(form);
  editor?.clearErrors();
  const failed = new Set();

  const problem = periodProblem();
  if (problem) {
    showError($(problem.input), problem.message);
    failed.add('period');
  }
  let plain;
  try {
    plain = budget({ target: s.target, period: problem ? 'month' : s.period });
  } catch (e) {
    failed.add(e.field);
    showError(e.field === 'period' ? $(periodInput()) : $('target'), words(e));
  }
  // A bad target must not hide a bad period: check the period alone too.
  if (failed.has('target') && !problem) {
    try {
      budget({ target: '50', period: s.period });
    } catch (e) {
      failed.add('period');
      showError($(periodInput()), words(e));
    }
  }
  if (problem) plain = undefined;

  const calendar = editor ? editor.value() : null;
  let service = null;
  let waiting = false;
  if (calendar && plain) {
    const zone = editor.zoneState(update);
    if (zone === 'loading') waiting = true;
    else if (zone === 'failed') failed.add('calendar');
    else {
      try {
        service = budget({ target: s.target, period: s.period, calendar }).service;
      } catch (e) {
        if (e.field === 'period') {
          failed.add('period');
          showError($(periodInput()), words(e));
        } else if (!editor.showError(e)) showError($('target'), words(e));
        failed.add('calendar');
      }
    }
  }

  const good = plain && (!calendar || service);
  let reached;
  if (good && s.downtime.trim()) {
    try {
      reached = achieved({ downtime: s.downtime, period: s.period, target: s.target, calendar: calendar ?? undefined });
    } catch (e) {
      showError($('downtime'), words(e));
    }
  }
  if (good) {
    show(plain, service, calendar, s, reached);
    shown = true;
    stale(null);
  } else if (waiting) {
    stale(`Loading the time zone ${calendar.timeZone}…`);
  } else {
    stale(shown ? 'Showing the last valid result: correct the field marked in red to update it.' : 'Correct the field marked in red to see what the target allows.');
  }
  if (good) showTable({ calendar, period: s.period, label: service ? `${plain.periodLabel} on these hours` : plain.periodLabel, target: s.target });
  else if (!shown) showTable({ calendar: null, period: null, label: null, target: s.target });
  saveLink(permalink(s));
}

/** The result: on the service hours when there are some, with 24x7 beside it; else on 24x7. */
function show(plain, service, calendar, s, reached) {
  const main = service ?? plain;
  $('allowed').textContent = main.allowedDowntime;
  $('allowed-seconds').textContent = grouped(main.allowedDowntimeSeconds);
  $('period-seconds').textContent = grouped(service ? service.serviceSeconds : plain.periodSeconds);
  $('measured-what').textContent = service ? ` s of service (${service.service}).` : ' s.';
  $('period-label').textContent = plain.periodLabel;
  $('counted').textContent = service ? `${service.summary}; ${service.basis}` : '24x7: every hour counts';
  $('sentence').textContent = main.sentence;
  const per = service
    ? [['Per typical week', service.perWeek], ['Per average month', service.perMonth], ['Per average year', service.perYear]]
    : [['Per day', plain.perDay], ['Per week', plain.perWeek], ['Per average month', plain.perMonth]];
  per.forEach(([label, value], i) => {
    $(`per-${i}-label`).textContent = label;
    $(`per-${i}`).textContent = value.text;
  });
  $('plain-panel').hidden = !service;
  $('strip-panel').hidden = !service;
  if (service) {
    $('plain-allowed').textContent = plain.allowedDowntime;
    $('plain-hours').textContent = plain.periodLabel;
    drawWeekStrip(calendar, plain.periodStart);
  }
  const square = service ? budget({ target: '99.9', period: s.period, calendar }).service.allowedDowntime : budget({ target: '99.9', period: s.period }).allowedDowntime;
  drawWaffle({ unavailabilityPercent: plain.unavailabilityPercent, square, onService: Boolean(service), observed: reached });
  showAchieved(reached);
  for (const button of document.querySelectorAll('.presets [data-target]')) {
    button.setAttribute('aria-pressed', String(/** @type {HTMLElement} */ (button).dataset.target === plain.target));
  }
}

function showAchieved(a) {
  $('achieved-panel').hidden = !a;
  if (!a) return;
  $('availability').textContent = a.availability;
  const verdict = $('verdict');
  verdict.textContent = a.meetsTarget ? 'meets the target' : 'misses the target';
  verdict.className = `verdict ${a.meetsTarget ? 'met' : 'missed'}`;
  $('nines').textContent = a.nines === null ? 'No downtime: 100% exactly.' : `${a.nines.toFixed(2)} nines${a.availabilityIsExact ? '' : ' (availability rounded down)'}`;
  $('achieved-sentence').textContent = a.sentence;
}

const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

/** The page's state from its link; links made before hours were one line (mon=..&tue=..) still open. */
function restore() {
  const params = new URLSearchParams(location.search);
  if (params.has('target')) $('target').value = params.get('target');
  showPeriod(params.has('period') ? params.get('period') ?? '' : 'month');
  $('downtime').value = params.get('downtime') ?? '';
  let hours = params.get('hours') ?? '';
  if (DAYS.some((d) => params.has(d))) {
    try {
      hours = core.hoursText({ weekly: Object.fromEntries(DAYS.map((d) => [d, params.get(d) ?? ''])) });
    } catch {
      hours = DAYS.filter((d) => params.get(d)).map((d) => `${d} ${params.get(d)}`).join('; ');
    }
  }
  const calendar = {
    preset: hours ? (['8x5', '12x5', '24x5', '24x7-maintenance'].includes(hours) ? hours : 'custom') : '',
    hours: ['custom', '24x7-maintenance'].includes(hours) ? '' : hours,
    zone: params.get('tz') ?? 'UTC',
    holidays: params.getAll('hol'),
    exclusions: params.getAll('excl'),
  };
  if (editor) editor.set(calendar);
  $('cal-preset').value = calendar.preset;
  return calendar.preset ? ensureEditor(calendar) : undefined;
}

function wire() {
  // The calendar editor reports its own changes (an .ics import comes later than its event).
  const outside = (e) => !(/** @type {HTMLElement} */ (e.target).closest('.calendar-editor')) && update();
  // Until the editor is loaded, 24x7 is the only choice the select has made.
  form.addEventListener('input', outside);
  form.addEventListener('change', outside);
  form.addEventListener('submit', (e) => e.preventDefault());
  $('period-kind').addEventListener('change', showKind, { capture: true });
  document.addEventListener('click', (e) => {
    const button = /** @type {HTMLElement} */ (e.target).closest('button[data-target]');
    if (!button) return;
    $('target').value = /** @type {HTMLElement} */ (button).dataset.target;
    update();
  });
  $('copy-link').addEventListener('click', () => copy($('permalink').href, $('copy-status'), 'Link copied.', 'Copying is not allowed here: use the link, or copy the address bar.'));
  $('print').addEventListener('click', () => window.print());
  // The deadline mode loads when asked for, or at once when the link holds one.
  const deadline = () => import('./calculator-deadline.js').then((m) => m.openDeadline($('deadline'), calendarState));
  $('deadline-open').addEventListener('click', deadline, { once: true });
  if (location.hash.includes('opened=')) deadline();
  window.addEventListener('popstate', async () => {
    await restore();
    update();
  });
  // The first time hours are chosen, the editor loads and takes over.
  $('cal-preset').addEventListener('change', () => {
    if (!editor && $('cal-preset').value) {
      const chosen = $('cal-preset').value;
      ensureEditor().then((e) => {
        e.presetSelect.value = chosen;
        e.presetSelect.dispatchEvent(new Event('change'));
      });
    }
  });
}

async function main() {
  try {
    await ready;
  } catch (e) {
    $('loading').hidden = true;
    $('fatal').hidden = false;
    $('fatal').textContent = `The calculator could not start: ${e.message}. It needs a browser with WebAssembly, served over http(s).`;
    return;
  }
  buildWaffle();
  await restore();
  wire();
  onRestart(() => update());
  $('loading').hidden = true;
  update();
  document.documentElement.dataset.firstResultMs = String(Math.round(performance.now()));
  document.documentElement.dataset.ready = 'true';
}

main();
