/** Sign-in throttling as stored in the database (db/queries/throttle.ts). */
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { clearAttempts, countAttempt, lockedMinutes } from '@/db/queries/throttle';
import { throttles } from '@/db/schema';
import { useTestDatabase } from '@/tests/fixtures/database';
import { accountPolicy, addressPolicy } from '@/lib/domain/sign-in';

const db = useTestDatabase();

const t0 = new Date('2030-06-01T08:00:00.000Z');
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);
const fail = async (key: string, times: number, when = t0) => {
  for (let i = 0; i < times; i++) await countAttempt(db, key, accountPolicy, when);
};
const stored = async (key: string) => (await db.select().from(throttles).where(eq(throttles.key, key)))[0];

describe('account throttling', () => {
  it('does not lock after 4 failures', async () => {
    await fail('account:ann@example.test', 4);
    expect(await lockedMinutes(db, ['account:ann@example.test'], t0)).toBe(0);
    expect(await stored('account:ann@example.test')).toMatchObject({ attempts: 4, lockedUntil: null });
  });

  it('locks the key at the 5th failure for 15 minutes', async () => {
    await fail('account:ann@example.test', 1);
    expect(await stored('account:ann@example.test')).toMatchObject({
      attempts: 5,
      windowStartedAt: t0,
      lockedUntil: at(15),
    });
    expect(await lockedMinutes(db, ['account:ann@example.test'], t0)).toBe(15);
    expect(await lockedMinutes(db, ['account:ann@example.test'], at(7.5))).toBe(8);
    expect(await lockedMinutes(db, ['account:ann@example.test'], at(15))).toBe(0);
  });

  it('locks only that key; with several keys the longest lock counts', async () => {
    expect(await lockedMinutes(db, ['account:bob@example.test'], t0)).toBe(0);
    await fail('account:bob@example.test', 5, at(5));
    expect(
      await lockedMinutes(db, ['account:ann@example.test', 'account:bob@example.test', 'address:203.0.113.9'], at(6)),
    ).toBe(14);
    expect(await lockedMinutes(db, [], t0)).toBe(0);
  });

  it('clearAttempts unlocks the key and starts the count over', async () => {
    await clearAttempts(db, 'account:ann@example.test');
    expect(await stored('account:ann@example.test')).toBeUndefined();
    expect(await lockedMinutes(db, ['account:ann@example.test'], t0)).toBe(0);
    await fail('account:ann@example.test', 4);
    expect(await lockedMinutes(db, ['account:ann@example.test'], t0)).toBe(0);
    expect(await lockedMinutes(db, ['account:bob@example.test'], at(6))).toBe(14); // another key is untouched
  });

  it('forgets failures once the window has passed', async () => {
    await fail('account:cy@example.test', 4, t0);
    await fail('account:cy@example.test', 1, at(15));
    expect(await stored('account:cy@example.test')).toMatchObject({
      attempts: 1,
      windowStartedAt: at(15),
      lockedUntil: null,
    });
    expect(await lockedMinutes(db, ['account:cy@example.test'], at(15))).toBe(0);
  });

  it('allows an address more failures than an account', async () => {
    for (let i = 0; i < 19; i++) await countAttempt(db, 'address:198.51.100.7', addressPolicy, t0);
    expect(await lockedMinutes(db, ['address:198.51.100.7'], t0)).toBe(0);
    await countAttempt(db, 'address:198.51.100.7', addressPolicy, t0);
    expect(await lockedMinutes(db, ['address:198.51.100.7'], t0)).toBe(15);
  });

  // Parallel guesses must all count (the row is locked while updated). PGlite runs one query at a time, so
  // only PostgreSQL can show a lost update.
  (process.env.TEST_DATABASE_URL ? it : it.skip)('counts concurrent failures (PostgreSQL)', async () => {
    const keys = ['a', 'b', 'c', 'd', 'e'].map((k) => `account:parallel-${k}@example.test`);
    for (const key of keys)
      await Promise.all(Array.from({ length: 5 }, () => countAttempt(db, key, accountPolicy, t0)));
    expect(await Promise.all(keys.map(async (key) => (await stored(key))?.attempts))).toEqual([5, 5, 5, 5, 5]);
  });
});
