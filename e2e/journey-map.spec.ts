import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { demo, expect, signInToOverview, test, unique } from './helpers';

/** A stage of the journey map: the region headed by the stage's name (a phase may have the same name). */
const stage = (page: Page, name: string) =>
  page.getByRole('region', { name, exact: true }).filter({
    has: page.getByRole('heading', { level: 3, name, exact: true }),
    hasNot: page.getByRole('heading', { level: 2 }),
  });
/** A touchpoint card, found by the link to its page. */
const touchpointCard = (page: Page, name: string) =>
  page.getByRole('article').filter({ has: page.getByRole('link', { name, exact: true }) });

test.describe('the journey map', () => {
  test('staff see the three phases, front- and back-stage lanes and every touchpoint with its score, n and trend, and open one', async ({
    page,
  }) => {
    await signInToOverview(page, demo.staff);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Touchpoints' }).click();
    await expect(page).toHaveURL('/touchpoints');
    await expect(page.getByRole('heading', { level: 1, name: 'Journey map' })).toBeVisible();
    await expect(page.getByText(/Scores cover the last 90 days \(/)).toBeVisible();
    await expect(page.getByRole('heading', { level: 2 })).toHaveText([
      'Before purchase',
      'During purchase',
      'After purchase',
    ]);
    await expect(page.getByRole('heading', { level: 3 })).toHaveText(['Discover', 'Buy', 'Receive', 'After purchase']);

    // Service-blueprint lanes: the courier (Delivery, front stage) above the packaging (Warehouse, back stage).
    const receive = stage(page, 'Receive');
    const courier = receive.getByRole('group', { name: 'Front stage' }).getByRole('article');
    await expect(courier).toHaveCount(1);
    await expect(courier).toContainText('Courier delivery');
    await expect(courier).toContainText('Delivery · Offline');
    const packaging = receive.getByRole('group', { name: 'Back stage' }).getByRole('article');
    await expect(packaging).toContainText('Packaging');
    await expect(packaging).toContainText('Warehouse');
    const courierBox = (await courier.boundingBox())!;
    const packagingBox = (await packaging.boundingBox())!;
    expect(packagingBox.y).toBeGreaterThan(courierBox.y + courierBox.height);
    expect(Math.abs(packagingBox.x - courierBox.x)).toBeLessThan(2);

    // Every touchpoint of the demo has a year of answers: a headline with its margin and n, and a trend.
    for (const name of [
      'Search and website',
      'Checkout',
      'Payment',
      'Courier delivery',
      'Packaging',
      'Support chat and phone',
      'Returns',
    ]) {
      const card = touchpointCard(page, name);
      await expect(card, name).toContainText(/n = [\d,]+/);
      await expect(card, name).toContainText(/± [\d.]+/);
      await expect(card, name).toContainText(/vs the 90 days before/);
    }

    // Staff neither import answers nor keep measured values.
    await expect(page.getByRole('link', { name: 'Import answers' })).toHaveCount(0);
    await expect(page.getByRole('link', { name: 'Measured values' })).toHaveCount(0);

    await touchpointCard(page, 'Courier delivery').getByRole('link', { name: 'Courier delivery' }).click();
    await expect(page).toHaveURL(/\/touchpoints\/[0-9a-f-]{36}$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Courier delivery' })).toBeVisible();
  });

  test('executives get the import and measured-values links, leads only the measured values', async ({
    execPage: page,
    browser,
    baseURL,
  }) => {
    await page.goto('/touchpoints');
    await expect(page.getByRole('link', { name: 'Import answers' })).toHaveAttribute('href', '/touchpoints/import');
    await expect(page.getByRole('link', { name: 'Measured values' })).toHaveAttribute('href', '/touchpoints/measured');

    const context = await browser.newContext({ baseURL });
    const lead = await context.newPage();
    await signInToOverview(lead, demo.lead);
    await lead.goto('/touchpoints');
    await expect(lead.getByRole('link', { name: 'Measured values' })).toBeVisible();
    await expect(lead.getByRole('link', { name: 'Import answers' })).toHaveCount(0);
    await context.close();
  });

  test('a new back-stage touchpoint sits in the back-stage lane of its stage and says it has no answers yet', async ({
    execPage: page,
  }) => {
    const name = unique('Refund approval');
    await page.goto('/settings/journey');
    await page.getByRole('button', { name: 'Add a touchpoint to After purchase' }).click();
    await page.getByLabel('Touchpoint name').fill(name);
    await page.getByLabel('Owning department').selectOption({ label: 'Finance' });
    await page.getByLabel('Channel').selectOption({ label: 'Online' });
    await page.getByRole('button', { name: 'Add touchpoint', exact: true }).click();
    await expect(page.getByLabel('Touchpoint name')).toHaveCount(0);

    await page.goto('/touchpoints');
    const card = stage(page, 'After purchase')
      .getByRole('group', { name: 'Back stage' })
      .getByRole('article')
      .filter({ hasText: name });
    await expect(card).toContainText('Finance · Online');
    await expect(card).toContainText('No answers yet');
    await expect(card).not.toContainText('n =');
  });

  test('on a phone the stages stack in journey order and nothing scrolls sideways', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await signInToOverview(page, demo.staff);
    await page.goto('/touchpoints');
    const tops = [];
    for (const name of ['Discover', 'Buy', 'Receive', 'After purchase']) {
      const box = (await stage(page, name).boundingBox())!;
      expect(box.x + box.width, name).toBeLessThanOrEqual(390);
      tops.push(box.y);
    }
    expect(tops).toEqual([...tops].sort((a, b) => a - b));
    // Lane names are visible headings on a phone, inside each stage.
    await expect(stage(page, 'Receive').getByRole('heading', { level: 4, name: 'Back stage' })).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });

  test('the goal shows each measured target live, with its margin, n and progress; business numbers are measured elsewhere', async ({
    page,
  }) => {
    await signInToOverview(page, demo.staff);
    await page.goto('/goal');
    const targets = page.getByRole('listitem').filter({ has: page.locator('[data-live-value]') });
    await expect(targets.first()).toBeVisible();
    const companyNps = page.getByRole('listitem').filter({ hasText: /^NPS: 45/ });
    await expect(companyNps).toContainText(/Now: [+-]?\d+ ± [\d.]+/);
    await expect(companyNps).toContainText(/n = [\d,]+/);
    await expect(companyNps).toContainText(/Met|points to go/);
    await expect(page.getByRole('listitem').filter({ hasText: /^Time to resolution: 24 h/ })).toContainText(
      /Met|h too slow/,
    );
    await expect(page.getByRole('listitem').filter({ hasText: /^Repeat-customer rate/ })).toContainText(
      'Measured outside Touchpoint',
    );
    await expect(page.getByText(/^Now: the last 90 days \(/)).toBeVisible();
  });

  test('the journey map has no serious accessibility problems, on a desktop and a phone', async ({ page }) => {
    await signInToOverview(page, demo.staff);
    for (const viewport of [
      { width: 1280, height: 800 },
      { width: 390, height: 844 },
    ]) {
      await page.setViewportSize(viewport);
      await page.goto('/touchpoints');
      const { violations } = await new AxeBuilder({ page }).analyze();
      expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
    }
  });
});
