// Service hours in the page, in real Chromium: presets, a time zone loaded on demand, holidays typed and
// imported from an .ics file, errors next to the field, and the link that restores it all.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { pageHarness } from './browser.mjs';

const harness = pageHarness({ before, after });
const { open, requests } = harness;

const text = (page, id) => page.getByTestId(id).textContent();

test('office hours in London set beside 24x7, with a holiday', async () => {
  const page = await open('/?target=99.9&period=2026-03');
  await page.getByLabel('Counted hours').selectOption('8x5');
  await page.getByLabel('Time zone').fill('Europe/London');
  // March 2026: 22 weekdays x 8 h = 176 h; 0.1% = 633.6 s.
  // The zone's data arrives on demand; then the figures are London's.
  await page.waitForFunction(() => document.querySelector('[data-testid=service-sentence]')?.textContent.includes('Europe/London'));
  assert.equal(await text(page, 'service-hours'), '176 h');
  assert.equal(await text(page, 'service-allowed'), '10 min 33.6 s');
  // 24x7: 31 days = 2 678 400 s; 0.1% = 2 678.4 s.
  assert.equal(await text(page, 'plain-allowed'), '44 min 38.4 s');
  assert.match(await text(page, 'service-sentence'), /^99\.9% of Mon-Fri 09:00-17:00 in Europe\/London over March 2026 allows 10 min 33\.6 s/);
  // St Patrick's Day off: 21 days x 8 h = 168 h; 0.1% = 604.8 s.
  await page.getByLabel('Holidays, one a line').fill('2026-03-17');
  assert.equal(await text(page, 'service-hours'), '168 h');
  assert.equal(await text(page, 'service-allowed'), '10 min 4.8 s');
  // The week strip shows the first whole week: 5 days x 8 h.
  assert.match(await page.locator('#week-strip-caption').textContent(), /week of 2026-03-02 \(Europe\/London\): 40 h, in blue\.$/);
  // In the week of St Patrick's Day the holiday takes 8 h, hatched.
  await page.getByLabel('Measured over').selectOption('range');
  await page.getByTestId('period-from').fill('2026-03-16');
  await page.getByTestId('period-to').fill('2026-03-22');
  assert.match(await page.locator('#week-strip-caption').textContent(), /week of 2026-03-16 \(Europe\/London\): 32 h, in blue\. Holidays and maintenance windows take 8 h/);
  assert.equal(await page.locator('#week-strip rect.excluded').count(), 5);
  await page.getByLabel('Measured over').selectOption('month');
  // The zone's data was fetched on demand, and only that zone.
  const zones = requests.filter((u) => u.includes('/tz/') && u.endsWith('.tzif'));
  assert.deepEqual(zones.map((u) => new URL(u).pathname), ['/tz/Europe/London.tzif']);
  await page.context().close();
});

test('holidays import from an .ics file and skipped events are explained', async () => {
  const page = await open('/?target=99.9&period=2026-12');
  await page.getByLabel('Counted hours').selectOption('8x5');
  const ics = [
    'BEGIN:VCALENDAR',
    'BEGIN:VEVENT', 'DTSTART;VALUE=DATE:20261225', 'SUMMARY:Christmas Day', 'END:VEVENT',
    'BEGIN:VEVENT', 'DTSTART;VALUE=DATE:20261228', 'SUMMARY:Boxing Day (substitute)', 'END:VEVENT',
    'BEGIN:VEVENT', 'DTSTART:20261231T120000Z', 'SUMMARY:Early close', 'END:VEVENT',
    'END:VCALENDAR', '',
  ].join('\r\n');
  await page.getByTestId('ics').setInputFiles({ name: 'holidays.ics', mimeType: 'text/calendar', buffer: Buffer.from(ics) });
  await page.waitForFunction(() => document.querySelector('[data-testid=ics-status]').textContent.startsWith('Imported'));
  assert.match(await text(page, 'ics-status'), /^Imported 2 holidays from holidays\.ics; skipped 1: line 10 \(Early close\): it is a timed event/);
  assert.equal(await page.getByTestId('holidays').inputValue(), '2026-12-25\n2026-12-28');
  // December 2026 in UTC: 23 weekdays, less 2 holidays: 21 x 8 h = 168 h.
  assert.equal(await text(page, 'service-hours'), '168 h');
  // Not an iCalendar file: a clear message, the holidays kept.
  await page.getByTestId('ics').setInputFiles({ name: 'photo.png', mimeType: 'image/png', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0]) });
  await page.waitForFunction(() => document.querySelector('[data-testid=ics-status]').textContent.startsWith('calendar ics'));
  assert.match(await text(page, 'ics-status'), /the file is binary, not iCalendar text/);
  assert.equal(await page.getByTestId('holidays').inputValue(), '2026-12-25\n2026-12-28');
  await page.context().close();
});

test('calendar errors appear next to their field, keep the text, and the link restores everything', async () => {
  const page = await open('/?target=99&period=P14D');
  await page.getByLabel('Counted hours').selectOption('8x5');
  // 99% of 80 h = 48 min.
  assert.equal(await text(page, 'service-allowed'), '48 min');
  const monday = page.getByLabel('Mon', { exact: true });
  await monday.fill('09:00-25:00');
  assert.match(await text(page, 'hours-error'), /^calendar weekly\.mon "09:00-25:00" cannot be read: "25:00" is not a time of day/);
  assert.equal(await monday.getAttribute('aria-invalid'), 'true');
  assert.equal(await monday.inputValue(), '09:00-25:00');
  assert.equal(await page.getByLabel('Counted hours').inputValue(), 'custom');
  await monday.fill('09:00-17:00, 16:00-18:00');
  assert.match(await text(page, 'hours-error'), /overlaps other service hours/);
  await monday.fill('08:00-18:00');
  assert.equal(await page.getByTestId('hours-error').isVisible(), false);
  // Mon 10 h + 4 x 8 h = 42 h a week; two weeks 84 h; 1% = 50 min 24 s.
  assert.equal(await text(page, 'service-allowed'), '50 min 24 s');
  await page.getByLabel('Holidays, one a line').fill('12-25\nsometime');
  assert.match(await text(page, 'holidays-error'), /^Line 2: calendar holidays\[1\] "sometime" cannot be read/);
  await page.getByLabel('Holidays, one a line').fill('12-25');
  await page.getByLabel('Time zone').fill('Mars/Olympus');
  await page.waitForFunction(() => !document.querySelector('[data-testid=time-zone-error]').hidden);
  assert.match(await text(page, 'time-zone-error'), /calendar time zone "Mars\/Olympus" is not known/);
  await page.getByLabel('Time zone').fill('America/New_York');
  await page.waitForFunction(() => document.querySelector('[data-testid=time-zone-error]').hidden);

  const link = await page.getByTestId('permalink').getAttribute('href');
  const again = await open(new URL(link).pathname + new URL(link).search);
  assert.equal(await again.getByLabel('Counted hours').inputValue(), 'custom');
  assert.equal(await again.getByLabel('Mon', { exact: true }).inputValue(), '08:00-18:00');
  assert.equal(await again.getByLabel('Time zone').inputValue(), 'America/New_York');
  assert.equal(await again.getByLabel('Holidays, one a line').inputValue(), '12-25');
  await again.waitForFunction(() => document.querySelector('[data-testid=service-allowed]')?.textContent === '50 min 24 s');
  await again.context().close();
  await page.context().close();
});

test('no request leaves the page origin and nothing is logged as an error', () => {
  assert.deepEqual(harness.foreignRequests(), []);
  assert.deepEqual(harness.problems, []);
});
