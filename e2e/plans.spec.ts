import type { Locator, Page } from '@playwright/test';
import { demo, expect, mainNavigation, newSession, signInToOverview, test, unique } from './helpers';

/** Opens Plans from the main navigation, then a department's plan from the "Plans by department" table. */
async function openDepartmentPlan(page: Page, department: string) {
  await mainNavigation(page).getByRole('link', { name: 'Plans' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Action plans' })).toBeVisible();
  await page
    .getByRole('table', { name: 'Plans by department' })
    .getByRole('link', { name: department, exact: true })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: `Action plan: ${department}` })).toBeVisible();
}

/** The number of things waiting, as the bell announces it ("Notifications, 3 waiting"). */
async function bellCount(page: Page): Promise<number> {
  const label = await page.getByRole('link', { name: /^Notifications, / }).getAttribute('aria-label');
  if (label === 'Notifications, nothing waiting') return 0;
  const match = /^Notifications, (\d+) waiting$/.exec(label ?? '');
  if (!match) throw new Error(`unexpected bell label: ${label}`);
  return Number(match[1]);
}

function addForm(page: Page) {
  return page.getByRole('region', { name: 'Add a plan item' });
}

function itemCard(page: Page, title: string) {
  return page.getByRole('article', { name: title });
}

/** The line of an item's request list about one department: "<Department> (affected) <Status>". */
function requestLine(item: Locator, department: string) {
  return item.getByRole('listitem').filter({ hasText: new RegExp(`^${department} \\(`) });
}

test.describe('department action plans', () => {
  test('a lead adds an item affecting two departments; one of them acknowledges it', async ({
    page,
    browser,
    baseURL,
  }) => {
    const title = unique('Callback queue');

    // The Delivery lead is signed in elsewhere, with some things already waiting.
    const delivery = await newSession(browser, baseURL);
    try {
      await signInToOverview(delivery.page, demo.delivery);
      const waitingBefore = await bellCount(delivery.page);

      // The Customer support lead adds an item to their plan.
      await signInToOverview(page, demo.lead);
      await openDepartmentPlan(page, 'Customer support');
      await page.getByRole('button', { name: '+ Add a plan item' }).click();
      const form = addForm(page);
      await form.getByLabel('Title').fill(title);
      await form.getByLabel('Description').fill('A queue in the CRM, so no customer has to chase us.');
      await form.getByLabel('Owner').selectOption({ label: 'Andriy Bondar (Customer support)' });
      await form.getByLabel('Due date').fill('2031-03-15');
      await expect(form.getByLabel('Status')).toHaveValue('planned');
      await form.getByLabel('Investment (UAH)').fill('18 000');
      await form.getByLabel('Expected outcome').fill('No case left without an answer');
      await expect(form.getByLabel('Serves in the goal')).toHaveValue('');
      await form.getByRole('group', { name: 'Touchpoints it affects' }).getByLabel('Support chat and phone').check();
      const affects = form.getByRole('group', { name: 'Other departments it affects' });
      // A department's own name is not offered.
      await expect(affects.getByLabel('Customer support', { exact: true })).toHaveCount(0);
      await affects.getByLabel('Delivery', { exact: true }).check();
      await affects.getByLabel('IT', { exact: true }).check();
      await form.getByLabel('Quick win', { exact: true }).check();
      await expect(form.getByLabel('Changes a service, product or channel')).not.toBeChecked();
      await form.getByRole('button', { name: 'Add item' }).click();

      // The form closes; the item is in the open items, waiting for two answers.
      await expect(addForm(page)).toHaveCount(0);
      await expect(page.getByRole('button', { name: '+ Add a plan item' })).toBeVisible();
      const item = itemCard(page, title);
      await expect(item).toBeVisible();
      await expect(item).toContainText('Andriy Bondar');
      await expect(item).toContainText('Quick win');
      await expect(item).toContainText('Support chat and phone');
      await expect(item).toContainText('18,000');
      await expect(item.getByText('2 departments have not answered yet')).toBeVisible();
      await expect(requestLine(item, 'Delivery')).toContainText('Pending');
      await expect(requestLine(item, 'IT')).toContainText('Pending');

      // The Delivery lead sees one more thing waiting, and acknowledges the request on their plan.
      await delivery.page.reload();
      await expect.poll(() => bellCount(delivery.page)).toBe(waitingBefore + 1);
      await openDepartmentPlan(delivery.page, 'Delivery');
      const incoming = delivery.page.getByRole('region', { name: /^Requests waiting for your department/ });
      await expect(incoming.getByRole('link', { name: title })).toBeVisible();
      const answer = incoming.getByRole('form', { name: `Answer about ${title}` });
      await answer.getByRole('button', { name: 'Acknowledge' }).click();
      await expect(delivery.page.getByRole('link', { name: title })).toHaveCount(0);
      await delivery.page.reload();
      await expect.poll(() => bellCount(delivery.page)).toBe(waitingBefore);
    } finally {
      await delivery.context.close();
    }

    // Back with the Customer support lead: Delivery has acknowledged, IT has not answered yet.
    await page.reload();
    const item = itemCard(page, title);
    await expect(item.getByText('1 department has not answered yet')).toBeVisible();
    await expect(requestLine(item, 'Delivery')).toContainText('Acknowledged');
    await expect(requestLine(item, 'IT')).toContainText('Pending');
  });

  test("staff read their department's plan but cannot add to it", async ({ page }) => {
    await signInToOverview(page, demo.staff);
    await openDepartmentPlan(page, 'Customer support');
    await expect(page.getByRole('heading', { name: /^Open items/ })).toBeVisible();
    await expect(itemCard(page, 'Answer every chat within 2 minutes')).toBeVisible();
    await expect(page.getByRole('button', { name: '+ Add a plan item' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: /^Edit / })).toHaveCount(0);
  });

  test("a lead cannot add to another department's plan", async ({ page }) => {
    await signInToOverview(page, demo.lead);
    await openDepartmentPlan(page, 'Delivery');
    await expect(itemCard(page, 'One-day delivery in Kyiv')).toBeVisible();
    await expect(page.getByRole('button', { name: '+ Add a plan item' })).toHaveCount(0);
  });

  test('an amount that is not a number is shown next to the field, and nothing typed is lost', async ({ page }) => {
    const title = unique('Ready answers');
    await signInToOverview(page, demo.lead);
    await openDepartmentPlan(page, 'Customer support');
    await page.getByRole('button', { name: '+ Add a plan item' }).click();
    const form = addForm(page);
    await form.getByLabel('Title').fill(title);
    await form.getByLabel('Expected outcome').fill('15% fewer chats');
    const investment = form.getByLabel('Investment (UAH)');
    await investment.fill('abc');
    await form.getByRole('button', { name: 'Add item' }).click();

    await expect(form.getByText('Enter an amount such as 1200.50.')).toBeVisible();
    await expect(investment).toHaveAttribute('aria-invalid', 'true');
    await expect(investment).toHaveAccessibleDescription('Enter an amount such as 1200.50.');
    await expect(investment).toBeFocused();
    await expect(form.getByLabel('Title')).toHaveValue(title);
    await expect(form.getByLabel('Expected outcome')).toHaveValue('15% fewer chats');
    await expect(investment).toHaveValue('abc');
    await expect(itemCard(page, title)).toHaveCount(0);

    // Corrected, the item is added.
    await investment.fill('1 200,50');
    await form.getByRole('button', { name: 'Add item' }).click();
    await expect(itemCard(page, title)).toContainText('1,200.50');
  });

  // The departments an item affects are kept with it, so dropping and picking it up again loses none of them.
  test('a dropped item picked up again still affects the departments it affected', async ({ page }) => {
    const title = unique('Weekend chat');
    await signInToOverview(page, demo.lead);
    await openDepartmentPlan(page, 'Customer support');
    await page.getByRole('button', { name: '+ Add a plan item' }).click();
    const form = addForm(page);
    await form.getByLabel('Title').fill(title);
    const affects = form.getByRole('group', { name: 'Other departments it affects' });
    await affects.getByLabel('Delivery', { exact: true }).check();
    await affects.getByLabel('IT', { exact: true }).check();
    await form.getByRole('button', { name: 'Add item' }).click();
    await expect(itemCard(page, title).getByText('2 departments have not answered yet')).toBeVisible();

    const editForm = page.locator('form').filter({ has: page.getByRole('button', { name: 'Save' }) });
    await page.getByRole('button', { name: `Edit ${title}` }).click();
    await editForm.getByLabel('Status').selectOption({ label: 'Dropped' });
    await editForm.getByLabel('Why is it dropped?').fill('No one free on weekends');
    await editForm.getByRole('button', { name: 'Save' }).click();
    await expect(itemCard(page, title)).toContainText('Dropped');
    await expect(itemCard(page, title)).toContainText('No one free on weekends');

    await page.getByRole('button', { name: `Edit ${title}` }).click();
    await editForm.getByLabel('Status').selectOption({ label: 'Planned' });
    const editAffects = editForm.getByRole('group', { name: 'Other departments it affects' });
    await expect(editAffects.getByLabel('Delivery', { exact: true })).toBeChecked({ timeout: 2_000 });
    await expect(editAffects.getByLabel('IT', { exact: true })).toBeChecked({ timeout: 2_000 });
  });

  test('a done item shows when it took effect, and its declared target is locked once its after window started', async ({
    page,
  }) => {
    await signInToOverview(page, demo.lead);
    await openDepartmentPlan(page, 'Customer support');
    const item = itemCard(page, 'Knowledge base for the 20 most asked questions');
    await expect(item).toContainText('Took effect on:');
    await item.getByRole('button', { name: 'Edit Knowledge base for the 20 most asked questions' }).click();
    const form = page.getByRole('form', { name: 'Edit Knowledge base for the 20 most asked questions' });
    await expect(form.getByLabel('Took effect on')).toHaveValue(/^\d{4}-\d{2}-\d{2}$/);
    await expect(form).toContainText(
      /Declared in advance: the after window started on .+, so the target can no longer change\./,
    );
    await expect(form.getByLabel('Metric it should move')).toHaveCount(0);
  });

  test('a new item declares the metric of the goal target it serves, editable', async ({ page }) => {
    await signInToOverview(page, demo.lead);
    await openDepartmentPlan(page, 'Customer support');
    await page.getByRole('button', { name: '+ Add a plan item' }).click();
    const form = addForm(page);
    await expect(form.getByLabel('Metric it should move')).toHaveValue('');
    const serves = form.getByLabel('Serves in the goal');
    const target = await serves.locator('option', { hasText: /^Target: / }).first();
    const label = (await target.textContent()) ?? '';
    await serves.selectOption({ label });
    await expect(form.getByLabel('Metric it should move')).not.toHaveValue('');
    await expect(form.getByLabel('Direction')).toHaveValue(label.includes('Time to resolution') ? 'down' : 'up');
    await form.getByLabel('Status').selectOption({ label: 'Done' });
    await expect(form.getByLabel('Took effect on')).toHaveValue(/^\d{4}-\d{2}-\d{2}$/);
  });

  test("the executive overview shows every department's plan and filters quick wins", async ({ execPage: page }) => {
    await mainNavigation(page).getByRole('link', { name: 'Plans' }).click();
    const table = page.getByRole('table', { name: 'Plans by department' });
    await expect(table.getByRole('columnheader', { name: 'Planned investment' })).toBeVisible();
    await expect(table.getByRole('columnheader', { name: 'Spent (done)' })).toBeVisible();
    for (const department of [
      'Customer support',
      'Delivery',
      'Website',
      'Marketing',
      'Warehouse',
      'IT',
      'Finance',
      'HR',
    ]) {
      await expect(table.getByRole('rowheader', { name: department, exact: true })).toBeVisible();
    }
    await expect(table.getByRole('rowheader', { name: 'All departments' })).toBeVisible();

    const items = page
      .locator('section')
      .filter({ has: page.getByRole('heading', { level: 2, name: 'Plan items' }) })
      .getByRole('listitem');
    const all = await items.count();
    expect(all).toBeGreaterThan(3);
    await expect(items.filter({ hasText: 'One-day delivery in Kyiv' })).toHaveCount(1);

    await page.getByLabel('Quick wins').selectOption({ label: 'Quick wins only' });
    await page.getByRole('button', { name: 'Filter' }).click();
    await expect(page).toHaveURL(/[?&]quickWin=yes/);
    await expect(page.getByText(new RegExp(`^\\d+ of ${all} items match the filter\\.$`))).toBeVisible();
    const quick = await items.count();
    expect(quick).toBeGreaterThan(0);
    expect(quick).toBeLessThan(all);
    await expect(items.filter({ hasText: 'Show the delivery cost on the product page' })).toHaveCount(1);
    await expect(items.filter({ hasText: 'One-day delivery in Kyiv' })).toHaveCount(0);
    for (let i = 0; i < quick; i++) await expect(items.nth(i).getByText('Quick win', { exact: true })).toBeVisible();
  });

  test('leads see the overview without the money columns', async ({ page }) => {
    await signInToOverview(page, demo.lead);
    await mainNavigation(page).getByRole('link', { name: 'Plans' }).click();
    const table = page.getByRole('table', { name: 'Plans by department' });
    await expect(table.getByRole('columnheader', { name: 'Requests waiting' })).toBeVisible();
    await expect(table.getByRole('columnheader', { name: 'Planned investment' })).toHaveCount(0);
  });
});
