/**
 * Hostile but realistic inputs for the Excel layer, made by code (no binary blobs), in both
 * languages: notices of very uneven lengths (short ones first, so a size guessed from the first
 * rows is wrong), client names past Excel's 32,767-character cell limit, client tables with
 * duplicated names, and the user's sort of a range or table (rows move, formats move with them).
 */
import { Lang } from '../../src/core/format';
import { seededRandom } from '../../src/core/seededRandom';
import type { Notice } from '../../src/core/notices';
import { SheetModel } from '../../src/workbench/standin';

/** A deterministic pseudo-random sequence: core's mulberry32. */
export const random = seededRandom;

const WORDS: Record<Lang, string[]> = {
  en: ['revenue', 'volume', 'grace', 'period', 'service', 'manager', 'review', 'status'],
  ru: ['выручка', 'объём', 'отсрочка', 'период', 'обслуживание', 'менеджер', 'пересмотр', 'статус'],
};

/** Text of about `chars` characters in the language (Cyrillic weighs 2 bytes a letter in UTF-8). */
export function prose(chars: number, lang: Lang, next: () => number): string {
  const parts: string[] = [];
  let n = 0;
  while (n < chars) {
    const w = WORDS[lang][Math.floor(next() * WORDS[lang].length)];
    parts.push(w);
    n += w.length + 1;
  }
  return parts.join(' ').slice(0, chars);
}

/** A client name longer than a cell holds (Excel's limit is 32,767 characters). */
export function hugeName(lang: Lang, length = 40_000): string {
  const head = lang === 'ru' ? 'ООО «Очень длинное название» ' : 'Very Long Name Ltd ';
  return (head + 'Ж'.repeat(length)).slice(0, length);
}

/** `short` short notices first, then `long` ones of `longChars` characters each. */
export function unevenNotices(lang: Lang, short: number, long: number, longChars: number, seed = 7): Notice[] {
  const next = random(seed);
  const out: Notice[] = [];
  for (let i = 0; i < short + long; i++) {
    const big = i >= short;
    const client = lang === 'ru' ? `ООО «Клиент ${i}»` : `Client ${i} Ltd`;
    out.push({
      client,
      key: client.toLowerCase(),
      email: '',
      type: 'down',
      lang,
      subject: prose(big ? 200 : 30, lang, next),
      body: prose(big ? longChars : 80, lang, next),
      day: 20_500,
      missing: [],
    });
  }
  return out;
}

/** Client rows (name, revenue) with some names repeated; `dupes` of them repeat an earlier name. */
export function clientRows(n: number, lang: Lang, dupes = 0, seed = 11): Array<[string, number]> {
  const next = random(seed);
  const rows: Array<[string, number]> = [];
  for (let i = 0; i < n; i++) {
    const name = i >= n - dupes ? rows[Math.floor(next() * (n - dupes))][0] : lang === 'ru' ? `ООО «Клиент ${i}»` : `Client ${i} Ltd`;
    rows.push([name, Math.round(1000 + next() * 3_000_000)]);
  }
  return rows;
}

/**
 * Sort rows r0..r1 (inclusive) of columns c0..c1 by the column `by` as Excel's sort does: every
 * cell of a row (value, formula, number format) moves with it.
 */
export function sortRows(sheet: SheetModel, r0: number, r1: number, c0: number, c1: number, by: number, compare: (a: unknown, b: unknown) => number): void {
  const rows: Array<Array<{ v: ReturnType<SheetModel['getValue']>; f: string | undefined; nf: string }>> = [];
  for (let r = r0; r <= r1; r++) {
    const row = [];
    for (let c = c0; c <= c1; c++) row.push({ v: sheet.getValue(r, c), f: sheet.getFormula(r, c), nf: sheet.getNumberFormat(r, c) });
    rows.push(row);
  }
  rows.sort((a, b) => compare(a[by - c0].v, b[by - c0].v));
  rows.forEach((row, i) =>
    row.forEach((cell, j) => {
      sheet.setValue(r0 + i, c0 + j, cell.v);
      sheet.setFormula(r0 + i, c0 + j, cell.f, cell.v);
      sheet.setNumberFormat(r0 + i, c0 + j, cell.nf);
    }),
  );
}

export const byNumberDesc = (a: unknown, b: unknown) => Number(b) - Number(a);
export const byText = (a: unknown, b: unknown) => String(a ?? '').localeCompare(String(b ?? ''));
