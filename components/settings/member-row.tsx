'use client';

import { useTranslations } from 'next-intl';
import { ActionButton } from '@/components/ui/action-button';
import { Button } from '@/components/ui/button';
import { SelectField } from '@/components/ui/field';
import { FormError } from '@/components/ui/form-error';
import type { ServerAction } from '@/components/ui/server-action';
import { useActionForm } from '@/components/ui/use-action-form';
import { type IssuedResetLink, PasswordResetDialog } from './password-reset-dialog';
import type { Option } from './touchpoint-form';

export interface MemberView {
  userId: string;
  name: string;
  email: string;
  role: 'executive' | 'lead' | 'staff';
  departmentId: string | null;
}

export function MemberRow({
  member,
  departments,
  isSelf,
  actions,
}: {
  member: MemberView;
  departments: Option[];
  isSelf: boolean;
  actions: { saveMember: ServerAction; deleteMember: ServerAction; issueResetLink: ServerAction<IssuedResetLink> };
}) {
  const t = useTranslations('settings.members');
  const tr = useTranslations('roles');
  const form = useActionForm(actions.saveMember);
  return (
    <li className="py-3">
      <div className="grid gap-3 lg:grid-cols-[1.6fr_2.4fr_auto] lg:items-start">
        <div className="min-w-0">
          <p className="font-medium">
            {member.name}
            {isSelf ? <span className="ml-1 text-sm font-normal text-slate-500">({t('you')})</span> : null}
          </p>
          <p className="truncate text-sm text-slate-600">{member.email}</p>
        </div>
        <form
          onSubmit={form.onSubmit}
          className="grid grid-cols-2 items-start gap-2 sm:grid-cols-[1fr_1.3fr_auto]"
          aria-label={t('changeNamed', { name: member.name })}
        >
          <input type="hidden" name="userId" value={member.userId} />
          <SelectField
            label={t('role')}
            name="role"
            defaultValue={member.role}
            error={form.fieldError('role')}
            options={(['executive', 'lead', 'staff'] as const).map((r) => ({ value: r, label: tr(r) }))}
          />
          <SelectField
            label={t('department')}
            name="departmentId"
            defaultValue={member.departmentId ?? ''}
            error={form.fieldError('departmentId')}
            options={[{ value: '', label: t('noDepartment') }, ...departments]}
          />
          <div className="col-span-2 sm:col-span-1 sm:pt-6">
            <Button type="submit" variant="secondary" size="sm" disabled={form.pending}>
              {t('save')}
            </Button>
          </div>
          <div className="col-span-2 sm:col-span-3">
            <FormError message={form.formError} />
          </div>
        </form>
        <div className="flex flex-wrap items-start gap-2 lg:w-52 lg:justify-end lg:pt-6">
          {isSelf ? null : <PasswordResetDialog member={member} action={actions.issueResetLink} />}
          <ActionButton
            action={actions.deleteMember}
            input={{ userId: member.userId }}
            variant="danger"
            label={t('removeNamed', { name: member.name })}
            confirm={{
              title: t('removeTitle', { name: member.name }),
              description: t('removeDescription'),
              action: t('remove'),
            }}
          >
            {t('remove')}
          </ActionButton>
        </div>
      </div>
    </li>
  );
}
