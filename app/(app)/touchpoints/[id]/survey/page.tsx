import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { CreateSurveyLinkForm } from '@/components/surveys/create-survey-link-form';
import { SurveyLinkCard } from '@/components/surveys/survey-link-card';
import { SurveyUrlBuilder } from '@/components/surveys/survey-url-builder';
import { Badge, Card, EmptyState, PageHeader } from '@/components/ui/card';
import { getDb } from '@/db/client';
import { findDepartment } from '@/db/queries/departments';
import { findTouchpoint } from '@/db/queries/journey';
import { listSurveyLinks } from '@/db/queries/survey-links';
import { requireMember } from '@/lib/auth/session';
import { can } from '@/lib/domain/permissions';
import { surveyMetrics } from '@/lib/domain/metrics';
import { surveyTranslator } from '@/lib/survey/messages';
import { publicOrigin } from '@/lib/public-origin';
import { surveyQrSvg } from '@/lib/survey/qr';
import { surveyUrl } from '@/lib/survey/url';
import { questionOf } from '@/lib/survey/views';
import { surveyContextMax } from '@/lib/validation/survey-links';
import { createSurveyLinkAction, rotateSurveyLinkAction, setSurveyLinkEnabledAction } from './actions';

export async function generateMetadata() {
  return { title: (await getTranslations('surveys.manage'))('title') };
}

/**
 * A touchpoint's survey links. Its department's lead and executives manage them (links, QR codes, switches);
 * everyone else sees which questions are asked and how many answers came in, but not the links themselves.
 */
export default async function SurveyLinksPage({ params }: { params: Promise<{ id: string }> }) {
  const member = await requireMember();
  const touchpointId = z
    .string()
    .uuid()
    .safeParse((await params).id);
  if (!touchpointId.success) notFound();
  const db = await getDb();
  const organization = member.organization;
  const touchpoint = await findTouchpoint(db, organization.id, touchpointId.data);
  if (!touchpoint) notFound();
  const t = await getTranslations('surveys');
  const manages = can(member.actor, 'surveyLink.manage', { departmentId: touchpoint.departmentId });
  const [links, department] = await Promise.all([
    listSurveyLinks(db, organization.id, touchpoint.id),
    findDepartment(db, organization.id, touchpoint.departmentId),
  ]);
  const customerText = surveyTranslator(organization.defaultLocale).t;
  const survey = (metric: (typeof links)[number]['metric']) => ({
    organizationName: organization.name,
    touchpointName: touchpoint.name,
    metric,
  });
  const origin = manages ? await publicOrigin() : '';
  const views = manages
    ? await Promise.all(
        links.map(async (link) => {
          const url = surveyUrl(origin, link.token);
          return {
            ...link,
            question: questionOf(customerText, survey(link.metric)),
            url,
            qrSvg: await surveyQrSvg(url),
          };
        }),
      )
    : [];
  const unused = surveyMetrics.filter((m) => !links.some((l) => l.metric === m));
  const base = `/touchpoints/${touchpoint.id}`;
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href={base} className="text-brand-700 underline">
          {t('manage.backToTouchpoint', { touchpoint: touchpoint.name })}
        </Link>
      </p>
      <PageHeader
        title={`${t('manage.title')}: ${touchpoint.name}`}
        description={t('manage.description', { touchpoint: touchpoint.name })}
      />
      <div className="space-y-6">
        {touchpoint.archived ? (
          <p className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950">
            {t('manage.archived')}
          </p>
        ) : null}
        {!manages ? (
          <Card
            title={t('manage.readOnlyTitle')}
            description={t('manage.readOnly', { department: department?.name ?? '' })}
          >
            {links.length === 0 ? (
              <EmptyState title={t('manage.empty')} />
            ) : (
              <ul className="divide-y divide-slate-200">
                {links.map((link) => (
                  <li key={link.id} className="flex flex-wrap items-center justify-between gap-2 py-3 text-sm">
                    <span>
                      <span className="font-medium">{t(`metric.${link.metric}`)}</span>
                      <span className="block text-slate-600">{questionOf(customerText, survey(link.metric))}</span>
                    </span>
                    <span className="flex items-center gap-2">
                      <Badge tone={link.enabled ? 'green' : 'slate'}>
                        {link.enabled ? t('manage.on') : t('manage.off')}
                      </Badge>
                      {t('manage.answers', { count: link.answers })}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </Card>
        ) : (
          <>
            {views.length === 0 ? (
              <EmptyState title={t('manage.empty')}>{t('manage.emptyHint')}</EmptyState>
            ) : (
              views.map((link) => (
                <SurveyLinkCard
                  key={link.id}
                  link={link}
                  printHref={`${base}/survey/${link.id}/print`}
                  actions={{ setEnabled: setSurveyLinkEnabledAction, rotate: rotateSurveyLinkAction }}
                />
              ))
            )}
            {touchpoint.archived ? null : (
              <Card title={t('manage.createTitle')} description={t('manage.createDescription')}>
                <CreateSurveyLinkForm touchpointId={touchpoint.id} metrics={unused} action={createSurveyLinkAction} />
              </Card>
            )}
            {views.some((l) => l.enabled) ? (
              <Card title={t('manage.builderTitle')} description={t('manage.builderDescription')}>
                <SurveyUrlBuilder
                  links={views.filter((l) => l.enabled).map((l) => ({ metric: l.metric, url: l.url }))}
                  maxLengths={surveyContextMax}
                />
              </Card>
            ) : null}
          </>
        )}
      </div>
    </>
  );
}
