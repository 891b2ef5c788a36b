import { inArray, sql } from 'drizzle-orm';
import { env } from '@/lib/env';
import { type Database, type DatabaseKind, processDatabase } from './client';
import { users } from './schema';
import { demoLogins, demoLoginsText, isEmpty, seedDemo } from './seed';

/**
 * Whether an empty database gets the demo organization: the embedded one by default (a first look at the app), a
 * PostgreSQL server only when SEED_DEMO=true (a real deployment must not start with public passwords).
 */
export function wantsDemo(kind: DatabaseKind, setting: boolean | undefined): boolean {
  return setting ?? kind === 'pglite';
}

export const PUBLIC_PASSWORDS_WARNING =
  'These demo passwords are public: anyone who reaches this server can sign in with them. A server others can ' +
  'reach should not keep them: remove the demo with `npm run db:seed -- --remove`.';

/**
 * Seeds the demo into an empty database when `wantsDemo` says so, and returns what the start-up banner says about
 * it: the demo logins with the public-passwords warning whenever a demo login is there (seeded now or earlier).
 */
export async function prepareDemo(
  db: Database,
  kind: DatabaseKind,
  setting: boolean | undefined,
): Promise<{ seeded: boolean; banner: string | null }> {
  const seeded = wantsDemo(kind, setting) && (await isEmpty(db));
  if (seeded) await seedDemo(db);
  const [demo] = await db
    .select({ id: users.id })
    .from(users)
    .where(
      inArray(
        sql`lower(${users.email})`,
        demoLogins.map((login) => login.email),
      ),
    )
    .limit(1);
  return { seeded, banner: demo ? `${demoLoginsText()}\n${PUBLIC_PASSWORDS_WARNING}` : null };
}

/** Run once when the server starts: open and migrate the database, seed an empty one with the demo when wanted. */
export async function startUp() {
  try {
    const { db, kind } = await processDatabase();
    const { seeded, banner } = await prepareDemo(db, kind, env().SEED_DEMO);
    if (seeded) console.log('Seeded the demo organization "Bookshelf".');
    console.log(`Database ready (${kind}).`);
    if (banner) console.log(banner);
  } catch (error) {
    console.error(`\nTouchpoint cannot start: ${(error as Error).message}\n`);
    process.exit(1);
  }
}
