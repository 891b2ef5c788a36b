/**
 * Every server action goes through a command wrapper: each export of every `app/**\/actions.ts` and
 * `app/**\/*-actions.ts` calls `runAsMember`, `runAsPerson` or `runPublic` once with a command of lib/commands (so
 * the permission matrix covers it). The files are found by walking app/, so a new one is checked without editing
 * this test. Nothing reaches a database or a session here: the wrappers are spies that refuse, and the modules around
 * Next are stand-ins.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Command } from '@/lib/auth/command';
import type { ActionResult } from '@/lib/auth/errors';
import { importModules, sourceFiles } from '@/tests/support/source-modules';

const refused: ActionResult<never> = { ok: false, code: 'forbidden', message: { key: 'errors.forbidden' } };
const runners = vi.hoisted(() => ({ runAsMember: vi.fn(), runAsPerson: vi.fn(), runPublic: vi.fn() }));

vi.mock('@/lib/auth/run', () => runners);
// No database: anything that asks for one is refused (and the exempt actions below may ask).
vi.mock('@/db/client', async (importOriginal) => ({
  ...(await importOriginal<object>()),
  getDb: () => Promise.reject(new Error('no database in this test')),
  processDatabase: () => Promise.reject(new Error('no database in this test')),
}));
// Nobody is signed in, and signing in or out does nothing.
vi.mock('@/lib/auth/session', async (importOriginal) => ({
  ...(await importOriginal<object>()),
  currentUser: async () => null,
  currentMember: async () => null,
  rememberOrganization: async () => {},
}));
// Auth.js does not load outside Next; lib/auth/auth.ts gets a stand-in that signs nobody in.
vi.mock('next-auth', () => ({
  default: () => ({ handlers: {}, auth: async () => null, signIn: async () => {}, signOut: async () => {} }),
  CredentialsSignin: class CredentialsSignin extends Error {},
  AuthError: class AuthError extends Error {},
}));
vi.mock('next-auth/providers/credentials', () => ({
  default: (options: object) => ({ id: 'credentials', ...options }),
}));
vi.mock('next/headers', () => ({
  headers: async () => new Headers(),
  cookies: async () => ({ get: () => undefined, set: () => {}, delete: () => {} }),
}));
vi.mock('next/cache', () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));

const actionFiles = sourceFiles('app', (file) => /(^|\/)(actions|[^/]+-actions)\.ts$/.test(file));
const actionModules = await importModules(actionFiles);
const commands = new Set(
  (await importModules(sourceFiles('lib/commands', (file) => /^lib\/commands\/[^/]+\.ts$/.test(file))))
    .flatMap(({ exports }) => Object.values(exports))
    .filter((value) => typeof value === 'object' && value !== null && 'execute' in value),
);

/** What a form would post: a few fields the actions read. */
function formInput() {
  const form = new FormData();
  form.set('redirectTo', '/');
  form.set('organizationId', '00000000-0000-4000-8000-000000000000');
  form.set('name', 'Support');
  return form;
}

beforeEach(() => {
  for (const run of Object.values(runners)) {
    run.mockReset();
    run.mockResolvedValue(refused);
  }
});

it('finds the action files', () => {
  expect(actionFiles).toEqual(expect.arrayContaining(['app/(auth)/actions.ts', 'app/(app)/profile/actions.ts']));
});

for (const { file, exports } of actionModules) {
  describe(file, () => {
    for (const [name, action] of Object.entries(exports)) {
      it(`${name} runs one command of lib/commands through a wrapper`, async () => {
        expect(action, `${file} exports ${name}, which is not a function`).toBeTypeOf('function');
        let result: unknown;
        try {
          result = await (action as (input: unknown) => Promise<unknown>)(formInput());
        } catch (error) {
          // Actions that end in a redirect (sign-out, switching organization) throw Next's redirect.
          result = error;
        }
        const calls = Object.entries(runners).flatMap(([runner, run]) =>
          run.mock.calls.map((call) => ({ runner, call })),
        );
        expect(
          calls.map((c) => c.runner),
          `${name} does not go through exactly one wrapper`,
        ).toHaveLength(1);
        const command = calls[0]!.call[0] as Command<unknown>;
        expect(command).toMatchObject({ execute: expect.any(Function) });
        expect(commands.has(command), `${name} runs a command that lib/commands does not export`).toBe(true);
        // Form actions (sign-out, switching organization) answer with a page, not a result.
        if (result !== undefined && !(result instanceof Error)) {
          expect(result, `${name} does not pass the refusal on`).toEqual(refused);
        }
      });
    }
  });
}
