// The outage-log page in Chromium: the example log judged every way, bad rows reported by line, errors
// next to the field, a large file read in the worker, and the exports.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { pageHarness } from './browser.mjs';

const harness = pageHarness({ before, after });

async function open() {
  const page = await harness.open('/logs.html');
  return page;
}

const report = (page) => page.waitForSelector('#log-report:not([hidden])');

test('the example log: weekly measurement shows what monthly hides', async () => {
  const page = await open();
  await page.getByTestId('log-example').click();
  await report(page);
  const verdict = await page.getByTestId('log-verdict').locator('li').allTextContents();
  // Week 10 of 2026 (2 to 8 March): 604 800 s less 3 h of maintenance = 594 000 s of service; down
  // 131 + 22 min = 9 180 s; 1 - 9 180 / 594 000 = 98.4545...% < 99.5%.
  assert.equal(verdict[0], 'Measured weekly, 4 of 53 weeks breached 99.5%; the worst, week 10 of 2026, was 98.45%.');
  assert.equal(verdict[2], 'Measured monthly, every month met 99.5% (12 of 12).');
  assert.equal(verdict.at(-1), 'Measuring monthly, quarterly or yearly hides breaches that measuring weekly or every two weeks shows.');
  // At 99.9% the months show it too.
  await page.getByTestId('log-target').fill('99.9');
  await page.waitForFunction(() => document.querySelector('[data-testid=log-verdict] li')?.textContent.includes('99.9%'));
  assert.match((await page.getByTestId('log-verdict').locator('li').allTextContents())[2], /^Measured monthly, 6 of 12 months breached 99\.9%/);

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('log-export-csv').click()]);
  const text = await (await download.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString());
  const lines = text.trim().split('\n');
  assert.equal(lines[0], 'measured,period,start,end,service_seconds,downtime_seconds,availability_percent,met');
  // 53 weeks, 27 fortnights, 12 months, 4 quarters, 1 year, 4 rolling windows.
  assert.equal(lines.length, 1 + 53 + 27 + 12 + 4 + 1 + 4);
  // March 2026: 31 days = 2 678 400 s, less the maintenance of Saturday 7 March 22:00-01:00 (10 800 s) =
  // 2 667 600 s of service; down 131 + 22 + 12 min = 9 900 s; 1 - 9 900 / 2 667 600 = 99.6288798...%.
  assert.ok(lines.includes('month,Mar 2026,2026-03-01T00:00:00Z,2026-04-01T00:00:00Z,2667600,9900,99.628879,false'), lines.filter((l) => l.startsWith('month,Mar')).join());
  await page.context().close();
});

test('bad rows are listed by line, and a bad target is shown next to it', async () => {
  const page = await open();
  await page.getByTestId('log-text').fill('start,end\n2026-03-02 10:00,2026-03-02 11:00\n2026-03-02 12:00,2026-03-02 11:00\nsoon,later\n');
  await report(page);
  assert.equal(await page.getByTestId('log-problems-title').textContent(), '2 rows not read');
  assert.deepEqual(await page.locator('#log-problems li').allTextContents(), [
    'Line 3: the end 2026-03-02 11:00 is before the start 2026-03-02 12:00',
    'Line 4: the start "soon" is not a date and time such as 2026-03-02T09:00:00Z or 2026-03-02 09:00',
  ]);
  await page.getByTestId('log-target').fill('abc');
  await page.waitForSelector('#log-target-error:not([hidden])');
  assert.equal(await page.locator('#log-target-error').textContent(), 'The target “abc” is not a number: enter a percentage such as 99.9.');
  // The last result stays, marked out of date.
  assert.equal(await page.getByTestId('log-stale').isVisible(), true);
  assert.equal(await page.locator('#log-report').isVisible(), true);
  assert.equal(await page.getByTestId('log-text').inputValue(), 'start,end\n2026-03-02 10:00,2026-03-02 11:00\n2026-03-02 12:00,2026-03-02 11:00\nsoon,later\n');
  await page.getByTestId('log-text').fill('this is not a log');
  await page.getByTestId('log-target').fill('99');
  await page.waitForSelector('[data-testid=log-error]:not([hidden])');
  assert.match(await page.getByTestId('log-error').textContent(), /^Outages cannot be read: no start column/);
  await page.context().close();
});

test('a large file is read and measured in the worker', async () => {
  const page = await open();
  const rows = ['start,end,impact'];
  const t0 = Date.UTC(2026, 0, 1) / 1000;
  for (let i = 0; i < 100_000; i++) {
    const a = t0 + i * 300;
    rows.push(`${new Date(a * 1000).toISOString()},${new Date((a + 60) * 1000).toISOString()},full`);
  }
  await page.getByTestId('log-file').setInputFiles({ name: 'big.csv', mimeType: 'text/csv', buffer: Buffer.from(rows.join('\n')) });
  await page.waitForFunction(() => document.querySelector('[data-testid=log-summary]')?.textContent.startsWith('100,000 outages'), null, { timeout: 60_000 });
  // One minute down in every five: 80% everywhere.
  const verdict = await page.getByTestId('log-verdict').locator('li').allTextContents();
  assert.match(verdict[2], /^Measured monthly, \d+ of \d+ months breached 99\.5%; the worst, .*, was 80\.00%\./);
  await page.context().close();
});

test('a JSON log: the budget left in the current period, the day-by-day picture, and service hours against 24x7', async () => {
  const page = await open();
  await page.getByTestId('log-target').fill('99.9');
  await page.getByTestId('log-asof').fill('2026-03-15T12:00:00Z');
  // 2 h down on Wednesday 4 March 2026 and 30 min on Wednesday 15 April, both in office hours.
  await page.getByTestId('log-text').fill('[{"start": "2026-03-04 10:00", "end": "2026-03-04 12:00"}, {"start": "2026-04-15 10:00", "duration": "30 min"}]');
  await report(page);
  // March on 24x7: 744 h; 0.1% is 2 678.4 s = 44 min 38.4 s; 2 h spent by the 15th: 4 521.6 s over.
  const month = page.getByTestId('log-burn-table').locator('tr', { hasText: 'Monthly' });
  assert.deepEqual(await month.locator('td').allTextContents(), ['Mar 2026', '44 min 38.4 s', '2 h', '1 h 15 min 21.6 s over']);
  // The year: 0.1% of 8 760 h = 31 536 s = 8 h 45 min 36 s; 6 h 45 min 36 s left.
  assert.deepEqual(await page.getByTestId('log-burn-table').locator('tr', { hasText: 'Yearly' }).locator('td').allTextContents(), ['2026', '8 h 45 min 36 s', '2 h', '6 h 45 min 36 s']);
  assert.match(await page.getByTestId('log-burn-caption').textContent(), /^Mar 2026: 44 min 38\.4 s of downtime allowed at 99\.9%; 2 h spent by 2026-03-15 12:00 UTC; 1 h 15 min 21\.6 s over budget\./);
  // A square a day; 4 March says what it lost.
  assert.equal(await page.locator('#log-heat rect').count(), 365);
  assert.equal(await page.locator('#log-heat rect[data-date="2026-03-04"] title').textContent(), 'Wed 4 Mar 2026: 2 h down in 1 d of service');
  assert.equal(await page.locator('#log-heat rect[data-date="2026-03-04"]').getAttribute('class'), 'heat-4');
  assert.match(await page.getByTestId('log-heat-caption').textContent(), /^2 of 365 days had downtime counted\. The worst, 2026-03-04, lost 2 h\./);
  assert.equal(await page.locator('#log-contrast-box').isHidden(), true);
  // On office hours against 99.5%, see the JS API test for the figures.
  await page.getByTestId('log-target').fill('99.5');
  await page.getByTestId('log-cal-preset').selectOption('8x5');
  await page.waitForSelector('#log-contrast-box:not([hidden])');
  assert.equal((await page.getByTestId('log-contrast').locator('li').allTextContents()).at(-1), 'Counting nights and weekends (24x7) hides 3 breaches that service hours show.');
  assert.equal(await page.locator('#log-heat rect[data-date="2026-03-07"]').getAttribute('class'), 'heat-closed');
  // An instant outside the span says so.
  await page.getByTestId('log-asof').fill('2030-01-01T00:00:00Z');
  await page.waitForSelector('[data-testid=log-burn-none]:not([hidden])');
  assert.match(await page.getByTestId('log-burn-none').textContent(), /^No period measured holds the instant 2030-01-01T00:00:00Z: the span is 2026-01-01 to 2026-12-31\./);
  await page.getByTestId('log-asof').fill('soon');
  await page.waitForSelector('#log-asof-error:not([hidden])');
  assert.match(await page.locator('#log-asof-error').textContent(), /^“soon” is not an instant/);
  assert.equal(await page.getByTestId('log-asof').getAttribute('aria-invalid'), 'true');
  await page.context().close();
});

test('the chart labels every period, draws the target, gives each bar’s figures on focus, and shows months inside quarters', async () => {
  const page = await open();
  await page.getByTestId('log-target').fill('99.5');
  // May: 5 h of 744 h = 99.3279...%; June: 4 h of 720 h = 99.4444...%; Q2: 9 h of 2 184 h = 99.5879...%.
  await page.getByTestId('log-text').fill('start,end\n2026-05-12 08:00,2026-05-12 13:00\n2026-06-03 10:00,2026-06-03 14:00\n');
  await report(page);
  const verdict = await page.getByTestId('log-verdict').locator('li').allTextContents();
  assert.ok(verdict.includes('Measured quarterly, Q2 2026 is met at 99.58%, yet May 2026 (99.32%) and Jun 2026 (99.44%) breached monthly.'), verdict.join('\n'));
  const labels = await page.locator('#log-chart text').allTextContents();
  for (const m of ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']) assert.ok(labels.includes(m), `${m} is labelled`);
  // The axis starts at a round value below the lowest bar, and the caption says so; the target is labelled.
  assert.ok(labels.includes('99.5%') && labels.includes('100%') && labels.includes('99%'), labels.join());
  assert.match(await page.getByTestId('log-chart-caption').textContent(), /2 of 12 below it, in red\. The axis starts at 99%, not at 0/);
  await page.locator('#log-chart rect.bar').nth(4).focus();
  assert.equal(await page.getByTestId('log-chart-tip').textContent(), 'May 2026: 99.327956% (breached), 5 h down in 31 d of service');
  await page.getByTestId('log-chart-measure').selectOption('month-in-quarter');
  assert.equal(await page.locator('#log-chart rect.quarter').count(), 4);
  assert.match(await page.getByTestId('log-chart-caption').textContent(), /2 of 12 months below the line, in red; 0 of 4 quarters\./);
  assert.ok((await page.locator('#log-chart text').allTextContents()).includes('Q2: 99.587912%'));
  await page.context().close();
});

test('a log whose every row fails shows each line’s reason', async () => {
  const page = await open();
  await page.getByTestId('log-text').fill('start,end\nsoon,later\n');
  await report(page);
  assert.deepEqual(await page.getByTestId('log-verdict').locator('li').allTextContents(), ['No outage could be read: the one row is listed below with its reason.']);
  assert.equal(await page.getByTestId('log-problems-title').textContent(), '1 row not read');
  assert.equal(await page.locator('#log-problems-box').getAttribute('open'), '');
  assert.match(await page.locator('#log-problems li').first().textContent(), /^Line 2: the start "soon" is not a date and time/);
  assert.doesNotMatch(await page.locator('#log-report').textContent(), /no span/);
  await page.context().close();
});

test('settings live in the link; the log is kept on reload only when asked; the printed report lists every input', async () => {
  const page = await open();
  await page.getByTestId('log-target').fill('99.9');
  await page.getByTestId('log-cal-preset').selectOption('custom');
  await page.getByTestId('log-cal-hours').fill('Mon-Fri 08:00-18:00');
  await page.getByTestId('log-cal-zone').fill('Europe/Berlin');
  await page.getByTestId('log-span').fill('2026-Q1');
  await page.getByTestId('log-minimum').selectOption('PT5M');
  await page.getByTestId('log-keep').check();
  await page.getByTestId('log-example').click();
  await page.waitForFunction(() => document.querySelector('[data-testid=log-summary]')?.textContent.includes('2026-01-01 to 2026-03-31'));
  await page.waitForFunction(() => document.querySelector('[data-testid=log-kept]')?.textContent.includes('kept in this browser'));
  // The link is written a moment after the last change: wait for the one with every setting.
  await page.waitForFunction(() => location.hash.includes('span=2026-Q1') && location.hash.includes('min=PT5M'));
  const url = await page.evaluate(() => location.href);
  assert.match(url, /#t=99\.9&span=2026-Q1&min=PT5M.*&h=Mon-Fri\+08%3A00-18%3A00&tz=Europe%2FBerlin/);
  // A reload: the settings from the link, the log from this browser.
  await page.reload();
  await page.waitForSelector('html[data-ready="true"]');
  await report(page);
  assert.equal(await page.getByTestId('log-target').inputValue(), '99.9');
  assert.equal(await page.getByTestId('log-cal-hours').inputValue(), 'Mon-Fri 08:00-18:00');
  assert.equal(await page.getByTestId('log-minimum').inputValue(), 'PT5M');
  assert.match(await page.getByTestId('log-kept').textContent(), /^Measuring the log pasted, kept in this browser/);
  assert.match(await page.getByTestId('log-contrast').textContent(), /24x7/);
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.getByTestId('log-inputs').isVisible(), true);
  const inputs = await page.getByTestId('log-inputs').locator('li').allTextContents();
  assert.equal(inputs[0], 'Target: 99.9%');
  assert.match(inputs[1], /^Service hours: Mon-Fri 08:00-18:00 in Europe\/Berlin; local times in the log read in Europe\/Berlin$/);
  assert.match(inputs[3], /^Outages shorter than 5 min ignored/);
  assert.equal(await page.locator('#log-form').isVisible(), false);
  await page.emulateMedia({ media: 'screen' });
  // Unticked: forgotten; the next reload starts empty.
  await page.getByTestId('log-keep').uncheck();
  await page.waitForFunction(() => document.querySelector('[data-testid=log-kept]')?.textContent.startsWith('Forgotten'));
  await page.reload();
  await page.waitForSelector('html[data-ready="true"]');
  assert.equal(await page.getByTestId('log-empty').isVisible(), true);
  assert.equal(await page.getByTestId('log-text').inputValue(), '');
  await page.context().close();
});

test('a link pasted into an open tab is followed', async () => {
  const page = await open();
  await page.getByTestId('log-example').click();
  await report(page);
  await page.evaluate(() => (location.hash = 't=99.9&h=24x7&tz=UTC'));
  await page.waitForFunction(() => document.querySelector('[data-testid=log-verdict] li')?.textContent.includes('99.9%'));
  assert.equal(await page.getByTestId('log-target').inputValue(), '99.9');
  await page.context().close();
});

test('no request leaves the page origin and nothing is logged as an error', () => {
  assert.deepEqual(harness.foreignRequests(), []);
  assert.deepEqual(harness.problems, []);
});
