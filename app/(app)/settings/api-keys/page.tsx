import { getTranslations } from 'next-intl/server';
import { ApiKeyCreateForm } from '@/components/settings/api-key-create-form';
import { ApiKeyList } from '@/components/settings/api-key-list';
import { Card } from '@/components/ui/card';
import { getDb } from '@/db/client';
import { listApiKeys } from '@/db/queries/api-keys';
import { requirePermission } from '@/lib/auth/session';
import { addApiKey, revokeApiKeyAction } from './actions';

export async function generateMetadata() {
  return { title: (await getTranslations('settings.tabs'))('apiKeys') };
}

export default async function ApiKeysPage() {
  const member = await requirePermission('apiKey.manage');
  const t = await getTranslations('apiKeys');
  const keys = await listApiKeys(await getDb(), member.organization.id);
  return (
    <div className="space-y-6">
      <Card
        title={t('createTitle')}
        description={t.rich('createDescription', {
          code: (chunks) => <code className="rounded bg-slate-100 px-1 text-xs">{chunks}</code>,
        })}
      >
        <ApiKeyCreateForm action={addApiKey} />
      </Card>
      <Card title={t('listTitle', { count: keys.length })}>
        <ApiKeyList keys={keys} timeZone={member.organization.timeZone} action={revokeApiKeyAction} />
      </Card>
    </div>
  );
}
