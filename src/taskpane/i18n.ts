import { Lang } from '../core/format';
import { localize, Localized, pane } from '../core/i18n';

/** Every text of the task pane, English and Russian: the catalogue's `pane` part (core/i18n/pane.ts). */
export type Strings = Localized<typeof pane>;

export const STRINGS: Record<Lang, Strings> = { en: localize(pane, 'en'), ru: localize(pane, 'ru') };

export function strings(lang: Lang): Strings {
  return STRINGS[lang];
}
