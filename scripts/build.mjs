// Builds the production app when the build is missing or older than the sources. Used by `npm start` and `npm test`.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { buildCardThread, cardThreadPath } from './build-card-thread.mjs';

export const root = path.resolve(import.meta.dirname, '..');
export const nextBin = path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next');
const buildId = path.join(root, process.env.NEXT_DIST_DIR ?? '.next', 'BUILD_ID');
const sources = [
  'app',
  'components',
  'lib',
  'db',
  'messages',
  'instrumentation.ts',
  'instrumentation-client.ts',
  'proxy.ts',
  'next.config.js',
  'postcss.config.mjs',
  'package.json',
];

function newestChange(entry) {
  const full = path.join(root, entry);
  if (!existsSync(full)) return 0;
  const stat = statSync(full);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(full).reduce(
    (newest, name) => Math.max(newest, newestChange(path.join(entry, name))),
    stat.mtimeMs,
  );
}

export function buildIfStale() {
  const stale =
    !existsSync(buildId) ||
    !existsSync(cardThreadPath()) ||
    sources.some((s) => newestChange(s) > statSync(buildId).mtimeMs);
  if (!stale) return 0;
  console.log('Building Touchpoint (first run, or the sources changed)…');
  const build = spawnSync(process.execPath, [nextBin, 'build'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
  });
  if (build.status !== 0) return build.status ?? 1;
  buildCardThread();
  return 0;
}
