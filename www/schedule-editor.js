// The credit-schedule editor: a published preset or a schedule of your own, built in a form (tiers, a flat
// refund, per hour of downtime, a multiple of the fees, an at-risk pool; caps, a minimum, earn-back), with
// the JSON as the advanced view. Every field is named after the part of the schedule it holds
// (sch-tiers-1-when), so the core's errors land next to the field they concern.
import { readAmount } from './amount.js';
import { showError, words } from './fields.js';
import { el } from './util.js';

/** @typedef {Record<string, any>} Schedule */

const KINDS = [
  ['tiers', 'a percentage of the charges by attainment (tiers)'],
  ['days', 'days of service by attainment (tiers)'],
  ['flat', 'a flat refund when the target is missed'],
  ['perUnit', 'a percentage per hour or minute of downtime'],
  ['feeMultiplier', 'a multiple of the fees for the time down'],
  ['atRisk', 'an at-risk pool shared by service levels'],
];
const PERIODS = [['week', 'weekly'], ['fortnight', 'every two weeks'], ['month', 'monthly'], ['quarter', 'quarterly'], ['year', 'yearly']];

/** The way a schedule computes its credit. */
function kindOf(s) {
  if (Array.isArray(s.tiers)) return s.tiers.some((t) => t?.days !== undefined) ? 'days' : 'tiers';
  return ['flat', 'perUnit', 'feeMultiplier', 'atRisk'].find((k) => s[k] !== undefined) ?? 'tiers';
}

/** A field's text from a schedule: strings and numbers as they are; anything else (a list, an object, a
 *  value nested thousands deep from a crafted link) is no field's text, and gives `d`. */
const str = (v, d = '') => (typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : d);

/** Whether `v` holds lists or objects nested more than `limit` levels deep (counted without recursion). */
function nestedDeeperThan(v, limit) {
  const stack = [[v, 0]];
  while (stack.length) {
    const [x, depth] = /** @type {[any, number]} */ (stack.pop());
    if (x === null || typeof x !== 'object') continue;
    if (depth >= limit) return true;
    for (const child of Object.values(x)) stack.push([child, depth + 1]);
  }
  return false;
}

/** An id from a schedule part: "tiers[1].when" -> "sch-tiers-1-when". */
export const partId = (part) => `sch-${part.replace(/\[(\d+)\]/g, '-$1').replace(/\./g, '-')}`;

/**
 * @param {HTMLElement} container
 * @param {{ presets: Schedule[], currency: () => string, onChange: () => void }} options
 */
export function scheduleEditor(container, { presets, currency, onChange }) {
  /** @type {Schedule} */
  let schedule = {};
  /** Problems the form itself found (an amount it cannot read), by field id. */
  let local = new Map();
  const preset = el('select', { id: 'sch-preset' });
  preset.dataset.testid = 'pen-preset';
  preset.append(
    ...presets.map((p) => el('option', { value: p.id, textContent: p.name })),
    el('option', { value: 'custom', textContent: 'your own schedule' }),
  );
  const source = el('p', { id: 'sch-source', className: 'hint' });
  source.dataset.testid = 'pen-source';
  const form = el('div', { className: 'schedule-form' });
  const json = el('textarea', { id: 'sch-json', rows: 12, spellcheck: false });
  json.dataset.testid = 'pen-json';
  const jsonError = el('p', { id: 'sch-json-error', className: 'error', hidden: true });
  jsonError.dataset.testid = 'pen-json-error';
  const general = el('p', { id: 'sch-error', className: 'error', hidden: true });
  general.dataset.testid = 'sch-error';
  const advanced = el('details', { id: 'sch-json-box' }, el('summary', { textContent: 'The schedule as JSON (advanced)' }), el('label', { htmlFor: json.id, className: 'visually-hidden', textContent: 'The schedule as JSON' }), json, jsonError);
  container.replaceChildren(el('label', { htmlFor: preset.id, textContent: 'Credit schedule' }), preset, source, form, general, advanced);

  const input = (id, label, value, attrs = {}) => {
    const i = el('input', { id, type: 'text', value: str(value), autocomplete: 'off', spellcheck: false, ...attrs });
    i.dataset.testid = id;
    return [el('label', { htmlFor: id, textContent: label }), i];
  };
  const select = (id, label, value, choices) => {
    const s = el('select', { id }, ...choices.map(([v, t]) => el('option', { value: v, textContent: t })));
    s.value = value;
    s.dataset.testid = id;
    return [el('label', { htmlFor: id, textContent: label }), s];
  };
  const cell = (...children) => el('div', {}, ...children);

  /** Builds the form for the schedule. */
  function render() {
    const s = schedule;
    const kind = kindOf(s);
    const parts = [
      el('div', { className: 'row' }, cell(...input('sch-name', 'Name', s.name ?? '')), cell(...select('sch-period', 'Measured', s.period ?? 'month', PERIODS))),
      el('div', { className: 'row' }, cell(...input('sch-target', 'Target (%)', s.target, { inputMode: 'decimal' })), cell(...select('sch-kind', 'The credit is', kind, KINDS))),
    ];
    if (kind === 'tiers' || kind === 'days') {
      const tiers = Array.isArray(s.tiers) && s.tiers.length ? s.tiers : [{ when: `< ${str(s.target, '99.9')}`, percent: '10' }];
      const rows = tiers.map((t, i) =>
        el(
          'div',
          { className: 'tier row' },
          cell(...input(`sch-tiers-${i}-when`, `Tier ${i + 1}: when attainment is`, t.when, { placeholder: '< 99.9 and >= 99' })),
          cell(...input(`sch-tiers-${i}-${kind === 'days' ? 'days' : 'percent'}`, kind === 'days' ? 'days of service' : '% of the charges', kind === 'days' ? t.days : t.percent, { inputMode: 'decimal' })),
          el('button', { type: 'button', className: 'link', textContent: 'Remove', ariaLabel: `Remove tier ${i + 1}`, disabled: tiers.length === 1, onclick: () => edit((x) => x.tiers.splice(i, 1)) }),
        ),
      );
      const list = el('div', { id: 'sch-tiers', className: 'tiers' }, ...rows);
      parts.push(
        list,
        el('p', { className: 'hint', textContent: 'Bounds as the contract writes them: < 99.9 and >= 99 (below 99.9%, at or above 99%); <= 99.9 and > 99; < 95.' }),
        el('button', { type: 'button', id: 'sch-add-tier', textContent: 'Add a tier', onclick: () => edit((x) => x.tiers.push({ when: '', [kind === 'days' ? 'days' : 'percent']: '' })) }),
        el('label', { className: 'check' }, el('input', { id: 'sch-uncovered', type: 'checkbox', checked: s.uncovered === 'no credit' }), 'attainments below the target in no tier get no credit'),
      );
      if (kind === 'days') parts.push(...input('sch-daysPerPeriod', 'A day of service is worth the charges divided by', s.daysPerPeriod ?? '30', { inputMode: 'decimal' }));
    } else if (kind === 'flat') {
      parts.push(...input('sch-flat', '% of the period’s charges when the target is missed', s.flat, { inputMode: 'decimal' }));
    } else if (kind === 'perUnit') {
      const p = s.perUnit ?? {};
      const beyond = p.beyond && p.beyond !== 'allowance' ? 'grace' : 'allowance';
      parts.push(
        el('div', { className: 'row' }, cell(...input('sch-perUnit-percent', '% of the charges', p.percent, { inputMode: 'decimal' })), cell(...select('sch-perUnit-unit', 'per', p.unit ?? 'hour', [['hour', 'hour of downtime'], ['minute', 'minute of downtime']]))),
        ...select('sch-perUnit-counted', 'counted', beyond, [['allowance', 'beyond what the target allows'], ['grace', 'beyond a grace per outage']]),
      );
      if (beyond === 'grace') parts.push(...input('sch-perUnit-beyond', 'Grace per outage', p.beyond, { placeholder: '2 h or PT2H' }));
      parts.push(el('label', { className: 'check' }, el('input', { id: 'sch-perUnit-started', type: 'checkbox', checked: p.started === true }), 'a started hour (or minute) counts in full'));
    } else if (kind === 'feeMultiplier') {
      parts.push(...input('sch-feeMultiplier', 'Times the fees paid for the time down', s.feeMultiplier, { inputMode: 'decimal' }));
    } else if (kind === 'atRisk') {
      const a = s.atRisk ?? {};
      const levels = Array.isArray(a.levels) && a.levels.length ? a.levels : [{ name: 'Availability', target: str(s.target, '99.9'), category: '100', allocation: '100' }];
      parts.push(
        ...input('sch-atRisk-percent', 'At risk: % of the charges', a.percent, { inputMode: 'decimal' }),
        el(
          'div',
          { id: 'sch-atRisk-levels', className: 'tiers' },
          ...levels.map((l, i) =>
            el(
              'fieldset',
              { className: 'level' },
              el('legend', { textContent: `Service level ${i + 1}` }),
              el('div', { className: 'row' }, cell(...input(`sch-atRisk-levels-${i}-name`, 'Name', l.name)), cell(...input(`sch-atRisk-levels-${i}-target`, 'Target (%)', l.target, { inputMode: 'decimal' }))),
              el('div', { className: 'row' }, cell(...input(`sch-atRisk-levels-${i}-category`, 'Category %', l.category, { inputMode: 'decimal' })), cell(...input(`sch-atRisk-levels-${i}-allocation`, 'Allocation %', l.allocation, { inputMode: 'decimal' }))),
              el('button', { type: 'button', className: 'link', textContent: 'Remove', ariaLabel: `Remove service level ${i + 1}`, disabled: levels.length === 1, onclick: () => edit((x) => x.atRisk.levels.splice(i, 1)) }),
            ),
          ),
        ),
        el('button', { type: 'button', id: 'sch-add-level', textContent: 'Add a service level', onclick: () => edit((x) => x.atRisk.levels.push({ name: '', target: '', category: '', allocation: '' })) }),
      );
    }
    const earn = s.earnBack ?? {};
    parts.push(
      el(
        'fieldset',
        { className: 'rules' },
        el('legend', { textContent: 'Then' }),
        el('div', { className: 'row' }, cell(...input('sch-capPercent', 'Cap a period at (% of its charges)', s.capPercent ?? '100', { inputMode: 'decimal' })), cell(...input('sch-cap12MonthsPercent', 'Cap any 12 months at (%, optional)', s.cap12MonthsPercent ?? '', { inputMode: 'decimal' }))),
        ...input('sch-minimumCredit', `A credit under this is not paid (${currency() || 'amount'}, optional)`, s.minimumCredit ?? '', { inputMode: 'decimal' }),
        el('div', { className: 'row' }, cell(...input('sch-earnBack-target', 'Earn-back: cancelled if later periods meet (%, optional)', earn.target ?? '', { inputMode: 'decimal' })), cell(...input('sch-earnBack-periods', 'for this many periods', earn.periods ?? '', { inputMode: 'numeric' }))),
      ),
    );
    form.replaceChildren(...parts);
    json.value = JSON.stringify(clean(schedule), null, 2);
  }

  const value = (id) => /** @type {HTMLInputElement | null} */ (form.querySelector(`#${id}`))?.value ?? '';
  const checked = (id) => /** @type {HTMLInputElement | null} */ (form.querySelector(`#${id}`))?.checked ?? false;

  /** The schedule the form shows (amounts read in the reader's locale). */
  function read() {
    local = new Map();
    const kind = value('sch-kind');
    /** @type {Schedule} */
    const s = { name: value('sch-name'), period: value('sch-period'), target: value('sch-target') };
    if (schedule.source && preset.value !== 'custom') s.source = schedule.source;
    if (kind === 'tiers' || kind === 'days') {
      const unit = kind === 'days' ? 'days' : 'percent';
      s.tiers = [...form.querySelectorAll('.tier')].map((_, i) => ({ when: value(`sch-tiers-${i}-when`), [unit]: value(`sch-tiers-${i}-${unit}`) }));
      if (checked('sch-uncovered')) s.uncovered = 'no credit';
      if (kind === 'days') s.daysPerPeriod = value('sch-daysPerPeriod');
    } else if (kind === 'flat') s.flat = value('sch-flat');
    else if (kind === 'perUnit') {
      s.perUnit = { percent: value('sch-perUnit-percent'), unit: value('sch-perUnit-unit'), beyond: value('sch-perUnit-counted') === 'grace' ? value('sch-perUnit-beyond') : 'allowance', started: checked('sch-perUnit-started') };
    } else if (kind === 'feeMultiplier') s.feeMultiplier = value('sch-feeMultiplier');
    else if (kind === 'atRisk') {
      s.atRisk = { percent: value('sch-atRisk-percent'), levels: [...form.querySelectorAll('.level')].map((_, i) => ({ name: value(`sch-atRisk-levels-${i}-name`), target: value(`sch-atRisk-levels-${i}-target`), category: value(`sch-atRisk-levels-${i}-category`), allocation: value(`sch-atRisk-levels-${i}-allocation`) })) };
    }
    if (value('sch-capPercent').trim() && value('sch-capPercent').trim() !== '100') s.capPercent = value('sch-capPercent');
    if (value('sch-cap12MonthsPercent').trim()) s.cap12MonthsPercent = value('sch-cap12MonthsPercent');
    const minimum = value('sch-minimumCredit').trim();
    if (minimum) {
      const r = readAmount(minimum, { currency: currency() });
      if ('value' in r) s.minimumCredit = r.value;
      else local.set('sch-minimumCredit', r.error);
    }
    if (value('sch-earnBack-target').trim() || value('sch-earnBack-periods').trim()) s.earnBack = { target: value('sch-earnBack-target'), periods: value('sch-earnBack-periods') };
    return s;
  }

  /** The schedule without the preset's id. */
  function clean(s) {
    const { id, ...rest } = s;
    void id;
    return rest;
  }

  /** A change by the person: a preset edited is theirs now, without the provider's name and source. */
  function edited() {
    if (preset.value !== 'custom') {
      const from = presets.find((p) => p.id === preset.value)?.name;
      preset.value = 'custom';
      delete schedule.source;
      const name = /** @type {HTMLInputElement} */ (form.querySelector('#sch-name'));
      if (name && from && name.value === from) name.value = `My schedule (based on ${from})`;
    }
  }

  function edit(change) {
    edited();
    schedule = read();
    change(schedule);
    render();
    showSource();
    onChange();
  }

  function showSource() {
    const p = presets.find((x) => x.id === preset.value);
    source.textContent = p ? p.source : 'Your own schedule: no provider’s terms, only what is in the form.';
  }

  form.addEventListener('input', () => {
    edited();
    schedule = read();
    json.value = JSON.stringify(clean(schedule), null, 2);
    showSource();
    onChange();
  });
  form.addEventListener('change', (e) => {
    const t = /** @type {HTMLElement} */ (e.target);
    if (t.id === 'sch-kind' || t.id === 'sch-perUnit-counted') {
      edited();
      const next = read();
      if (t.id === 'sch-kind') {
        for (const k of ['tiers', 'flat', 'perUnit', 'feeMultiplier', 'atRisk', 'uncovered', 'daysPerPeriod']) delete next[k];
        const kind = /** @type {HTMLSelectElement} */ (t).value;
        if (kind === 'tiers') next.tiers = [{ when: `< ${next.target}`, percent: '10' }];
        if (kind === 'days') next.tiers = [{ when: `< ${next.target}`, days: '3' }];
        if (kind === 'flat') next.flat = '10';
        if (kind === 'perUnit') next.perUnit = { percent: '5', unit: 'hour', beyond: 'allowance' };
        if (kind === 'feeMultiplier') next.feeMultiplier = '1';
        if (kind === 'atRisk') next.atRisk = { percent: '12', levels: [{ name: 'Availability', target: next.target, category: '100', allocation: '100' }] };
      }
      schedule = next;
      render();
      showSource();
      onChange();
    } else if (t.matches('input[type=checkbox], select')) {
      // already reported by the input event
    }
  });
  json.addEventListener('input', () => {
    jsonError.hidden = true;
    json.removeAttribute('aria-invalid');
    let parsed;
    try {
      parsed = JSON.parse(json.value);
    } catch (e) {
      jsonError.textContent = `This is not valid JSON yet: ${e.message}. The form keeps the last schedule that was.`;
      jsonError.hidden = false;
      json.setAttribute('aria-invalid', 'true');
      return;
    }
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
      jsonError.textContent = 'The schedule must be one JSON object, such as {"target": "99.9", "flat": "10"}.';
      jsonError.hidden = false;
      return;
    }
    if (nestedDeeperThan(parsed, 64)) {
      jsonError.textContent = 'This schedule is nested more than 64 levels deep and cannot be read. The form keeps the last schedule that could.';
      jsonError.hidden = false;
      json.setAttribute('aria-invalid', 'true');
      return;
    }
    edited();
    schedule = parsed;
    const focus = json.selectionStart;
    const text = json.value;
    render();
    json.value = text;
    json.setSelectionRange(focus, focus);
    showSource();
    onChange();
  });
  preset.addEventListener('change', () => {
    if (preset.value !== 'custom') editor.set(presets.find((p) => p.id === preset.value) ?? {}, preset.value);
    else showSource();
    onChange();
  });

  const editor = {
    /** The schedule, as the core reads it. */
    value: () => clean(read()),
    /** Problems the form found itself, by field id. */
    problems: () => local,
    /** The preset chosen, or "custom". */
    preset: () => preset.value,
    /** Shows a schedule (a preset's, with its id; or one's own). */
    set(s, id = 'custom') {
      const deep = nestedDeeperThan(s, 64);
      schedule = deep ? {} : JSON.parse(JSON.stringify(s ?? {}));
      preset.value = presets.some((p) => p.id === id) ? id : 'custom';
      if (preset.value === 'custom') delete schedule.source;
      render();
      showSource();
      if (deep) {
        // Shown after the form's own checks, which clear this box.
        queueMicrotask(() => {
          general.textContent = 'The schedule given is nested more than 64 levels deep and cannot be read: choose a preset, or fill in the form.';
          general.hidden = false;
        });
      }
    },
    clearErrors() {
      for (const i of container.querySelectorAll('[aria-invalid="true"]')) showError(/** @type {HTMLElement} */ (i), '');
      general.hidden = true;
    },
    /** Shows a schedule error next to its field; false for errors of other fields. */
    showError(e) {
      if (e.field !== 'schedule') return false;
      const part = e.part ?? '';
      const target = part && (container.querySelector(`#${CSS.escape(partId(part))}`) ?? container.querySelector(`#${CSS.escape(partId(part.replace(/\.[^.]+$/, '')))}`));
      if (target) showError(/** @type {HTMLElement} */ (target), words(e));
      else {
        general.textContent = words(e);
        general.hidden = false;
      }
      return true;
    },
    /** Shows the problems the form found itself; true if there were any. */
    showLocal() {
      for (const [id, message] of local) showError(container.querySelector(`#${id}`), message);
      return local.size > 0;
    },
  };
  return editor;
}
