// The ticket measurement runs here, off the page's thread. A file's bytes go to the core as they arrive
// (a TicketExport: no copy as text here), with progress; the export read is kept, so a changed SLA is
// measured without reading it again. A pasted export is read once per request. Each request is measured by
// the period chosen (the tickets that missed listed), and when that is the month, by quarter too,
// for what a quarter hides. The page cancels by terminating this worker; each answer carries its request's id.
import init, * as core from './pkg-analysis/slacalc.js';
import { breaksModule } from './core.js';
import { readPieces } from './files.js';
import { loadZone } from './zones.js';

const ready = init();
/** The last file read: its identity with the zone its local times were read in, and the export. */
let kept;

/** The file read with its columns named as in `columns`, kept for the next request. An error carries the
 *  header's columns, for the page's columns step. */
async function readFile(file, zone, columns) {
  const key = `${file.name}\u0000${file.size}\u0000${file.lastModified}\u0000${zone}\u0000${JSON.stringify(columns)}`;
  if (kept?.key === key) return kept.export;
  kept?.export.free();
  kept = undefined;
  const exported = new core.TicketExport(zone, columns);
  try {
    await readPieces(
      file,
      (bytes) => exported.push(bytes),
      (done) => postMessage({ type: 'progress', done, total: file.size, tickets: exported.tickets }),
    );
  } catch (e) {
    e.columns = exported.columns;
    exported.free();
    throw e;
  }
  kept = { key, export: exported };
  return exported;
}

onmessage = async ({ data }) => {
  /** The export measured: the file's, kept; or a pasted one's, read once for both measurements here. */
  let exported;
  let pasted = false;
  try {
    await ready;
    const zone = data.input.sla.timeZone ?? 'UTC';
    const zones = new Set([zone, ...data.input.sla.goals.map((g) => g.calendar?.timeZone).filter(Boolean)]);
    for (const name of zones) await loadZone(core, name);
    if (data.file) exported = await readFile(data.file, zone, data.columns);
    else {
      exported = new core.TicketExport(zone, data.columns);
      pasted = true;
      exported.push(data.text);
    }
    postMessage({ type: 'measuring', id: data.id });
    const started = performance.now();
    // The tickets that missed a goal are listed; the histograms count every ticket.
    const report = exported.measure({ ...data.input, list: 'missed' });
    // Measured by month, by quarter too: the verdict says which missed months a quarter hides.
    const quarters = data.input.period === 'month' ? exported.measure({ ...data.input, period: 'quarter', list: 'none' }).periods : null;
    postMessage({ type: 'report', id: data.id, report, quarters, ms: performance.now() - started });
  } catch (e) {
    const restart = breaksModule(e);
    const message = restart ? 'The tickets could not be measured: the calculator failed and has been restarted. Try again.' : e.message;
    // A header or columns refused: the header's columns, for the page's columns step.
    const refused = e.part === 'header' || e.part?.startsWith('columns');
    const columns = e.columns ?? (refused && !restart ? exported?.columns : undefined);
    postMessage({ type: 'error', id: data.id, restart, error: { message, field: e.field ?? 'tickets', code: e.code ?? 'internal', part: e.part, columns } });
  } finally {
    // A module that broke cannot free it; the worker's module is made again then.
    try {
      if (pasted) exported.free();
    } catch {
      // nothing left to free
    }
  }
};
