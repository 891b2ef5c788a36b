import { demo, expect, signIn, test, unique } from './helpers';

/**
 * CSV import and measured values on the demo organization (Bookshelf). Each run uses its own file name and
 * external ids, so runs against the same server do not meet each other's answers.
 */

/** Yesterday in UTC as YYYY-MM-DD: an answer date that is never in the future. */
const yesterday = () => new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);

test('an executive imports a CSV file, sees the row with a problem, imports the valid rows and undoes the import', async ({
  execPage: page,
}) => {
  const run = unique('import');
  const fileName = `${run}.csv`;
  const day = yesterday();
  const csv = [
    'Response ID,Touchpoint,Rating,Date,Comment',
    `${run}-1,Checkout,9,${day},"Quick, easy checkout"`,
    `${run}-2,Courier delivery,3,${day} 14:05,Late parcel`,
    `${run}-3,Front door,8,${day},`,
    `${run}-4,returns,10,${day},`,
  ].join('\n');

  await page.goto('/touchpoints/import');
  await expect(page.getByRole('heading', { level: 1, name: 'Import answers' })).toBeVisible();
  await page
    .getByLabel('CSV file', { exact: true })
    .setInputFiles({ name: fileName, mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await expect(page.getByText(`${fileName}: 4 rows in 5 columns.`)).toBeVisible();

  // Columns are guessed from the header; the metric is not in the file, so it is chosen for the whole file.
  await expect(page.getByLabel('Score (required)')).toHaveValue('column:2');
  await expect(page.getByText('Choose where this comes from.')).toBeVisible();
  await page.getByLabel('Metric (required)').selectOption({ label: 'NPS' });

  await expect(page.getByText('4 rows in the file: 3 valid, 1 with a problem.')).toBeVisible();
  const preview = page.getByRole('table', { name: /as they will be stored/ });
  await expect(preview.getByRole('row')).toHaveCount(5);
  await expect(preview.getByRole('row', { name: /Front door/ })).toContainText('No touchpoint is called “Front door”');
  await expect(preview.getByRole('row', { name: /Quick, easy checkout/ })).toContainText('Ready');

  await page.getByRole('button', { name: 'Import only the 3 valid rows' }).click();
  await expect(
    page.getByText('Imported: 3 answers stored, 0 duplicates skipped, 1 invalid row left out.'),
  ).toBeVisible();

  const history = page.locator('#import-history');
  const entry = history.getByRole('row', { name: new RegExp(fileName) });
  await expect(entry).toContainText('Imported');
  await expect(entry.getByRole('cell').nth(1)).toHaveText('4'); // rows in the file
  await expect(entry.getByRole('cell').nth(2)).toHaveText('3'); // stored

  await entry.getByRole('button', { name: `Undo the import of ${fileName}` }).click();
  const dialog = page.getByRole('alertdialog', { name: `Undo the import of ${fileName}?` });
  await expect(dialog).toContainText('Its 3 answers will be removed');
  await dialog.getByRole('button', { name: 'Undo import' }).click();
  await expect(entry).toContainText(/Undone by .+/);
  await expect(entry.getByRole('button', { name: /Undo/ })).toHaveCount(0);
});

test('leads and staff do not get the import page', async ({ page }) => {
  for (const who of [demo.lead, demo.staff]) {
    await page.context().clearCookies();
    await signIn(page, who);
    await page.goto('/touchpoints/import');
    await expect(page.getByRole('heading', { name: 'Not available for your role' })).toBeVisible();
  }
});

test("a lead adds a measured value for their own department's touchpoint, fixes a wrong value and deletes it", async ({
  page,
}) => {
  const source = unique('Agency');
  await signIn(page, demo.lead);
  await page.goto('/touchpoints/measured');
  await expect(page.getByRole('heading', { level: 1, name: 'Measured values' })).toBeVisible();
  const form = page.locator('form').filter({ has: page.getByRole('button', { name: 'Add measured value' }) });
  // The lead of Customer support may only choose its touchpoints.
  await expect(form.getByLabel('Touchpoint')).toContainText('Returns');
  await expect(form.getByLabel('Touchpoint')).not.toContainText('Checkout');

  await form.getByLabel('Touchpoint').selectOption({ label: 'Returns' });
  await form.getByLabel('Metric').selectOption({ label: 'NPS' });
  await form.getByLabel('Value').fill('150');
  await form.getByLabel('Number of answers (n)').fill('420');
  await form.getByLabel('Period from').fill('2025-07-01');
  await form.getByLabel('Period to').fill('2025-09-30');
  await form.getByLabel('Measured by').fill(source);
  await form.getByRole('button', { name: 'Add measured value' }).click();
  await expect(form.getByText('Enter a value from -100 to 100.')).toBeVisible();
  await expect(form.getByLabel('Measured by')).toHaveValue(source);

  await form.getByLabel('Value').fill('35,5');
  await form.getByRole('button', { name: 'Add measured value' }).click();
  await expect(form.getByText('Added.')).toBeVisible();
  const row = page.getByRole('row', { name: new RegExp(source) });
  await expect(row).toContainText('Returns');
  await expect(row).toContainText('Measured');
  await expect(row).toContainText('35.5');
  await expect(row).toContainText('420');

  await row.getByRole('button', { name: 'Delete the measured NPS of Returns' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByRole('row', { name: new RegExp(source) })).toHaveCount(0);
});

test('item 11: with the executive signed in, another site cannot make the browser send an import', async ({
  execPage: page,
  baseURL,
}) => {
  const fileName = `${unique('cross-site')}.csv`;
  const body = `${JSON.stringify({ fileName })}\n${JSON.stringify({ touchpoint: 'checkout', metric: 'nps', score: 0 })}\n`;
  // page.request carries the browser's session cookie, as a form or fetch on another site's page would.
  const crossSite = await page.request.post('/api/imports', {
    headers: { Origin: 'https://evil.example', 'Content-Type': 'application/x-ndjson' },
    data: body,
  });
  expect(crossSite.status()).toBe(403);
  const asPlainText = await page.request.post('/api/imports', {
    headers: { Origin: baseURL!, 'Content-Type': 'text/plain' },
    data: body,
  });
  expect(asPlainText.status()).toBe(415);
  await page.goto('/touchpoints/import');
  await expect(page.locator('#import-history')).not.toContainText(fileName);
});
