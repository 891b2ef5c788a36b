/**
 * Every command x every role x (own organization, other organization's ids): the outcome must be exactly
 * what the permission table says, and a refusal must leave both organizations untouched (plan items, their
 * touchpoints and requests included). The commands are found by importing every module of lib/commands, so a new
 * one fails here until it has a row (rows: ./permission-matrix/).
 */
import { describe, expect, it } from 'vitest';
import type { Command } from '@/lib/auth/command';
import { roles } from '@/lib/domain/permissions';
import { useTestDatabase } from '@/tests/fixtures/database';
import { auditEventsOf, snapshotOrganization } from '@/tests/fixtures/snapshots';
import { importModules, sourceFiles } from '@/tests/support/source-modules';
import { goalSpecs } from './permission-matrix/goal';
import { ideaSpecs } from './permission-matrix/ideas';
import { leverSpecs } from './permission-matrix/levers';
import { metricSpecs } from './permission-matrix/metrics';
import { notificationSpecs } from './permission-matrix/notifications';
import { planSpecs } from './permission-matrix/plans';
import { settingsSpecs } from './permission-matrix/settings';
import { expectedOutcome, type Fixtures, makeMatrixFixtures, type Spec, type Variant } from './permission-matrix/spec';
import { weeklySpecs } from './permission-matrix/weekly';

const specs: Record<string, Spec> = {
  ...settingsSpecs,
  ...planSpecs,
  ...goalSpecs,
  ...weeklySpecs,
  ...metricSpecs,
  ...ideaSpecs,
  ...notificationSpecs,
  ...leverSpecs,
};

/**
 * Functions exported from lib/commands that are not commands, and why. Everything else a module there exports
 * must be a command with a row above (or a plain value).
 */
const notCommands: Record<string, string> = {
  // Account commands run through the person and public wrappers instead (rows: permission-matrix-accounts.test.ts).
  'accounts.ts describeInvitation': 'reads an invitation for its page; changes nothing',
  // The streamed import of /api/imports, in steps; the command importResponses runs the same steps in one call.
  'imports.ts importStepsFor': 'a setting: how an import is cut into steps on each database',
  'imports.ts prepareImport': 'first step of importResponses (checks responses.import itself)',
  'imports.ts storeImport': 'second step of importResponses, after prepareImport',
  'imports.ts runImport': 'both steps of importResponses in one call',
};

function isCommand(value: unknown): value is Command<unknown> {
  return typeof value === 'object' && value !== null && 'execute' in value && 'permission' in value;
}

const commandModules = await importModules(
  sourceFiles('lib/commands', (file) => /^lib\/commands\/[^/]+\.ts$/.test(file) && !file.endsWith('.test.ts')),
);
const exported = new Map<string, Command<unknown>>();
const duplicates: string[] = [];
const otherFunctions: string[] = [];
for (const { file, exports } of commandModules) {
  for (const [name, value] of Object.entries(exports)) {
    if (isCommand(value)) {
      if (exported.has(name)) duplicates.push(name);
      exported.set(name, value);
    } else if (typeof value === 'function') {
      otherFunctions.push(`${file.slice('lib/commands/'.length)} ${name}`);
    }
  }
}

const db = useTestDatabase();
let fixtures: Fixtures | null = null;
let matrixCases = 0;
let unauthenticatedCases = 0;

/** Fixtures are reused across refusals (which change nothing, as asserted) and rebuilt after any allowed change. */
async function currentFixtures(): Promise<Fixtures> {
  fixtures ??= await makeMatrixFixtures(db);
  return fixtures;
}

describe('the matrix', () => {
  it('finds the commands of lib/commands', () => {
    expect(commandModules.length).toBeGreaterThan(0);
    expect(exported.size).toBeGreaterThan(0);
    expect(duplicates, `command names exported twice: ${duplicates.join(', ')}`).toEqual([]);
  });

  it('has a row for every exported command, and none for a command that no longer exists', () => {
    const missing = [...exported.keys()].filter((name) => !(name in specs));
    expect(missing, `commands with no row in the permission matrix: ${missing.join(', ')}`).toEqual([]);
    const stale = Object.keys(specs).filter((name) => !exported.has(name));
    expect(stale, `rows for commands that are not exported: ${stale.join(', ')}`).toEqual([]);
    const empty = Object.keys(specs).filter((name) => specs[name]!.own.length === 0);
    expect(empty, `rows without an own-organization input: ${empty.join(', ')}`).toEqual([]);
  });

  it('checks the permission each command declares', () => {
    const declared = Object.fromEntries([...exported].map(([name, command]) => [name, command.permission]));
    const expected = Object.fromEntries(Object.entries(specs).map(([name, spec]) => [name, spec.permission]));
    expect(declared).toEqual(expected);
  });

  it('knows every other function exported from lib/commands', () => {
    expect(
      otherFunctions.sort(),
      'functions of lib/commands that are neither commands nor listed in notCommands',
    ).toEqual(Object.keys(notCommands).sort());
  });
});

for (const [name, spec] of Object.entries(specs)) {
  const command = exported.get(name);
  if (!command) continue; // reported by 'has a row for every exported command'
  describe(name, () => {
    const scopes = [
      ...spec.own.map((variant) => ({ scope: 'own' as const, variant })),
      ...spec.other.map((variant) => ({ scope: 'other' as const, variant })),
    ];
    for (const role of roles) {
      for (const { scope, variant } of scopes) {
        const expected = expectedOutcome(command.permission, role, scope, variant);
        const outcome = expected.ok
          ? 'ok'
          : expected.refusal.code + ('field' in expected.refusal ? ` (${expected.refusal.field})` : '');
        const title = `${role}, ${scope} organization${variant.label ? ` (${variant.label})` : ''} -> ${outcome}`;

        it(title, async () => {
          matrixCases++;
          const f = await currentFixtures();
          const actor = f.own[role].actor;
          const input = variant.input(f, role);
          const before = {
            own: await snapshotOrganization(db, f.own.organizationId),
            other: await snapshotOrganization(db, f.other.organizationId),
          };

          const result = await command.execute(db, actor, input);
          if (result.ok) fixtures = null; // changed: the next case starts afresh

          expect(await snapshotOrganization(db, f.other.organizationId)).toBe(before.other);
          if (expected.ok) {
            expect(result).toMatchObject({ ok: true });
            const events = await auditEventsOf(db, f.own.organizationId);
            // One audit event by the actor; none for the few commands on the caller's own reading state.
            expect(events).toHaveLength(command.audited ? 1 : 0);
            if (command.audited)
              expect(events[0]).toMatchObject({ organizationId: f.own.organizationId, actorUserId: actor.userId });
            return;
          }
          expect(result.ok).toBe(false);
          if (result.ok) return;
          expect(result.code).toBe(expected.refusal.code);
          if ('field' in expected.refusal) expect(result.fieldErrors).toHaveProperty([expected.refusal.field]);
          if ('rows' in expected.refusal)
            expect(result).toMatchObject({ rowErrors: [{ row: 1, field: 'touchpoint' }] });
          expect(await snapshotOrganization(db, f.own.organizationId)).toBe(before.own);
        });
      }
    }

    it('refuses without a signed-in member', async () => {
      unauthenticatedCases++;
      const f = await currentFixtures();
      const input = (spec.own[0] as Variant).input(f, 'staff');
      const before = await snapshotOrganization(db, f.own.organizationId);
      const result = await command.execute(db, null, input);
      expect(result).toMatchObject({ ok: false, code: 'unauthenticated' });
      expect(await snapshotOrganization(db, f.own.organizationId)).toBe(before);
    });
  });
}

it('ran every case', () => {
  // Computed from the rows: each input of each command for each role, and each command once without a member.
  const covered = Object.entries(specs).filter(([name]) => exported.has(name));
  const inputs = covered.reduce((sum, [, spec]) => sum + spec.own.length + spec.other.length, 0);
  expect(matrixCases).toBe(inputs * roles.length);
  expect(unauthenticatedCases).toBe(covered.length);
});
