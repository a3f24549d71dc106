// Service hours on the calculator, in real Chromium: hours as one line of text, a time zone loaded on
// demand, holidays typed and imported from an .ics file, errors next to the part they concern, the
// service-hours figure first with 24x7 beside it, and the link that restores it all.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { pageHarness } from './browser.mjs';

const harness = pageHarness({ before, after });
const { open, requests } = harness;

const text = (page, id) => page.getByTestId(id).textContent();
/** Waits until the headline reads `want` (the zone's data may still be arriving). */
const headline = (page, want) => page.waitForFunction((w) => document.querySelector('[data-testid=allowed]')?.textContent === w, want);

test('office hours in London: the service-hours figure first, 24x7 beside it, and a holiday', async () => {
  const page = await open('/?target=99.9&period=2026-03');
  await page.getByLabel('Counted hours').selectOption('8x5');
  assert.equal(await page.getByLabel('Service hours', { exact: true }).inputValue(), 'Mon-Fri 09:00-17:00');
  await page.getByLabel('Time zone').fill('Europe/London');
  // March 2026: 22 weekdays x 8 h = 176 h; 0.1% = 633.6 s.
  await page.waitForFunction(() => document.querySelector('[data-testid=counted]')?.textContent.includes('Europe/London'));
  assert.equal(await text(page, 'allowed'), '10 min 33.6 s');
  assert.equal(await text(page, 'period-seconds'), '633\u202f600');
  assert.equal(await text(page, 'measured-what'), ' s of service (176 h).');
  assert.match(await text(page, 'counted'), /^Mon-Fri 09:00-17:00 in Europe\/London; service hours in March 2026/);
  // 24x7 comes second: 31 days = 2 678 400 s; 0.1% = 2 678.4 s.
  assert.equal(await text(page, 'plain-allowed'), '44 min 38.4 s');
  assert.match(await text(page, 'sentence'), /^99\.9% of Mon-Fri 09:00-17:00 in Europe\/London over March 2026 allows 10 min 33\.6 s/);
  // Per typical week, 40 h: 2 min 24 s; per average month, 173.925 h: 10 min 26.13 s.
  assert.equal(await text(page, 'per-0'), '2 min 24 s');
  assert.equal(await text(page, 'per-1'), '10 min 26.13 s');
  // The table is on the service hours too: 99.9% of a typical week of 40 h.
  assert.equal(await page.locator('#targets tbody tr[data-row="99.9"] td').first().textContent(), '2\u00a0min 24\u00a0s');
  // St Patrick's Day off: 21 days x 8 h = 168 h; 0.1% = 604.8 s.
  await page.getByText('Holidays and maintenance windows').click();
  await page.getByLabel('Holidays, one a line').fill('2026-03-17');
  await headline(page, '10 min 4.8 s');
  // The week strip shows the first whole week: 5 days x 8 h.
  assert.match(await page.locator('#week-strip-caption').textContent(), /week of 2026-03-02 \(Europe\/London\): 40 h, in blue\.$/);
  await page.getByLabel('Measured over').selectOption('range');
  await page.getByTestId('period-from').fill('2026-03-16');
  await page.getByTestId('period-to').fill('2026-03-22');
  assert.match(await page.locator('#week-strip-caption').textContent(), /week of 2026-03-16 \(Europe\/London\): 32 h, in blue\. Holidays and maintenance windows take 8 h/);
  assert.equal(await page.locator('#week-strip rect.excluded').count(), 5);
  // Only the zone in use was fetched.
  const zones = requests.filter((u) => u.includes('/tz/') && u.endsWith('.tzif'));
  assert.deepEqual(zones.map((u) => new URL(u).pathname), ['/tz/Europe/London.tzif']);
  await page.context().close();
});

test('a contract’s own hours in one line: Mon-Fri 08:00-18:00 in Berlin, and the picture agrees with the verdict', async () => {
  const page = await open('/?target=99.5&period=month');
  await page.getByLabel('Counted hours').selectOption('custom');
  // Choosing "hours of your own" starts from hours to edit, with no error before anything is typed.
  assert.equal(await page.getByLabel('Service hours', { exact: true }).inputValue(), 'Mon-Fri 09:00-17:00');
  assert.equal(await page.locator('#calculator .error:not([hidden])').count(), 0);
  await page.getByLabel('Service hours', { exact: true }).fill('Mon-Fri 08:00-18:00');
  await page.getByLabel('Time zone').fill('Europe/Berlin');
  // 50 h a week x 4.348125 weeks = 782 662.5 s; 0.5% = 3 913.3125 s.
  await page.waitForFunction(() => document.querySelector('[data-testid=counted]')?.textContent.includes('Europe/Berlin'));
  assert.equal(await text(page, 'allowed'), '1 h 5 min 13.3125 s');
  assert.equal(await text(page, 'plain-allowed'), '3 h 39 min 8.73 s');
  // 2 h down in those hours misses the target: 7 200 / 782 662.5 = 9.2 squares of 1 000, more than 5.
  await page.getByLabel(/Downtime in the period/).fill('2 h');
  assert.equal(await text(page, 'verdict'), 'misses the target');
  assert.match(await page.locator('#waffle-caption').textContent(), /fills about 9\.2 squares, more than the 5 allowed: the target is missed; outlined\.$/);
  // Just within: 1 h 5 min 13 s is 4.9999 squares.
  await page.getByLabel(/Downtime in the period/).fill('1 h 5 min 13 s');
  assert.equal(await text(page, 'verdict'), 'meets the target');
  assert.match(await page.locator('#waffle-caption').textContent(), /within the 5 allowed; outlined\.$/);
  // Just over: the words never round a miss into a match.
  await page.getByLabel(/Downtime in the period/).fill('1 h 5 min 13.5 s');
  assert.equal(await text(page, 'verdict'), 'misses the target');
  assert.match(await page.locator('#waffle-caption').textContent(), /fills about 5\.0002 squares, more than the 5 allowed/);
  await page.context().close();
});

test('an empty time zone never hangs the page: the error is next to the field', async () => {
  // The link that used to freeze the tab.
  const page = await open('/?target=99.5&period=month&hours=8x5&tz=');
  const answered = await Promise.race([page.evaluate(() => true), new Promise((r) => setTimeout(() => r(false), 1000))]);
  assert.equal(answered, true, 'the page answers within a second');
  assert.equal(await text(page, 'cal-zone-error'), 'Type a time zone, such as Europe/Berlin, or UTC.');
  assert.equal(await page.getByTestId('result-empty').isVisible(), true);
  assert.equal(await page.getByTestId('allowed').isVisible(), false, 'no half-empty result');
  await page.getByLabel('Time zone').fill('Europe/Berlin');
  // 40 h x 4.348125 weeks = 626 130 s; 0.5% = 3 130.65 s.
  await headline(page, '52 min 10.65 s');
  // Backspacing the zone to type another one: an error, the last result kept and marked out of date.
  await page.getByLabel('Time zone').press('End');
  for (let i = 0; i < 'Europe/Berlin'.length; i++) await page.getByLabel('Time zone').press('Backspace');
  assert.equal(await page.evaluate(() => document.querySelector('[data-testid=cal-zone]').value), '');
  assert.equal(await text(page, 'cal-zone-error'), 'Type a time zone, such as Europe/Berlin, or UTC.');
  assert.equal(await text(page, 'allowed'), '52 min 10.65 s');
  assert.equal(await page.getByTestId('stale').isVisible(), true);
  await page.context().close();
});

test('calendar errors appear next to their part, keep the text, mark the result out of date; the link restores everything', async () => {
  const page = await open('/?target=99&period=P14D');
  await page.getByLabel('Counted hours').selectOption('8x5');
  // 99% of 80 h = 48 min.
  await headline(page, '48 min');
  const hours = page.getByLabel('Service hours', { exact: true });
  await hours.fill('Mon-Fri 09:00-25:00');
  assert.equal(await text(page, 'cal-hours-error'), '“25:00” is not a time of day: use HH:MM from 00:00 to 24:00.');
  assert.equal(await hours.getAttribute('aria-invalid'), 'true');
  assert.equal(await hours.inputValue(), 'Mon-Fri 09:00-25:00');
  assert.equal(await page.getByLabel('Counted hours').inputValue(), 'custom');
  // The 24x7 figure does not stand in for the answer: the last good one stays, out of date.
  assert.equal(await text(page, 'allowed'), '48 min');
  assert.equal(await page.getByTestId('stale').isVisible(), true);
  await hours.fill('Mon-Fry 9-17');
  assert.equal(await text(page, 'cal-hours-error'), '“Fry” is not a day: use Mon, Tue, Wed, Thu, Fri, Sat or Sun, or a range such as Mon-Fri.');
  await hours.fill('Mon 09:00-17:00; Mon 16:00-18:00');
  assert.match(await text(page, 'cal-hours-error'), /overlap/);
  await hours.fill('Mon 08:00-18:00; Tue-Fri 09:00-17:00');
  assert.equal(await page.getByTestId('cal-hours-error').isVisible(), false);
  // 10 h + 4 x 8 h = 42 h a week; two weeks 84 h; 1% = 50 min 24 s.
  await headline(page, '50 min 24 s');
  await page.getByText('Holidays and maintenance windows').click();
  await page.getByLabel('Holidays, one a line').fill('12-25\nsometime');
  assert.match(await text(page, 'cal-holidays-error'), /^Line 2: Use a date \(2026-12-25\)/);
  await page.getByLabel('Holidays, one a line').fill('12-25');
  await page.getByLabel('Time zone').fill('Mars/Olympus');
  await page.waitForFunction(() => !document.querySelector('[data-testid=cal-zone-error]')?.hidden);
  assert.match(await text(page, 'cal-zone-error'), /^“Mars\/Olympus” is not a time zone slacalc knows/);
  await page.getByLabel('Time zone').fill('berlin');
  await page.waitForFunction(() => document.querySelector('[data-testid=cal-zone-error]')?.textContent.includes('did you mean Europe/Berlin?'));
  await page.getByLabel('Time zone').fill('America/New_York');
  await headline(page, '50 min 24 s');
  assert.equal(await page.getByTestId('cal-zone-error').isVisible(), false);
  // A misspelt zone cost no request: only New York's data was fetched.
  assert.equal(requests.filter((u) => u.includes('Mars') || u.includes('berlin')).length, 0);

  const link = await page.getByTestId('permalink').getAttribute('href');
  assert.match(link, /hours=Mon\+08%3A00-18%3A00%3B\+Tue-Fri\+09%3A00-17%3A00/);
  const again = await open(new URL(link).pathname + new URL(link).search);
  assert.equal(await again.getByLabel('Counted hours').inputValue(), 'custom');
  assert.equal(await again.getByLabel('Service hours', { exact: true }).inputValue(), 'Mon 08:00-18:00; Tue-Fri 09:00-17:00');
  assert.equal(await again.getByLabel('Time zone').inputValue(), 'America/New_York');
  assert.equal(await again.getByLabel('Holidays, one a line').inputValue(), '12-25');
  await headline(again, '50 min 24 s');
  await again.context().close();
  await page.context().close();
});

test('links made before hours were one line still open', async () => {
  const page = await open('/?target=99&period=P14D&hours=custom&tz=UTC&mon=08%3A00-18%3A00&tue=09%3A00-17%3A00&wed=09%3A00-17%3A00&thu=09%3A00-17%3A00&fri=09%3A00-17%3A00&sat=&sun=');
  assert.equal(await page.getByLabel('Service hours', { exact: true }).inputValue(), 'Mon 08:00-18:00; Tue-Fri 09:00-17:00');
  await headline(page, '50 min 24 s');
  await page.context().close();
});

test('holidays import from an .ics file and skipped events are explained', async () => {
  const page = await open('/?target=99.9&period=2026-12&hours=8x5&tz=UTC');
  await page.getByText('Holidays and maintenance windows').click();
  const ics = [
    'BEGIN:VCALENDAR',
    'BEGIN:VEVENT', 'DTSTART;VALUE=DATE:20261225', 'SUMMARY:Christmas Day', 'END:VEVENT',
    'BEGIN:VEVENT', 'DTSTART;VALUE=DATE:20261228', 'SUMMARY:Boxing Day (substitute)', 'END:VEVENT',
    'BEGIN:VEVENT', 'DTSTART:20261231T120000Z', 'SUMMARY:Early close', 'END:VEVENT',
    'END:VCALENDAR', '',
  ].join('\r\n');
  await page.getByTestId('cal-ics').setInputFiles({ name: 'holidays.ics', mimeType: 'text/calendar', buffer: Buffer.from(ics) });
  await page.waitForFunction(() => document.querySelector('#cal-ics-status').textContent.startsWith('Imported'));
  assert.match(await page.locator('#cal-ics-status').textContent(), /^Imported 2 holidays from holidays\.ics; skipped 1: line 10 \(Early close\): it is a timed event/);
  assert.equal(await page.getByTestId('cal-holidays').inputValue(), '2026-12-25\n2026-12-28');
  // December 2026 in UTC: 23 weekdays, less 2 holidays: 21 x 8 h = 168 h.
  assert.equal(await text(page, 'measured-what'), ' s of service (168 h).');
  // Not an iCalendar file: a clear message, the holidays kept.
  await page.getByTestId('cal-ics').setInputFiles({ name: 'photo.png', mimeType: 'image/png', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0]) });
  await page.waitForFunction(() => document.querySelector('#cal-ics-status').classList.contains('error'));
  assert.match(await page.locator('#cal-ics-status').textContent(), /The file is binary, not iCalendar text/);
  assert.equal(await page.getByTestId('cal-holidays').inputValue(), '2026-12-25\n2026-12-28');
  await page.context().close();
});

test('a bad link shows what to correct, never an empty result', async () => {
  const page = await open('/?target=abc&period=month');
  assert.equal(await page.getByTestId('result-empty').isVisible(), true);
  assert.equal(await text(page, 'result-empty'), 'Correct the field marked in red to see what the target allows.');
  assert.equal(await page.getByTestId('allowed').isVisible(), false);
  assert.equal(await page.getByLabel('Availability target').inputValue(), 'abc');
  assert.equal(await page.getByTestId('target-error').isVisible(), true);
  await page.getByLabel('Availability target').fill('99.9');
  await headline(page, '43 min 49.746 s');
  await page.context().close();
});

test('no request leaves the page origin and nothing is logged as an error', () => {
  assert.deepEqual(harness.foreignRequests(), []);
  assert.deepEqual(harness.problems, []);
});
