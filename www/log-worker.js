// The log analysis runs here, off the page's thread. A CSV file is read as it streams in, piece by piece,
// into an OutageLog, with progress; the log read is kept, so new terms are measured without reading it
// again. A pasted log (CSV or JSON) and JSON files are measured in one call. The page cancels by
// terminating this worker. Each answer carries the id of the request it answers: requests overlap while
// one waits for its zone or its file, and the page shows only the answer to its latest.
import init, * as core from './pkg-analysis/slacalc.js';
import { breaksModule } from './core.js';
import { readPieces } from './files.js';
import { loadZone } from './zones.js';

const { attainment, OutageLog } = core;
const ready = init();

/** The last file read: its identity, the zone its local times were read in, and the log. */
let kept;

const isJson = (file) => /\.json$/i.test(file.name) || file.type === 'application/json';

async function readFile(file, zone) {
  const key = `${file.name}\u0000${file.size}\u0000${file.lastModified}\u0000${zone}`;
  if (kept?.key === key) return kept.log;
  kept?.log.free();
  kept = undefined;
  const log = new OutageLog(zone);
  // The file's bytes go to the core as they arrive: it decodes them (UTF-8), with no copy as text here.
  try {
    await readPieces(
      file,
      (bytes) => log.push(bytes),
      (done) => postMessage({ type: 'progress', done, total: file.size, outages: log.outages }),
    );
    log.finish();
  } catch (e) {
    log.free();
    throw e;
  }
  kept = { key, log };
  return log;
}

onmessage = async ({ data }) => {
  try {
    await ready;
    const zone = data.input.calendar?.timeZone ?? data.input.timeZone ?? 'UTC';
    await loadZone(core, zone);
    let report;
    let started;
    if (data.file && !isJson(data.file)) {
      const log = await readFile(data.file, zone);
      postMessage({ type: 'measuring', id: data.id });
      started = performance.now();
      report = log.attainment(data.input);
    } else {
      const text = data.file ? await data.file.text() : data.text;
      postMessage({ type: 'measuring', id: data.id });
      started = performance.now();
      report = attainment({ ...data.input, outages: text });
    }
    postMessage({ type: 'report', id: data.id, report, ms: performance.now() - started });
  } catch (e) {
    const restart = breaksModule(e);
    const message = restart ? 'The log could not be measured: the calculator failed and has been restarted. Try again.' : e.message;
    postMessage({ type: 'error', id: data.id, restart, error: { message, field: e.field ?? 'outages', code: e.code ?? 'internal', part: e.part } });
  }
};
