import { z } from 'zod';

/**
 * Rule sets: ordered tiers from the highest to the lowest (the last one is the base tier
 * everybody else falls into), each with criteria on a measure over a review window, and a
 * downgrade policy. Criteria within a tier all have to hold (AND):
 *
 * - `minAmount`: the measure (revenue or margin) over the window is at least this amount;
 * - `minOrders`: at least this many orders in the window;
 * - `paretoShare`: the client is among those making the first `paretoShare` of the total
 *   (the client that crosses the share still qualifies, see `tierBars`).
 *
 * Policy (from the source documents: "deferred transfer", gradual benefit reduction):
 * `graceReviews` reviews below the bar only warn; then up to `benefitSteps` reviews remove
 * benefits progressively; then the client moves down at most `maxStepsDown` tiers.
 * `hysteresisPct` keeps a tier while the measure stays within that percentage below its bar.
 */
export const TierSchema = z
  .object({
    name: z.string().trim().min(1, 'Tier name is empty').max(40, 'Tier name is longer than 40 characters'),
    criteria: z
      .object({
        minAmount: z.number().finite().nonnegative('must be 0 or more').optional(),
        minOrders: z.number().int('must be a whole number').nonnegative('must be 0 or more').optional(),
        paretoShare: z.number().gt(0, 'must be above 0').max(1, 'must be at most 1 (100%)').optional(),
      })
      .strict()
      .nullable()
      .default(null),
    benefits: z.array(z.string().trim().min(1)).default([]),
  })
  .strict();

export const PolicySchema = z
  .object({
    graceReviews: z.number().int('must be a whole number').min(0).max(12).default(1),
    maxStepsDown: z.number().int('must be a whole number').min(1).max(10).default(1),
    hysteresisPct: z.number().min(0, 'must be 0 or more').max(50, 'must be at most 50').default(0),
    benefitSteps: z.number().int('must be a whole number').min(0).max(12).default(0),
  })
  .strict();

export const RuleSetSchema = z
  .object({
    version: z.literal(1).default(1),
    name: z.string().trim().min(1).max(80).default('Rules'),
    measure: z.enum(['revenue', 'margin']).default('revenue'),
    windowMonths: z.number().int('must be a whole number of months').min(1).max(120).default(6),
    tiers: z.array(TierSchema).min(2, 'needs at least two tiers').max(10, 'at most 10 tiers'),
    policy: PolicySchema.default({ graceReviews: 1, maxStepsDown: 1, hysteresisPct: 0, benefitSteps: 0 }),
  })
  .strict()
  .superRefine((rs, ctx) => {
    const seen = new Map<string, number>();
    rs.tiers.forEach((t, i) => {
      const key = t.name.toLowerCase();
      if (seen.has(key)) ctx.addIssue({ code: 'custom', path: ['tiers', i, 'name'], message: `repeats tier ${seen.get(key)! + 1} ("${t.name}")` });
      seen.set(key, i);
      const last = i === rs.tiers.length - 1;
      const c = t.criteria;
      const empty = !c || (c.minAmount === undefined && c.minOrders === undefined && c.paretoShare === undefined);
      if (last && !empty) ctx.addIssue({ code: 'custom', path: ['tiers', i, 'criteria'], message: 'the last tier is the base tier and takes no criteria' });
      if (!last && empty) ctx.addIssue({ code: 'custom', path: ['tiers', i, 'criteria'], message: 'needs a criterion (minAmount, minOrders or paretoShare)' });
    });
    // higher tiers must be at least as demanding as lower ones
    for (let i = 1; i < rs.tiers.length - 1; i++) {
      const hi = rs.tiers[i - 1].criteria;
      const lo = rs.tiers[i].criteria;
      if (hi?.minAmount !== undefined && lo?.minAmount !== undefined && lo.minAmount > hi.minAmount) {
        ctx.addIssue({ code: 'custom', path: ['tiers', i, 'criteria', 'minAmount'], message: `is above the bar of the higher tier "${rs.tiers[i - 1].name}"` });
      }
      if (hi?.paretoShare !== undefined && lo?.paretoShare !== undefined && lo.paretoShare < hi.paretoShare) {
        ctx.addIssue({ code: 'custom', path: ['tiers', i, 'criteria', 'paretoShare'], message: `is below the share of the higher tier "${rs.tiers[i - 1].name}"` });
      }
    }
  });

export type Tier = z.output<typeof TierSchema>;
export type Policy = z.output<typeof PolicySchema>;
export type RuleSet = z.output<typeof RuleSetSchema>;
export type RuleSetInput = z.input<typeof RuleSetSchema>;

/** The scale-free default: VIP = first 50% of revenue, Key = up to 80%, Standard = the rest. */
export const DEFAULT_RULES: RuleSet = Object.freeze({
  version: 1,
  name: 'Pareto 50/80',
  measure: 'revenue',
  windowMonths: 6,
  tiers: [
    { name: 'VIP', criteria: { paretoShare: 0.5 }, benefits: ['Personal manager', 'Priority delivery', 'Extended payment terms'] },
    { name: 'Key', criteria: { paretoShare: 0.8 }, benefits: ['Named account desk', 'Quarterly review meeting'] },
    { name: 'Standard', criteria: null, benefits: [] },
  ],
  policy: { graceReviews: 1, maxStepsDown: 1, hysteresisPct: 0, benefitSteps: 0 },
}) as RuleSet;

export class RuleSetError extends Error {
  constructor(public readonly problems: string[]) {
    super(`The rule set is not valid:\n- ${problems.join('\n- ')}`);
    this.name = 'RuleSetError';
  }
}

/** Render a zod path such as ['tiers', 1, 'criteria', 'minAmount'] as `tiers[2].criteria.minAmount`. */
export function fieldName(path: ReadonlyArray<PropertyKey>): string {
  let s = '';
  for (const p of path) s += typeof p === 'number' ? `[${p + 1}]` : (s ? '.' : '') + String(p);
  return s || '(rule set)';
}

export type ParseResult = { ok: true; rules: RuleSet } | { ok: false; problems: string[] };

/** Validate an object (e.g. parsed JSON) as a rule set; problems name the field. */
export function parseRuleSet(input: unknown): ParseResult {
  const r = RuleSetSchema.safeParse(input);
  if (r.success) return { ok: true, rules: r.data };
  return { ok: false, problems: r.error.issues.map((i) => `${fieldName(i.path)}: ${i.message}`) };
}

/** Parse rule-set JSON text; throws RuleSetError with field-named problems. */
export function ruleSetFromJson(text: string): RuleSet {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new RuleSetError([`not valid JSON (${(e as Error).message})`]);
  }
  const r = parseRuleSet(data);
  if (!r.ok) throw new RuleSetError(r.problems);
  return r.rules;
}

export function ruleSetToJson(rules: RuleSet): string {
  return JSON.stringify(rules, null, 2);
}

/** Index of a tier by name (case-insensitive, trimmed), or -1. */
export function tierIndex(rules: RuleSet, name: string): number {
  const k = name.trim().toLowerCase();
  return rules.tiers.findIndex((t) => t.name.toLowerCase() === k);
}

/**
 * A rule set from a two-column table "tier name | minimum amount" in any order (as typed in a
 * sheet for CLIENTS.VIPTIER). Rows with a blank name are skipped; the tier with the lowest
 * bar (or no bar) becomes the base tier.
 */
export function ruleSetFromThresholds(rows: Array<{ name: string; minAmount: number | null }>, base?: Partial<RuleSet>): RuleSet {
  const sorted = rows.filter((r) => r.name.trim() !== '').sort((a, b) => (b.minAmount ?? -Infinity) - (a.minAmount ?? -Infinity));
  const tiers = sorted.map((r, i) => ({
    name: r.name,
    criteria: i === sorted.length - 1 ? null : { minAmount: r.minAmount ?? 0 },
    benefits: [],
  }));
  const r = parseRuleSet({ ...DEFAULT_RULES, ...base, name: base?.name ?? 'Thresholds', tiers });
  if (!r.ok) throw new RuleSetError(r.problems);
  return r.rules;
}
