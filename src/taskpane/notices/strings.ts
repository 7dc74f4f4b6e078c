import { Lang } from '../../core/format';
import { localize, Localized, notices } from '../../core/i18n';

/** Every text of the Notices panel, English and Russian: the catalogue's `notices` part (core/i18n/notices.ts). */
export type NoticeStrings = Localized<typeof notices>;

export const NOTICE_STRINGS: Record<Lang, NoticeStrings> = { en: localize(notices, 'en'), ru: localize(notices, 'ru') };

export function noticeStrings(lang: Lang): NoticeStrings {
  return NOTICE_STRINGS[lang];
}
