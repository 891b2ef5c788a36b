/**
 * The database client, the queries and the commands are server code: each starts with `import 'server-only'`, so a
 * client bundle that reached one would fail the build instead of shipping database code to a browser. Files are
 * found by walking the folders, so a new query or command file is checked without editing this test.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repositoryRoot, sourceFiles } from '@/tests/support/source-modules';

const serverFiles = [
  'db/client.ts',
  ...sourceFiles('db/queries', (file) => file.endsWith('.ts')),
  ...sourceFiles('lib/commands', (file) => file.endsWith('.ts') && !file.endsWith('.test.ts')),
];

describe('server-only modules', () => {
  it('finds the client, the queries and the commands', () => {
    expect(serverFiles).toContain('db/queries/weekly.ts');
    expect(serverFiles).toContain('lib/commands/goal.ts');
  });

  it.each(serverFiles)('%s starts with import "server-only"', (file) => {
    const firstLine = readFileSync(path.join(repositoryRoot, file), 'utf8').split('\n')[0];
    expect(firstLine).toBe("import 'server-only';");
  });
});
