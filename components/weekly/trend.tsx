/** A small line of compliance per week (0–100%), drawn inline: no chart library needed for a sparkline. */
export function ComplianceTrend({ points, label }: { points: { week: string; compliance: number }[]; label: string }) {
  if (points.length < 2) return null;
  const width = 160;
  const height = 36;
  const step = width / (points.length - 1);
  const line = points
    .map((p, i) => `${(i * step).toFixed(1)},${(height - p.compliance * (height - 4) - 2).toFixed(1)}`)
    .join(' ');
  return (
    <svg
      role="img"
      aria-label={label}
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      className="overflow-visible"
    >
      <line x1="0" x2={width} y1={height - 2} y2={height - 2} className="stroke-slate-200" />
      <polyline points={line} fill="none" className="stroke-brand-600" strokeWidth="2" strokeLinejoin="round" />
    </svg>
  );
}
