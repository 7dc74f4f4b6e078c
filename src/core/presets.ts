import { defaultTiers, DEFAULT_TIER_TEXT, RuleSet, RuleSetSchema, rulesLang } from './rules';
import { Lang } from './format';
import { rankPositive } from './ranking';

/**
 * Rule-set presets the pane offers. Pareto needs no numbers; the threshold presets start from
 * the current data (bars at the 50% / 80% Pareto positions, rounded to two significant digits),
 * so they are sensible on any scale and then edited by the manager.
 *
 * @example roundBar(1234567) // 1200000
 */
export type PresetId = 'pareto' | 'revenue' | 'margin' | 'orders';

export const PRESET_IDS: readonly PresetId[] = ['pareto', 'revenue', 'margin', 'orders'];

export function roundBar(x: number): number {
  if (!(x > 0) || !Number.isFinite(x)) return 0;
  const p = Math.pow(10, Math.floor(Math.log10(x)) - 1);
  return Math.round(x / p) * p;
}

function paretoBars(values: ArrayLike<number>, shares: number[]): number[] {
  const { order, total } = rankPositive(values);
  return shares.map((share) => {
    let before = 0;
    let bar = 0;
    for (let r = 0; r < order.length; r++) {
      if (before / total >= share) break;
      bar = values[order[r]];
      before += bar;
    }
    return roundBar(bar);
  });
}

/**
 * A preset rule set for these per-client figures (revenue, margin, orders per client). Tier names
 * are in `lang`, by default the language of the rules being replaced (`base`), so a Russian
 * workbook's presets read VIP / Ключевой / Базовый.
 */
export function presetRules(id: PresetId, figures: { revenue: ArrayLike<number>; margin?: ArrayLike<number>; orders?: ArrayLike<number> }, base?: Partial<RuleSet>, lang?: Lang): RuleSet {
  const l: Lang = lang ?? (base?.tiers ? rulesLang({ tiers: base.tiers }) : 'en');
  const ru = l === 'ru';
  const tiers = (a: number, b: number, key: 'minAmount' | 'minOrders') => defaultTiers(l, [{ [key]: Math.max(a, b) }, { [key]: Math.min(a, b) }, null]);
  let rs: unknown;
  switch (id) {
    case 'pareto':
      rs = { name: DEFAULT_TIER_TEXT[l].name, measure: 'revenue', tiers: defaultTiers(l, [{ paretoShare: 0.5 }, { paretoShare: 0.8 }, null]) };
      break;
    case 'revenue': {
      const [a, b] = paretoBars(figures.revenue, [0.5, 0.8]);
      rs = { name: ru ? 'Пороги по выручке' : 'Revenue thresholds', measure: 'revenue', tiers: tiers(a || 1, b || 1, 'minAmount') };
      break;
    }
    case 'margin': {
      const [a, b] = paretoBars(figures.margin ?? figures.revenue, [0.5, 0.8]);
      rs = { name: ru ? 'Пороги по марже' : 'Margin thresholds', measure: 'margin', tiers: tiers(a || 1, b || 1, 'minAmount') };
      break;
    }
    case 'orders': {
      const o = Array.from(figures.orders ?? []).filter((x) => x > 0).sort((x, y) => y - x);
      const at = (q: number) => Math.max(1, Math.round(o[Math.min(o.length - 1, Math.floor(q * o.length))] ?? 1));
      rs = { name: ru ? 'Число заказов' : 'Order count', measure: 'revenue', tiers: tiers(at(0.05), at(0.2), 'minOrders') };
      break;
    }
  }
  return RuleSetSchema.parse({ ...(rs as object), windowMonths: base?.windowMonths ?? 6, policy: base?.policy, reviewEveryMonths: base?.reviewEveryMonths, reviewAnchor: base?.reviewAnchor });
}
