/** Opens and migrates the database, and seeds the demo organization into an empty one, before serving. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { startUp } = await import('./db/start-up');
  await startUp();
}
