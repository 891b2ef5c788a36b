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
