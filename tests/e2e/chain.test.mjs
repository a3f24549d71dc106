// The service-chain page in Chromium: presets worked out by hand (promises of two internal teams, Azure's
// two regions counted once, two of three web servers), the diagram, errors next to their field with what
// was typed kept, renaming a part, numbers in the reader's locale, the link, the exports and <sla-chain>.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { pageHarness } from './browser.mjs';

const harness = pageHarness({ before, after });

const cells = (page, name) => page.getByTestId('ch-table').locator('tbody tr', { has: page.locator(`th:text-is("${name}")`) }).locator('td');
const settled = (page) => page.waitForFunction(() => document.querySelector('#ch-table tbody tr') && document.getElementById('ch-stale').hidden);

test('two internal teams and one provider: the promises each team must make', async () => {
  const page = await harness.open('/chain.html');
  await settled(page);
  // 99.8% allows 0.2% down; the provider's 99.95% takes 0.05%; the 0.15% left goes 1:3 to the platform
  // team (0.0375%: 99.9625%) and the application team (0.1125%: 99.8875%).
  assert.equal((await cells(page, 'platform team').allTextContents())[4], '99.9625%');
  assert.equal((await cells(page, 'application team').allTextContents())[4], '99.8875%');
  // At worst the downtimes add up to the whole 0.2%: 5 259.492 s of an average month (2 629 746 s).
  const worst = await page.getByTestId('ch-worst').textContent();
  assert.match(worst, /99\.8%/);
  assert.match(worst, /1 h 27 min 39\.492 s down/);
  // Independently: 0.9995 x 0.999625 x 0.998875 = 99.80011716640625%.
  assert.deepEqual((await cells(page, 'service').allTextContents()).slice(1, 2), ['99.80011716640625%']);
  const verdict = await page.getByTestId('ch-verdict').locator('li').allTextContents();
  assert.equal(verdict[1], 'It meets 99.8% both ways.');
  // The diagram draws the service's three parts in series, the teams with the promise they must make.
  const diagram = page.getByTestId('ch-diagram');
  assert.equal(await diagram.locator('ol[aria-label="service: all needed"] > li').count(), 3);
  assert.match(await diagram.locator('li.internal', { hasText: 'platform team' }).textContent(), /must promise 99\.9625%/);

  // A target the provider alone cannot keep: refused next to the target, with what was typed kept.
  await page.getByTestId('ch-target').fill('99.96');
  const error = page.getByTestId('ch-target-error');
  await error.waitFor();
  assert.match(await error.textContent(), /Cloud hosting may be down 0\.05% of the time at worst, and the service only 0\.04%/);
  assert.equal(await page.getByTestId('ch-target').inputValue(), '99.96');
  assert.equal(await page.getByTestId('ch-stale').isVisible(), true);
  await page.getByTestId('ch-target').fill('99.8');
  await settled(page);
  assert.deepEqual(harness.problems, []);
});

test('Azure’s reliable web app in two regions: shared services counted once', async () => {
  const page = await harness.open('/chain.html');
  await settled(page);
  await page.getByTestId('ch-preset').selectOption('azure-two-regions');
  await page.waitForFunction(() => document.querySelector('#ch-table tbody')?.textContent.includes('region 2'));
  // 99.99% x 99.99% x 100% x (1 - (1 - 0.9956578)^2) = 99.97811590699116209916%; cut at 4 decimals.
  assert.equal((await cells(page, 'web app').allTextContents())[1], '99.97811590699116209916%');
  assert.match(await page.getByTestId('ch-independent').textContent(), /99\.9781%/);
  assert.match(await page.getByTestId('ch-note').textContent(), /publishes 99\.9779%/);
  // The regions: either one is enough, drawn one under the other.
  const regions = page.getByTestId('ch-diagram').locator('ul[aria-label="regions: any one suffices"] > li');
  assert.deepEqual(await regions.locator('.block-name').allTextContents(), ['region 1', 'region 2']);

  // Renaming a region renames it in the group that lists it; the figures do not change.
  await page.locator('#ch-part-4-name').fill('West Europe');
  await page.waitForFunction(() => document.querySelector('#ch-table tbody')?.textContent.includes('West Europe'));
  assert.equal(await page.locator('#ch-part-5-uses').inputValue(), 'region 1, West Europe');
  assert.equal((await cells(page, 'web app').allTextContents())[1], '99.97811590699116209916%');

  // A part the group lists but nobody defined: the error sits next to that group's parts.
  await page.locator('#ch-part-5-uses').fill('region 1, East US');
  const error = page.getByTestId('ch-part-5-uses-error');
  await error.waitFor();
  assert.match(await error.textContent(), /East US/);
  assert.equal(await page.locator('#ch-part-5-uses').inputValue(), 'region 1, East US');
  // Words in an availability: refused next to it, kept as typed.
  await page.locator('#ch-part-5-uses').fill('region 1, West Europe');
  await page.locator('#ch-part-0-availability').fill('four nines');
  await page.getByTestId('ch-part-0-availability-error').waitFor();
  assert.equal(await page.locator('#ch-part-0-availability').inputValue(), 'four nines');
  assert.deepEqual(harness.problems, []);
});

test('two of three web servers, in German, with the link and the exports', async () => {
  const page = await harness.open('/chain.html', harness.problems, { locale: 'de-DE', viewport: { width: 390, height: 800 } });
  await settled(page);
  await page.getByTestId('ch-preset').selectOption('three-tier');
  await page.waitForFunction(() => document.querySelector('#ch-table tbody')?.textContent.includes('web tier'));
  // Two of three at 99.9%: 3a² - 2a³ = 99.9997002%, shown with a decimal comma.
  assert.equal((await cells(page, 'web tier').allTextContents())[1], '99,9997002%');
  assert.equal((await cells(page, 'app tier').allTextContents())[1], '99,9999%');
  // At worst two of three servers are down together for 0.3% / 2 = 0.15%, the app tier 0.1%, the load
  // balancer and the database 0.01% each: 0.27% of the 0.5% allowed; the team gets 0.23%: 99.77%.
  assert.equal((await cells(page, 'operations team').allTextContents())[4], '99,77%');
  assert.equal(await page.locator('#ch-target').inputValue(), '99,5');
  // A German availability: 99,95 is read as 99.95.
  await page.locator('#ch-part-0-availability').fill('99,95');
  await page.waitForFunction(() => document.querySelector('#ch-table tbody tr')?.textContent.includes('99,95%'));
  assert.equal((await cells(page, 'operations team').allTextContents())[4], '99,81%');
  // The page is no wider than the phone.
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 390));

  // The link holds the whole chain: a fresh page opens it as it was.
  await page.getByTestId('ch-copy').click();
  await page.waitForFunction(() => location.hash.startsWith('#c='));
  const url = page.url();
  const again = await harness.open(url.slice(harness.origin.length), harness.problems, { locale: 'de-DE' });
  await again.waitForFunction(() => document.querySelector('#ch-table tbody')?.textContent.includes('web tier'));
  assert.equal(await again.locator('#ch-part-0-availability').inputValue(), '99,95');
  assert.equal((await cells(again, 'operations team').allTextContents())[4], '99,81%');

  // The CSV has every decimal and the downtime in seconds.
  const [download] = await Promise.all([again.waitForEvent('download'), again.getByTestId('ch-export-csv').click()]);
  const csv = readFileSync(await download.path(), 'utf8').split('\n');
  assert.equal(csv[0], 'part,kind,uses,used_by,internal,availability_percent,downtime_seconds,promise_percent,budget_share_percent,extra_nine');
  assert.ok(csv.some((l) => l.startsWith('web tier,2 of 3,web 1; web 2; web 3,three-tier service,false,99.9997002,')), csv.join('\n'));

  // A damaged link says so, and shows the example.
  const damaged = await harness.open('/chain.html#c=AAAA', harness.problems);
  await damaged.getByTestId('ch-link-error').waitFor();
  assert.match(await damaged.getByTestId('ch-link-error').textContent(), /could not be read/);
  assert.deepEqual(harness.problems, []);
});

test('<sla-chain> draws a chain copied from the page', async () => {
  const page = await harness.open('/chain.html');
  await settled(page);
  await page.getByTestId('ch-copy').click();
  await page.waitForFunction(() => location.hash.startsWith('#c='));
  const state = new URL(page.url()).hash.slice(3);
  await page.setContent('<!doctype html><body></body>');
  await page.goto(`${harness.origin}/examples.html`);
  await page.evaluate((s) => {
    const e = document.createElement('sla-chain');
    e.setAttribute('state', s);
    e.id = 'probe';
    document.body.append(e);
  }, state);
  await page.waitForFunction(() => document.getElementById('probe')?.dataset.state === 'ready');
  const text = await page.evaluate(() => document.getElementById('probe').shadowRoot.textContent);
  assert.match(text, /99\.8001%/);
  assert.match(text, /platform team/);
  assert.match(text, /99\.9625%/);
  // Saved with its money, the element says what the contracts cost: 40 000 a month is 480 000 a year.
  assert.match(text, /of the contract value of 480000\.00 EUR/);
  assert.deepEqual(harness.problems, []);
});

test('the parts as text: typed there, the cards and figures follow; a line that cannot be read is named', async () => {
  const page = await harness.open('/chain.html');
  await settled(page);
  await page.locator('.chain-text summary').click();
  // The preset as text, a line a part.
  assert.equal(await page.getByTestId('ch-text').inputValue(), 'cloud hosting: 99.95%\nplatform team: internal\napplication team: internal weight 3\nservice: all of cloud hosting, platform team, application team');
  // Two of three at 99% with a shared 99.9% database: 99.9702% x 99.9% = 99.8702298%.
  await page.getByTestId('ch-text').fill('a: 99%\nb: 99%\nc: 99%\nnodes: 2 of a, b, c\ndb: 99.9%\nshop: all of nodes, db');
  await page.waitForFunction(() => document.querySelector('#ch-table tbody')?.textContent.includes('shop'));
  assert.equal((await cells(page, 'nodes').allTextContents())[1], '99.9702%');
  assert.equal((await cells(page, 'shop').allTextContents())[1], '99.8702298%');
  assert.equal(await page.locator('#ch-part-3-kind').inputValue(), 'kofn');
  assert.equal(await page.getByTestId('ch-service').inputValue(), 'shop');
  // A line without a colon: refused next to the text, naming the line; the text stays as typed.
  await page.getByTestId('ch-text').fill('a: 99%\nb 99%');
  await page.getByTestId('ch-text-error').waitFor();
  assert.match(await page.getByTestId('ch-text-error').textContent(), /^Line 2 \(“b 99%”\)/);
  assert.equal(await page.getByTestId('ch-text').inputValue(), 'a: 99%\nb 99%');
  // Editing a card writes the text again.
  await page.getByTestId('ch-text').fill('a: 99%\nb: 99%');
  await page.waitForFunction(() => document.querySelector('#ch-table tbody')?.textContent.includes('b'));
  await page.locator('#ch-part-0-availability').fill('99.5');
  await page.waitForFunction(() => document.getElementById('ch-text').value.startsWith('a: 99.5%'));
  assert.deepEqual(harness.problems, []);
});
