import { makeStyles, tokens } from '@fluentui/react-components';
import type { ChartConfiguration } from 'chart.js';
import { ReactNode, useEffect, useRef, useState } from 'react';
import { Chart } from './chartSetup';

/**
 * One chart: a canvas that Chart.js draws on, created in an effect and destroyed when the
 * configuration changes or the component goes (no leaked charts, no resize observers left).
 * The canvas is an image to assistive technology, labelled with the chart's text alternative;
 * the same text is the visible caption, and the data can be opened as a table.
 *
 * Where a canvas has no 2-D context (jsdom, old hosts) nothing is drawn and the text stays.
 */
const useStyles = makeStyles({
  figure: { margin: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  box: { position: 'relative', width: '100%' },
  caption: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
});

export interface ChartCanvasProps {
  config: ChartConfiguration;
  /** Text alternative: the canvas' aria-label and the caption. */
  label: string;
  height?: number;
  testId?: string;
  /** A data table (in a closed <details>). */
  children?: ReactNode;
  /** Called with the live chart (e.g. to export it), null when it goes. */
  onChart?: (chart: Chart | null) => void;
}

/** The canvas' 2-D context, or null where there is none. */
export function context2d(canvas: HTMLCanvasElement): CanvasRenderingContext2D | null {
  try {
    return canvas.getContext('2d');
  } catch {
    return null;
  }
}

export function ChartCanvas({ config, label, height = 240, testId, children, onChart }: ChartCanvasProps) {
  const styles = useStyles();
  const ref = useRef<HTMLCanvasElement>(null);
  const [drawn, setDrawn] = useState(false);
  useEffect(() => {
    const canvas = ref.current;
    if (!canvas) return;
    const ctx = context2d(canvas);
    if (!ctx) return;
    const chart = new Chart(ctx, config);
    setDrawn(true);
    onChart?.(chart);
    return () => {
      onChart?.(null);
      chart.destroy();
    };
  }, [config, onChart]);
  return (
    <figure className={styles.figure} data-testid={testId} data-drawn={drawn ? 'true' : 'false'}>
      <div className={styles.box} style={{ height }}>
        <canvas ref={ref} role="img" aria-label={label} />
      </div>
      <figcaption className={styles.caption}>{label}</figcaption>
      {children}
    </figure>
  );
}
