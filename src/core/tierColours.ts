/**
 * The colours that mark each tier in the workbook: the one definition the command line (cell
 * fills in the copy it writes) and the task pane (conditional formats on the Tier column) share.
 *
 * By tier index, highest first: gold, blue, light blue-grey, light green; further tiers and the
 * base tier (the last one) get no colour, so the eye goes to the tiers that carry benefits. Text
 * on every fill is black, with a contrast ratio of at least 4.5:1 (WCAG 2.x, level AA for normal
 * text) — see `contrastRatio`.
 *
 * @example tierColours(0, 3) // { fill: '#F4D35E', font: '#000000' }
 * @example tierColours(2, 3) // null (the base tier)
 */
export interface TierColour {
  /** Fill colour "#RRGGBB". */
  fill: string;
  /** Text colour "#RRGGBB" on that fill. */
  font: string;
}

/** Fills by tier index, highest tier first. */
export const TIER_FILLS: readonly string[] = ['#F4D35E', '#9DC3E6', '#D9E1F2', '#E2EFDA'];
export const TIER_TEXT = '#000000';

/** The colours of tier `index` of `tierCount` tiers, or null when the tier is not coloured. */
export function tierColours(index: number, tierCount: number): TierColour | null {
  if (!Number.isInteger(index) || index < 0 || index >= tierCount - 1 || index >= TIER_FILLS.length) return null;
  return { fill: TIER_FILLS[index], font: TIER_TEXT };
}

/** Every colour pair the palette can give (to recognise formats the add-in wrote earlier). */
export function allTierColours(): TierColour[] {
  return TIER_FILLS.map((fill) => ({ fill, font: TIER_TEXT }));
}

/** The coloured tiers of a rule set, by name, in tier order. */
export function tierColourRules(tierNames: readonly string[]): Array<TierColour & { tier: string; index: number }> {
  const out: Array<TierColour & { tier: string; index: number }> = [];
  tierNames.forEach((tier, index) => {
    const c = tierColours(index, tierNames.length);
    if (c) out.push({ tier, index, ...c });
  });
  return out;
}

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
