import Form from 'next/form';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { buttonClass } from '@/components/ui/button';
import { SelectField, TextField } from '@/components/ui/field';
import { ideaStatuses } from '@/lib/domain/ideas';
import { type BoardQuery, ideaSorts } from '@/lib/validation/ideas';
import { isFiltered } from './board-url';

interface Place {
  id: string;
  name: string;
  archived: boolean;
}

/**
 * The board's choices as a GET form: they live in the address, so a view can be shared and the form works without
 * JavaScript (with it, next/form moves to the new address without reloading the page).
 */
export async function BoardFilters({
  query,
  departments,
  touchpoints,
}: {
  query: BoardQuery;
  departments: Place[];
  touchpoints: Place[];
}) {
  const t = await getTranslations('ideas.board');
  const ts = await getTranslations('ideas.status');
  const place = (p: Place) => ({ value: p.id, label: p.archived ? t('archived', { name: p.name }) : p.name });
  return (
    <Form action="/ideas" role="search" aria-label={t('findIdeas')} className="mb-4 space-y-3">
      <div className="grid grid-cols-2 items-end gap-3 lg:grid-cols-6">
        <TextField label={t('words')} name="q" type="search" defaultValue={query.q ?? ''} className="col-span-2" />
        <SelectField
          label={t('sort')}
          name="sort"
          defaultValue={query.sort}
          options={ideaSorts.map((s) => ({ value: s, label: t(`sortBy.${s}`) }))}
        />
        <SelectField
          label={t('status')}
          name="status"
          defaultValue={query.status ?? ''}
          options={[{ value: '', label: t('all') }, ...ideaStatuses.map((s) => ({ value: s, label: ts(s) }))]}
        />
        <SelectField
          label={t('department')}
          name="department"
          defaultValue={query.department ?? ''}
          options={[{ value: '', label: t('all') }, ...departments.map(place)]}
        />
        <SelectField
          label={t('touchpoint')}
          name="touchpoint"
          defaultValue={query.touchpoint ?? ''}
          options={[{ value: '', label: t('all') }, ...touchpoints.map(place)]}
        />
      </div>
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
        <label className="flex items-center gap-2 text-sm font-medium text-slate-800">
          <input
            type="checkbox"
            name="mine"
            value="1"
            defaultChecked={query.mine}
            className="h-4 w-4 rounded border-slate-300"
          />
          {t('mine')}
        </label>
        <button type="submit" className={buttonClass('secondary', 'sm')}>
          {t('apply')}
        </button>
        {isFiltered(query) || query.sort !== 'votes' ? (
          <Link href="/ideas" className="text-sm text-brand-700 underline">
            {t('clear')}
          </Link>
        ) : null}
      </div>
    </Form>
  );
}
