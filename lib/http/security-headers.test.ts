import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, newNonce, securityHeaders } from './security-headers';

const directive = (policy: string, name: string) =>
  policy
    .split(';')
    .map((part) => part.trim())
    .find((part) => part.startsWith(`${name} `));

describe('item 13: security headers', () => {
  it('item 13: scripts need the request nonce, never unsafe-inline; framing is refused', () => {
    const policy = contentSecurityPolicy({ nonce: 'abc123', https: false, development: false });
    expect(directive(policy, 'script-src')).toBe("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(directive(policy, 'frame-ancestors')).toBe("frame-ancestors 'none'");
    expect(directive(policy, 'object-src')).toBe("object-src 'none'");
    expect(policy).not.toContain('unsafe-eval');
  });

  it('item 13: a fresh 128-bit nonce every time', () => {
    const nonces = new Set(Array.from({ length: 100 }, newNonce));
    expect(nonces.size).toBe(100);
    for (const nonce of nonces) expect(Buffer.from(nonce, 'base64')).toHaveLength(16);
  });

  it('item 13: HSTS and upgrade-insecure-requests only over https', () => {
    const plain = securityHeaders('/goal', { nonce: 'n', https: false, development: false });
    const secure = securityHeaders('/goal', { nonce: 'n', https: true, development: false });
    expect(plain['Strict-Transport-Security']).toBeUndefined();
    expect(plain['Content-Security-Policy']).not.toContain('upgrade-insecure-requests');
    expect(secure['Strict-Transport-Security']).toMatch(/^max-age=\d{8,}/);
    expect(secure['Content-Security-Policy']).toContain('upgrade-insecure-requests');
    expect(plain).toMatchObject({
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'strict-origin-when-cross-origin',
      'Permissions-Policy': expect.stringContaining('camera=()') as string,
    });
  });

  it('item 13: the public survey keeps its own policy and referrer rule (one policy per response)', () => {
    const headers = securityHeaders('/s/abc', { nonce: 'n', https: true, development: false });
    expect(headers['Content-Security-Policy']).toBeUndefined();
    expect(headers['Referrer-Policy']).toBeUndefined();
    expect(headers['Strict-Transport-Security']).toBeDefined();
  });
});
