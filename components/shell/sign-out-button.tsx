import { getTranslations } from 'next-intl/server';
import { Button } from '@/components/ui/button';
import type { FormAction } from '@/components/ui/server-action';

export async function SignOutButton({
  action,
  redirectTo = '/login',
  variant = 'secondary',
}: {
  action: FormAction;
  redirectTo?: string;
  variant?: 'secondary' | 'ghost';
}) {
  const t = await getTranslations('shell');
  return (
    <form action={action}>
      <input type="hidden" name="redirectTo" value={redirectTo} />
      <Button type="submit" variant={variant} size="sm">
        {t('signOut')}
      </Button>
    </form>
  );
}
