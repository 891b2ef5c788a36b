import { expect, type Page, test } from '@playwright/test';
import { demo, signIn, signInToOverview } from './helpers';

/**
 * Impact cards end to end (issue 11), on the demo. The background worker computes the demo's cards a few seconds
 * after the server starts: the tests wait for a card to be there (the card page asks again until it is), never for
 * a fixed time, and never for a particular verdict (the demo's story may change).
 */

/** The worker may still be computing the demo's cards on a fresh server. */
const CARD_TIMEOUT = 60_000;

async function openTouchpoint(page: Page, name: string) {
  await page.goto('/touchpoints');
  await page.getByRole('link', { name, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
}

/** The card page shows a computed card: its windows and what it did (or why nothing can be measured). */
async function expectCard(page: Page) {
  await expect(page.getByRole('heading', { level: 2, name: 'What it did' })).toBeVisible({ timeout: CARD_TIMEOUT });
  await expect(page.getByRole('heading', { level: 2, name: 'Windows' })).toBeVisible();
}

test.describe('impact cards', () => {
  test('an executive follows a change at Courier delivery to its card and tries 8-week windows', async ({ page }) => {
    await signInToOverview(page, demo.exec);
    await openTouchpoint(page, 'Courier delivery');

    // Each change at the touchpoint carries its card in brief, with a way to open it.
    const changes = page.getByRole('list', { name: 'Changes at this touchpoint' });
    await expect(changes.getByTestId('impact-summary').first()).toBeVisible();
    await expect(changes.getByRole('link', { name: /^Open the card: / }).first()).toBeVisible();

    // A marker on the chart leads to its change's card.
    const marker = page.getByRole('link', { name: /^Weekly improvement: / }).last();
    // "Weekly improvement: <title>, Mar 4, 2026"
    const title = (await marker.getAttribute('aria-label'))!
      .replace(/^Weekly improvement: /, '')
      .replace(/, [A-Z][a-z]{2} \d{1,2}, \d{4}$/, '');
    await marker.click();
    await expect(page).toHaveURL(/\/changes\/improvement\/[0-9a-f-]{36}$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
    await expect(page.getByText('Courier delivery').first()).toBeVisible();
    await expectCard(page);
    await expect(page.getByText(/not your organization's default windows/)).toHaveCount(0);
    await expect(page.getByText(/Baseline \(4 weeks\)/)).toBeVisible();

    // Other windows: the form puts them in the URL, the card is computed for them and says they are not the defaults.
    await page.getByLabel('Baseline', { exact: true }).selectOption('8');
    await page.getByLabel('After', { exact: true }).selectOption('8');
    await page.getByRole('button', { name: 'Try these windows' }).click();
    await expect(page).toHaveURL(/\?baselineWeeks=8&washoutWeeks=1&afterWeeks=8$/);
    await expect(
      page.getByText("These are not your organization's default windows (4 + 1 + 4 weeks). Nothing is saved."),
    ).toBeVisible();
    await expect(page.getByText(/Baseline \(8 weeks\)/)).toBeVisible({ timeout: CARD_TIMEOUT });
    await expect(page.getByText(/After \(8 weeks\)/)).toBeVisible();

    // The link can be shared: opened afresh, it shows the same windows; "back" returns to the defaults.
    await page.reload();
    await expect(page.getByText(/Baseline \(8 weeks\)/)).toBeVisible({ timeout: CARD_TIMEOUT });
    await page.getByRole('link', { name: 'Back to the default windows' }).click();
    await expect(page).toHaveURL(/\/changes\/improvement\/[0-9a-f-]{36}$/);
    await expect(page.getByText(/Baseline \(4 weeks\)/)).toBeVisible();
    await expect(page.getByText(/not your organization's default windows/)).toHaveCount(0);
    await expect(page.getByLabel('Baseline', { exact: true })).toHaveValue('4');
  });

  test("a lead sees the card of their department's improvement in the grid's cell dialog", async ({ page }) => {
    await signIn(page, demo.lead);
    await page.goto('/weekly');
    // The oldest logged week of the area on the grid: its after window has started.
    const cell = page
      .locator('[role="grid"] button[aria-label^="Customer support, "]:not([aria-label$=": no improvement"])')
      .first();
    const label = (await cell.getAttribute('aria-label'))!;
    const title = label.replace(/^[^:]+: /, '');
    await cell.click();
    const dialog = page.getByRole('dialog');
    await expect(dialog).toBeVisible();
    const summary = dialog.getByTestId('impact-summary');
    await expect(summary).toContainText('What it did');
    // Until the worker has computed it, the dialog says so and asks again.
    await expect(summary).not.toContainText('being computed', { timeout: CARD_TIMEOUT });
    await expect(summary).not.toContainText('Loading');
    await summary.getByRole('link', { name: `Open the card: ${title}` }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
    await expectCard(page);
  });

  test('an unknown change or kind is not found, and bad windows are explained', async ({ page }) => {
    await signIn(page, demo.staff);
    expect((await page.goto('/changes/improvement/00000000-0000-4000-8000-000000000000'))?.status()).toBe(404);
    expect((await page.goto('/changes/lever/00000000-0000-4000-8000-000000000000'))?.status()).toBe(404);
    const api = await page.request.get('/api/changes/improvement/00000000-0000-4000-8000-000000000000');
    expect(api.status()).toBe(404);

    await openTouchpoint(page, 'Courier delivery');
    const open = page.getByRole('link', { name: /^Open the card: / }).first();
    const href = (await open.getAttribute('href'))!;
    const bad = await page.request.get(`/api${href}/impact?baselineWeeks=20&afterWeeks=1`);
    expect(bad.status()).toBe(400);
    expect(Object.keys((await bad.json()).error.fields).sort()).toEqual(['afterWeeks', 'baselineWeeks']);
    // Typed into the URL by hand, the page says so next to the field and keeps the defaults.
    await page.goto(`${href}?baselineWeeks=20`);
    await expect(page.getByLabel('Baseline', { exact: true })).toHaveAccessibleDescription(
      'Enter a whole number of weeks from 2 to 12.',
    );
    await expect(page.getByText(/not your organization's default windows/)).toHaveCount(0);
  });
});
