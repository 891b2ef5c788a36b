// The server the e2e tests run against: the production build, served by our own server (scripts/server.mjs) as
// `npm start` does, on a fresh, throw-away data directory.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { root } from './build.mjs';

const dataDir = mkdtempSync(path.join(tmpdir(), 'touchpoint-e2e-'));
const env = {
  ...process.env,
  DATA_DIR: dataDir,
  PORT: process.env.E2E_PORT ?? '3100',
  HOSTNAME: '127.0.0.1',
  // The browser and Playwright's request come from 127.0.0.1, standing for a reverse proxy on this host: they may
  // say which client they forward (X-Forwarded-For, -Proto, -Host). A test that plays a client talking to the server
  // directly connects from another loopback address, 127.0.0.2, which is not trusted.
  TRUSTED_PROXIES: '127.0.0.1',
  // The tests create organizations of their own beside the demo one.
  SIGN_UP: 'open',
  NEXT_TELEMETRY_DISABLED: '1',
};
delete env.DATABASE_URL;
const server = spawn(process.execPath, [path.join(root, 'scripts', 'server.mjs')], {
  cwd: root,
  stdio: 'inherit',
  env,
});
const cleanUp = () => rmSync(dataDir, { recursive: true, force: true });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => {
  cleanUp();
  process.exit(code ?? 0);
});
