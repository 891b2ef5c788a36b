/** Every TanStack Query key of the app, in one registry, so invalidation cannot miss a spelling. */
export const queryKeys = {
  weekly: {
    all: ['weekly'] as const,
    grid: (to: string | null, weeks: number) => ['weekly', 'grid', to ?? 'current', weeks] as const,
    improvement: (id: string) => ['weekly', 'improvement', id] as const,
  },
};
