// The comparison workspace in Chromium: the internal service and two quotes worked out by hand, the link
// restoring everything, the printed report's text, damaged and hostile links, and saved scenarios.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { pageHarness } from './browser.mjs';
import { encode, DEFAULT_STATE } from '../../www/scenario.js';

const harness = pageHarness({ before, after });

Promise.withResolvers ??= function withResolvers() {
  let resolve;
  let reject;
  const promise = new Promise((a, b) => {
    resolve = a;
    reject = b;
  });
  return { promise, resolve, reject };
};

async function pdfText(buffer) {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await getDocument({ data: new Uint8Array(buffer) }).promise;
  let text = '';
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    text += content.items.map((x) => x.str + (x.hasEOL ? ' ' : '')).join('');
  }
  return { pages: doc.numPages, text: text.replace(/\s+/g, ' ') };
}

const row = (page, name) => page.getByTestId('cmp-table').locator('tbody tr', { hasText: name }).locator('td');

test('the internal service against two quotes: figures, link, printed report', async () => {
  const page = await harness.open('/compare.html');
  // Basis: an average month of Mon-Fri 09:00-17:00 = 173.925 h (626 130 s).
  assert.equal(await page.getByTestId('cmp-basis').textContent(), 'The basis: average Gregorian month (30.436875 days) of Mon-Fri 09:00-17:00: 173 h 55 min 30 s of service.');
  // Make Provider B cost 7 000 a month with 6 000 one-off, and downtime 500 an hour.
  await page.locator('#opt-2-price').fill('7000');
  await page.locator('#opt-2-oneOff').fill('6000');
  await page.getByTestId('cmp-cost').fill('500');
  await page.waitForFunction(() => document.querySelector('#cmp-table tbody tr:nth-child(3)').textContent.includes('86,'));
  // Internal: 0.5% of 626 130 s = 52 min 10.65 s allowed; 99.8% measured: 1 252.26 s expected. 96 000 a
  // year + 1 252.26 s x 12 = 4.1742 h at 500 = 2 087.10: 98 087.10.
  assert.deepEqual(await row(page, 'Internal IT').allTextContents(), [
    '99.5% measured monthly on Mon-Fri 09:00-17:00', '52 min 10.65 s', '52 min 10.65 s', '99.5%', '20 min 52.26 s (measured)', '–', '€96,000.00', '€98,087.10', '€9,199.37',
  ]);
  // B: 0.05% of an average quarter = 3 944.619 s, all in one month = 99.37% of the month's office hours.
  // Expected from the model (1 incident a month, median 30 min, 90% in 2 h): a mean of 3 231.21 s, 40/168
  // of it in office hours = 769.337 s. 84 000 + 6 000 / 3 = 86 000, + 769.337 s x 12 at 500 = 1 282.23.
  assert.deepEqual(await row(page, 'Provider B').allTextContents(), [
    '99.95% measured quarterly on 24x7', '1 h 5 min 44.619 s', '1 h 5 min 44.619 s', '99.37%', '12 min 49.336 s (outage model)', '–', '€86,000.00', '€87,282.23', '€6,540.56',
  ]);
  const verdict = await page.getByTestId('cmp-verdict').locator('li').allTextContents();
  assert.ok(verdict.includes("Provider B promises 99.95% measured quarterly on 24x7: on your basis that allows up to 1 h 5 min 44.619 s of downtime, more than the internal service's expected 20 min 52 s."), verdict.join('\n'));
  assert.ok(verdict.includes('Provider B has no credit schedule or no outage model here: no credits are counted for it.'));
  // Both quotes have no history: the same model gives them the same expected downtime, and the page says so.
  assert.equal(verdict.at(-1), 'Provider A and Provider B have no measured attainment here, so the outage model gives each the same expected downtime (12 min 49 s): only their promises, credits and prices tell them apart.');

  // The link restores everything.
  await page.getByTestId('cmp-copy').click();
  await page.waitForFunction(() => document.querySelector('[data-testid=cmp-copy-status]').textContent !== '');
  const link = page.url();
  assert.match(link, /#z=[\w-]+$/);
  assert.ok(link.length < 1000, `${link.length} characters`);
  const again = await harness.open(`/compare.html${new URL(link).hash}`);
  // Amounts travel as plain decimals and are shown in the reader's locale.
  assert.equal(await again.locator('#opt-2-oneOff').inputValue(), '6,000');
  assert.equal(await again.getByTestId('cmp-cost').inputValue(), '500');
  assert.deepEqual(await row(again, 'Provider B').allTextContents(), await row(page, 'Provider B').allTextContents());

  // The printed report: title, assumptions, the table, the verdict and the conventions.
  await again.emulateMedia({ media: 'print' });
  await again.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  const { pages, text } = await pdfText(await again.pdf({ format: 'A4', margin: { top: '15mm', bottom: '15mm', left: '12mm', right: '12mm' } }));
  assert.ok(pages >= 1 && pages <= 3, `${pages} pages`);
  for (const wanted of [
    'Comparison report: Internal IT, Provider A, Provider B.',
    'Assumptions',
    'Provider B: €7,000.00 a month, €6,000.00 one-off; promises 99.95% measured quarterly on 24x7; no credit schedule.',
    'Outage model for options without history: 1 incident a month, median repair 30 min, 90% within 2 h.',
    '€87,282.23',
    'Effective cost a year = price a month x 12 + one-off costs / contract years',
  ]) {
    assert.ok(text.includes(wanted), `the report lacks "${wanted}":\n${text}`);
  }
  assert.ok(!text.includes('Add a provider quote'), 'the form is not printed');
  await page.context().close();
  await again.context().close();
});

test("the internal service's attainment measured from an outage log, and hours a quote leaves uncovered", async () => {
  const page = await harness.open('/compare.html');
  // 2 h down on Wednesday 4 March 2026, in office hours. 2026 has 261 weekdays = 2 088 h = 7 516 800 s of
  // service: 1 - 7 200 / 7 516 800 = 99.904214...%.
  await page.getByTestId('cmp-log-0').setInputFiles({ name: 'ours.csv', mimeType: 'text/csv', buffer: Buffer.from('start,end\n2026-03-04 10:00,2026-03-04 12:00\n') });
  await page.waitForFunction(() => document.querySelector('#opt-0-attainment').value === '99.904214');
  // March: 22 weekdays x 8 h = 633 600 s; 1 - 7 200 / 633 600 = 98.863636...%; every other month 100%.
  assert.equal(await page.locator('#opt-0-log-status').textContent(), 'From ours.csv over 2026-01-01 to 2026-12-31 on your service hours (12 months): on average 99.904214%; a typical month 100.000000%; the worst, Mar 2026, 98.863636%. Choose which one sets the expected downtime: the average hides the bad periods the log was measured to show.');
  assert.equal(await page.locator('#opt-0-from').inputValue(), 'average');
  // 0.095786% of 626 130 s = 599.74 s expected in one month of office hours.
  await page.waitForFunction(() => document.querySelector('#cmp-table tbody tr').textContent.includes('9 min 59.'));
  assert.match((await row(page, 'Internal IT').allTextContents())[4], /\(the log’s average month\)$/);
  // The worst month drives it instead: 1.136363% of 626 130 s = 7 115.11 s.
  await page.locator('#opt-0-from').selectOption('worst');
  await page.waitForFunction(() => document.querySelector('#opt-0-attainment').value === '98.863636');
  await page.waitForFunction(() => document.querySelector('#cmp-table tbody tr').textContent.includes('1 h 58 min 35.'));
  assert.match((await row(page, 'Internal IT').allTextContents())[4], /\(the log’s worst month\)$/);
  // A quote on office hours against a 24x7 basis leaves 128 h a week unlimited; within its hours it
  // allows 0.1% of a month of office hours (626 130 s) = 626.13 s.
  await page.getByTestId('cmp-cal-preset').selectOption('');
  await page.getByTestId('opt-1-cal-preset').selectOption('8x5');
  await page.waitForFunction(() => document.querySelector('#cmp-table tbody tr:nth-child(2)').textContent.includes('unlimited'));
  assert.deepEqual((await row(page, 'Provider A').allTextContents()).slice(2, 4), ['10 min 26.13 s; unlimited in 128 h a week', 'none (hours uncovered)']);
  // A quote's own schedule, as JSON: errors name the quote and the part; a good one gives credits.
  await page.locator('#opt-2-schedule').selectOption('custom');
  await page.locator('#opt-2-custom').fill('{"target": "99.95", "tiers": [');
  await page.waitForFunction(() => document.querySelector('#opt-2-custom-error')?.textContent.startsWith("Provider B's credit schedule is not valid JSON"));
  await page.locator('#opt-2-custom').fill('{"target": "99.95", "tiers": [{"when": "< 99.95 and >= 99", "percent": 10}]}');
  await page.waitForFunction(() => document.querySelector('#opt-2-custom-error')?.textContent.startsWith('Attainments below the target 99.95% fall in no tier: from 0% (inclusive) to just below 99%'));
  assert.equal(await page.locator('#opt-2-custom').getAttribute('aria-invalid'), 'true');
  await page.locator('#opt-2-custom').fill('{"target": "99.95", "period": "quarter", "flat": "10"}');
  await page.waitForFunction(() => document.querySelector('#opt-2-custom-error').hidden);
  assert.notEqual((await row(page, 'Provider B').allTextContents())[5], '–');
  await page.context().close();
});

test("amounts follow the reader's locale, in the comparison's currency", async () => {
  const page = await harness.open('/compare.html', harness.problems, { locale: 'de-DE' });
  // Internal IT: 8 000 a month = 96 000 a year.
  assert.equal((await row(page, 'Internal IT').allTextContents())[6], '96.000,00\u00a0€');
  await page.getByTestId('cmp-currency').fill('CHF');
  await page.waitForFunction(() => document.querySelector('#cmp-table tbody td:nth-child(8)').textContent.includes('CHF'));
  assert.equal((await row(page, 'Internal IT').allTextContents())[6], '96.000,00\u00a0CHF');
  await page.context().close();
});

test('damaged and hostile links never run anything and lose nothing', async () => {
  const damaged = await harness.open('/compare.html#z=fZDBTsMwDIZfZfK5Qx1Voe0NEBI7ICbUnRAH06Q0');
  assert.match(await damaged.getByTestId('cmp-link-error').textContent(), /^This link could not be read \(the link is damaged: it was cut short or edited\); the example comparison is shown instead\./);
  assert.equal(await damaged.locator('#opt-0-name').inputValue(), 'Internal IT');
  await damaged.context().close();
  const evil = structuredClone(DEFAULT_STATE);
  evil.options[1].name = '<img src=x onerror="window.hacked=1">';
  evil.options[1].schedule = '"><script>window.hacked=2</script>';
  evil.basis.currency = '<b>X</b>';
  const hostile = await harness.open(`/compare.html#z=${await encode(evil)}`);
  assert.equal(await hostile.locator('#opt-1-name').inputValue(), '<img src=x onerror="window.hacked=1">');
  assert.equal(await hostile.evaluate(() => window.hacked), undefined);
  assert.equal(await hostile.locator('main img, main script:not([src]), main b').count(), 0);
  // The bad currency is shown next to its field.
  await hostile.waitForSelector('#cmp-currency-error:not([hidden])');
  assert.equal(await hostile.locator('#cmp-currency-error').textContent(), '“<B>X</B>” must be a three-letter currency code such as EUR.');
  assert.equal(await hostile.getByTestId('cmp-currency').inputValue(), '<b>X</b>');
  await hostile.context().close();
  // A link made before service hours could be one's own (scenario version 1) still opens.
  const old = { v: 1, basis: { period: 'month', hours: '8x5', zone: 'Europe/Berlin', currency: 'EUR', cost: '0', years: '3' }, model: { rate: '1', median: 'PT30M', p90: 'PT2H' },
    options: [{ name: 'Internal IT', internal: true, price: '8000', oneOff: '0', target: '99.5', period: 'month', hours: 'basis', schedule: '', attainment: '99.8' }] };
  const v1 = await harness.open(`/compare.html#z=${await encode(old)}`);
  assert.equal(await v1.getByTestId('cmp-cal-preset').inputValue(), '8x5');
  assert.equal(await v1.getByTestId('cmp-cal-zone').inputValue(), 'Europe/Berlin');
  await v1.waitForFunction(() => document.querySelector('[data-testid=cmp-basis]').textContent.includes('Mon-Fri 09:00-17:00'));
  await v1.context().close();
});

test('a real contract: your own hours on the basis and on a quote, amounts in the reader’s locale, errors next to their field', async () => {
  const page = await harness.open('/compare.html');
  await page.getByTestId('cmp-cal-preset').selectOption('custom');
  await page.getByTestId('cmp-cal-hours').fill('Mon-Fri 08:00-18:00');
  await page.getByTestId('cmp-cal-zone').fill('Europe/Berlin');
  // 50 h a week x 4.348125 = 217.40625 h.
  await page.waitForFunction(() => document.querySelector('[data-testid=cmp-basis]').textContent.includes('Mon-Fri 08:00-18:00: 217 h 24 min 22.5 s of service'));
  // A quote that serves only Mon-Fri 09:00-17:00 in Berlin leaves 10 h a week of yours uncovered.
  await page.getByTestId('opt-2-cal-preset').selectOption('custom');
  await page.getByTestId('opt-2-cal-hours').fill('Mon-Fri 09:00-17:00');
  await page.getByTestId('opt-2-cal-zone').fill('Europe/Berlin');
  await page.waitForFunction(() => document.querySelector('#cmp-table tbody tr:nth-child(3)').textContent.includes('unlimited in 10 h a week'));
  // 8,000 is eight thousand to an English reader; 8.000 could be either, so it is asked.
  await page.locator('#opt-0-price').fill('8,000');
  await page.waitForFunction(() => document.querySelector('#cmp-table tbody tr').textContent.includes('€96,000.00'));
  await page.locator('#opt-0-price').fill('8.000');
  assert.equal(await page.locator('#opt-0-price-error').textContent(), '“8.000” could be 8,000 or 8: write 8,000 or 8 to say which.');
  assert.equal(await page.getByTestId('cmp-stale').isVisible(), true);
  await page.locator('#opt-0-price').fill('8000');
  // 1,000 an hour of downtime: the internal service's 0.2% of 782 662.5 s = 1 565.325 s a month, 5.21775 h a
  // year at 1 000 = 5 217.75 on top of 96 000.
  await page.getByTestId('cmp-cost').fill('1,000');
  await page.waitForFunction(() => document.querySelector('#cmp-table tbody tr').textContent.includes('€101,217.75'));
  await page.getByTestId('cmp-years').fill('three');
  assert.equal(await page.locator('#cmp-years-error').textContent(), '“three” is not a number of contract years: type a whole number from 1 to 100.');
  await page.getByTestId('cmp-years').fill('3');
  await page.locator('#opt-1-name').fill('');
  assert.equal(await page.locator('#opt-1-name-error').textContent(), 'Give this option a name.');
  await page.locator('#opt-1-name').fill('Provider A');
  await page.getByTestId('cmp-median').fill('');
  await page.waitForSelector('#cmp-median-error:not([hidden])');
  assert.equal(await page.getByTestId('cmp-median').getAttribute('aria-invalid'), 'true');
  await page.getByTestId('cmp-median').fill('30 min');
  await page.waitForFunction(() => !document.querySelector('main > section').classList.contains('stale'));
  // A link pasted into the open tab is followed.
  await page.getByTestId('cmp-copy').click();
  await page.waitForFunction(() => document.querySelector('[data-testid=cmp-copy-status]').textContent !== '');
  const link = await page.evaluate(() => location.hash);
  await page.locator('#opt-0-price').fill('9000');
  await page.waitForFunction(() => document.querySelector('#cmp-table tbody tr').textContent.includes('€108,000.00'));
  await page.waitForFunction((old) => location.hash !== old, link);
  await page.evaluate((h) => (location.hash = h), link);
  await page.waitForFunction(() => document.querySelector('#opt-0-price').value === '8,000');
  await page.context().close();
});

test('saved scenarios: save, rename, open, delete, export and import', async () => {
  const page = await harness.open('/compare.html');
  await page.getByTestId('cmp-scenario-name').fill('Q3 review');
  await page.getByTestId('cmp-save').click();
  await page.locator('#opt-1-price').fill('1234');
  await page.getByTestId('cmp-scenario-name').fill('Q3 review, cheap A');
  await page.getByTestId('cmp-save').click();
  assert.deepEqual(await page.locator('#cmp-scenarios .scenario-name').allTextContents(), ['Q3 review', 'Q3 review, cheap A']);
  await page.getByTestId('cmp-scenario-name').fill('Baseline');
  await page.getByRole('button', { name: 'Rename Q3 review', exact: true }).click();
  await page.getByRole('button', { name: 'Open Baseline' }).click();
  assert.equal(await page.locator('#opt-1-price').inputValue(), '7,000');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('cmp-scenarios-export').click()]);
  const file = JSON.parse(Buffer.concat(await (await download.createReadStream()).toArray()).toString());
  assert.deepEqual([file.program, file.kind, file.version, file.scenarios.length], ['slacalc', 'comparison-scenarios', 2, 2]);
  await page.getByRole('button', { name: 'Delete Baseline' }).click();
  assert.deepEqual(await page.locator('#cmp-scenarios .scenario-name').allTextContents(), ['Q3 review, cheap A']);
  // A file from another program, or from a newer slacalc, is refused with a reason; a good one is imported.
  const put = async (name, data) => {
    await page.evaluate(() => { document.querySelector('[data-testid=cmp-scenarios-status]').textContent = ''; });
    await page.getByTestId('cmp-scenarios-import').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(data)) });
    await page.waitForFunction(() => document.querySelector('[data-testid=cmp-scenarios-status]').textContent !== '');
  };
  await put('other.json', { app: 'spreadsheet', rows: [] });
  assert.match(await page.getByTestId('cmp-scenarios-status').textContent(), /^other\.json is not a slacalc scenario file/);
  await put('future.json', { ...file, version: 7 });
  assert.match(await page.getByTestId('cmp-scenarios-status').textContent(), /newer version of slacalc \(file version 7\)/);
  await put('mine.json', { ...file, scenarios: [...file.scenarios, { name: 'Broken', state: { v: 1, options: [] } }] });
  assert.equal(await page.getByTestId('cmp-scenarios-status').textContent(), 'Imported 2 scenarios from mine.json. Not imported: Broken (it has no option to compare).');
  assert.equal(await page.locator('#cmp-scenarios li').count(), 3);
  await page.context().close();
});

test('crafted scenario files: each is refused or imported with a message, and the good scenarios are kept', async () => {
  const page = await harness.open('/compare.html');
  await page.getByTestId('cmp-save').click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('cmp-scenarios-export').click()]);
  const file = JSON.parse(Buffer.concat(await (await download.createReadStream()).toArray()).toString());
  const good = file.scenarios[0];
  const put = async (name, text) => {
    await page.evaluate(() => { document.querySelector('[data-testid=cmp-scenarios-status]').textContent = ''; });
    await page.getByTestId('cmp-scenarios-import').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
    await page.waitForFunction(() => document.querySelector('[data-testid=cmp-scenarios-status]').textContent !== '');
    return page.getByTestId('cmp-scenarios-status').textContent();
  };
  // A name that is an object whose toString is not a function: the scenario is imported under a plain name.
  assert.equal(
    await put('names.json', JSON.stringify({ ...file, scenarios: [{ ...good, name: { toString: 1 } }, { ...good, name: 'Fine' }, 42] })),
    'Imported 2 scenarios from names.json. Not imported: scenario 3 (it is not a scenario).',
  );
  assert.deepEqual((await page.locator('#cmp-scenarios .scenario-name').allTextContents()).slice(1), ['Imported', 'Fine']);
  assert.equal(await put('minus.json', JSON.stringify({ ...file, version: -7 })), 'minus.json has no version slacalc writes (it should say version: 2); nothing was imported.');
  assert.equal(await put('half.json', JSON.stringify({ ...file, version: 1.5 })), 'half.json has no version slacalc writes (it should say version: 2); nothing was imported.');
  assert.equal(
    await put('text.json', JSON.stringify({ ...file, version: '1' })),
    'text.json gives its version as the text "1"; slacalc writes it as a number (version: 1). Nothing was imported.',
  );
  // The browser's storage nearly full: the import says what did not fit, and what was kept stays.
  await page.evaluate(() => {
    let size = 8 << 20;
    let filled = '';
    while (size > 256) {
      try {
        localStorage.setItem('filler', filled + 'x'.repeat(size));
        filled += 'x'.repeat(size);
      } catch {
        size >>= 1;
      }
    }
  });
  const many = JSON.stringify({ ...file, scenarios: Array.from({ length: 40 }, (_, i) => ({ ...good, name: `Copy ${i + 1}` })) });
  assert.match(await put('many.json', many), /^Imported \d+ scenarios? from many\.json\. \d+ scenarios? did not fit in this browser’s storage/);
  assert.deepEqual((await page.locator('#cmp-scenarios .scenario-name').allTextContents()).slice(0, 3), ['Comparison of ' + (await page.evaluate(() => new Date().toLocaleDateString())), 'Imported', 'Fine']);
  await page.evaluate(() => localStorage.removeItem('filler'));
  await page.context().close();
});

test('no request leaves the page origin and nothing is logged as an error', () => {
  assert.deepEqual(harness.foreignRequests(), []);
  assert.deepEqual(harness.problems, []);
});

export { readFileSync };
