#!/usr/bin/env node
// `npm start`: builds the app when the build is missing or older than the sources, then serves it.
// The server itself opens the database (embedded PGlite unless DATABASE_URL is set), migrates it and,
// when it is empty, seeds the demo organization and prints the demo logins.
import { spawnSync, spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const next = path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next');
const buildId = path.join(root, '.next', 'BUILD_ID');
const sources = ['app', 'components', 'lib', 'db', 'messages', 'instrumentation.ts', 'next.config.js', 'package.json'];

function newestChange(entry) {
  const full = path.join(root, entry);
  if (!existsSync(full)) return 0;
  const stat = statSync(full);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(full).reduce((newest, name) => Math.max(newest, newestChange(path.join(entry, name))), stat.mtimeMs);
}

const stale = !existsSync(buildId) || sources.some((s) => newestChange(s) > statSync(buildId).mtimeMs);
if (stale) {
  console.log('Building Touchpoint (first start, or the sources changed)…');
  const build = spawnSync(process.execPath, [next, 'build'], { cwd: root, stdio: 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const port = process.env.PORT ?? '3000';
console.log(`Starting Touchpoint on http://localhost:${port} …`);
const server = spawn(process.execPath, [next, 'start', '-p', port], {
  cwd: root, stdio: 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
