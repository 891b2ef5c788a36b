import { getFormatter, getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { buttonClass } from '@/components/ui/button';
import { Card, EmptyState } from '@/components/ui/card';
import { SelectField, TextField } from '@/components/ui/field';
import { getDb } from '@/db/client';
import { listAuditEvents } from '@/db/queries/audit';
import { listMembers } from '@/db/queries/members';
import { requirePermission } from '@/lib/auth/session';
import settingsCatalog from '@/messages/en/settings.json';
import type { MessageKey } from '@/messages/types';

export async function generateMetadata() {
  return { title: (await getTranslations('settings.tabs'))('audit') };
}

const entityTypes = [
  'organization',
  'department',
  'journeyStage',
  'touchpoint',
  'member',
  'invitation',
  'goalVersion',
  'planItem',
  'planRequest',
  'improvement',
  'surveyLink',
  'metricAggregate',
  'responseImport',
  'apiKey',
  'idea',
  'ideaComment',
  'lever',
] as const;
/** The keys of the 'settings.audit' translator that describe an action ("actions.touchpoint.create"). */
type ActionSentence = Extract<KeyWithin<MessageKey, 'settings.audit'>, `actions.${string}`>;
type KeyWithin<K, Namespace extends string> = K extends `${Namespace}.${infer Rest}` ? Rest : never;

// The actions are stored as text; the English catalog (which every locale follows) says which have a sentence.
const actionSentences: ReadonlySet<string> = new Set(
  Object.entries(settingsCatalog.settings.audit.actions).flatMap(([entity, verbs]) =>
    Object.keys(verbs).map((verb) => `actions.${entity}.${verb}`),
  ),
);
const isActionSentence = (key: string): key is ActionSentence => actionSentences.has(key);

const emptyToUndefined = (v: unknown) => (v === '' ? undefined : v);
const filterSchema = z.object({
  entityType: z.preprocess(emptyToUndefined, z.enum(entityTypes).optional()).catch(undefined),
  actor: z.preprocess(emptyToUndefined, z.string().uuid().optional()).catch(undefined),
  from: z.preprocess(emptyToUndefined, z.string().date().optional()).catch(undefined),
  to: z.preprocess(emptyToUndefined, z.string().date().optional()).catch(undefined),
});

export default async function AuditPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const member = await requirePermission('audit.read');
  const t = await getTranslations('settings.audit');
  const format = await getFormatter();
  const filter = filterSchema.parse(await searchParams);
  const db = await getDb();
  const [events, members] = await Promise.all([
    listAuditEvents(db, member.organization.id, {
      entityType: filter.entityType,
      actorUserId: filter.actor,
      from: filter.from ? new Date(`${filter.from}T00:00:00Z`) : undefined,
      to: filter.to ? new Date(new Date(`${filter.to}T00:00:00Z`).getTime() + 86_400_000) : undefined,
    }),
    listMembers(db, member.organization.id),
  ]);
  // A sentence for each known action ("added the touchpoint Checkout"); the raw code for anything else.
  const describe = (action: string, changes: Record<string, unknown>) => {
    const key = `actions.${action}`;
    if (!isActionSentence(key)) return <code className="rounded bg-slate-100 px-1 py-0.5 text-xs">{action}</code>;
    return t(key, { name: subjectOf(changes) });
  };
  return (
    <Card title={t('title')} description={t('description')}>
      <form method="get" className="mb-4 grid items-end gap-3 sm:grid-cols-5">
        <SelectField
          label={t('entityType')}
          name="entityType"
          defaultValue={filter.entityType ?? ''}
          options={[{ value: '', label: t('all') }, ...entityTypes.map((e) => ({ value: e, label: t(`entity.${e}`) }))]}
        />
        <SelectField
          label={t('actor')}
          name="actor"
          defaultValue={filter.actor ?? ''}
          options={[{ value: '', label: t('everyone') }, ...members.map((m) => ({ value: m.userId, label: m.name }))]}
        />
        <TextField label={t('from')} name="from" type="date" defaultValue={filter.from} />
        <TextField label={t('to')} name="to" type="date" defaultValue={filter.to} />
        <button type="submit" className={buttonClass('secondary')}>
          {t('filter')}
        </button>
      </form>
      {events.length === 0 ? (
        <EmptyState title={t('empty')}>{t('emptyHint')}</EmptyState>
      ) : (
        <ul className="divide-y divide-slate-200">
          {events.map((e) => (
            <li key={e.id} className="grid gap-1 py-2.5 text-sm sm:grid-cols-[11rem_10rem_1fr]">
              <time dateTime={e.createdAt.toISOString()} className="text-slate-500 tabular-nums">
                {format.dateTime(e.createdAt, {
                  dateStyle: 'medium',
                  timeStyle: 'short',
                  timeZone: member.organization.timeZone,
                })}
              </time>
              <span className="font-medium">{e.actorName ?? t('system')}</span>
              <div className="min-w-0">
                <p>{describe(e.action, e.changes)}</p>
                {Object.keys(e.changes).length > 0 ? (
                  <details className="mt-1">
                    <summary className="cursor-pointer text-xs text-slate-600">{t('changes')}</summary>
                    <pre className="mt-1 overflow-x-auto rounded bg-slate-50 p-2 text-xs">
                      {JSON.stringify(e.changes, null, 2)}
                    </pre>
                  </details>
                ) : null}
              </div>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

/** The name an audit entry is about, from what it recorded. */
function subjectOf(changes: Record<string, unknown>): string {
  const after = changes.after as Record<string, unknown> | undefined;
  const before = changes.before as Record<string, unknown> | undefined;
  const value = changes.name ?? after?.name ?? before?.name ?? changes.email;
  return typeof value === 'string' ? value : '';
}
