// Builds the impact card thread (lib/impact-service/card-thread.ts) to one file beside the production build, so the
// server computes cards off its main thread. Run after `next build` (which empties the build folder).
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildSync } from 'esbuild';

const root = path.resolve(import.meta.dirname, '..');

/** Where the thread is built (lib/impact-service/cards-off-thread.ts cardThreadFile starts it from there). */
export const cardThreadPath = () => path.join(root, process.env.NEXT_DIST_DIR ?? '.next', 'impact-card-thread.cjs');

export function buildCardThread() {
  buildSync({
    absWorkingDir: root,
    entryPoints: ['lib/impact-service/card-thread.ts'],
    outfile: cardThreadPath(),
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    tsconfig: path.join(root, 'tsconfig.json'),
    logLevel: 'warning',
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) buildCardThread();
