// npm run db:seed [-- --reset]: seeds the demo into an empty database; --reset recreates it on purpose.
import { openDatabase } from '@/db/client';
import { demoLoginsText, isEmpty, removeDemo, seedDemo } from '@/db/seed';
import { dataDir, env } from '@/lib/env';

const reset = process.argv.includes('--reset');
const url = env().DATABASE_URL;
try {
  const open = await openDatabase(url ? { url } : { dir: dataDir() });
  try {
    if (reset) {
      await removeDemo(open.db);
    } else if (!(await isEmpty(open.db))) {
      console.log(
        'The database already has data; nothing seeded. Use `npm run db:seed -- --reset` to recreate the demo.',
      );
      process.exitCode = 0;
    }
    if (reset || (await isEmpty(open.db))) {
      await seedDemo(open.db);
      console.log(`Seeded the demo organization.\n${demoLoginsText()}`);
    }
  } finally {
    await open.close();
  }
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
