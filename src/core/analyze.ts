import { CellValue } from './cells';
import { Lang } from './format';
import { Message, MessageError, msg, renderMessage } from './messages';
import { cellAddress, columnLetter } from './cells';
import { AbcClass, abcClasses, AbcCutoffs, DEFAULT_ABC } from './abcClasses';
import { rankPositive } from './ranking';
import { aggregate, AggregateOptions, Aggregation, ClientAgg } from './aggregate';
import { giniSortedDesc } from './gini';
import { hhiSortedDesc } from './hhi';
import { CurvePoint, lorenzCurve, paretoCurve } from './lorenz';
import { DEFAULT_RULES, RuleSet } from './rules';
import { ReviewDates, reviewCalendar, reviewDates } from './reviewPeriod';
import { detectTable, DetectOptions, TableDetection } from './table';
import { decide, FigureWindow, statusFromLabel, TierBar, tierBars, TierDecision, TierStatus, STATUSES } from './tiering';
import { topShareSortedDesc } from './topShare';

/**
 * The whole analysis in one call, the same for the command line, the task pane and the
 * custom functions: table → per-client totals → ABC, concentration → tiers and reasons.
 */
export interface AnalyzeOptions extends Omit<AggregateOptions, 'measure'> {
  rules?: RuleSet;
  abc?: AbcCutoffs;
  detect?: DetectOptions;
  /** Points kept in the Pareto and Lorenz curves (default 200). */
  curvePoints?: number;
  /**
   * State from the previous review by client key (from the Tier history, `previousState`, or the
   * per-client sheet of a transaction log). A client's entry wins over the table's own Tier /
   * status / reviews-below columns (which an apply in the same period wrote); an entry without a
   * tier means "no previous tier".
   */
  previous?: ReadonlyMap<string, { tier?: string; reviewsBelow?: number; status?: string }>;
  /**
   * `previous` is the whole truth (a Tier history of this source exists): a client it does not
   * name has no previous tier, whatever the table's own Tier columns say (an apply in this period
   * wrote them).
   */
  previousComplete?: boolean;
  /** Start the history anew: no previous state at all, not even the table's Tier column. */
  restartHistory?: boolean;
  /**
   * Day number of the review (the caller's choice, e.g. today): its period under the rules'
   * calendar decides the grace-until and next-review dates. Absent: `asOfDay`, else the end of a
   * log's window; a client sheet without either has no review dates.
   */
  reviewDay?: number;
  /**
   * Cells (zero-based) that hold a formula with no saved result — a file written by a program
   * that does not calculate (openpyxl, ExcelJS, …). In a column the analysis reads they would
   * count as blanks, so the analysis is refused with a message saying how to fix the file.
   */
  formulasWithoutValue?: ReadonlyArray<{ row: number; col: number }>;
  /** Notes on how the input was read (a CSV's encoding and delimiter), put before the table's notes. */
  inputNotes?: readonly Message[];
}

export interface ClientResult extends ClientAgg {
  abc: AbcClass | null;
  /** Share of the positive total (0 for excluded clients). */
  share: number;
  cumShare: number;
  rank: number;
  decision: TierDecision;
}

export interface Concentration {
  /** Clients with total > 0. */
  clients: number;
  excluded: number;
  total: number;
  abc: Record<AbcClass, { clients: number; revenue: number }>;
  top20Share: number;
  top10Share: number;
  gini: number;
  hhi: number;
  pareto: CurvePoint[];
  lorenz: CurvePoint[];
}

export interface Analysis {
  table: TableDetection;
  aggregation: Omit<Aggregation, 'clients'>;
  rules: RuleSet;
  clients: ClientResult[];
  bars: TierBar[];
  concentration: Concentration;
  tiers: Record<string, { clients: number; revenue: number }>;
  statuses: Record<TierStatus, number>;
  /** What the figures cover (reasons name the window only when it is known). */
  figureWindow?: FigureWindow;
  /** Day number of the next review: the start of the period after the review's (null: no review day). */
  nextReviewDay: number | null;
  /** The review's day, period and the dates that follow from it (null: no review day). */
  review: ReviewDates | null;
}

export function analyzeGrid(grid: ReadonlyArray<ReadonlyArray<CellValue>>, options: AnalyzeOptions = {}): Analysis {
  const rules = options.rules ?? DEFAULT_RULES;
  const table = detectTable(grid, options.detect);
  if (options.formulasWithoutValue?.length) refuseFormulasWithoutValue(table, options.formulasWithoutValue, rules.measure);
  if (options.inputNotes?.length) table.notes.unshift(...options.inputNotes);
  return analyzeAggregation(table, aggregate(grid, table, aggregateOptions(options)), options);
}

/** The aggregation options of an analysis: the rule set's measure and window unless given. */
export function aggregateOptions(options: AnalyzeOptions): AggregateOptions {
  const rules = options.rules ?? DEFAULT_RULES;
  return { ...options, measure: rules.measure, windowMonths: options.windowMonths ?? rules.windowMonths };
}

/**
 * The analysis from per-client figures already aggregated (by `aggregate` over a grid, or by a
 * streamed read feeding a `LogAccumulator`): the previous review's state, ABC, concentration,
 * tiers and the next review date.
 */
export function analyzeAggregation(table: TableDetection, agg: Aggregation, options: AnalyzeOptions = {}): Analysis {
  const rules = options.rules ?? DEFAULT_RULES;
  const { clients, ...aggregation } = agg;
  if (options.restartHistory) {
    for (const c of clients) c.previousTier = c.previousStatus = c.reviewsBelow = undefined;
  } else if (options.previous) {
    for (const c of clients) {
      const p = options.previous.get(c.key);
      if (!p) {
        if (options.previousComplete) c.previousTier = c.previousStatus = c.reviewsBelow = undefined;
        continue;
      }
      c.previousTier = p.tier;
      c.reviewsBelow = p.reviewsBelow;
      c.previousStatus = p.status;
    }
  }
  const day = options.reviewDay ?? options.asOfDay ?? agg.window?.toDay;
  const review = day === undefined ? null : reviewDates(day, reviewCalendar(rules));
  const figureWindow: FigureWindow = agg.window ? { months: agg.window.months } : { column: (rules.measure === 'margin' ? table.columns.margin : table.columns.amount)?.header ?? '' };
  return { table, aggregation, ...analyzeClients(clients, rules, { ...options, figureWindow }), nextReviewDay: review?.nextReviewDay ?? null, review };
}

/** Refuse when a column the analysis reads holds formulas without saved results (first such column). */
function refuseFormulasWithoutValue(table: TableDetection, cells: ReadonlyArray<{ row: number; col: number }>, measure: 'revenue' | 'margin'): void {
  const c = table.columns;
  const read = new Set<number>();
  for (const m of [c.client, measure === 'margin' ? c.margin : c.amount, c.amount, table.shape === 'transactions' ? c.date : undefined]) if (m) read.add(m.index);
  if (table.shape === 'monthly') for (const m of table.monthColumns) read.add(m.index);
  const byCol = new Map<number, { count: number; first: number }>();
  for (const { row, col } of cells) {
    if (row < table.firstDataRow || row >= table.endRow || !read.has(col)) continue;
    const e = byCol.get(col);
    if (e) {
      e.count++;
      if (row < e.first) e.first = row;
    } else byCol.set(col, { count: 1, first: row });
  }
  if (byCol.size === 0) return;
  const [col, e] = [...byCol].sort((a, b) => a[0] - b[0])[0];
  throw new MessageError(msg('input.formulasWithoutValues', { column: columnLetter(col), header: table.headers[col] ?? '', count: e.count, first: cellAddress(e.first, col) }));
}

/** ABC, concentration and tiers for already aggregated clients. */
export function analyzeClients(
  clients: ClientAgg[],
  rules: RuleSet,
  options: { abc?: AbcCutoffs; curvePoints?: number; figureWindow?: FigureWindow } = {},
): Omit<Analysis, 'table' | 'aggregation' | 'nextReviewDay' | 'review'> {
  const n = clients.length;
  const totals = new Float64Array(n);
  const keys: string[] = new Array(n);
  for (let i = 0; i < n; i++) {
    totals[i] = clients[i].total;
    keys[i] = clients[i].key;
  }
  // one ranking serves ABC and the Pareto tier bars
  const ranking = rankPositive(totals, keys);
  const abc = abcClasses(totals, keys, options.abc ?? DEFAULT_ABC, ranking);
  const desc = new Float64Array(n - abc.excluded.length);
  {
    // reuse the ranking: rank r-1 holds the r-th largest
    for (let i = 0; i < n; i++) if (abc.rank[i] > 0) desc[abc.rank[i] - 1] = totals[i];
  }
  const bars = tierBars(rules, totals, keys, ranking);
  const ctx = { rules, bars, window: options.figureWindow };
  const tiers: Record<string, { clients: number; revenue: number }> = {};
  for (const t of rules.tiers) tiers[t.name] = { clients: 0, revenue: 0 };
  const statuses = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<TierStatus, number>;
  const results: ClientResult[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const c = clients[i];
    const decision = decide(
      { measure: c.total, orders: c.orders, previousTier: c.previousTier, reviewsBelow: c.reviewsBelow, previousStatus: statusFromLabel(c.previousStatus) },
      ctx,
    );
    tiers[decision.tier].clients++;
    tiers[decision.tier].revenue += c.revenue;
    statuses[decision.status]++;
    results[i] = {
      key: c.key,
      name: c.name,
      id: c.id,
      total: c.total,
      revenue: c.revenue,
      orders: c.orders,
      lastDay: c.lastDay,
      rows: c.rows,
      previousTier: c.previousTier,
      previousStatus: c.previousStatus,
      reviewsBelow: c.reviewsBelow,
      manager: c.manager,
      email: c.email,
      contact: c.contact,
      periods: c.periods,
      firstMonth: c.firstMonth,
      abc: abc.classes[i],
      share: abc.rank[i] > 0 ? c.total / abc.total : 0,
      cumShare: abc.cumShare[i],
      rank: abc.rank[i],
      decision,
    };
  }
  const points = options.curvePoints ?? 200;
  const concentration: Concentration = {
    clients: desc.length,
    excluded: abc.excluded.length,
    total: abc.total,
    abc: abc.summary,
    top20Share: topShareSortedDesc(desc, 0.2),
    top10Share: topShareSortedDesc(desc, Math.min(10, Math.max(1, desc.length))),
    gini: giniSortedDesc(desc),
    hhi: hhiSortedDesc(desc),
    pareto: paretoCurve(desc, points),
    lorenz: lorenzCurve(desc, points),
  };
  return { rules, clients: results, bars, concentration, tiers, statuses, figureWindow: options.figureWindow };
}

/**
 * The JSON the command line prints for `analyze --json`; issue samples and notes are in `lang`.
 * Every figure (money, shares, Gini, HHI) is the double the analysis computed, unrounded: JSON is
 * for programs, and rounding is for display only (`renderSummary`, the pane).
 */
export function analysisSummary(a: Analysis, lang: Lang = 'en') {
  const c = a.concentration;
  return {
    shape: a.table.shape,
    headerRow: a.table.headerRow + 1,
    columns: Object.fromEntries(Object.entries(a.table.columns).map(([k, v]) => [k, { column: v!.letter, header: v!.header, confidence: v!.confidence }])),
    window: a.aggregation.window ? { from: a.aggregation.window.from || null, to: a.aggregation.window.to, months: a.aggregation.window.months } : null,
    rules: a.rules.name,
    measure: a.rules.measure,
    clients: c.clients,
    excluded: c.excluded,
    total: c.total,
    abc: Object.fromEntries((['A', 'B', 'C'] as const).map((k) => [k, { clients: c.abc[k].clients, revenue: c.abc[k].revenue }])),
    top20Share: c.top20Share,
    top10Share: c.top10Share,
    gini: c.gini,
    hhi: c.hhi,
    tiers: Object.fromEntries(Object.entries(a.tiers).map(([k, v]) => [k, v.clients])),
    tierRevenue: Object.fromEntries(Object.entries(a.tiers).map(([k, v]) => [k, v.revenue])),
    bars: a.bars.map((b) => ({ tier: b.tier, minAmount: b.minAmount === null || !Number.isFinite(b.minAmount) ? null : b.minAmount, minOrders: b.minOrders })),
    statuses: a.statuses,
    rowsRead: a.aggregation.rowsRead,
    rowsUsed: a.aggregation.rowsUsed,
    rowsOutsideWindow: a.aggregation.rowsOutsideWindow,
    duplicates: a.aggregation.duplicates.length,
    issues: a.aggregation.issueCount,
    issueSamples: a.aggregation.issues.slice(0, 20).map((i) => `${i.address}: ${i.value} — ${renderMessage(i, lang)}`),
    notes: a.table.notes.map((n) => renderMessage(n, lang)),
  };
}
