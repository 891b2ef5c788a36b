import { expect, type Page, test } from '@playwright/test';
import { demo, signIn } from './helpers';

/** Opens a touchpoint of the demo organization from the journey map, as a person would. */
async function openTouchpoint(page: Page, name: string) {
  await page.goto('/touchpoints');
  await page.getByRole('link', { name, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
}

test.describe('touchpoint page', () => {
  test('draws the metric with its changes: hover names a change, click opens its impact card', async ({ page }) => {
    await signIn(page, demo.staff);
    await openTouchpoint(page, 'Courier delivery');

    // The headline with its margin, n and the comparison with the previous period.
    const headline = page.getByTestId('headline-score');
    await expect(headline).toContainText('±');
    await expect(headline).toContainText('n =');
    await expect(page.getByTestId('comparison')).toContainText(/A real rise|A real fall|No clear change/);

    // The weekly improvement linked to this touchpoint is on the chart as a marker.
    await page.getByRole('button', { name: /^NPS/ }).click();
    await expect(page.getByRole('button', { name: /^NPS/ })).toHaveAttribute('aria-pressed', 'true');
    const marker = page.getByRole('link', { name: /Weekly improvement: SMS with time window/ }).last();
    await expect(marker).toBeVisible();
    await marker.hover();
    await expect(page.getByRole('tooltip')).toContainText('SMS with time window');
    // Keyboard users reach the same name by focusing a marker.
    const planMarker = page.getByRole('link', { name: /Plan item completed: SMS with the courier/ });
    await planMarker.focus();
    await expect(page.getByRole('tooltip')).toContainText("SMS with the courier's two-hour window");

    // The accessible alternatives: the table and the list of changes with their impact cards.
    await page.getByRole('button', { name: 'Show as table' }).click();
    const table = page.getByRole('table');
    await expect(table.getByRole('columnheader', { name: '95% interval' })).toBeVisible();
    expect(await table.getByRole('row').count()).toBeGreaterThan(20);
    await page.getByRole('button', { name: 'Show as chart' }).click();

    // The latest five changes are listed first, all of them on request (this busy touchpoint has more).
    const changes = page.getByRole('list', { name: 'Changes at this touchpoint' });
    await expect(changes.getByTestId('change')).toHaveCount(5);
    await page.getByRole('button', { name: /^Show all \d+ changes$/ }).click();
    expect(await changes.getByTestId('change').count()).toBeGreaterThan(5);
    // The change itself, not a later one whose sentence names it as measured together with it.
    const change = page
      .getByTestId('change')
      .filter({ has: page.getByRole('link', { name: 'Open the card: SMS with time window' }) });
    await expect(change.getByTestId('impact-summary')).toBeVisible();
    await expect(change.getByRole('link', { name: 'Open the card: SMS with time window' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Latest comments' })).toBeVisible();

    // Clicking the marker opens the improvement's impact card.
    await marker.click();
    await expect(page).toHaveURL(/\/changes\/improvement\/[0-9a-f-]{36}$/);
    await expect(page.getByRole('heading', { level: 1, name: 'SMS with time window' })).toBeVisible();
  });

  test('changes metric, period and bucket, and checks custom dates next to the field', async ({ page }) => {
    await signIn(page, demo.lead);
    await openTouchpoint(page, 'Packaging');
    await page.getByRole('button', { name: /^NEV/ }).click();
    await expect(page.getByRole('heading', { name: 'NEV over time' })).toBeVisible();
    await page.getByLabel('Group by', { exact: true }).selectOption('month');
    await page.getByLabel('Period', { exact: true }).selectOption('12');
    await page.getByRole('button', { name: 'Show as table' }).click();
    await expect(page.getByRole('columnheader', { name: 'Month' })).toBeVisible();
    // header + 12 months; waits for the twelve months' data (a count taken at once may see the previous period's)
    await expect(page.getByRole('table').getByRole('row')).toHaveCount(13);

    await page.getByLabel('Period', { exact: true }).selectOption('custom');
    await page.getByLabel('From', { exact: true }).fill('2026-05-01');
    await page.getByLabel('To', { exact: true }).fill('2026-04-01');
    await page.getByRole('button', { name: 'Show', exact: true }).click();
    await expect(page.getByText('The end date must be on or after the start date.')).toBeVisible();
  });

  test('is not found for an unknown touchpoint, and the API refuses bad parameters', async ({ page }) => {
    await signIn(page, demo.staff);
    const response = await page.goto('/touchpoints/00000000-0000-4000-8000-000000000000');
    expect(response?.status()).toBe(404);
    const api = await page.request.get(
      '/api/touchpoints/00000000-0000-4000-8000-000000000000/metrics?from=2026-01-01&to=2026-02-01',
    );
    expect(api.status()).toBe(404);
    await openTouchpoint(page, 'Packaging');
    const id = page.url().split('/').at(-1)!;
    const reversed = await page.request.get(`/api/touchpoints/${id}/metrics?from=2026-03-01&to=2026-01-01`);
    expect(reversed.status()).toBe(400);
    expect(Object.keys((await reversed.json()).error.fields)).toEqual(['to']);
    expect(reversed.headers()['cache-control']).toContain('no-store');
    const badBucket = await page.request.get(
      `/api/touchpoints/${id}/metrics?from=2026-01-01&to=2026-03-01&bucket=day&metric=mood`,
    );
    expect(badBucket.status()).toBe(400);
    expect(Object.keys((await badBucket.json()).error.fields).sort()).toEqual(['bucket', 'metric']);
    const good = await page.request.get(`/api/touchpoints/${id}/metrics?from=2026-01-01&to=2026-03-01&metric=nev`);
    expect(good.status()).toBe(200);
    expect(await good.json()).toMatchObject({ metric: 'nev', from: '2026-01-01', to: '2026-03-01', bucket: 'week' });
  });
});
