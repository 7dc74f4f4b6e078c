import { Lang } from '../core/format';
import { readLabelTable } from '../core/labelTable';
import { RuleSet, ruleSetFromThresholds, tierIndex } from '../core/rules';
import { decide, TierBar, tierBars, TierDecision } from '../core/tiering';
import { cellCount, fail, Grid, labelTableCells } from './excelArgs';
import { M } from './messages';
import { rulesTableHeader, unexpressedTier } from './rulesTable';
import { getWorkbookRules, savedWorkbookRules, workbookRulesVersion } from './workbookRules';
import { labelTableProblem } from './tables';

/**
 * The rules argument of VIPTIER, TIERGAP and TIERSTATUS: a two-column range "tier name |
 * minimum amount" (core readLabelTable → ruleSetFromThresholds, default policy: one grace
 * review, at most one tier down), or — for VIPTIER with the range omitted — the rule set the
 * task pane registered (see workbookRules). Parsed rule sets are cached by the table's content,
 * since a formula filled down a column passes the same small table on every row.
 */
export interface TierContext {
  rules: RuleSet;
  bars: TierBar[];
  /** The workbook's results language, when the rules carry one (the pane's ClientTiersRules range, or its saved rules). */
  lang?: Lang;
}

const NO_MEASURES = new Float64Array(0);
const cache = new Map<string, TierContext>();
const CACHE_SIZE = 32;
const MAX_CACHED_CELLS = 400;

export function rulesFromRange(grid: Grid, name = 'rules'): TierContext {
  const cells = labelTableCells(grid);
  const key = cellCount(grid) <= MAX_CACHED_CELLS ? JSON.stringify(cells) : undefined;
  const hit = key !== undefined ? cache.get(key) : undefined;
  if (hit) return hit;
  const header = rulesTableHeader(cells);
  if (header) {
    const missing = unexpressedTier(cells);
    if (missing) fail('#VALUE!', M.ruleNotInRange(missing.tier, missing.reason));
  }
  const table = readLabelTable(cells);
  if (!table.ok) fail('#VALUE!', labelTableProblem(name, table.problem));
  const rules = ruleSetFromThresholds(
    table.rows.map((r) => ({ name: r.label, minAmount: r.value })),
    header ? { policy: header.policy } : undefined,
  );
  const ctx: TierContext = { rules, bars: tierBars(rules, NO_MEASURES), lang: header?.lang };
  if (key !== undefined) {
    if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value as string);
    cache.set(key, ctx);
  }
  return ctx;
}

let workbookCtx: { version: number; ctx: TierContext } | undefined;

/** The workbook's registered rules, usable with a single measure; #VALUE! with the reason otherwise. */
export function rulesFromWorkbook(): TierContext {
  const version = workbookRulesVersion();
  if (workbookCtx && workbookCtx.version === version) return workbookCtx.ctx;
  const saved = getWorkbookRules() ?? savedWorkbookRules();
  if (!saved) fail('#VALUE!', M.noRules());
  const { rules } = saved;
  let bars: TierBar[];
  if (saved.bars && saved.bars.length === rules.tiers.length) {
    bars = [...saved.bars];
  } else {
    const pareto = rules.tiers.find((t) => t.criteria?.paretoShare !== undefined);
    if (pareto) fail('#VALUE!', M.rulesNeedAllClients(pareto.name, pareto.criteria!.paretoShare!));
    bars = tierBars(rules, NO_MEASURES);
  }
  const orders = rules.tiers.find((t) => t.criteria?.minOrders !== undefined && t.criteria.minOrders > 0);
  if (orders) fail('#VALUE!', M.rulesNeedOrders(orders.name));
  const ctx: TierContext = { rules, bars, lang: saved.lang };
  workbookCtx = { version, ctx };
  return ctx;
}

/** Rules from the range when given, else from the workbook. */
export function tierContext(grid: Grid | undefined): TierContext {
  return grid ? rulesFromRange(grid) : rulesFromWorkbook();
}

/** Index of a tier named in an argument; #N/A naming the known tiers when it is not in the rules. */
export function requireTier(ctx: TierContext, tier: string, name: string): number {
  const i = tierIndex(ctx.rules, tier);
  if (i < 0) fail('#N/A', M.unknownTier(name, tier, ctx.rules.tiers.map((t) => t.name)));
  return i;
}

/** Core `decide` for one measure; an unknown previous tier is #N/A (core would treat it as new). */
export function decideTier(ctx: TierContext, measure: number, previousTier: string | undefined, reviewsBelow: number | undefined): TierDecision {
  if (previousTier !== undefined) requireTier(ctx, previousTier, 'previousTier');
  return decide({ measure, previousTier, reviewsBelow }, ctx);
}
