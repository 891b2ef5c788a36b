'use client';

import { useTranslations } from 'next-intl';
import { TextArea } from '@/components/ui/field';

/**
 * The official reply an idea gets when it becomes an improvement or a plan item, in the form that makes the change:
 * optional, since the server says what the idea became when it is left empty.
 */
export function IdeaReplyField({ defaultValue, error }: { defaultValue?: string; error?: string }) {
  const t = useTranslations('ideas.toChange');
  return (
    <TextArea
      label={t('reply')}
      name="ideaReply"
      rows={3}
      maxLength={4000}
      defaultValue={defaultValue}
      hint={t('replyHint')}
      error={error}
      className="sm:col-span-2"
    />
  );
}
