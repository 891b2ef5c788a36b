import { getTranslations } from 'next-intl/server';
import { Card } from '@/components/ui/card';
import { type MemberReading, readingByDepartment } from '@/lib/domain/goal';

/** For executives: per department, who has and who has not confirmed reading the current version. */
export async function ReadStatus({ version, members }: { version: number; members: MemberReading[] }) {
  const t = await getTranslations('goal.readStatus');
  const groups = readingByDepartment(members);
  const read = members.filter((m) => m.readAt).length;
  return (
    <Card title={t('title', { version })} description={t('summary', { read, total: members.length })}>
      <ul className="space-y-4">
        {groups.map((group) => {
          const name = group.departmentName ?? t('noDepartment');
          const total = group.read.length + group.notRead.length;
          return (
            <li key={group.departmentId ?? 'none'}>
              <h3 className="text-sm font-semibold">
                {t('department', { department: name, read: group.read.length, total })}
              </h3>
              <dl className="mt-1 grid grid-cols-[auto_minmax(0,1fr)] gap-x-2 gap-y-0.5 text-sm">
                <dt className="font-medium text-amber-900">{t('notReadList')}</dt>
                <dd>
                  <People people={group.notRead} empty={t('everybody')} />
                </dd>
                <dt className="font-medium text-slate-600">{t('readList')}</dt>
                <dd>
                  <People people={group.read} empty={t('nobody')} />
                </dd>
              </dl>
            </li>
          );
        })}
      </ul>
    </Card>
  );
}

function People({ people, empty }: { people: MemberReading[]; empty: string }) {
  if (people.length === 0) return <span className="text-slate-500">{empty}</span>;
  return (
    <ul className="flex flex-wrap gap-x-1">
      {people.map((person, index) => (
        <li key={person.userId}>
          <span title={person.email}>{person.name}</span>
          <span className="sr-only"> ({person.email})</span>
          {index < people.length - 1 ? ',' : ''}
        </li>
      ))}
    </ul>
  );
}
