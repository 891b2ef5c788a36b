import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { Card } from '@/components/ui/card';
import { openBlockersHref } from './register-url';

/** The blockers still open at a touchpoint, on its page: what still hurts there, each linking to its lever. */
export function OpenBlockers({
  touchpointId,
  blockers,
  mayAdd,
}: {
  touchpointId: string;
  blockers: { id: string; name: string }[];
  /** Whether the viewer may add a lever (then a link adds a blocker here). */
  mayAdd: boolean;
}) {
  const t = useTranslations('levers.blockers');
  return (
    <Card
      title={t('title')}
      description={t('description')}
      className="mb-6 border-l-4 border-l-red-300"
      actions={
        <div className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
          <Link href={openBlockersHref(touchpointId)} className="text-brand-700 underline underline-offset-2">
            {t('seeAll')}
          </Link>
          {mayAdd ? (
            <Link
              href={`/levers/new?kind=blocker&touchpoint=${touchpointId}`}
              className="text-brand-700 underline underline-offset-2"
            >
              {t('add')}
            </Link>
          ) : null}
        </div>
      }
    >
      <ul className="list-disc space-y-1 pl-5 text-sm">
        {blockers.map((blocker) => (
          <li key={blocker.id}>
            <Link href={`/levers/${blocker.id}`} className="text-brand-700 underline underline-offset-2">
              {blocker.name}
            </Link>
          </li>
        ))}
      </ul>
    </Card>
  );
}

/** "2 open blockers" at a touchpoint (the journey map, the overview), linking to them in the register; none: nothing. */
export function OpenBlockersLink({
  touchpoint,
  count,
  className = '',
}: {
  touchpoint: { id: string; name: string };
  count: number;
  className?: string;
}) {
  const t = useTranslations('levers.blockers');
  if (count === 0) return null;
  return (
    <p className={`text-xs ${className}`}>
      <Link
        href={openBlockersHref(touchpoint.id)}
        aria-label={t('countAt', { count, touchpoint: touchpoint.name })}
        className="font-medium text-red-800 underline underline-offset-2 hover:text-red-900"
      >
        <span aria-hidden="true">⚠ </span>
        {t('count', { count })}
      </Link>
    </p>
  );
}
