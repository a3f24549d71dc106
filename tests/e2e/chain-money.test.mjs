// The service-chain page's money in Chromium: the default preset's customer and provider credits, the
// figures checked against a second computation in the test, errors next to their fields with what was typed
// kept, numbers in German, the link and the ladder.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { pageHarness } from './browser.mjs';

const harness = pageHarness({ before, after });

const settled = (page) => page.waitForFunction(() => document.querySelector('#ch-m-ladder tbody tr') && document.getElementById('ch-stale').hidden && !document.getElementById('ch-money').hidden);

test('two teams and one provider: credits paid, paid back and the net, on the page as the API gives them', async () => {
  const page = await harness.open('/chain.html');
  await settled(page);
  const figures = page.getByTestId('ch-m-figures');
  const paid = await figures.getByTestId('ch-m-paid').textContent();
  const net = await figures.getByTestId('ch-m-net').textContent();
  // The customer: 40 000 a month, 480 000 a year; at most 25% of a month back, 120 000 a year.
  assert.match(net, /of the contract value of 480,000 EUR/);
  const amount = (text) => Number(/([\d,.]+) EUR/.exec(text)[1].replace(/,/g, ''));
  assert.ok(amount(paid) > 0 && amount(paid) <= 120_000, paid);
  // The provider pays back at most 25% of its 6 000 a month: 18 000 a year.
  const provider = await page.getByTestId('ch-m-providers').locator('tbody tr').first().locator('td').allTextContents();
  assert.equal(provider[0], '72,000 EUR');
  assert.ok(amount(provider[1]) <= 18_000, provider[1]);
  // The net is what is paid less what is paid back, to the cent.
  const recovered = await figures.getByTestId('ch-m-recovered').textContent();
  assert.ok(Math.abs(amount(paid) - amount(recovered) - amount(net)) < 0.011, `${paid} ${recovered} ${net}`);
  // The simulation agrees with its closed form: the components' availabilities multiplied.
  const up = await figures.getByTestId('ch-m-availability').textContent();
  const [simulated, closed] = [...up.matchAll(/(\d+\.\d+)%/g)].map((m) => Number(m[1]));
  // Each component fails as often as keeps it up its availability: 99.95% x 99.9625% x 99.8875%.
  assert.ok(Math.abs(closed - 99.95 * 0.999625 * 0.998875) < 1e-5, up);
  assert.ok(Math.abs(simulated - closed) < 0.02, up);
  // The ladder: a row a target, the highest within 5% marked, paid growing with the target.
  const rows = page.getByTestId('ch-m-ladder').locator('tbody tr');
  assert.equal(await rows.count(), 10);
  const paidByTarget = (await rows.locator('td:nth-child(2)').allTextContents()).map(amount);
  assert.deepEqual([...paidByTarget].sort((a, b) => a - b), paidByTarget);
  assert.match(await page.getByTestId('ch-m-verdict').textContent(), /The highest target that keeps the net exposure within 5% of the contract value 9 years in 10: [\d.]+%\./);
  assert.equal(await page.locator('#ch-m-chart rect').count(), 10);
  // The money as CSV: the net line is paid less paid back, and a line per target.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('ch-export-money').click()]);
  const lines = readFileSync(await download.path(), 'utf8').trim().split('\n');
  assert.equal(lines[0], 'what,name,mean,median,p90,worst,currency');
  const mean = (what) => Number(lines.find((l) => l.startsWith(what)).split(',')[2]);
  assert.ok(Math.abs(mean('paid to the customer') - mean('paid back by the providers') - mean('net exposure')) < 0.011);
  assert.equal(lines.filter((l) => l.startsWith('net at a target,')).length, 10);
  assert.deepEqual(harness.problems, []);
});

test('money fields: errors next to them, what was typed kept; German numbers; the link keeps the money', async () => {
  const page = await harness.open('/chain.html', harness.problems, { locale: 'de-DE', viewport: { width: 390, height: 844 } });
  await settled(page);
  // A fee that could be 12 or 12 000 is not guessed.
  await page.locator('#ch-part-0-fee').fill('12,000');
  const fee = page.getByTestId('ch-part-0-fee-error');
  await fee.waitFor();
  assert.match(await fee.textContent(), /could be 12\.000 or 12/);
  assert.equal(await page.locator('#ch-part-0-fee').inputValue(), '12,000');
  await page.locator('#ch-part-0-fee').fill('6.000,00');
  // Credits that cannot be read are named next to them.
  await page.getByTestId('ch-m-credits').fill('10 below 99,8');
  const credits = page.getByTestId('ch-m-credits-error');
  await credits.waitFor();
  assert.match(await credits.textContent(), /is not a credit: write it as 10% below 99\.9%/);
  await page.getByTestId('ch-m-credits').fill('10 % below 99,8 %; 25 % below 99 %');
  // An outage length the core cannot read is refused next to it.
  await page.getByTestId('ch-m-median').fill('soon');
  const median = page.getByTestId('ch-m-median-error');
  await median.waitFor();
  assert.match(await median.textContent(), /soon/);
  await page.getByTestId('ch-m-median').fill('30 min');
  await page.getByTestId('ch-m-currency').fill('E1');
  await page.getByTestId('ch-m-currency-error').waitFor();
  await page.getByTestId('ch-m-currency').fill('EUR');
  await settled(page);
  // The figures are written the German way.
  assert.match(await page.getByTestId('ch-m-net').textContent(), /480\.000 EUR/);
  // The page never scrolls sideways at 390 px.
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 390));
  // The link holds the money: opened afresh, the same figures.
  await page.getByTestId('ch-copy').click();
  const url = page.url();
  const net = await page.getByTestId('ch-m-net').textContent();
  const again = await harness.open(url.slice(url.indexOf('/chain.html')));
  await settled(again);
  assert.equal(await again.getByTestId('ch-m-credits').inputValue(), '10% below 99.8%; 25% below 99%');
  assert.equal(await again.locator('#ch-part-0-fee').inputValue(), '6,000');
  assert.equal((await again.getByTestId('ch-m-net').textContent()).replace(/\./g, ','), net.replace(/\./g, ','));
  // Switched off, the money is gone from the page and from the request.
  await again.getByTestId('ch-m-on').uncheck();
  await again.waitForFunction(() => document.getElementById('ch-money').hidden);
  assert.equal(await again.locator('#ch-part-0-fee').count(), 0);
  assert.deepEqual(harness.problems, []);
});

test('a failover group typed as text: its switch-overs counted, its parts in order', async () => {
  const page = await harness.open('/chain.html');
  await page.waitForSelector('#ch-table tbody tr');
  await page.getByTestId('ch-m-on').uncheck();
  await page.locator('.chain-text summary').click();
  // Two regions of 99.9%, one switch-over a month of 2 629.746 s (a thousandth of an average month):
  // (1 - 0.001 x 0.001) x (1 - 0.001) = 99.8999001%; behind a front door of 99.99%, 99.88991010999%.
  await page.getByTestId('ch-text').fill('front door: 99.99%\nprimary: 99.9%\nstandby: 99.9%\nregions: failover of primary, standby; switch-over 2629.746 s, 1 a month\nservice: all of front door, regions');
  await page.waitForFunction(() => document.querySelector('#ch-table tbody')?.textContent.includes('one at a time'));
  const row = (name) => page.getByTestId('ch-table').locator('tbody tr', { has: page.locator(`th:text-is("${name}")`) }).locator('td');
  assert.equal((await row('regions').allTextContents())[1], '99.8999001%');
  assert.equal((await row('service').allTextContents())[1], '99.88991010999%');
  // At worst: 0.01% + 0.1% + 0.1% = 0.21% down.
  assert.match(await page.getByTestId('ch-worst').textContent(), /99\.79%/);
  assert.match(await page.getByTestId('ch-assumptions').textContent(), /Failover “regions”: .* for 43 min 49\.746 s at each of its 1 switch-over an average month/);
  // The card: the parts in order, the switch-over and its rate; a rate that is not a number is refused there.
  assert.equal(await page.locator('#ch-part-3-uses').inputValue(), 'primary, standby');
  await page.locator('#ch-part-3-switches').fill('often');
  const error = page.getByTestId('ch-part-3-switches-error');
  await error.waitFor();
  assert.match(await error.textContent(), /often/);
  await page.locator('#ch-part-3-switches').fill('1');
  await page.locator('#ch-part-3-switchOver').fill('two days');
  await page.getByTestId('ch-part-3-switchOver-error').waitFor();
  assert.equal(await page.locator('#ch-part-3-switchOver').inputValue(), 'two days');
  // The diagram draws the regions one under another, in order.
  assert.deepEqual(await page.getByTestId('ch-diagram').locator('ol[aria-label^="regions"] > li .block-name').allTextContents(), ['primary', 'standby']);
  assert.deepEqual(harness.problems, []);
});

test('a provider promising over a quarter: the worst case converts it to the month, and the teams must promise more', async () => {
  const page = await harness.open('/chain.html');
  await page.waitForSelector('#ch-table tbody tr');
  const row = (name) => page.getByTestId('ch-table').locator('tbody tr', { has: page.locator(`th:text-is("${name}")`) }).locator('td');
  await page.getByTestId('ch-part-0-period').selectOption('quarter');
  // 99.95% a quarter may put the quarter's 0.05% into one month: 0.15% of it, 99.85% at worst. The 0.2%
  // the service may lose leaves 0.05% for the teams, 1:3: 99.9875% and 99.9625%.
  await page.waitForFunction(() => document.getElementById('ch-assumptions')?.textContent.includes('every quarter'));
  assert.equal((await row('platform team').allTextContents())[4], '99.9875%');
  assert.equal((await row('application team').allTextContents())[4], '99.9625%');
  assert.match(await page.getByTestId('ch-assumptions').textContent(), /“cloud hosting”: 99\.95% every quarter allows the whole quarter's downtime in one average Gregorian month \(30\.436875 days\): at worst 99\.85% of it\./);
  // The independent figure keeps 99.95% for the provider.
  assert.equal((await row('cloud hosting').allTextContents())[1], '99.95%');
  // A year is too long: its 0.05% in one month is 0.6%, more than the 0.2% the service may lose.
  await page.getByTestId('ch-part-0-period').selectOption('year');
  const error = page.getByTestId('ch-target-error');
  await error.waitFor();
  assert.match(await error.textContent(), /0\.6%/);
  // The text form says the period.
  await page.locator('.chain-text summary').click();
  assert.match(await page.getByTestId('ch-text').inputValue(), /^cloud hosting: 99\.95% a year$/m);
  assert.deepEqual(harness.problems, []);
});

test('a provider promising in its own hours: the worst case in the chain’s hours says how, and bad hours are refused there', async () => {
  const page = await harness.open('/chain.html');
  await page.waitForSelector('#ch-table tbody tr');
  await page.getByTestId('ch-m-on').uncheck();
  // The chain round the clock; the provider promises 99.95% on weekdays 08:00-18:00 only (50 of 168
  // hours): 118 hours a week uncovered, so at worst it is up 1 - 118/168 - 0.0005 x 50/168 = 29.7470...%,
  // and no team can make up for that.
  await page.locator('#ch-part-0-hours').fill('Mon-Fri 08:00-18:00');
  const error = page.getByTestId('ch-target-error');
  await error.waitFor();
  assert.match(await error.textContent(), /Cloud hosting may be down 70\.25/);
  assert.equal(await page.locator('#ch-part-0-hours').inputValue(), 'Mon-Fri 08:00-18:00');
  // Hours that cannot be read are refused next to them.
  await page.locator('#ch-part-0-hours').fill('Mon-Fri 25:00-26:00');
  const hours = page.getByTestId('ch-part-0-hours-error');
  await hours.waitFor();
  assert.match(await hours.textContent(), /25:00/);
  // Round the clock, as the chain: the figures come back, and the assumptions say how it was converted.
  await page.locator('#ch-part-0-hours').fill('24x7');
  await page.waitForFunction(() => document.getElementById('ch-assumptions')?.textContent.includes('promised on 24x7'));
  assert.match(await page.getByTestId('ch-assumptions').textContent(), /“cloud hosting”: promised on 24x7 \(168 hours a week\), it covers the chain's 168 hours a week \(round the clock\)/);
  assert.deepEqual(harness.problems, []);
});
