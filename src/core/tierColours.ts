export { contrastRatio, relativeLuminance } from './contrast';

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
