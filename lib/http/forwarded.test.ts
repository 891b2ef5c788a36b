import { describe, expect, it } from 'vitest';
import { clientAddress } from './client-address';
import {
  CLIENT_ADDRESS_HEADER,
  markFrontDoor,
  normaliseAddress,
  parseTrustedProxies,
  resolveClientAddress,
} from './forwarded.mjs';

const none = parseTrustedProxies('');
const proxies = parseTrustedProxies('10.0.0.0/8, 192.168.1.10, fd00::/8, ::1');

describe('item 1: the real client address', () => {
  it('the app believes the header only in a process our server prepares (not under next dev or next start)', () => {
    const headers = new Headers({ [CLIENT_ADDRESS_HEADER]: '203.0.113.5' });
    delete (globalThis as Record<symbol, unknown>)[Symbol.for('touchpoint.front-door')];
    expect(clientAddress(headers)).toBe('unknown');
    markFrontDoor();
    expect(clientAddress(headers)).toBe('203.0.113.5');
    expect(clientAddress(new Headers())).toBe('unknown');
  });

  it('is the socket peer when nobody is trusted, whatever X-Forwarded-For says', () => {
    expect(resolveClientAddress({ peer: '198.51.100.7', forwardedFor: '203.0.113.1', trusted: none })).toBe(
      '198.51.100.7',
    );
    expect(resolveClientAddress({ peer: '::ffff:198.51.100.7', forwardedFor: undefined, trusted: none })).toBe(
      '198.51.100.7',
    );
  });

  it('is the right-most X-Forwarded-For entry that is not a trusted proxy', () => {
    // The client forged 1.1.1.1; our proxy appended the address it saw, 198.51.100.7; an inner proxy appended 10.1.2.3.
    const forwardedFor = '1.1.1.1, 198.51.100.7, 10.1.2.3';
    expect(resolveClientAddress({ peer: '10.0.0.5', forwardedFor, trusted: proxies })).toBe('198.51.100.7');
    expect(
      resolveClientAddress({ peer: '::ffff:10.0.0.5', forwardedFor: ['1.1.1.1', '198.51.100.7'], trusted: proxies }),
    ).toBe('198.51.100.7');
    expect(resolveClientAddress({ peer: '::1', forwardedFor: '2001:DB8::7', trusted: proxies })).toBe('2001:db8::7');
  });

  it('ignores X-Forwarded-For from a peer that is not in the list', () => {
    expect(resolveClientAddress({ peer: '172.16.0.1', forwardedFor: '1.1.1.1', trusted: proxies })).toBe('172.16.0.1');
  });

  it('stops at the last hop it can vouch for when an entry is no address, or every hop is trusted', () => {
    expect(resolveClientAddress({ peer: '10.0.0.5', forwardedFor: 'unknown, 10.9.9.9', trusted: proxies })).toBe(
      '10.9.9.9',
    );
    expect(resolveClientAddress({ peer: '10.0.0.5', forwardedFor: '', trusted: proxies })).toBe('10.0.0.5');
    expect(resolveClientAddress({ peer: '10.0.0.5', forwardedFor: '192.168.1.10', trusted: proxies })).toBe(
      '192.168.1.10',
    );
    expect(resolveClientAddress({ peer: undefined, forwardedFor: '1.1.1.1', trusted: proxies })).toBe('unknown');
  });

  it('writes addresses one way: IPv4-mapped IPv6 as IPv4, no brackets or ports, lower case', () => {
    expect(normaliseAddress('::FFFF:192.0.2.1')).toBe('192.0.2.1');
    expect(normaliseAddress('[2001:db8::1]:443')).toBe('2001:db8::1');
    expect(normaliseAddress(' 192.0.2.1:8080 ')).toBe('192.0.2.1');
    expect(normaliseAddress('2001:DB8::1')).toBe('2001:db8::1');
    expect(normaliseAddress('evil.example')).toBeNull();
    expect(normaliseAddress('')).toBeNull();
  });

  it('reads TRUSTED_PROXIES as addresses and CIDRs, IPv4 and IPv6, and names a bad entry', () => {
    expect(proxies.size).toBe(4);
    expect(proxies.has('10.200.3.4')).toBe(true);
    expect(proxies.has('11.0.0.1')).toBe(false);
    expect(proxies.has('192.168.1.10')).toBe(true);
    expect(proxies.has('192.168.1.11')).toBe(false);
    expect(proxies.has('fd12::1')).toBe(true);
    expect(proxies.has('::1')).toBe(true);
    expect(proxies.has(null)).toBe(false);
    expect(parseTrustedProxies('::ffff:10.0.0.0/104').has('10.4.5.6')).toBe(true);
    expect(none.size).toBe(0);
    for (const bad of ['10.0.0.0/33', 'proxy.internal', '10.0.0.1:80', '10.0.0.0/8/1', 'fd00::/129']) {
      expect(() => parseTrustedProxies(`127.0.0.1, ${bad}`), bad).toThrow(`"${bad}"`);
    }
  });
});
