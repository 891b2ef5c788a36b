import { headers } from 'next/headers';
import { getRequestConfig } from 'next-intl/server';
import { currentUser } from '@/lib/auth/session';
import { pickLocale } from './locale';

export default getRequestConfig(async () => {
  const user = await currentUser().catch(() => null);
  const locale = pickLocale(user?.locale, (await headers()).get('accept-language'));
  return {
    locale,
    messages: (await import(`../../messages/${locale}/index.ts`)).default,
  };
});
