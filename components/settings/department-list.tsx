'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { ActionButton } from '@/components/ui/action-button';
import { Button } from '@/components/ui/button';
import { Badge } from '@/components/ui/card';
import type { ServerAction } from '@/components/ui/server-action';
import type { Department } from '@/db/queries/departments';
import { DepartmentForm } from './department-form';

export interface DepartmentListActions {
  saveDepartment: ServerAction;
  setDepartmentArchived: ServerAction;
  choosePromiseOwner: ServerAction;
}

export function DepartmentList({
  departments,
  actions,
}: {
  departments: Department[];
  actions: DepartmentListActions;
}) {
  const t = useTranslations('settings.departments');
  const [editing, setEditing] = useState<string | null>(null);
  return (
    <ul className="divide-y divide-slate-200">
      {departments.map((d) => (
        <li key={d.id} className="py-3">
          {editing === d.id ? (
            <DepartmentForm department={d} action={actions.saveDepartment} onDone={() => setEditing(null)} />
          ) : (
            <div className="flex flex-wrap items-start justify-between gap-2">
              <div className="min-w-0">
                <p className="flex flex-wrap items-center gap-2 font-medium">
                  <span className={d.archived ? 'text-slate-500 line-through' : ''}>{d.name}</span>
                  <Badge tone={d.stage === 'front' ? 'blue' : 'slate'}>{t(d.stage)}</Badge>
                  {d.archived ? <Badge tone="amber">{t('archived')}</Badge> : null}
                  {d.ownsPromises ? <Badge tone="green">{t('promiseOwner')}</Badge> : null}
                </p>
                {d.description ? <p className="mt-0.5 text-sm text-slate-600">{d.description}</p> : null}
              </div>
              <div className="flex flex-wrap gap-2">
                {!d.archived ? (
                  <Button
                    variant="secondary"
                    size="sm"
                    onClick={() => setEditing(d.id)}
                    aria-label={t('editNamed', { name: d.name })}
                  >
                    {t('edit')}
                  </Button>
                ) : null}
                {!d.archived && !d.ownsPromises ? (
                  <ActionButton
                    action={actions.choosePromiseOwner}
                    input={{ departmentId: d.id }}
                    label={t('makePromiseOwnerNamed', { name: d.name })}
                  >
                    {t('makePromiseOwner')}
                  </ActionButton>
                ) : null}
                <ActionButton
                  action={actions.setDepartmentArchived}
                  input={{ departmentId: d.id, archived: !d.archived }}
                  label={t(d.archived ? 'restoreNamed' : 'archiveNamed', { name: d.name })}
                >
                  {t(d.archived ? 'restore' : 'archive')}
                </ActionButton>
              </div>
            </div>
          )}
        </li>
      ))}
    </ul>
  );
}
