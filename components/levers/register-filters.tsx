import Form from 'next/form';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { buttonClass } from '@/components/ui/button';
import { SelectField } from '@/components/ui/field';
import type { LeverFilters } from '@/db/queries/levers';
import { isFiltered } from './register-url';

interface Place {
  id: string;
  name: string;
  archived: boolean;
}

const kinds = ['accelerator', 'blocker'] as const;
const states = ['planned', 'in-place', 'open', 'removed'] as const;

/**
 * The register's filters as a GET form: they live in the address, so a view can be shared and the form works
 * without JavaScript (with it, next/form moves to the new address without reloading the page).
 */
export async function RegisterFilters({
  filters,
  departments,
  touchpoints,
}: {
  filters: LeverFilters;
  departments: Place[];
  touchpoints: Place[];
}) {
  const t = await getTranslations('levers.filters');
  const tk = await getTranslations('levers.kind');
  const ts = await getTranslations('levers.state');
  const place = (p: Place) => ({ value: p.id, label: p.archived ? t('archived', { name: p.name }) : p.name });
  const all = { value: '', label: t('all') };
  return (
    <Form action="/levers" role="search" aria-label={t('label')} className="space-y-3">
      <div className="grid grid-cols-2 items-end gap-3 lg:grid-cols-4">
        <SelectField
          label={t('kind')}
          name="kind"
          defaultValue={filters.kind ?? ''}
          options={[all, ...kinds.map((k) => ({ value: k, label: tk(k) }))]}
        />
        <SelectField
          label={t('state')}
          name="state"
          defaultValue={filters.state ?? ''}
          options={[all, ...states.map((s) => ({ value: s, label: ts(s) }))]}
        />
        <SelectField
          label={t('touchpoint')}
          name="touchpoint"
          defaultValue={filters.touchpointId ?? ''}
          options={[all, ...touchpoints.map(place)]}
        />
        <SelectField
          label={t('department')}
          name="department"
          defaultValue={filters.departmentId ?? ''}
          options={[all, ...departments.map(place)]}
        />
      </div>
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
        <button type="submit" className={buttonClass('secondary', 'sm')}>
          {t('apply')}
        </button>
        {isFiltered(filters) ? (
          <Link href="/levers" className="text-sm text-brand-700 underline">
            {t('clear')}
          </Link>
        ) : null}
      </div>
    </Form>
  );
}
