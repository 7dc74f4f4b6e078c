import { CellValue, isBlank } from '../core/cells';
import { Lang } from '../core/format';
import { parseMoney } from '../core/parseMoney';
import { PolicySchema, RuleSet } from '../core/rules';
import { TierBar } from '../core/tiering';

/**
 * The rules as the workbook carries them for the custom functions: a small two-column range the
 * task pane owns, under the workbook name `ClientTiersRules`, so that
 * `=CLIENTS.VIPTIER(C2, ClientTiersRules)` depends on it the way Excel can see (writing the range
 * recalculates every formula that uses it, and the file keeps it when reopened without the pane):
 *
 *   | Client Tiers rules | lang=en; graceReviews=1; maxStepsDown=1; hysteresisPct=0; benefitSteps=0 |
 *   | VIP                | 500000                                                                  |
 *   | Key                | 100000                                                                  |
 *   | Standard           |                                                                         |
 *
 * The first row is a header core readLabelTable skips (its number cell is text); it carries the
 * workbook's results language (TIERSTATUS labels, chosen once and saved with the rules, so a
 * COUNTIF over them does not depend on who calculated last) and the downgrade policy. Each tier
 * row holds its amount bar: a Pareto-share tier ("first 50% of revenue") holds the bar the last
 * review computed from all clients, so the rules survive a reopen; a tier the range cannot
 * express (Pareto without a review yet, or an order-count criterion) holds a reason as text and
 * the functions refuse it with that reason instead of guessing.
 *
 * The same table typed by a user (without the header) still works as a plain rules range.
 */
export const RULES_NAME = 'ClientTiersRules';
export const RULES_MARKER = 'Client Tiers rules';

export interface RulesTableHeader {
  lang: Lang;
  policy: RuleSet['policy'];
}

const POLICY_KEYS = ['graceReviews', 'maxStepsDown', 'hysteresisPct', 'benefitSteps'] as const;

/** The reason a tier's bar cannot be written as an amount, or null when it can. */
function unexpressible(rules: RuleSet, bars: readonly TierBar[] | undefined, i: number, lang: Lang): string | null {
  const c = rules.tiers[i].criteria;
  if (!c) return null;
  if (c.minOrders !== undefined && c.minOrders > 0) return lang === 'ru' ? `нужно число заказов от ${c.minOrders}` : `needs an order count of ${c.minOrders} or more`;
  if (c.paretoShare !== undefined && !(bars && bars[i] && bars[i].minAmount !== null)) {
    const pct = Math.round(c.paretoShare * 100);
    return lang === 'ru' ? `первые ${pct}% выручки — планку рассчитывает пересмотр` : `first ${pct}% of revenue — a review computes the bar`;
  }
  return null;
}

/** The cells of the rules range: header, then one row per tier (name as text, bar as a number, '' for the base tier). */
export function rulesTableRows(rules: RuleSet, bars: readonly TierBar[] | undefined, lang: Lang): Array<[string, string | number]> {
  const p = rules.policy;
  const header: [string, string] = [RULES_MARKER, [`lang=${lang}`, ...POLICY_KEYS.map((k) => `${k}=${p[k]}`)].join('; ')];
  const usable = bars && bars.length === rules.tiers.length ? bars : undefined;
  const rows = rules.tiers.map((t, i): [string, string | number] => {
    if (i === rules.tiers.length - 1) return [t.name, ''];
    const reason = unexpressible(rules, usable, i, lang);
    if (reason) return [t.name, reason];
    const bar = usable ? usable[i].minAmount : (t.criteria?.minAmount ?? null);
    return [t.name, bar ?? 0];
  });
  return [header, ...rows];
}

/** The header of a rules range written by the pane, or undefined for a range a user typed. */
export function rulesTableHeader(cells: ReadonlyArray<ReadonlyArray<CellValue>>): RulesTableHeader | undefined {
  const first = cells[0];
  if (!first || typeof first[0] !== 'string' || first[0].trim() !== RULES_MARKER || typeof first[1] !== 'string') return undefined;
  const fields = new Map<string, string>();
  for (const part of first[1].split(';')) {
    const m = /^\s*([A-Za-z]+)\s*=\s*(.*?)\s*$/.exec(part);
    if (m) fields.set(m[1], m[2]);
  }
  const lang: Lang = fields.get('lang') === 'ru' ? 'ru' : 'en';
  const raw: Record<string, number> = {};
  for (const k of POLICY_KEYS) {
    const v = fields.get(k);
    if (v !== undefined && v !== '' && Number.isFinite(Number(v))) raw[k] = Number(v);
  }
  const policy = PolicySchema.safeParse(raw);
  return { lang, policy: policy.success ? policy.data : PolicySchema.parse({}) };
}

/** In a range written by the pane: the first tier whose bar cell holds a reason instead of an amount. */
export function unexpressedTier(cells: ReadonlyArray<ReadonlyArray<CellValue>>): { tier: string; reason: string } | undefined {
  for (let i = 1; i < cells.length; i++) {
    const [label, value] = cells[i];
    if (isBlank(value) || typeof value !== 'string') continue;
    if (parseMoney(value).kind === 'text') return { tier: String(label ?? '').trim(), reason: value.trim() };
  }
  return undefined;
}
