import type { APIResponse, BrowserContext, Page, Response } from '@playwright/test';
import { card, demo, expect, newSession, signInToOverview, test, uniqueEmail } from './helpers';
import { crawl, pageRoutes } from './site-map';

// Item 13 of issue 10: every response carries the security headers, pages allow only scripts with this request's
// nonce, and every page (charts included) still works in Chromium: no console error, no CSP violation.

type AnyResponse = Response | APIResponse;

async function headerValues(response: AnyResponse, name: string): Promise<string[]> {
  return (await response.headersArray()).filter((h) => h.name.toLowerCase() === name).map((h) => h.value);
}

function directive(policy: string, name: string): string | undefined {
  return policy
    .split(';')
    .map((part) => part.trim())
    .find((part) => part === name || part.startsWith(`${name} `));
}

/** The headers every response of ours has, whichever policy it carries. */
async function expectCommonHeaders(response: AnyResponse, what: string) {
  expect(await headerValues(response, 'x-content-type-options'), what).toEqual(['nosniff']);
  const permissions = await headerValues(response, 'permissions-policy');
  expect(permissions, what).toHaveLength(1);
  for (const feature of ['camera', 'microphone', 'geolocation', 'payment', 'usb']) {
    expect(permissions[0], what).toContain(`${feature}=()`);
  }
  // Served over plain http here: no HSTS (it would be ignored, and it is meaningless without https).
  expect(await headerValues(response, 'strict-transport-security'), what).toEqual([]);
}

/** The app's own policy; returns its script nonce. */
async function expectAppHeaders(response: AnyResponse, what: string): Promise<string> {
  await expectCommonHeaders(response, what);
  const policies = await headerValues(response, 'content-security-policy');
  expect(policies, `${what}: exactly one policy`).toHaveLength(1);
  const policy = policies[0]!;
  const scripts = directive(policy, 'script-src') ?? '';
  expect(scripts, what).toMatch(/'nonce-[A-Za-z0-9+/=]{16,}'/);
  expect(scripts, what).not.toContain('unsafe-inline');
  expect(scripts, what).not.toContain('unsafe-eval');
  expect(directive(policy, 'frame-ancestors'), what).toBe("frame-ancestors 'none'");
  expect(directive(policy, 'object-src'), what).toBe("object-src 'none'");
  expect(await headerValues(response, 'referrer-policy'), what).toEqual([
    expect.stringMatching(/^(strict-origin-when-cross-origin|same-origin|strict-origin|no-referrer)$/),
  ]);
  return /'nonce-([^']+)'/.exec(scripts)![1]!;
}

interface Watch {
  problems: string[];
}

/** Collects console errors, uncaught errors and CSP violations of every page in the context. */
async function watch(context: BrowserContext): Promise<Watch> {
  const w: Watch = { problems: [] };
  await context.exposeBinding('__reportViolation', (_source, text: string) => {
    w.problems.push(`CSP violation: ${text}`);
  });
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as { __reportViolation: (text: string) => void }).__reportViolation;
      void report(`${event.violatedDirective} blocked ${event.blockedURI || 'inline'} on ${location.pathname}`);
    });
  });
  const follow = (page: Page) => {
    page.on('console', (message) => {
      if (message.type() !== 'error') return;
      // The browser reports a page answered with 404/403 as a failed load of the page itself: that is the page.
      const status = /status of (\d+)/.exec(message.text())?.[1];
      if (status && message.location().url === page.url() && Number(status) < 500) return;
      w.problems.push(`console error on ${page.url()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => w.problems.push(`uncaught on ${page.url()}: ${error.message}`));
  };
  context.pages().forEach(follow);
  context.on('page', follow);
  return w;
}

/**
 * Opens a page and checks its headers, and that every script tag the server sent carries the nonce of its policy
 * (the scripts those load later need none: 'strict-dynamic' trusts them).
 */
async function openAndCheck(page: Page, url: string, expectedStatus = 200) {
  const response = await page.goto(url);
  expect(response, url).not.toBeNull();
  expect(response!.status(), url).toBe(expectedStatus);
  const nonce = await expectAppHeaders(response!, url);
  const scripts = (await response!.text()).match(/<script\b[^>]*>/g) ?? [];
  expect(scripts.length, `${url} has scripts`).toBeGreaterThan(0);
  expect(
    scripts.filter((tag) => !tag.includes(` nonce="${nonce}"`)),
    `${url}: script tags without the nonce`,
  ).toEqual([]);
  await page.waitForLoadState('networkidle');
}

test.describe('item 13: security headers on every response', () => {
  test('item 13: every signed-in page carries the headers and works, charts included, with no console error', async ({
    page,
    context,
  }) => {
    test.setTimeout(300_000);
    const seen = await watch(context);
    await signInToOverview(page, demo.exec);
    const { signedIn } = pageRoutes();
    // Start from the overview, from a touchpoint with survey links, so its print sheet is reached too, and from the
    // accepted ideas, whose pages link to making them an improvement or a plan item.
    await page.goto('/touchpoints');
    await page.getByRole('link', { name: 'Courier delivery', exact: true }).click();
    await expect(page).toHaveURL(/\/touchpoints\/[0-9a-f-]{36}$/);
    const courierSurvey = `${new URL(page.url()).pathname}/survey`;
    const opened = await crawl(page, signedIn, ['/', courierSurvey, '/ideas?status=accepted'], (url) =>
      openAndCheck(page, url),
    );
    // Every signed-in page of the app was reached and checked.
    expect([...opened.keys()].sort()).toEqual([...signedIn].sort());

    // The nonce is new on every request.
    const first = await expectAppHeaders((await page.goto('/goal'))!, '/goal');
    const second = await expectAppHeaders((await page.goto('/goal'))!, '/goal again');
    expect(first).not.toBe(second);

    // Charts draw (Recharts styles its elements inline) and client-side code runs.
    await page.goto('/touchpoints');
    await page.getByRole('link', { name: 'Courier delivery', exact: true }).click();
    await expect(page.locator('svg.recharts-surface').first()).toBeVisible();
    await page.getByRole('button', { name: 'Show as table' }).click();
    await expect(page.getByRole('table')).toBeVisible();

    // Pages outside the app's sections: the 404 page and the "forbidden" page, signed in.
    await openAndCheck(page, '/no-such-page', 404);
    await openAndCheck(page, '/forbidden');

    expect(seen.problems).toEqual([]);
  });

  test('item 13: the public pages carry the headers and work; the survey keeps its own single policy', async ({
    page,
    context,
    browser,
    baseURL,
  }) => {
    test.setTimeout(120_000);
    // Links made by the executive: an invitation and a survey link.
    await signInToOverview(page, demo.exec);
    await page.goto('/settings/members');
    const invite = card(page, 'Invite a member');
    await invite.getByLabel('Email').fill(uniqueEmail('headers'));
    await invite.getByLabel('Role').selectOption({ label: 'Executive' });
    await invite.getByRole('button', { name: 'Invite' }).click();
    const invitation = new URL(await page.getByLabel('Invitation link').inputValue()).pathname;
    await page.goto('/touchpoints');
    await page.getByRole('link', { name: 'Courier delivery', exact: true }).click();
    await expect(page).toHaveURL(/\/touchpoints\/[0-9a-f-]{36}$/);
    await page.goto(`${new URL(page.url()).pathname}/survey`);
    await expect(page.getByRole('heading', { level: 1, name: /Survey links/ })).toBeVisible();
    const surveyLinks = await page
      .locator('input')
      .evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value).filter((v) => /\/s\/[\w-]+$/.test(v)));
    expect(surveyLinks.length).toBeGreaterThan(0);
    const survey = new URL(surveyLinks[0]!).pathname;
    await context.close();

    const visitor = await newSession(browser, baseURL);
    const seen = await watch(visitor.context);
    // Every public page: with the real invitation, and every page with a token also with a made-up one.
    const publicPages = pageRoutes().public.map((route) => route.replace(/\[[^\]]+\]/g, 'not-a-real-token'));
    expect(publicPages).toContain('/login');
    for (const url of [...publicPages, invitation]) await openAndCheck(visitor.page, url);
    // Sign-in still works under the policy (its form and redirect run on the nonce'd scripts).
    await visitor.page.goto('/login');
    await visitor.page.getByLabel('Email').fill(demo.lead);
    await visitor.page.getByLabel('Password').fill('touchpoint-demo');
    await visitor.page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect(visitor.page).toHaveURL('/');

    // The survey: its own strict policy (no script at all, one hashed stylesheet), once, and nothing blocked.
    const response = (await visitor.page.goto(survey))!;
    expect(response.status()).toBe(200);
    await expectCommonHeaders(response, survey);
    const policies = await headerValues(response, 'content-security-policy');
    expect(policies).toHaveLength(1);
    expect(directive(policies[0]!, 'default-src')).toBe("default-src 'none'");
    expect(directive(policies[0]!, 'style-src')).toMatch(/^style-src 'sha256-[^']+'$/);
    expect(directive(policies[0]!, 'frame-ancestors')).toBe("frame-ancestors 'none'");
    expect(await headerValues(response, 'referrer-policy')).toEqual(['same-origin']);
    await expect(visitor.page.getByRole('button', { name: 'Send my answer' })).toBeVisible();
    await visitor.context.close();

    expect(seen.problems).toEqual([]);
  });

  test('item 13: API responses carry the headers too, and HSTS comes with https', async ({ request }) => {
    await expectAppHeaders(await request.get('/api/health'), '/api/health');
    const refused = await request.get('/api/weekly');
    expect(refused.status()).toBe(401);
    await expectAppHeaders(refused, '/api/weekly');
    // A redirect to sign-in is a response too.
    const redirect = await request.get('/goal', { maxRedirects: 0 });
    expect(redirect.status()).toBe(307);
    await expectAppHeaders(redirect, '/goal redirect');

    // Behind a TLS-terminating proxy (X-Forwarded-Proto: https, passed on by our server from a trusted proxy).
    const secure = await request.get('/login', { headers: { 'x-forwarded-proto': 'https' } });
    expect(await headerValues(secure, 'strict-transport-security')).toEqual([expect.stringMatching(/^max-age=\d{8,}/)]);
    expect(
      directive((await headerValues(secure, 'content-security-policy'))[0] ?? '', 'upgrade-insecure-requests'),
    ).toBe('upgrade-insecure-requests');
  });
});
