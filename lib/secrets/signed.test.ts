import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { deviceToken, readUnsubscribeToken, unsubscribeToken } from './signed';

const organizationId = '0b7e5c1a-4d2f-4a8b-9c3d-1e2f3a4b5c6d';
const userId = '9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a';
const otherUserId = '1a2b3c4d-5e6f-4718-9a0b-1c2d3e4f5a6b';

beforeEach(() => {
  vi.stubEnv('AUTH_SECRET', 'a test secret of enough length');
});
afterEach(() => {
  vi.unstubAllEnvs();
});

describe('the unsubscribe token', () => {
  it('names the organization and the person it was made for', () => {
    expect(readUnsubscribeToken(unsubscribeToken(organizationId, userId))).toEqual({ organizationId, userId });
  });

  it('is refused when its names were changed', () => {
    const token = unsubscribeToken(organizationId, userId);
    expect(readUnsubscribeToken(token.replace(userId, otherUserId))).toBeNull();
    expect(readUnsubscribeToken(token.replace(organizationId, otherUserId))).toBeNull();
  });

  it('is refused when its signature was changed or cut', () => {
    const token = unsubscribeToken(organizationId, userId);
    const last = token.at(-1) === 'A' ? 'B' : 'A';
    expect(readUnsubscribeToken(`${token.slice(0, -1)}${last}`)).toBeNull();
    expect(readUnsubscribeToken(token.slice(0, -3))).toBeNull();
    expect(readUnsubscribeToken(`${organizationId}.${userId}`)).toBeNull();
    expect(readUnsubscribeToken('')).toBeNull();
    expect(readUnsubscribeToken('garbage')).toBeNull();
  });

  it('is refused when signed for another purpose, or with another secret', () => {
    // A device cookie signs the same shape of payload: its signature must not open the unsubscribe link.
    expect(readUnsubscribeToken(deviceToken(organizationId, userId))).toBeNull();
    const token = unsubscribeToken(organizationId, userId);
    vi.stubEnv('AUTH_SECRET', 'another secret of enough length');
    expect(readUnsubscribeToken(token)).toBeNull();
  });
});
