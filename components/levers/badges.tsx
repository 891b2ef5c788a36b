import { useTranslations } from 'next-intl';
import { useScoreFormat } from '@/components/metrics/format';
import { Badge } from '@/components/ui/card';
import type { LeverRow } from '@/db/queries/levers';

type Tone = 'slate' | 'blue' | 'amber' | 'green' | 'red';

/** Accelerator or blocker, in words (the colour only repeats it). */
export function LeverKindBadge({ kind }: { kind: LeverRow['kind'] }) {
  const t = useTranslations('levers.kind');
  return <Badge tone={kind === 'accelerator' ? 'green' : 'red'}>{t(kind)}</Badge>;
}

const stateTones: Record<LeverRow['state'], Tone> = {
  planned: 'slate',
  'in-place': 'blue',
  open: 'amber',
  removed: 'blue',
};

/** Where the lever stands, with its day: "In place since 3 Mar 2026", "Open since …", "Removed on …", "Planned". */
export function LeverStateBadge({ lever }: { lever: Pick<LeverRow, 'state' | 'knownSince' | 'effectiveDate'> }) {
  return <Badge tone={stateTones[lever.state]}>{useLeverStateText()(lever)}</Badge>;
}

export function useLeverStateText() {
  const t = useTranslations('levers.state');
  const { date } = useScoreFormat();
  return (lever: Pick<LeverRow, 'state' | 'knownSince' | 'effectiveDate'>) => {
    if (lever.effectiveDate && (lever.state === 'in-place' || lever.state === 'removed'))
      return t(lever.state === 'in-place' ? 'inPlaceSince' : 'removedOn', { date: date(lever.effectiveDate) });
    if (lever.state === 'open' && lever.knownSince) return t('openSince', { date: date(lever.knownSince) });
    return t(lever.state === 'open' ? 'open' : 'planned');
  };
}
