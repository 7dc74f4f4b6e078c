import type { AbcClass } from './abcClasses';
import type { ClientAgg, ReviewWindow } from './aggregate';
import { MessageError } from './messages';
import { dayFromParts, monthIndex } from './parseDate';
import { DEFAULT_XYZ, validateXyzCutoffs, XyzClass, xyzClass, XyzCutoffs, XyzResult } from './xyzClass';

/**
 * ABC × XYZ matrix: clients (and revenue) per combination of the ABC class (share of revenue,
 * see abcClasses) and the XYZ class (steadiness of purchases per period, see xyzClass) — AX are
 * large and steady, CZ small and irregular.
 *
 * **Which periods.** Per-period values come from the analysis run with `periods: true` (monthly
 * columns or a transaction log). The period is a month or a quarter (calendar quarters). The
 * review covers its *complete* periods only: those wholly inside the review window (a window
 * ending on 9 December leaves December out; one starting on 10 December 2024 leaves that
 * December out too), or, without a bounded start, from the first period the data covers whole
 * (data from December 2010 on: quarters from Q1 2011). A client's
 * series runs **from the period of its first sale** (`firstMonth`: its first order in the whole
 * sheet up to the review's end, also before the window; else its first month with an amount) to
 * the last complete period, a period without sales counting as 0. A B2B client who started in
 * March is not judged on January and February, and one who orders every quarter is steady by
 * quarter (X) where every month it buys in one month of three (cv ≈ 141 %, Z).
 *
 * Clients left out of ABC (total ≤ 0) are not in the matrix; clients without an XYZ class
 * (fewer than two periods since their first sale, or a zero or negative mean) are counted apart
 * with the reason. How many periods each client's class rests on is in `clientPeriods`.
 *
 * @example
 *   // Months Jan–Apr 2025; a client buying 90 and 110 in March and April, its first two months: cv 10% → X
 *   abcXyzMatrix([{ abc: 'A', revenue: 200, firstMonth: 24302, periods: new Map([[24302, 90], [24303, 110]]) }], window).cells.A.X.clients // 1
 */
export interface MatrixCell {
  clients: number;
  revenue: number;
}

export type XyzPeriod = 'month' | 'quarter';

export const XYZ_PERIODS: readonly XyzPeriod[] = ['month', 'quarter'];

/** The cut-offs and the period of the series (default: month). */
export interface XyzSettings extends XyzCutoffs {
  period?: XyzPeriod;
}

export interface AbcXyzMatrix {
  /** Some client had per-period values. */
  available: boolean;
  period: XyzPeriod;
  cutoffs: XyzCutoffs;
  /** The complete periods of the review: period index (month: year·12 + month − 1; quarter: year·4 + quarter − 1), inclusive. */
  span: { first: number; last: number; count: number } | null;
  /** The same span in months (month index = year·12 + month − 1), inclusive. */
  months: { first: number; last: number; count: number } | null;
  cells: Record<AbcClass, Record<XyzClass, MatrixCell>>;
  /** Per ABC class, clients with no XYZ class. */
  unclassified: Record<AbcClass, MatrixCell>;
  reasons: { tooFewPeriods: number; zeroMean: number; negativeMean: number };
  classified: number;
  /** Per client (same order as the input): the periods its class was computed over; -1 when not in ABC. */
  clientPeriods: Int32Array;
  /** Periods per client over the clients in ABC: fewest, median, most (null when none). */
  periodsPerClient: { min: number; median: number; max: number } | null;
}

export type MatrixClient = Pick<ClientAgg, 'revenue' | 'periods' | 'firstMonth'> & { abc: AbcClass | null };

const ABC: readonly AbcClass[] = ['A', 'B', 'C'];
const XYZ: readonly XyzClass[] = ['X', 'Y', 'Z'];

function emptyCells(): Record<AbcClass, Record<XyzClass, MatrixCell>> {
  const row = () => ({ X: { clients: 0, revenue: 0 }, Y: { clients: 0, revenue: 0 }, Z: { clients: 0, revenue: 0 } });
  return { A: row(), B: row(), C: row() };
}

/** Months per period. */
export function periodMonths(period: XyzPeriod): number {
  return period === 'quarter' ? 3 : 1;
}

/** The period a month index falls in. */
export function periodOfMonth(month: number, period: XyzPeriod): number {
  return Math.floor(month / periodMonths(period));
}

/** Day number of the first day of a month index. */
function monthStartDay(month: number): number {
  const y = Math.floor(month / 12);
  return dayFromParts(y, month - y * 12 + 1, 1)!;
}

/** The earliest month a client bought in: `firstMonth`, else its first month with a non-zero amount. */
export function firstSaleMonth(c: Pick<MatrixClient, 'periods' | 'firstMonth'>): number | undefined {
  if (c.firstMonth !== undefined) return c.firstMonth;
  let first: number | undefined;
  if (c.periods) for (const [m, v] of c.periods) if (v !== 0 && (first === undefined || m < first)) first = m;
  return first;
}

/**
 * The complete periods a series runs over: those wholly inside a bounded window; with an
 * unbounded start, from the first period with data up to the last complete one before the
 * window's end; without a window, the periods of the data.
 */
export function seriesPeriods(clients: readonly MatrixClient[], window?: Pick<ReviewWindow, 'fromDay' | 'toDay'> | null, period: XyzPeriod = 'month'): { first: number; last: number } | null {
  const k = periodMonths(period);
  let first = Infinity;
  let last = -Infinity;
  const hasEnd = Boolean(window && Number.isFinite(window.toDay));
  if (hasEnd) {
    const end = window!.toDay;
    last = periodOfMonth(monthIndex(end), period);
    // the period is complete when the window ends on its last day
    if (monthStartDay((last + 1) * k) - 1 !== end) last--;
  }
  if (window && Number.isFinite(window.fromDay)) {
    const start = window.fromDay + 1;
    first = periodOfMonth(monthIndex(start), period);
    if (monthStartDay(first * k) !== start) first++;
  } else {
    let dataFirst = Infinity;
    let dataLast = -Infinity;
    for (const c of clients) {
      if (!c.periods) continue;
      for (const m of c.periods.keys()) {
        if (m < dataFirst) dataFirst = m;
        if (m > dataLast) dataLast = m;
      }
    }
    if (!Number.isFinite(dataFirst)) return null;
    // the data's first month is taken as complete; a quarter it starts in the middle of is not
    first = periodOfMonth(dataFirst, period);
    if (dataFirst !== first * k) first++;
    if (!hasEnd) last = periodOfMonth(dataLast, period);
  }
  return Number.isFinite(first) && Number.isFinite(last) && last >= first ? { first, last } : null;
}

/** The month span of a series: seriesPeriods with months. */
export function seriesMonths(clients: readonly MatrixClient[], window?: Pick<ReviewWindow, 'fromDay' | 'toDay'> | null): { first: number; last: number } | null {
  return seriesPeriods(clients, window, 'month');
}

/**
 * One client's XYZ class over the complete periods `span` (see seriesPeriods), counted from the
 * period of its first sale; `series` is scratch space of at least span length.
 */
export function clientXyz(c: Pick<MatrixClient, 'periods' | 'firstMonth'>, span: { first: number; last: number }, settings: XyzSettings = DEFAULT_XYZ, series?: Float64Array): XyzResult {
  const period = settings.period ?? 'month';
  const firstSale = firstSaleMonth(c);
  const from = firstSale === undefined ? span.first : Math.max(span.first, periodOfMonth(firstSale, period));
  const n = Math.max(0, span.last - from + 1);
  const s = series && series.length >= n ? series.subarray(0, n) : new Float64Array(n);
  s.fill(0);
  if (c.periods) {
    for (const [m, v] of c.periods) {
      const p = periodOfMonth(m, period);
      if (p >= from && p <= span.last) s[p - from] += v;
    }
  }
  return xyzClass(s, settings);
}

export function abcXyzMatrix(clients: readonly MatrixClient[], window?: Pick<ReviewWindow, 'fromDay' | 'toDay'> | null, settings: XyzSettings = DEFAULT_XYZ): AbcXyzMatrix {
  const cutoffs: XyzCutoffs = { x: settings.x, y: settings.y };
  const problem = validateXyzCutoffs(cutoffs);
  if (problem) throw new MessageError(problem);
  const period = settings.period ?? 'month';
  const cells = emptyCells();
  const unclassified: Record<AbcClass, MatrixCell> = { A: { clients: 0, revenue: 0 }, B: { clients: 0, revenue: 0 }, C: { clients: 0, revenue: 0 } };
  const reasons = { tooFewPeriods: 0, zeroMean: 0, negativeMean: 0 };
  const available = clients.some((c) => c.periods !== undefined);
  const span = available ? seriesPeriods(clients, window, period) : null;
  const clientPeriods = new Int32Array(clients.length).fill(-1);
  let classified = 0;
  if (span) {
    const series = new Float64Array(span.last - span.first + 1);
    for (let i = 0; i < clients.length; i++) {
      const c = clients[i];
      if (c.abc === null) continue;
      const r = clientXyz(c, span, { ...cutoffs, period }, series);
      clientPeriods[i] = r.periods;
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
  const k = periodMonths(period);
  return {
    available,
    period,
    cutoffs,
    span: span ? { ...span, count: span.last - span.first + 1 } : null,
    months: span ? { first: span.first * k, last: span.last * k + k - 1, count: (span.last - span.first + 1) * k } : null,
    cells,
    unclassified,
    reasons,
    classified,
    clientPeriods,
    periodsPerClient: spread(clientPeriods),
  };
}

/** Fewest, median and most of the non-negative entries (counting sort: periods are few). */
function spread(counts: Int32Array): { min: number; median: number; max: number } | null {
  let max = -1;
  let n = 0;
  for (const v of counts) {
    if (v < 0) continue;
    n++;
    if (v > max) max = v;
  }
  if (n === 0) return null;
  const hist = new Int32Array(max + 1);
  for (const v of counts) if (v >= 0) hist[v]++;
  let min = 0;
  while (hist[min] === 0) min++;
  const half = Math.floor((n - 1) / 2);
  let seen = 0;
  let median = min;
  for (let v = min; v <= max; v++) {
    seen += hist[v];
    if (seen > half) {
      median = v;
      break;
    }
  }
  return { min, median, max };
}

export { ABC as ABC_CLASSES, XYZ as XYZ_CLASSES };
