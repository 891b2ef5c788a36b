import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';

/**
 * Every page of the app, as its files name it ('/goal/versions/[version]', route groups dropped), read from app/
 * so a new page is covered without touching the tests; `signedIn` are those of the signed-in app, app/(app)/.
 * Static segments sort before dynamic ones, so '/touchpoints/import' is matched before '/touchpoints/[id]'.
 */
export function pageRoutes(): { all: string[]; signedIn: string[]; public: string[] } {
  const all: string[] = [];
  const signedIn: string[] = [];
  const walk = (dir: string, segments: string[], inApp: boolean) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) {
        const group = /^\(.*\)$/.test(entry.name);
        const next = group ? segments : [...segments, entry.name];
        walk(path.join(dir, entry.name), next, inApp || entry.name === '(app)');
      } else if (entry.name === 'page.tsx') {
        const route = `/${segments.join('/')}`;
        all.push(route);
        if (inApp) signedIn.push(route);
      }
    }
  };
  walk(path.join(process.cwd(), 'app'), [], false);
  const dynamicSegments = (route: string) => (route.match(/\[/g) ?? []).length;
  const order = (a: string, b: string) => dynamicSegments(a) - dynamicSegments(b) || a.localeCompare(b);
  all.sort(order);
  signedIn.sort(order);
  return { all, signedIn, public: all.filter((route) => !signedIn.includes(route)) };
}

export function routeOf(pathname: string, routes: string[]): string | undefined {
  return routes.find((route) => new RegExp(`^${route.replace(/\[[^\]]+\]/g, '[^/]+')}$`).test(pathname));
}

/**
 * Follows the links of the signed-in app from `start`, opening the first address found for each page route
 * (with `open`, which also checks it), and returns route -> the address opened. Links to routes outside `routes`
 * (the API, the public survey, sign-in) are not followed.
 */
export async function crawl(
  page: Page,
  routes: string[],
  start: string[],
  open: (url: string) => Promise<void>,
): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  const queue = [...start];
  while (queue.length > 0) {
    const url = queue.shift()!;
    const route = routeOf(new URL(url, 'http://x').pathname, routes);
    if (!route || found.has(route)) continue;
    found.set(route, url);
    await open(url);
    const hrefs = await page
      .locator('a[href^="/"]')
      .evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
    for (const href of hrefs) {
      const target = href.split('#')[0]!;
      const targetRoute = routeOf(new URL(target, 'http://x').pathname, routes);
      if (target && targetRoute && !found.has(targetRoute)) queue.push(target);
    }
  }
  return found;
}
