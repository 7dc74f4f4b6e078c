/**
 * Colour contrast as WCAG 2.x defines it, for the tier fills written into the workbook and the
 * dashboard's chart colours (one definition for both).
 */

/** Relative luminance of an sRGB colour "#RRGGBB" (WCAG 2.x definition). */
export function relativeLuminance(hex: string): number {
  const m = /^#?([0-9a-f]{6})$/i.exec(hex);
  if (!m) throw new Error(`Not a colour: ${hex}`);
  const n = parseInt(m[1], 16);
  const channel = (v: number) => {
    const s = v / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel((n >> 16) & 255) + 0.7152 * channel((n >> 8) & 255) + 0.0722 * channel(n & 255);
}

/**
 * Contrast ratio of two colours, (L1 + 0.05) / (L2 + 0.05) with L1 the lighter; 1 to 21.
 * Source: https://www.w3.org/TR/WCAG21/#dfn-contrast-ratio
 *
 * @example contrastRatio('#000000', '#FFFFFF') // 21
 */
export function contrastRatio(a: string, b: string): number {
  const la = relativeLuminance(a);
  const lb = relativeLuminance(b);
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}
