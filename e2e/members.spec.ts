import { card, DEMO_ORGANIZATION, expect, newSession, test, uniqueEmail } from './helpers';

test.describe('inviting members', () => {
  test('an invited person accepts in another browser and shows up as a member', async ({
    execPage: page,
    context,
    browser,
    baseURL,
  }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const email = uniqueEmail('new-staff');
    const name = `Kateryna Ivanenko-${Math.random().toString(36).slice(2, 7)}`;

    await page.goto('/settings/members');
    const inviteCard = card(page, 'Invite a member');
    await inviteCard.getByLabel('Email').fill(email);
    await inviteCard.getByLabel('Role').selectOption({ label: 'Staff' });
    await inviteCard.getByLabel('Department').selectOption({ label: 'Customer support' });
    await inviteCard.getByRole('button', { name: 'Invite' }).click();

    await expect(page.getByRole('status')).toContainText(`Invitation created for ${email}.`);
    const linkField = page.getByLabel('Invitation link');
    await expect(linkField).toHaveAttribute('readonly', '');
    const shown = await linkField.inputValue();
    expect(shown).toMatch(/\/invite\/[0-9a-f-]{36}\.[\w-]{20,}$/);
    // Copy it the way the executive would.
    await page.getByRole('button', { name: 'Copy link' }).click();
    await expect(page.getByRole('button', { name: 'Copied' })).toBeVisible();
    const link = await page.evaluate(() => navigator.clipboard.readText());
    expect(link).toBe(shown);
    // The form is ready for the next invitation.
    await expect(inviteCard.getByLabel('Email')).toHaveValue('');

    // The invitation waits in the pending list.
    const pending = card(page, /^Pending invitations/);
    await expect(pending.getByText(email)).toBeVisible();

    // The invited person opens the link in their own browser.
    const invited = await newSession(browser, baseURL);
    try {
      await invited.page.goto(link);
      await expect(invited.page.getByRole('heading', { name: "You're invited" })).toBeVisible();
      await expect(invited.page.getByText(`Join ${DEMO_ORGANIZATION} as Staff.`)).toBeVisible();
      await expect(invited.page.getByLabel('Email')).toHaveValue(email);
      await invited.page.getByLabel('Your name').fill(name);
      await invited.page.getByLabel('Choose a password').fill('my-own-password-42');
      await invited.page.getByRole('button', { name: 'Accept invitation' }).click();

      await expect(invited.page).toHaveURL('/');
      await expect(invited.page.getByRole('heading', { level: 1, name: DEMO_ORGANIZATION })).toBeVisible();
      await expect(invited.page.getByText(`Welcome, ${name.split(' ')[0]}. You are signed in as Staff.`)).toBeVisible();
      await expect(invited.page.getByText('You are in Customer support')).toBeVisible();
      await expect(invited.page.getByRole('link', { name: new RegExp(name) })).toBeVisible();

      // The link cannot be used twice.
      await invited.page.getByRole('button', { name: 'Sign out' }).click();
      await expect(invited.page).toHaveURL('/login');
      await invited.page.goto(link);
      await expect(invited.page.getByRole('heading', { name: 'This invitation cannot be used' })).toBeVisible();
    } finally {
      await invited.context.close();
    }

    // Back with the executive: the person is a member and the invitation is no longer pending.
    await page.reload();
    const members = card(page, /^Members \(\d+\)$/);
    const row = members.getByRole('listitem').filter({ hasText: email });
    await expect(row).toContainText(name);
    const memberForm = page.getByRole('form', { name: `Role and department of ${name}` });
    await expect(memberForm.getByLabel('Role')).toHaveValue('staff');
    await expect(memberForm.getByLabel('Department').locator('option:checked')).toHaveText('Customer support');
    await expect(card(page, /^Pending invitations/).getByText(email)).toHaveCount(0);
  });

  test('a lead or staff invitation needs a department', async ({ execPage: page }) => {
    await page.goto('/settings/members');
    const inviteCard = card(page, 'Invite a member');
    const email = uniqueEmail('no-dept');
    await inviteCard.getByLabel('Email').fill(email);
    await inviteCard.getByLabel('Role').selectOption({ label: 'Department lead' });
    await inviteCard.getByLabel('Department').selectOption({ label: 'No department' });
    await inviteCard.getByRole('button', { name: 'Invite' }).click();

    const department = inviteCard.getByLabel('Department');
    await expect(department).toHaveAccessibleDescription('Leads and staff belong to a department: choose one.');
    await expect(department).toHaveAttribute('aria-invalid', 'true');
    await expect(department).toBeFocused();
    await expect(page.getByLabel('Invitation link')).toHaveCount(0);
    // Nothing was kept: what was typed stays in the form, but no invitation is pending.
    await expect(inviteCard.getByLabel('Email')).toHaveValue(email);
    await page.reload();
    await expect(card(page, /^Pending invitations/).getByText(email)).toHaveCount(0);
  });
});
