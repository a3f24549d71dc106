// The calculator's picture: the measured time as 1 000 squares with the allowed and observed downtime.
// Every figure in the caption comes from the core; the picture only scales them.
import { $, svg } from './util.js';

const COLUMNS = 50;
const ROWS = 20;
const CELL = 10;

/** A picture's number with at most `places` decimals, trailing zeros dropped: 11.904761 -> "11.9". */
function short(x, places) {
  return String(Number(x.toFixed(places)));
}

/** An SVG path of the first `squares` cells of the grid, row by row; the last one partly filled. */
function waffleCells(squares) {
  let d = '';
  for (let i = 0; i < COLUMNS * ROWS && squares - i > 0; i++) {
    const share = Math.min(1, squares - i);
    const x = (i % COLUMNS) * CELL + 0.5;
    const y = Math.floor(i / COLUMNS) * CELL + 0.5;
    d += `M${x} ${y}h${Math.max(0.6, (CELL - 1) * share).toFixed(3)}v${CELL - 1}H${x}Z`;
  }
  return d;
}

/** The grid itself, drawn once: a pattern of empty squares under the paths of downtime squares. */
export function buildWaffle() {
  const [defs, grid, down, observed] = svg([
    ['defs', {}],
    ['rect', { width: COLUMNS * CELL, height: ROWS * CELL, fill: 'url(#waffle-cell)' }],
    ['path', { id: 'waffle-down', class: 'down' }],
    ['path', { id: 'waffle-observed', class: 'observed' }],
  ]);
  const [pattern] = svg([['pattern', { id: 'waffle-cell', width: CELL, height: CELL, patternUnits: 'userSpaceOnUse' }]]);
  pattern.append(...svg([['rect', { x: 0.5, y: 0.5, width: CELL - 1, height: CELL - 1, class: 'up' }]]));
  defs.append(pattern);
  $('waffle').append(defs, grid, down, observed);
}

/** Squares of 1 000 that `percent` (a decimal string with at most 6 decimals) fills, read exactly. */
function squaresOf(percent) {
  const [whole, frac = ''] = percent.split('.');
  return (Number(whole) * 1e6 + Number(frac.padEnd(6, '0').slice(0, 6))) / 1e5;
}

/**
 * Draws the allowed downtime (and the observed one, outlined) over the measured time: the period on 24x7,
 * its service time on service hours. `square` is the length of one square (0.1% of the measured time);
 * `observed` the achieved result, if a downtime was typed.
 * @param {{ unavailabilityPercent: string, square: string, onService: boolean, observed?: any }} p
 */
export function drawWaffle({ unavailabilityPercent, square, onService, observed }) {
  const allowed = squaresOf(unavailabilityPercent);
  $('waffle-down').setAttribute('d', waffleCells(allowed));
  const whole = onService ? 'The service time of the period' : 'The whole period';
  let caption =
    `${whole} as 1 000 squares, each 0.1% of it (${square}). ` +
    (allowed >= 1
      ? `The allowed downtime fills ${short(allowed, 4)} of the 1 000 squares.`
      : `The allowed downtime is ${short(allowed * 100, 4)}% of one square: the sliver in the first square.`);
  let used = 0;
  if (observed) {
    used = (Number(observed.downtimeSeconds) / Number(observed.measuredSeconds)) * 1000;
    // The words must agree with the verdict, which compares exactly: add decimals until they do.
    let shown = short(used, 2);
    for (let places = 3; places <= 8 && observed.meetsTarget === false && Number(shown) <= allowed; places++) shown = short(used, places);
    const verdict = observed.meetsTarget === null ? '' : observed.meetsTarget ? `, within the ${short(allowed, 4)} allowed` : `, more than the ${short(allowed, 4)} allowed: the target is missed`;
    caption += ` The observed downtime (${observed.downtime}) fills ${used > 0 ? 'about ' : ''}${shown} squares${verdict}; outlined.`;
  }
  $('waffle-observed').setAttribute('d', used > 0 ? waffleCells(used) : '');
  $('waffle-legend-observed').hidden = !observed;
  $('waffle-caption').textContent = caption;
}
