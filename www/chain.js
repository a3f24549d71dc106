// The service-chain page: parts as typed, the chain worked out on every keystroke, drawn as a block
// diagram with each part's figures; the state lives in the link (compact) and in the exports.
import { coreFor } from './core.js';
import { localeNumber, readNumber } from './amount.js';
import { calendarEditor } from './calendar-editor.js';
import { CHAIN_PRESETS, CHAIN_VERSION, DEFAULT_CHAIN, KINDS, chainRequest, chainText, decodeChain, encodeChain, namesIn, partsFromText } from './chain-state.js';
import { clearErrors, showError, words } from './fields.js';
import { $, copy, csvField, download, el, linkWriter } from './util.js';

const { core, ready, onRestart } = coreFor('pkg-analysis');

let state = structuredClone(DEFAULT_CHAIN);
/** The last result, and the state it was worked out from. */
let last;
let lastState;
let linkText = '';
let hours;
const address = linkWriter(400);

/** A number as the reader writes it: "99.95" -> "99,95" in German. */
const shown = (text) => (/^\d+(\.\d+)?$/.test(text) ? localeNumber(text) : text);

function input(i, key, label, value, attrs = {}) {
  const id = `ch-part-${i}-${key}`;
  const box = el('input', { id, value, type: 'text', autocomplete: 'off', spellcheck: false, ...attrs });
  box.dataset.testid = id;
  return el('div', { className: `opt-field part-${key}` }, el('label', { htmlFor: id, textContent: label }), box);
}

/** Builds a card per part from the state. */
function renderParts() {
  $('ch-parts').replaceChildren(
    ...state.parts.map((p, i) => {
      const box = el('fieldset', { id: `ch-part-${i}`, className: `field option part ${p.internal && p.kind === 'component' ? 'internal' : ''}` });
      box.dataset.testid = `ch-part-${i}`;
      box.append(el('legend', { textContent: p.name.trim() || `Part ${i + 1}` }));
      const kind = el('select', { id: `ch-part-${i}-kind` }, ...KINDS.map(([v, t]) => el('option', { value: v, textContent: t })));
      kind.value = p.kind;
      kind.dataset.testid = `ch-part-${i}-kind`;
      box.append(el('div', { className: 'row' }, input(i, 'name', 'Name', p.name), el('div', { className: 'opt-field' }, el('label', { htmlFor: kind.id, textContent: 'It is' }), kind)));
      if (p.kind === 'component') {
        const internal = el('input', { id: `ch-part-${i}-internal`, type: 'checkbox', checked: p.internal });
        internal.dataset.testid = `ch-part-${i}-internal`;
        box.append(
          el('div', { className: 'row' },
            input(i, 'availability', 'Availability (%)', shown(p.availability), { inputMode: 'decimal', placeholder: p.internal ? 'worked out' : '' }),
            ...(p.internal ? [input(i, 'weight', 'Weight', shown(p.weight), { inputMode: 'decimal', title: 'Its share of what the providers leave, against the other internal components’' })] : []),
          ),
          el('label', { className: 'check' }, internal, 'Run in-house (an OLA): its promise is worked out'),
        );
      } else {
        const others = state.parts.filter((q, k) => k !== i && q.name.trim()).map((q) => q.name.trim());
        box.append(el('div', { className: 'row' },
          ...(p.kind === 'kofn' ? [input(i, 'need', 'How many suffice', p.need, { inputMode: 'numeric' })] : []),
          input(i, 'uses', p.kind === 'kofn' ? 'Of these parts' : 'Its parts', p.uses, { placeholder: others.slice(0, 2).join(', ') }),
        ));
      }
      const name = p.name.trim() || `part ${i + 1}`;
      box.append(el('button', { type: 'button', className: 'link remove', textContent: `Remove ${name}`, onclick: () => remove(i) }));
      return box;
    }),
  );
  fillService(state.service.trim());
}

/** The service list: every part's name, `chosen` selected (the last part when it names none). */
function fillService(chosen) {
  const service = $('ch-service');
  const names = state.parts.map((p) => p.name.trim()).filter(Boolean);
  service.replaceChildren(...names.map((n) => el('option', { value: n, textContent: n })));
  service.value = names.includes(chosen) ? chosen : names.at(-1) ?? '';
}

/** Part `i` renamed `now` as it is typed: its legend, the service list and the groups that list it
 *  follow, unless another part already has that name. */
function rename(i, now) {
  const was = state.parts[i].name.trim();
  $(`ch-part-${i}`).querySelector('legend').textContent = now || `Part ${i + 1}`;
  if (!was || !now || was === now || state.parts.some((p, k) => k !== i && p.name.trim() === now)) return;
  state.parts.forEach((p, k) => {
    const box = $(`ch-part-${k}-uses`);
    if (!box || !namesIn(box.value).includes(was)) return;
    box.value = namesIn(box.value).map((n) => (n === was ? now : n)).join(', ');
  });
  const chosen = $('ch-service').value;
  state.parts[i].name = now;
  fillService(chosen === was ? now : chosen);
}

/** The parts typed as text: the cards follow, or the line that cannot be read is shown. */
function fromText() {
  readState();
  let parts;
  try {
    parts = partsFromText($('ch-text').value);
  } catch (e) {
    showError($('ch-text'), e.message);
    return stale(STALE);
  }
  state.parts = parts;
  state.service = parts.at(-1).name;
  state.note = '';
  renderParts();
  update();
}

function remove(i) {
  readState();
  const [gone] = state.parts.splice(i, 1);
  renderParts();
  update();
  $('ch-copy-status').textContent = `Removed ${gone.name.trim() || 'the part'}.`;
  ($(`ch-part-${Math.min(i, state.parts.length - 1)}-name`) ?? $('ch-add-component')).focus();
}

/** Reads the form into the state (numbers as typed). */
function readState() {
  state.service = $('ch-service').value;
  state.target = $('ch-target').value;
  state.period = $('ch-period').value;
  state.calendar = hours.state();
  state.parts = state.parts.map((p, i) => {
    const v = (k) => $(`ch-part-${i}-${k}`)?.value ?? p[k];
    return { ...p, name: v('name'), kind: v('kind'), availability: v('availability'), weight: v('weight'), uses: v('uses'), need: v('need'), internal: $(`ch-part-${i}-internal`)?.checked ?? p.internal };
  });
}

/** The state with its numbers read in the reader's locale (plain decimals), and the problems found, by
 *  field id. Numbers that cannot be read stay as typed, so that a link keeps what was typed. */
function canonical() {
  const problems = [];
  const s = structuredClone(state);
  const number = (id, text, empty, decimals = 12) => {
    const r = readNumber(text, { decimals });
    if ('value' in r) return r.value;
    if (r.code === 'empty' && !empty) return '';
    problems.push([id, r.code === 'empty' ? empty : r.error]);
    return text;
  };
  s.target = number('ch-target', s.target, '');
  const seen = new Map();
  s.parts.forEach((p, i) => {
    const name = p.name.trim();
    if (!name) problems.push([`ch-part-${i}-name`, 'Give this part a name.']);
    else if (name.includes(',')) problems.push([`ch-part-${i}-name`, `“${name}” holds a comma: groups list their parts separated by commas, so a name cannot hold one.`]);
    else if (seen.has(name)) problems.push([`ch-part-${i}-name`, `“${name}” is the name of part ${seen.get(name) + 1} too: give each part its own name.`]);
    else seen.set(name, i);
    if (p.kind === 'component') {
      p.availability = number(`ch-part-${i}-availability`, p.availability, p.internal && s.target ? '' : 'Type its availability, such as 99.9.');
      if (p.internal) p.weight = number(`ch-part-${i}-weight`, p.weight, 'Type its weight, such as 1.', 6);
    } else if (!namesIn(p.uses).length) {
      problems.push([`ch-part-${i}-uses`, 'List the parts of this group by name, separated by commas.']);
    }
  });
  return { canon: s, problems };
}

function stale(why) {
  const section = document.querySelector('main > section');
  section.classList.toggle('stale', Boolean(why) && Boolean(last));
  $('ch-stale').hidden = !why || !last;
  $('ch-stale').textContent = why ?? '';
  $('ch-empty').hidden = Boolean(last) || !why;
  $('ch-empty').textContent = why ?? '';
}

const STALE = 'Showing the last figures: correct what is marked in red to work the chain out again.';

/** The part's card field an error about `part` belongs next to. */
function fieldOf(e) {
  const part = e.part ?? '';
  let m;
  if ((m = /^parts\[(\d+)\]\.?(\w*)/.exec(part))) {
    const key = { series: 'uses', parallel: 'uses', of: 'uses', availability: 'availability', weight: 'weight', need: 'need' }[m[2]] ?? 'name';
    return $(`ch-part-${m[1]}-${key}`) ?? $(`ch-part-${m[1]}-name`);
  }
  const i = state.parts.findIndex((p) => p.name.trim() === part.trim());
  if (i < 0) return null;
  const p = state.parts[i];
  if (/no promise of|at worst, and the service only/.test(e.message ?? '')) return $('ch-target');
  if (/\bneed\b|k out of|how many/i.test(e.message ?? '') && p.kind === 'kofn') return $(`ch-part-${i}-need`);
  if (/given twice|name/.test(e.message ?? '')) return $(`ch-part-${i}-name`);
  return $(`ch-part-${i}-${p.kind === 'component' ? 'availability' : 'uses'}`) ?? $(`ch-part-${i}-name`);
}

/** A core error next to the field it concerns, in people's words. */
function showCoreError(e) {
  if (e.field === 'target') return showError($('ch-target'), words(e));
  if (e.field === 'period') return showError($('ch-period'), words(e));
  if (e.field === 'calendar' && hours.showError(e)) return;
  const input = fieldOf(e);
  if (input) return showError(input, words(e));
  $('ch-parts-error').textContent = words(e);
  $('ch-parts-error').hidden = false;
}

function update() {
  readState();
  clearErrors($('ch-form'));
  hours.clearErrors();
  $('ch-parts-error').hidden = true;
  address.soon(link);
  if (document.activeElement !== $('ch-text')) $('ch-text').value = chainText(state.parts);
  const { canon, problems } = canonical();
  for (const [id, message] of problems) showError($(id), message);
  if (problems.length) return stale(STALE);
  const zone = hours.zoneState(update);
  if (zone === 'failed') return stale(STALE);
  if (zone === 'loading') return stale('Loading a time zone…');
  try {
    last = core.chain(chainRequest(canon));
    lastState = canon;
    stale(null);
    show(last);
  } catch (e) {
    showCoreError(e);
    stale(last ? STALE : 'Correct what is marked in red to see what the chain can promise.');
  }
}

const percent = (f) => `${localeNumber(f.percent)}%`;

function show(r) {
  $('ch-report-title').textContent = `Service chain report: ${r.service}. Made with slacalc on ${new Date().toISOString().slice(0, 10)}.`;
  $('ch-verdict').replaceChildren(...r.verdict.map((line) => el('li', { textContent: line })));
  const over = `${r.period}, ${r.basis}`;
  const stat = (name, figure, meets, testid) => {
    const li = el('li', {},
      el('span', { className: 'stat-name', textContent: name }), el('br'),
      el('strong', { className: `big-figure${meets === false ? ' missed' : ''}`, textContent: percent(figure) }),
      ` ${meets === true ? '(meets the target)' : meets === false ? '(misses the target)' : ''}`, el('br'),
      el('span', { textContent: `${figure.downtime.text} down over ${over}` }),
    );
    li.dataset.testid = testid;
    return li;
  };
  $('ch-figures').replaceChildren(
    stat('If components fail independently', r.availability, r.meets, 'ch-independent'),
    stat('At worst, as the contracts alone guarantee', r.worstCase, r.meetsWorstCase, 'ch-worst'),
    ...(r.target ? [el('li', {}, el('span', { className: 'stat-name', textContent: 'Target' }), el('br'), el('strong', { className: 'big-figure', textContent: `${localeNumber(r.target)}%` }))] : []),
  );
  $('ch-assumptions').replaceChildren(...r.assumptions.map((a) => el('li', { textContent: a })));
  $('ch-diagram').replaceChildren(diagram(r));
  $('ch-table').querySelector('tbody').replaceChildren(
    ...r.parts.map((p) => {
      const tr = el('tr', { className: p.internal ? 'internal' : '' });
      const cells = [
        p.kind === 'component' ? (p.internal ? 'a component, in-house' : 'a component') : `${p.kind === 'series' ? 'all of' : p.kind === 'parallel' ? 'any one of' : p.kind}: ${p.uses.join(', ')}`,
        `${localeNumber(p.availability.exact)}%`,
        p.availability.downtime.text,
        p.usedBy.length ? `${p.usedBy.join(', ')}${p.usedBy.length > 1 ? ' (shared, counted once)' : ''}` : '–',
        p.promise ? `${localeNumber(p.promise)}%` : '–',
        p.budgetShare ? `${localeNumber(p.budgetShare)}%` : '–',
        p.extraNine === null ? '–' : p.extraNine ? 'yes' : 'no',
      ];
      tr.append(el('th', { scope: 'row', textContent: p.name }), ...cells.map((c) => el('td', { textContent: c })));
      if (p.extraNine === false) tr.lastChild.className = 'missed';
      return tr;
    }),
  );
}

/** The chain as nested boxes from the service down: a group's parts side by side when all are needed,
 *  one under another when some suffice; each box with its availability. */
function diagram(r) {
  const parts = new Map(r.parts.map((p) => [p.name, p]));
  const draw = (name, depth) => {
    const p = parts.get(name);
    const shared = p.usedBy.length > 1;
    const figure = p.promise && p.promise === p.availability.exact ? `must promise ${localeNumber(p.promise)}%` : `${percent(p.availability)}${p.promise ? `, must promise ${localeNumber(p.promise)}%` : ''}`;
    const head = el('div', { className: 'block-head' }, el('span', { className: 'block-name', textContent: p.name }), el('span', { className: 'block-figure', textContent: figure }));
    if (p.kind === 'component' || depth > 60) {
      const box = el('li', { className: `block component${p.internal ? ' internal' : ''}${shared ? ' shared' : ''}${p.extraNine === false ? ' short' : ''}` }, head);
      if (shared) box.append(el('span', { className: 'block-note', textContent: `shared by ${p.usedBy.join(', ')}` }));
      return box;
    }
    const how = p.kind === 'series' ? 'all needed' : p.kind === 'parallel' ? 'any one suffices' : `${p.kind} suffice`;
    head.append(el('span', { className: 'block-note', textContent: `${how}${shared ? `; shared by ${p.usedBy.join(', ')}` : ''}` }));
    const list = el(p.kind === 'series' ? 'ol' : 'ul', { className: p.kind === 'series' ? 'series' : 'redundant' }, ...p.uses.map((u) => draw(u, depth + 1)));
    list.setAttribute('aria-label', `${p.name}: ${how}`);
    return el('li', { className: `block group ${p.kind === 'series' ? 'is-series' : 'is-redundant'}${shared ? ' shared' : ''}${p.extraNine === false ? ' short' : ''}` }, head, list);
  };
  const top = el('ul', { className: 'chain-top' }, draw(r.service, 0));
  top.setAttribute('aria-label', `The service ${r.service} and its parts`);
  return top;
}

function csv() {
  const head = ['part', 'kind', 'uses', 'used_by', 'internal', 'availability_percent', 'downtime_seconds', 'promise_percent', 'budget_share_percent', 'extra_nine'];
  const rows = last.parts.map((p) => [p.name, p.kind, p.uses.join('; '), p.usedBy.join('; '), p.internal, p.availability.exact, p.availability.downtime.seconds, p.promise ?? '', p.budgetShare ?? '', p.extraNine ?? '']);
  rows.push([`${last.service} (independent)`, 'service', '', '', '', last.availability.exact, last.availability.downtime.seconds, '', '', '']);
  rows.push([`${last.service} (worst case)`, 'service', '', '', '', last.worstCase.exact, last.worstCase.downtime.seconds, '', '', '']);
  return `${[head, ...rows].map((r) => r.map(csvField).join(',')).join('\n')}\n`;
}

/** The state as it is saved: numbers as plain decimals where they read, else as typed. */
const stored = () => canonical().canon;

async function link() {
  linkText = await encodeChain(stored());
  return `#c=${linkText}`;
}

const saveLink = () => address.now(link);

/** Opens the chain the link holds; a damaged link says so and shows the example. */
async function fromLink() {
  const c = new URLSearchParams(location.hash.slice(1)).get('c');
  $('ch-link-error').hidden = true;
  if (!c || c === linkText) return false;
  try {
    state = await decodeChain(c);
    linkText = c;
  } catch (e) {
    state = structuredClone(DEFAULT_CHAIN);
    $('ch-link-error').textContent = `This link could not be read (${e.message}); the example chain is shown instead. Nothing from the link was used.`;
    $('ch-link-error').hidden = false;
  }
  return true;
}

function writeAll() {
  $('ch-target').value = shown(state.target);
  $('ch-period').value = ['week', 'month', 'quarter', 'year'].includes(state.period) ? state.period : 'month';
  hours.set(state.calendar);
  $('ch-note').textContent = state.note ?? '';
  renderParts();
}

function add(kind) {
  readState();
  const n = state.parts.length + 1;
  const names = state.parts.map((p) => p.name.trim());
  let name = kind === 'component' ? `component ${n}` : `group ${n}`;
  for (let k = n; names.includes(name); k++) name = `${kind === 'component' ? 'component' : 'group'} ${k + 1}`;
  // A new part goes before the service, which stays last.
  const at = Math.max(0, state.parts.length - 1);
  state.parts.splice(at, 0, { name, kind, availability: kind === 'component' ? '99.9' : '', internal: false, weight: '1', uses: '', need: '2' });
  state.note = '';
  renderParts();
  update();
  $(`ch-part-${at}-name`).focus();
}

async function main() {
  await ready;
  onRestart(() => update());
  hours = calendarEditor($('ch-calendar'), { id: 'ch-cal', core, state: state.calendar, label: 'Downtime counted in', onChange: () => update() });
  await fromLink();
  writeAll();
  $('ch-form').addEventListener('input', (e) => {
    const t = /** @type {HTMLElement} */ (e.target);
    if (t.closest('.calendar-editor') || t.id === 'ch-preset') return;
    if (t.id === 'ch-text') return fromText();
    const m = /^ch-part-(\d+)-name$/.exec(t.id);
    if (m) rename(Number(m[1]), /** @type {HTMLInputElement} */ (t).value.trim());
    update();
  });
  $('ch-form').addEventListener('change', (e) => {
    const t = /** @type {HTMLElement} */ (e.target);
    if (t.id === 'ch-preset') {
      const preset = CHAIN_PRESETS[/** @type {HTMLSelectElement} */ (t).value];
      if (preset) {
        state = structuredClone(preset);
        writeAll();
        update();
        $('ch-copy-status').textContent = `Opened the preset “${preset.title}”.`;
      }
      return;
    }
    if (/^ch-part-\d+-(kind|internal)$/.test(t.id)) {
      readState();
      renderParts();
      update();
      $(t.id)?.focus();
    }
  });
  $('ch-add-component').addEventListener('click', () => add('component'));
  $('ch-add-group').addEventListener('click', () => add('series'));
  $('ch-copy').addEventListener('click', async () => {
    await saveLink();
    copy(location.href, $('ch-copy-status'), 'Link copied: it holds the whole chain.', 'Copying is not allowed here: select the address bar instead.');
  });
  $('ch-embed').addEventListener('click', async () => {
    await saveLink();
    const base = new URL('.', location.href).href;
    copy(`<script type="module" src="${base}embed.js"></script>\n<sla-chain state="${linkText}"></sla-chain>`, $('ch-copy-status'), 'Embed snippet copied: see examples.html for the Content-Security-Policy the host page needs.', 'Copying is not allowed here: see examples.html for the snippet.');
  });
  $('ch-export-csv').addEventListener('click', () => last && download('service-chain.csv', 'text/csv', csv()));
  $('ch-export-json').addEventListener('click', () => last && download('service-chain.json', 'application/json', JSON.stringify({ program: 'slacalc', kind: 'service-chain', version: CHAIN_VERSION, state: stored(), request: chainRequest(lastState), result: last }, null, 2)));
  $('ch-print').addEventListener('click', () => window.print());
  window.addEventListener('beforeprint', () => {
    for (const d of document.querySelectorAll('details')) d.open = true;
  });
  window.addEventListener('hashchange', async () => {
    if (await fromLink()) {
      writeAll();
      update();
    }
  });
  update();
  document.documentElement.dataset.ready = 'true';
}

main();
