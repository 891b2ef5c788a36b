'use client';

import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import { useCopy } from '@/components/ui/use-copy';

/** Copies a text (a survey link) and says so for a moment; where the clipboard is refused, asks to copy by hand. */
export function CopyButton({ text, label }: { text: string; label?: string }) {
  const t = useTranslations('surveys.manage');
  const { state, copy } = useCopy({ resetAfterMs: 2000 });
  return (
    <span className="inline-flex items-center gap-2">
      <Button variant="secondary" size="sm" onClick={() => copy(text)} aria-label={label}>
        {t('copy')}
      </Button>
      <span role="status" className="text-xs text-slate-600">
        {state === 'copied' ? t('copied') : state === 'failed' ? t('copyFailed') : ''}
      </span>
    </span>
  );
}
