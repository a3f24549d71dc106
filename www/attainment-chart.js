// The attainment of each period as bars against the target line, every period labelled, each bar's
// figures on hover and on keyboard focus; and months drawn inside their quarters, to see what a quarter
// hides. The axis starts at a round value below the lowest bar and the caption says so.
import { svg } from './util.js';

/** Round values an availability axis may start at. */
const BASES = [0, 50, 80, 90, 95, 98, 99, 99.5, 99.8, 99.9, 99.95, 99.98, 99.99, 99.995, 99.999];

/** The axis start: the highest round value leaving the lowest bar at least a quarter of its height. */
export function baseline(lowest) {
  const room = lowest - (100 - lowest) * 0.34;
  return [...BASES].reverse().find((b) => b <= room) ?? 0;
}

/** A period's label, short enough to sit under its bar: "Mar", "W9", "Q2", "4 May". */
function shortLabel(measure, label) {
  if (measure === 'month') return label.split(' ')[0];
  if (measure === 'quarter') return label.split(' ')[0];
  if (measure === 'week') return `W${/week (\d+)/.exec(label)?.[1] ?? label}`;
  return label.split(' to ')[0].replace(/ \d{4}$/, '');
}

/** Shows the figures of the bar under the pointer or with the focus. */
export function showTip(tip, target) {
  const bar = target.closest?.('[data-tip]');
  if (bar) tip.textContent = bar.getAttribute('data-tip');
}

/**
 * Draws `report`'s periods of `measure` ("week", "fortnight", "month", "quarter" or "month-in-quarter")
 * into `chart` against `target` (a decimal string), with the caption and an empty tip.
 */
export function drawAttainment(chart, caption, tip, report, measure, target, durationText) {
  const inQuarters = measure === 'month-in-quarter';
  const choice = report.choices.find((c) => c.measure === (inQuarters ? 'month' : measure));
  const quarters = inQuarters ? report.choices.find((c) => c.measure === 'quarter') : null;
  const t = Number(target);
  const value = (p) => (p.availability === null ? 100 : Number(p.availability));
  const all = [...choice.periods, ...(quarters?.periods ?? [])].map(value);
  const base = baseline(Math.min(t, ...all));
  const [left, top, width, height] = [58, 18, 566, 180];
  const y = (v) => top + height - ((Math.max(v, base) - base) / (100 - base)) * height;
  const band = width / choice.periods.length;
  const figures = (p) =>
    p.availability === null
      ? `${p.label}: no service hours`
      : `${p.label}: ${p.availability}% (${p.met ? 'met' : 'breached'}), ${durationText(p.downtimeSeconds)} down in ${durationText(p.serviceSeconds)} of service`;
  /** @type {Array<[string, Record<string, any>, string?]>} */
  const parts = [];
  for (const v of [base, 100]) {
    parts.push(['line', { x1: left, x2: left + width, y1: y(v), y2: y(v), class: 'tick' }]);
    parts.push(['text', { x: left - 4, y: y(v) + 4, class: 'label', 'text-anchor': 'end' }, `${v}%`]);
  }
  if (quarters) {
    for (const q of quarters.periods) {
      const inside = choice.periods.map((p, i) => [p, i]).filter(([p]) => p.start >= q.start && p.end <= q.end);
      if (!inside.length) continue;
      const x0 = left + inside[0][1] * band;
      const w = inside.length * band;
      parts.push(['rect', { x: x0 + 1, y: y(value(q)), width: w - 2, height: Math.max(0.5, y(base) - y(value(q))), class: q.met ? 'quarter' : 'quarter missed', tabindex: 0, 'data-tip': figures(q), 'aria-label': figures(q) }, figures(q)]);
      parts.push(['text', { x: x0 + w / 2, y: top + height + 30, class: 'label', 'text-anchor': 'middle' }, `${shortLabel('quarter', q.label)}: ${q.availability ?? '100'}%`]);
    }
  }
  const every = Math.ceil(choice.periods.length / Math.floor(width / 34));
  choice.periods.forEach((p, i) => {
    const v = value(p);
    const w = band * (inQuarters ? 0.5 : 0.7);
    const x = left + i * band + (band - w) / 2;
    parts.push(['rect', { x, y: y(v), width: Math.max(1, w), height: Math.max(0.5, y(base) - y(v)), class: p.met ? 'bar' : 'bar missed', tabindex: 0, 'data-tip': figures(p), 'aria-label': figures(p) }, figures(p)]);
    if (i % every === 0) parts.push(['text', { x: left + i * band + band / 2, y: top + height + 14, class: 'label', 'text-anchor': 'middle' }, shortLabel(choice.measure, p.label)]);
  });
  parts.push(['line', { x1: left, x2: left + width, y1: y(t), y2: y(t), class: 'target' }]);
  parts.push(['text', { x: left - 4, y: y(t) + 4, class: 'label target-label', 'text-anchor': 'end' }, `${target}%`]);
  chart.replaceChildren(...svg(parts));
  tip.textContent = 'Point at a bar, or move to it with the Tab key, for its figures.';
  const breached = choice.periods.filter((p) => !p.met).length;
  const name = choice.measure;
  caption.textContent =
    (inQuarters
      ? `Each month against ${target}%, drawn inside its quarter (the wide pale bar, labelled below with the quarter's attainment): ${breached} of ${choice.periods.length} months below the line, in red; ${quarters.periods.filter((q) => !q.met).length} of ${quarters.periods.length} quarters.`
      : `Attainment of each ${name} against the target, ${target}% (the dashed line): ${breached} of ${choice.periods.length} below it, in red.`) +
    (base > 0 ? ` The axis starts at ${base}%, not at 0, so that the differences can be seen; they are smaller than they look.` : '');
}
