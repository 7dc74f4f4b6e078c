import type { ChartConfiguration, Plugin, TooltipItem } from 'chart.js';
import type { LorenzChartData } from '../../core/lorenzChart';
import type { ParetoChartData } from '../../core/paretoChart';
import type { TierMix } from '../../core/tierMix';
import type { ChartPalette } from './palette';
import type { DashboardStrings } from './strings';

/**
 * Chart.js configurations of the dashboard's charts, as plain data built from core results:
 * no canvas is needed to build (or test) them. Animation is off, the colours come from the
 * theme palette, every label from the strings of the user's language.
 *
 * - Pareto: the bars as a filled step line on a linear x axis (share of clients, largest first),
 *   so a band is exactly as wide as its share of clients; the exact cumulative line on the right
 *   axis; the 80% mark and the crossing as dashed lines.
 * - Lorenz: the curve filled up to the equality line.
 * - Tier mix: share of clients and share of revenue per tier, side by side.
 */
export interface ChartText {
  s: DashboardStrings;
  /** "of revenue" / "of margin". */
  of: string;
  percent: (share: number, decimals?: number) => string;
  money: (x: number) => string;
  compact: (x: number) => string;
  count: (n: number) => string;
  decimal: (x: number, decimals: number) => string;
}

type XY = { x: number; y: number };

function axisStyle(p: ChartPalette) {
  return {
    ticks: { color: p.muted },
    grid: { color: p.grid },
    border: { color: p.grid },
    title: { display: true, color: p.text },
  };
}

export function paretoConfig(d: ParetoChartData, p: ChartPalette, tx: ChartText): ChartConfiguration<'line', XY[]> {
  const { s } = tx;
  const n = d.clients;
  const bars: XY[] = d.bands.map((b) => ({ x: (b.from - 1) / n, y: b.mean }));
  if (d.bands.length) bars.push({ x: 1, y: d.bands[d.bands.length - 1].mean });
  const vitalBands = d.bands.filter((b) => b.vital).length;
  const c = d.crossing;
  const bandLabel = (i: number) => {
    const b = d.bands[Math.min(i, d.bands.length - 1)];
    return b ? `${s.pareto.band(tx.count(b.from), tx.count(b.to))}${b.name ? ` — ${b.name}` : ''}` : '';
  };
  return {
    type: 'line',
    data: {
      datasets: [
        {
          label: d.banded ? s.pareto.barsBanded : s.pareto.bars,
          data: bars,
          yAxisID: 'y',
          stepped: true,
          fill: 'origin',
          borderColor: p.bars,
          backgroundColor: p.barsFill,
          borderWidth: 1,
          pointRadius: 0,
          pointHitRadius: 4,
          // the "vital few" up to the crossing a shade darker
          segment: { backgroundColor: (ctx) => (ctx.p0DataIndex < vitalBands ? p.vitalFill : p.barsFill) },
          order: 3,
        },
        {
          label: s.pareto.cumulative,
          data: d.line,
          yAxisID: 'y1',
          borderColor: p.line,
          backgroundColor: p.line,
          borderWidth: 2,
          pointRadius: 0,
          pointHitRadius: 4,
          fill: false,
          order: 1,
        },
        {
          label: s.pareto.mark(tx.percent(d.mark, 0)),
          data: [
            { x: 0, y: d.mark },
            { x: 1, y: d.mark },
          ],
          yAxisID: 'y1',
          borderColor: p.mark,
          backgroundColor: p.mark,
          borderDash: [6, 4],
          borderWidth: 1,
          pointRadius: 0,
          fill: false,
          order: 2,
        },
        ...(c
          ? [
              {
                label: `${s.pareto.crossing}: ${tx.percent(c.x)} → ${tx.percent(c.y)}`,
                data: [
                  { x: c.x, y: 0 },
                  { x: c.x, y: c.y },
                ],
                yAxisID: 'y1',
                borderColor: p.mark,
                backgroundColor: p.line,
                borderDash: [2, 3],
                borderWidth: 1,
                pointRadius: [0, 4],
                fill: false,
                order: 0,
              },
            ]
          : []),
      ],
    },
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      parsing: false,
      normalized: true,
      color: p.text,
      interaction: { mode: 'nearest', intersect: false, axis: 'x' },
      scales: {
        x: { ...axisStyle(p), type: 'linear', min: 0, max: 1, ticks: { color: p.muted, callback: (v) => tx.percent(Number(v), 0) }, title: { display: true, color: p.text, text: s.pareto.xAxis } },
        y: { ...axisStyle(p), type: 'linear', beginAtZero: true, position: 'left', ticks: { color: p.muted, callback: (v) => tx.compact(Number(v)) }, title: { display: true, color: p.text, text: s.pareto.yAxis } },
        y1: {
          ...axisStyle(p),
          type: 'linear',
          min: 0,
          max: 1,
          position: 'right',
          grid: { drawOnChartArea: false, color: p.grid },
          ticks: { color: p.muted, callback: (v) => tx.percent(Number(v), 0) },
          title: { display: true, color: p.text, text: s.pareto.yShare },
        },
      },
      plugins: {
        // in dataset order (Chart.js would sort by draw order)
        legend: { labels: { color: p.text, boxWidth: 14, sort: (a, b) => (a.datasetIndex ?? 0) - (b.datasetIndex ?? 0) } },
        tooltip: {
          callbacks: {
            title: (items: TooltipItem<'line'>[]) => (items[0]?.datasetIndex === 0 ? bandLabel(items[0].dataIndex) : tx.percent((items[0]?.raw as XY | undefined)?.x ?? 0)),
            label: (item: TooltipItem<'line'>) => {
              const raw = item.raw as XY;
              if (item.datasetIndex === 0) {
                const b = d.bands[Math.min(item.dataIndex, d.bands.length - 1)];
                return b ? `${item.dataset.label}: ${tx.money(b.mean)} · Σ ${tx.money(b.amount)}` : '';
              }
              return `${item.dataset.label}: ${tx.percent(raw.y)}`;
            },
          },
        },
      },
    },
  };
}

export function lorenzConfig(d: LorenzChartData, p: ChartPalette, tx: ChartText): ChartConfiguration<'line', XY[]> {
  const { s } = tx;
  const percentAxis = (text: string) => ({ ...axisStyle(p), type: 'linear' as const, min: 0, max: 1, ticks: { color: p.muted, callback: (v: string | number) => tx.percent(Number(v), 0) }, title: { display: true, color: p.text, text } });
  return {
    type: 'line',
    data: {
      datasets: [
        { label: s.lorenz.equality, data: d.equality, borderColor: p.mark, backgroundColor: p.mark, borderDash: [6, 4], borderWidth: 1, pointRadius: 0, fill: false },
        { label: `${s.lorenz.curve} (${s.kpi.gini} ${tx.decimal(d.gini, 3)})`, data: d.line, borderColor: p.bars, backgroundColor: p.barsFill, borderWidth: 2, pointRadius: 0, pointHitRadius: 4, fill: '-1' },
      ],
    },
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      parsing: false,
      normalized: true,
      color: p.text,
      interaction: { mode: 'nearest', intersect: false, axis: 'x' },
      scales: { x: percentAxis(s.lorenz.xAxis), y: percentAxis(s.lorenz.yAxis) },
      plugins: {
        legend: { labels: { color: p.text, boxWidth: 14 } },
        tooltip: { callbacks: { label: (item: TooltipItem<'line'>) => `${tx.percent((item.raw as XY).x)} → ${tx.percent((item.raw as XY).y)}` } },
      },
    },
  };
}

export function tierMixConfig(m: TierMix, p: ChartPalette, tx: ChartText): ChartConfiguration<'bar', number[], string> {
  const { s } = tx;
  return {
    type: 'bar',
    data: {
      labels: m.rows.map((r) => r.tier),
      datasets: [
        { label: s.mix.clientsShare, data: m.rows.map((r) => r.clientShare), backgroundColor: p.series[0], borderColor: p.series[0] },
        { label: s.mix.revenueShare(tx.of), data: m.rows.map((r) => r.revenueShare), backgroundColor: p.series[1], borderColor: p.series[1] },
      ],
    },
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      color: p.text,
      scales: {
        x: { ...axisStyle(p), title: { display: false } },
        y: { ...axisStyle(p), min: 0, max: 1, ticks: { color: p.muted, callback: (v) => tx.percent(Number(v), 0) }, title: { display: false } },
      },
      plugins: {
        legend: { labels: { color: p.text, boxWidth: 14 } },
        tooltip: {
          callbacks: {
            label: (item: TooltipItem<'bar'>) => {
              const r = m.rows[item.dataIndex];
              return item.datasetIndex === 0 ? `${item.dataset.label}: ${tx.percent(r.clientShare)} (${tx.count(r.clients)})` : `${item.dataset.label}: ${tx.percent(r.revenueShare)} (${tx.money(r.revenue)})`;
            },
          },
        },
      },
    },
  };
}

/** Paints the canvas background (a PNG is transparent otherwise). */
export function backgroundPlugin(color: string): Plugin {
  return {
    id: 'clientTiersBackground',
    beforeDraw: (chart) => {
      const ctx = chart.ctx;
      ctx.save();
      ctx.globalCompositeOperation = 'destination-over';
      ctx.fillStyle = color;
      ctx.fillRect(0, 0, chart.width, chart.height);
      ctx.restore();
    },
  };
}

/** The same chart for a picture: fixed size, a title, a background, no interaction. */
export function forPicture<C extends ChartConfiguration<'line' | 'bar', XY[] | number[], unknown>>(config: C, title: string, p: ChartPalette): C {
  return {
    ...config,
    options: {
      ...config.options,
      responsive: false,
      maintainAspectRatio: false,
      devicePixelRatio: 2,
      events: [],
      plugins: { ...config.options?.plugins, title: { display: true, text: title, color: p.text, font: { size: 14, weight: 'bold' } }, tooltip: { enabled: false } },
    },
    plugins: [...(config.plugins ?? []), backgroundPlugin(p.background)],
  } as C;
}
