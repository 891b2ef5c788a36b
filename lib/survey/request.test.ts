import { describe, expect, it } from 'vitest';
import { isCrossSitePost, readFormPost } from './request';

const h = (init: Record<string, string>) => new Headers(init);

describe('isCrossSitePost', () => {
  it('trusts Sec-Fetch-Site when the browser sends it', () => {
    expect(isCrossSitePost(h({ 'sec-fetch-site': 'same-origin', origin: 'https://evil.test', host: 'cx.test' }))).toBe(
      false,
    );
    expect(isCrossSitePost(h({ 'sec-fetch-site': 'cross-site' }))).toBe(true);
    expect(isCrossSitePost(h({ 'sec-fetch-site': 'same-site' }))).toBe(true);
  });
  it('otherwise compares Origin with the host the post came to (through a proxy: X-Forwarded-Host)', () => {
    expect(isCrossSitePost(h({ origin: 'https://cx.test', host: 'cx.test' }))).toBe(false);
    expect(
      isCrossSitePost(h({ origin: 'https://cx.example.com', host: 'app:3000', 'x-forwarded-host': 'cx.example.com' })),
    ).toBe(false);
    expect(isCrossSitePost(h({ origin: 'https://evil.test', host: 'cx.test' }))).toBe(true);
    expect(isCrossSitePost(h({ origin: 'null', host: 'cx.test' }))).toBe(true);
    expect(isCrossSitePost(h({ host: 'cx.test' }))).toBe(false);
  });
});

describe('readFormPost', () => {
  const form = (body: string, type = 'application/x-www-form-urlencoded') =>
    new Request('http://x.test/s/t', { method: 'POST', body, headers: { 'content-type': type } });
  it('reads a url-encoded form', async () => {
    expect((await readFormPost(form('score=9&comment=caf%C3%A9+ok')))?.get('comment')).toBe('café ok');
  });
  it('refuses other bodies and bodies over the limit', async () => {
    expect(await readFormPost(form('{"score":9}', 'application/json'))).toBeNull();
    expect(await readFormPost(form(`comment=${'x'.repeat(200)}`), 100)).toBeNull();
  });
});
