import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  frontDoor,
  hasSessionCookie,
  type IncomingRequest,
  prepareRequest,
  serverSettings,
} from './prepare-request.mjs';

const direct = serverSettings({});
const behindProxy = serverSettings({ TRUSTED_PROXIES: '10.0.0.0/8' });

function request(headers: Record<string, string>, peer = '198.51.100.7', more: Partial<IncomingRequest> = {}) {
  return {
    method: 'POST',
    url: '/',
    headers: { host: 'cx.test', ...headers },
    socket: { remoteAddress: peer },
    ...more,
  };
}

describe('item 1: the server tells the app the real client address', () => {
  it('replaces a client-sent address header and X-Forwarded-For from an untrusted peer with the socket address', () => {
    const req = request({ 'x-forwarded-for': '1.1.1.1', 'x-touchpoint-client-address': '1.1.1.1' });
    const prepared = prepareRequest(req, direct);
    expect(req.headers['x-touchpoint-client-address']).toBe('198.51.100.7');
    expect(req.headers['x-forwarded-for']).toBeUndefined();
    expect(prepared.untrustedForwardedFor).toBe(true);
  });

  it('believes X-Forwarded-For from a trusted proxy, right-most untrusted entry first', () => {
    const req = request({ 'x-forwarded-for': '1.1.1.1, 203.0.113.9' }, '::ffff:10.0.0.2');
    const prepared = prepareRequest(req, behindProxy);
    expect(req.headers['x-touchpoint-client-address']).toBe('203.0.113.9');
    expect(prepared.untrustedForwardedFor).toBe(false);
  });

  it('rejects a TRUSTED_PROXIES or PUBLIC_BODY_LIMIT that makes no sense, naming it', () => {
    expect(() => serverSettings({ TRUSTED_PROXIES: 'my-proxy' })).toThrow('TRUSTED_PROXIES');
    expect(() => serverSettings({ PUBLIC_BODY_LIMIT: '64kb' })).toThrow('PUBLIC_BODY_LIMIT');
    expect(direct.publicBodyLimit).toBe(65_536);
  });
});

describe('item 14: forwarded host and scheme only from a trusted proxy', () => {
  const forged = {
    'x-forwarded-host': 'evil.example',
    'x-forwarded-proto': 'https',
    'x-forwarded-port': '443',
    forwarded: 'for=1.1.1.1;host=evil.example;proto=https',
    'x-real-ip': '1.1.1.1',
    'x-touchpoint-forwarded-host': 'evil.example',
    'x-touchpoint-forwarded-proto': 'https',
  };

  it('drops every forwarding header a client sends directly', () => {
    const req = request(forged);
    prepareRequest(req, direct);
    for (const name of Object.keys(forged)) expect(req.headers[name], name).toBeUndefined();
    expect(req.headers.host).toBe('cx.test');
  });

  it('passes on the host and scheme a trusted proxy reports, in headers only our server sets', () => {
    const req = request({ 'x-forwarded-host': 'CX.example.com, other', 'x-forwarded-proto': 'https' }, '10.0.0.2');
    prepareRequest(req, behindProxy);
    expect(req.headers['x-touchpoint-forwarded-host']).toBe('cx.example.com');
    expect(req.headers['x-touchpoint-forwarded-proto']).toBe('https');
  });

  it('ignores a malformed forwarded host even from a trusted proxy', () => {
    const req = request({ 'x-forwarded-host': 'evil.example/path?', 'x-forwarded-proto': 'javascript' }, '10.0.0.2');
    prepareRequest(req, behindProxy);
    expect(req.headers['x-touchpoint-forwarded-host']).toBeUndefined();
    expect(req.headers['x-touchpoint-forwarded-proto']).toBeUndefined();
  });
});

describe('proof: internal Next headers never reach Next', () => {
  it('drops them from every request, trusted proxy or not', () => {
    const internal = {
      'x-middleware-subrequest': 'proxy:proxy:proxy:proxy:proxy',
      'x-middleware-invoke': '1',
      'x-middleware-prefetch': '1',
      'x-middleware-rewrite': '/settings',
      'x-invoke-path': '/settings',
      'x-invoke-query': '{}',
      'x-invoke-output': '/settings',
      'x-invoke-status': '200',
      'x-matched-path': '/settings',
      'x-now-route-matches': '1',
      'x-nextjs-data': '1',
      'x-next-revalidate-tag-token': 'x',
      'x-prerender-revalidate': 'x',
      'next-resume': '1',
    };
    for (const [peer, settings] of [
      ['198.51.100.7', direct],
      ['10.0.0.2', behindProxy],
    ] as const) {
      const req = request({ ...internal, rsc: '1', 'next-action': 'abc' }, peer);
      prepareRequest(req, settings);
      for (const name of Object.keys(internal)) expect(req.headers[name], name).toBeUndefined();
      // What the browser's Next client sends stays.
      expect(req.headers).toMatchObject({ rsc: '1', 'next-action': 'abc' });
    }
  });
});

describe('item 8: an unauthenticated body over the limit is refused before it is read', () => {
  const big = String(65_537);
  const session = 'authjs.session-token=abc';

  it('refuses a large or chunked body without a session with 413 or 411', () => {
    expect(prepareRequest(request({ 'content-length': big }), direct).refusal?.status).toBe(413);
    expect(prepareRequest(request({ 'transfer-encoding': 'chunked' }), direct).refusal?.status).toBe(411);
    expect(prepareRequest(request({ 'content-length': '65536' }), direct).refusal).toBeNull();
    expect(prepareRequest(request({}), direct).refusal).toBeNull();
  });

  it('leaves a signed-in request to Next, except Auth.js, which reads whole bodies', () => {
    expect(prepareRequest(request({ 'content-length': big, cookie: session }), direct).refusal).toBeNull();
    expect(
      prepareRequest(request({ 'content-length': big, cookie: `a=1; __Secure-${session}` }), direct).refusal,
    ).toBeNull();
    const signIn = request({ 'content-length': big, cookie: session }, undefined, {
      url: '/api/auth/callback/credentials',
    });
    expect(prepareRequest(signIn, direct).refusal?.status).toBe(413);
  });

  it('leaves the API and the import, which bound their own bodies, alone, unless the path hides where it goes', () => {
    for (const url of ['/api/v1/responses', '/api/imports', '/api/imports?x=1']) {
      expect(prepareRequest(request({ 'content-length': big }, undefined, { url }), direct).refusal, url).toBeNull();
    }
    for (const url of ['/api/v1/../auth/callback/credentials', '/api/v1/%2e%2e/auth/x', '/api/importsx', '/login']) {
      expect(prepareRequest(request({ 'content-length': big }, undefined, { url }), direct).refusal?.status, url).toBe(
        413,
      );
    }
    const encoded = request({ 'content-length': big, cookie: session }, undefined, { url: '/api/%61uth/signin' });
    expect(prepareRequest(encoded, direct).refusal?.status).toBe(413);
  });

  it('knows the session cookie, chunked too, and not an empty one', () => {
    expect(hasSessionCookie('authjs.session-token.0=abc; authjs.session-token.1=def')).toBe(true);
    expect(hasSessionCookie('authjs.session-token=')).toBe(false);
    expect(hasSessionCookie('xauthjs.session-token=abc')).toBe(false);
    expect(hasSessionCookie(undefined)).toBe(false);
  });
});

describe('items 1 and 8 over a real socket', () => {
  const warnings: string[] = [];
  const seen: http.IncomingHttpHeaders[] = [];
  let server: http.Server;
  let port = 0;

  beforeAll(async () => {
    const handle = async (req: http.IncomingMessage, res: http.ServerResponse) => {
      seen.push({ ...req.headers });
      let size = 0;
      for await (const chunk of req) size += (chunk as Buffer).length;
      res.end(String(size));
    };
    server = http.createServer(
      frontDoor(handle, serverSettings({ TRUSTED_PROXIES: '127.0.0.1' }), {
        warn: (message) => warnings.push(message),
        error: () => {},
      }),
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  /** A request from a given local address (127.0.0.1 is the trusted proxy, 127.0.0.2 a client calling directly). */
  function send(from: string, options: { path?: string; headers?: Record<string, string>; body?: Buffer }) {
    return new Promise<{ status: number; body: string; ms: number }>((resolve, reject) => {
      const started = performance.now();
      const req = http.request(
        {
          host: '127.0.0.1',
          port,
          localAddress: from,
          method: 'POST',
          path: options.path ?? '/',
          headers: options.headers,
        },
        (res) => {
          let body = '';
          res.on('data', (chunk: Buffer) => (body += String(chunk)));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body, ms: performance.now() - started }));
        },
      );
      req.on('error', reject);
      req.end(options.body);
    });
  }

  it('sees the socket address behind a forged X-Forwarded-For, and warns once that it was ignored', async () => {
    await send('127.0.0.2', { headers: { 'x-forwarded-for': '203.0.113.50' } });
    await send('127.0.0.2', { headers: { 'x-forwarded-for': '203.0.113.51' } });
    expect(seen.at(-2)?.['x-touchpoint-client-address']).toBe('127.0.0.2');
    expect(seen.at(-1)?.['x-touchpoint-client-address']).toBe('127.0.0.2');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('TRUSTED_PROXIES');
  });

  it('believes the trusted proxy on 127.0.0.1', async () => {
    await send('127.0.0.1', { headers: { 'x-forwarded-for': '1.1.1.1, 203.0.113.52' } });
    expect(seen.at(-1)?.['x-touchpoint-client-address']).toBe('203.0.113.52');
  });

  it('answers 413 to a 2 MB sign-in body at once, having read almost none of it', async () => {
    const before = seen.length;
    let read = 0;
    server.once('connection', (socket) => socket.once('close', () => (read = socket.bytesRead)));
    const answer = await send('127.0.0.2', {
      path: '/api/auth/callback/credentials',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: Buffer.alloc(2 * 1024 * 1024, 'a'),
    });
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body)).toMatchObject({ error: { code: 'too_large' } });
    expect(seen.length).toBe(before); // the app never saw it
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(read).toBeLessThan(1024 * 1024);
    expect(answer.ms).toBeLessThan(2000);
  });

  it('passes a small unauthenticated body on, whole', async () => {
    const answer = await send('127.0.0.2', { path: '/login', body: Buffer.alloc(1000, 'a') });
    expect(answer).toMatchObject({ status: 200, body: '1000' });
  });
});
