import type { Analysis } from './analyze';
import { HhiBand, hhiBand } from './hhi';
import { topCount } from './topShare';
import { formatAmount, Lang } from './format';
import { dashboard, t } from './i18n';

/**
 * The dashboard's headline figures, from the same analysis as the review:
 *
 * - **clients** with a positive total (and how many were left out), the measure's total and the
 *   revenue of every client;
 * - **top-20% share** (the ⌈0.2 n⌉ largest) and **top-10 share** (the 10 largest, or all when
 *   fewer), **Gini**, and **HHI** = Σ (100 · share)² with its band under the US merger guidelines
 *   — 2023: above 1,800 highly concentrated (1,000–1,800 moderate); 2010, as an option: under
 *   1,500 unconcentrated, 1,500–2,500 moderate, above 2,500 high
 *   (https://www.justice.gov/atr/herfindahl-hirschman-index);
 * - **HHI as equal clients**: 10,000 / HHI is the number of equal clients that would be as
 *   concentrated — the Online Retail log's HHI of about 45 reads "as concentrated as 220 equal
 *   clients";
 * - **clients at risk** (grace warnings), **benefit step-downs** and **planned downgrades**, from
 *   the statuses.
 *
 * HHI is bounded below by 10,000 / n, so for books of thousands of clients it is tiny whatever
 * the shape; there the top-N shares are the headline (`headline: 'topShares'`), and HHI speaks
 * for small key-account books (n ≤ `hhiHeadlineMaxClients`, default 100: `headline: 'hhi'`).
 *
 * @example hhiThresholds(2023) // { moderate: 1000, high: 1800 }
 * @example dashboardKpis(analyzeClients(clients, DEFAULT_RULES)).top20Share // e.g. 0.735
 */
export type HhiGuidelines = 2023 | 2010;

export const HHI_GUIDELINES: readonly HhiGuidelines[] = [2023, 2010];

/** Where the bands start: moderate from `moderate` (inclusive), high above `high`. */
export function hhiThresholds(guidelines: HhiGuidelines): { moderate: number; high: number } {
  return guidelines === 2023 ? { moderate: 1000, high: 1800 } : { moderate: 1500, high: 2500 };
}

export interface DashboardKpis {
  clients: number;
  excluded: number;
  measure: 'revenue' | 'margin';
  /** Positive total of the measure (the base of every share). */
  total: number;
  /** Revenue of every client (equal to `total` when the measure is revenue and none is negative). */
  revenue: number;
  /**
   * The Revenue card: on the same base as the shares beside it — the positive total when the
   * measure is revenue (clients with a total ≤ 0 are not in the Pareto shares) — and, when that
   * differs from every client's revenue (negatives, returns), both, labelled. For a margin measure
   * the card shows all revenue (the shares are of margin; the card's note says so).
   */
  revenueCard: { value: number; note: Record<Lang, string> };
  top20Share: number;
  /** ⌈0.2 n⌉. */
  top20Clients: number;
  top10Share: number;
  /** min(10, n). */
  top10Clients: number;
  gini: number;
  hhi: number;
  hhiBand: HhiBand;
  guidelines: HhiGuidelines;
  /** 10,000 / HHI; 0 when there is no HHI. */
  hhiEquivalentClients: number;
  headline: 'hhi' | 'topShares';
  /** Grace warnings. */
  atRisk: number;
  stepDowns: number;
  plannedDowngrades: number;
  upgrades: number;
}

export interface KpiOptions {
  guidelines?: HhiGuidelines;
  /** Books up to this many clients get HHI as the headline (default 100). */
  hhiHeadlineMaxClients?: number;
}

export type KpiSource = Pick<Analysis, 'concentration' | 'statuses' | 'clients' | 'rules'>;

export function dashboardKpis(a: KpiSource, options: KpiOptions = {}): DashboardKpis {
  const c = a.concentration;
  const guidelines = options.guidelines ?? 2023;
  let revenue = 0;
  for (const x of a.clients) revenue += x.revenue;
  return {
    clients: c.clients,
    excluded: c.excluded,
    measure: a.rules.measure,
    total: c.total,
    revenue,
    revenueCard: revenueCard(a.rules.measure, c.total, revenue),
    top20Share: c.top20Share,
    top20Clients: topCount(c.clients, 0.2),
    top10Share: c.top10Share,
    top10Clients: Math.min(10, c.clients),
    gini: c.gini,
    hhi: c.hhi,
    hhiBand: hhiBand(c.hhi, guidelines),
    guidelines,
    hhiEquivalentClients: c.hhi > 0 ? 10000 / c.hhi : 0,
    headline: c.clients > 0 && c.clients <= (options.hhiHeadlineMaxClients ?? 100) ? 'hhi' : 'topShares',
    atRisk: a.statuses.grace,
    stepDowns: a.statuses.stepdown,
    plannedDowngrades: a.statuses.down,
    upgrades: a.statuses.up,
  };
}

function revenueCard(measure: 'revenue' | 'margin', total: number, revenue: number): DashboardKpis['revenueCard'] {
  if (measure === 'margin') return { value: revenue, note: { en: '', ru: '' } };
  if (Math.abs(total - revenue) < 0.005) return { value: total, note: { en: '', ru: '' } };
  return {
    value: total,
    note: {
      en: t('en', dashboard.kpi.revenueBase, { amount: formatAmount(revenue, 'en') }),
      ru: t('ru', dashboard.kpi.revenueBase, { amount: formatAmount(revenue, 'ru') }),
    },
  };
}
