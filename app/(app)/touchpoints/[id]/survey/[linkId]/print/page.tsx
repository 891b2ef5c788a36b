import Link from 'next/link';
import { notFound, redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { PrintButton } from '@/components/surveys/print-button';
import { QrCode } from '@/components/surveys/qr-code';
import { getDb } from '@/db/client';
import { findSurveyLink } from '@/db/queries/survey-links';
import { requireMember } from '@/lib/auth/session';
import { can } from '@/lib/domain/permissions';
import { surveyTranslator } from '@/lib/survey/messages';
import { publicOrigin } from '@/lib/public-origin';
import { surveyQrSvg } from '@/lib/survey/qr';
import { surveyUrl } from '@/lib/survey/url';
import { questionOf } from '@/lib/survey/views';

export async function generateMetadata() {
  return { title: (await getTranslations('surveys.manage'))('print') };
}

const paramsSchema = z.object({ id: z.string().uuid(), linkId: z.string().uuid() });

/** A sheet to print for a counter or a parcel: the touchpoint, the question in the customers' language, a big QR code. */
export default async function PrintSurveyLinkPage({ params }: { params: Promise<{ id: string; linkId: string }> }) {
  const member = await requireMember();
  const parsed = paramsSchema.safeParse(await params);
  if (!parsed.success) notFound();
  const organization = member.organization;
  const link = await findSurveyLink(await getDb(), organization.id, parsed.data.linkId);
  if (!link || link.touchpointId !== parsed.data.id) notFound();
  if (!can(member.actor, 'surveyLink.manage', { departmentId: link.departmentId })) redirect('/forbidden');
  const t = await getTranslations('surveys.manage');
  // The sheet speaks to customers, so it is in the organization's language like the survey itself.
  const customer = surveyTranslator(organization.defaultLocale);
  const url = surveyUrl(await publicOrigin(), link.token);
  const question = questionOf(customer.t, {
    organizationName: organization.name,
    touchpointName: link.touchpointName,
    metric: link.metric,
  });
  return (
    <>
      <div className="mb-6 flex flex-wrap items-center justify-between gap-3 print:hidden">
        <Link href={`/touchpoints/${link.touchpointId}/survey`} className="text-sm text-brand-700 underline">
          {t('printBack')}
        </Link>
        <PrintButton>{t('printButton')}</PrintButton>
      </div>
      {!link.enabled ? (
        <p
          role="alert"
          className="mb-4 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950 print:hidden"
        >
          {t('printClosed')}
        </p>
      ) : null}
      <article
        lang={customer.locale}
        className="mx-auto max-w-md rounded-lg border border-slate-300 bg-white p-8 text-center print:border-0 print:p-0"
      >
        <p className="text-sm font-semibold uppercase tracking-wide text-slate-600">{organization.name}</p>
        <h1 className="mt-1 text-2xl font-semibold">{link.touchpointName}</h1>
        <p className="mt-4 text-lg">{question}</p>
        <QrCode
          svg={await surveyQrSvg(url)}
          label={t('qrAlt')}
          className="mx-auto mt-6 aspect-square w-64 max-w-full"
        />
        <p className="mt-4 font-medium">{customer.t('manage.printScan')}</p>
        <p className="text-sm text-slate-600">{customer.t('manage.printTakesSeconds')}</p>
        <p className="mt-4 break-all font-mono text-xs text-slate-600">{url}</p>
      </article>
    </>
  );
}
