import { contactCadence } from '../core/contactCadence';
import { giniSortedDesc } from '../core/gini';
import { hhiSortedDesc } from '../core/hhi';
import { STATUS_LABELS } from '../core/tiering';
import { topShareSortedDesc, validateTopFraction } from '../core/topShare';
import { abcXyzClass, DEFAULT_XYZ } from '../core/xyzClass';
import { cadenceTable } from './cadence';
import { cellCount, fail, readGrid, readName, readNumber, readOptionalCount, readOptionalNumber, readRange, run } from './excelArgs';
import { currentLang, installStandaloneRuntime } from './host';
import { M } from './messages';
import { cumulativeShare, readAbcCutoffs, readValue, revenueShare, segmentOfValue, segmentsOfRange, sortedDesc } from './pareto';
import { decideTier, requireTier, rulesFromRange, TierContext, tierContext } from './tierRules';
import { getWorkbookRules } from './workbookRules';
import { readXyzCutoffs, xyzOf } from './xyz';

/*
 * Excel custom functions of the CLIENTS namespace. The JSDoc of each function is the single
 * source of functions.json (custom-functions-metadata-plugin), which also appends the
 * CustomFunctions.associate calls to this file when webpack builds it. Every body is thin: read
 * the Excel arguments (excelArgs), call core, turn problems into #VALUE! / #N/A (run).
 *
 * Ranges are read as Excel's SUM and RANK read them: only numbers count; blanks, text and
 * logical values inside a range are skipped, and an ERROR VALUE inside a range is returned, as
 * SUM returns it (the first one, with a message naming its row and column) — except in the spill
 * form of PARETOSEGMENT, where the error stays on its own row and the other rows are classed
 * among the valid totals. An error in a single-value argument propagates. #REF! and #NAME?
 * cannot be returned by a custom function: they come back as #VALUE! with a message.
 * Range parameters are typed unknown[][] ("any", matrix), single values unknown ("any"), so the
 * functions — not Excel — decide how text and blanks are read; blanks read the same whether the
 * host passes them as null (web) or 0 (desktop): see excelArgs and xyz.periodNumbers.
 */

/** The language of results meant to be counted: the workbook's (saved with the rules), else the display's. */
function resultsLang(ctx: TierContext) {
  return ctx.lang ?? getWorkbookRules()?.lang ?? currentLang();
}

installStandaloneRuntime();

/**
 * Tier of a client from its measure (revenue or margin over the review window). With the previous tier it applies the downgrade policy: one grace review, then at most one tier down.
 * @customfunction VIPTIER
 * @param measure The client's revenue (or margin) over the review window.
 * @param [rules] Two-column range: tier name | minimum amount, rows in any order; the tier with the lowest bar is the base tier. Recommended: ClientTiersRules, the range the task pane keeps. Omitted: the rules saved in the workbook.
 * @param [previousTier] The tier the client had at the last review (blank: a new client).
 * @param [reviewsBelow] Consecutive reviews the client has already been below its tier's bar (default 0).
 * @returns The tier name.
 */
export function vipTier(measure: unknown, rules?: unknown[][], previousTier?: unknown, reviewsBelow?: unknown): string {
  return run(() => {
    const m = readNumber(measure, 'measure', 0);
    const ctx = tierContext(readRange(rules, 'rules'));
    return decideTier(ctx, m, readName(previousTier, 'previousTier'), readOptionalCount(reviewsBelow, 'reviewsBelow')).tier;
  });
}

// PARETOSEGMENT has two forms; Excel functions cannot be overloaded, so the form is chosen by shape:
// PARETOSEGMENT(values, [cutoffs]) when the first argument has several cells or nothing follows it;
// PARETOSEGMENT(value, allValues, [cutoffs]) when the first argument is a single cell (or a number) and a second
// argument is given. As in core abcClasses, the client that crosses a cut-off belongs to the higher class and clients
// with equal totals are ranked in sheet order; the one-value form answers for the first client with that total.
/**
 * ABC (Pareto) class: A for the clients making the first 80% of the total, B up to 95%, C the rest. Given a range, spills a class for each cell; given one cell and all values, returns that client's class.
 * @customfunction PARETOSEGMENT
 * @param values A range of client totals (spills one class per cell; blanks, text and totals of 0 or less get ""), or a single client's total.
 * @param [allValuesOrCutoffs] With a single value: all client totals. With a range: the cut-offs, two numbers such as {0.8,0.95}.
 * @param [cutoffs] Cut-offs for the one-value form: two numbers, default {0.8,0.95}.
 * @returns A, B or C for each value.
 */
export function paretoSegment(values: unknown[][], allValuesOrCutoffs?: unknown[][], cutoffs?: unknown[][]): Array<Array<string | CustomFunctions.Error>> {
  return run(() => {
    const first = readRange(values, 'values') ?? [[null]];
    const second = readRange(allValuesOrCutoffs, 'allValuesOrCutoffs');
    const third = readGrid(cutoffs);
    if (cellCount(first) === 1 && second) {
      return [[segmentOfValue(readValue(first[0][0]), second, readAbcCutoffs(third, 'cutoffs'), 'allValuesOrCutoffs')]];
    }
    if (second && third) fail('#VALUE!', M.cutoffsTwice());
    return segmentsOfRange(first, readAbcCutoffs(second ?? third, second ? 'allValuesOrCutoffs' : 'cutoffs'));
  });
}

/**
 * Cumulative share of the total made by the clients ranked before this client and the client itself (clients sorted by total, largest first): the Pareto curve at this client.
 * @customfunction CUMSHARE
 * @param value The client's total.
 * @param allValues All client totals (only numbers above 0 count).
 * @returns A share between 0 and 1 (1 for the smallest client; 0 for a total of 0 or less).
 */
export function cumShare(value: unknown, allValues: unknown[][]): number {
  return run(() => cumulativeShare(readValue(value), readRange(allValues, 'allValues') ?? []));
}

/**
 * Share of the total made by one client: value / sum of all positive totals.
 * @customfunction REVENUESHARE
 * @param value The client's total.
 * @param allValues All client totals (only numbers above 0 count).
 * @returns A share between 0 and 1 (0 for a total of 0 or less).
 */
export function revenueShareOf(value: unknown, allValues: unknown[][]): number {
  return run(() => revenueShare(readValue(value), readRange(allValues, 'allValues') ?? []));
}

/**
 * Gini coefficient of the client totals: 0 when all clients bring the same, close to 1 when one client brings almost everything.
 * @customfunction GINI
 * @param values Client totals (only numbers above 0 count).
 * @returns The Gini coefficient, between 0 and 1.
 */
export function giniOf(values: unknown[][]): number {
  return run(() => giniSortedDesc(sortedDesc(readRange(values, 'values') ?? [])));
}

/**
 * Herfindahl-Hirschman index of revenue concentration: the sum of squared percentage shares (10000 for one client; above 1800 is highly concentrated).
 * @customfunction HHI
 * @param values Client totals (only numbers above 0 count).
 * @returns The HHI, between 0 and 10000.
 */
export function hhiOf(values: unknown[][]): number {
  return run(() => hhiSortedDesc(sortedDesc(readRange(values, 'values') ?? [])));
}

/**
 * Share of the total made by the largest clients: the top 20% of clients by default.
 * @customfunction TOPSHARE
 * @param values Client totals (only numbers above 0 count).
 * @param [fraction] Below 1: a share of the clients (0.2 = the top 20%, rounded up); a whole number of 1 or more: the top N clients. Default 0.2.
 * @returns A share between 0 and 1.
 */
export function topShareOf(values: unknown[][], fraction?: unknown): number {
  return run(() => {
    // 0 is no fraction at all: read as a blank (Excel desktop passes a blank cell as 0)
    const given = readOptionalNumber(fraction, 'fraction', 0.2);
    const top = given === 0 ? 0.2 : given;
    const problem = validateTopFraction(top);
    if (problem) fail('#VALUE!', M.problem('fraction', problem));
    return topShareSortedDesc(sortedDesc(readRange(values, 'values') ?? []), top);
  });
}

/**
 * Amount the client still needs to reach a tier: the tier's minimum amount minus the measure. 0 or negative (the margin above the bar) when the client already qualifies; 0 for the base tier.
 * @customfunction TIERGAP
 * @param measure The client's revenue (or margin) over the review window.
 * @param tier The tier to reach.
 * @param rules Two-column range: tier name | minimum amount, rows in any order.
 * @returns The amount missing (positive) or the margin above the bar (0 or negative).
 */
export function tierGap(measure: unknown, tier: unknown, rules: unknown[][]): number {
  return run(() => {
    const m = readNumber(measure, 'measure', 0);
    const ctx = rulesFromRange(readRange(rules, 'rules') ?? []);
    const name = readName(tier, 'tier') ?? fail('#VALUE!', M.empty('tier'));
    const bar = ctx.bars[requireTier(ctx, name, 'tier')].minAmount;
    return bar === null ? 0 : bar - m;
  });
}

/**
 * Review status of a client by the downgrade policy: New, Keep, Up, Grace warning (first review below the bar) or Down. In the workbook's language saved with the rules (ClientTiersRules), so counts do not change with the viewer.
 * @customfunction TIERSTATUS
 * @param previousTier The tier the client had at the last review (blank: a new client).
 * @param measure The client's revenue (or margin) over the review window.
 * @param rules Two-column range: tier name | minimum amount, rows in any order.
 * @param [reviewsBelow] Consecutive reviews the client has already been below its tier's bar (default 0).
 * @returns The status label.
 */
export function tierStatus(previousTier: unknown, measure: unknown, rules: unknown[][], reviewsBelow?: unknown): string {
  return run(() => {
    const ctx = rulesFromRange(readRange(rules, 'rules') ?? []);
    const d = decideTier(ctx, readNumber(measure, 'measure', 0), readName(previousTier, 'previousTier'), readOptionalCount(reviewsBelow, 'reviewsBelow'));
    return STATUS_LABELS[d.status][resultsLang(ctx)];
  });
}

/**
 * XYZ class by the steadiness of a client's sales: the coefficient of variation (STDEV.P / AVERAGE) of its per-period values; X up to 10%, Y up to 25%, Z above.
 * @customfunction XYZCLASS
 * @param periodValues The client's values per period, e.g. 12 monthly totals (a blank period counts as no sales, 0; text is skipped; at least two periods).
 * @param [cutoffs] Two numbers: the X and Y cut-offs, default {0.1,0.25}.
 * @returns X, Y or Z.
 */
export function xyzClassOf(periodValues: unknown[][], cutoffs?: unknown[][]): string {
  return run(() => {
    const grid = readGrid(cutoffs);
    return xyzOf(readRange(periodValues, 'periodValues') ?? [], grid ? readXyzCutoffs(grid, 'cutoffs') : DEFAULT_XYZ);
  });
}

/**
 * Combined ABC-XYZ class, e.g. AX: a large client (ABC by its total among all totals, cut-offs 80%/95%) with steady sales (XYZ by its per-period values).
 * @customfunction ABCXYZ
 * @param value The client's total.
 * @param allValues All client totals.
 * @param periodValues The client's values per period.
 * @returns The combined class, e.g. AX or CZ.
 */
export function abcXyz(value: unknown, allValues: unknown[][], periodValues: unknown[][]): string {
  return run(() => {
    const v = readValue(value);
    const abc = segmentOfValue(v, readRange(allValues, 'allValues') ?? [], readAbcCutoffs(undefined, 'cutoffs'), 'allValues');
    if (abc === '') fail('#VALUE!', M.noAbcClass(v));
    return abcXyzClass(abc, xyzOf(readRange(periodValues, 'periodValues') ?? [], DEFAULT_XYZ));
  });
}

/**
 * Months between meetings with a client, from the VIP programme: the most valuable monthly (VIP: 1), the key top-20% quarterly (Key, class A: 3), everyone at least yearly (Standard, B, C: 12).
 * @customfunction CONTACTCADENCE
 * @param segmentOrTier A tier (VIP, Key, Standard), an ABC class (A, B, C) or an ABC-XYZ class (AX uses A).
 * @param [table] Your own two-column range: segment | months between meetings; replaces the default.
 * @returns The interval in months (1 monthly, 3 quarterly, 12 yearly).
 */
export function contactCadenceOf(segmentOrTier: unknown, table?: unknown[][]): number {
  return run(() => {
    const segment = readName(segmentOrTier, 'segmentOrTier') ?? fail('#VALUE!', M.empty('segmentOrTier'));
    const rows = cadenceTable(readGrid(table));
    const months = contactCadence(segment, rows);
    if (months === undefined) fail('#N/A', M.unknownSegment(segment, rows.map((r) => r.segment)));
    return months;
  });
}
