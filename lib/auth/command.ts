import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { Database } from '@/db/client';
import { type AuditEntry, recordAudit } from '@/db/queries/audit';
import {
  type Actor as PermissionActor,
  can,
  type Permission,
  permissionTable,
  type Target,
} from '@/lib/domain/permissions';
import { fieldErrorsOf } from '@/lib/validation/messages';
import { ActionError, type ActionResult } from './errors';

/** The signed-in member on whose behalf a command runs, as read from the database on this request. */
export interface Actor extends PermissionActor {
  userId: string;
  organizationId: string;
}

export interface CommandContext<Input, Resource> {
  tx: Database;
  actor: Actor;
  input: Input;
  resource: Resource;
  /** Records an audit event in the same transaction as the change. */
  audit: (entry: AuditEntry) => void;
}

interface CommandSpec<Schema extends z.ZodType, Resource, Result> {
  permission: Permission;
  input: Schema;
  /** Loads what the command acts on, scoped to the caller's organization; null means "not found". */
  load: (tx: Database, organizationId: string, input: z.output<Schema>) => Promise<Resource | null>;
  /** The department the resource belongs to, for "own department" rules. */
  target?: (resource: Resource, input: z.output<Schema>) => Target;
  run: (ctx: CommandContext<z.output<Schema>, Resource>) => Promise<Result>;
  /**
   * False for a command that changes only the caller's own reading state (marking their notifications read): it
   * records no audit event, so the audit log keeps to changes others care about. Default true.
   */
  audited?: boolean;
}

export interface Command<Result> {
  permission: Permission;
  /** Whether a success records an audit event (every command but those on the caller's own reading state). */
  audited: boolean;
  execute: (db: Database, actor: Actor | null, input: unknown) => Promise<ActionResult<Result>>;
}

/** The signed-in person, for commands on their own account, which belongs to no organization. */
export interface Person {
  userId: string;
  /** The browser whose session runs the command (its device row). */
  deviceId: string;
}

/** Who sent the request, as far as the server can tell: for throttles and the security page. */
export interface Visitor {
  address: string;
  userAgent: string;
  /** The signed device cookies this browser holds (one per account it signed in to). */
  deviceTokens: string[];
}

interface AccountContext<Input> {
  tx: Database;
  input: Input;
  visitor: Visitor;
}

/** A command on the signed-in person's own account: their profile, password, sessions, invitations to join. */
export interface PersonCommand<Result> {
  audience: 'person';
  execute: (db: Database, person: Person | null, visitor: Visitor, input: unknown) => Promise<ActionResult<Result>>;
}

/** A command for someone not signed in: signing in, signing up, accepting an invitation. */
export interface PublicCommand<Result> {
  audience: 'public';
  execute: (db: Database, visitor: Visitor, input: unknown) => Promise<ActionResult<Result>>;
}

const unauthenticated = { ok: false, code: 'unauthenticated', message: { key: 'errors.unauthenticated' } } as const;

/** Validates, then runs `work` in one transaction; refusals and unexpected errors become small results. */
async function validatedTransaction<Schema extends z.ZodType, Result>(
  db: Database,
  schema: Schema,
  rawInput: unknown,
  work: (tx: Database, input: z.output<Schema>) => Promise<Result>,
): Promise<ActionResult<Result>> {
  const parsed = schema.safeParse(rawInput, { reportInput: true });
  if (!parsed.success) {
    return {
      ok: false,
      code: 'invalid',
      message: { key: 'errors.checkFields' },
      fieldErrors: fieldErrorsOf(parsed.error),
    };
  }
  try {
    return { ok: true, data: await db.transaction((tx) => work(tx, parsed.data)) };
  } catch (error) {
    return failureOf(error);
  }
}

/**
 * The wrapper for the person's own account: authenticate (a session, no organization needed), validate, write in
 * one transaction, small result. Whatever it changes is the caller's own: the person comes from the session, never
 * from the input.
 */
export function personCommand<Schema extends z.ZodType, Result>(spec: {
  input: Schema;
  run: (ctx: AccountContext<z.output<Schema>> & { person: Person }) => Promise<Result>;
}): PersonCommand<Result> {
  return {
    audience: 'person',
    async execute(db, person, visitor, rawInput) {
      if (!person) return unauthenticated;
      return validatedTransaction(db, spec.input, rawInput, (tx, input) => spec.run({ tx, input, visitor, person }));
    },
  };
}

/** The wrapper for someone not signed in: validate, write in one transaction, small result. */
export function publicCommand<Schema extends z.ZodType, Result>(spec: {
  input: Schema;
  run: (ctx: AccountContext<z.output<Schema>>) => Promise<Result>;
}): PublicCommand<Result> {
  return {
    audience: 'public',
    execute: (db, visitor, rawInput) =>
      validatedTransaction(db, spec.input, rawInput, (tx, input) => spec.run({ tx, input, visitor })),
  };
}

/** Loader for commands that act on the organization itself. */
export const organizationScope = async () => ({});

/**
 * Every mutation goes through here, so none can skip a step: authenticate, validate, load scoped to the
 * caller's organization, check the permission table, write in one transaction with its audit events,
 * and return a small result. Unexpected errors are logged with a request id the person can quote.
 */
export function command<Schema extends z.ZodType, Resource, Result>(
  spec: CommandSpec<Schema, Resource, Result>,
): Command<Result> {
  const audited = spec.audited ?? true;
  return {
    permission: spec.permission,
    audited,
    async execute(db, actor, rawInput) {
      if (!actor) return { ok: false, code: 'unauthenticated', message: { key: 'errors.unauthenticated' } };
      if (permissionTable[spec.permission][actor.role] === 'none') {
        return { ok: false, code: 'forbidden', message: { key: 'errors.forbidden' } };
      }
      const parsed = spec.input.safeParse(rawInput, { reportInput: true });
      if (!parsed.success) {
        return {
          ok: false,
          code: 'invalid',
          message: { key: 'errors.checkFields' },
          fieldErrors: fieldErrorsOf(parsed.error),
        };
      }
      const input = parsed.data;
      try {
        const data = await db.transaction(async (tx) => {
          const resource = await spec.load(tx, actor.organizationId, input);
          if (resource === null) throw new ActionError('not_found', { key: 'errors.notFound' });
          if (!can(actor, spec.permission, spec.target?.(resource, input) ?? {})) {
            throw new ActionError('forbidden', { key: 'errors.forbidden' });
          }
          const audits: AuditEntry[] = [];
          const audit = (entry: AuditEntry) => {
            // A command that declares itself unaudited must not write to the log at all: a mistake, not a choice.
            if (!audited) throw new Error(`${spec.permission}: declared audited: false, yet records "${entry.action}"`);
            audits.push(entry);
          };
          const result = await spec.run({ tx, actor, input, resource, audit });
          for (const entry of audits) await recordAudit(tx, actor.organizationId, actor.userId, entry);
          return result;
        });
        return { ok: true, data };
      } catch (error) {
        return failureOf(error);
      }
    },
  };
}

function pgCode(error: unknown): string | undefined {
  for (let e = error as { code?: unknown; cause?: unknown } | undefined; e; e = e.cause as typeof e) {
    if (typeof e.code === 'string') return e.code;
  }
  return undefined;
}

export function failureOf(error: unknown): Extract<ActionResult<never>, { ok: false }> {
  if (error instanceof ActionError) {
    return { ok: false, code: error.code, message: error.userMessage, fieldErrors: error.fieldErrors };
  }
  const code = pgCode(error);
  if (code === '23505') return { ok: false, code: 'conflict', message: { key: 'errors.conflict' } };
  if (code === '23503') return { ok: false, code: 'not_found', message: { key: 'errors.notFound' } };
  const requestId = randomUUID().slice(0, 8);
  console.error(`[request ${requestId}]`, error);
  return { ok: false, code: 'internal', message: { key: 'errors.internal', values: { requestId } }, requestId };
}
