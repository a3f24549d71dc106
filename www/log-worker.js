// The log analysis runs here, off the page's thread: reading a large file with progress, then measuring
// it. The page can cancel by terminating this worker.
import init, { attainment, registerTimeZone, hasTimeZone } from './pkg-logs/slacalc.js';

const ready = init();

async function readWithProgress(file) {
  const reader = file.stream().pipeThrough(new TextDecoderStream()).getReader();
  const parts = [];
  let read = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    parts.push(value);
    read += value.length;
    postMessage({ type: 'progress', done: Math.min(read, file.size), total: file.size });
  }
  return parts.join('');
}

async function loadZone(name) {
  if (!name || hasTimeZone(name)) return;
  const response = await fetch(`tz/${name}.tzif`);
  if (response.ok) registerTimeZone(name, new Uint8Array(await response.arrayBuffer()));
}

onmessage = async ({ data }) => {
  try {
    await ready;
    const text = data.file ? await readWithProgress(data.file) : data.text;
    postMessage({ type: 'measuring' });
    await loadZone(data.input.calendar?.timeZone ?? data.input.timeZone);
    const started = performance.now();
    const report = attainment({ ...data.input, outages: text });
    postMessage({ type: 'report', report, ms: performance.now() - started, bytes: text.length });
  } catch (e) {
    postMessage({ type: 'error', error: { message: e.message, field: e.field, code: e.code, part: e.part } });
  }
};
