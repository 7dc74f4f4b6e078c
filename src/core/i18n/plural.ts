import type { Lang } from '../format';

/**
 * Plural categories of each language, as CLDR defines them and `Intl.PluralRules` reports them
 * (`new Intl.PluralRules('ru').resolvedOptions().pluralCategories`): English `one`/`other`,
 * Russian `one` (1, 21, 101), `few` (2–4, 22–24), `many` (0, 5–20, 25, 111) and `other`
 * (fractions: 1,5). https://www.unicode.org/cldr/charts/latest/supplemental/language_plural_rules.html
 */
export const PLURAL_CATEGORIES = {
  en: ['one', 'other'],
  ru: ['one', 'few', 'many', 'other'],
} as const satisfies Record<Lang, readonly Intl.LDMLPluralRule[]>;

export type PluralCategory<L extends Lang> = (typeof PLURAL_CATEGORIES)[L][number];

/** A plural message: one text per category; `zero`, when given, is used for exactly 0. */
export type PluralForms<L extends Lang> = { readonly [K in PluralCategory<L>]: string } & { readonly zero?: string };

const RULES = new Map<Lang, Intl.PluralRules>();
/** Categories already asked for (a review asks for the same few counts 100,000 times). */
const SEEN: Record<Lang, Map<number, string>> = { en: new Map(), ru: new Map() };

/** The plural category of `n` in `lang` (one `Intl.PluralRules` per language, created once). */
export function pluralCategory<L extends Lang>(lang: L, n: number): PluralCategory<L> {
  const seen = SEEN[lang];
  let category = seen.get(n);
  if (category === undefined) {
    let rules = RULES.get(lang);
    if (!rules) {
      rules = new Intl.PluralRules(lang);
      RULES.set(lang, rules);
    }
    category = rules.select(n);
    if (seen.size >= 4096) seen.clear();
    seen.set(n, category);
  }
  return category as PluralCategory<L>;
}
