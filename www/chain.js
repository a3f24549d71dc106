// The service-chain page: parts as typed, the chain worked out on every keystroke, drawn as a block
// diagram with each part's figures; the state lives in the link (compact) and in the exports.
import { coreFor } from './core.js';
import { localeAmount, localeNumber, readAmount, readNumber } from './amount.js';
import { calendarEditor } from './calendar-editor.js';
import { CHAIN_PRESETS, CHAIN_VERSION, DEFAULT_CHAIN, KINDS, NO_MONEY, blankPart, chainRequest, chainText, creditsText, decodeChain, encodeChain, namesIn, partsFromText } from './chain-state.js';
import { clearErrors, showError, words } from './fields.js';
import { $, copy, csvField, download, el, linkWriter, svg } from './util.js';

// The page's own module: the calculator's functions and service chains, without the analysis pages' code.
const { core, ready, onRestart } = coreFor('pkg-chain');

let state = structuredClone(DEFAULT_CHAIN);
/** The last result, and the state it was worked out from. */
let last;
let lastState;
let linkText = '';
let hours;
const address = linkWriter(400);

/** A number as the reader writes it: "99.95" -> "99,95" in German. */
const shown = (text) => (/^\d+(\.\d+)?$/.test(text) ? localeNumber(text) : text);
/** Credits saved as plain decimals ("10% below 99.95%; 25% below 99%"), written in the reader's locale. */
const shownCredits = (text) => (/^(\d+(\.\d+)?% below \d+(\.\d+)?%(; )?)+$/.test(text) ? text.replace(/\d+(\.\d+)?/g, (n) => localeNumber(n)) : text);
const money = () => state.money ?? { ...NO_MONEY };

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
        const period = el('select', { id: `ch-part-${i}-period` }, ...[['', 'as the chain'], ['week', 'every week'], ['fortnight', 'every fortnight'], ['month', 'every month'], ['quarter', 'every quarter'], ['year', 'every year']].map(([v, t]) => el('option', { value: v, textContent: t })));
        period.value = p.period ?? '';
        period.dataset.testid = `ch-part-${i}-period`;
        box.append(
          el('div', { className: 'row' },
            input(i, 'availability', 'Availability (%)', shown(p.availability), { inputMode: 'decimal', placeholder: p.internal ? 'worked out' : '' }),
            ...(p.internal ? [input(i, 'weight', 'Weight', shown(p.weight), { inputMode: 'decimal', title: 'Its share of what the providers leave, against the other internal components’' })] : [el('div', { className: 'opt-field part-period' }, el('label', { htmlFor: period.id, textContent: 'Promised over' }), period)]),
          ),
          ...(p.internal ? [] : [input(i, 'hours', 'Promised in the hours', p.hours ?? '', { placeholder: 'as the chain', title: 'Such as Mon-Fri 08:00-18:00, in the chain’s time zone; empty: the chain’s hours' })]),
          el('label', { className: 'check' }, internal, 'Run in-house (an OLA): its promise is worked out'),
        );
        if (money().on) {
          const currency = money().currency.trim();
          box.append(el('div', { className: 'row money-row' },
            ...(p.internal ? [] : [input(i, 'fee', `Fee a month${currency ? ` (${currency})` : ''}`, localeAmount(p.fee ?? ''), { inputMode: 'decimal', placeholder: 'none' })]),
            input(i, 'rate', 'Outages a month', shown(p.rate ?? ''), { inputMode: 'decimal', placeholder: 'from availability', title: 'Empty: as often as keeps it up its availability in the long run' }),
          ));
          if (!p.internal) box.append(input(i, 'credits', 'Its credits, as a share of its fee', shownCredits(p.credits ?? ''), { placeholder: `10% below ${shown(p.availability || '99.9')}%; 25% below 99%` }));
        }
      } else {
        const others = state.parts.filter((q, k) => k !== i && q.name.trim()).map((q) => q.name.trim());
        box.append(el('div', { className: 'row' },
          ...(p.kind === 'kofn' ? [input(i, 'need', 'How many suffice', p.need, { inputMode: 'numeric' })] : []),
          input(i, 'uses', p.kind === 'kofn' ? 'Of these parts' : p.kind === 'failover' ? 'Its parts, the first used first' : 'Its parts', p.uses, { placeholder: others.slice(0, 2).join(', ') }),
        ));
        if (p.kind === 'failover') {
          box.append(el('div', { className: 'row' },
            input(i, 'switchOver', 'A switch-over takes', p.switchOver ?? '', { placeholder: '5 min' }),
            input(i, 'switches', 'Switch-overs a month', shown(p.switches ?? ''), { inputMode: 'decimal', placeholder: '1' }),
          ));
        }
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
  // The money typed in the cards stays with the parts of the same name.
  const before = new Map(state.parts.map((p) => [p.name.trim(), p]));
  state.parts = parts.map((p) => ({ ...p, fee: before.get(p.name)?.fee ?? '', credits: before.get(p.name)?.credits ?? '', rate: before.get(p.name)?.rate ?? '', hours: before.get(p.name)?.hours ?? '' }));
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
    return { ...p, name: v('name'), kind: v('kind'), availability: v('availability'), weight: v('weight'), uses: v('uses'), need: v('need'), fee: v('fee') ?? '', credits: v('credits') ?? '', rate: v('rate') ?? '', switchOver: v('switchOver') ?? '', switches: v('switches') ?? '', period: v('period') ?? '', hours: v('hours') ?? '', internal: $(`ch-part-${i}-internal`)?.checked ?? p.internal };
  });
  state.money = { ...NO_MONEY, ...Object.fromEntries(['charges', 'currency', 'period', 'credits', 'median', 'p90', 'cap', 'years'].map((k) => [k, $(`ch-m-${k}`).value])), on: $('ch-m-on').checked };
}

/** The state with its numbers read in the reader's locale (plain decimals), and the problems found, by
 *  field id. Numbers that cannot be read stay as typed, so that a link keeps what was typed. */
function canonical() {
  const problems = [];
  const s = structuredClone(state);
  s.money = { ...NO_MONEY, ...s.money };
  const number = (id, text, empty, decimals = 12, read = (t) => readNumber(t, { decimals })) => {
    const r = read(text);
    if ('value' in r) return r.value;
    if (r.code === 'empty' && !empty) return '';
    problems.push([id, r.code === 'empty' ? empty : r.error]);
    return text;
  };
  const amount = (id, text, empty) => number(id, text, empty, 6, (t) => readAmount(t, { currency: s.money.currency }));
  const credits = (id, text, empty) => {
    if (!text.trim()) {
      if (empty) problems.push([id, empty]);
      return '';
    }
    try {
      return creditsText(text, (t) => readNumber(t, { decimals: 6 }));
    } catch (e) {
      problems.push([id, e.message]);
      return text;
    }
  };
  if (s.money.on) {
    const m = s.money;
    m.charges = amount('ch-m-charges', m.charges, 'Type what the customer is charged each period, such as 40000.');
    m.credits = credits('ch-m-credits', m.credits, 'Type the customer’s credits, such as 10% below 99.9%; 25% below 99%.');
    m.cap = number('ch-m-cap', m.cap, '', 6);
    m.years = number('ch-m-years', m.years, '', 0);
    m.currency = m.currency.trim().toUpperCase();
    if (m.currency && !/^[A-Z]{3}$/.test(m.currency)) problems.push(['ch-m-currency', `“${m.currency}” is not a currency code: write three letters, such as EUR or USD, or leave it empty.`]);
  }
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
      if (s.money.on) {
        p.rate = number(`ch-part-${i}-rate`, p.rate ?? '', '', 6);
        if (!p.internal) {
          p.fee = amount(`ch-part-${i}-fee`, p.fee ?? '', p.credits?.trim() ? 'Type the fee paid to it each month: its credits are a share of it.' : '');
          p.credits = credits(`ch-part-${i}-credits`, p.credits ?? '', p.fee?.trim() ? 'Type its credits, such as 10% below 99.9%.' : '');
        }
      }
    } else if (!namesIn(p.uses).length) {
      problems.push([`ch-part-${i}-uses`, 'List the parts of this group by name, separated by commas.']);
    }
    if (p.kind === 'failover') {
      p.switches = number(`ch-part-${i}-switches`, p.switches ?? '', 'Type how many switch-overs it makes a month, such as 1: every failure of the part in use is one.', 6);
      if (!p.switchOver?.trim()) problems.push([`ch-part-${i}-switchOver`, 'Type how long a switch-over takes, such as 5 min (0 s if it is seamless).']);
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
    const key = { series: 'uses', parallel: 'uses', of: 'uses', availability: 'availability', weight: 'weight', need: 'need', fee: 'fee', credits: 'credits', outages: 'rate', failover: 'uses', switchOver: 'switchOver', switchesPerMonth: 'switches', period: 'period', calendar: 'hours' }[m[2]] ?? 'name';
    if (m[2] === 'currency') return $('ch-m-currency');
    return $(`ch-part-${m[1]}-${key}`) ?? $(`ch-part-${m[1]}-name`);
  }
  if ((m = /^money\.?(\w*)(?:\.(\w+))?/.exec(part))) {
    const key = m[1] === 'outages' ? (m[2] === 'p90' ? 'p90' : 'median') : m[1];
    return $(`ch-m-${key}`) ?? $('ch-m-charges');
  }
  const i = state.parts.findIndex((p) => p.name.trim() === part.trim());
  if (i < 0) return null;
  const p = state.parts[i];
  if (/no promise of|at worst, and the service only/.test(e.message ?? '')) return $('ch-target');
  if (/credits are measured|fails? .* times a month|availability of 0/.test(e.message ?? '')) return $(`ch-part-${i}-credits`) ?? $(`ch-part-${i}-rate`) ?? $(`ch-part-${i}-availability`);
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

/** A headline figure: its name, the figure in large type (in red when `missed`) with `after` beside it,
 *  and `note` under it. */
function stat(name, figure, note, testid, { missed = false, after = '' } = {}) {
  const li = el('li', {},
    el('span', { className: 'stat-name', textContent: name }), el('br'),
    el('strong', { className: `big-figure${missed ? ' missed' : ''}`, textContent: figure }),
    ...(after ? [` ${after}`] : []),
    ...(note ? [el('br'), el('span', { textContent: note })] : []),
  );
  if (testid) li.dataset.testid = testid;
  return li;
}

function show(r) {
  $('ch-report-title').textContent = `Service chain report: ${r.service}. Made with slacalc on ${new Date().toISOString().slice(0, 10)}.`;
  $('ch-verdict').replaceChildren(...r.verdict.map((line) => el('li', { textContent: line })));
  const over = `${r.period}, ${r.basis}`;
  const figure = (name, f, meets, testid) =>
    stat(name, percent(f), `${f.downtime.text} down over ${over}`, testid, { missed: meets === false, after: meets === true ? '(meets the target)' : meets === false ? '(misses the target)' : '' });
  $('ch-figures').replaceChildren(
    figure('If components fail independently', r.availability, r.meets, 'ch-independent'),
    figure('At worst, as the contracts alone guarantee', r.worstCase, r.meetsWorstCase, 'ch-worst'),
    ...(r.target ? [stat('Target', `${localeNumber(r.target)}%`, '', '')] : []),
  );
  $('ch-assumptions').replaceChildren(...r.assumptions.map((a) => el('li', { textContent: a })));
  showMoney(r.money);
  $('ch-diagram').replaceChildren(diagram(r));
  $('ch-table').querySelector('tbody').replaceChildren(
    ...r.parts.map((p) => {
      const tr = el('tr', { className: p.internal ? 'internal' : '' });
      const cells = [
        p.kind === 'component' ? (p.internal ? 'a component, in-house' : 'a component') : `${p.kind === 'series' ? 'all of' : p.kind === 'parallel' ? 'any one of' : p.kind === 'failover' ? 'one at a time, in order' : p.kind}: ${p.uses.join(', ')}`,
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

/** Money to the cent as the reader writes it, with the currency. */
function cash(text, currency) {
  const n = Number(text);
  const cents = Number.isInteger(n) ? 0 : 2;
  const written = new Intl.NumberFormat(undefined, { minimumFractionDigits: cents, maximumFractionDigits: cents }).format(n);
  return currency ? `${written} ${currency}` : written;
}

/** The money's verdict in the reader's locale (the API's own sentences write plain decimals). */
function moneyWords(m) {
  const c = (t) => cash(t, m.currency);
  const pc = (t) => `${localeNumber(t)}%`;
  const back = Number(m.paid.mean) > 0 ? `${pc((Math.trunc((Number(m.recovered.mean) / Number(m.paid.mean)) * 10000) / 100).toFixed(2))} of it` : 'with nothing paid';
  const lines = [
    `A year costs ${c(m.paid.mean)} in credits to the customer on average (9 years in 10 at most ${c(m.paid.p90)}); the providers pay back ${c(m.recovered.mean)} (${back}): a net exposure of ${c(m.net.mean)}, ${pc(m.netPercent)} of the contract value of ${c(m.contractValue)} (9 years in 10 at most ${c(m.net.p90)}, ${pc(m.netP90Percent)}).`,
  ];
  if (m.cap) {
    const bound = m.confidence === 'expected' ? 'in an average year' : '9 years in 10';
    lines.push(m.highestTarget ? `The highest target that keeps the net exposure within ${pc(m.cap)} of the contract value ${bound}: ${pc(m.highestTarget)}.` : `No target from 95% to 99.999% keeps the net exposure within ${pc(m.cap)} of the contract value ${bound}.`);
  }
  return lines;
}

/** The money of the chain: the verdict, the headline figures, the ladder drawn and as a table, each
 *  provider's recoveries, the assumptions. */
function showMoney(m) {
  $('ch-money').hidden = !m;
  $('ch-export-money').hidden = !m;
  if (!m) return;
  const c = (t) => cash(t, m.currency);
  $('ch-m-verdict').replaceChildren(...moneyWords(m).map((line) => el('li', { textContent: line })));
  $('ch-m-figures').replaceChildren(
    stat('Credits paid to the customer, a year', c(m.paid.mean), `9 years in 10 at most ${c(m.paid.p90)}; worst ${c(m.paid.worst)}`, 'ch-m-paid'),
    stat('Paid back by the providers', c(m.recovered.mean), `9 years in 10 at most ${c(m.recovered.p90)}`, 'ch-m-recovered'),
    stat('Net exposure', c(m.net.mean), `${localeNumber(m.netPercent)}% of the contract value of ${c(m.contractValue)}; 9 years in 10 at most ${c(m.net.p90)} (${localeNumber(m.netP90Percent)}%)`, 'ch-m-net'),
    stat('Service up in the simulation', `${localeNumber(m.simulatedAvailability)}%`, m.closedFormAvailability ? `${localeNumber(m.closedFormAvailability)}% in the closed form (components failing independently at their rates); ${m.years.toLocaleString()} contract years, seed ${m.seed}` : `${m.years.toLocaleString()} contract years`, 'ch-m-availability'),
  );
  const rows = m.ladder.filter((t) => t.paid);
  $('ch-m-ladder').querySelector('tbody').replaceChildren(
    ...m.ladder.map((t) => {
      const tr = el('tr', { className: t.target === m.highestTarget ? 'chosen' : t.within === false ? 'missed' : '' });
      const cells = t.paid ? [c(t.paid.mean), c(t.paid.p90), c(t.net.mean), c(t.net.p90), `${localeNumber(t.netPercent)}%${t.within === true ? ' (within)' : t.within === false ? ' (over)' : ''}`] : [t.reason, '', '', '', ''];
      tr.append(el('th', { scope: 'row', textContent: `${localeNumber(t.target)}%${t.target === m.highestTarget ? ' (highest within)' : ''}` }), ...cells.map((x) => el('td', { textContent: x })));
      return tr;
    }),
  );
  ladderChart(rows, m);
  $('ch-m-providers').querySelector('tbody').replaceChildren(
    ...(m.providers.length
      ? m.providers.map((p) => {
          const tr = el('tr');
          tr.append(el('th', { scope: 'row', textContent: p.name }), ...[c(p.fees), c(p.recovered.mean), c(p.recovered.p90), `${localeNumber(p.recoveredPercent)}%`, p.meanDowntime.text].map((x) => el('td', { textContent: x })));
          return tr;
        })
      : [el('tr', {}, el('td', { colSpan: 6, textContent: 'No provider has a fee and credits: give them in the providers’ cards to see what they pay back.' }))]),
  );
  $('ch-m-assumptions').replaceChildren(...[...m.assumptions, ...m.notes].map((a) => el('li', { textContent: a })));
}

/** The ladder as horizontal bars: the average year's net exposure, and a mark at the 90th percentile. */
function ladderChart(rows, m) {
  const values = rows.flatMap((t) => [Number(t.net.mean), Number(t.net.p90), 0]);
  const [lo, hi] = [Math.min(...values), Math.max(...values, 1)];
  const [W, left, right, row] = [420, 62, 12, 20];
  const x = (v) => left + ((v - lo) / (hi - lo || 1)) * (W - left - right);
  const H = rows.length * row + 28;
  const chart = $('ch-m-chart');
  chart.setAttribute('viewBox', `0 0 ${W} ${H}`);
  /** @type {Array<[string, Record<string, any>, string?]>} */
  const parts = [['line', { x1: x(0), x2: x(0), y1: 2, y2: H - 22, class: 'axis' }]];
  rows.forEach((t, k) => {
    const y = 4 + k * row;
    const [a, b] = [x(0), x(Number(t.net.mean))];
    const what = `${localeNumber(t.target)}%: net ${cash(t.net.mean, m.currency)} on average, ${cash(t.net.p90, m.currency)} 9 years in 10`;
    parts.push(['text', { x: left - 6, y: y + 13, class: 'label', 'text-anchor': 'end' }, `${localeNumber(t.target)}%`]);
    parts.push(['rect', { x: Math.min(a, b), y: y + 3, width: Math.max(1, Math.abs(b - a)), height: row - 7, class: t.within === false ? 'bar over' : t.within === true ? 'bar within' : 'bar' }, what]);
    parts.push(['line', { x1: x(Number(t.net.p90)), x2: x(Number(t.net.p90)), y1: y + 1, y2: y + row - 1, class: 'p90' }, what]);
  });
  parts.push(['text', { x: x(0), y: H - 8, class: 'label', 'text-anchor': 'middle' }, '0']);
  parts.push(['text', { x: W - right, y: H - 8, class: 'label', 'text-anchor': 'end' }, `${cash(String(hi), m.currency)} a year`]);
  chart.replaceChildren(...svg(parts));
  chart.setAttribute('aria-label', `Net exposure a year by target: ${rows.map((t) => `${localeNumber(t.target)}%: ${cash(t.net.mean, m.currency)} on average, ${cash(t.net.p90, m.currency)} 9 years in 10`).join('; ')}.`);
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
    const how = p.kind === 'series' ? 'all needed' : p.kind === 'parallel' ? 'any one suffices' : p.kind === 'failover' ? 'one at a time, in this order, down while switching over' : `${p.kind} suffice`;
    head.append(el('span', { className: 'block-note', textContent: `${how}${shared ? `; shared by ${p.usedBy.join(', ')}` : ''}` }));
    const list = el(p.kind === 'series' || p.kind === 'failover' ? 'ol' : 'ul', { className: p.kind === 'series' ? 'series' : 'redundant' }, ...p.uses.map((u) => draw(u, depth + 1)));
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

/** The money as CSV: a line for what is paid, paid back and net, each provider, and each target of the
 *  ladder; each with a year's mean, median, 90th percentile and worst, in plain decimals. */
function moneyCsv(m) {
  const head = ['what', 'name', 'mean', 'median', 'p90', 'worst', 'currency'];
  const row = (what, name, s) => [what, name, s.mean, s.median, s.p90, s.worst, m.currency];
  const rows = [row('paid to the customer', '', m.paid), row('paid back by the providers', '', m.recovered), row('net exposure', '', m.net)];
  for (const p of m.providers) rows.push(row('paid back by a provider', p.name, p.recovered));
  for (const t of m.ladder.filter((t) => t.paid)) rows.push(row('paid at a target', `${t.target}%`, t.paid), row('net at a target', `${t.target}%`, t.net));
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
  const m = money();
  $('ch-m-on').checked = m.on;
  $('ch-m-fields').hidden = !m.on;
  $('ch-m-charges').value = localeAmount(m.charges);
  $('ch-m-currency').value = m.currency;
  $('ch-m-period').value = m.period;
  $('ch-m-credits').value = shownCredits(m.credits);
  $('ch-m-median').value = m.median;
  $('ch-m-p90').value = m.p90;
  $('ch-m-cap').value = shown(m.cap);
  $('ch-m-years').value = shown(m.years);
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
  state.parts.splice(at, 0, { ...blankPart(name, kind), availability: kind === 'component' ? '99.9' : '' });
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
    if (t.id === 'ch-m-on' || t.id === 'ch-m-currency') {
      readState();
      $('ch-m-fields').hidden = !state.money.on;
      renderParts();
      update();
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
  $('ch-export-money').addEventListener('click', () => last?.money && download('service-chain-money.csv', 'text/csv', moneyCsv(last.money)));
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
