'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { ActionButton } from '@/components/ui/action-button';
import { Button } from '@/components/ui/button';
import { Badge } from '@/components/ui/card';
import type { ServerAction } from '@/components/ui/server-action';
import type { JourneyStage, Touchpoint } from '@/db/queries/journey';
import { StageForm } from './stage-form';
import { type Option, TouchpointForm } from './touchpoint-form';

type TouchpointRow = Touchpoint & { departmentName: string };

export interface JourneyActions {
  saveStage: ServerAction;
  reorderStage: ServerAction;
  deleteStage: ServerAction;
  addTouchpoint: ServerAction;
  saveTouchpoint: ServerAction;
  reorderTouchpoint: ServerAction;
  setTouchpointArchived: ServerAction;
}

export function JourneyEditor({
  stages,
  touchpoints,
  departments,
  actions,
}: {
  stages: JourneyStage[];
  touchpoints: TouchpointRow[];
  departments: Option[];
  actions: JourneyActions;
}) {
  const t = useTranslations('settings.journey');
  const tj = useTranslations('journey');
  const [editing, setEditing] = useState<string | null>(null);
  const stageOptions = stages.map((s) => ({ value: s.id, label: s.name }));
  return (
    <ol className="space-y-4">
      {stages.map((stage, index) => {
        const here = touchpoints.filter((tp) => tp.stageId === stage.id);
        return (
          <li key={stage.id} className="rounded-lg border border-slate-200 bg-slate-50 p-3 sm:p-4">
            {editing === stage.id ? (
              <StageForm stage={stage} action={actions.saveStage} onDone={() => setEditing(null)} />
            ) : (
              <div className="flex flex-wrap items-center justify-between gap-2">
                <h3 className="flex items-center gap-2 font-semibold">
                  <span className="text-slate-600 tabular-nums">{index + 1}.</span> {stage.name}
                  <Badge tone="blue">{tj(`phase.${stage.phase}`)}</Badge>
                </h3>
                <div className="flex flex-wrap gap-1">
                  <ActionButton
                    action={actions.reorderStage}
                    input={{ stageId: stage.id, direction: 'up' }}
                    variant="ghost"
                    label={t('moveUpNamed', { name: stage.name })}
                  >
                    ↑
                  </ActionButton>
                  <ActionButton
                    action={actions.reorderStage}
                    input={{ stageId: stage.id, direction: 'down' }}
                    variant="ghost"
                    label={t('moveDownNamed', { name: stage.name })}
                  >
                    ↓
                  </ActionButton>
                  <Button
                    variant="secondary"
                    size="sm"
                    onClick={() => setEditing(stage.id)}
                    aria-label={t('editNamed', { name: stage.name })}
                  >
                    {t('edit')}
                  </Button>
                  <ActionButton
                    action={actions.deleteStage}
                    input={{ stageId: stage.id }}
                    variant="danger"
                    label={t('deleteNamed', { name: stage.name })}
                    confirm={{
                      title: t('deleteStageTitle', { name: stage.name }),
                      description: t('deleteStageDescription'),
                      action: t('delete'),
                    }}
                  >
                    {t('delete')}
                  </ActionButton>
                </div>
              </div>
            )}
            <ul className="mt-3 space-y-2">
              {here.length === 0 ? <li className="text-sm text-slate-500">{t('stageEmpty')}</li> : null}
              {here.map((tp) => (
                <li key={tp.id}>
                  {editing === tp.id ? (
                    <TouchpointForm
                      touchpoint={tp}
                      stageId={stage.id}
                      stages={stageOptions}
                      departments={departments}
                      action={actions.saveTouchpoint}
                      onDone={() => setEditing(null)}
                    />
                  ) : (
                    <div className="flex flex-wrap items-center justify-between gap-2 rounded-md border border-slate-200 bg-white p-2.5">
                      <div className="min-w-0">
                        <p className={`text-sm font-medium ${tp.archived ? 'text-slate-500 line-through' : ''}`}>
                          {tp.name}
                        </p>
                        <div className="mt-1 flex flex-wrap gap-1">
                          <Badge tone={tp.channel === 'online' ? 'blue' : 'amber'}>{tj(`channel.${tp.channel}`)}</Badge>
                          <Badge>{tp.departmentName}</Badge>
                          {tp.key ? (
                            <Badge>
                              <span className="font-mono">{tp.key}</span>
                            </Badge>
                          ) : null}
                          {tp.archived ? <Badge tone="amber">{t('archived')}</Badge> : null}
                        </div>
                      </div>
                      <div className="flex flex-wrap gap-1">
                        <ActionButton
                          action={actions.reorderTouchpoint}
                          input={{ touchpointId: tp.id, direction: 'up' }}
                          variant="ghost"
                          label={t('moveUpNamed', { name: tp.name })}
                        >
                          ↑
                        </ActionButton>
                        <ActionButton
                          action={actions.reorderTouchpoint}
                          input={{ touchpointId: tp.id, direction: 'down' }}
                          variant="ghost"
                          label={t('moveDownNamed', { name: tp.name })}
                        >
                          ↓
                        </ActionButton>
                        {!tp.archived ? (
                          <Button
                            variant="secondary"
                            size="sm"
                            onClick={() => setEditing(tp.id)}
                            aria-label={t('editNamed', { name: tp.name })}
                          >
                            {t('edit')}
                          </Button>
                        ) : null}
                        <ActionButton
                          action={actions.setTouchpointArchived}
                          input={{ touchpointId: tp.id, archived: !tp.archived }}
                          label={t(tp.archived ? 'restoreNamed' : 'archiveNamed', { name: tp.name })}
                        >
                          {t(tp.archived ? 'restore' : 'archive')}
                        </ActionButton>
                      </div>
                    </div>
                  )}
                </li>
              ))}
            </ul>
            <div className="mt-3">
              {editing === `new-${stage.id}` ? (
                <TouchpointForm
                  stageId={stage.id}
                  stages={stageOptions}
                  departments={departments}
                  action={actions.addTouchpoint}
                  onDone={() => setEditing(null)}
                />
              ) : (
                <Button
                  variant="secondary"
                  size="sm"
                  onClick={() => setEditing(`new-${stage.id}`)}
                  disabled={departments.length === 0}
                  aria-label={t('addTouchpointTo', { name: stage.name })}
                >
                  + {t('addTouchpoint')}
                </Button>
              )}
            </div>
          </li>
        );
      })}
    </ol>
  );
}
