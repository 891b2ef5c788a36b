import { getTranslations } from 'next-intl/server';
import { OpenBlockersLink } from '@/components/levers/open-blockers';
import { Badge } from '@/components/ui/card';
import type { JourneyStage } from '@/db/queries/journey';

interface TouchpointCard {
  id: string;
  name: string;
  stageId: string;
  channel: 'online' | 'offline';
  departmentName: string;
  departmentStage: 'front' | 'back';
}

/**
 * Stages left to right in journey order (stacked on a phone), touchpoints as cards under each, with how many
 * blockers still hurt there.
 */
export async function JourneyOverview({
  stages,
  touchpoints,
  openBlockers,
}: {
  stages: JourneyStage[];
  touchpoints: TouchpointCard[];
  /** The open blockers at each touchpoint. */
  openBlockers: Map<string, { id: string; name: string }[]>;
}) {
  const t = await getTranslations('journey');
  return (
    <ol className="grid gap-3 md:grid-flow-col md:auto-cols-fr">
      {stages.map((stage) => {
        const here = touchpoints.filter((tp) => tp.stageId === stage.id);
        return (
          <li key={stage.id} className="rounded-md bg-slate-50 p-3">
            <p className="text-xs font-medium uppercase tracking-wide text-slate-500">{t(`phase.${stage.phase}`)}</p>
            <h3 className="font-semibold">{stage.name}</h3>
            <ul className="mt-2 space-y-2">
              {here.length === 0 ? <li className="text-sm text-slate-500">{t('noTouchpoints')}</li> : null}
              {here.map((tp) => (
                <li key={tp.id} className="rounded-md border border-slate-200 bg-white p-2.5">
                  <p className="text-sm font-medium">{tp.name}</p>
                  <div className="mt-1 flex flex-wrap gap-1">
                    <Badge tone={tp.channel === 'online' ? 'blue' : 'amber'}>{t(`channel.${tp.channel}`)}</Badge>
                    <Badge>{tp.departmentName}</Badge>
                  </div>
                  <OpenBlockersLink touchpoint={tp} count={openBlockers.get(tp.id)?.length ?? 0} className="mt-1.5" />
                </li>
              ))}
            </ul>
          </li>
        );
      })}
    </ol>
  );
}
