/** The common axis of the ranked levers: from the lowest interval end to the highest, zero always on it. */
export interface ScaleDomain {
  low: number;
  high: number;
}

export function scaleDomain(items: readonly { scaledLow: number; scaledHigh: number }[]): ScaleDomain {
  const low = Math.min(0, ...items.map((i) => i.scaledLow));
  const high = Math.max(0, ...items.map((i) => i.scaledHigh));
  // One minimum meaningful change either side at least, so a small interval does not fill the whole bar.
  return { low: Math.min(low, -1), high: Math.max(high, 1) };
}

const at = (x: number, { low, high }: ScaleDomain) => `${(((x - low) / (high - low)) * 100).toFixed(2)}%`;

/**
 * A lever's interval (the bar), its measured effect (the tick) and its shrunken effect (the dot) on the common axis,
 * with zero and ±1 minimum meaningful change marked. Decoration: the same numbers are written beside it.
 */
export function EffectScale({
  domain,
  scaledLow,
  scaledHigh,
  scaled,
  shrunk,
  clear,
}: {
  domain: ScaleDomain;
  scaledLow: number;
  scaledHigh: number;
  scaled: number;
  shrunk: number;
  clear: boolean;
}) {
  const marks = [-1, 0, 1].filter((x) => x >= domain.low && x <= domain.high);
  return (
    <div aria-hidden="true" className="relative mt-2 h-5 w-full rounded bg-slate-50">
      {marks.map((x) => (
        <span
          key={x}
          className={`absolute inset-y-0 w-px ${x === 0 ? 'bg-slate-500' : 'bg-slate-300'}`}
          style={{ left: at(x, domain) }}
        />
      ))}
      <span
        className={`absolute top-1/2 h-1.5 -translate-y-1/2 rounded-full ${clear ? 'bg-emerald-600' : 'bg-slate-400'}`}
        style={{ left: at(scaledLow, domain), width: `calc(${at(scaledHigh, domain)} - ${at(scaledLow, domain)})` }}
      />
      <span className="absolute inset-y-0.5 w-0.5 bg-slate-900" style={{ left: at(scaled, domain) }} />
      <span
        className="absolute top-1/2 h-3 w-3 -translate-x-1/2 -translate-y-1/2 rounded-full border-2 border-white bg-brand-700"
        style={{ left: at(shrunk, domain) }}
      />
    </div>
  );
}
