import { expect } from 'vitest';
import type { Database } from '@/db/client';
import { withNewAuditEvents } from '@/tests/fixtures/snapshots';
import type { Actor, Command } from '@/lib/auth/command';
import type { ActionResult } from '@/lib/auth/errors';

/**
 * A runner that executes a command and checks its audit trail: one event by the actor when it succeeds
 * (with the given action name and entity type, if any), none when it is refused. `database` is read at call time.
 */
export function auditedRun(database: () => Database, expected: { entityType?: string } = {}) {
  return async function run<T>(
    command: Command<T>,
    actor: Actor,
    input: unknown,
    action?: string,
  ): Promise<ActionResult<T>> {
    const db = database();
    const { result, events } = await withNewAuditEvents(db, actor.organizationId, () =>
      command.execute(db, actor, input),
    );
    if (result.ok) {
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({ actorUserId: actor.userId, organizationId: actor.organizationId, ...expected });
      if (action) expect(events[0]!.action).toBe(action);
    } else {
      expect(events).toHaveLength(0);
    }
    return result;
  };
}

/** The data of a successful result; a refusal fails the test with the whole result in the message. */
export function dataOf<T>(result: ActionResult<T>): T {
  if (!result.ok) throw new Error(`expected success, got ${JSON.stringify(result)}`);
  return result.data;
}
