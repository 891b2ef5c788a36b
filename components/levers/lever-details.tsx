import { useTranslations } from 'next-intl';
import { useScoreFormat } from '@/components/metrics/format';
import { TouchpointLinks } from '@/components/touchpoints/touchpoint-links';
import { Card } from '@/components/ui/card';
import type { LeverRow } from '@/db/queries/levers';
import { useLeverStateText } from './badges';

/** What a lever is: its description, the touchpoints concerned, who owns it, what it should move and where it stands. */
export function LeverDetails({ lever }: { lever: LeverRow }) {
  const t = useTranslations('levers.detail');
  const tm = useTranslations('impact.sentence');
  const stateText = useLeverStateText();
  const { date } = useScoreFormat();
  return (
    <Card>
      <p className="whitespace-pre-line text-slate-800 [overflow-wrap:anywhere]">
        {lever.description || <span className="text-slate-600 italic">{t('noDescription')}</span>}
      </p>
      <dl className="mt-4 grid gap-x-4 gap-y-1.5 text-sm sm:grid-cols-[10rem_1fr]">
        <dt className="text-slate-600">{t('touchpoints')}</dt>
        <dd>
          <TouchpointLinks touchpoints={lever.touchpoints} none={t('noTouchpoints')} />
        </dd>
        <dt className="text-slate-600">{t('department')}</dt>
        <dd>{lever.departmentName}</dd>
        <dt className="text-slate-600">{t('target')}</dt>
        <dd>{t('targetValue', { metric: tm('metric', { metric: lever.metric }), direction: lever.direction })}</dd>
        <dt className="text-slate-600">{t('state')}</dt>
        <dd>{stateText(lever)}</dd>
        {lever.kind === 'blocker' && lever.state === 'removed' && lever.knownSince ? (
          <>
            <dt className="text-slate-600">{t('knownSince')}</dt>
            <dd>{date(lever.knownSince)}</dd>
          </>
        ) : null}
      </dl>
    </Card>
  );
}
