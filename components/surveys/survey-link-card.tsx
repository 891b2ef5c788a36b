import { getFormatter, getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { ActionButton } from '@/components/ui/action-button';
import { buttonClass } from '@/components/ui/button';
import { Badge } from '@/components/ui/card';
import type { ServerAction } from '@/components/ui/server-action';
import type { SurveyMetric } from '@/lib/domain/metrics';
import { CopyButton } from './copy-button';
import { QrCode } from './qr-code';

export interface SurveyLinkView {
  id: string;
  metric: SurveyMetric;
  enabled: boolean;
  answers: number;
  createdAt: Date;
  rotatedAt: Date | null;
  question: string;
  url: string;
  qrSvg: string;
}

/** One survey link as its manager sees it: question, link to copy, QR code, answers so far, and its switches. */
export async function SurveyLinkCard({
  link,
  printHref,
  actions,
}: {
  link: SurveyLinkView;
  printHref: string;
  actions: { setEnabled: ServerAction; rotate: ServerAction };
}) {
  const t = await getTranslations('surveys');
  const format = await getFormatter();
  const metricName = t(`metricShort.${link.metric}`);
  const headingId = `survey-link-${link.id}`;
  return (
    <section aria-labelledby={headingId} className="rounded-lg border border-slate-200 bg-white p-4 shadow-xs sm:p-5">
      <div className="flex flex-col gap-4 sm:flex-row">
        <div className="min-w-0 flex-1 space-y-3">
          <div className="flex flex-wrap items-center gap-2">
            <h2 id={headingId} className="text-base font-semibold">
              {t(`metric.${link.metric}`)}
            </h2>
            <Badge tone={link.enabled ? 'green' : 'slate'}>{link.enabled ? t('manage.on') : t('manage.off')}</Badge>
          </div>
          <p className="text-sm">
            <span className="text-slate-600">{t('manage.question')}: </span>
            {link.question}
          </p>
          <p className="text-sm font-medium">{t('manage.answers', { count: link.answers })}</p>
          <div>
            <label htmlFor={`${headingId}-url`} className="block text-sm font-medium text-slate-800">
              {t('manage.urlLabel', { metric: metricName })}
            </label>
            <div className="mt-1 flex flex-wrap items-center gap-2">
              <input
                id={`${headingId}-url`}
                readOnly
                value={link.url}
                className="min-w-0 flex-1 rounded-md border border-slate-300 bg-slate-50 px-3 py-2 font-mono text-xs"
              />
              <CopyButton text={link.url} />
            </div>
          </div>
          <div className="flex flex-wrap items-start gap-2">
            {link.enabled ? (
              <ActionButton
                action={actions.setEnabled}
                input={{ linkId: link.id, enabled: false }}
                label={t('manage.switchOffLabel', { metric: metricName })}
              >
                {t('manage.switchOff')}
              </ActionButton>
            ) : (
              <ActionButton
                action={actions.setEnabled}
                input={{ linkId: link.id, enabled: true }}
                label={t('manage.switchOnLabel', { metric: metricName })}
              >
                {t('manage.switchOn')}
              </ActionButton>
            )}
            <ActionButton
              action={actions.rotate}
              input={{ linkId: link.id }}
              variant="danger"
              label={t('manage.rotateLabel', { metric: metricName })}
              confirm={{
                title: t('manage.rotateTitle'),
                description: t('manage.rotateDescription'),
                action: t('manage.rotateConfirm'),
              }}
            >
              {t('manage.rotate')}
            </ActionButton>
            <Link
              href={printHref}
              className={buttonClass('secondary', 'sm')}
              aria-label={t('manage.printLabel', { metric: metricName })}
            >
              {t('manage.print')}
            </Link>
          </div>
          <p className="text-xs text-slate-500">
            {t('manage.created', { date: format.dateTime(link.createdAt, { dateStyle: 'medium' }) })}
            {link.rotatedAt
              ? ` · ${t('manage.rotated', { date: format.dateTime(link.rotatedAt, { dateStyle: 'medium' }) })}`
              : null}
          </p>
        </div>
        <QrCode
          svg={link.qrSvg}
          label={t('manage.qrAlt')}
          className={`h-32 w-32 shrink-0 self-center sm:self-start ${link.enabled ? '' : 'opacity-40'}`}
        />
      </div>
    </section>
  );
}
