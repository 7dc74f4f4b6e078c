import { loadSetting, saveSetting } from './settings';
import { CellValue } from '../core/cells';
import { Lang } from '../core/format';
import { dayToSerial } from '../core/parseDate';
import { Notice, NOTICE_TYPE_LABELS, NoticeTemplates, NoticeTemplatesError, noticeTemplatesFromJson, parseNoticeTemplates, TemplateProblem } from '../core/notices';
import { ExcelRun, Progress } from './host';
import { OwnedSheetSpec, replaceRows } from './ownedSheets';

/**
 * The notices in the workbook: the owned "Notices" / "Уведомления" sheet (client, type, subject,
 * body, date — one row per letter, rewritten at each generation) and the templates saved in the
 * workbook settings.
 *
 * Every text column is formatted as text ('@') in the same request *before* its values are set
 * (ownedSheets.replaceRows does both, format first, chunk by chunk), so a client called
 * `=HYPERLINK(...)` or `+7 495…` stays text and never becomes a formula. A cell holds at most
 * 32,767 characters: longer text is cut there with an ellipsis.
 */
export const NOTICES_SHEET: Record<Lang, string> = { en: 'Notices', ru: 'Уведомления' };

export const NOTICES_HEADERS: Record<Lang, string[]> = {
  en: ['Client', 'Type', 'Subject', 'Body', 'Date'],
  ru: ['Клиент', 'Тип', 'Тема', 'Текст', 'Дата'],
};

/** Excel's limit on the text of one cell. */
export const MAX_CELL_TEXT = 32767;

export function noticesSpec(lang: Lang): OwnedSheetSpec {
  return {
    name: NOTICES_SHEET[lang],
    headers: NOTICES_HEADERS[lang],
    formats: ['@', '@', '@', '@', lang === 'ru' ? 'dd.mm.yyyy' : 'yyyy-mm-dd'],
    columnWidths: [200, 110, 320, 480, 80],
  };
}

/** Text cut to what a cell holds (never splitting a surrogate pair). */
export function cellText(s: string): string {
  if (s.length <= MAX_CELL_TEXT) return s;
  let cut = MAX_CELL_TEXT - 1;
  const c = s.charCodeAt(cut - 1);
  if (c >= 0xd800 && c <= 0xdbff) cut--;
  return `${s.slice(0, cut)}…`;
}

/** The rows of the Notices sheet for the notices (type named in the pane's language). */
export function noticeRows(notices: ReadonlyArray<Notice>, lang: Lang): CellValue[][] {
  return notices.map((n) => [cellText(n.client), NOTICE_TYPE_LABELS[n.type][lang], cellText(n.subject), cellText(n.body), dayToSerial(n.day)]);
}

/**
 * Write the notices to the owned sheet (created on first use, its old rows replaced), in chunks
 * under the request limit. Returns the sheet's name.
 */
export async function writeNotices(run: ExcelRun, notices: ReadonlyArray<Notice>, lang: Lang, onProgress?: Progress): Promise<string> {
  const spec = noticesSpec(lang);
  await replaceRows(run, spec, noticeRows(notices, lang), onProgress);
  return spec.name;
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
