// npm run db:seed [-- --reset | --remove]: seeds the demo into an empty database; --reset recreates it on purpose;
// --remove deletes the demo organization and its people (their passwords are public), and seeds nothing.
import { openDatabase } from '@/db/client';
import { demoLoginsText, isEmpty, removeDemo, seedDemo } from '@/db/seed';
import { PUBLIC_PASSWORDS_WARNING } from '@/db/start-up';
import { dataDir, env } from '@/lib/env';

const reset = process.argv.includes('--reset');
const remove = process.argv.includes('--remove');
const url = env().DATABASE_URL;
try {
  const open = await openDatabase(url ? { url } : { dir: dataDir() });
  try {
    if (remove) {
      await removeDemo(open.db);
      console.log('Removed the demo organization and the demo logins.');
    } else {
      if (reset) {
        await removeDemo(open.db);
      } else if (!(await isEmpty(open.db))) {
        console.log(
          'The database already has data; nothing seeded. Use `npm run db:seed -- --reset` to recreate the demo.',
        );
      }
      if (reset || (await isEmpty(open.db))) {
        await seedDemo(open.db);
        console.log(`Seeded the demo organization.\n${demoLoginsText()}\n${PUBLIC_PASSWORDS_WARNING}`);
      }
    }
  } finally {
    await open.close();
  }
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
