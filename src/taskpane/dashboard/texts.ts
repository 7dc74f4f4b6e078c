import type { DashboardKpis } from '../../core/dashboardKpis';
import type { LorenzChartData } from '../../core/lorenzChart';
import type { ParetoChartData } from '../../core/paretoChart';
import type { TierMix, TierMovements } from '../../core/tierMix';
import type { Formatters } from './format';
import type { DashboardStrings } from './strings';

/**
 * The text alternatives of the charts (aria-label, caption, picture alt text) and the movement
 * summary, in the user's language: the same sentences on screen, for screen readers and in the
 * workbook.
 */
export function paretoText(d: ParetoChartData, k: DashboardKpis, s: DashboardStrings, f: Formatters): string {
  if (!d.crossing) return s.noClients;
  const bands = d.banded ? s.pareto.altBands(d.bands.length) : '';
  return s.pareto.alt(d.clients, bands, f.percent(d.crossing.x), f.count(d.crossing.clients), f.percent(d.crossing.y), s.ofMeasure[k.measure], f.percent(k.top20Share));
}

export function lorenzText(d: LorenzChartData, k: DashboardKpis, s: DashboardStrings, f: Formatters): string {
  if (d.clients === 0) return s.noClients;
  return s.lorenz.alt(f.decimal(d.gini, 3), f.percent(d.bottomHalfShare), s.ofMeasure[k.measure]);
}

export function tierMixText(m: TierMix, s: DashboardStrings, f: Formatters): string {
  return s.mix.alt(m.rows.map((r) => s.mix.altPart(r.tier, r.clients, f.percent(r.clientShare), f.percent(r.revenueShare))).join(' '));
}

/** "Since the review of 30 Jun 2025: 3 up, 5 down, …" (or why nothing is known). */
export function movementsLine(m: TierMovements, s: DashboardStrings, f: Formatters): string {
  if (m.source === 'none' && m.left === 0) return s.mix.noHistory;
  const lead = m.lastReviewDay === null ? s.mix.fromSheet : m.applied ? s.mix.applied(f.day(m.lastReviewDay)) : s.mix.since(f.day(m.lastReviewDay));
  return `${lead} ${s.mix.counts(m.up, m.down, m.same, m.new, m.left)}`;
}
