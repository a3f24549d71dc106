// What used to break the pages: links nested thousands deep, a calendar that would take gigabytes, a
// module left broken. Each page answers with a message next to the field, no uncaught error, and goes on
// working.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { pageHarness } from './browser.mjs';
import { encode, DEFAULT_STATE } from '../../www/scenario.js';

const harness = pageHarness({ before, after });

/** `{ a: { a: ... leaf } }`, `depth` levels deep, as JSON text (built as text: no stack is needed). */
const deepJson = (depth, leaf = '1') => '{"a":'.repeat(depth) + leaf + '}'.repeat(depth);

test('a module broken by any means is re-created, and the page works its figures out again', async () => {
  const seen = [];
  const page = await harness.open('/', seen);
  assert.equal(await page.getByTestId('allowed').textContent(), '43 min 49.746 s');
  // Break the page's instance of the module: every call now traps (WebAssembly.RuntimeError).
  await page.evaluate(async () => {
    const m = await import('/pkg/slacalc.js');
    const exports = await m.default();
    new Uint8Array(exports.memory.buffer).fill(0xff);
  });
  await page.getByLabel('Availability target').fill('99.95');
  // A fresh instance takes over and the figure is worked out again: 0.05% of 2 629 746 s = 1 314.873 s.
  await page.waitForFunction(() => document.querySelector('[data-testid=allowed]').textContent === '21 min 54.873 s');
  assert.equal(await page.getByTestId('target-error').isHidden(), true);
  await page.getByLabel('Availability target').fill('99');
  await page.waitForFunction(() => document.querySelector('[data-testid=allowed]').textContent === '7 h 18 min 17.46 s');
  assert.deepEqual(seen, []);
  await page.context().close();
});

test('a comparison link holding a schedule nested 300 deep: a message next to that quote, and the page goes on', async () => {
  const seen = [];
  const state = structuredClone(DEFAULT_STATE);
  // A quote's own schedule (the link keeps at most 2 000 characters of it), and one on the internal
  // service, which has no schedule and sends none.
  state.options[1].schedule = 'custom';
  state.options[1].custom = deepJson(300);
  state.options[0].schedule = 'custom';
  state.options[0].custom = deepJson(300);
  const page = await harness.open(`/compare.html#z=${await encode(state)}`, seen);
  const error = page.locator('#opt-1-custom-error');
  await error.waitFor();
  assert.equal(await error.textContent(), 'It is nested more than 64 levels deep.');
  assert.equal(await page.locator('#opt-0-name-error').count(), 0);
  // Writing a schedule that can be read brings the comparison back.
  await page.locator('#opt-1-custom').fill('{"target": "99.9", "flat": 10}');
  await page.waitForFunction(() => !document.querySelector('#cmp-table').closest('[hidden]') && document.querySelector('#opt-1-custom-error').hidden);
  assert.deepEqual(seen, []);
  await page.context().close();
});

test('a custom schedule link nested 5 000 deep, in credits and in risk mode: a message next to the schedule', async () => {
  const seen = [];
  const deep = '['.repeat(5000) + '1' + ']'.repeat(5000);
  const s = `{"target":"99.9","tiers":${deep},"flat":${deep},"name":${deep}}`;
  for (const m of ['credits', 'risk']) {
    const page = await harness.open(`/penalties.html#p=custom&m=${m}&s=${encodeURIComponent(s)}`, seen);
    assert.equal(
      await page.getByTestId('sch-error').textContent(),
      'The schedule given is nested more than 64 levels deep and cannot be read: choose a preset, or fill in the form.',
    );
    // Choosing a preset brings the page back: figures, and no error left.
    await page.locator('#sch-preset').selectOption({ index: 1 });
    await page.waitForFunction(() => document.querySelector('#sch-error').hidden && !document.querySelector('#sch-target').getAttribute('aria-invalid'));
    // The same nesting pasted into the schedule's JSON is refused there, and the form keeps its schedule.
    await page.locator('#sch-json-box summary').click();
    await page.getByTestId('pen-json').fill(s);
    assert.match(await page.locator('#sch-json-error').textContent(), /nested more than 64 levels deep/);
    await page.context().close();
  }
  assert.deepEqual(seen, []);
});

test('a calculator link whose exclusions would take gigabytes: a message next to them, at once', async () => {
  const seen = [];
  const hm = (x) => `${String(Math.floor(x / 60)).padStart(2, '0')}:${String(x % 60).padStart(2, '0')}`;
  const q = new URLSearchParams({ target: '99.9', period: '2026-01-01/2125-12-01', hours: 'Mon-Fri 08:00-18:00', tz: 'UTC' });
  for (let i = 0; i < 500; i++) q.append('excl', `daily ${hm(480 + i)}-${hm(481 + i)}`);
  const page = await harness.open(`/?${q}`, seen);
  await page.waitForFunction(() => [...document.querySelectorAll('.calendar-editor .error')].some((e) => !e.hidden && e.textContent));
  assert.match(await page.locator('.calendar-editor .error:visible').first().textContent(), /about 18 275 070 intervals/);
  assert.deepEqual(seen, []);
  await page.context().close();
});

test('no request leaves the page origin', () => {
  assert.deepEqual(harness.foreignRequests(), []);
});
