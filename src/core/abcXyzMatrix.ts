import type { AbcClass } from './abcClasses';
import type { ClientAgg, ReviewWindow } from './aggregate';
import { MessageError } from './messages';
import { monthIndex } from './parseDate';
import { DEFAULT_XYZ, validateXyzCutoffs, XyzClass, xyzClass, XyzCutoffs } from './xyzClass';

/**
 * ABC × XYZ matrix: clients (and revenue) per combination of the ABC class (share of revenue,
 * see abcClasses) and the XYZ class (steadiness of monthly purchases, see xyzClass) — AX are
 * large and steady, CZ small and irregular.
 *
 * Per-period values come from the analysis run with `periods: true` (monthly columns or a
 * transaction log). A client's series covers **every month of the review window**, a month
 * without sales counting as 0 (a log lists no row for it, a monthly sheet leaves it blank): the
 * window's months when it is bounded, else the first to the last month anyone bought in. Clients
 * left out of ABC (total ≤ 0) are not in the matrix; clients without an XYZ class (fewer than
 * two months, or a zero or negative mean) are counted apart, with the reason.
 *
 * @example
 *   // A client buying 90 and 110 in the two months of the window: cv 10% → X
 *   abcXyzMatrix([{ abc: 'A', revenue: 200, periods: new Map([[24300, 90], [24301, 110]]) }], window).cells.A.X.clients // 1
 */
export interface MatrixCell {
  clients: number;
  revenue: number;
}

export interface AbcXyzMatrix {
  /** Some client had per-period values. */
  available: boolean;
  /** The months of the series (month index = year·12 + month − 1), inclusive. */
  months: { first: number; last: number; count: number } | null;
  cells: Record<AbcClass, Record<XyzClass, MatrixCell>>;
  /** Per ABC class, clients with no XYZ class. */
  unclassified: Record<AbcClass, MatrixCell>;
  reasons: { tooFewPeriods: number; zeroMean: number; negativeMean: number };
  classified: number;
}

export type MatrixClient = Pick<ClientAgg, 'revenue' | 'periods'> & { abc: AbcClass | null };

const ABC: readonly AbcClass[] = ['A', 'B', 'C'];
const XYZ: readonly XyzClass[] = ['X', 'Y', 'Z'];

function emptyCells(): Record<AbcClass, Record<XyzClass, MatrixCell>> {
  const row = () => ({ X: { clients: 0, revenue: 0 }, Y: { clients: 0, revenue: 0 }, Z: { clients: 0, revenue: 0 } });
  return { A: row(), B: row(), C: row() };
}

/** The months a series runs over: the bounded window's, else the span of the data. */
export function seriesMonths(clients: readonly MatrixClient[], window?: Pick<ReviewWindow, 'fromDay' | 'toDay'> | null): { first: number; last: number } | null {
  if (window && Number.isFinite(window.fromDay) && Number.isFinite(window.toDay)) {
    const first = monthIndex(window.fromDay + 1);
    const last = monthIndex(window.toDay);
    if (last >= first) return { first, last };
  }
  let first = Infinity;
  let last = -Infinity;
  for (const c of clients) {
    if (!c.periods) continue;
    for (const m of c.periods.keys()) {
      if (m < first) first = m;
      if (m > last) last = m;
    }
  }
  return Number.isFinite(first) ? { first, last } : null;
}

export function abcXyzMatrix(clients: readonly MatrixClient[], window?: Pick<ReviewWindow, 'fromDay' | 'toDay'> | null, cutoffs: XyzCutoffs = DEFAULT_XYZ): AbcXyzMatrix {
  const problem = validateXyzCutoffs(cutoffs);
  if (problem) throw new MessageError(problem);
  const cells = emptyCells();
  const unclassified: Record<AbcClass, MatrixCell> = { A: { clients: 0, revenue: 0 }, B: { clients: 0, revenue: 0 }, C: { clients: 0, revenue: 0 } };
  const reasons = { tooFewPeriods: 0, zeroMean: 0, negativeMean: 0 };
  const available = clients.some((c) => c.periods !== undefined);
  const span = available ? seriesMonths(clients, window) : null;
  let classified = 0;
  if (span) {
    const count = span.last - span.first + 1;
    const series = new Float64Array(count);
    for (const c of clients) {
      if (c.abc === null) continue;
      series.fill(0);
      if (c.periods) for (const [m, v] of c.periods) if (m >= span.first && m <= span.last) series[m - span.first] += v;
      const r = xyzClass(series, cutoffs);
      if (r.kind === 'class') {
        const cell = cells[c.abc][r.xyz];
        cell.clients++;
        cell.revenue += c.revenue;
        classified++;
      } else {
        unclassified[c.abc].clients++;
        unclassified[c.abc].revenue += c.revenue;
        reasons[r.kind]++;
      }
    }
  }
  return { available, months: span ? { ...span, count: span.last - span.first + 1 } : null, cells, unclassified, reasons, classified };
}

export { ABC as ABC_CLASSES, XYZ as XYZ_CLASSES };
