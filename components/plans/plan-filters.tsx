import { getTranslations } from 'next-intl/server';
import { buttonClass } from '@/components/ui/button';
import { SelectField } from '@/components/ui/field';
import { planItemStatuses } from '@/lib/domain/plans';

/** A plain GET form: filters live in the address, so a filtered view can be bookmarked and shared. */
export async function PlanFilters({
  filter,
  departments,
  touchpoints,
}: {
  filter: { department?: string; status?: string; touchpoint?: string; quickWin?: string };
  departments: { id: string; name: string }[];
  touchpoints: { id: string; name: string }[];
}) {
  const t = await getTranslations('plans');
  return (
    <form method="get" className="mb-4 grid items-end gap-3 sm:grid-cols-5">
      <SelectField
        label={t('filter.department')}
        name="department"
        defaultValue={filter.department ?? ''}
        options={[{ value: '', label: t('filter.all') }, ...departments.map((d) => ({ value: d.id, label: d.name }))]}
      />
      <SelectField
        label={t('filter.status')}
        name="status"
        defaultValue={filter.status ?? ''}
        options={[
          { value: '', label: t('filter.all') },
          ...planItemStatuses.map((s) => ({ value: s, label: t(`status.${s}`) })),
        ]}
      />
      <SelectField
        label={t('filter.touchpoint')}
        name="touchpoint"
        defaultValue={filter.touchpoint ?? ''}
        options={[
          { value: '', label: t('filter.all') },
          ...touchpoints.map((tp) => ({ value: tp.id, label: tp.name })),
        ]}
      />
      <SelectField
        label={t('filter.quickWin')}
        name="quickWin"
        defaultValue={filter.quickWin ?? ''}
        options={[
          { value: '', label: t('filter.all') },
          { value: 'yes', label: t('filter.quickWinsOnly') },
        ]}
      />
      <button type="submit" className={buttonClass('secondary')}>
        {t('filter.apply')}
      </button>
    </form>
  );
}
