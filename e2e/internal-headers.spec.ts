import type { APIRequestContext, APIResponse } from '@playwright/test';
import { demo, DEMO_ORGANIZATION, expect, signInToOverview, test } from './helpers';
import { crawl, pageRoutes } from './site-map';

// The "Proof" of issue 10: Next's internal request headers, sent from outside with no session, never open a
// protected page or route (CVE-2025-29927 skipped the middleware with x-middleware-subrequest). The proxy only
// redirects for convenience; each page and route decides access itself, and this checks both layers at once.

const subrequests = [
  'middleware',
  'proxy',
  'src/middleware',
  'src/proxy',
  'pages/_middleware',
  'middleware:middleware:middleware:middleware:middleware',
  'proxy:proxy:proxy:proxy:proxy',
  'src/middleware:src/middleware:src/middleware:src/middleware:src/middleware',
];

function internalHeaders(path: string): Record<string, string>[] {
  const sets: Record<string, string>[] = subrequests.map((value) => ({ 'x-middleware-subrequest': value }));
  sets.push(
    { 'x-middleware-invoke': '1' },
    { 'x-invoke-path': path, 'x-invoke-query': '{}', 'x-invoke-output': path },
    { 'x-invoke-status': '200' },
    { 'x-nextjs-data': '1' },
    { 'x-middleware-prefetch': '1' },
    { rsc: '1' },
    { rsc: '1', 'next-router-state-tree': encodeURIComponent(JSON.stringify(['', { children: ['__PAGE__', {}] }])) },
    { 'next-router-prefetch': '1', rsc: '1' },
  );
  // And all of them at once.
  sets.push(Object.assign({}, ...sets) as Record<string, string>);
  return sets;
}

const redirects = [301, 302, 303, 307, 308];

/**
 * Sends the request as a client would, following Next's own redirect to the same address (an `rsc` request
 * without its `_rsc` cache key is sent to `?_rsc`) with the same headers, and stopping at a redirect to sign-in.
 */
async function answer(
  client: APIRequestContext,
  url: string,
  headers: Record<string, string>,
  post?: { data: string },
): Promise<APIResponse> {
  let current = url;
  for (let hop = 0; hop < 3; hop++) {
    const options = { headers, maxRedirects: 0 };
    const response = post
      ? await client.post(current, { ...options, data: post.data })
      : await client.get(current, options);
    const location = response.headers()['location'];
    if (!redirects.includes(response.status()) || !location) return response;
    const next = new URL(location, 'http://x');
    if (next.pathname !== new URL(current, 'http://x').pathname) return response;
    current = `${next.pathname}${next.search}`;
  }
  throw new Error(`${url}: redirected in a loop`);
}

/** What the demo organization's pages and routes hold: none of it may reach a request without a valid session. */
const organizationData = [DEMO_ORGANIZATION, 'Courier delivery', 'Customer support', demo.exec];

/**
 * No bypass: sent to sign-in (a redirect) or refused (401/403/404), and nothing of the organization in the body.
 * With a cookie the proxy lets through, Next may also answer 200 with something that renders nothing of the page:
 * a React Server Components payload whose only instruction is the redirect to sign-in, `{}` for a prefetch, or
 * the route tree for a router prefetch; `lenient` allows those, as long as they hold none of the organization's data.
 */
async function expectRefused(response: APIResponse, what: string, lenient: boolean) {
  const status = response.status();
  const body = await response.text();
  if (redirects.includes(status)) {
    expect(new URL(response.headers()['location'] ?? '', 'http://x').pathname, what).toBe('/login');
  } else if (!(lenient && status === 200)) {
    expect([401, 403, 404], `${what}: status ${status}`).toContain(status);
  }
  for (const data of organizationData) expect(body, what).not.toContain(data);
}

test('proof: internal Next headers without a session open no protected page or route', async ({
  page,
  playwright,
  baseURL,
}) => {
  test.setTimeout(300_000);
  // Real addresses: a bypass would show the page or the data, not a "not found" for a made-up id.
  await signInToOverview(page, demo.exec);
  await page.goto('/touchpoints');
  await page.getByRole('link', { name: 'Courier delivery', exact: true }).click();
  await expect(page).toHaveURL(/\/touchpoints\/[0-9a-f-]{36}$/);
  const touchpoint = new URL(page.url()).pathname;
  const protectedRoutes = pageRoutes().signedIn;
  // The accepted ideas' pages link to making them an improvement or a plan item.
  const start = ['/', `${touchpoint}/survey`, '/ideas?status=accepted'];
  const opened = await crawl(page, protectedRoutes, start, async (url) => {
    await page.goto(url);
  });
  expect([...opened.keys()].sort()).toEqual([...protectedRoutes].sort());
  const pages = [...opened.values()];
  const signedIn = page.context().request;
  const csv = await (await signedIn.get('/api/weekly/export')).text();
  const improvementId = /\r\n([0-9a-f-]{36}),/.exec(csv)?.[1];
  expect(improvementId).toBeDefined();
  const today = new Date().toISOString().slice(0, 10);
  const yearAgo = new Date(Date.now() - 365 * 86_400_000).toISOString().slice(0, 10);
  const routes = [
    '/api/weekly',
    '/api/weekly?weeks=12',
    '/api/weekly/export',
    `/api/weekly/improvements/${improvementId}`,
    `/api/touchpoints${touchpoint.slice('/touchpoints'.length)}/metrics?from=${yearAgo}&to=${today}`,
  ];
  // Each address really holds something for a signed-in executive.
  for (const url of [...pages, ...routes]) {
    const response = await signedIn.get(url);
    expect(response.status(), url).toBe(200);
    expect(new URL(response.url()).pathname, url).not.toBe('/login');
  }

  const anonymous: APIRequestContext = await playwright.request.newContext({ baseURL });
  const forged: APIRequestContext = await playwright.request.newContext({
    baseURL,
    extraHTTPHeaders: { cookie: 'authjs.session-token=forged; __Secure-authjs.session-token=forged' },
  });
  let checked = 0;
  for (const [who, client, lenient] of [
    ['no cookie', anonymous, false],
    ['a forged cookie', forged, true],
  ] as const) {
    for (const url of [...pages, ...routes]) {
      for (const headers of internalHeaders(new URL(url, 'http://x').pathname)) {
        const what = `GET ${url} with ${who} and ${JSON.stringify(headers)}`;
        await expectRefused(await answer(client, url, headers), what, lenient);
        checked++;
      }
    }
    // The import route takes a POST: refused before it reads anything.
    for (const headers of internalHeaders('/api/imports')) {
      const response = await answer(
        client,
        '/api/imports',
        { ...headers, 'content-type': 'application/x-ndjson', origin: baseURL! },
        { data: '{"fileName":"x.csv"}\n' },
      );
      await expectRefused(response, `POST /api/imports with ${who} and ${JSON.stringify(headers)}`, false);
      checked++;
    }
  }
  console.log(`internal headers: ${checked} requests, none got through`);
  await anonymous.dispose();
  await forged.dispose();
});
