import Link from 'next/link';
import { connection } from 'next/server';
import { getTranslations } from 'next-intl/server';
import { Card, EmptyState, PageHeader } from '@/components/ui/card';
import { getDb } from '@/db/client';
import { storedCards } from '@/db/queries/impact';
import { shippedIdeas } from '@/db/queries/idea-credit';
import { requirePermission } from '@/lib/auth/session';
import { type CreditLine, ideaCredit, type ShippedIdea } from '@/lib/domain/idea-credit';
import { dateIn } from '@/lib/domain/weeks';

export async function generateMetadata() {
  return { title: (await getTranslations('ideas.credit'))('title') };
}

/** Who the shipped ideas came from, and which of their changes are clearly better, decided across the list. */
export default async function IdeaCreditPage() {
  await connection();
  const member = await requirePermission('idea.read');
  const t = await getTranslations('ideas.credit');
  const db = await getDb();
  const organization = member.organization;
  const rows = await shippedIdeas(db, organization.id);
  const changeOf = (r: (typeof rows)[number]) =>
    r.improvementId
      ? { kind: 'improvement' as const, id: r.improvementId, title: r.improvementTitle! }
      : r.planItemId
        ? { kind: 'plan-item' as const, id: r.planItemId, title: r.planItemTitle! }
        : null;
  // One line per idea: the improvement it became comes first when it also had a plan item.
  const byIdea = new Map<string, (typeof rows)[number]>();
  for (const r of rows) if (!byIdea.has(r.ideaId) || r.improvementId) byIdea.set(r.ideaId, r);
  const changes = [...byIdea.values()].map(changeOf).filter((c) => c !== null);
  const cards = await storedCards(db, organization.id, changes);
  const shipped: ShippedIdea[] = [...byIdea.values()].map((r) => {
    const change = changeOf(r);
    const card = change ? cards.get(`${change.kind}:${change.id}`)?.card : null;
    const first = card?.status === 'measured' ? (card.metrics[0] ?? null) : null;
    return {
      ideaId: r.ideaId,
      title: r.title,
      authorId: r.authorId,
      authorName: r.authorName,
      departmentId: r.departmentId,
      departmentName: r.departmentName,
      shippedOn: dateIn(r.shippedAt, organization.timeZone),
      change,
      effect: first,
    };
  });
  const credit = ideaCredit(shipped, dateIn(new Date(), organization.timeZone));
  const table = (caption: string, lines: CreditLine[], who: string) => (
    <div className="overflow-x-auto">
      <table className="w-full min-w-[32rem] text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="border-b border-slate-200 text-xs text-slate-600">
          <tr>
            <th scope="col" className="py-2 pr-3 font-medium">
              {who}
            </th>
            <th scope="col" className="py-2 pr-3 text-right font-medium">
              {t('shippedQuarter')}
            </th>
            <th scope="col" className="py-2 pr-3 text-right font-medium">
              {t('shippedAllTime')}
            </th>
            <th scope="col" className="py-2 pr-3 text-right font-medium">
              {t('clearQuarter')}
            </th>
            <th scope="col" className="py-2 text-right font-medium">
              {t('clearAllTime')}
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {lines.map((line) => (
            <tr key={line.id}>
              <th scope="row" className="py-2 pr-3 font-medium text-slate-800">
                {line.name}
              </th>
              <td className="py-2 pr-3 text-right tabular-nums">{line.shippedQuarter}</td>
              <td className="py-2 pr-3 text-right tabular-nums">{line.shippedAllTime}</td>
              <td className="py-2 pr-3 text-right tabular-nums">{line.clearQuarter}</td>
              <td className="py-2 text-right tabular-nums">{line.clearAllTime}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/ideas" className="text-brand-700 underline">
          {t('back')}
        </Link>
      </p>
      <PageHeader title={t('title')} description={t('description', { since: credit.quarterStart })} />
      {shipped.length === 0 ? (
        <EmptyState title={t('empty')}>{t('emptyHint')}</EmptyState>
      ) : (
        <div className="space-y-6">
          <Card title={t('people')} description={t('anonymousNote')}>
            {table(t('people'), credit.people, t('person'))}
          </Card>
          <Card title={t('departments')}>{table(t('departments'), credit.departments, t('department'))}</Card>
          <Card title={t('clearTitle')} description={t('clearHow')}>
            {credit.clear.length === 0 ? (
              <p className="text-sm text-slate-600">{t('noneClear')}</p>
            ) : (
              <ul className="divide-y divide-slate-100 text-sm">
                {credit.clear.map((idea) => (
                  <li key={idea.ideaId} className="py-2">
                    <Link href={`/ideas/${idea.ideaId}`} className="font-medium text-brand-700 underline">
                      {idea.title}
                    </Link>{' '}
                    <span className="text-slate-600">
                      {t('became', { author: idea.authorName ?? t('anonymous'), department: idea.departmentName })}
                    </span>{' '}
                    {idea.change ? (
                      <Link
                        href={`/changes/${idea.change.kind}/${idea.change.id}`}
                        className="text-brand-700 underline"
                      >
                        {idea.change.title}
                      </Link>
                    ) : null}
                  </li>
                ))}
              </ul>
            )}
          </Card>
        </div>
      )}
    </>
  );
}
