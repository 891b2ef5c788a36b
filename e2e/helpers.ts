import AxeBuilder from '@axe-core/playwright';
import { type Browser, type BrowserContext, expect, type Page, type TestInfo, test as base } from '@playwright/test';

export const DEMO_PASSWORD = 'touchpoint-demo';
export const DEMO_ORGANIZATION = 'Bookshelf';

export const demo = {
  exec: 'exec@demo.test',
  lead: 'lead@demo.test',
  staff: 'staff@demo.test',
  delivery: 'delivery@demo.test',
  it: 'it@demo.test',
} as const;

/** A value no other test (or earlier run against the same server) has used. */
export function unique(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 7)}`;
}

export function uniqueEmail(prefix = 'e2e'): string {
  return `${unique(prefix)}@example.test`.toLowerCase();
}

/** Fills the login form like a person would, and waits for the page the form sends us to. */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD, landing: string | RegExp = '/') {
  await page.goto('/login');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page).toHaveURL(landing);
}

/** Signs in and checks the overview of the demo organization is shown. */
export async function signInToOverview(
  page: Page,
  email: string,
  password = DEMO_PASSWORD,
  organization = DEMO_ORGANIZATION,
) {
  await signIn(page, email, password);
  await expect(page.getByRole('heading', { level: 1, name: organization })).toBeVisible();
}

export function mainNavigation(page: Page) {
  return page.getByRole('navigation', { name: 'Main' });
}

/**
 * An address for one browser of a test. The e2e server trusts 127.0.0.1 as its reverse proxy (scripts/e2e-server.mjs),
 * so each browser says which client it stands for, as a proxy would: every test is its own client, and the per-address
 * limits (sign-up, sign-in) of one test do not spill into the next.
 */
export function clientAddress(): string {
  const part = () => Math.floor(Math.random() * 254) + 1;
  return `198.18.${part()}.${part()}`;
}

/** A second, independent browser (own cookies and client address), using the same base URL as the test's page. */
export async function newSession(
  browser: Browser,
  baseURL: string | undefined,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL, extraHTTPHeaders: { 'x-forwarded-for': clientAddress() } });
  const page = await context.newPage();
  return { context, page };
}

/** A card on a settings page, found by its heading (cards are <section>s without a landmark name). */
export function card(page: Page, heading: string | RegExp) {
  return page.locator('section').filter({ has: page.getByRole('heading', { level: 2, name: heading }) });
}

type Fixtures = {
  /** A page already signed in as the demo executive. */
  execPage: Page;
};

export const test = base.extend<Fixtures>({
  context: async ({ context }, use) => {
    await context.setExtraHTTPHeaders({ 'x-forwarded-for': clientAddress() });
    await use(context);
  },
  execPage: async ({ page }, use) => {
    await signInToOverview(page, demo.exec);
    await use(page);
  },
});

export { expect };

/**
 * Runs axe (WCAG 2.x A/AA rules and best practices) on the page as it is now and fails on critical or serious
 * violations, attaching the full report to the test and printing the lesser ones.
 */
export async function expectNoAxeViolations(page: Page, testInfo: TestInfo, label: string) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .analyze();
  expect(results.passes.length, 'axe actually checked the page').toBeGreaterThan(10);
  const summary = results.violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5),
  }));
  await testInfo.attach(`axe-${label}.json`, {
    body: JSON.stringify(summary, null, 2),
    contentType: 'application/json',
  });
  if (summary.length)
    console.log(
      `axe on ${label}:\n${summary.map((v) => `  [${v.impact}] ${v.id}: ${v.help} -> ${v.nodes.join(' | ')}`).join('\n')}`,
    );
  expect(
    summary.filter((v) => v.impact === 'critical' || v.impact === 'serious'),
    `critical/serious axe violations on ${label}`,
  ).toEqual([]);
}
