import type { Page, Request } from '@playwright/test';
import { card, demo, expect, mainNavigation, newSession, signInToOverview, test, unique } from './helpers';

async function expectForbidden(page: Page) {
  await expect(page).toHaveURL('/forbidden');
  await expect(page.getByRole('heading', { name: 'Not available for your role' })).toBeVisible();
}

function departmentRows(page: Page, name: string) {
  return card(page, /^Departments \(\d+\)$/)
    .getByRole('listitem')
    .filter({ hasText: name });
}

/** Replays a captured server-action request with another department name, from the given browser context's cookies. */
async function replayAddDepartment(
  page: Page,
  captured: { url: string; headers: Record<string, string>; body: string },
  from: string,
  to: string,
) {
  const headers: Record<string, string> = {};
  for (const name of ['next-action', 'content-type', 'accept', 'next-router-state-tree', 'origin']) {
    if (captured.headers[name]) headers[name] = captured.headers[name];
  }
  const body = captured.body.replace(from, to);
  expect(body).not.toBe(captured.body);
  const response = await page.request.post(captured.url, { headers, data: body, maxRedirects: 0 });
  return { status: response.status(), text: await response.text() };
}

test.describe('what staff and leads may not do', () => {
  test('staff see no Settings and are turned away from settings pages', async ({ page }) => {
    await signInToOverview(page, demo.staff);
    await expect(page.getByText('You are signed in as Staff.')).toBeVisible();
    await expect(mainNavigation(page).getByRole('link', { name: 'Overview' })).toBeVisible();
    await expect(mainNavigation(page).getByRole('link', { name: 'Settings' })).toHaveCount(0);
    await expect(page.getByRole('link', { name: 'Manage journey' })).toHaveCount(0);

    await page.goto('/settings/members');
    await expectForbidden(page);
    await page.goto('/settings');
    await expectForbidden(page);
    await page.getByRole('link', { name: 'Back to the overview' }).click();
    await expect(page).toHaveURL('/');
  });

  test('a lead cannot reach the organization settings', async ({ page }) => {
    await signInToOverview(page, demo.lead);
    await expect(mainNavigation(page).getByRole('link', { name: 'Settings' })).toHaveCount(0);
    await page.goto('/settings/organization');
    await expectForbidden(page);
    await page.goto('/settings/departments');
    await expectForbidden(page);
  });

  test('the add-department server action refuses staff even when called directly', async ({
    page,
    browser,
    baseURL,
  }) => {
    // 1. The executive adds a department through the form; we keep the real server-action request.
    await signInToOverview(page, demo.exec);
    await page.goto('/settings/departments');
    const first = unique('Captured');
    const form = card(page, 'Add a department');
    await form.getByLabel('Name', { exact: true }).fill(first);
    const requestSeen = page.waitForRequest((r: Request) => r.method() === 'POST' && !!r.headers()['next-action']);
    await form.getByRole('button', { name: 'Add department' }).click();
    const request = await requestSeen;
    await expect(departmentRows(page, first)).toBeVisible();
    const captured = { url: request.url(), headers: await request.allHeaders(), body: request.postData() ?? '' };
    expect(captured.headers['next-action']).toMatch(/^[0-9a-f]{20,}$/);
    expect(captured.body).toContain(first);

    // 2. Control: replayed from the executive's own session, the captured request really adds a department.
    const byExecutive = unique('Replayed by executive');
    const control = await replayAddDepartment(page, captured, first, byExecutive);
    expect(control.status).toBe(200);
    expect(control.text).toContain('"ok":true');
    await page.reload();
    await expect(departmentRows(page, byExecutive)).toBeVisible();

    // 3. The same request from a staff member's session is refused and changes nothing.
    const staff = await newSession(browser, baseURL);
    try {
      await signInToOverview(staff.page, demo.staff);
      const byStaff = unique('Replayed by staff');
      const attempt = await replayAddDepartment(staff.page, captured, first, byStaff);
      await test
        .info()
        .attach('staff-replay-response.txt', { body: `${attempt.status}\n${attempt.text}`, contentType: 'text/plain' });
      expect(attempt.text).not.toContain('"ok":true');
      expect(attempt.text).toContain('"code":"forbidden"');

      await page.reload();
      await expect(departmentRows(page, byExecutive)).toBeVisible();
      await expect(departmentRows(page, byStaff)).toHaveCount(0);
      await page.goto('/settings/audit');
      await expect(page.getByText(byStaff)).toHaveCount(0);
    } finally {
      await staff.context.close();
    }
  });
});
