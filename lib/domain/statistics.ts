/**
 * Generic interval maths for the metric formulas: Wilson score interval, Student t critical value, the
 * adjusted-Wald margin of a net score (NPS, NEV) and the distribution-free interval for a median.
 * Pure numbers in, numbers out; the metric rules live in metrics.ts.
 */

/** The z value the issue fixes for every 95% interval. */
export const Z95 = 1.96;

/** Wilson 95% interval for a proportion, as fractions 0..1; it always contains successes / n. */
export function wilsonInterval(successes: number, n: number, z = Z95): { low: number; high: number } {
  if (n <= 0) throw new RangeError('wilsonInterval needs n > 0');
  const p = successes / n;
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const center = (p + z2 / (2 * n)) / denominator;
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denominator;
  // min/max only guard against rounding at p = 0 or 1, where the exact bound equals p.
  return { low: Math.max(0, Math.min(center - half, p)), high: Math.min(1, Math.max(center + half, p)) };
}

/** Below this many answers the net-score margin uses the adjusted-Wald correction. */
export const ADJUSTED_WALD_BELOW = 30;

/**
 * 95% margin, in points, of a net score 100 * (positive - negative) / n (NPS, NEV), from the trinomial variance:
 * SE = 100 * sqrt((p + d - (p - d)^2) / n). For n < 30 the adjusted-Wald correction adds 3 answers, 3/4 of them
 * to each of the positive and negative counts, before computing p, d and SE.
 */
export function netScoreMargin(positive: number, negative: number, n: number, z = Z95): number {
  if (n <= 0) throw new RangeError('netScoreMargin needs n > 0');
  const small = n < ADJUSTED_WALD_BELOW;
  const total = small ? n + 3 : n;
  const p = (small ? positive + 0.75 : positive) / total;
  const d = (small ? negative + 0.75 : negative) / total;
  return z * 100 * Math.sqrt(Math.max(0, p + d - (p - d) ** 2) / total);
}

/** t(0.975, df) for df = 1..30, from scipy.stats.t.ppf; index 0 is df = 1. */
const T975 = [
  12.706205, 4.302653, 3.182446, 2.776445, 2.570582, 2.446912, 2.364624, 2.306004, 2.262157, 2.228139, 2.200985,
  2.178813, 2.160369, 2.144787, 2.13145, 2.119905, 2.109816, 2.100922, 2.093024, 2.085963, 2.079614, 2.073873, 2.068658,
  2.063899, 2.059539, 2.055529, 2.051831, 2.048407, 2.04523, 2.042272,
];

/** The exact normal quantile at 0.975, for the expansion below (the intervals themselves use 1.96). */
const Z975 = 1.959963984540054;

/**
 * Two-sided 95% critical value of Student's t, t(0.975, df). A table up to df = 30, then the Cornish-Fisher
 * expansion to the 4th order, which is within 1e-7 of the exact value for every df > 30.
 */
export function tCritical95(df: number): number {
  if (!Number.isInteger(df) || df < 1) throw new RangeError(`tCritical95 needs an integer df >= 1, got ${df}`);
  const tabled = T975[df - 1];
  if (tabled !== undefined) return tabled;
  const z = Z975;
  const [z3, z5, z7, z9] = [z ** 3, z ** 5, z ** 7, z ** 9];
  return (
    z +
    (z3 + z) / (4 * df) +
    (5 * z5 + 16 * z3 + 3 * z) / (96 * df ** 2) +
    (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / (384 * df ** 3) +
    (79 * z9 + 776 * z7 + 1482 * z5 - 1920 * z3 - 945 * z) / (92160 * df ** 4)
  );
}

/**
 * 1-based ranks (j, n + 1 - j) of the order statistics that bound a distribution-free 95% interval for the
 * median: the largest j with P(Binomial(n, 1/2) <= j - 1) <= 0.025, so coverage is at least 95%.
 * null when even the full range [x(1), x(n)] covers less than 95% (n < 6).
 */
export function medianRanks95(n: number): { lower: number; upper: number } | null {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`medianRanks95 needs an integer n >= 0, got ${n}`);
  // Binomial(n, 1/2) probabilities from the log of P(0) = 2^-n, so large n does not underflow the running sum.
  let logPmf = -n * Math.LN2;
  let cdf = 0;
  let j = 0; // ranks 1..j are allowed so far
  for (let i = 0; i < n; i++) {
    cdf += Math.exp(logPmf);
    if (cdf > 0.025) break;
    j = i + 1;
    logPmf += Math.log((n - i) / (i + 1));
  }
  return j >= 1 ? { lower: j, upper: n + 1 - j } : null;
}
