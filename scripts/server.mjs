#!/usr/bin/env node
// The production server (`npm start`, the e2e server): Next's request handler behind a small Node server of our own,
// so the app learns the client's real address from the socket (lib/http/prepare-request.mjs decides what else
// reaches Next). Needs a build (`next build`, in NEXT_DIST_DIR when set).
//   PORT (3000), HOSTNAME (every address), TRUSTED_PROXIES (none), PUBLIC_BODY_LIMIT (65536 bytes): see README.
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { frontDoor, serverSettings } from '../lib/http/prepare-request.mjs';

// As `next start` does; before Next and React load, since they pick their production builds from it.
process.env.NODE_ENV = 'production';
process.env.NEXT_TELEMETRY_DISABLED ??= '1';

const root = path.resolve(import.meta.dirname, '..');
const port = Number(process.env.PORT || 3000);
// Docker (and some shells) export HOSTNAME as the machine's own name: that is no choice of address, so it means
// every address, as `next start` listens; any other value is the address to listen on.
const hostname = process.env.HOSTNAME && process.env.HOSTNAME !== os.hostname() ? process.env.HOSTNAME : undefined;

let settings;
try {
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT: "${process.env.PORT}" is no port`);
  settings = serverSettings(process.env);
} catch (error) {
  console.error(`\nTouchpoint cannot start: ${/** @type {Error} */ (error).message}\n`);
  process.exit(1);
}

const { default: next } = await import('next');
const app = next({ dev: false, dir: root, hostname: hostname ?? 'localhost', port });
// Before it answers the first request, Next runs instrumentation.ts: open and migrate the database, seed the demo;
// a failure there exits the process (as under `next start`).
await app.prepare();
const handle = app.getRequestHandler();

const server = http.createServer(
  frontDoor(handle, settings, {
    warn: (message) => console.warn(`Warning: ${message}`),
    error: (message, error) => console.error(message, error),
  }),
);
server.on('error', (error) => {
  console.error(`\nTouchpoint cannot listen on ${hostname ?? 'every address'}, port ${port}: ${error.message}\n`);
  process.exit(1);
});
server.listen(port, hostname, () => {
  const trusted = settings.trustedProxies.size;
  console.log(
    `Touchpoint is listening on http://${hostname ?? 'localhost'}:${port}` +
      (trusted ? ` (trusting X-Forwarded-For from ${trusted} proxy entr${trusted === 1 ? 'y' : 'ies'})` : ''),
  );
});

let stopping = false;
/**
 * Stops taking requests, lets those under way finish (10 s at most), then closes Next and the database.
 * @param {NodeJS.Signals} signal
 */
async function stop(signal) {
  if (stopping) return;
  stopping = true;
  console.log(`${signal}: finishing the requests under way, then stopping.`);
  setTimeout(() => {
    console.error('Requests still open after 10 s: stopping anyway.');
    process.exit(1);
  }, 10_000).unref();
  await new Promise((resolve) => {
    server.close(resolve);
    server.closeIdleConnections();
  });
  await app.close().catch((error) => console.error('Closing Next failed:', error));
  // The database db/client.ts opened for this process (the same globalThis): PGlite writes its files on close.
  const database = /** @type {{ __touchpointDatabase?: { opening: Promise<{ close(): Promise<void> }> } }} */ (
    globalThis
  ).__touchpointDatabase;
  if (database) {
    await database.opening
      .then((open) => open.close())
      .catch((error) => console.error('Closing the database failed:', error));
  }
  process.exit(0);
}
for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) process.on(signal, () => void stop(signal));
