import { processDatabase } from './client';
import { demoLoginsText, isEmpty, seedDemo } from './seed';

/** Run once when the server starts: open and migrate the database, seed an empty one with the demo. */
export async function startUp() {
  try {
    const { db, kind } = await processDatabase();
    if (process.env.SEED_DEMO !== 'false' && (await isEmpty(db))) {
      await seedDemo(db);
      console.log('Seeded the demo organization "Bookshelf".');
    }
    console.log(`Database ready (${kind}).`);
    if (process.env.SEED_DEMO !== 'false') console.log(demoLoginsText());
  } catch (error) {
    console.error(`\nTouchpoint cannot start: ${(error as Error).message}\n`);
    process.exit(1);
  }
}
