import { card, demo, expect, signIn, test, unique } from './helpers';

test.describe('API keys and the ingestion API', () => {
  test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

  test('an executive creates a key, sends a batch with it, revokes it, and the key stops working', async ({
    execPage: page,
    request,
  }) => {
    // A touchpoint that API senders name by its key.
    const touchpointKey = unique('e2e-desk');
    await page.goto('/settings/journey');
    await page.getByRole('button', { name: 'Add a touchpoint to Discover' }).click();
    await page.getByLabel('Touchpoint name').fill(unique('Help desk'));
    await page.getByLabel('API key name').fill(touchpointKey.toUpperCase());
    await page.getByRole('button', { name: 'Add touchpoint', exact: true }).click();
    await expect(page.getByLabel('Touchpoint name')).toHaveCount(0);

    const name = unique('Helpdesk export');
    await page.getByRole('navigation', { name: 'Settings sections' }).getByRole('link', { name: 'API keys' }).click();
    await expect(page).toHaveURL('/settings/api-keys');
    const create = card(page, 'Create an API key');
    await create.getByLabel('Key name').fill(name);
    await create.getByRole('button', { name: 'Create key' }).click();
    const shown = page.getByRole('status').filter({ hasText: 'you will not see it again' });
    await expect(shown).toBeVisible();
    await shown.getByRole('button', { name: 'Copy key' }).click();
    await expect(shown.getByRole('button', { name: 'Copied' })).toBeVisible();
    const key = await page.evaluate(() => navigator.clipboard.readText());
    expect(key).toMatch(/^tp_[A-Za-z0-9_-]{43}$/);
    await expect(shown.getByLabel('New API key')).toHaveValue(key);

    const batch = {
      responses: [
        {
          touchpoint: touchpointKey,
          metric: 'csat',
          score: 5,
          externalId: `${touchpointKey}-1`,
          comment: 'Found my book fast.',
        },
        { touchpoint: touchpointKey, metric: 'nps', score: 9, externalId: `${touchpointKey}-2` },
      ],
    };
    const sent = await request.post('/api/v1/responses', { headers: { Authorization: `Bearer ${key}` }, data: batch });
    expect(sent.status()).toBe(201);
    expect(await sent.json()).toEqual({ stored: 2, duplicates: 0 });
    const again = await request.post('/api/v1/responses', { headers: { Authorization: `Bearer ${key}` }, data: batch });
    expect(await again.json()).toEqual({ stored: 0, duplicates: 2 });

    // The list shows the key by name and prefix, never the whole key; it was used just now.
    await page.reload();
    const row = card(page, /^Keys \(\d+\)$/)
      .getByRole('listitem')
      .filter({ hasText: name });
    await expect(row).toContainText(`${key.slice(0, 10)}…`);
    await expect(row).not.toContainText(key);
    await expect(row).toContainText('last used');
    // Made with the default scope: it may send answers, not read.
    await expect(row).toContainText('Send answers');
    await expect(row).not.toContainText('Read data');
    await expect(page.getByText(key)).toHaveCount(0);

    await row.getByRole('button', { name: `Revoke the key ${name}` }).click();
    const dialog = page.getByRole('alertdialog', { name: `Revoke the key ${name}?` });
    await dialog.getByRole('button', { name: 'Revoke' }).click();
    await expect(row).toContainText('Revoked');
    await expect(row.getByRole('button', { name: /Revoke/ })).toHaveCount(0);

    const refused = await request.post('/api/v1/responses', {
      headers: { Authorization: `Bearer ${key}` },
      data: batch,
    });
    expect(refused.status()).toBe(401);
    expect(refused.headers()['www-authenticate']).toContain('Bearer');
  });

  test('issue 11: an executive creates a read-only key, which reads changes and cannot send answers', async ({
    execPage: page,
    request,
  }) => {
    await page.goto('/settings/api-keys');
    const create = card(page, 'Create an API key');
    const scopes = create.getByRole('group', { name: 'What it may do' });
    const ingest = scopes.getByLabel('Send answers (ingest)');
    const read = scopes.getByLabel('Read data (read)');
    await expect(ingest).toBeChecked();
    await expect(read).not.toBeChecked();

    // With no scope the key is refused, next to the field, and what was typed stays.
    const name = unique('BI export');
    await create.getByLabel('Key name').fill(name);
    await ingest.uncheck();
    await create.getByRole('button', { name: 'Create key' }).click();
    await expect(scopes.getByRole('alert')).toHaveText(/Choose at least one/);
    await expect(create.getByLabel('Key name')).toHaveValue(name);

    await read.check();
    await create.getByRole('button', { name: 'Create key' }).click();
    const shown = page.getByRole('status').filter({ hasText: 'you will not see it again' });
    await expect(shown).toContainText('It may: Read data.');
    const key = await shown.getByLabel('New API key').inputValue();
    expect(key).toMatch(/^tp_[A-Za-z0-9_-]{43}$/);

    const changes = await request.get('/api/v1/changes', { headers: { Authorization: `Bearer ${key}` } });
    expect(changes.status()).toBe(200);
    const page1 = await changes.json();
    expect(page1.data.length).toBeGreaterThan(0);
    expect(page1.data[0]).toMatchObject({ kind: expect.any(String), id: expect.any(String), date: expect.any(String) });
    const first = page1.data[0];
    const one = await request.get(`/api/v1/changes/${first.kind}/${first.id}/impact`, {
      headers: { Authorization: `Bearer ${key}` },
    });
    expect(one.status()).toBe(200);
    expect(await one.json()).toMatchObject({ kind: first.kind, id: first.id, title: first.title });

    const sent = await request.post('/api/v1/responses', {
      headers: { Authorization: `Bearer ${key}` },
      data: { responses: [{ touchpoint: 'checkout', metric: 'nps', score: 9 }] },
    });
    expect(sent.status()).toBe(403);
    expect(await sent.json()).toMatchObject({ error: 'forbidden' });

    await page.reload();
    const row = card(page, /^Keys \(\d+\)$/)
      .getByRole('listitem')
      .filter({ hasText: name });
    await expect(row).toContainText('Read data');
    await expect(row).not.toContainText('Send answers');
  });

  test('the OpenAPI document is public', async ({ request }) => {
    const response = await request.get('/api/v1/openapi.json');
    expect(response.status()).toBe(200);
    const doc = await response.json();
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.info.title).toBe('Touchpoint API');
    expect(Object.keys(doc.paths['/api/v1/responses'].post.responses)).toEqual(
      expect.arrayContaining(['201', '401', '403', '404', '413', '422']),
    );
    expect(Object.keys(doc.paths['/api/v1/changes'].get.responses)).toEqual(
      expect.arrayContaining(['200', '400', '401', '403', '429']),
    );
  });

  test('a lead cannot open the API keys page', async ({ page }) => {
    await signIn(page, demo.lead);
    await page.goto('/settings/api-keys');
    await expect(page).toHaveURL('/forbidden');
    await expect(page.getByRole('heading', { name: 'Not available for your role' })).toBeVisible();
  });
});
