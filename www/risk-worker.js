// Simulates contract years off the page's thread; the page terminates this worker when the terms change
// during a run, and starts another.
import init, * as core from './pkg-logs/slacalc.js';
import { loadZone } from './zones.js';

const ready = init();

onmessage = async ({ data }) => {
  try {
    await ready;
    if (data.input.calendar) await loadZone(core, data.input.calendar.timeZone ?? 'UTC');
    const started = performance.now();
    const result = core.risk(data.input);
    postMessage({ id: data.id, result, ms: performance.now() - started }, [result.yearlyCredits.buffer]);
  } catch (e) {
    postMessage({ id: data.id, error: { message: e.message, field: e.field, code: e.code, part: e.part } });
  }
};
