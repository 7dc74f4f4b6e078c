import { Lang } from '../core/format';

/**
 * Excel's limit on the text of one cell: 32,767 characters ("Total number of characters that a
 * cell can contain", Excel specifications and limits on support.microsoft.com). Office.js refuses
 * a longer string with InvalidArgument, which would fail the whole write; so every text the pane
 * writes from client data goes through `fitCellText`, which cuts it there and says so in the cell.
 */
export const MAX_CELL_TEXT = 32767;

const NOTE: Record<Lang, (full: number) => string> = {
  en: (full) => ` … [cut to fit one Excel cell; ${full.toLocaleString('en-US')} characters in full]`,
  ru: (full) => ` … [обрезано по размеру ячейки Excel; всего ${full.toLocaleString('ru-RU').replace(/\u00a0|\u202f/g, ' ')} знаков]`,
};

/** Text cut to what a cell holds, with a note of the full length at the end (never splitting a surrogate pair). */
export function fitCellText(s: string, lang: Lang = 'en'): string {
  if (s.length <= MAX_CELL_TEXT) return s;
  const note = NOTE[lang](s.length);
  let cut = MAX_CELL_TEXT - note.length;
  const c = s.charCodeAt(cut - 1);
  if (c >= 0xd800 && c <= 0xdbff) cut--;
  return `${s.slice(0, cut)}${note}`;
}

/** A cell value made writable: text cut by `fitCellText`; `counter.cut` counts the cells cut. */
export function fitCell<T>(v: T, lang: Lang, counter?: { cut: number }): T | string {
  if (typeof v !== 'string' || v.length <= MAX_CELL_TEXT) return v;
  if (counter) counter.cut++;
  return fitCellText(v, lang);
}
