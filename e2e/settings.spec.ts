import type { Page } from '@playwright/test';
import { card, expect, test, unique } from './helpers';

async function addDepartment(
  page: Page,
  name: string,
  stage: 'Front stage' | 'Back stage' = 'Front stage',
  description = '',
) {
  const form = card(page, 'Add a department');
  await form.getByLabel('Name', { exact: true }).fill(name);
  await form.getByLabel('Stage').selectOption({ label: stage });
  await form.getByLabel('Description').fill(description);
  await form.getByRole('button', { name: 'Add department' }).click();
}

function departmentList(page: Page) {
  return card(page, /^Departments \(\d+\)$/);
}

test.describe('organization settings', () => {
  test('an executive adds a department, and the same name cannot be used twice', async ({ execPage: page }) => {
    const name = unique('Bookbinding');
    await page.goto('/settings/departments');
    await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
    const before = await departmentList(page).getByRole('heading').textContent();

    await addDepartment(page, name, 'Back stage', 'Repairs damaged books before they go back on sale.');
    const row = departmentList(page).getByRole('listitem').filter({ hasText: name });
    await expect(row).toBeVisible();
    await expect(row).toContainText('Back stage');
    await expect(row).toContainText('Repairs damaged books');
    await expect(departmentList(page).getByRole('heading')).not.toHaveText(before ?? '');
    // The add form is emptied for the next one.
    await expect(card(page, 'Add a department').getByLabel('Name', { exact: true })).toHaveValue('');

    await addDepartment(page, name);
    const nameField = card(page, 'Add a department').getByLabel('Name', { exact: true });
    await expect(nameField).toHaveAccessibleDescription('This name is already used in your organization.');
    await expect(nameField).toHaveValue(name);
    await page.reload();
    await expect(departmentList(page).getByRole('listitem').filter({ hasText: name })).toHaveCount(1);
  });

  test('an executive adds a touchpoint to Discover owned by a new department', async ({ execPage: page }) => {
    const department = unique('Book clubs');
    const touchpoint = unique('Reading club meetup');
    await page.goto('/settings/departments');
    await addDepartment(page, department);
    await expect(departmentList(page).getByRole('listitem').filter({ hasText: department })).toBeVisible();

    await page
      .getByRole('navigation', { name: 'Settings sections' })
      .getByRole('link', { name: 'Journey and touchpoints' })
      .click();
    await expect(page).toHaveURL('/settings/journey');
    await page.getByRole('button', { name: 'Add a touchpoint to Discover' }).click();
    await page.getByLabel('Touchpoint name').fill(touchpoint);
    await expect(page.getByLabel('Journey stage', { exact: true }).locator('option:checked')).toHaveText('Discover');
    await page.getByLabel('Owning department').selectOption({ label: department });
    await page.getByLabel('Channel').selectOption({ label: 'Offline' });
    await page.getByLabel('Description').fill('Monthly meetups in the shop.');
    await page.getByRole('button', { name: 'Add touchpoint', exact: true }).click();

    // The form closes and the touchpoint is listed under Discover with its owner.
    await expect(page.getByLabel('Touchpoint name')).toHaveCount(0);
    const discover = page
      .getByRole('listitem')
      .filter({ has: page.getByRole('heading', { level: 3, name: /Discover/ }) });
    const item = discover.getByRole('listitem').filter({ hasText: touchpoint });
    await expect(item).toBeVisible();
    await expect(item).toContainText(department);
    await expect(item).toContainText('Offline');

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Overview' }).click();
    await expect(page).toHaveURL('/');
    const stage = page
      .getByRole('listitem')
      .filter({ has: page.getByRole('heading', { level: 3, name: 'Discover', exact: true }) });
    const card_ = stage.getByRole('listitem').filter({ hasText: touchpoint });
    await expect(card_).toBeVisible();
    await expect(card_).toContainText(department);
  });

  test('the add-department form works with the keyboard alone', async ({ execPage: page }) => {
    const name = unique('Keyboard only');
    await page.goto('/settings/departments');
    const nameField = card(page, 'Add a department').getByLabel('Name', { exact: true });
    let reached = false;
    for (let presses = 0; presses < 30 && !reached; presses++) {
      await page.keyboard.press('Tab');
      reached = await nameField.evaluate((el) => el === document.activeElement);
    }
    expect(reached, 'Tab reaches the Name field of the add form').toBe(true);
    await page.keyboard.type(name);
    await page.keyboard.press('Enter');

    await expect(departmentList(page).getByRole('listitem').filter({ hasText: name })).toBeVisible();
    await expect(departmentList(page).getByRole('listitem').filter({ hasText: name })).toContainText('Front stage');
    await expect(nameField).toHaveValue('');
  });
});

test.describe('impact settings (issue 11)', () => {
  test('an executive changes the default windows and a threshold, sees a bad value explained, and resets', async ({
    execPage: page,
  }) => {
    await page.goto('/settings/organization');
    await page.getByRole('navigation', { name: 'Settings sections' }).getByRole('link', { name: 'Impact' }).click();
    await expect(page).toHaveURL('/settings/impact');
    const form = card(page, 'Impact cards');
    await expect(form).toContainText('Lists, the overview and the API always use these windows');
    const baseline = form.getByLabel('Baseline (weeks)');
    const washout = form.getByLabel('Washout (weeks)');
    const after = form.getByLabel('After (weeks)');
    const nps = form.getByRole('group', { name: /^NPS/ });
    // Never set: the defaults of the method.
    await expect(baseline).toHaveValue('4');
    await expect(washout).toHaveValue('1');
    await expect(after).toHaveValue('4');
    await expect(nps.getByLabel('Minimum meaningful change')).toHaveValue('5');
    await expect(nps.getByLabel('Target precision')).toHaveValue('10');

    await baseline.fill('6');
    await washout.fill('3');
    await after.fill('8');
    await nps.getByLabel('Target precision').fill('4');
    await form.getByRole('button', { name: 'Save' }).click();
    await expect(washout).toHaveAccessibleDescription('Enter a whole number of weeks from 0 to 2.');
    await expect(nps.getByLabel('Target precision')).toHaveAccessibleDescription(
      'The target precision must be at least the minimum meaningful change (5).',
    );
    await expect(washout).toBeFocused();
    // Nothing typed is lost.
    await expect(baseline).toHaveValue('6');

    await washout.fill('0');
    await nps.getByLabel('Target precision').fill('12');
    await form.getByRole('button', { name: 'Save' }).click();
    await expect(form.getByRole('status')).toHaveText('Saved. Every impact card is recomputed with these settings.');
    await page.reload();
    await expect(baseline).toHaveValue('6');
    await expect(washout).toHaveValue('0');
    await expect(after).toHaveValue('8');
    await expect(nps.getByLabel('Target precision')).toHaveValue('12');

    // Back to the defaults, with the keyboard: the button fills them in, saving keeps them.
    await form.getByRole('button', { name: 'Reset to the defaults' }).focus();
    await page.keyboard.press('Enter');
    await expect(form.getByRole('status')).toHaveText('The defaults of the method are filled in: save to keep them.');
    await expect(baseline).toHaveValue('4');
    await expect(nps.getByLabel('Target precision')).toHaveValue('10');
    await form.getByRole('button', { name: 'Save' }).click();
    await expect(form.getByRole('status')).toHaveText('Saved. Every impact card is recomputed with these settings.');
    await page.reload();
    await expect(washout).toHaveValue('1');
    await expect(form.getByRole('button', { name: 'Reset to the defaults' })).toBeDisabled();
  });
});
