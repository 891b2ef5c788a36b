'use client';

import dynamic from 'next/dynamic';

/** Recharts lands only in the card page's bundle, and only in the browser (as components/charts/lazy.tsx does). */
export const LazyImpactChart = dynamic(() => import('./impact-chart'), {
  ssr: false,
  loading: () => <div className="h-[260px] animate-pulse rounded-md bg-slate-100" aria-hidden="true" />,
});
