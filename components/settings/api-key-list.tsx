'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { ActionButton } from '@/components/ui/action-button';
import { Badge, EmptyState } from '@/components/ui/card';
import type { ServerAction } from '@/components/ui/server-action';
import type { ApiKeyView } from '@/db/queries/api-keys';

/** The organization's keys: in use first, then revoked ones, kept for the record. */
export function ApiKeyList({
  keys,
  timeZone,
  action,
}: {
  keys: ApiKeyView[];
  timeZone: string;
  /** Revokes one key. */
  action: ServerAction;
}) {
  const t = useTranslations('apiKeys');
  const format = useFormatter();
  const when = (d: Date) => format.dateTime(d, { dateStyle: 'medium', timeStyle: 'short', timeZone });
  if (keys.length === 0) return <EmptyState title={t('empty')}>{t('emptyHint')}</EmptyState>;
  return (
    <ul className="divide-y divide-slate-200">
      {keys.map((key) => (
        <li key={key.id} className="flex flex-wrap items-center justify-between gap-3 py-3">
          <div className="min-w-0 space-y-0.5">
            <p className="flex flex-wrap items-center gap-2">
              <span className="font-medium">{key.name}</span>
              <code className="rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-700">
                {t('prefixShown', { prefix: key.prefix })}
              </code>
              {key.scopes.map((scope) => (
                <Badge key={scope} tone="slate">
                  {t(`scopeNames.${scope}`)}
                </Badge>
              ))}
              {key.revokedAt ? (
                <Badge tone="red">{t('revokedOn', { date: when(key.revokedAt) })}</Badge>
              ) : (
                <Badge tone="green">{t('active')}</Badge>
              )}
            </p>
            <p className="text-sm text-slate-600">
              {t('createdBy', { name: key.createdByName ?? t('formerMember'), date: when(key.createdAt) })}
              {' · '}
              {key.lastUsedAt ? t('lastUsed', { date: when(key.lastUsedAt) }) : t('neverUsed')}
            </p>
          </div>
          {key.revokedAt ? null : (
            <ActionButton
              action={action}
              input={{ apiKeyId: key.id }}
              variant="danger"
              label={t('revokeNamed', { name: key.name })}
              confirm={{
                title: t('revokeTitle', { name: key.name }),
                description: t('revokeDescription'),
                action: t('revoke'),
              }}
            >
              {t('revoke')}
            </ActionButton>
          )}
        </li>
      ))}
    </ul>
  );
}
