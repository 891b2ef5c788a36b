import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { VerdictBadge } from '@/components/impact/verdict-badge';
import { LeverKindBadge, useLeverStateText } from './badges';
import type { UnrankedLever, UnrankedReason } from '@/lib/levers/ranked-register';

/** The order the groups come in: what will soon have a number first, what has no card yet last. */
const reasons: readonly UnrankedReason[] = [
  'collecting',
  'waiting',
  'no-answers',
  'no-baseline',
  'no-touchpoints',
  'open',
  'planned',
];

/** The levers not ranked, grouped by why: still collecting, no answers after, no baseline, open, planned… */
export function UnrankedGroups({ unranked }: { unranked: UnrankedLever[] }) {
  const t = useTranslations('levers.groups');
  return (
    <>
      {reasons.map((reason) => {
        const levers = unranked.filter((l) => l.reason === reason);
        if (levers.length === 0) return null;
        return (
          <section key={reason} aria-labelledby={`group-${reason}`} className="space-y-2">
            <h3 id={`group-${reason}`} className="text-base font-semibold">
              {t(`${reason}.title`, { count: levers.length })}
            </h3>
            <p className="text-sm text-slate-600">{t(`${reason}.description`)}</p>
            <ul className="divide-y divide-slate-200 rounded-md border border-slate-200 bg-white">
              {levers.map((lever) => (
                <UnrankedItem key={lever.id} lever={lever} />
              ))}
            </ul>
          </section>
        );
      })}
    </>
  );
}

function UnrankedItem({ lever }: { lever: UnrankedLever }) {
  const t = useTranslations('levers.groups');
  const stateText = useLeverStateText();
  const card = lever.card;
  const target = card?.metrics.find((m) => m.target) ?? card?.metrics[0];
  return (
    <li className="space-y-1 px-3 py-2.5 text-sm" data-testid="unranked-lever">
      <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
        <Link
          href={`/levers/${lever.id}`}
          className="font-medium text-brand-700 underline-offset-2 [overflow-wrap:anywhere] hover:underline"
        >
          {lever.name}
        </Link>
        <LeverKindBadge kind={lever.kind} />
        {card && target && lever.reason === 'collecting' ? (
          <VerdictBadge metric={target} afterWeeks={card.windows.afterWeeks} />
        ) : null}
      </div>
      <p className="text-xs text-slate-600">
        {[
          stateText(lever),
          lever.touchpoints.length > 0 ? lever.touchpoints.map((tp) => tp.name).join(', ') : t('noTouchpoints'),
          lever.departmentName,
        ].join(' · ')}
      </p>
      {target ? (
        <p className="text-xs text-slate-700 tabular-nums">
          {t('answers', { before: target.before.n, after: target.after.n })}
        </p>
      ) : null}
    </li>
  );
}
