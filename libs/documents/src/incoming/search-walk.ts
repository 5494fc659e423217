/**
 * How a search finds its newest matches (bench/incoming/README.md). Reading the documents newest
 * first (incoming_received_idx) and keeping the matches costs about `wanted ÷ share of documents
 * that match` rows, whatever the size of the table: a phrase in 2.4 % of the documents needs
 * ~85,000 rows for 2,001 matches at 100k documents and at 1M alike. The trigram index costs what
 * its posting lists and every match's row cost: it grows with the table (10× from 100k to 1M for
 * that phrase), and is what a rare phrase needs (148 matches in 1M: a walk would read it all).
 *
 * So a search first reads as many of the newest documents as it wants matches; from the matches
 * found there it estimates both costs and walks only when the walk is expected to fill the window
 * within `maxRows` and to cost less than the index. Both give the same rows: the newest matches.
 */

/**
 * One match found through the trigram index costs about as much as this many rows walked
 * (bench/incoming, 2026-11/12: a walk of ~85,000 rows ≈ 234 ms; the index ≈ 20–25 µs per match
 * at 100k and 1M documents, stored in random order).
 */
export const INDEX_MATCH_COST_IN_ROWS = 8;

/** Rows of the first read: as many as the matches wanted, at most the walk. */
export function walkSample(wanted: number, maxRows: number): number {
  return Math.min(maxRows, wanted);
}

export interface SampleRead {
  /** Matches found in the first `rowsRead` newest documents (fewer than `wanted`). */
  found: number;
  wanted: number;
  rowsRead: number;
  maxRows: number;
  /** About how many documents there are (the planner's count). */
  documents: number;
}

/**
 * How many rows to walk now (from the newest again), or null for the trigram index. None found
 * says nothing about the rate but that it is low: the index then.
 */
export function nextWalk({ found, wanted, rowsRead, maxRows, documents }: SampleRead): number | null {
  if (found === 0 || rowsRead >= maxRows) return null;
  const share = found / rowsRead;
  const walkRows = wanted / share;
  const indexMatches = share * Math.max(documents, rowsRead);
  return walkRows <= maxRows && walkRows <= INDEX_MATCH_COST_IN_ROWS * indexMatches ? maxRows : null;
}
