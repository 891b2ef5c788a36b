'use client';

import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';

/** Never a stack trace: a plain apology and the request id the server logged with the cause. */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations('errors');
  return (
    <main className="mx-auto flex min-h-[70vh] max-w-md flex-col items-center justify-center px-4 text-center">
      <h1 className="text-2xl font-semibold">{t('errorTitle')}</h1>
      <p className="mt-2 text-slate-600">{t('errorText')}</p>
      {error.digest ? <p className="mt-3 text-sm text-slate-500">{t('requestId', { id: error.digest })}</p> : null}
      <Button className="mt-6" onClick={reset}>
        {t('tryAgain')}
      </Button>
    </main>
  );
}
