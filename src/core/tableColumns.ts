/**
 * Where result columns go when the client list is an Excel table: into columns of that table, so
 * they sort and filter with their rows.
 *
 * Given the table's column names, the headers to write, and the header sets that count as ours
 * (the same columns in every language), `planTableColumns` says for each header which existing
 * column it goes into, or that a column must be added:
 *
 * - all headers of one of our sets are present (any order, any place, case and spaces ignored):
 *   those columns are ours from an earlier apply and are updated in place;
 * - otherwise a column whose name is one of the headers is the user's own ("Tier" they typed):
 *   it is reused in place but listed in `foreign`, so the caller asks before overwriting it;
 *   every other header gets a new column at the end of the table.
 *
 * @example
 * planTableColumns(['Client', 'Revenue', 'Tier'], ['Tier', 'ABC'], [['Tier', 'ABC'], ['Уровень', 'ABC']])
 * // → { targets: [2, -1], own: false, foreign: [2] }
 */
export interface TableColumnPlan {
  /** Per header: position (zero-based) of the table column it is written into, -1 to add one. */
  targets: number[];
  /** Every header found as one of our sets: nothing to ask. */
  own: boolean;
  /** Positions of existing columns that carry one of the headers but are not ours. */
  foreign: number[];
}

const norm = (s: string) => s.trim().toLowerCase();

export function planTableColumns(columnNames: readonly string[], headers: readonly string[], ownSets: ReadonlyArray<readonly string[]>): TableColumnPlan {
  const names = columnNames.map(norm);
  for (const set of ownSets) {
    if (set.length !== headers.length) continue;
    const at = set.map((h) => names.indexOf(norm(h)));
    if (at.every((i) => i >= 0) && new Set(at).size === at.length) return { targets: at, own: true, foreign: [] };
  }
  const targets = headers.map((h) => names.indexOf(norm(h)));
  return { targets, own: false, foreign: targets.filter((i) => i >= 0) };
}

/** A run of adjacent table columns: the first position and, left to right, which header goes in each. */
export interface ColumnRun {
  first: number;
  headers: number[];
}

/**
 * Groups column positions (one per header, -1 ignored) into runs of adjacent columns, left to
 * right, so each run is one rectangular range to read or write.
 *
 * @example
 * columnRuns([4, 5, 9, -1]) // → [{ first: 4, headers: [0, 1] }, { first: 9, headers: [2] }]
 */
export function columnRuns(positions: readonly number[]): ColumnRun[] {
  const pairs = positions
    .map((p, k) => [p, k] as const)
    .filter(([p]) => p >= 0)
    .sort((a, b) => a[0] - b[0]);
  const runs: ColumnRun[] = [];
  for (const [p, k] of pairs) {
    const last = runs[runs.length - 1];
    if (last && last.first + last.headers.length === p) last.headers.push(k);
    else runs.push({ first: p, headers: [k] });
  }
  return runs;
}
