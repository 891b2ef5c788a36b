import type { Page } from '@playwright/test';
import { demo, expect, signInToOverview, test } from './helpers';

/** Nothing on the page may stick out past the screen, or the whole page scrolls sideways on a phone. */
async function expectNoSidewaysScroll(page: Page, path: string) {
  const widths = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, screen: window.innerWidth }));
  expect(widths.page, `${path} is wider than the screen`).toBeLessThanOrEqual(widths.screen);
}

test.describe('touchpoint pages on a phone (390 px)', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('the journey map, a touchpoint, its survey links, import, measured values, API keys and the goal fit the screen', async ({
    page,
  }) => {
    await signInToOverview(page, demo.exec);
    await page.goto('/touchpoints');
    await expect(page.getByRole('heading', { name: 'Journey map' })).toBeVisible();
    await expectNoSidewaysScroll(page, '/touchpoints');

    await page
      .getByRole('link', { name: /Courier delivery/ })
      .first()
      .click();
    await expect(page.getByRole('heading', { name: 'Courier delivery', level: 1 })).toBeVisible();
    await expect(page.getByRole('figure').first()).toBeVisible();
    await expectNoSidewaysScroll(page, 'touchpoint page');

    await page.getByRole('link', { name: 'Survey links' }).click();
    await expect(page.getByRole('heading', { name: /Survey links/, level: 1 })).toBeVisible();
    await expectNoSidewaysScroll(page, 'survey links');

    for (const [path, heading] of [
      ['/touchpoints/import', 'Import answers'],
      ['/touchpoints/measured', 'Measured values'],
      ['/settings/api-keys', 'Settings'],
      ['/goal', 'Customer-experience goal'],
    ] as const) {
      await page.goto(path);
      await expect(page.getByRole('heading', { name: heading, level: 1 })).toBeVisible();
      await expectNoSidewaysScroll(page, path);
    }
  });
});
