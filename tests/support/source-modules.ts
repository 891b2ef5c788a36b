/**
 * Finds and imports source modules by where they live, so a test that covers "every command" or "every action"
 * picks up a new file without being edited.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repositoryRoot = fileURLToPath(new URL('../../', import.meta.url));

/** Paths (relative to the repository, with `/`) of the files under `folder` that `wanted` accepts, sorted. */
export function sourceFiles(folder: string, wanted: (relativePath: string) => boolean): string[] {
  return readdirSync(path.join(repositoryRoot, folder), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(repositoryRoot, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .filter(wanted)
    .sort();
}

export interface SourceModule {
  /** Relative to the repository, e.g. `lib/commands/goal.ts`. */
  file: string;
  exports: Record<string, unknown>;
}

export async function importModules(files: string[]): Promise<SourceModule[]> {
  return Promise.all(
    files.map(async (file) => ({
      file,
      exports: (await import(/* @vite-ignore */ path.join(repositoryRoot, file))) as Record<string, unknown>,
    })),
  );
}
