/** Every TanStack Query key of the app, in one registry, so invalidation cannot miss a spelling. */
export const queryKeys = {
  weekly: {
    all: ['weekly'] as const,
    grid: (to: string | null, weeks: number) => ['weekly', 'grid', to ?? 'current', weeks] as const,
    improvement: (id: string) => ['weekly', 'improvement', id] as const,
  },
  metrics: {
    all: ['metrics'] as const,
    /** A touchpoint's chart; `metric` null until the server picks the one with the most answers. */
    touchpoint: (touchpointId: string, params: { metric: string | null; from: string; to: string; bucket: string }) =>
      ['metrics', 'touchpoint', touchpointId, params] as const,
  },
  impact: {
    all: ['impact'] as const,
    /** A change's stored card, polled while it is stale. */
    stored: (kind: string, id: string) => ['impact', 'stored', kind, id] as const,
    /** A change's card computed for other windows than the organization's defaults. */
    tried: (kind: string, id: string, windows: { baselineWeeks: number; washoutWeeks: number; afterWeeks: number }) =>
      ['impact', 'tried', kind, id, windows] as const,
  },
};
