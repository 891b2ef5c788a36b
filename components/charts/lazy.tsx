'use client';

import dynamic from 'next/dynamic';

/** Recharts lands only in the bundles of pages that draw a chart, and only in the browser. */
function ChartPlaceholder({ height }: { height: number }) {
  return <div className="animate-pulse rounded-md bg-slate-100" style={{ height }} aria-hidden="true" />;
}

export const LazyTouchpointChart = dynamic(() => import('./touchpoint-chart'), {
  ssr: false,
  loading: () => <ChartPlaceholder height={320} />,
});
export const LazyDistributionChart = dynamic(() => import('./distribution-chart'), {
  ssr: false,
  loading: () => <ChartPlaceholder height={200} />,
});
