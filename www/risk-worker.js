// Simulates contract years off the page's thread. The page hands over the analysis module it compiled
// (`{ module }`, first), and this worker lives as long as the page. Each request is answered in two
// steps when it asks for more than the headline: the headline years first (`partial`), then everything
// (the sensitivity grid, the break-even and the ladder). A request that a newer one has overtaken by
// then is dropped, so typing never waits for a simulation of terms no longer on the page. A run that
// broke the module here answers `restart`, and the page replaces the worker.
import init, * as core from './pkg-analysis/slacalc.js';
import { breaksModule } from './core.js';
import { loadZone } from './zones.js';

/** @type {Promise<unknown> | undefined} */
let ready;
let latest = 0;
/** Lets requests that came during a run be received before the next step. */
const breath = () => new Promise((resolve) => setTimeout(resolve, 0));

/** Runs `input` and posts the result for request `id`. */
function answer(id, input, partial) {
  const started = performance.now();
  const result = core.risk(input);
  postMessage({ id, partial, result, ms: performance.now() - started }, [result.yearlyCredits.buffer]);
}

onmessage = async ({ data }) => {
  if (data.module) {
    ready = init({ module_or_path: data.module });
    return;
  }
  latest = data.id;
  try {
    await (ready ??= init());
    if (data.input.calendar) await loadZone(core, data.input.calendar.timeZone ?? 'UTC');
    const { sensitivity, breakEvenPercent, solve, ...headline } = data.input;
    if (sensitivity || breakEvenPercent !== undefined || solve) {
      if (data.id !== latest) return;
      answer(data.id, headline, true);
      await breath();
    }
    if (data.id !== latest) return;
    answer(data.id, data.input, false);
  } catch (e) {
    const restart = breaksModule(e);
    const message = restart ? 'The simulation failed inside the calculator, which has been restarted: change a field or try again.' : e.message;
    postMessage({ id: data.id, restart, error: { message, field: e.field ?? 'input', code: e.code ?? 'internal', part: e.part } });
  }
};
