import { describe, expect, it } from 'vitest';
import { safeNext } from './safe-next';

describe('item 6: ?next= after sign-in accepts only a path on this site', () => {
  it.each([
    '//evil.example',
    '/\\evil.example',
    '\\\\evil.example',
    '/%09/evil.example',
    '/%5Cevil.example',
    '/%2F/evil.example',
    '/\t/evil.example',
    '/\n/evil.example',
    'https://evil.example',
    'http:evil.example',
    'javascript:alert(1)',
    ' /goal',
    'goal',
    '',
  ])('refuses %j', (next) => {
    expect(safeNext(next)).toBe('/');
  });

  it.each(['/', '/goal', '/weekly?week=2026-11-30', '/plans/abc#item-3', '/invite/org.token-_x', '/touchpoints/a%20b'])(
    'keeps %j',
    (next) => {
      expect(safeNext(next)).toBe(next);
    },
  );

  it('refuses what is missing or malformed', () => {
    expect(safeNext(undefined)).toBe('/');
    expect(safeNext('/%E0%A4%A')).toBe('/');
    expect(safeNext(`/${'a'.repeat(3000)}`)).toBe('/');
  });
});
