import type { Page } from '@playwright/test';
import { demo, expect, expectNoAxeViolations, newSession, signIn, test } from './helpers';

/**
 * Staff ideas (issue 12), end to end on the demo (Bookshelf). The demo's lead and staff member both work in Customer
 * support. Every idea a test submits carries a word of its own, so the similar ideas, the board's word search and
 * the assertions find that test's ideas only, whatever the seed or an earlier run left on the board.
 */

/** Letters only, so PostgreSQL's `simple` text search keeps it one word. */
function ownWord(): string {
  const letters = Array.from({ length: 10 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26)));
  return `zq${letters.join('')}`;
}

/** Submits an idea through the form like a person would; returns the address of its page. */
async function submitIdea(
  page: Page,
  idea: { title: string; change: string; today?: string; department?: string; anonymous?: boolean },
) {
  await page.goto('/ideas/new');
  await page.getByLabel('Title').fill(idea.title);
  if (idea.today) await page.getByLabel('What does the customer experience today?').fill(idea.today);
  await page.getByLabel('What should change?').fill(idea.change);
  if (idea.department) await page.getByLabel('Department').selectOption({ label: idea.department });
  if (idea.anonymous) await page.getByLabel('Submit anonymously').check();
  await page.getByRole('button', { name: 'Submit the idea' }).click();
  await expect(page).toHaveURL(/\/ideas\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { level: 1, name: idea.title })).toBeVisible();
  return new URL(page.url()).pathname;
}

/** Waits until React has hydrated the page's buttons: before that, a key press on one does nothing. */
async function hydrated(page: Page, selector: string) {
  await page.waitForFunction((s) => {
    const element = document.querySelector(s);
    return !!element && Object.keys(element).some((key) => key.startsWith('__reactFiber'));
  }, selector);
}

test.describe('staff ideas', () => {
  test('a staff member is offered a similar idea while typing and votes for it; the lead accepts it with a reply', async ({
    browser,
    baseURL,
  }) => {
    const word = ownWord();
    const leadTitle = `Gift note ${word} in every parcel`;

    // The lead's idea comes first, so there is one to be offered.
    const { page: lead } = await newSession(browser, baseURL);
    await signIn(lead, demo.lead);
    const leadIdea = await submitIdea(lead, {
      title: leadTitle,
      today: 'Regular readers get the same parcel as a first-time buyer.',
      change: 'A handwritten gift note in every parcel for readers with three or more orders.',
    });

    // While the staff member types, the lead's idea appears under the title, and they vote instead.
    const { page: staff } = await newSession(browser, baseURL);
    await signIn(staff, demo.staff);
    await staff.goto('/ideas/new');
    await hydrated(staff, 'form button[type="submit"]');
    await staff.getByLabel('Title').pressSequentially(word, { delay: 20 });
    await expect(staff.getByRole('status').filter({ hasText: /similar idea/ })).toHaveText('1 similar idea');
    await expect(staff.getByRole('link', { name: new RegExp(leadTitle) })).toBeVisible();
    await staff.getByRole('button', { name: `Vote instead for “${leadTitle}”` }).click();
    await expect(staff.getByText('You voted for it')).toBeVisible();

    // They still submit an idea of their own, anonymously: they see it is theirs, nobody else sees their name.
    const staffTitle = `Wrapped ${word} for birthdays`;
    const staffIdea = await submitIdea(staff, {
      title: staffTitle,
      change: 'Offer gift wrapping when the reader says it is a present.',
      anonymous: true,
    });
    await expect(staff.getByText('By You (anonymous to others)', { exact: false })).toBeVisible();

    // The lead sees the vote, and moves the idea to accepted with an official reply.
    await lead.goto(leadIdea);
    await expect(lead.getByText('1 vote', { exact: true })).toBeVisible();
    await lead.getByLabel('New status').selectOption({ label: 'Accepted' });
    const reply = `Yes: the packers start on Monday (${word}).`;
    await lead.getByLabel('Official reply').fill(reply);
    await lead.getByRole('button', { name: 'Change the status' }).click();
    await expect(lead.getByRole('status').filter({ hasText: 'Moved to Accepted.' })).toBeVisible();
    const replies = lead.getByRole('region', { name: 'Official reply' });
    await expect(replies.getByText(reply)).toBeVisible();
    await expect(replies.getByText('Accepted', { exact: true })).toBeVisible();
    await expect(lead.getByText('Marta Shevchenko moved it from New to Accepted.')).toBeVisible();

    // The staff member, who voted, sees the reply; on the board the lead sees the staff idea as anonymous.
    await staff.goto(leadIdea);
    await expect(staff.getByRole('region', { name: 'Official reply' }).getByText(reply)).toBeVisible();
    await expect(staff.getByRole('button', { name: `Vote for “${leadTitle}”` })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    await lead.goto(`/ideas?q=${word}`);
    await expect(lead.getByRole('heading', { level: 2, name: '2 ideas' })).toBeVisible();
    const staffRow = lead.getByRole('listitem').filter({ has: lead.getByRole('link', { name: staffTitle }) });
    await expect(staffRow.getByText('By Anonymous')).toBeVisible();
    await expect(staffRow).not.toContainText('Andriy Bondar');
    await lead.goto(staffIdea);
    await expect(lead.getByText('Andriy Bondar')).toHaveCount(0);

    // The lead makes it an improvement: the weekly form of Customer support opens, prefilled from the idea, for this
    // week or (the demo's area has logged this week) the next free one. Logging it ships the idea.
    await lead.goto(leadIdea);
    await lead.getByRole('link', { name: 'Make it an improvement' }).click();
    await expect(lead).toHaveURL(/\/ideas\/[0-9a-f-]{36}\/improvement$/);
    await expect(lead.getByLabel('What was improved')).toHaveValue(leadTitle);
    const shipReply = `Packed from today: thank you for the idea (${word}).`;
    await lead.getByLabel('Official reply to the idea (optional)').fill(shipReply);
    await lead.getByRole('button', { name: 'Log the improvement' }).click();
    await expect(lead).toHaveURL(new RegExp(`${leadIdea}$`));
    const became = lead.getByRole('region', { name: 'What it became, and what it did' });
    await expect(became.getByRole('link', { name: leadTitle, exact: true })).toHaveAttribute(
      'href',
      /\/changes\/improvement\//,
    );

    // The staff member, who voted and so follows it, sees it shipped with its card, and was told at each step.
    await staff.goto(leadIdea);
    await expect(staff.getByText('Shipped', { exact: true }).first()).toBeVisible();
    await expect(staff.getByRole('region', { name: 'Official replies' }).getByText(shipReply)).toBeVisible();
    await expect(
      staff.getByRole('region', { name: 'What it became, and what it did' }).getByRole('link', {
        name: `Open the card: ${leadTitle}`,
      }),
    ).toBeVisible();
    await staff.goto('/notifications');
    await expect(staff.getByText(`“${leadTitle}” is now accepted.`)).toBeVisible();
    await expect(staff.getByText(`“${leadTitle}” is now shipped.`)).toBeVisible();
  });

  test('an executive finds the idea that stays by its words and merges a duplicate into it', async ({ page }) => {
    const word = ownWord();
    await signIn(page, demo.exec);
    const stays = await submitIdea(page, {
      title: `Courier ${word} calls ahead`,
      change: 'The courier calls ten minutes before arriving.',
      department: 'Delivery',
    });
    const duplicate = await submitIdea(page, {
      title: `Phone call before ${word} delivery`,
      change: 'Call the reader before the courier comes.',
      department: 'Customer support',
    });
    await page.goto(duplicate);
    await hydrated(page, 'input[name="mergeSearch"]');
    await page.getByLabel('Find the idea that stays').pressSequentially(word, { delay: 20 });
    await expect(page.getByRole('status').filter({ hasText: /match/ })).toHaveText(
      '1 idea matches: choose it in the list below.',
    );
    const found = page.locator('select[name="intoIdeaId"] option', { hasText: word });
    await expect(found).toHaveCount(1);
    await expect(found).toContainText('Delivery');
    await page.getByLabel('Merge into…').selectOption({ label: (await found.textContent()) ?? '' });
    await page.getByRole('button', { name: 'Merge…' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Merge', exact: true }).click();
    await expect(page.getByText(`Courier ${word} calls ahead`).first()).toBeVisible();
    await expect(page.locator('#merged-note')).toBeFocused();
    await page.goto(stays);
    await expect(page.getByText(`Phone call before ${word} delivery`).first()).toBeVisible();
  });

  test('keyboard only: Tab from the board to a vote button and press Space', async ({ page }) => {
    const word = ownWord();
    await signIn(page, demo.staff);
    const title = `Quiet hours ${word} on the phone line`;
    await submitIdea(page, { title, change: 'Tell callers the quietest hours to call.' });
    // The board, searched for this idea's word (the choices live in the address).
    await page.goto(`/ideas?q=${word}`);
    await expect(page.getByRole('heading', { level: 2, name: '1 idea' })).toBeVisible();
    const vote = page.getByRole('button', { name: `Vote for “${title}”` });
    await expect(vote).toHaveAttribute('aria-pressed', 'false');
    await hydrated(page, 'button[aria-pressed]');
    let reached = false;
    for (let i = 0; i < 60 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await vote.evaluate((button) => button === document.activeElement);
    }
    expect(reached, 'Tab reaches the vote button').toBe(true);
    // The focus is visible: the app's focus ring.
    expect(await vote.evaluate((button) => getComputedStyle(button).outlineStyle)).not.toBe('none');
    await page.keyboard.press('Space');
    await expect(vote).toHaveAttribute('aria-pressed', 'true');
    await expect(page.getByText('1 vote', { exact: true })).toBeVisible();
    // Space again, once the vote has arrived (a press while it travels is ignored), takes the vote back.
    await expect(vote).not.toHaveAttribute('aria-busy', 'true');
    await page.keyboard.press('Space');
    await expect(vote).toHaveAttribute('aria-pressed', 'false');
    await expect(page.getByText('0 votes', { exact: true })).toBeVisible();
  });

  for (const width of [1280, 390]) {
    test(`axe on the board and on an idea at ${width} px`, async ({ page }, testInfo) => {
      await page.setViewportSize({ width, height: 900 });
      const word = ownWord();
      await signIn(page, demo.lead);
      const idea = await submitIdea(page, {
        title: `Callback slots ${word} chosen online`,
        today: 'Readers wait by the phone for a callback that comes at any time.',
        change: 'Let readers choose a callback slot on the contact page.',
      });
      // An official reply and a comment, so the page shows them too.
      await page.getByLabel('New status').selectOption({ label: 'Under review' });
      await page.getByLabel('Official reply').fill('We are checking the phone system can do it.');
      await page.getByRole('button', { name: 'Change the status' }).click();
      await expect(page.getByRole('region', { name: 'Official reply' })).toBeVisible();
      await page.getByLabel('Add a comment').fill('Readers asked for this three times this week.');
      await page.getByRole('button', { name: 'Comment', exact: true }).click();
      await expect(page.getByText('Readers asked for this three times this week.')).toBeVisible();
      await expectNoAxeViolations(page, testInfo, `idea-${width}`);

      await page.goto('/ideas');
      await expect(page.getByRole('heading', { level: 1, name: 'Ideas' })).toBeVisible();
      await expectNoAxeViolations(page, testInfo, `board-${width}`);
      expect(idea).toMatch(/^\/ideas\//);
    });
  }
});
