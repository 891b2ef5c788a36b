import AxeBuilder from '@axe-core/playwright';
import type { Request } from '@playwright/test';
import { demo, expect, signInToOverview, test } from './helpers';

// A lead creates a survey link for their department's touchpoint; a customer on a browser without JavaScript
// answers it; the lead sees the answer counted. The public page must stay tiny and pass axe.
test('a customer answers a survey without JavaScript and the lead sees it counted', async ({
  page,
  browser,
  baseURL,
}, testInfo) => {
  await signInToOverview(page, demo.lead);
  await page.goto('/touchpoints');
  await page.getByRole('link', { name: 'Support chat and phone' }).first().click();
  await expect(page).toHaveURL(/\/touchpoints\/[0-9a-f-]{36}$/);
  await page.goto(`${new URL(page.url()).pathname}/survey`);
  await expect(page.getByRole('heading', { level: 1, name: /Survey links/ })).toBeVisible();

  const create = page.getByRole('region', { name: 'New survey link' });
  await create.getByLabel('Metric').selectOption({ label: 'NPS: would they recommend us' });
  await create.getByRole('button', { name: 'Create link' }).click();
  const card = page
    .locator('section')
    .filter({ has: page.getByRole('heading', { level: 2, name: 'NPS: would they recommend us' }) });
  await expect(card.getByText('No answers yet')).toBeVisible();
  const url = await card.getByLabel('Link for NPS').inputValue();
  expect(url).toMatch(/\/s\/[A-Za-z0-9_-]{22}$/);
  // The same address as the test server, so the customer's browser reaches it.
  const surveyPath = new URL(url).pathname;

  const customer = await browser.newContext({ baseURL, javaScriptEnabled: false });
  const phone = await customer.newPage();
  const requests: Request[] = [];
  phone.on('requestfinished', (request) => requests.push(request));
  await phone.goto(`${surveyPath}?persona=Student&channel=e2e`);
  await phone.waitForLoadState('load');
  const sizes = await Promise.all(
    requests.map(async (request) => ({ url: request.url(), ...(await request.sizes()) })),
  );
  const bodies = sizes.reduce((sum, s) => sum + s.responseBodySize, 0);
  const transferred = sizes.reduce((sum, s) => sum + s.responseBodySize + s.responseHeadersSize, 0);
  const question = phone.getByRole('group', {
    name: 'How likely are you to recommend Bookshelf to a friend or colleague?',
  });
  await expect(question).toBeVisible();
  await expect(phone.locator('script')).toHaveCount(0);
  const summary = `${sizes.length} request(s), bodies ${bodies} bytes, with headers ${transferred} bytes: ${sizes.map((s) => `${s.url} ${s.responseBodySize}`).join('; ')}`;
  testInfo.annotations.push({ type: 'survey page load', description: summary });
  console.log(`survey page load: ${summary}`);
  expect(bodies).toBeGreaterThan(1000);
  expect(transferred).toBeLessThan(30 * 1024);

  // axe runs as a script, so it checks the same page (which has none of its own) in a browser with JavaScript.
  const checker = await browser.newContext({ baseURL });
  const checked = await checker.newPage();
  await checked.goto(surveyPath);
  const axe = await new AxeBuilder({ page: checked })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .analyze();
  expect(axe.passes.length, 'axe actually checked the page').toBeGreaterThan(10);
  expect(
    axe.violations.map((v) => `${v.impact} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`),
  ).toEqual([]);
  await checker.close();

  // Sending without a score shows the message next to the question and keeps the comment.
  await phone.getByLabel('Anything you would like to tell us? (optional)').fill('Fast and friendly');
  await phone.getByRole('button', { name: 'Send my answer' }).click();
  await expect(question.getByText('Please choose a number from 0 to 10.')).toBeVisible();
  await expect(phone.getByLabel('Anything you would like to tell us? (optional)')).toHaveValue('Fast and friendly');

  await question.getByText('9', { exact: true }).click();
  await expect(phone.getByRole('radio', { name: '9', exact: true })).toBeChecked();
  await phone.getByRole('button', { name: 'Send my answer' }).click();
  await expect(phone.getByRole('heading', { level: 1, name: 'Thank you!' })).toBeVisible();
  await expect(phone).toHaveURL(/\?thanks=1$/);
  await customer.close();

  await page.reload();
  await expect(card.getByText('1 answer received')).toBeVisible();
});

test('a replaced link stops working at once', async ({ page, browser, baseURL }) => {
  await signInToOverview(page, demo.lead);
  await page.goto('/touchpoints');
  await page.getByRole('link', { name: 'Returns' }).first().click();
  await expect(page).toHaveURL(/\/touchpoints\/[0-9a-f-]{36}$/);
  await page.goto(`${new URL(page.url()).pathname}/survey`);
  const card = page
    .locator('section')
    .filter({ has: page.getByRole('heading', { level: 2, name: 'NPS: would they recommend us' }) });
  const before = new URL(await card.getByLabel('Link for NPS').inputValue()).pathname;
  await card.getByRole('button', { name: 'Replace the NPS link with a new one' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Replace the link' }).click();
  await expect(card.getByLabel('Link for NPS')).not.toHaveValue(new RegExp(`${before}$`));
  const after = new URL(await card.getByLabel('Link for NPS').inputValue()).pathname;

  const customer = await browser.newContext({ baseURL, javaScriptEnabled: false });
  const phone = await customer.newPage();
  const old = await phone.goto(before);
  expect(old?.status()).toBe(404);
  await expect(phone.getByRole('heading', { level: 1, name: 'This survey is no longer open' })).toBeVisible();
  expect((await phone.goto(after))?.status()).toBe(200);
  await customer.close();
});

test('staff see which questions are asked but not the links, and cannot open a print sheet', async ({ page }) => {
  await signInToOverview(page, demo.staff);
  await page.goto('/touchpoints');
  await page.getByRole('link', { name: 'Courier delivery' }).first().click();
  await expect(page).toHaveURL(/\/touchpoints\/[0-9a-f-]{36}$/);
  await page.goto(`${new URL(page.url()).pathname}/survey`);
  await expect(
    page.getByText('Survey links of this touchpoint are managed by the lead of Delivery and by executives.'),
  ).toBeVisible();
  await expect(page.getByText('How satisfied were you with Courier delivery?')).toBeVisible();
  await expect(page.getByRole('button', { name: /Create link|Switch off|Replace/ })).toHaveCount(0);
  await expect(page.locator('input[readonly]')).toHaveCount(0);
  expect((await page.goto('/touchpoints/00000000-0000-4000-8000-000000000000/survey'))?.status()).toBe(404);
});
