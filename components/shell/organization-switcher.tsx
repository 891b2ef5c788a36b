import { getTranslations } from 'next-intl/server';
import type { FormAction } from '@/components/ui/server-action';

export async function OrganizationSwitcher({
  current,
  organizations,
  action,
}: {
  current: { id: string; name: string };
  organizations: { id: string; name: string }[];
  action: FormAction;
}) {
  if (organizations.length < 2)
    return <span className="truncate text-sm font-medium text-slate-700">{current.name}</span>;
  const t = await getTranslations('shell');
  return (
    <form action={action} className="flex items-center gap-1">
      <label htmlFor="organization-switcher" className="sr-only">
        {t('organization')}
      </label>
      <select
        id="organization-switcher"
        name="organizationId"
        defaultValue={current.id}
        className="max-w-40 rounded-md border border-slate-300 bg-white px-2 py-1 text-sm"
      >
        {organizations.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
      </select>
      <button type="submit" className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm hover:bg-slate-50">
        {t('switch')}
      </button>
    </form>
  );
}
