#!/usr/bin/env node
// `npm start`: builds the app when the build is missing or older than the sources, then serves it with our own
// server (scripts/server.mjs). The server opens the database (embedded PGlite unless DATABASE_URL is set), migrates
// it and, when it is empty and embedded (or SEED_DEMO=true), seeds the demo organization and prints the demo logins.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { buildIfStale, root } from './build.mjs';

const status = buildIfStale();
if (status !== 0) process.exit(status);

const port = process.env.PORT ?? '3000';
console.log(`Starting Touchpoint on http://localhost:${port} …`);
const server = spawn(process.execPath, [path.join(root, 'scripts', 'server.mjs')], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, PORT: port, NEXT_TELEMETRY_DISABLED: '1' },
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
