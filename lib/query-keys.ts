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
    touchpoint: (
      touchpointId: string,
      params: { metric: string | null; from: string; to: string; bucket: string; window: number },
    ) => ['metrics', 'touchpoint', touchpointId, params] as const,
  },
};
