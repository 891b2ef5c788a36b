/**
 * Issue 10 in a real browser: sessions that end when they should (item 3), the security page (item 5), no open
 * redirect after sign-in (item 6), and device cookies that keep the real person in while a stranger is locked out
 * (item 2).
 */
import type { Page } from '@playwright/test';
import { expect, newSession, signIn, test, unique, uniqueEmail } from './helpers';

const PASSWORD = 'a-long-enough-password';

/** A new organization and its executive, signed in on `page`. */
async function signUp(page: Page) {
  const email = uniqueEmail('secure');
  await page.goto('/signup');
  await page.getByLabel('Organization name').fill(unique('Vault'));
  await page.getByLabel('Your name').fill('Ines Okafor');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Create an organization' }).click();
  await expect(page).toHaveURL('/');
  return email;
}

async function signOut(page: Page) {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL('/login');
}

test('item 3 and 5: "sign out everywhere else" ends the other browser\'s session, and this one stays', async ({
  page,
  browser,
  baseURL,
}) => {
  const email = await signUp(page);
  const other = await newSession(browser, baseURL);
  await signIn(other.page, email, PASSWORD);

  await page.goto('/profile');
  await page.getByRole('link', { name: 'Review signed-in browsers and recent activity' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Security' })).toBeVisible();
  const browsers = page.locator('section').filter({ has: page.getByRole('heading', { name: 'Signed-in browsers' }) });
  await expect(browsers.getByRole('listitem')).toHaveCount(2);
  await expect(browsers.getByText('This browser')).toHaveCount(1);
  const activity = page.getByRole('region', { name: 'Table of sign-ins and password changes' });
  await expect(activity.getByRole('row').filter({ hasText: 'Signed in' })).toHaveCount(2);

  await page.getByRole('button', { name: 'Sign out everywhere else' }).click();
  await expect(browsers.getByRole('listitem')).toHaveCount(1);
  await other.page.goto('/goal');
  await expect(other.page).toHaveURL(/\/login/);
  await page.goto('/goal');
  await expect(page).toHaveURL('/goal');
  await other.context.close();
});

test('item 3: changing the password signs the other browser out; signing out ends the session on the server', async ({
  page,
  browser,
  baseURL,
}) => {
  const email = await signUp(page);
  const other = await newSession(browser, baseURL);
  await signIn(other.page, email, PASSWORD);
  const stolen = await other.context.cookies();

  await page.goto('/profile');
  await page.getByLabel('Current password').fill(PASSWORD);
  await page.getByLabel('New password', { exact: true }).fill('an-even-longer-password');
  await page.getByLabel('Repeat the new password').fill('an-even-longer-password');
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page.getByText('Your password has been changed.')).toBeVisible();

  await other.page.goto('/');
  await expect(other.page).toHaveURL(/\/login/);
  await page.goto('/');
  await expect(page).toHaveURL('/');

  // A session cookie copied before signing out is no good afterwards.
  await signIn(other.page, email, 'an-even-longer-password');
  const copied = await other.context.cookies();
  await signOut(other.page);
  const thief = await newSession(browser, baseURL);
  await thief.context.addCookies(copied);
  await thief.page.goto('/');
  await expect(thief.page).toHaveURL(/\/login/);
  // Nor is one from before the password change.
  await thief.context.clearCookies();
  await thief.context.addCookies(stolen);
  await thief.page.goto('/');
  await expect(thief.page).toHaveURL(/\/login/);
  await other.context.close();
  await thief.context.close();
});

test("item 2: a stranger is locked out of the account; the person's usual browser signs in at once", async ({
  page,
  browser,
  baseURL,
}) => {
  const email = await signUp(page);
  await signOut(page); // the usual browser keeps its device cookie
  const stranger = await newSession(browser, baseURL);
  await stranger.page.goto('/login');
  for (let i = 0; i < 5; i++) {
    await stranger.page.getByLabel('Email').fill(email);
    await stranger.page.getByLabel('Password').fill(`guess-${i}-of-the-password`);
    await stranger.page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect(stranger.page.getByText('The email or password is not correct.').first()).toBeVisible();
  }
  await stranger.page.getByLabel('Password').fill(PASSWORD);
  await stranger.page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(stranger.page.getByText(/Too many attempts\. Try again in 15 minutes\./)).toBeVisible();
  await expect(stranger.page).toHaveURL('/login');

  await signIn(page, email, PASSWORD);
  await page.goto('/profile/security');
  const activity = page.getByRole('region', { name: 'Table of sign-ins and password changes' });
  await expect(activity.getByRole('row').filter({ hasText: 'Wrong password' })).toHaveCount(5);
  await expect(activity.getByRole('row').filter({ hasText: 'Sign-in refused: too many attempts' })).toHaveCount(1);
  await stranger.context.close();
});

for (const next of [
  '/\\evil.example',
  '/%09/evil.example',
  '//evil.example',
  'https://evil.example',
  'javascript:alert(1)',
]) {
  test(`item 6: ?next=${next} after sign-in stays on this site`, async ({ page, baseURL }) => {
    const email = await signUp(page);
    await signOut(page);
    await page.goto(`/login?next=${encodeURIComponent(next)}`);
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect(page).toHaveURL('/');
    expect(new URL(page.url()).origin).toBe(new URL(baseURL!).origin);
    // Signed in already, the login page sends to the same place.
    await page.goto(`/login?next=${encodeURIComponent(next)}`);
    await expect(page).toHaveURL('/');
  });
}
