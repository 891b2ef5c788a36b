import { getTranslations } from 'next-intl/server';
import { signOutAction } from '@/app/(app)/shell-actions';
import { Button } from '@/components/ui/button';

export async function SignOutButton({
  redirectTo = '/login',
  variant = 'secondary',
}: {
  redirectTo?: string;
  variant?: 'secondary' | 'ghost';
}) {
  const t = await getTranslations('shell');
  return (
    <form action={signOutAction}>
      <input type="hidden" name="redirectTo" value={redirectTo} />
      <Button type="submit" variant={variant} size="sm">
        {t('signOut')}
      </Button>
    </form>
  );
}
