// The ticket measurement runs here, off the page's thread. A file is read as it streams in, with progress;
// the text read is kept, so new terms are measured without reading it again. Each request is measured by
// the period chosen (every ticket listed, for the histogram), and by month and by quarter for what the
// longer period hides. The page cancels by terminating this worker; each answer carries its request's id.
import init, * as core from './pkg-analysis/slacalc.js';
import { breaksModule } from './core.js';
import { loadZone } from './zones.js';

const ready = init();
/** The last file read: its identity and its text. */
let kept;

async function readFile(file) {
  const key = `${file.name}\u0000${file.size}\u0000${file.lastModified}`;
  if (kept?.key === key) return kept.text;
  kept = undefined;
  const decoder = new TextDecoder();
  const reader = file.stream().getReader();
  const pieces = [];
  let read = 0;
  let last = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    pieces.push(decoder.decode(value, { stream: true }));
    read += value.length;
    const now = performance.now();
    if (now - last > 50) {
      last = now;
      postMessage({ type: 'progress', done: Math.min(read, file.size), total: file.size });
    }
  }
  pieces.push(decoder.decode());
  kept = { key, text: pieces.join('') };
  return kept.text;
}

onmessage = async ({ data }) => {
  try {
    await ready;
    const zones = new Set([data.input.sla.timeZone ?? 'UTC', ...data.input.sla.goals.map((g) => g.calendar?.timeZone).filter(Boolean)]);
    for (const zone of zones) await loadZone(core, zone);
    const csv = data.file ? await readFile(data.file) : data.text;
    postMessage({ type: 'measuring', id: data.id });
    const started = performance.now();
    const report = core.tickets({ ...data.input, csv, list: 'all' });
    const other = Object.fromEntries(['month', 'quarter'].filter((p) => p !== data.input.period).map((p) => [p, core.tickets({ ...data.input, csv, period: p }).periods]));
    other[data.input.period] = report.periods;
    postMessage({ type: 'report', id: data.id, report, byPeriod: other, ms: performance.now() - started });
  } catch (e) {
    const restart = breaksModule(e);
    const message = restart ? 'The tickets could not be measured: the calculator failed and has been restarted. Try again.' : e.message;
    postMessage({ type: 'error', id: data.id, restart, error: { message, field: e.field ?? 'tickets', code: e.code ?? 'internal', part: e.part } });
  }
};
