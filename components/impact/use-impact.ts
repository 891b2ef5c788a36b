'use client';

import { useQuery } from '@tanstack/react-query';
import type { ChangeImpactJson } from '@/lib/http/json';
import type { Windows } from '@/lib/impact/settings';
import { queryKeys } from '@/lib/query-keys';

export class ImpactRequestError extends Error {
  constructor(
    readonly status: number,
    /** The server's words for the person (how long to wait, say), when it gave any. */
    readonly said: string | null,
  ) {
    super(`HTTP ${status}`);
  }
}

async function getImpact(url: string): Promise<ChangeImpactJson> {
  const response = await fetch(url, { headers: { accept: 'application/json' } });
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { error?: { message?: unknown } } | null;
    const said = typeof body?.error?.message === 'string' ? body.error.message : null;
    throw new ImpactRequestError(response.status, said);
  }
  return response.json() as Promise<ChangeImpactJson>;
}

/** Polls every 2 s while the worker recomputes the card (it does within seconds), then every 10 s after a minute. */
const FAST = 2_000;
const SLOW = 10_000;
const FAST_POLLS = 30;

/**
 * A change's stored card; while it is stale (or not computed yet) it is asked for again until it is fresh. Pages read
 * stored cards only: nothing is computed for this request.
 */
export function useStoredImpact(kind: string, id: string, initialData?: ChangeImpactJson) {
  return useQuery({
    queryKey: queryKeys.impact.stored(kind, id),
    queryFn: () => getImpact(`/api/changes/${kind}/${id}`),
    initialData,
    refetchInterval: (query) => {
      if (query.state.status === 'error' || query.state.data?.stale === false) return false;
      return query.state.dataUpdateCount < FAST_POLLS ? FAST : SLOW;
    },
  });
}

/** A change's card computed for other windows a person tries; nothing is saved. */
export function useTriedImpact(kind: string, id: string, windows: Windows) {
  const search = new URLSearchParams({
    baselineWeeks: String(windows.baselineWeeks),
    washoutWeeks: String(windows.washoutWeeks),
    afterWeeks: String(windows.afterWeeks),
  });
  return useQuery({
    queryKey: queryKeys.impact.tried(kind, id, windows),
    queryFn: () => getImpact(`/api/changes/${kind}/${id}/impact?${search}`),
    // The same windows give the same card until answers arrive: no need to ask again while the page is open.
    staleTime: 60_000,
    retry: (count, error) => !(error instanceof ImpactRequestError && error.status < 500) && count < 2,
  });
}
