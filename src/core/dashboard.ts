import { abcXyzMatrix, AbcXyzMatrix, XyzSettings } from './abcXyzMatrix';
import type { Analysis, ClientResult } from './analyze';
import { CellValue } from './cells';
import { DashboardKpis, dashboardKpis, HhiGuidelines } from './dashboardKpis';
import { lorenzChart, LorenzChartData } from './lorenzChart';
import { paretoChart, ParetoChartData } from './paretoChart';
import { DEFAULT_PROGRAMME, ProgrammePlan, programmePlan, programmeSegments, ProgrammeSettings, SegmentCounts } from './programmePlan';
import { tierMix, TierMix } from './tierMix';
import { DEFAULT_XYZ } from './xyzClass';

/**
 * Everything the dashboard shows, from the same analysis as the review (no second pass over the
 * sheet): KPI figures (dashboardKpis), the Pareto chart (paretoChart: bars in at most `maxBands`
 * bands, exact cumulative line and 80% crossing), the Lorenz curve and Gini (lorenzChart), the
 * tier mix with movements since the last review (tierMix, from the Tier history rows), the
 * ABC × XYZ matrix when per-month values exist (abcXyzMatrix), and the VIP-programme plan
 * (programmePlan). O(n) after the analysis' sort, plus O(n · months) for XYZ.
 *
 * @example
 *   const d = buildDashboard(analysis, { history });
 *   d.kpis.top20Share; d.pareto.crossing; d.tierMix.movements.down; d.plan.pass.fullTimeOnly
 */
export type DashboardSource = Pick<Analysis, 'clients' | 'concentration' | 'statuses' | 'tiers' | 'rules'> & {
  aggregation?: Pick<Analysis['aggregation'], 'window'>;
};

export interface DashboardOptions {
  maxBands?: number;
  linePoints?: number;
  guidelines?: HhiGuidelines;
  hhiHeadlineMaxClients?: number;
  /** Tier history rows (header first) as read from the owned sheet. */
  history?: ReadonlyArray<ReadonlyArray<CellValue>>;
  /** XYZ cut-offs and period (month by default), see abcXyzMatrix. */
  xyz?: XyzSettings;
  programme?: ProgrammeSettings;
}

export interface DashboardData {
  kpis: DashboardKpis;
  pareto: ParetoChartData;
  lorenz: LorenzChartData;
  tierMix: TierMix;
  matrix: AbcXyzMatrix;
  segments: SegmentCounts;
  plan: ProgrammePlan;
}

/** Clients with a positive total in rank order (largest first) and their totals. */
export function rankedClients(clients: readonly ClientResult[]): { desc: Float64Array; ranked: ClientResult[] } {
  let m = 0;
  for (const c of clients) if (c.rank > 0) m++;
  const desc = new Float64Array(m);
  const ranked: ClientResult[] = new Array(m);
  for (const c of clients) {
    if (c.rank > 0 && c.rank <= m) {
      desc[c.rank - 1] = c.total;
      ranked[c.rank - 1] = c;
    }
  }
  return { desc, ranked };
}

/** The programme's segment counts for an analysis (top tier = the rules' first tier). */
export function analysisSegments(a: Pick<Analysis, 'clients' | 'rules'>, keyShare = DEFAULT_PROGRAMME.keyShare): SegmentCounts {
  const topTier = a.rules.tiers.length > 1 ? a.rules.tiers[0].name : undefined;
  return programmeSegments(a.clients, topTier, keyShare);
}

export function buildDashboard(a: DashboardSource, options: DashboardOptions = {}): DashboardData {
  const { desc, ranked } = rankedClients(a.clients);
  const programme = options.programme ?? DEFAULT_PROGRAMME;
  const segments = analysisSegments(a, programme.keyShare);
  return {
    kpis: dashboardKpis(a, { guidelines: options.guidelines, hhiHeadlineMaxClients: options.hhiHeadlineMaxClients }),
    pareto: paretoChart(desc, { maxBands: options.maxBands, linePoints: options.linePoints, clientAt: (i) => ranked[i] }),
    lorenz: lorenzChart(desc, { linePoints: options.linePoints }),
    tierMix: tierMix(a, options.history),
    matrix: abcXyzMatrix(a.clients, a.aggregation?.window, options.xyz ?? DEFAULT_XYZ),
    segments,
    plan: programmePlan(segments, programme),
  };
}
