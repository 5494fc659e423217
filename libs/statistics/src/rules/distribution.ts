/** How long things took, summed up for a meeting: how many, the median and the 90th percentile. */
export interface Distribution {
  count: number;
  median: number | null;
  p90: number | null;
}

/**
 * The q-quantile of ascending values with linear interpolation between the two nearest ranks
 * (PostgreSQL's percentile_cont, Excel's PERCENTILE.INC): the median of 1, 2, 3, 10 is 2.5.
 */
export function percentile(sorted: readonly number[], q: number): number | null {
  if (sorted.length === 0) return null;
  if (q < 0 || q > 1) throw new RangeError(`a quantile is between 0 and 1, got ${q}`);
  const rank = q * (sorted.length - 1);
  const below = Math.floor(rank);
  const above = Math.ceil(rank);
  return sorted[below] + (sorted[above] - sorted[below]) * (rank - below);
}

/** Count, median and 90th percentile, rounded to one decimal place (days or hours are read, not computed with). */
export function distribution(values: readonly number[]): Distribution {
  const sorted = [...values].sort((a, b) => a - b);
  const round = (value: number | null) => (value === null ? null : Math.round(value * 10) / 10);
  return { count: sorted.length, median: round(percentile(sorted, 0.5)), p90: round(percentile(sorted, 0.9)) };
}
