import type { Page } from '@playwright/test';
import { demo, expect, expectNoAxeViolations, signIn, signInToOverview, test, unique } from './helpers';

/**
 * Accelerators and blockers (issue 13), end to end on the demo (Bookshelf). The lead works in Customer support, whose
 * touchpoint is "Support chat and phone". Every lever a test adds has a name of its own, so the assertions find that
 * test's lever only, whatever the seed or another test added. The worker computes a card within seconds of a change:
 * the tests wait for it, never for a fixed time, and never for a particular verdict of the demo's levers.
 */

const CARD_TIMEOUT = 60_000;
const SUPPORT = 'Support chat and phone';

/** Adds a lever through the form like a person would; returns the address of its page. */
async function addLever(
  page: Page,
  lever: { kind: 'Accelerator' | 'Blocker'; name: string; state?: string; touchpoint: string },
) {
  await page.goto('/levers');
  await page.getByRole('link', { name: 'Add a lever' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Add an accelerator or a blocker' })).toBeVisible();
  await page.getByRole('radio', { name: lever.kind }).check();
  await page.getByLabel('Name', { exact: true }).fill(lever.name);
  await page.getByLabel('Description').fill('Added by the end-to-end test.');
  await page.getByRole('checkbox', { name: lever.touchpoint }).check();
  if (lever.state) await page.getByLabel('Where it stands').selectOption({ label: lever.state });
  await page.getByRole('button', { name: `Add the ${lever.kind.toLowerCase()}` }).click();
  await expect(page).toHaveURL(/\/levers\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { level: 1, name: lever.name })).toBeVisible();
  return new URL(page.url()).pathname;
}

/** One group of the register's levers that are not ranked, by its heading ("Still collecting (2)"). */
const group = (page: Page, title: RegExp) =>
  page.locator('section').filter({ has: page.getByRole('heading', { level: 3, name: title }) });

test.describe('accelerators and blockers', () => {
  test('a lead adds an accelerator in place at their touchpoint, edits it and sees it collecting; back to planned, then deleted', async ({
    page,
  }) => {
    test.setTimeout(120_000);
    await signIn(page, demo.lead);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Levers' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Accelerators and blockers' })).toBeVisible();

    // A lead gives levers to their own department only.
    await page.getByRole('link', { name: 'Add a lever' }).click();
    await expect(page.getByLabel('Owning department').locator('option')).toHaveText(['Customer support']);

    const first = unique('Callback within the hour');
    const path = await addLever(page, { kind: 'Accelerator', name: first, state: 'In place', touchpoint: SUPPORT });
    await expect(page.getByText('Accelerator', { exact: true })).toBeVisible();

    // Its lead edits it in place.
    await page.getByRole('button', { name: 'Edit' }).click();
    const name = `${first} for every reader`;
    const edit = page.getByRole('form', { name: `Edit ${first}` });
    await edit.getByLabel('Name', { exact: true }).fill(name);
    await edit.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
    await expect(edit).toBeHidden();
    await expect(page.getByText(/^In place since /).first()).toBeVisible();
    await expect(page.getByRole('link', { name: SUPPORT })).toBeVisible();

    // Put in place today, its after window has not ended: the card says it is still collecting.
    await expect(page.getByRole('heading', { level: 2, name: 'What it did' })).toBeVisible({ timeout: CARD_TIMEOUT });
    await expect(page.getByText(/^(Settling in|Collecting, week \d+ of \d+)$/).first()).toBeVisible();

    // In the register it is among those still collecting, not ranked (the card may still be on its way).
    const support = await touchpointId(page, SUPPORT);
    await expect(async () => {
      await page.goto(`/levers?touchpoint=${support}`);
      await expect(group(page, /^Still collecting/).getByRole('link', { name })).toBeVisible({ timeout: 1_000 });
    }).toPass({ timeout: CARD_TIMEOUT });
    await expect(page.getByTestId('ranked-lever').filter({ hasText: name })).toHaveCount(0);

    // Back to planned: no card any more; then deleted, after a confirmation, it leaves the register.
    await page.goto(path);
    await page.getByRole('button', { name: 'Back to planned' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Back to planned' }).click();
    await expect(page.getByText('Planned: no impact card yet.', { exact: false })).toBeVisible();
    // The button that moved it is gone with its state: the keyboard focus is on the day to put it in place again.
    await expect(page.getByLabel('In place since')).toBeFocused();
    await page.getByRole('button', { name: 'Delete' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Delete' }).click();
    await expect(page).toHaveURL('/levers');
    await expect(page.getByRole('link', { name })).toHaveCount(0);
  });

  test('an open blocker shows on the journey map and its touchpoint until it is removed', async ({ page }) => {
    await signIn(page, demo.lead);
    const name = unique('Order history hidden from agents');
    const path = await addLever(page, { kind: 'Blocker', name, touchpoint: SUPPORT });
    await expect(page.getByText('Open: no impact card yet.', { exact: false })).toBeVisible();

    // The map counts it on the touchpoint's card and links to the register filtered to them.
    await page.goto('/touchpoints');
    const blockers = page.getByRole('link', { name: new RegExp(`^\\d+ open blockers? at ${SUPPORT}$`) });
    await blockers.click();
    await expect(page).toHaveURL(/\/levers\?kind=blocker&state=open&touchpoint=[0-9a-f-]{36}$/);
    await expect(page.getByLabel('Kind')).toHaveValue('blocker');
    await expect(group(page, /^Open blockers/).getByRole('link', { name })).toBeVisible();

    // The touchpoint's page lists it among what still hurts there.
    await page.goto('/touchpoints');
    await page.getByRole('link', { name: SUPPORT, exact: true }).click();
    const here = page.locator('section').filter({ has: page.getByRole('heading', { name: 'Open blockers here' }) });
    await here.getByRole('link', { name }).click();
    await expect(page).toHaveURL(path);

    // Removed today, it is a change with a card, and no longer on the touchpoint's page.
    await page.getByRole('button', { name: 'Mark as removed' }).click();
    await expect(page.getByText(/^Removed on /).first()).toBeVisible();
    await expect(page.getByLabel('Removed on')).toBeFocused();
    await expect(page.getByRole('heading', { level: 2, name: 'What it did' })).toBeVisible({ timeout: CARD_TIMEOUT });
    await page.getByRole('link', { name: SUPPORT }).click();
    await expect(page.getByRole('heading', { level: 1, name: SUPPORT })).toBeVisible();
    await expect(page.getByRole('link', { name })).toHaveCount(0);
  });

  test("an executive opens the ranked list and a lever's card, and back", async ({ page }) => {
    test.setTimeout(120_000);
    await signInToOverview(page, demo.exec);
    await page.goto('/levers');
    await expect(page.getByRole('heading', { level: 2, name: /^Ranked by what they did/ })).toBeVisible();
    // The demo's cards are computed by the worker after the server starts.
    const ranked = page.getByTestId('ranked-lever');
    await expect(async () => {
      await page.reload();
      await expect(ranked.first()).toBeVisible({ timeout: 1_000 });
    }).toPass({ timeout: CARD_TIMEOUT });
    const first = ranked.first();
    await expect(first).toContainText(/Shrunken effect|Lower end of the interval/);
    await expect(first).toContainText(/\(95% interval [-+−]?[\d.]+ to [-+−]?[\d.]+\)/);
    await expect(first).toContainText(/Answers behind it[\d,]+ before, [\d,]+ after/);

    const link = first.getByRole('heading', { level: 3 }).getByRole('link');
    const name = (await link.textContent())!;
    await link.click();
    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: 'What it did' })).toBeVisible({ timeout: CARD_TIMEOUT });
    await expect(page.getByRole('heading', { level: 2, name: 'Manage this lever' })).toBeVisible();

    // Its card page names it a lever and leads back to it.
    await page.getByRole('link', { name: 'Open its card page, to try other windows' }).click();
    await expect(page).toHaveURL(/\/changes\/lever\/[0-9a-f-]{36}$/);
    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
    await expect(page.getByText('Accelerator or blocker', { exact: true })).toBeVisible();
    await page.getByRole('link', { name: '← Its lever' }).click();
    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  });

  test('staff read the register but manage nothing', async ({ page }) => {
    await signIn(page, demo.staff);
    await page.goto('/levers');
    await expect(page.getByRole('heading', { level: 1, name: 'Accelerators and blockers' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Add a lever' })).toHaveCount(0);
    const lever = page.locator('[data-testid="ranked-lever"] h3 a, [data-testid="unranked-lever"] a').first();
    await lever.click();
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Manage this lever' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Delete' })).toHaveCount(0);
    await page.goto('/levers/new');
    await expect(page).toHaveURL('/forbidden');
  });

  for (const width of [1280, 390]) {
    test(`axe on the register, the form and a lever's page at ${width} px`, async ({ page }, testInfo) => {
      test.setTimeout(120_000);
      await page.setViewportSize({ width, height: 900 });
      await signInToOverview(page, demo.exec);
      await page.goto('/levers');
      await expect(page.getByRole('heading', { level: 1, name: 'Accelerators and blockers' })).toBeVisible();
      await expectNoAxeViolations(page, testInfo, `levers-${width}`);

      await page.goto('/levers/new');
      await page.getByRole('radio', { name: 'Blocker' }).check();
      await page.getByRole('button', { name: 'Add the blocker' }).click();
      await expect(page.getByLabel('Name', { exact: true })).toHaveAccessibleDescription(/./);
      await expect(page.getByLabel('Name', { exact: true })).toBeFocused();
      await expectNoAxeViolations(page, testInfo, `lever-form-errors-${width}`);

      await page.goto('/levers');
      await page.locator('[data-testid="ranked-lever"] h3 a, [data-testid="unranked-lever"] a').first().click();
      await expect(page.getByRole('heading', { level: 2, name: 'Manage this lever' })).toBeVisible();
      await page.getByRole('button', { name: 'Edit' }).click();
      await expect(page.getByRole('form', { name: /^Edit / })).toBeVisible();
      await expectNoAxeViolations(page, testInfo, `lever-page-${width}`);
    });
  }
});

/** A touchpoint's id, from its link on the journey map. */
async function touchpointId(page: Page, name: string): Promise<string> {
  await page.goto('/touchpoints');
  const href = await page.getByRole('link', { name, exact: true }).getAttribute('href');
  return href!.split('/').pop()!;
}
