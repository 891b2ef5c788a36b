#!/usr/bin/env node
// `npm test`: every test. Lint, format check, type check, unit and integration tests (Vitest), then end-to-end tests (Playwright)
// over a production build in Debian's Chromium. Prints a summary line "N passed, N failed".
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { buildIfStale, root } from './build.mjs';

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const results = path.join(root, 'test-results');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const run = (cmd, args, env = {}) =>
  spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } }).status ?? 1;

function ensureChromium() {
  if (existsSync(chromium)) return true;
  const command = 'apt-get install -y chromium';
  if (process.getuid?.() !== 0) {
    console.error(
      `\nThe end-to-end tests need Debian's Chromium at ${chromium}, and it is not installed.\nRun:\n\n  sudo ${command}\n\nthen run \`npm test\` again.`,
    );
    return false;
  }
  console.log(`Chromium is missing: installing Debian's package (${command})…`);
  if (run('apt-get', ['install', '-y', 'chromium']) !== 0) {
    run('apt-get', ['update']);
    run('apt-get', ['install', '-y', 'chromium']);
  }
  return existsSync(chromium);
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

rmSync(results, { recursive: true, force: true });
mkdirSync(results, { recursive: true });
if (!ensureChromium()) process.exit(1);

const steps = [];
const report = () =>
  console.log(`\n${steps.map(([name, status]) => `${name}: ${status === 0 ? 'ok' : 'FAILED'}`).join(' · ')}`);

// The gates first: a lint error (layer boundaries included), a catalog key that is missing or unused, a formatting
// error or a type error fails the run before any test runs, and counts as a failure.
steps.push(['lint', run(bin('eslint'), ['.'])]);
steps.push(['message catalog', run(process.execPath, [path.join(root, 'scripts', 'check-messages.mjs')])]);
steps.push(['format', run(bin('prettier'), ['--check', '--log-level', 'warn', '.'])]);
steps.push(['typecheck', run(bin('tsc'), ['--noEmit'])]);
const failedGates = steps.filter(([, status]) => status !== 0).length;
if (failedGates > 0) {
  report();
  console.log(`0 passed, ${failedGates} failed (fix the gates above; \`npm run lint\`, \`npm run format\`)`);
  process.exit(1);
}

steps.push([
  'unit + integration',
  run(bin('vitest'), [
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${path.join(results, 'vitest.json')}`,
  ]),
]);
const built = buildIfStale();
steps.push(['build', built]);
if (built === 0) steps.push(['e2e', run(bin('playwright'), ['test'])]);

const vitest = readJson(path.join(results, 'vitest.json'));
const playwright = readJson(path.join(results, 'playwright.json'));
const passed = (vitest?.numPassedTests ?? 0) + (playwright?.stats?.expected ?? 0);
const failed = (vitest?.numFailedTests ?? 0) + (playwright?.stats?.unexpected ?? 0) + (playwright?.stats?.flaky ?? 0);
const brokenSteps = steps.filter(([, status]) => status !== 0).map(([name]) => name);
report();
console.log(`${passed} passed, ${failed} failed`);
process.exit(brokenSteps.length > 0 || failed > 0 ? 1 : 0);
