'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { type KeyboardEvent, useEffect, useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import type { ServerAction } from '@/components/ui/server-action';
import type { WeeklyGrid as Grid } from '@/db/queries/weekly-grid';
import { addWeeks, isoWeekLabel, weeksBetween } from '@/lib/domain/weeks';
import { queryKeys } from '@/lib/query-keys';
import { CellDialog, type CellState } from './cell-dialog';
import type { ImprovementChoices, ImprovementDraft } from './improvement-form';
import { ComplianceTrend } from './trend';
import { useLogImprovement, useWeeklyGrid } from './use-weekly';

const WEEKS = 12;

export interface WeeklyActions {
  /** Logs a week's improvement from an empty cell. */
  log: ServerAction<{ id: string; late: boolean }>;
  /** Saves the edits of a logged improvement. */
  save: ServerAction;
}

/** Areas x weeks: one improvement per cell, gaps at a glance. Arrow keys move between cells, Enter opens one. */
export function WeeklyGrid({
  initial,
  choices,
  today,
  actions,
}: {
  initial: Grid;
  choices: ImprovementChoices;
  today: string;
  actions: WeeklyActions;
}) {
  const t = useTranslations('weekly');
  const format = useFormatter();
  const [to, setTo] = useState<string | null>(null);
  const { data: grid = initial, isFetching } = useWeeklyGrid(to, WEEKS, to === null ? initial : undefined);
  const gridKey = queryKeys.weekly.grid(to, WEEKS);
  const logMutation = useLogImprovement(gridKey, actions.log);
  const [cell, setCell] = useState<CellState | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [focus, setFocus] = useState({ row: 0, col: grid.weeks.indexOf(grid.currentWeek) });
  const buttons = useRef(new Map<string, HTMLButtonElement>());
  const tr = useTranslations();
  const scroller = useRef<HTMLDivElement>(null);
  // The newest weeks are on the right: when the grid is wider than the screen, scroll so the last shown week
  // sits just after the sticky area column, with streak and compliance beside it.
  useEffect(() => {
    const box = scroller.current;
    const last = box?.querySelector<HTMLElement>('thead th[data-last-week]');
    const sticky = box?.querySelector<HTMLElement>('thead th');
    if (box && last && sticky) box.scrollTo({ left: Math.max(0, last.offsetLeft - sticky.offsetWidth - 4) });
  }, [grid.weeks]);

  const lastWeek = grid.weeks.at(-1)!;
  const canGoBack = grid.firstWeek !== null && weeksBetween(grid.firstWeek, grid.weeks[0]!) > 0;
  const canGoForward = weeksBetween(lastWeek, grid.currentWeek) > 0;
  const page = (weeks: number) => {
    const next = addWeeks(lastWeek, weeks);
    setTo(weeksBetween(next, grid.currentWeek) <= 0 ? null : next);
  };

  const weekTitle = (week: string) =>
    t('weekOf', {
      week: isoWeekLabel(week).week,
      date: format.dateTime(new Date(`${week}T12:00:00Z`), { day: 'numeric', month: 'short', timeZone: 'UTC' }),
    });

  function open(row: number, col: number) {
    const area = grid.areas[row]!;
    const week = grid.weeks[col]!;
    const title = `${area.name} · ${weekTitle(week)}`;
    const logged = grid.cells[area.id]?.[week];
    const writable = area.canLog && grid.writableWeeks.includes(week);
    if (logged)
      return setCell({
        mode: 'view',
        departmentId: area.id,
        week,
        title,
        improvementId: logged.id,
        editable: writable,
      });
    if (writable) {
      const effectiveDate = weeksBetween(week, grid.currentWeek) === 0 ? today : week;
      return setCell({
        mode: 'log',
        departmentId: area.id,
        week,
        title,
        draft: { departmentId: area.id, weekStart: week, effectiveDate },
      });
    }
    const reason = !area.canLog
      ? t('dialog.notYours')
      : weeksBetween(week, grid.currentWeek) < 0
        ? t('dialog.future')
        : t('dialog.closed');
    setCell({ mode: 'closed', departmentId: area.id, week, title, reason });
  }

  function log(draft: ImprovementDraft) {
    const current = cell;
    setCell(null);
    setMessage(null);
    logMutation.mutate(draft, {
      onSuccess: (result) => {
        if (result.ok) return setMessage(t(result.data.late ? 'loggedLate' : 'logged', { title: String(draft.title) }));
        const text = tr(result.message.key, result.message.values);
        setMessage(text);
        if (!current || current.mode !== 'log') return;
        const errors = Object.fromEntries(
          Object.entries(result.fieldErrors ?? {}).map(([k, m]) => [k, tr(m.key, m.values)]),
        );
        setCell({
          ...current,
          draft,
          errors,
          formError: result.fieldErrors ? undefined : text,
          existingId: result.code === 'conflict' ? 'lookup' : undefined,
        });
      },
    });
  }

  function onKeyDown(event: KeyboardEvent) {
    const moves: Record<string, [number, number]> = {
      ArrowUp: [-1, 0],
      ArrowDown: [1, 0],
      ArrowLeft: [0, -1],
      ArrowRight: [0, 1],
    };
    let next = focus;
    if (moves[event.key]) next = { row: focus.row + moves[event.key]![0], col: focus.col + moves[event.key]![1] };
    else if (event.key === 'Home') next = { row: focus.row, col: 0 };
    else if (event.key === 'End') next = { row: focus.row, col: grid.weeks.length - 1 };
    else return;
    event.preventDefault();
    next = {
      row: Math.max(0, Math.min(grid.areas.length - 1, next.row)),
      col: Math.max(0, Math.min(grid.weeks.length - 1, next.col)),
    };
    setFocus(next);
    buttons.current.get(`${next.row}:${next.col}`)?.focus();
  }

  const percent = (n: number) => format.number(n, { style: 'percent', maximumFractionDigits: 0 });
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div className="flex items-center gap-4">
          <div>
            <p className="text-sm text-slate-600">{t('organizationCompliance')}</p>
            <p className="text-3xl font-semibold tabular-nums">{percent(grid.compliance)}</p>
          </div>
          <ComplianceTrend
            points={grid.trend}
            label={t('trendLabel', {
              from: percent(grid.trend[0]?.compliance ?? 0),
              to: percent(grid.trend.at(-1)?.compliance ?? 0),
            })}
          />
        </div>
        <div className="flex flex-wrap gap-2" role="group" aria-label={t('paging')}>
          <Button variant="secondary" size="sm" onClick={() => page(-WEEKS)} disabled={!canGoBack}>
            ← {t('earlier')}
          </Button>
          <Button variant="secondary" size="sm" onClick={() => setTo(null)} disabled={to === null}>
            {t('thisWeek')}
          </Button>
          <Button variant="secondary" size="sm" onClick={() => page(WEEKS)} disabled={!canGoForward}>
            {t('later')} →
          </Button>
        </div>
      </div>
      <p role="status" aria-live="polite" className="min-h-5 text-sm text-slate-700">
        {message ?? (isFetching ? t('loading') : '')}
      </p>
      <div ref={scroller} className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table role="grid" aria-label={t('gridLabel')} className="w-full border-collapse text-sm" onKeyDown={onKeyDown}>
          <thead>
            <tr className="border-b border-slate-200">
              <th
                scope="col"
                className="sticky left-0 z-10 min-w-28 bg-white px-2 py-2 text-left font-medium sm:min-w-32 sm:px-3"
              >
                {t('area')}
              </th>
              {grid.weeks.map((week) => (
                <th
                  key={week}
                  scope="col"
                  data-last-week={week === lastWeek ? '' : undefined}
                  className={`min-w-24 px-1 py-2 text-left text-xs font-medium ${week === grid.currentWeek ? 'bg-brand-50 text-brand-800' : 'text-slate-600'}`}
                  aria-current={week === grid.currentWeek ? 'date' : undefined}
                >
                  {weekTitle(week)}
                  {week === grid.currentWeek ? <span className="block font-semibold">{t('current')}</span> : null}
                </th>
              ))}
              <th scope="col" className="px-2 py-2 text-right text-xs font-medium text-slate-600">
                {t('streak')}
              </th>
              <th scope="col" className="px-3 py-2 text-right text-xs font-medium text-slate-600">
                {t('compliance')}
              </th>
            </tr>
          </thead>
          <tbody>
            {grid.areas.map((area, row) => {
              const missing = !area.loggedThisWeek;
              return (
                <tr key={area.id} className="border-b border-slate-100 last:border-0">
                  <th
                    scope="row"
                    className={`sticky left-0 z-10 px-2 py-1.5 text-left text-xs font-medium sm:px-3 sm:text-sm ${missing ? 'bg-amber-50' : 'bg-white'}`}
                  >
                    {area.name}
                    {missing ? (
                      <span className="block text-xs font-normal text-amber-900">{t('notLoggedThisWeek')}</span>
                    ) : null}
                  </th>
                  {grid.weeks.map((week, col) => {
                    const logged = grid.cells[area.id]?.[week];
                    const isFocus = focus.row === row && focus.col === col;
                    return (
                      <td
                        key={week}
                        role="gridcell"
                        className={`p-1 align-top ${week === grid.currentWeek ? 'bg-brand-50' : ''}`}
                      >
                        <button
                          type="button"
                          tabIndex={isFocus ? 0 : -1}
                          ref={(el) => {
                            if (el) buttons.current.set(`${row}:${col}`, el);
                            else buttons.current.delete(`${row}:${col}`);
                          }}
                          onFocus={() => setFocus({ row, col })}
                          onClick={() => open(row, col)}
                          aria-label={
                            logged
                              ? t('cellLogged', { area: area.name, week: weekTitle(week), title: logged.title })
                              : t('cellEmpty', { area: area.name, week: weekTitle(week) })
                          }
                          className={`block h-14 w-full rounded-md border px-1.5 py-1 text-left text-xs leading-snug ${
                            logged
                              ? 'border-emerald-200 bg-emerald-50 text-emerald-950 hover:bg-emerald-100'
                              : 'border-dashed border-slate-300 text-slate-400 hover:bg-slate-50'
                          }`}
                        >
                          {logged ? <span className="line-clamp-2">{logged.title}</span> : <span aria-hidden>—</span>}
                          {logged?.late ? (
                            <span className="mt-0.5 block text-[10px] font-medium text-amber-800">{t('late')}</span>
                          ) : null}
                        </button>
                      </td>
                    );
                  })}
                  <td className="px-2 py-1.5 text-right tabular-nums">{t('weeksCount', { count: area.streak })}</td>
                  <td className="px-3 py-1.5 text-right tabular-nums">{percent(area.compliance)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <CellDialog
        cell={cell}
        choices={choices}
        action={actions.save}
        onClose={() => setCell(null)}
        onLog={log}
        returnFocus={() => buttons.current.get(`${focus.row}:${focus.col}`)?.focus()}
        onOpenExisting={() => {
          if (!cell) return;
          const row = grid.areas.findIndex((a) => a.id === cell.departmentId);
          const col = grid.weeks.indexOf(cell.week);
          if (row >= 0 && col >= 0) open(row, col);
        }}
      />
    </div>
  );
}
