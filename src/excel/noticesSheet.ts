import { loadSetting, saveSetting } from './settings';
import { CellValue } from '../core/cells';
import { Lang } from '../core/format';
import { dayToSerial } from '../core/parseDate';
import { Notice, NOTICE_TYPE_LABELS, NoticeTemplates, NoticeTemplatesError, noticeTemplatesFromJson, parseNoticeTemplates, TemplateProblem } from '../core/notices';
import { ExcelRun, Progress } from './host';
import { OwnedSheetSpec, replaceRows } from './ownedSheets';
import { fitCellText, MAX_CELL_TEXT } from './cellText';

export { MAX_CELL_TEXT };

/**
 * The notices in the workbook: the owned "Notices" / "Уведомления" sheet (client, type, subject,
 * body, date — one row per letter, rewritten at each generation) and the templates saved in the
 * workbook settings.
 *
 * Every text column is formatted as text ('@') in the same request *before* its values are set
 * (ownedSheets.replaceRows does both, format first, chunk by chunk), so a client called
 * `=HYPERLINK(...)` or `+7 495…` stays text and never becomes a formula. A cell holds at most
 * 32,767 characters: longer text is cut there, with a note of its full length at the end.
 */
export const NOTICES_SHEET: Record<Lang, string> = { en: 'Notices', ru: 'Уведомления' };

export const NOTICES_HEADERS: Record<Lang, string[]> = {
  en: ['Client', 'Type', 'Subject', 'Body', 'Date'],
  ru: ['Клиент', 'Тип', 'Тема', 'Текст', 'Дата'],
};

export function noticesSpec(lang: Lang): OwnedSheetSpec {
  return {
    name: NOTICES_SHEET[lang],
    headers: NOTICES_HEADERS[lang],
    formats: ['@', '@', '@', '@', lang === 'ru' ? 'dd.mm.yyyy' : 'yyyy-mm-dd'],
    columnWidths: [200, 110, 320, 480, 80],
    lang,
  };
}

/** Text cut to what a cell holds, with a note in `lang` (see cellText.ts). */
export function cellText(s: string, lang: Lang = 'en'): string {
  return fitCellText(s, lang);
}

/**
 * The rows of the Notices sheet for the notices (type named in the pane's language). A client
 * whose source cell was a number (an id such as 18102) is written as that number, so the user's
 * VLOOKUP on ids still finds it (the writer gives such cells a number format, see ownedSheets).
 */
export function noticeRows(notices: ReadonlyArray<Notice>, lang: Lang): CellValue[][] {
  return notices.map((n) => [typeof n.id === 'number' ? n.id : cellText(n.client, lang), NOTICE_TYPE_LABELS[n.type][lang], cellText(n.subject, lang), cellText(n.body, lang), dayToSerial(n.day)]);
}

/**
 * Write the notices to our Notices sheet (created on first use, its old rows replaced), in chunks
 * under the request limit. Returns the sheet's name: "Notices", or "Notices (2)" when the user
 * has a sheet of their own called "Notices" (never overwritten, see ownedSheets).
 */
export async function writeNotices(run: ExcelRun, notices: ReadonlyArray<Notice>, lang: Lang, onProgress?: Progress): Promise<string> {
  const r = await replaceRows(run, noticesSpec(lang), noticeRows(notices, lang), onProgress);
  return r.sheet;
}

/** Key of the templates in the workbook settings. */
export const NOTICE_TEMPLATES_KEY = 'clientTiers.noticeTemplates';

/** Save the templates with the workbook (validated first: an invalid set is never saved). */
export async function saveNoticeTemplates(run: ExcelRun, templates: NoticeTemplates): Promise<void> {
  const r = parseNoticeTemplates(templates);
  if (!r.ok) throw new NoticeTemplatesError(r.problems);
  await saveSetting(run, NOTICE_TEMPLATES_KEY, r.templates);
}

export type LoadedTemplates = { kind: 'none' } | { kind: 'ok'; templates: NoticeTemplates } | { kind: 'invalid'; problems: TemplateProblem[] };

/** The templates saved in the workbook, validated again (a hand-edited setting gives problems naming fields). */
export async function loadNoticeTemplates(run: ExcelRun): Promise<LoadedTemplates> {
  const raw = await loadSetting(run, NOTICE_TEMPLATES_KEY);
  if (raw === undefined || raw === null) return { kind: 'none' };
  const r = typeof raw === 'string' ? noticeTemplatesFromJson(raw) : parseNoticeTemplates(raw);
  return r.ok ? { kind: 'ok', templates: r.templates } : { kind: 'invalid', problems: r.problems };
}
