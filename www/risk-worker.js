// Simulates contract years off the page's thread; the page terminates this worker when the terms change
// during a run, and starts another, and also when a run broke the module here (`restart`).
import init, * as core from './pkg-analysis/slacalc.js';
import { breaksModule } from './core.js';
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
    const restart = breaksModule(e);
    const message = restart ? 'The simulation failed inside the calculator, which has been restarted: change a field or try again.' : e.message;
    postMessage({ id: data.id, restart, error: { message, field: e.field ?? 'input', code: e.code ?? 'internal', part: e.part } });
  }
};
