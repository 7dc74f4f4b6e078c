import { Lang } from '../core/format';
import { ExcelLayerError } from './errors';
import { UndoRecord } from './writeBlock';
import { excel, inBoth, render } from '../core/i18n';

/**
 * Undo by identity. The result columns' old contents are recorded row by row at apply time; if
 * the user sorts the table (or the range with our columns) afterwards, writing them back by
 * position would give one client's old values to another. So each record row remembers its
 * client key (the text of the key column at apply time), undo reads the key column again, and:
 * - same keys in the same order: restored as recorded;
 * - same keys in another order: each record row goes to the row that now holds its key;
 * - several rows with one key (duplicated client names, blank keys) whose recorded contents
 *   differ and which moved: it cannot be known which is which — undo is refused;
 * - keys added, removed or renamed: undo is refused with a message, nothing changed.
 */
export interface RowKeys {
  sheetName: string;
  /** Sheet column of the key and sheet row of the first keyed row. */
  columnIndex: number;
  rowIndex: number;
  /** Key of each row from `rowIndex` on, as text. */
  values: string[];
}

/** A key cell as text: numbers and text alike, trimmed. */
export function keyText(v: unknown): string {
  if (v === null || v === undefined) return '';
  return String(v).trim();
}

export class RowsMovedError extends ExcelLayerError {
  constructor(messages: Record<Lang, string>) {
    super('RowsChanged', messages.en, messages);
    this.name = 'RowsMovedError';
  }
}

/**
 * For each row now, the recorded row whose contents belong there (by key), or a refusal.
 * `same(a, b)`: recorded rows a and b hold the same contents (then either may go anywhere).
 */
export function identityOrder(then: readonly string[], now: readonly string[], same: (a: number, b: number) => boolean): number[] {
  const n = then.length;
  if (now.length !== n) {
    throw new RowsMovedError(inBoth(excel.rowCountChanged, { count: now.length, then: n }));
  }
  let moved = false;
  for (let i = 0; i < n && !moved; i++) if (then[i] !== now[i]) moved = true;
  const order = Array.from({ length: n }, (_, i) => i);
  if (!moved) return order;
  const queues = new Map<string, number[]>();
  for (let i = 0; i < n; i++) {
    const q = queues.get(then[i]);
    if (q) q.push(i);
    else queues.set(then[i], [i]);
  }
  const taken = new Map<string, number>();
  let missing: string | undefined;
  for (let i = 0; i < n; i++) {
    const q = queues.get(now[i]);
    const k = taken.get(now[i]) ?? 0;
    if (!q || k >= q.length) {
      missing = now[i];
      break;
    }
    order[i] = q[k];
    taken.set(now[i], k + 1);
  }
  if (missing !== undefined) {
    const name = missing === '' ? '(blank)' : missing.slice(0, 60);
    throw new RowsMovedError({
      en: `Undo cannot put the old values back: the rows changed since the tiers were applied (“${name}” was not there then). Nothing was changed.`,
      ru: `Отмена невозможна: строки изменились после применения уровней («${name === '(blank)' ? '(пусто)' : name}» тогда не было). Ничего не изменено.`,
    });
  }
  // rows sharing a key: fine when they all recorded the same contents, or none of them moved
  for (const [key, q] of queues) {
    if (q.length < 2 || q.every((r) => same(q[0], r))) continue;
    const stayed = q.every((r) => now[r] === key && order[r] === r);
    if (!stayed) {
      const name = (lang: Lang) => (key === '' ? render(lang, excel.blankKey) : key.slice(0, 60));
      throw new RowsMovedError({ en: render('en', excel.rowsSortedApart, { count: q.length, name: name('en') }), ru: render('ru', excel.rowsSortedApart, { count: q.length, name: name('ru') }) });
    }
  }
  return order;
}

/**
 * The record with its rows from `from` on reordered: row i gets recorded row `order[i - from] + from`.
 * Rows before `from` (the header) stay.
 */
export function reorderRecord(u: UndoRecord, from: number, order: readonly number[]): UndoRecord {
  const pick = <T>(rows: T[]): T[] => rows.map((r, i) => (i < from || i - from >= order.length ? r : rows[order[i - from] + from]));
  const where = new Map<number, number>();
  order.forEach((old, i) => where.set(old + from, i + from));
  const entryFormats = (u.entryFormats ?? []).map(([r, c, f]) => [where.get(r) ?? r, c, f] as [number, number, string]).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  return { ...u, formulas: pick(u.formulas), numberFormat: pick(u.numberFormat), entryFormats };
}

/** Recorded row `i` (from `from` on) of several records, as one comparable text. */
export function rowSignature(records: readonly UndoRecord[], from: number): (a: number, b: number) => boolean {
  const entries = records.map((r) => {
    const byRow = new Map<number, Array<[number, string]>>();
    for (const [row, c, f] of r.entryFormats ?? []) {
      const list = byRow.get(row);
      if (list) list.push([c, f]);
      else byRow.set(row, [[c, f]]);
    }
    return byRow;
  });
  const sig = (i: number) => JSON.stringify(records.map((r, k) => [r.formulas[i + from], r.numberFormat[i + from], entries[k].get(i + from) ?? []]));
  return (a, b) => a === b || sig(a) === sig(b);
}
