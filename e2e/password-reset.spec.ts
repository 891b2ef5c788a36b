import { card, DEMO_ORGANIZATION, expect, newSession, signIn, test, uniqueEmail } from './helpers';

test.describe('item 4: password reset', () => {
  test('item 4: an executive issues a link, the member sets a new password with it in another browser and signs in', async ({
    execPage: page,
    context,
    browser,
    baseURL,
  }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const email = uniqueEmail('reset');
    const name = `Reset Person ${Math.random().toString(36).slice(2, 7)}`;
    const firstPassword = 'the-first-password-1';
    const newPassword = 'the-second-password-2';

    // A member of the demo organization only, with a session of their own.
    await page.goto('/settings/members');
    const inviteCard = card(page, 'Invite a member');
    await inviteCard.getByLabel('Email').fill(email);
    await inviteCard.getByLabel('Role').selectOption({ label: 'Executive' });
    await inviteCard.getByRole('button', { name: 'Invite' }).click();
    const invitation = await page.getByLabel('Invitation link').inputValue();
    const member = await newSession(browser, baseURL);
    try {
      await member.page.goto(invitation);
      await member.page.getByLabel('Your name').fill(name);
      await member.page.getByLabel('Choose a password').fill(firstPassword);
      await member.page.getByRole('button', { name: 'Accept invitation' }).click();
      await expect(member.page.getByRole('heading', { level: 1, name: DEMO_ORGANIZATION })).toBeVisible();

      // The executive issues a reset link and copies it.
      await page.reload();
      await page.getByRole('button', { name: `Reset the password of ${name}` }).click();
      const dialog = page.getByRole('dialog', { name: `Reset the password of ${name}?` });
      await dialog.getByRole('button', { name: 'Create link' }).click();
      await expect(dialog.getByRole('status')).toContainText(`Reset link created for ${name}.`);
      const shown = await dialog.getByLabel('Password reset link').inputValue();
      expect(shown).toMatch(/\/reset\/[\w-]{43}$/);
      await dialog.getByRole('button', { name: 'Copy link' }).click();
      await expect(dialog.getByRole('button', { name: 'Copied' })).toBeVisible();
      const link = await page.evaluate(() => navigator.clipboard.readText());
      expect(link).toBe(shown);
      await dialog.getByRole('button', { name: 'Done' }).click();
      await expect(dialog).toBeHidden();

      // Someone else's browser opens it and sets a new password.
      const visitor = await newSession(browser, baseURL);
      try {
        await visitor.page.goto(link);
        await expect(visitor.page.getByRole('heading', { name: 'Choose a new password' })).toBeVisible();
        await expect(visitor.page.getByText(`For ${name} (${email}).`)).toBeVisible();
        await visitor.page.getByLabel('New password', { exact: true }).fill(newPassword);
        await visitor.page.getByLabel('Repeat the new password').fill('not the same password');
        await visitor.page.getByRole('button', { name: 'Set the new password' }).click();
        await expect(visitor.page.getByText('The two passwords are not the same.')).toBeVisible();
        await visitor.page.getByLabel('Repeat the new password').fill(newPassword);
        await visitor.page.getByRole('button', { name: 'Set the new password' }).click();
        await expect(visitor.page).toHaveURL('/login?notice=password-changed');

        // The old password no longer works; the new one does.
        await visitor.page.getByLabel('Email').fill(email);
        await visitor.page.getByLabel('Password').fill(firstPassword);
        await visitor.page.getByRole('button', { name: 'Sign in', exact: true }).click();
        await expect(visitor.page.getByText('The email or password is not correct.')).toBeVisible();
        await signIn(visitor.page, email, newPassword);
        await expect(visitor.page.getByRole('heading', { level: 1, name: DEMO_ORGANIZATION })).toBeVisible();

        // The link worked once.
        await visitor.page.goto(link);
        await expect(visitor.page.getByRole('heading', { name: 'This link cannot be used' })).toBeVisible();
      } finally {
        await visitor.context.close();
      }

      // The session the member had before the reset has ended.
      await member.page.goto('/');
      await expect(member.page).toHaveURL(/\/login/);
    } finally {
      await member.context.close();
    }
  });
});
