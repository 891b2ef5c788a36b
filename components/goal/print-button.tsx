'use client';

import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';

/** Opens the browser's print dialog; "Save as PDF" there gives the same single page. */
export function PrintButton() {
  const t = useTranslations('goal.actions');
  return (
    <Button variant="secondary" onClick={() => window.print()}>
      {t('print')}
    </Button>
  );
}
