import { describe, expect, it } from 'vitest';
import { mediaTypeOf, sentByThisSite } from './same-site';

const h = (init: Record<string, string>) => new Headers(init);

describe('item 11: sentByThisSite', () => {
  it('believes Sec-Fetch-Site when the browser sends it: only same-origin passes', () => {
    expect(sentByThisSite(h({ 'sec-fetch-site': 'same-origin' }))).toBe(true);
    for (const site of ['cross-site', 'same-site', 'none']) {
      expect(sentByThisSite(h({ 'sec-fetch-site': site, origin: 'https://cx.test', host: 'cx.test' })), site).toBe(
        false,
      );
    }
  });

  it('otherwise compares Origin with the host the request came to (through a proxy: X-Forwarded-Host)', () => {
    expect(sentByThisSite(h({ origin: 'https://cx.test', host: 'cx.test' }))).toBe(true);
    expect(
      sentByThisSite(h({ origin: 'https://cx.example.com', host: 'app:3000', 'x-forwarded-host': 'cx.example.com' })),
    ).toBe(true);
    expect(sentByThisSite(h({ origin: 'https://evil.test', host: 'cx.test' }))).toBe(false);
    expect(sentByThisSite(h({ origin: 'https://cx.test.evil.test', host: 'cx.test' }))).toBe(false);
    expect(sentByThisSite(h({ origin: 'null', host: 'cx.test' }))).toBe(false);
    expect(sentByThisSite(h({ origin: 'not a url', host: 'cx.test' }))).toBe(false);
  });

  it('refuses a request that says neither', () => {
    expect(sentByThisSite(h({ host: 'cx.test' }))).toBe(false);
  });
});

describe('mediaTypeOf', () => {
  it('is the type without its parameters, in lower case', () => {
    expect(mediaTypeOf(h({ 'content-type': 'Application/X-NDJSON; charset=utf-8' }))).toBe('application/x-ndjson');
    expect(mediaTypeOf(h({}))).toBe('');
  });
});
