import type { ChartConfiguration } from 'chart.js';
import { Chart } from './chartSetup';
import { context2d } from './ChartCanvas';

/**
 * A chart as a PNG for the workbook: drawn once on a detached canvas at a fixed size (twice the
 * pixels for sharpness), read with `toDataURL`, then destroyed. Returns the Base64 without the
 * data-URL prefix, or null where there is no canvas to draw on.
 */
export function renderChartPng(config: ChartConfiguration, width: number, height: number): string | null {
  if (typeof document === 'undefined') return null;
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  canvas.style.width = `${width}px`;
  canvas.style.height = `${height}px`;
  const ctx = context2d(canvas);
  if (!ctx) return null;
  let chart: Chart | undefined;
  try {
    chart = new Chart(ctx, config);
    const url = canvas.toDataURL('image/png');
    const comma = url.indexOf(',');
    return url.startsWith('data:image/png') && comma > 0 ? url.slice(comma + 1) : null;
  } catch {
    return null;
  } finally {
    chart?.destroy();
  }
}
