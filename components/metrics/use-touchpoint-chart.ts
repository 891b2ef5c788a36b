'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { TouchpointChartJson } from '@/lib/http/json';
import { queryKeys } from '@/lib/query-keys';

export interface ChartParams {
  metric: string | null;
  from: string;
  to: string;
  bucket: 'week' | 'month';
}

export class ChartRequestError extends Error {
  constructor(readonly status: number) {
    super(`HTTP ${status}`);
  }
}

async function fetchChart(touchpointId: string, params: ChartParams): Promise<TouchpointChartJson> {
  const search = new URLSearchParams({
    from: params.from,
    to: params.to,
    bucket: params.bucket,
  });
  if (params.metric) search.set('metric', params.metric);
  const response = await fetch(`/api/touchpoints/${touchpointId}/metrics?${search}`, {
    headers: { accept: 'application/json' },
  });
  if (!response.ok) throw new ChartRequestError(response.status);
  return response.json() as Promise<TouchpointChartJson>;
}

/** The chart data for the chosen metric, period and bucket; the previous data stays on screen while the next loads. */
export function useTouchpointChart(
  touchpointId: string,
  params: ChartParams,
  initial: { params: ChartParams; data: TouchpointChartJson },
) {
  const isInitial = JSON.stringify(params) === JSON.stringify(initial.params);
  return useQuery({
    queryKey: queryKeys.metrics.touchpoint(touchpointId, params),
    queryFn: () => fetchChart(touchpointId, params),
    initialData: isInitial ? initial.data : undefined,
    placeholderData: keepPreviousData,
  });
}
