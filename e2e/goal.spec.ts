import type { Page } from '@playwright/test';
import {
  card,
  demo,
  expect,
  expectNoAxeViolations,
  newSession,
  signIn,
  signInToOverview,
  test,
  unique,
  uniqueEmail,
} from './helpers';

const STATEMENT =
  'Every reader who orders from Bookshelf feels known, looked after and certain of their delivery, so they come back with a friend.';

/** The read-status card's entry for one department ("Delivery: 0 of 1 read"). */
function departmentReading(page: Page, version: number, department: string) {
  return card(page, `Who has read version ${version}`)
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { level: 3, name: new RegExp(`^${department}: `) }) })
    .first();
}

/** Counts the pages of a PDF: its /Type /Page objects, not the /Pages tree. */
function pageCount(pdf: Buffer) {
  return pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g)?.length ?? 0;
}

test.describe('the one-page goal', () => {
  test('the executive edits and publishes the goal; the lead and the staff member confirm reading it; the executive sees who has not', async ({
    execPage: page,
    browser,
    baseURL,
  }) => {
    await page.goto('/goal');
    await expect(page.getByRole('heading', { level: 1, name: 'Customer-experience goal' })).toBeVisible();
    await page.getByRole('link', { name: 'Edit the draft' }).click();
    await expect(page).toHaveURL('/goal/edit');

    // The live budget follows the typing.
    const statement = page.getByLabel('Our goal in one sentence');
    await expect(page.getByText(/^2,298 \/ 2,500 characters$/)).toBeVisible();
    await statement.fill(STATEMENT);
    const budget = 2298 - 130 + STATEMENT.length;
    await expect(page.getByText(`${budget.toLocaleString('en')} / 2,500 characters`)).toBeVisible();

    // Over the page: the server refuses next to the budget and the text stays as typed.
    const dayToDay = page.getByLabel('What it means day to day');
    const longer = `${await dayToDay.inputValue()} ${'Readers first. '.repeat(15)}`.trim();
    await dayToDay.fill(longer);
    await expect(page.getByText(/characters? over the one-page limit/)).toBeVisible();
    await page.getByRole('button', { name: 'Save draft' }).click();
    await expect(page.getByRole('alert').filter({ hasText: /one page holds 2,500/ })).toBeVisible();
    await expect(dayToDay).toHaveValue(longer);
    await expect(statement).toHaveValue(STATEMENT);

    await dayToDay.fill(longer.replace(/ Readers first\..*$/, ''));
    await page.getByRole('button', { name: 'Publish as version 3' }).click();
    const dialog = page.getByRole('alertdialog', { name: 'Publish version 3?' });
    await dialog.getByRole('button', { name: 'Publish', exact: true }).click();
    await expect(page).toHaveURL('/goal');
    await expect(page.getByText(/^Version 3 · published/)).toBeVisible();
    await expect(page.getByText(STATEMENT)).toBeVisible();
    await expect(departmentReading(page, 3, 'Customer support')).toContainText('Not read yet');

    for (const email of [demo.lead, demo.staff]) {
      const { context, page: member } = await newSession(browser, baseURL);
      await signIn(member, email);
      await member.goto('/goal');
      await expect(member.getByText(STATEMENT)).toBeVisible();
      await expect(member.getByRole('link', { name: 'Edit the draft' })).toHaveCount(0);
      await expect(member.getByRole('heading', { name: /^Who has read/ })).toHaveCount(0);
      await member.getByRole('button', { name: 'I have read this version' }).click();
      await expect(member.getByRole('status').filter({ hasText: 'you confirmed reading version 3' })).toBeVisible();
      await member.reload();
      await expect(member.getByText(/^You confirmed reading version 3 on /)).toBeVisible();
      await expect(member.getByRole('button', { name: 'I have read this version' })).toHaveCount(0);
      await context.close();
    }

    await page.reload();
    // The demo's third member of Customer support, Sofiia, has not read it yet.
    const support = departmentReading(page, 3, 'Customer support');
    await expect(support).toContainText('Customer support: 2 of 3 read');
    await expect(support.getByRole('definition').first()).toContainText('Sofiia Tkachenko (sofiia@demo.test)');
    const delivery = departmentReading(page, 3, 'Delivery');
    await expect(delivery).toContainText('Delivery: 0 of 2 read'); // Taras and his colleague Nadiia
    await expect(delivery.getByRole('definition').first()).toContainText('Taras Melnyk (delivery@demo.test)');
    await expect(departmentReading(page, 3, 'No department')).toContainText('Olena Kovalenko');

    // Every version is kept; what changed is marked word by word.
    await page.getByRole('link', { name: 'What changed since version 2' }).click();
    await expect(page).toHaveURL('/goal/compare?from=2&to=3');
    const statementChange = page
      .locator('section')
      .filter({ has: page.getByRole('heading', { name: /Our goal in one sentence/ }) });
    await expect(statementChange.getByText('Changed', { exact: true })).toBeVisible();
    await expect(statementChange.locator('del')).toContainText(['sure']);
    await expect(statementChange.locator('ins')).toContainText(['certain']);
    await page.goto('/goal/versions');
    await expect(page.getByRole('link', { name: /^Open version \d$/ })).toHaveText([
      'Open version 3',
      'Open version 2',
      'Open version 1',
    ]);
    await page.getByRole('link', { name: 'Open version 1' }).click();
    await expect(page.getByText('This is version 1, an older version. The current one is version 3.')).toBeVisible();
  });

  test('the printed goal is exactly one page, on A4 and on Letter, without the app around it', async ({
    execPage: page,
  }) => {
    await page.goto('/goal');
    await expect(page.getByText(/^Version \d+ · published/)).toBeVisible();
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
    await expect(page.getByRole('button', { name: 'Print or save as PDF' })).toBeHidden();
    await expect(page.getByText(/^Bookshelf · customer-experience goal · version \d+/)).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Targets' })).toBeVisible();
    for (const format of ['A4', 'Letter'] as const) {
      const pdf = await page.pdf({ format, printBackground: true });
      expect(pageCount(pdf), `pages printed on ${format}`).toBe(1);
    }
  });

  test('staff can read the goal but not edit it', async ({ page }) => {
    await signInToOverview(page, demo.staff);
    await page.goto('/goal/edit');
    await expect(page).toHaveURL('/forbidden');
  });

  test('a new organization is asked to write its goal; publishing an incomplete one shows what is missing', async ({
    page,
  }) => {
    await page.goto('/signup');
    await page.getByLabel('Organization name').fill(unique('Corner Books'));
    await page.getByLabel('Your name').fill('Sofia Hnatyuk');
    await page.getByLabel('Email').fill(uniqueEmail('goal'));
    await page.getByLabel('Password').fill('a-long-enough-password');
    await page.getByRole('button', { name: 'Create an organization' }).click();
    await expect(page).toHaveURL('/');

    await page.goto('/goal');
    await expect(page.getByText('The goal is not published yet')).toBeVisible();
    await page.getByRole('link', { name: 'Write the goal' }).click();
    await expect(page.getByText('0 / 2,500 characters')).toBeVisible();
    await page.getByLabel('Our goal in one sentence').fill('Readers come back.');
    await page.getByLabel('Commitment 1').fill('Answer within a day.');
    await expect(page.getByText('38 / 2,500 characters')).toBeVisible();

    await page.getByRole('button', { name: 'Add a target' }).click();
    const target = page.getByRole('group', { name: 'Target 1' });
    await expect(target.getByLabel('Metric')).toBeFocused();
    await target.getByLabel('Target value').fill('a lot');

    await page.getByRole('button', { name: 'Publish as version 1' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Publish', exact: true }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'Please correct the highlighted fields.' })).toBeVisible();
    await expect(target.getByLabel('Target value')).toHaveAccessibleDescription('This value is not valid.');
    await expect(target.getByLabel('By')).toHaveAccessibleDescription('This field is required.');
    await expect(target.getByLabel('Target value')).toHaveValue('a lot');
    await expect(page.getByLabel('Our goal in one sentence')).toHaveValue('Readers come back.');

    await target.getByLabel('Target value').fill('45');
    await target.getByLabel('By').fill('2030-06-30');
    await page.getByRole('button', { name: 'Publish as version 1' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Publish', exact: true }).click();
    await expect(page.getByLabel('Why service is the foundation of our business')).toHaveAccessibleDescription(
      'Write this section before publishing.',
    );
    await expect(page.getByText('Write 3 to 5 commitments (now 1).')).toBeVisible();
    await page.getByRole('button', { name: 'Save draft' }).click();
    await expect(page.getByText(/^Draft saved at /)).toBeVisible();
  });

  test('the goal pages have no serious accessibility problems, on a desktop and a phone', async ({
    execPage: page,
  }, testInfo) => {
    for (const viewport of [
      { width: 1280, height: 800 },
      { width: 390, height: 844 },
    ]) {
      await page.setViewportSize(viewport);
      for (const path of ['/goal', '/goal/edit', '/goal/versions', '/goal/versions/1', '/goal/compare?from=1&to=2']) {
        await page.goto(path);
        await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
        await expectNoAxeViolations(page, testInfo, `${path} at ${viewport.width} px`);
      }
      // Nothing sticks out sideways on a phone.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
    }
  });
});
