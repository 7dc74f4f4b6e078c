/**
 * A1 addresses: parsing ("A1", "$B$2:C10", "A:C", "3:5"), column letters, and formatting the
 * way Office reports `Range.address` ("Sheet1!A1:C10", "'Tier history'!A1", "Sheet1!A:A").
 * All indices are zero-based, as in `getRangeByIndexes`.
 */

/** Excel's grid: 1,048,576 rows × 16,384 columns (A … XFD). */
export const MAX_ROWS = 1048576;
export const MAX_COLS = 16384;

/** A rectangle of cells, inclusive, zero-based. */
export interface Rect {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

export function rectRows(r: Rect): number {
  return r.r1 - r.r0 + 1;
}

export function rectCols(r: Rect): number {
  return r.c1 - r.c0 + 1;
}

export function rectCells(r: Rect): number {
  return rectRows(r) * rectCols(r);
}

export function isEntireColumn(r: Rect): boolean {
  return r.r0 === 0 && r.r1 === MAX_ROWS - 1;
}

export function isEntireRow(r: Rect): boolean {
  return r.c0 === 0 && r.c1 === MAX_COLS - 1;
}

export function intersect(a: Rect, b: Rect): Rect | null {
  const r = { r0: Math.max(a.r0, b.r0), c0: Math.max(a.c0, b.c0), r1: Math.min(a.r1, b.r1), c1: Math.min(a.c1, b.c1) };
  return r.r0 <= r.r1 && r.c0 <= r.c1 ? r : null;
}

export function bounding(a: Rect, b: Rect): Rect {
  return { r0: Math.min(a.r0, b.r0), c0: Math.min(a.c0, b.c0), r1: Math.max(a.r1, b.r1), c1: Math.max(a.c1, b.c1) };
}

/** 0 → "A", 25 → "Z", 26 → "AA", 16383 → "XFD". */
export function columnLetters(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** "A" → 0, "xfd" → 16383; -1 when not letters or past XFD. */
export function columnIndex(letters: string): number {
  if (!/^[A-Za-z]{1,3}$/.test(letters)) return -1;
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1 < MAX_COLS ? n - 1 : -1;
}

type Part = { kind: 'cell'; r: number; c: number } | { kind: 'col'; c: number } | { kind: 'row'; r: number };

function parsePart(s: string): Part | null {
  let m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(s);
  if (m) {
    const c = columnIndex(m[1]);
    const r = Number(m[2]) - 1;
    if (c < 0 || r < 0 || r >= MAX_ROWS) return null;
    return { kind: 'cell', r, c };
  }
  m = /^\$?([A-Za-z]{1,3})$/.exec(s);
  if (m) {
    const c = columnIndex(m[1]);
    return c < 0 ? null : { kind: 'col', c };
  }
  m = /^\$?(\d{1,7})$/.exec(s);
  if (m) {
    const r = Number(m[1]) - 1;
    return r < 0 || r >= MAX_ROWS ? null : { kind: 'row', r };
  }
  return null;
}

/** Splits an optional sheet prefix: "'My sheet'!A1" → { sheet: "My sheet", ref: "A1" }. */
export function splitSheet(address: string): { sheet?: string; ref: string } {
  const bang = address.lastIndexOf('!');
  if (bang < 0) return { ref: address };
  let sheet = address.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'") && sheet.length >= 2) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, ref: address.slice(bang + 1) };
}

/**
 * Parses a reference without sheet name: "A1", "A1:C10", "A:C", "3:5", "$A$1". Returns null
 * when it is not a valid A1 reference on Excel's grid.
 */
export function parseRef(ref: string): Rect | null {
  const text = ref.trim();
  if (!text) return null;
  const pieces = text.split(':');
  if (pieces.length > 2) return null;
  const a = parsePart(pieces[0]);
  if (!a) return null;
  if (pieces.length === 1) return a.kind === 'cell' ? { r0: a.r, c0: a.c, r1: a.r, c1: a.c } : null;
  const b = parsePart(pieces[1]);
  if (!b || a.kind !== b.kind) return null;
  if (a.kind === 'cell' && b.kind === 'cell') return norm(a.r, a.c, b.r, b.c);
  if (a.kind === 'col' && b.kind === 'col') return norm(0, a.c, MAX_ROWS - 1, b.c);
  if (a.kind === 'row' && b.kind === 'row') return norm(a.r, 0, b.r, MAX_COLS - 1);
  return null;
}

function norm(ra: number, ca: number, rb: number, cb: number): Rect {
  return { r0: Math.min(ra, rb), c0: Math.min(ca, cb), r1: Math.max(ra, rb), c1: Math.max(ca, cb) };
}

/** "A1", "A1:C10", "A:C" for entire columns, "3:5" for entire rows — as Office prints them. */
export function formatRef(r: Rect): string {
  if (isEntireColumn(r) && !isEntireRow(r)) return `${columnLetters(r.c0)}:${columnLetters(r.c1)}`;
  if (isEntireRow(r) && !isEntireColumn(r)) return `${r.r0 + 1}:${r.r1 + 1}`;
  if (isEntireRow(r) && isEntireColumn(r)) return `1:${MAX_ROWS}`;
  const a = `${columnLetters(r.c0)}${r.r0 + 1}`;
  return r.r0 === r.r1 && r.c0 === r.c1 ? a : `${a}:${columnLetters(r.c1)}${r.r1 + 1}`;
}

/**
 * Sheet names are quoted when they are not a plain identifier: spaces, punctuation, a leading
 * digit, or a name that reads as a cell reference ("A1", "R1C1"). Quotes inside are doubled.
 */
export function quoteSheetName(name: string): string {
  const plain = /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name) && !/^(R\d*C?\d*|C\d*)$/i.test(name);
  return plain ? name : `'${name.replace(/'/g, "''")}'`;
}

export function formatAddress(sheetName: string, r: Rect): string {
  return `${quoteSheetName(sheetName)}!${formatRef(r)}`;
}
