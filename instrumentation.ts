/**
 * Opens and migrates the database, and seeds the demo organization into an empty one, before serving; then starts the
 * worker that keeps the stored impact cards fresh and the hourly sender of the daily notification mails.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { startUp } = await import('./db/start-up');
  await startUp();
  const { startImpactWorker } = await import('./lib/impact-service/worker');
  startImpactWorker();
  (await import('./lib/notifications/mail-worker')).startDailyMailWorker();
}
