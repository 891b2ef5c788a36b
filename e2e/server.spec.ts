import http from 'node:http';
import { demo, expect, signInToOverview, test } from './helpers';

// Our own server in front of Next (scripts/server.mjs), over the production build. The e2e server trusts 127.0.0.1
// as its reverse proxy, so the browser and Playwright's request speak as that proxy; `direct` plays a client that
// calls the server itself, from 127.0.0.2, which is not trusted.

const port = Number(process.env.E2E_PORT ?? 3100);

interface Answer {
  status: number;
  body: string;
  ms: number;
}

function direct(
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: Buffer; chunks?: Buffer[] } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        localAddress: '127.0.0.2',
        path,
        method: options.method ?? 'GET',
        headers: options.headers,
      },
      (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => (body += String(chunk)));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body, ms: performance.now() - started }));
      },
    );
    req.on('error', reject);
    for (const chunk of options.chunks ?? []) req.write(chunk);
    req.end(options.body);
  });
}

test.describe('our server in front of Next', () => {
  test('item 8: a 2 MB sign-in body is refused with 413 before it is read, a body of unknown length with 411', async ({
    request,
  }) => {
    const started = performance.now();
    const refused = await request.post('/api/auth/callback/credentials', {
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      data: Buffer.alloc(2 * 1024 * 1024, 'a'),
    });
    expect(refused.status()).toBe(413);
    expect(await refused.json()).toMatchObject({ error: { code: 'too_large' } });
    expect(performance.now() - started).toBeLessThan(2_000);

    const chunked = await direct('/api/auth/callback/credentials', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'transfer-encoding': 'chunked' },
      chunks: [Buffer.from('email=a')],
    });
    expect(chunked.status).toBe(411);

    // A small sign-in body still reaches Auth.js.
    const small = await request.post('/api/auth/callback/credentials', {
      form: { email: demo.exec, password: 'wrong' },
      maxRedirects: 0,
    });
    expect([200, 302, 303, 400, 401, 403, 429]).toContain(small.status());
  });

  test("item 14: a forged X-Forwarded-Host never reaches the weekly CSV's links; a trusted proxy's host does", async ({
    page,
  }) => {
    await signInToOverview(page, demo.exec);
    const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ');

    const forged = await direct('/api/weekly/export', {
      headers: {
        cookie,
        'x-forwarded-host': 'evil.example',
        'x-forwarded-proto': 'https',
        'x-forwarded-for': '1.1.1.1',
      },
    });
    expect(forged.status).toBe(200);
    expect(forged.body).toContain(`http://127.0.0.1:${port}/weekly/`);
    expect(forged.body).not.toContain('evil.example');

    // (Not X-Forwarded-Proto: https here: the session cookie of this http sign-in is not the one https reads.)
    const proxied = await page.request.get('/api/weekly/export', { headers: { 'x-forwarded-host': 'cx.example.com' } });
    expect(await proxied.text()).toContain('http://cx.example.com/weekly/');
  });
});
