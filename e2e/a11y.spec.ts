import { demo, expect, expectNoAxeViolations, signInToOverview, test } from './helpers';

test.describe('accessibility (axe)', () => {
  test('login page', async ({ page }, testInfo) => {
    await page.goto('/login');
    await expect(page.getByRole('button', { name: 'Sign in', exact: true })).toBeVisible();
    await expectNoAxeViolations(page, testInfo, 'login');
  });

  test('overview as executive', async ({ page }, testInfo) => {
    await signInToOverview(page, demo.exec);
    await expectNoAxeViolations(page, testInfo, 'overview');
  });

  test('members settings as executive', async ({ page }, testInfo) => {
    await signInToOverview(page, demo.exec);
    await page.goto('/settings/members');
    await expect(page.getByRole('heading', { name: 'Invite a member' })).toBeVisible();
    await expectNoAxeViolations(page, testInfo, 'settings-members');
  });

  test('journey settings as executive', async ({ page }, testInfo) => {
    await signInToOverview(page, demo.exec);
    await page.goto('/settings/journey');
    await expect(page.getByRole('heading', { name: 'Journey stages and touchpoints' })).toBeVisible();
    await expectNoAxeViolations(page, testInfo, 'settings-journey');
  });

  for (const width of [1280, 390]) {
    test(`impact settings, and a plan item's form with its locked target, at ${width} px (issue 11)`, async ({
      page,
    }, testInfo) => {
      await page.setViewportSize({ width, height: 900 });
      await signInToOverview(page, demo.exec);
      await page.goto('/settings/impact');
      await expect(page.getByRole('heading', { name: 'Impact cards' })).toBeVisible();
      await expectNoAxeViolations(page, testInfo, `settings-impact-${width}`);
      await page.getByLabel('Baseline (weeks)').fill('20');
      await page.getByRole('button', { name: 'Save' }).click();
      await expect(page.getByLabel('Baseline (weeks)')).toHaveAccessibleDescription(
        'Enter a whole number of weeks from 2 to 12.',
      );
      await expectNoAxeViolations(page, testInfo, `settings-impact-errors-${width}`);
      await page.goto('/plans');
      await page
        .getByRole('table', { name: 'Plans by department' })
        .getByRole('link', { name: 'Customer support' })
        .click();
      await page.getByRole('button', { name: 'Edit Knowledge base for the 20 most asked questions' }).click();
      await expect(page.getByText(/^Declared in advance: the after window started on/)).toBeVisible();
      await expectNoAxeViolations(page, testInfo, `plan-item-locked-${width}`);
    });
  }

  for (const width of [1280, 390]) {
    test(`a change's impact card, its method and its weeks opened, at ${width} px (issue 11)`, async ({
      page,
    }, testInfo) => {
      await page.setViewportSize({ width, height: 900 });
      await signInToOverview(page, demo.exec);
      await page.goto('/touchpoints');
      await page.getByRole('link', { name: 'Courier delivery', exact: true }).click();
      await page
        .getByRole('link', { name: /^Open the card: / })
        .first()
        .click();
      // The worker computes the demo's cards within seconds of the server's start; the page asks until it is there.
      await expect(page.getByRole('heading', { level: 2, name: 'What it did' })).toBeVisible({ timeout: 60_000 });
      for (const summary of await page.locator('summary').all()) await summary.click();
      await expectNoAxeViolations(page, testInfo, `impact-card-${width}`);
    });
  }

  for (const width of [1280, 390]) {
    test(`the security page, forgot password and a reset link at ${width} px (issue 10)`, async ({
      page,
    }, testInfo) => {
      await page.setViewportSize({ width, height: 900 });
      await page.goto('/forgot');
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await expectNoAxeViolations(page, testInfo, `forgot-${width}`);
      await page.goto('/reset/not-a-real-link');
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await expectNoAxeViolations(page, testInfo, `reset-invalid-${width}`);
      await signInToOverview(page, demo.it);
      await page.goto('/profile/security');
      await expect(page.getByRole('heading', { name: 'Signed-in browsers' })).toBeVisible();
      await expectNoAxeViolations(page, testInfo, `security-${width}`);
    });
  }
});
