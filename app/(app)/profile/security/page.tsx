import { getFormatter, getTranslations } from 'next-intl/server';
import { ActionButton } from '@/components/ui/action-button';
import { Card, EmptyState, PageHeader } from '@/components/ui/card';
import { getDb } from '@/db/client';
import { activeDevices, type AccountEventKind, recentAccountEvents } from '@/db/queries/accounts';
import { currentPerson, requireMember } from '@/lib/auth/session';
import { describeUserAgent } from '@/lib/domain/user-agent';
import { signOutDeviceAction, signOutEverywhereAction } from '../actions';

export async function generateMetadata() {
  return { title: (await getTranslations('security'))('title') };
}

/** The person's own security page: signed-in browsers and recent account events. Per person, not per organization. */
export default async function SecurityPage() {
  const member = await requireMember();
  const person = await currentPerson();
  const t = await getTranslations('security');
  const format = await getFormatter();
  const db = await getDb();
  const [devices, events] = await Promise.all([
    activeDevices(db, member.user.id),
    recentAccountEvents(db, member.user.id),
  ]);
  const browserName = (userAgent: string) => {
    const { browser, system } = describeUserAgent(userAgent);
    if (!browser) return t('unknownBrowser');
    return system ? t('browserOn', { browser, system }) : browser;
  };
  const when = (date: Date) => format.dateTime(date, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <>
      <PageHeader title={t('title')} description={t('description')} />
      <div className="space-y-6">
        <Card title={t('devicesTitle')} description={t('devicesHint')}>
          <ul className="divide-y divide-slate-200">
            {devices.map((device) => (
              <li key={device.id} className="flex flex-wrap items-center justify-between gap-2 py-2.5 text-sm">
                <div className="min-w-0">
                  <p className="font-medium">
                    {browserName(device.userAgent)}
                    {device.id === person?.deviceId ? (
                      <span className="ml-2 rounded bg-emerald-100 px-1.5 py-0.5 text-xs font-medium text-emerald-800">
                        {t('thisDevice')}
                      </span>
                    ) : null}
                  </p>
                  <p className="text-slate-600">
                    {t('lastSignIn', { time: when(device.lastSignInAt), address: device.address || '?' })}
                  </p>
                </div>
                {device.id === person?.deviceId ? null : (
                  <ActionButton
                    action={signOutDeviceAction}
                    input={{ deviceId: device.id }}
                    label={t('signOutDeviceLabel', { browser: browserName(device.userAgent) })}
                  >
                    {t('signOutDevice')}
                  </ActionButton>
                )}
              </li>
            ))}
          </ul>
          <div className="mt-4 space-y-2 border-t border-slate-200 pt-4">
            <p className="text-sm text-slate-600">{t('signOutEverywhereHint')}</p>
            <ActionButton action={signOutEverywhereAction} input={{}} variant="danger">
              {t('signOutEverywhere')}
            </ActionButton>
          </div>
        </Card>
        <Card title={t('activityTitle')} description={t('activityHint')}>
          {events.length === 0 ? (
            <EmptyState title={t('noActivity')} />
          ) : (
            <div className="overflow-x-auto" role="region" aria-label={t('activityTable')} tabIndex={0}>
              <table className="w-full min-w-[36rem] text-left text-sm">
                <thead className="text-slate-600">
                  <tr>
                    <th scope="col" className="py-2 pr-4 font-medium">
                      {t('when')}
                    </th>
                    <th scope="col" className="py-2 pr-4 font-medium">
                      {t('event')}
                    </th>
                    <th scope="col" className="py-2 pr-4 font-medium">
                      {t('address')}
                    </th>
                    <th scope="col" className="py-2 font-medium">
                      {t('browser')}
                    </th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-200">
                  {events.map((event) => (
                    <tr key={event.id}>
                      <td className="py-2 pr-4 whitespace-nowrap tabular-nums">
                        <time dateTime={event.occurredAt.toISOString()}>{when(event.occurredAt)}</time>
                      </td>
                      <td className="py-2 pr-4">
                        <span className={event.kind === 'sign_in' ? '' : 'font-medium'}>
                          {t(`events.${event.kind as AccountEventKind}`)}
                        </span>
                        {event.actorName ? (
                          <span className="text-slate-600"> {t('byPerson', { name: event.actorName })}</span>
                        ) : null}
                      </td>
                      <td className="py-2 pr-4 tabular-nums">{event.address || '?'}</td>
                      <td className="py-2">{event.userAgent ? browserName(event.userAgent) : '?'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </Card>
      </div>
    </>
  );
}
