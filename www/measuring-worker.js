// A page's worker that reads and measures a file (the outage-log and tickets pages), with the page's
// progress box: `<prefix>-progress`, `<prefix>-progress-bar` and `<prefix>-progress-text`. Each request
// gets a new id, and answers to earlier ones are dropped: requests overlap while one waits for its zone
// or its file. A worker whose module broke is replaced before the next request.
import { $ } from './util.js';

/**
 * @param {URL} url the worker's module
 * @param {string} prefix the ids of the progress box
 * @param {{ progress: (data: any) => string, report: (data: any) => void, failed: (error: any) => void, crashed: string }} on
 *   the words of a progress message, what to do with a report and with an error, and what to say when the
 *   browser stops the worker
 */
export function measuringWorker(url, prefix, on) {
  /** @type {Worker | undefined} */
  let worker;
  let id = 0;
  const busy = (/** @type {boolean} */ shown) => {
    $(`${prefix}-progress`).hidden = !shown;
    if (shown) {
      $(`${prefix}-progress-bar`).removeAttribute('value');
      $(`${prefix}-progress-text`).textContent = 'Working…';
    }
  };
  const stop = () => {
    worker?.terminate();
    worker = undefined;
    busy(false);
  };
  const start = () => {
    const w = new Worker(url, { type: 'module' });
    w.onmessage = ({ data }) => {
      if (data.id !== undefined && data.id !== id) return;
      if (data.type === 'progress') {
        $(`${prefix}-progress-bar`).value = data.done / data.total;
        $(`${prefix}-progress-text`).textContent = on.progress(data);
      } else if (data.type === 'measuring') {
        $(`${prefix}-progress-text`).textContent = 'Measuring…';
      } else if (data.type === 'report') {
        busy(false);
        on.report(data);
      } else if (data.type === 'error') {
        if (data.restart) stop();
        busy(false);
        on.failed(data.error);
      }
    };
    w.onerror = () => {
      worker = undefined;
      busy(false);
      on.failed({ message: on.crashed });
    };
    return w;
  };
  return {
    /** Posts `message` as the latest request, showing the progress box. */
    send(message) {
      worker ??= start();
      busy(true);
      id += 1;
      worker.postMessage({ ...message, id });
    },
    /** Ends the worker and whatever it was doing. */
    cancel: stop,
  };
}

/**
 * Calls `run(next)` once typing pauses, 250 ms after the last call, with the last `next` given since it
 * last ran (a new text or file to measure): a keystroke does not measure again by itself.
 * @template T
 * @param {(next: T | undefined) => void} run
 * @returns {(next?: T) => void}
 */
export function measureSoon(run) {
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let typing;
  /** @type {T | undefined} */
  let waiting;
  return (next) => {
    if (next) waiting = next;
    clearTimeout(typing);
    typing = setTimeout(() => {
      const given = waiting;
      waiting = undefined;
      run(given);
    }, 250);
  };
}
