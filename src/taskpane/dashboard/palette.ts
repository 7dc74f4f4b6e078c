import { webDarkTheme, webLightTheme } from '@fluentui/react-components';

/**
 * Chart colours from the Fluent UI themes the pane uses (a canvas cannot read CSS variables, so
 * the theme objects' values are taken): brand blue for bars, dark orange for the cumulative line,
 * neutral foregrounds for text, marks and grid. Each pair keeps at least 3:1 contrast against its
 * theme's background (WCAG non-text contrast) — light #0f6cbd / #c43501 on white, dark
 * #479ef5 / #e9835e on #292929.
 */
export interface ChartPalette {
  dark: boolean;
  background: string;
  text: string;
  muted: string;
  grid: string;
  bars: string;
  barsFill: string;
  vitalFill: string;
  line: string;
  mark: string;
  series: string[];
}

/** #rrggbb with an alpha, as rgba(). */
export function withAlpha(hex: string, alpha: number): string {
  const m = /^#?([0-9a-f]{6})$/i.exec(hex);
  if (!m) return hex;
  const n = parseInt(m[1], 16);
  return `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, ${alpha})`;
}

export function chartPalette(dark: boolean): ChartPalette {
  const t = dark ? webDarkTheme : webLightTheme;
  return {
    dark,
    background: t.colorNeutralBackground1,
    text: t.colorNeutralForeground1,
    muted: t.colorNeutralForeground3,
    grid: t.colorNeutralStroke2,
    bars: t.colorBrandForeground1,
    barsFill: withAlpha(t.colorBrandForeground1, 0.35),
    vitalFill: withAlpha(t.colorBrandForeground1, 0.6),
    line: t.colorPaletteDarkOrangeForeground1,
    mark: t.colorNeutralForeground2,
    series: [t.colorBrandForeground1, t.colorPaletteDarkOrangeForeground1, t.colorPaletteGreenForeground1, t.colorPaletteBerryForeground1, t.colorPaletteMarigoldForeground1],
  };
}

/** Contrast of two #rrggbb colours (WCAG 2), the one definition in core. */
export { contrastRatio } from '../../core/contrast';
