import type { Analysis } from '../../core/analyze';
import type { AbcXyzMatrix } from '../../core/abcXyzMatrix';
import type { DashboardKpis } from '../../core/dashboardKpis';
import type { ParetoChartData } from '../../core/paretoChart';
import type { ProgrammePlan } from '../../core/programmePlan';
import type { TierMix } from '../../core/tierMix';
import type { DashboardSheetContent, SheetBlock, SheetPicture } from '../../excel/dashboardSheet';
import type { Formatters } from './format';
import type { DashboardStrings } from './strings';
import { movementsLine } from './texts';

/**
 * What "Insert into workbook" writes: the dashboard's tables as cell blocks (numbers as numbers
 * with Excel formats — money in the workbook's own format, shares as 0.0% — and text as text)
 * and the chart pictures. Pure: the Excel layer only lays it out.
 */
export interface SheetInputs {
  analysis: Pick<Analysis, 'rules' | 'aggregation'>;
  kpis: DashboardKpis;
  pareto: ParetoChartData;
  mix: TierMix;
  matrix: AbcXyzMatrix;
  plan: ProgrammePlan;
  s: DashboardStrings;
  f: Formatters;
  /** The amount column's number format (else #,##0.00). */
  moneyFormat?: string;
  pictures: SheetPicture[];
  today: string;
}

export function dashboardSheetContent(x: SheetInputs): DashboardSheetContent {
  const { kpis: k, s, f } = x;
  const money = x.moneyFormat && x.moneyFormat !== 'General' ? x.moneyFormat : '#,##0.00';
  const of = s.ofMeasure[k.measure];
  const guidelines = s.guidelineOption[k.guidelines];
  const kpiRows: Array<[string, number, string, string]> = [
    [s.kpi.clients, k.clients, '#,##0', s.kpi.clientsNote(k.excluded)],
    [s.kpi.revenue, k.revenueCard.value, money, k.measure === 'margin' ? s.kpi.measureTotal(s.measure.margin) : k.revenueCard.note[f.lang]],
    [s.kpi.top20, k.top20Share, '0.0%', `${s.kpi.top20Note(k.top20Clients)} ${of}`],
    [s.kpi.top10, k.top10Share, '0.0%', `${s.kpi.top10Note(k.top10Clients)} ${of}`],
    [s.kpi.gini, k.gini, '0.000', s.kpi.giniNote],
    [s.kpi.hhi, k.hhi, k.hhi < 100 ? '#,##0.0' : '#,##0', `${s.kpi.hhiBand[k.hhiBand]} (${guidelines}); ${s.kpi.hhiNote(Math.round(k.hhiEquivalentClients))}`],
    [s.kpi.atRisk, k.atRisk, '#,##0', s.kpi.atRiskNote],
    [s.kpi.downgrades, k.plannedDowngrades, '#,##0', s.kpi.downgradesNote(k.stepDowns)],
  ];
  const blocks: SheetBlock[] = [
    {
      title: s.kpi.region,
      headers: [...s.sheet.head],
      rows: kpiRows.map(([label, value, , note]) => [label, value, note]),
      formats: kpiRows.map(([, , format]) => ['@', format, '@']),
    },
    {
      title: s.mix.title,
      headers: [...s.mix.tableHead],
      rows: [
        ...x.mix.rows.map((r) => [r.tier, r.clients, r.revenue, r.previous ?? '', r.previous === null ? '' : r.movedIn, r.previous === null ? '' : r.movedOut]),
        [s.sheet.movements, movementsLine(x.mix.movements, s, f)],
      ],
      columnFormats: ['@', '#,##0', money, '#,##0', '#,##0', '#,##0'],
    },
  ];
  if (x.matrix.available) {
    const m = x.matrix;
    blocks.push({
      title: `${s.matrix.title} — ${s.matrix.legend}`,
      headers: [...s.sheet.matrixHead],
      rows: (['A', 'B', 'C'] as const).map((a) => [a, m.cells[a].X.clients, m.cells[a].Y.clients, m.cells[a].Z.clients, m.unclassified[a].clients]),
      columnFormats: ['@', '#,##0', '#,##0', '#,##0', '#,##0'],
    });
  }
  const p = x.plan;
  blocks.push({
    title: s.plan.title,
    headers: [...s.plan.tableHead],
    rows: [
      ...p.segments.map((g) => [s.plan.segment[g.id], g.clients, g.every, g.meetingsPerMonth]),
      [s.plan.total, p.clients, '', p.meetingsPerMonth],
      [s.sheet.planStaff, s.plan.regular(f.decimal(p.regular.perWeek, 1), p.regular.fullTimeOnly, p.regular.partTimeOnly)],
      ['', s.plan.pass(p.pass.clients, f.decimal(p.pass.weeks / (52 / 12), 1), f.decimal(p.pass.perWeek, 1), p.pass.fullTimeOnly, p.pass.partTimeOnly)],
      ...(p.pass.fullTime > 0 ? [['', s.plan.mix(p.pass.fullTime, p.pass.partTime)]] : []),
    ],
    columnFormats: ['@', '#,##0', '0', '#,##0.0'],
  });
  if (x.pareto.bands.length) {
    blocks.push({
      title: s.sheet.paretoTitle,
      headers: [...s.pareto.tableHead],
      rows: x.pareto.bands.map((b) => [b.name ? `${b.from}. ${b.name}` : s.pareto.band(f.count(b.from), f.count(b.to)), b.amount, b.mean, b.cumShare]),
      columnFormats: ['@', money, money, '0.0%'],
    });
  }
  const w = x.analysis.aggregation.window;
  return {
    lang: f.lang,
    subtitle: s.sheet.subtitle(x.analysis.rules.name, w ? s.sheet.window(w.from, w.to) : null, x.today),
    blocks,
    pictures: x.pictures,
    columnWidths: [230, 95, 95, 95, 80, 80],
  };
}
