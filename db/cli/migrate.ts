// npm run db:migrate: applies the committed migrations (the app also does this at start).
import { openDatabase } from '@/db/client';
import { dataDir, env } from '@/lib/env';

const url = env().DATABASE_URL;
try {
  const open = await openDatabase(url ? { url } : { dir: dataDir() });
  await open.close();
  console.log(`Migrations applied (${open.kind}).`);
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
