import { Button, Caption1, Field, Select, Spinner, Subtitle2, Title3 } from '@fluentui/react-components';
import type { ChartConfiguration } from 'chart.js';
import { useCallback, useMemo, useState } from 'react';
import type { AbcXyzMatrix, XyzSettings } from '../../core/abcXyzMatrix';
import type { Analysis } from '../../core/analyze';
import type { CellValue } from '../../core/cells';
import { analysisSegments, buildDashboard } from '../../core/dashboard';
import { dashboardKpis, HhiGuidelines } from '../../core/dashboardKpis';
import type { Lang } from '../../core/format';
import type { LorenzChartData } from '../../core/lorenzChart';
import type { ParetoChartData } from '../../core/paretoChart';
import { DEFAULT_PROGRAMME, programmePlan, ProgrammeSettings } from '../../core/programmePlan';
import type { TierMix } from '../../core/tierMix';
import type { DashboardSheetContent, SheetPicture } from '../../excel/dashboardSheet';
import { ChartCanvas } from './ChartCanvas';
import { ChartText, forPicture, lorenzConfig, paretoConfig, tierMixConfig } from './chartConfigs';
import { renderChartPng } from './exportPng';
import { Formatters, formatters } from './format';
import { KpiCards } from './KpiCards';
import { chartPalette } from './palette';
import { ProgrammePlanView } from './ProgrammePlan';
import { dashboardSheetContent } from './sheetContent';
import { DashboardStrings, dashboardStrings } from './strings';
import { useDashboardStyles } from './styles';
import { XyzControl } from './XyzControl';
import { DEFAULT_XYZ } from '../../core/xyzClass';
import { lorenzText, movementsLine, paretoText, tierMixText } from './texts';

/**
 * The embedded dashboard (issue 6): KPI cards, the Pareto chart, the Lorenz curve, the tier mix
 * with movements since the last review, the ABC × XYZ matrix, and the VIP-programme plan — all
 * from the reviewed analysis (no second pass over the sheet) — and "Insert into workbook",
 * which writes the Dashboard sheet with the tables and the charts as pictures.
 *
 * Wiring: `<Dashboard analysis={state.analysis} lang={lang} dark={env.dark} history={state.history}
 * moneyFormat={…} busy={…} onInsert={actions.insertDashboard} />`, where `history` is the Tier
 * history sheet's rows and `moneyFormat` the amount column's number format (see `moneyFormatOf`).
 * The dashboard never calls the workbook itself: it builds the sheet's content and hands it to
 * `onInsert` (the pane's workbook hook, which shows progress and the outcome).
 */
export interface DashboardProps {
  analysis: Analysis;
  lang: Lang;
  dark: boolean;
  /** Writes the Dashboard sheet (the pane's workbook hook: progress, outcome message). */
  onInsert: (content: DashboardSheetContent) => Promise<void> | void;
  /** The workbook is busy with other work (the button waits). */
  busy?: boolean;
  /** Tier history rows, header first (both languages' sheets may be concatenated). */
  history?: CellValue[][];
  /** The amount column's Excel number format, for money "in the workbook's format". */
  moneyFormat?: string;
  /** Draws a chart to PNG (Base64) for the workbook; defaults to a detached canvas. Tests inject it. */
  renderPng?: (config: ChartConfiguration, width: number, height: number) => string | null;
  /** Bars of the Pareto chart at most (default 40). */
  maxBands?: number;
}

/** The amount column's number format from the sheet read in step 1 (first data row). */
export function moneyFormatOf(data: { formats: string[][] } | null | undefined, analysis: Pick<Analysis, 'table'>): string | undefined {
  const t = analysis.table;
  const col = t.columns.amount?.index ?? t.monthColumns[0]?.index;
  if (col === undefined || !data) return undefined;
  for (let r = t.firstDataRow; r < Math.min(data.formats.length, t.firstDataRow + 20); r++) {
    const f = data.formats[r]?.[col];
    if (f && f !== 'General') return f;
  }
  return undefined;
}

const PICTURE = { widthPx: 640, heightPx: 360, widthPt: 480, heightPt: 270 };

function chartText(s: DashboardStrings, f: Formatters, of: string): ChartText {
  return { s, of, percent: f.percent, money: f.money, compact: f.compact, count: f.count, decimal: f.decimal };
}

function ParetoTable({ d, s, f }: { d: ParetoChartData; s: DashboardStrings; f: Formatters }) {
  const styles = useDashboardStyles();
  return (
    <details className={styles.details}>
      <summary>{s.dataTable}</summary>
      <div className={styles.scroll}>
        <table className={styles.table} data-testid="pareto-table">
          <thead>
            <tr>
              {s.pareto.tableHead.map((h) => (
                <th key={h} scope="col">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {d.bands.map((b) => (
              <tr key={b.from}>
                <th scope="row">{b.name ? `${b.from}. ${b.name}` : s.pareto.band(f.count(b.from), f.count(b.to))}</th>
                <td>{f.money(b.amount)}</td>
                <td>{f.money(b.mean)}</td>
                <td>{f.percent(b.cumShare)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}

function LorenzTable({ d, s, f }: { d: LorenzChartData; s: DashboardStrings; f: Formatters }) {
  const styles = useDashboardStyles();
  // the curve's own (exact) points nearest to 0%, 10%, … 100%
  const rows = useMemo(() => {
    const out = new Map<number, { x: number; y: number }>();
    for (let q = 0; q <= 10; q++) {
      let best = d.line[0];
      for (const p of d.line) if (Math.abs(p.x - q / 10) < Math.abs(best.x - q / 10)) best = p;
      out.set(best.x, best);
    }
    return [...out.values()];
  }, [d]);
  return (
    <details className={styles.details}>
      <summary>{s.dataTable}</summary>
      <table className={styles.table} data-testid="lorenz-table">
        <thead>
          <tr>
            {s.lorenz.tableHead.map((h) => (
              <th key={h} scope="col">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((p) => (
            <tr key={p.x}>
              <td>{f.percent(p.x)}</td>
              <td>{f.percent(p.y)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}

function TierMixTable({ m, s, f }: { m: TierMix; s: DashboardStrings; f: Formatters }) {
  const styles = useDashboardStyles();
  const mv = m.movements;
  return (
    <div className={styles.section}>
      <div className={styles.scroll}>
        <table className={styles.table} data-testid="tier-mix-table">
          <thead>
            <tr>
              {s.mix.tableHead.map((h) => (
                <th key={h} scope="col">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {m.rows.map((r) => (
              <tr key={r.tier}>
                <th scope="row">{r.tier}</th>
                <td>{f.count(r.clients)}</td>
                <td>{f.money(r.revenue)}</td>
                <td>{r.previous === null ? '—' : f.count(r.previous)}</td>
                <td>{r.previous === null ? '—' : f.count(r.movedIn)}</td>
                <td>{r.previous === null ? '—' : f.count(r.movedOut)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className={styles.note} data-testid="movements">
        <strong>{s.mix.movementsTitle}. </strong>
        {movementsLine(mv, s, f)}
      </p>
      {mv.reviews.length > 0 && (
        <details className={styles.details}>
          <summary>{s.dataTable}</summary>
          <table className={styles.table} data-testid="reviews-table">
            <thead>
              <tr>
                {s.mix.reviewsHead.map((h) => (
                  <th key={h} scope="col">
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {mv.reviews.map((r) => (
                <tr key={String(r.day)}>
                  <th scope="row">{r.day === null ? s.mix.unknownDate : f.day(r.day)}</th>
                  <td>{f.count(r.clients)}</td>
                  <td>{f.count(r.up)}</td>
                  <td>{f.count(r.down)}</td>
                  <td>{f.count(r.new)}</td>
                  <td>{f.count(r.grace)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      )}
    </div>
  );
}

function MatrixTable({ m, s, f, dark }: { m: AbcXyzMatrix; s: DashboardStrings; f: Formatters; dark: boolean }) {
  const styles = useDashboardStyles();
  if (!m.available || !m.months) {
    return (
      <p className={styles.note} data-testid="abc-xyz-none">
        {s.matrix.none}
      </p>
    );
  }
  let max = 1;
  for (const a of ['A', 'B', 'C'] as const) for (const x of ['X', 'Y', 'Z'] as const) max = Math.max(max, m.cells[a][x].clients);
  // a heat shade behind the count; the text keeps its contrast (the shade stays light / dark)
  const shade = (n: number) => `rgba(${dark ? '71, 158, 245' : '15, 108, 189'}, ${(0.08 + 0.32 * (n / max)).toFixed(3)})`;
  const { tooFewPeriods, zeroMean, negativeMean } = m.reasons;
  return (
    <div className={styles.section}>
      <div className={styles.scroll}>
        <table className={styles.table} data-testid="abc-xyz">
          <caption>{s.matrix.caption(m.span?.count ?? m.months.count, m.period, Math.round(m.cutoffs.x * 1e4) / 100, Math.round(m.cutoffs.y * 1e4) / 100)}</caption>
          <thead>
            <tr>
              <th scope="col">{s.matrix.abc}</th>
              <th scope="col">X</th>
              <th scope="col">Y</th>
              <th scope="col">Z</th>
              <th scope="col">{s.matrix.noClass}</th>
            </tr>
          </thead>
          <tbody>
            {(['A', 'B', 'C'] as const).map((a) => (
              <tr key={a}>
                <th scope="row">{a}</th>
                {(['X', 'Y', 'Z'] as const).map((x) => (
                  <td key={x} style={{ backgroundColor: shade(m.cells[a][x].clients) }} data-testid={`abc-xyz-${a}${x}`}>
                    {s.matrix.cell(m.cells[a][x].clients, f.compact(m.cells[a][x].revenue))}
                  </td>
                ))}
                <td>{f.count(m.unclassified[a].clients)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {tooFewPeriods + zeroMean + negativeMean > 0 && <p className={styles.note}>{s.matrix.reasons(tooFewPeriods, zeroMean, negativeMean)}</p>}
    </div>
  );
}

export function Dashboard({ analysis, lang, dark, onInsert, busy: workbookBusy = false, history, moneyFormat, renderPng = renderChartPng, maxBands }: DashboardProps) {
  const styles = useDashboardStyles();
  const s = dashboardStrings(lang);
  const f = useMemo(() => formatters(lang, moneyFormat), [lang, moneyFormat]);
  const [guidelines, setGuidelines] = useState<HhiGuidelines>(2023);
  const [programme, setProgramme] = useState<ProgrammeSettings>(DEFAULT_PROGRAMME);
  const [xyz, setXyz] = useState<XyzSettings>(DEFAULT_XYZ);
  const [drawing, setDrawing] = useState(false);
  const busy = drawing || workbookBusy;

  // the heavy part once per analysis; guidelines and the plan recomputed cheaply
  const base = useMemo(() => buildDashboard(analysis, { history, maxBands, xyz }), [analysis, history, maxBands, xyz]);
  const kpis = useMemo(() => dashboardKpis(analysis, { guidelines }), [analysis, guidelines]);
  const segments = useMemo(() => analysisSegments(analysis, programme.keyShare), [analysis, programme.keyShare]);
  const plan = useMemo(() => programmePlan(segments, programme), [segments, programme]);

  const of = s.ofMeasure[kpis.measure];
  const tx = useMemo(() => chartText(s, f, of), [s, f, of]);
  const palette = useMemo(() => chartPalette(dark), [dark]);
  const pareto = useMemo(() => paretoConfig(base.pareto, palette, tx) as ChartConfiguration, [base.pareto, palette, tx]);
  const lorenz = useMemo(() => lorenzConfig(base.lorenz, palette, tx) as ChartConfiguration, [base.lorenz, palette, tx]);
  const mix = useMemo(() => tierMixConfig(base.tierMix, palette, tx) as unknown as ChartConfiguration, [base.tierMix, palette, tx]);
  const texts = {
    pareto: paretoText(base.pareto, kpis, s, f),
    lorenz: lorenzText(base.lorenz, kpis, s, f),
    mix: tierMixText(base.tierMix, s, f),
  };

  const insert = useCallback(async () => {
    setDrawing(true);
    try {
      // pictures always in the light palette: a workbook sheet is white
      const light = chartPalette(false);
      const charts: Array<{ name: string; title: string; text: string; config: ChartConfiguration }> = [
        { name: 'Pareto', title: s.pareto.title, text: texts.pareto, config: forPicture(paretoConfig(base.pareto, light, tx), s.pareto.title, light) as ChartConfiguration },
        { name: 'Lorenz', title: s.lorenz.title, text: texts.lorenz, config: forPicture(lorenzConfig(base.lorenz, light, tx), s.lorenz.title, light) as ChartConfiguration },
        { name: 'TierMix', title: s.mix.title, text: texts.mix, config: forPicture(tierMixConfig(base.tierMix, light, tx), s.mix.title, light) as unknown as ChartConfiguration },
      ];
      const pictures: SheetPicture[] = [];
      if (base.pareto.crossing) {
        for (const c of charts) {
          const png = renderPng(c.config, PICTURE.widthPx, PICTURE.heightPx);
          if (png) pictures.push({ name: c.name, base64: png, width: PICTURE.widthPt, height: PICTURE.heightPt, title: c.title, description: c.text });
        }
      }
      const content = dashboardSheetContent({
        analysis,
        kpis,
        pareto: base.pareto,
        mix: base.tierMix,
        matrix: base.matrix,
        plan,
        s,
        f,
        moneyFormat,
        pictures,
        today: f.day(Math.floor(Date.now() / 86400000)),
      });
      setDrawing(false);
      await onInsert(content);
    } finally {
      setDrawing(false);
    }
  }, [analysis, base, kpis, plan, s, f, tx, texts.pareto, texts.lorenz, texts.mix, moneyFormat, renderPng, onInsert]);

  const empty = base.pareto.clients === 0 || !base.pareto.crossing;
  return (
    <section className={styles.root} data-testid="dashboard" aria-labelledby="dashboard-heading" lang={lang}>
      <div className={styles.bar}>
        <Title3 as="h2" id="dashboard-heading">
          {s.heading}
        </Title3>
        <Field label={s.guidelines} size="small">
          <Select value={String(guidelines)} onChange={(_, d) => setGuidelines(Number(d.value) as HhiGuidelines)} data-testid="hhi-guidelines">
            <option value="2023">{s.guidelineOption[2023]}</option>
            <option value="2010">{s.guidelineOption[2010]}</option>
          </Select>
        </Field>
        <Button appearance="primary" onClick={() => void insert()} disabled={busy} data-testid="insert-dashboard" icon={busy ? <Spinner size="tiny" /> : undefined}>
          {busy ? s.inserting : s.insert}
        </Button>
      </div>
      <Caption1>{s.intro(kpis.clients, s.measure[kpis.measure])}</Caption1>
      <KpiCards kpis={kpis} s={s} f={f} />
      {empty ? (
        <Caption1 data-testid="dashboard-empty">{s.noClients}</Caption1>
      ) : (
        <>
          <section className={styles.section} aria-label={s.pareto.title}>
            <Subtitle2 as="h3">{s.pareto.title}</Subtitle2>
            <ChartCanvas config={pareto} label={texts.pareto} testId="chart-pareto" height={260}>
              <ParetoTable d={base.pareto} s={s} f={f} />
            </ChartCanvas>
          </section>
          <section className={styles.section} aria-label={s.lorenz.title}>
            <Subtitle2 as="h3">{s.lorenz.title}</Subtitle2>
            <ChartCanvas config={lorenz} label={texts.lorenz} testId="chart-lorenz" height={240}>
              <LorenzTable d={base.lorenz} s={s} f={f} />
            </ChartCanvas>
          </section>
        </>
      )}
      <section className={styles.section} aria-label={s.mix.title}>
        <Subtitle2 as="h3">{s.mix.title}</Subtitle2>
        <ChartCanvas config={mix} label={texts.mix} testId="chart-tier-mix" height={200} />
        <TierMixTable m={base.tierMix} s={s} f={f} />
      </section>
      <section className={styles.section} aria-label={s.matrix.title}>
        <Subtitle2 as="h3">{s.matrix.title}</Subtitle2>
        <XyzControl settings={xyz} onChange={setXyz} matrix={base.matrix} lang={lang} />
        <MatrixTable m={base.matrix} s={s} f={f} dark={dark} />
      </section>
      <section className={styles.section} aria-label={s.plan.title}>
        <Subtitle2 as="h3">{s.plan.title}</Subtitle2>
        <ProgrammePlanView plan={plan} settings={programme} onChange={setProgramme} s={s} f={f} lang={lang} />
      </section>
    </section>
  );
}
