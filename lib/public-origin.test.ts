import { describe, expect, it } from 'vitest';
import { prepareRequest, serverSettings } from '@/lib/http/prepare-request.mjs';
import { originOf } from './public-origin';

/** The headers the app sees after our server prepared a request with these headers from this peer. */
function asTheAppSeesIt(headers: Record<string, string>, peer: string, trustedProxies = ''): Headers {
  const req = { headers: { ...headers }, socket: { remoteAddress: peer } };
  prepareRequest(req, serverSettings({ TRUSTED_PROXIES: trustedProxies }));
  return new Headers(req.headers as Record<string, string>);
}

const forged = { host: 'cx.test:3000', 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'https' };

describe('item 14: links come from APP_URL, or from the forwarded host only when the proxy is trusted', () => {
  it('uses APP_URL whatever the request says', () => {
    expect(originOf(asTheAppSeesIt(forged, '10.0.0.2', '10.0.0.0/8'), 'https://cx.example.com/', true)).toBe(
      'https://cx.example.com',
    );
  });

  it('never uses a forged X-Forwarded-Host from a client: the Host it came to', () => {
    expect(originOf(asTheAppSeesIt(forged, '198.51.100.7'), undefined, true)).toBe('http://cx.test:3000');
    // Even a client that names our own header gets nowhere.
    const own = { host: 'cx.test', 'x-touchpoint-forwarded-host': 'evil.example' };
    expect(originOf(asTheAppSeesIt(own, '198.51.100.7'), undefined, true)).toBe('http://cx.test');
  });

  it('uses the host and scheme a trusted proxy reports', () => {
    const proxied = { host: 'app:3000', 'x-forwarded-host': 'cx.example.com', 'x-forwarded-proto': 'https' };
    expect(originOf(asTheAppSeesIt(proxied, '10.0.0.2', '10.0.0.0/8'), undefined, true)).toBe('https://cx.example.com');
    expect(originOf(asTheAppSeesIt(proxied, '10.0.0.2'), undefined, true)).toBe('http://app:3000');
  });

  it('falls back to localhost for a Host that is no host name', () => {
    expect(originOf(new Headers({ host: 'evil.example/x?' }), undefined, true)).toBe('http://localhost');
  });

  it('reads no plain X-Forwarded-Host at all, so a request that bypassed our server (next dev) cannot set links', () => {
    expect(originOf(new Headers(forged), undefined, true)).toBe('http://cx.test:3000');
  });

  it('without our server in front (a bare next start), believes not even its own forwarded header', () => {
    const own = {
      host: 'cx.test',
      'x-touchpoint-forwarded-host': 'evil.example',
      'x-touchpoint-forwarded-proto': 'https',
    };
    expect(originOf(new Headers(own), undefined, false)).toBe('http://cx.test');
    expect(originOf(new Headers(own), undefined)).toBe('http://cx.test'); // no front door in this test process
  });
});
