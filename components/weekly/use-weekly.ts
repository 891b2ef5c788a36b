'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ServerAction } from '@/components/ui/server-action';
import type { ActionResult } from '@/lib/auth/errors';
import type { ImprovementJson, WeeklyGridJson } from '@/lib/http/json';
import { queryKeys } from '@/lib/query-keys';

async function getJson<T>(url: string): Promise<T> {
  const response = await fetch(url, { headers: { accept: 'application/json' } });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return response.json() as Promise<T>;
}

export function useWeeklyGrid(to: string | null, weeks: number, initialData?: WeeklyGridJson) {
  return useQuery({
    queryKey: queryKeys.weekly.grid(to, weeks),
    queryFn: () => getJson<WeeklyGridJson>(`/api/weekly?weeks=${weeks}${to ? `&to=${to}` : ''}`),
    initialData,
    placeholderData: (previous) => previous,
  });
}

export function useImprovement(id: string | null) {
  return useQuery({
    queryKey: queryKeys.weekly.improvement(id ?? 'none'),
    queryFn: () => getJson<ImprovementJson>(`/api/weekly/improvements/${id}`),
    enabled: id !== null,
  });
}

type Input = Record<string, FormDataEntryValue | FormDataEntryValue[]>;

/**
 * Logs an improvement from a cell through `log` (the server action the page hands down): the cell fills at once
 * and rolls back if the server refuses. Resolves with the server's result, so the caller can show its message
 * and reopen the form.
 */
export function useLogImprovement(
  gridKey: ReturnType<typeof queryKeys.weekly.grid>,
  log: ServerAction<{ id: string; late: boolean }>,
) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (input: Input): Promise<ActionResult<{ id: string; late: boolean }>> =>
      log(input).catch(() => ({ ok: false, code: 'internal', message: { key: 'errors.network' } }) as const),
    onMutate: async (input) => {
      await client.cancelQueries({ queryKey: gridKey });
      const previous = client.getQueryData<WeeklyGridJson>(gridKey);
      if (previous) {
        const departmentId = String(input.departmentId);
        const week = String(input.weekStart);
        client.setQueryData<WeeklyGridJson>(gridKey, {
          ...previous,
          cells: {
            ...previous.cells,
            [departmentId]: {
              ...previous.cells[departmentId],
              [week]: { id: 'pending', title: String(input.title), late: false },
            },
          },
        });
      }
      return { previous };
    },
    onSettled: async (result, _error, _input, context) => {
      if (!result?.ok && context?.previous) client.setQueryData(gridKey, context.previous);
      await client.invalidateQueries({ queryKey: queryKeys.weekly.all });
    },
  });
}
