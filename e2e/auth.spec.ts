import { DEMO_PASSWORD, demo, expect, mainNavigation, signIn, test, unique, uniqueEmail } from './helpers';

const WRONG_CREDENTIALS = 'The email or password is not correct.';

test.describe('signing up, out and in', () => {
  test('a new organization can sign up, sign out and sign in again', async ({ page }) => {
    const organization = unique('Reading Room');
    const email = uniqueEmail('founder');
    const password = 'a-long-enough-password';

    await page.goto('/login');
    await page.getByRole('link', { name: 'Create an organization' }).click();
    await expect(page).toHaveURL('/signup');
    await expect(page.getByRole('heading', { name: 'Create your organization' })).toBeVisible();

    await page.getByLabel('Organization name').fill(organization);
    await page.getByLabel('Your name').fill('Sofia Hnatyuk');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Create an organization' }).click();

    await expect(page).toHaveURL('/');
    await expect(page.getByRole('heading', { level: 1, name: organization })).toBeVisible();
    await expect(page.getByText('Welcome, Sofia. You are signed in as Executive.')).toBeVisible();
    await expect(mainNavigation(page).getByRole('link', { name: 'Settings' })).toBeVisible();

    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page).toHaveURL('/login');
    await expect(page.getByRole('heading', { name: 'Sign in to Touchpoint' })).toBeVisible();
    // Signed out for real: the overview sends us back to the login page.
    await page.goto('/');
    await expect(page).toHaveURL('/login');

    await signIn(page, email, password);
    await expect(page.getByRole('heading', { level: 1, name: organization })).toBeVisible();
  });

  test('a wrong password is refused next to the password field', async ({ page }) => {
    await page.goto('/login');
    await page.getByLabel('Email').fill(demo.delivery);
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();

    const password = page.getByLabel('Password');
    await expect(password).toHaveAccessibleDescription(WRONG_CREDENTIALS);
    await expect(password).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByRole('alert').filter({ hasText: WRONG_CREDENTIALS })).toHaveCount(1);
    await expect(page).toHaveURL('/login');
    // What was typed is kept, so the person only has to fix the password.
    await expect(page.getByLabel('Email')).toHaveValue(demo.delivery);
  });

  test('an unknown email gets the very same message as a wrong password', async ({ page }) => {
    await page.goto('/login');
    await page.getByLabel('Email').fill(uniqueEmail('nobody'));
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();

    await expect(page.getByLabel('Password')).toHaveAccessibleDescription(WRONG_CREDENTIALS);
    await expect(page.getByRole('alert').filter({ hasText: WRONG_CREDENTIALS })).toHaveCount(1);
    await expect(page.getByLabel('Email')).not.toHaveAttribute('aria-invalid', 'true');
    await expect(page).toHaveURL('/login');
  });

  test('sign-up shows what is missing next to each field and creates nothing', async ({ page }) => {
    await page.goto('/signup');
    const submit = page.getByRole('button', { name: 'Create an organization' });

    await submit.click();
    await expect(page.getByLabel('Organization name')).toHaveAccessibleDescription('This field is required.');
    await expect(page.getByLabel('Your name')).toHaveAccessibleDescription('This field is required.');
    await expect(page.getByLabel('Email')).toHaveAccessibleDescription('This field is required.');
    await expect(page.getByLabel('Password')).toHaveAccessibleDescription('This field is required.');
    // The first field on screen with a problem gets the focus.
    await expect(page.getByLabel('Organization name')).toBeFocused();
    await expect(page).toHaveURL('/signup');

    const organization = unique('Half Filled');
    const email = uniqueEmail('short');
    await page.getByLabel('Organization name').fill(organization);
    await page.getByLabel('Your name').fill('Petro Short');
    await page.getByLabel('Email').fill('not-an-email');
    await page.getByLabel('Password').fill('short');
    await submit.click();
    await expect(page.getByLabel('Email')).toHaveAccessibleDescription(
      'Enter an email address such as name@example.com.',
    );
    await expect(page.getByLabel('Password')).toHaveAccessibleDescription('Use at least 10 characters.');
    await expect(page.getByLabel('Organization name')).not.toHaveAttribute('aria-invalid', 'true');
    await expect(page).toHaveURL('/signup');

    // Only the password is too short now; the form kept everything else.
    await page.getByLabel('Email').fill(email);
    await submit.click();
    await expect(page.getByLabel('Password')).toHaveAccessibleDescription('Use at least 10 characters.');
    await expect(page.getByLabel('Email')).not.toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByLabel('Organization name')).toHaveValue(organization);
    await expect(page).toHaveURL('/signup');

    // Nothing was created by the refused attempts: the same email is still free.
    await page.getByLabel('Password').fill('now-long-enough');
    await submit.click();
    await expect(page).toHaveURL('/');
    await expect(page.getByRole('heading', { level: 1, name: organization })).toBeVisible();
  });

  test('an email that already has an account cannot sign up again', async ({ page }) => {
    await page.goto('/signup');
    await page.getByLabel('Organization name').fill(unique('Copycat'));
    await page.getByLabel('Your name').fill('Olena Again');
    await page.getByLabel('Email').fill(demo.exec);
    await page.getByLabel('Password').fill('a-long-enough-password');
    await page.getByRole('button', { name: 'Create an organization' }).click();
    await expect(page.getByLabel('Email')).toHaveAccessibleDescription(
      'An account with this email already exists. Sign in instead.',
    );
    await expect(page).toHaveURL('/signup');
  });
});

test('an unknown page shows the 404 page', async ({ page }) => {
  const response = await page.goto(`/${unique('no-such-page')}`);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  await page.getByRole('link', { name: 'Back to the overview' }).click();
  // Not signed in: the overview asks to sign in first.
  await expect(page).toHaveURL('/login');
});

test('signed-out visitors are sent to the login page', async ({ page }) => {
  await page.goto('/settings/members');
  await expect(page).toHaveURL('/login?next=%2Fsettings%2Fmembers');
  await expect(page.getByRole('button', { name: 'Sign in', exact: true })).toBeVisible();
  // After signing in, the page that was asked for opens.
  await page.getByLabel('Email').fill(demo.exec);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page).toHaveURL('/settings/members');
  await expect(page.getByRole('heading', { name: /^Members \(\d+\)$/ })).toBeVisible();
});
