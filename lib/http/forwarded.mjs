// @ts-check
// Who the client is, from the socket and X-Forwarded-For, believing only the proxies in TRUSTED_PROXIES. Plain
// JavaScript because scripts/server.mjs runs it with plain node before Next starts; forwarded.d.mts types it.
import { BlockList, isIP } from 'node:net';

/** The header our server sets to the client's address (the app reads it in lib/http/client-address.ts). */
export const CLIENT_ADDRESS_HEADER = 'x-touchpoint-client-address';
/** The public host and scheme a trusted proxy reported; absent when the peer is not a trusted proxy. */
export const FORWARDED_HOST_HEADER = 'x-touchpoint-forwarded-host';
export const FORWARDED_PROTO_HEADER = 'x-touchpoint-forwarded-proto';

/** Set on globalThis by our server: Next runs in its process, so the app can tell it stands behind it. */
const FRONT_DOOR = Symbol.for('touchpoint.front-door');

/** Marks this process as served by our server (lib/http/prepare-request.mjs frontDoor). */
export function markFrontDoor() {
  /** @type {Record<symbol, unknown>} */ (/** @type {unknown} */ (globalThis))[FRONT_DOOR] = true;
}

/**
 * Whether our server prepares every request of this process. Without it (`next dev`, a bare `next start`) nobody
 * removes a client's copy of our headers, so the app must not believe them.
 * @returns {boolean}
 */
export function behindFrontDoor() {
  return /** @type {Record<symbol, unknown>} */ (/** @type {unknown} */ (globalThis))[FRONT_DOOR] === true;
}

const MAPPED_IPV4 = /^::ffff:(\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3})$/i;

/**
 * An address as one canonical string: `::ffff:1.2.3.4` becomes `1.2.3.4`, brackets and a port (`[::1]:443`,
 * `1.2.3.4:80`, as some proxies write them) are dropped, IPv6 is lower case. Null when it is no address.
 * @param {string | undefined | null} text
 * @returns {string | null}
 */
export function normaliseAddress(text) {
  let value = (text ?? '').trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(value);
  if (bracketed?.[1]) value = bracketed[1];
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(value)) value = value.slice(0, value.lastIndexOf(':'));
  value = value.toLowerCase();
  const mapped = MAPPED_IPV4.exec(value);
  if (mapped?.[1]) value = mapped[1];
  return isIP(value) ? value : null;
}

/** @param {string} address an address normaliseAddress returned */
function familyOf(address) {
  return isIP(address) === 4 ? 'ipv4' : 'ipv6';
}

/**
 * @typedef {object} TrustedProxies
 * @property {(address: string | null) => boolean} has whether this (normalised) address is a trusted proxy
 * @property {number} size how many entries the setting lists
 */

/**
 * TRUSTED_PROXIES: addresses or CIDRs (IPv4 or IPv6) separated by commas; empty trusts nobody.
 * @param {string | undefined} text
 * @returns {TrustedProxies}
 * @throws {Error} naming the first entry that is not an address or a CIDR
 */
export function parseTrustedProxies(text) {
  const list = new BlockList();
  const entries = (text ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  for (const entry of entries) {
    const [rawAddress, rawBits, ...rest] = entry.split('/');
    const written = rawAddress?.trim() ?? '';
    const wasMapped = MAPPED_IPV4.test(written);
    const address = isIP(written) ? normaliseAddress(written) : null;
    const family = address ? familyOf(address) : null;
    let bits = rawBits === undefined ? undefined : /^\d{1,3}$/.test(rawBits.trim()) ? Number(rawBits) : NaN;
    // ::ffff:10.0.0.0/104 means 10.0.0.0/8 once mapped addresses are written as IPv4.
    if (bits !== undefined && wasMapped) bits -= 96;
    const max = family === 'ipv4' ? 32 : 128;
    if (!address || !family || rest.length > 0 || (bits !== undefined && !(bits >= 0 && bits <= max))) {
      throw new Error(`TRUSTED_PROXIES: "${entry}" is not an address or a CIDR such as 10.0.0.0/8 or fd00::/8`);
    }
    if (bits === undefined) list.addAddress(address, family);
    else list.addSubnet(address, bits, family);
  }
  return {
    has: (address) => address !== null && list.check(address, familyOf(address)),
    size: entries.length,
  };
}

/**
 * The client's address: the socket's peer, unless the peer is a trusted proxy; then the right-most
 * X-Forwarded-For entry that is not a trusted proxy (entries further left were written by whoever sent the
 * request to our proxies, so they prove nothing). When every hop is trusted, the left-most of them. An entry that
 * is no address ends the walk at the hop before it, the last one we can vouch for.
 * @param {{ peer: string | undefined, forwardedFor: string | string[] | undefined, trusted: TrustedProxies }} request
 * @returns {string}
 */
export function resolveClientAddress({ peer, forwardedFor, trusted }) {
  let address = normaliseAddress(peer);
  if (!address) return 'unknown';
  if (!trusted.has(address) || forwardedFor === undefined) return address;
  const hops = (Array.isArray(forwardedFor) ? forwardedFor.join(',') : forwardedFor).split(',');
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = normaliseAddress(hops[i]);
    if (!hop) return address;
    address = hop;
    if (!trusted.has(hop)) return hop;
  }
  return address;
}
