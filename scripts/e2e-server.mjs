// The server the e2e tests run against: the production build on a fresh, throw-away data directory.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { nextBin, root } from './build.mjs';

const dataDir = mkdtempSync(path.join(tmpdir(), 'touchpoint-e2e-'));
const env = { ...process.env, DATA_DIR: dataDir, NEXT_TELEMETRY_DISABLED: '1' };
delete env.DATABASE_URL;
const server = spawn(process.execPath, [nextBin, 'start', '-p', process.env.E2E_PORT ?? '3100'], {
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
