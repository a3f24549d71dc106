// The pages in the states people see them in, for the layout and accessibility checks.
export const PAGES = [
  ['the calculator', '/', async () => {}],
  ['the calculator with service hours and a downtime', '/?target=99.5&period=month&hours=Mon-Fri%2008%3A00-18%3A00&tz=Europe%2FBerlin&downtime=2%20h', async (page) => {
    await page.waitForFunction(() => document.querySelector('[data-testid=counted]')?.textContent.includes('Europe/Berlin'));
  }],
  ['the outage log with a report', '/logs.html', async (page) => {
    await page.getByTestId('log-example').click();
    await page.waitForSelector('#log-report:not([hidden])');
  }],
  ['tickets with the example year', '/tickets.html', async (page) => {
    await page.getByTestId('tk-example').click();
    await page.waitForSelector('#tk-report:not([hidden])', { timeout: 60_000 });
  }],
  ['penalties: credits', '/penalties.html', async () => {}],
  ['penalties: risk', '/penalties.html#m=risk&y=1000', async (page) => {
    await page.waitForFunction(() => document.querySelector('[data-testid=pen-risk-summary]').textContent !== '' && document.querySelector('#pen-risk-busy').hidden, null, { timeout: 60_000 });
  }],
  ['compare quotes', '/compare.html', async (page) => page.waitForSelector('#cmp-table tbody tr')],
  ['service chains', '/chain.html', async (page) => page.waitForSelector('#ch-table tbody tr')],
  ['service chains: two regions', '/chain.html', async (page) => {
    await page.getByTestId('ch-preset').selectOption('azure-two-regions');
    await page.waitForFunction(() => document.querySelector('#ch-table tbody')?.textContent.includes('region 2'));
  }],
  ['embed examples', '/examples.html', async (page) => page.waitForSelector('sla-compare[data-state=ready]')],
];
