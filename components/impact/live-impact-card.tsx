'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import { Button } from '@/components/ui/button';
import type { ChangeImpactJson } from '@/lib/http/json';
import type { ChangeKind, ImpactCard } from '@/lib/impact/card-schema';
import type { Windows } from '@/lib/impact/settings';
import { ImpactCardView } from './impact-card';
import { ImpactRequestError, useStoredImpact, useTriedImpact } from './use-impact';

interface LiveProps {
  kind: ChangeKind;
  id: string;
  editHref: string;
  investment: string | null;
  windowsForm: ReactNode;
}

/**
 * The card page's card: the stored one with the organization's default windows (refreshed until fresh), or, with
 * other windows in the URL, one computed on request for them, which says so.
 */
export function LiveImpactCard({
  tried,
  defaults,
  initial,
  ...props
}: LiveProps & {
  /** Windows other than the defaults to compute the card for; null: the stored card. */
  tried: Windows | null;
  defaults: Windows;
  initial: ChangeImpactJson;
}) {
  return tried ? (
    <TriedCard {...props} windows={tried} defaults={defaults} />
  ) : (
    <StoredCard {...props} initial={initial} />
  );
}

function StoredCard({
  kind,
  id,
  editHref,
  investment,
  windowsForm,
  initial,
}: LiveProps & { initial: ChangeImpactJson }) {
  const t = useTranslations('impact.card');
  const query = useStoredImpact(kind, id, initial);
  const data = query.data;
  return (
    <div className="space-y-3">
      <p role="status" className={data?.stale ? 'rounded-md bg-slate-100 px-3 py-2 text-sm text-slate-700' : 'sr-only'}>
        {data?.stale ? (data.card ? t('updating') : t('computing')) : data?.card ? t('fresh') : ''}
      </p>
      <CardOrForm
        card={data?.card ?? null}
        error={query.error}
        onRetry={() => void query.refetch()}
        {...{ kind, id, editHref, investment, windowsForm }}
      />
    </div>
  );
}

function TriedCard({
  kind,
  id,
  editHref,
  investment,
  windowsForm,
  windows,
  defaults,
}: LiveProps & { windows: Windows; defaults: Windows }) {
  const t = useTranslations('impact.card');
  const query = useTriedImpact(kind, id, windows);
  const card = query.data?.card;
  return (
    <div className="space-y-3">
      <div role="note" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950">
        <p className="font-medium">
          {t('notDefaults', {
            baseline: defaults.baselineWeeks,
            washout: defaults.washoutWeeks,
            after: defaults.afterWeeks,
          })}
        </p>
        <Link href={`/changes/${kind}/${id}`} className="font-medium text-brand-700 underline underline-offset-2">
          {t('backToDefaults')}
        </Link>
      </div>
      <p role="status" className={query.isPending ? 'text-sm text-slate-700' : 'sr-only'}>
        {query.isPending ? t('trying') : ''}
      </p>
      <CardOrForm
        card={card ?? null}
        error={query.error}
        onRetry={() => void query.refetch()}
        {...{ kind, id, editHref, investment, windowsForm }}
      />
    </div>
  );
}

/** What came back: why it could not be loaded, and the card, or only the windows form while there is none. */
function CardOrForm({
  card,
  error,
  onRetry,
  kind,
  id,
  editHref,
  investment,
  windowsForm,
}: LiveProps & { card: ImpactCard | null; error: Error | null; onRetry: () => void }) {
  return (
    <>
      {error ? <Failed error={error} onRetry={onRetry} /> : null}
      {card ? (
        <ImpactCardView
          card={card}
          change={{ kind, id }}
          editHref={editHref}
          investment={investment}
          windowsForm={windowsForm}
        />
      ) : (
        windowsForm
      )}
    </>
  );
}

function Failed({ error, onRetry }: { error: Error; onRetry: () => void }) {
  const t = useTranslations('impact.card');
  return (
    <div
      role="alert"
      className="flex flex-wrap items-center gap-3 rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-800"
    >
      {(error instanceof ImpactRequestError && error.status === 429 && error.said) || t('failed')}
      <Button variant="secondary" size="sm" onClick={onRetry}>
        {t('retry')}
      </Button>
    </div>
  );
}
