/**
 * The workbook the stand-in serves: sheets of cells kept compactly in memory (column-major value
 * arrays, small-integer formats in typed arrays, sparse formulas), hidden rows and columns, column
 * widths, merged areas, tables, and the add-in settings. Nothing here knows about Office.js
 * proxies or requests; `standIn.ts` reads and writes this model at `context.sync()`.
 *
 * Indices are zero-based (row 0 = worksheet row 1, column 0 = A). A million rows by six columns
 * of generated data takes a few hundred MB at most in Node.
 */
import { MAX_COLS, MAX_ROWS, Rect, columnIndex, parseRef, rectCells } from './address';

/** An Excel error value such as `#N/A`; `values` reports it as its text. */
export class CellError {
  constructor(readonly code: string) {}
  toString(): string {
    return this.code;
  }
  toJSON(): string {
    return this.code;
  }
}

/** What a non-empty cell holds. */
export type CellValue = string | number | boolean | CellError;

/** What Office.js reports in `Range.values`: empty cells are "", errors are their text. */
export type OfficeCellValue = string | number | boolean;

export const DEFAULT_NUMBER_FORMAT = 'General';
/** Default column width in points (8.43 characters of Calibri 11 = 64 px = 48 pt). */
export const DEFAULT_COLUMN_WIDTH = 48;

export type SheetVisibility = 'Visible' | 'Hidden' | 'VeryHidden';

/** A snapshot of one cell, for tests. */
export interface CellSnapshot {
  value: CellValue | undefined;
  formula: string | undefined;
  numberFormat: string;
  fill: string | undefined;
  fontColor: string | undefined;
  bold: boolean;
  italic: boolean;
}

/** Strings stored once per workbook (number formats, colours), referred to by small integers. */
class Interner {
  private readonly list: string[];
  private readonly index = new Map<string, number>();
  constructor(first: string) {
    this.list = [first];
    this.index.set(first, 0);
  }
  id(s: string): number {
    let i = this.index.get(s);
    if (i === undefined) {
      i = this.list.length;
      if (i > 0xffff) throw new Error('Too many distinct formats in one workbook');
      this.list.push(s);
      this.index.set(s, i);
    }
    return i;
  }
  text(i: number): string {
    return this.list[i];
  }
}

type Small = Uint8Array | Uint16Array;

/** One small integer per cell, column by column, grown on demand; 0 means "default". */
class SmallGrid {
  private readonly cols: Array<Small | undefined> = [];
  /** Upper bound (exclusive) of rows ever set non-zero, per column. */
  private readonly hi: number[] = [];
  constructor(private readonly wide: boolean) {}

  get(r: number, c: number): number {
    const a = this.cols[c];
    return a && r < a.length ? a[r] : 0;
  }

  set(r: number, c: number, v: number): void {
    let a = this.cols[c];
    if (!a || r >= a.length) {
      if (v === 0) return;
      a = this.grow(c, r + 1);
    }
    a[r] = v;
    if (v !== 0 && r + 1 > (this.hi[c] ?? 0)) this.hi[c] = r + 1;
  }

  private grow(c: number, need: number): Small {
    const old = this.cols[c];
    const size = Math.min(MAX_ROWS, Math.max(need, old ? old.length * 2 : 1024));
    const a = this.wide ? new Uint16Array(size) : new Uint8Array(size);
    if (old) a.set(old);
    this.cols[c] = a;
    return a;
  }

  /** Columns that may hold non-zero entries. */
  columnCount(): number {
    return this.cols.length;
  }

  /** First and last row (inclusive) with a non-zero entry in column c, or null. */
  extent(c: number): [number, number] | null {
    const a = this.cols[c];
    if (!a) return null;
    let last = (this.hi[c] ?? 0) - 1;
    while (last >= 0 && a[last] === 0) last--;
    if (last < 0) {
      this.hi[c] = 0;
      return null;
    }
    this.hi[c] = last + 1;
    let first = 0;
    while (a[first] === 0) first++;
    return [first, last];
  }

  clear(rect: Rect): void {
    const c1 = Math.min(rect.c1, this.cols.length - 1);
    for (let c = rect.c0; c <= c1; c++) {
      const a = this.cols[c];
      if (!a) continue;
      const r1 = Math.min(rect.r1, (this.hi[c] ?? 0) - 1);
      if (r1 >= rect.r0) a.fill(0, rect.r0, r1 + 1);
    }
  }
}

export class SheetModel {
  name: string;
  /** Office-style worksheet id, e.g. "{00000000-0001-0000-0000-000000000000}". */
  readonly id: string;
  visibility: SheetVisibility = 'Visible';
  protected = false;
  deleted = false;
  frozenRows = 0;
  frozenColumns = 0;
  tabColor = '';
  /** Column widths in points (Office units), by column index; absent = default. */
  readonly columnWidths = new Map<number, number>();
  readonly hiddenColumns = new Set<number>();
  readonly merges: Rect[] = [];
  /** Pictures on the sheet (`Worksheet.shapes`), in z-order. */
  readonly shapes: ShapeModel[] = [];
  /** Conditional formats, highest priority first: the sheet's order (a collection's `priority` is an index into its own members). */
  readonly conditionalFormats: ConditionalFormatModel[] = [];
  /**
   * Worksheet-level custom properties (ExcelApi 1.12), by lower-cased key (keys are
   * case-insensitive): the key as first written and the value text. They belong to the sheet,
   * so they follow it through renames and moves.
   */
  readonly customProperties = new Map<string, { key: string; value: string }>();

  private readonly vals: Array<Array<CellValue | undefined> | undefined> = [];
  private readonly formulas = new Map<number, string>();
  private readonly fmt = new SmallGrid(true);
  private readonly fill = new SmallGrid(true);
  private readonly fontColor = new SmallGrid(true);
  /** bit 1 = bold, bit 2 = italic */
  private readonly fontStyle = new SmallGrid(false);
  private hiddenRows: Uint8Array | undefined;
  private hiddenRowCount = 0;

  constructor(
    readonly workbook: WorkbookModel,
    name: string,
  ) {
    this.name = name;
    const n = workbook.nextSheetNumber();
    this.id = `{00000000-${n.toString(16).toUpperCase().padStart(4, '0')}-0000-C000-000000000046}`;
  }

  get tables(): TableModel[] {
    return this.workbook.tables.filter((t) => t.sheet === this);
  }

  get position(): number {
    return this.workbook.sheets.indexOf(this);
  }

  // ---- values -------------------------------------------------------------------------------

  /** The stored value (for a formula cell: its cached result), undefined when empty. */
  getValue(r: number, c: number): CellValue | undefined {
    const col = this.vals[c];
    return col ? col[r] : undefined;
  }

  /** Stores a value; undefined, null and "" empty the cell. Keeps any formula (use setFormula). */
  setValue(r: number, c: number, v: CellValue | null | undefined): void {
    const value = v === null || v === '' ? undefined : v;
    let col = this.vals[c];
    if (!col) {
      if (value === undefined) return;
      while (this.vals.length < c) this.vals.push(undefined);
      col = [];
      this.vals[c] = col;
    }
    if (r < col.length) {
      col[r] = value;
      return;
    }
    if (value === undefined) return;
    while (col.length < r) col.push(undefined);
    col.push(value);
  }

  getFormula(r: number, c: number): string | undefined {
    return this.formulas.size ? this.formulas.get(r * MAX_COLS + c) : undefined;
  }

  /** Sets (or with undefined removes) a formula; `cached` is its last calculated result. */
  setFormula(r: number, c: number, formula: string | undefined, cached?: CellValue): void {
    if (formula === undefined) {
      this.formulas.delete(r * MAX_COLS + c);
      return;
    }
    this.formulas.set(r * MAX_COLS + c, formula);
    this.setValue(r, c, cached);
  }

  get formulaCount(): number {
    return this.formulas.size;
  }

  /** Every formula cell as [row, column, formula]. */
  *formulaCells(): Generator<[number, number, string]> {
    for (const [k, f] of this.formulas) yield [Math.floor(k / MAX_COLS), k % MAX_COLS, f];
  }

  /** Empty: no value and no formula. */
  isBlank(r: number, c: number): boolean {
    return this.getValue(r, c) === undefined && this.getFormula(r, c) === undefined;
  }

  /** Writes a block of raw values (no Excel entry rules): "" / null / undefined leave the cell empty. */
  setValues(r0: number, c0: number, rows: ReadonlyArray<ReadonlyArray<CellValue | null | undefined>>): void {
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i];
      for (let j = 0; j < row.length; j++) {
        this.setValue(r0 + i, c0 + j, row[j]);
        if (this.formulas.size) this.setFormula(r0 + i, c0 + j, undefined);
      }
    }
  }

  /** Values of a block as Office reports them ("" for empty, error text for errors). */
  readValues(rect: Rect): OfficeCellValue[][] {
    const out: OfficeCellValue[][] = new Array(rect.r1 - rect.r0 + 1);
    for (let r = rect.r0, i = 0; r <= rect.r1; r++, i++) {
      const row: OfficeCellValue[] = new Array(rect.c1 - rect.c0 + 1);
      for (let c = rect.c0, j = 0; c <= rect.c1; c++, j++) {
        const v = this.getValue(r, c);
        row[j] = v === undefined ? '' : v instanceof CellError ? v.code : v;
      }
      out[i] = row;
    }
    return out;
  }

  // ---- formats ------------------------------------------------------------------------------

  getNumberFormat(r: number, c: number): string {
    return this.workbook.formats.text(this.fmt.get(r, c));
  }

  setNumberFormat(r: number, c: number, format: string | undefined): void {
    this.fmt.set(r, c, format === undefined || format === '' || format === DEFAULT_NUMBER_FORMAT ? 0 : this.workbook.formats.id(format));
  }

  /** Fill colour "#RRGGBB", or undefined for no fill. */
  getFill(r: number, c: number): string | undefined {
    const i = this.fill.get(r, c);
    return i ? this.workbook.colors.text(i) : undefined;
  }

  setFill(r: number, c: number, color: string | undefined): void {
    this.fill.set(r, c, color ? this.workbook.colors.id(color.toUpperCase()) : 0);
  }

  getFontColor(r: number, c: number): string | undefined {
    const i = this.fontColor.get(r, c);
    return i ? this.workbook.colors.text(i) : undefined;
  }

  setFontColor(r: number, c: number, color: string | undefined): void {
    this.fontColor.set(r, c, color ? this.workbook.colors.id(color.toUpperCase()) : 0);
  }

  getBold(r: number, c: number): boolean {
    return (this.fontStyle.get(r, c) & 1) !== 0;
  }

  setBold(r: number, c: number, bold: boolean): void {
    const s = this.fontStyle.get(r, c);
    this.fontStyle.set(r, c, bold ? s | 1 : s & ~1);
  }

  getItalic(r: number, c: number): boolean {
    return (this.fontStyle.get(r, c) & 2) !== 0;
  }

  setItalic(r: number, c: number, italic: boolean): void {
    const s = this.fontStyle.get(r, c);
    this.fontStyle.set(r, c, italic ? s | 2 : s & ~2);
  }

  /** Removes number formats, fills and font styles from a block (Range.clear("Formats")). */
  clearFormats(rect: Rect): void {
    this.fmt.clear(rect);
    this.fill.clear(rect);
    this.fontColor.clear(rect);
    this.fontStyle.clear(rect);
    this.clearConditionalFormats(rect);
  }

  /**
   * Takes the cells of `rect` out of every conditional format (as Excel's "Clear Rules from
   * Selected Cells" and clearing formats do): a format's areas lose those cells, possibly
   * splitting into several areas; a format left with no cells is deleted.
   */
  clearConditionalFormats(rect: Rect): void {
    for (const cf of [...this.conditionalFormats]) {
      if (!cf.ranges.some((a) => overlaps(a, rect))) continue;
      cf.ranges = cf.ranges.flatMap((a) => subtractRect(a, rect));
      if (cf.ranges.length === 0) this.workbook.removeConditionalFormat(cf);
    }
  }

  /**
   * The fill and font colour a conditional format gives cell (r, c), for the workbench grid:
   * the first CellValue EqualTo / NotEqualTo rule (in priority order) whose formula is a constant
   * (="text", compared ignoring case as Excel does, or =number) and that holds for the value.
   * Other rules need a calculation engine and are not shown.
   */
  conditionalStyleAt(r: number, c: number): { fill: string | null; fontColor: string | null } | undefined {
    if (this.conditionalFormats.length === 0) return undefined;
    const v = this.getValue(r, c);
    for (const cf of this.conditionalFormats) {
      const rule = cf.rule;
      if (cf.type !== 'CellValue' || !rule || (rule.operator !== 'EqualTo' && rule.operator !== 'NotEqualTo')) continue;
      if (!cf.ranges.some((a) => r >= a.r0 && r <= a.r1 && c >= a.c0 && c <= a.c1)) continue;
      const text = /^="((?:[^"]|"")*)"$/.exec(rule.formula1);
      const num = /^=?(-?\d+(?:\.\d+)?)$/.exec(rule.formula1);
      let equal: boolean;
      if (text) equal = typeof v === 'string' && v.toLowerCase() === text[1].replace(/""/g, '"').toLowerCase();
      else if (num) equal = typeof v === 'number' && v === Number(num[1]);
      else continue;
      if (equal === (rule.operator === 'EqualTo')) return { fill: cf.style.fill, fontColor: cf.style.fontColor };
    }
    return undefined;
  }

  /** Conditional formats with at least one cell in `rect`, highest priority first. */
  conditionalFormatsIn(rect: Rect): ConditionalFormatModel[] {
    return this.conditionalFormats.filter((cf) => cf.ranges.some((a) => overlaps(a, rect)));
  }

  clearFills(rect: Rect): void {
    this.fill.clear(rect);
  }

  /** Removes values and formulas from a block (Range.clear("Contents")). */
  clearContents(rect: Rect): void {
    const c1 = Math.min(rect.c1, this.vals.length - 1);
    for (let c = rect.c0; c <= c1; c++) {
      const col = this.vals[c];
      if (!col) continue;
      const r1 = Math.min(rect.r1, col.length - 1);
      if (r1 >= rect.r0) col.fill(undefined, rect.r0, r1 + 1);
    }
    if (this.formulas.size) {
      for (const k of [...this.formulas.keys()]) {
        const r = Math.floor(k / MAX_COLS);
        const c = k % MAX_COLS;
        if (r >= rect.r0 && r <= rect.r1 && c >= rect.c0 && c <= rect.c1) this.formulas.delete(k);
      }
    }
  }

  // ---- shifting cells (table columns) -------------------------------------------------------

  /** Last column (exclusive) that may hold anything: values, formulas or formats. */
  private contentExtent(): number {
    let n = this.columnExtent;
    for (const [, c] of this.formulaCells()) if (c + 1 > n) n = c + 1;
    return n;
  }

  /**
   * Why cells of rows r0…r1 from column c on cannot move sideways, or null: a merged area, another
   * table or a conditional format that reaches into those cells but is not wholly inside the rows
   * (Excel refuses what would split them; the stand-in also refuses moving whole ones).
   * `except` is the table being resized.
   */
  shiftProblem(r0: number, r1: number, c: number, except?: TableModel): string | null {
    const band: Rect = { r0, r1, c0: c, c1: MAX_COLS - 1 };
    if (this.merges.some((m) => overlaps(m, band))) return 'a merged area is in the way';
    if (this.tables.some((t) => t !== except && overlaps(t.rect, band))) return 'another table is in the way';
    for (const cf of this.conditionalFormats) {
      for (const a of cf.ranges) if (overlaps(a, band) && (a.r0 < r0 || a.r1 > r1)) return 'a conditional format reaches beyond the rows that move';
    }
    return null;
  }

  /** Whether any cell of rows r0…r1 from column c on holds a value or formula. */
  hasContentFrom(r0: number, r1: number, c: number): boolean {
    for (let col = c; col < this.vals.length; col++) {
      const a = this.vals[col];
      if (!a) continue;
      for (let r = r0; r <= Math.min(r1, a.length - 1); r++) if (a[r] !== undefined) return true;
    }
    for (const [r, col] of this.formulaCells()) if (col >= c && r >= r0 && r <= r1) return true;
    return false;
  }

  /**
   * Moves the cells of rows r0…r1 from column c on one column right (`by` 1: column c is left
   * empty, as Excel's "insert cells, shift right") or left (`by` -1: column c's cells are removed,
   * as "delete cells, shift left"): values, formulas, number formats, fills, fonts, and the areas
   * of conditional formats inside those rows. Column widths are per column and stay.
   */
  shiftBand(r0: number, r1: number, c: number, by: 1 | -1): void {
    const end = this.contentExtent();
    const grids = [this.fmt, this.fill, this.fontColor, this.fontStyle];
    const formulas: Array<[number, number, string]> = [];
    for (const [r, col, f] of this.formulaCells()) if (col >= c && r >= r0 && r <= r1) formulas.push([r, col, f]);
    for (const [r, col] of formulas) this.formulas.delete(r * MAX_COLS + col);
    const move = (from: number, to: number) => {
      for (let r = r0; r <= r1; r++) {
        this.setValue(r, to, from < 0 ? undefined : this.getValue(r, from));
        for (const g of grids) g.set(r, to, from < 0 ? 0 : g.get(r, from));
      }
    };
    if (by === 1) {
      for (let col = Math.min(end, MAX_COLS - 1) - 1; col >= c; col--) move(col, col + 1);
      move(-1, c);
    } else {
      for (let col = c; col < end; col++) move(col + 1 < end ? col + 1 : -1, col);
    }
    for (const [r, col, f] of formulas) {
      const to = col + by;
      if (to >= c && to < MAX_COLS && !(by === -1 && col === c)) this.formulas.set(r * MAX_COLS + to, f);
    }
    for (const cf of [...this.conditionalFormats]) {
      const ranges: Rect[] = [];
      for (const a of cf.ranges) {
        if (a.r0 < r0 || a.r1 > r1 || a.c1 < c) ranges.push(a);
        else if (by === 1) ranges.push(a.c0 >= c ? { ...a, c0: a.c0 + 1, c1: Math.min(MAX_COLS - 1, a.c1 + 1) } : { ...a, c1: a.c1 + 1 });
        else if (a.c0 > c) ranges.push({ ...a, c0: a.c0 - 1, c1: a.c1 - 1 });
        else if (!(a.c0 === c && a.c1 === c)) ranges.push({ ...a, c1: a.c1 - 1 });
      }
      cf.ranges = ranges;
      if (ranges.length === 0) this.workbook.removeConditionalFormat(cf);
    }
  }

  // ---- rows and columns ---------------------------------------------------------------------

  isRowHidden(r: number): boolean {
    return this.hiddenRows !== undefined && this.hiddenRows[r] === 1;
  }

  setRowHidden(r: number, hidden: boolean): void {
    if (!this.hiddenRows) {
      if (!hidden) return;
      this.hiddenRows = new Uint8Array(MAX_ROWS);
    }
    const was = this.hiddenRows[r] === 1;
    if (was === hidden) return;
    this.hiddenRows[r] = hidden ? 1 : 0;
    this.hiddenRowCount += hidden ? 1 : -1;
  }

  /** Number of hidden rows in [r0, r1]. */
  countHiddenRows(r0: number, r1: number): number {
    if (!this.hiddenRows || this.hiddenRowCount === 0) return 0;
    let n = 0;
    for (let r = r0; r <= r1; r++) n += this.hiddenRows[r];
    return n;
  }

  /** Zero-based indices of all hidden rows, ascending. */
  hiddenRowIndices(): number[] {
    const out: number[] = [];
    if (!this.hiddenRows || this.hiddenRowCount === 0) return out;
    for (let r = 0; r < MAX_ROWS && out.length < this.hiddenRowCount; r++) if (this.hiddenRows[r]) out.push(r);
    return out;
  }

  isColumnHidden(c: number): boolean {
    return this.hiddenColumns.has(c);
  }

  setColumnHidden(c: number, hidden: boolean): void {
    if (hidden) this.hiddenColumns.add(c);
    else this.hiddenColumns.delete(c);
  }

  getColumnWidth(c: number): number {
    return this.columnWidths.get(c) ?? DEFAULT_COLUMN_WIDTH;
  }

  setColumnWidth(c: number, points: number | undefined): void {
    if (points === undefined) this.columnWidths.delete(c);
    else this.columnWidths.set(c, points);
  }

  // ---- extents ------------------------------------------------------------------------------

  /** Number of columns that may hold anything (an upper bound). */
  get columnExtent(): number {
    return Math.max(this.vals.length, this.fmt.columnCount(), this.fill.columnCount(), this.fontColor.columnCount(), this.fontStyle.columnCount());
  }

  /**
   * The used range as Excel computes it: the bounding box of cells with a value or formula, and
   * with `valuesOnly` false also of formatted cells. null for an empty sheet.
   */
  usedRange(valuesOnly = false): Rect | null {
    let r0 = Infinity;
    let r1 = -1;
    let c0 = Infinity;
    let c1 = -1;
    const take = (c: number, lo: number, hi: number) => {
      if (lo < r0) r0 = lo;
      if (hi > r1) r1 = hi;
      if (c < c0) c0 = c;
      if (c > c1) c1 = c;
    };
    for (let c = 0; c < this.vals.length; c++) {
      const col = this.vals[c];
      if (!col) continue;
      let hi = col.length - 1;
      while (hi >= 0 && col[hi] === undefined) hi--;
      if (hi < 0) continue;
      let lo = 0;
      while (col[lo] === undefined) lo++;
      take(c, lo, hi);
    }
    for (const [r, c] of this.formulaCells()) take(c, r, r);
    if (!valuesOnly) {
      for (const grid of [this.fmt, this.fill, this.fontColor, this.fontStyle]) {
        for (let c = 0; c < grid.columnCount(); c++) {
          const e = grid.extent(c);
          if (e) take(c, e[0], e[1]);
        }
      }
    }
    return r1 < 0 ? null : { r0, c0, r1, c1 };
  }

  // ---- convenience for tests ----------------------------------------------------------------

  /** One cell by A1 reference ("B3") or by zero-based row and column. */
  cell(ref: string): CellSnapshot;
  cell(r: number, c: number): CellSnapshot;
  cell(a: string | number, b?: number): CellSnapshot {
    let r: number;
    let c: number;
    if (typeof a === 'string') {
      const rect = parseRef(a);
      if (!rect) throw new Error(`Not a cell reference: ${a}`);
      r = rect.r0;
      c = rect.c0;
    } else {
      r = a;
      c = b ?? 0;
    }
    return {
      value: this.getValue(r, c),
      formula: this.getFormula(r, c),
      numberFormat: this.getNumberFormat(r, c),
      fill: this.getFill(r, c),
      fontColor: this.getFontColor(r, c),
      bold: this.getBold(r, c),
      italic: this.getItalic(r, c),
    };
  }

  /** The values of a block given by A1 reference, as Office reports them. */
  read(ref: string): OfficeCellValue[][] {
    const rect = parseRef(ref);
    if (!rect) throw new Error(`Not a range reference: ${ref}`);
    if (rectCells(rect) > 50_000_000) throw new Error(`Range too large to read: ${ref}`);
    return this.readValues(rect);
  }
}

/** The picture a shape shows: the base64 text as sent, its format and size in pixels. */
export interface ShapeImage {
  format: 'png' | 'jpeg';
  base64: string;
  widthPx: number;
  heightPx: number;
}

/**
 * A picture added with `Worksheet.shapes.addImage` (ExcelApi 1.9): position and size in points
 * from the sheet's top-left corner, name and alt text. Nothing else of Excel's shapes is modelled.
 */
export class ShapeModel {
  deleted = false;
  left = 0;
  top = 0;
  width: number;
  height: number;
  altTextTitle = '';
  altTextDescription = '';
  readonly type = 'Image';

  constructor(
    readonly id: string,
    readonly sheet: SheetModel,
    public name: string,
    readonly image: ShapeImage,
  ) {
    // Excel places a new picture at its pixel size (96 dpi): 0.75 pt a pixel
    this.width = image.widthPx * 0.75;
    this.height = image.heightPx * 0.75;
  }
}

function overlaps(a: Rect, b: Rect): boolean {
  return a.r0 <= b.r1 && b.r0 <= a.r1 && a.c0 <= b.c1 && b.c0 <= a.c1;
}

/** The parts of `a` outside `b`: up to four rectangles (above, below, left, right). */
export function subtractRect(a: Rect, b: Rect): Rect[] {
  if (!overlaps(a, b)) return [a];
  const out: Rect[] = [];
  if (a.r0 < b.r0) out.push({ ...a, r1: b.r0 - 1 });
  if (a.r1 > b.r1) out.push({ ...a, r0: b.r1 + 1 });
  const r0 = Math.max(a.r0, b.r0);
  const r1 = Math.min(a.r1, b.r1);
  if (a.c0 < b.c0) out.push({ r0, r1, c0: a.c0, c1: b.c0 - 1 });
  if (a.c1 > b.c1) out.push({ r0, r1, c0: b.c1 + 1, c1: a.c1 });
  return out;
}

/** Office's conditional format types (`Excel.ConditionalFormatType`). */
export type ConditionalFormatType = 'Custom' | 'DataBar' | 'ColorScale' | 'IconSet' | 'TopBottom' | 'PresetCriteria' | 'ContainsText' | 'CellValue';

/** Office's cell-value operators (`Excel.ConditionalCellValueOperator`). */
export type CellValueOperator = 'Invalid' | 'Between' | 'NotBetween' | 'EqualTo' | 'NotEqualTo' | 'GreaterThan' | 'LessThan' | 'GreaterThanOrEqual' | 'LessThanOrEqual';

/** The format a rule applies (`ConditionalRangeFormat`): fill and font; unset parts are null. */
export interface ConditionalStyle {
  fill: string | null;
  fontColor: string | null;
  bold: boolean | null;
  italic: boolean | null;
}

/**
 * One conditional format (ExcelApi 1.6) on a sheet: its areas, type and, for the two kinds the
 * stand-in models in full, the rule and the format — `CellValue` (operator, formula1, formula2)
 * and `Custom` (a formula). Other kinds read from an .xlsx keep their ExcelJS rule in `raw` so
 * they are written back unchanged; only type, priority, range and delete work on them.
 */
export class ConditionalFormatModel {
  deleted = false;
  stopIfTrue = false;
  /** CellValue rule; null until `cellValue.rule` is set (Excel then reports formula1 ""). */
  rule: { formula1: string; formula2?: string; operator: CellValueOperator } | null = null;
  /** Custom rule formula ("" until set). */
  formula = '';
  readonly style: ConditionalStyle = { fill: null, fontColor: null, bold: null, italic: null };
  /** An ExcelJS rule of a kind the stand-in does not model, kept for the .xlsx round trip. */
  raw: unknown;

  constructor(
    readonly id: string,
    readonly sheet: SheetModel,
    readonly type: ConditionalFormatType,
    /** The cells it applies to: one or more areas. */
    public ranges: Rect[],
  ) {}
}

export class TableModel {
  deleted = false;
  showTotals = false;
  style = 'TableStyleMedium2';
  /** `TableColumn.id` of each column, left to right: stable while columns come and go, never reused. */
  readonly columnIds: number[];
  private nextColumnId: number;
  constructor(
    readonly id: string,
    public name: string,
    public sheet: SheetModel,
    /** The whole table, header row included. */
    public rect: Rect,
    public showHeaders = true,
  ) {
    const width = rect.c1 - rect.c0 + 1;
    this.columnIds = Array.from({ length: width }, (_, i) => i + 1);
    this.nextColumnId = width + 1;
  }

  /** Zero-based position of the column with this id, -1 when it was deleted. */
  columnIndexOf(id: number): number {
    return this.columnIds.indexOf(id);
  }

  /**
   * Inserts an empty column at `index` (0 … column count): the table's cells from there on, and
   * whatever lies right of the table in its rows, move one column right (`SheetModel.shiftBand`).
   * Returns the new column's id. The caller checks `shiftProblem` first.
   */
  insertColumn(index: number): number {
    this.sheet.shiftBand(this.rect.r0, this.rect.r1, this.rect.c0 + index, 1);
    this.rect = { ...this.rect, c1: this.rect.c1 + 1 };
    const id = this.nextColumnId++;
    this.columnIds.splice(index, 0, id);
    return id;
  }

  /** Removes the column at `index`: its cells go and the cells right of it in the table's rows move left. */
  deleteColumn(index: number): void {
    this.sheet.shiftBand(this.rect.r0, this.rect.r1, this.rect.c0 + index, -1);
    this.rect = { ...this.rect, c1: this.rect.c1 - 1 };
    this.columnIds.splice(index, 1);
  }

  /** Column names: the header cells' text (Excel keeps them in sync), "ColumnN" when blank. */
  columnNames(): string[] {
    const names: string[] = [];
    for (let c = this.rect.c0; c <= this.rect.c1; c++) {
      const v = this.showHeaders ? this.sheet.getValue(this.rect.r0, c) : undefined;
      names.push(v === undefined || v === '' ? `Column${c - this.rect.c0 + 1}` : String(v));
    }
    return names;
  }

  get headerRect(): Rect | null {
    return this.showHeaders ? { ...this.rect, r1: this.rect.r0 } : null;
  }

  /** Data rows; a table always has at least one (possibly empty) data row. */
  get bodyRect(): Rect {
    return { ...this.rect, r0: this.showHeaders ? this.rect.r0 + 1 : this.rect.r0, r1: this.showTotals ? this.rect.r1 - 1 : this.rect.r1 };
  }
}

/** Why a worksheet name is not allowed, or null when it is fine (Excel's rules). */
export function sheetNameProblem(name: string): string | null {
  if (typeof name !== 'string' || name.length === 0) return 'The name is empty.';
  if (name.length > 31) return 'The name is longer than 31 characters.';
  if (/[:\\/?*[\]]/.test(name)) return 'The name contains one of : \\ / ? * [ ].';
  if (name.startsWith("'") || name.endsWith("'")) return 'The name begins or ends with an apostrophe.';
  if (name.toLowerCase() === 'history') return '"History" is a reserved name.';
  return null;
}

export class WorkbookModel {
  readonly sheets: SheetModel[] = [];
  readonly tables: TableModel[] = [];
  /** Add-in settings: key → JSON text, as Office persists them. */
  readonly settings = new Map<string, string>();
  readonly formats = new Interner(DEFAULT_NUMBER_FORMAT);
  readonly colors = new Interner('');
  /** Uses the 1904 date system (only matters for xlsx dates). */
  date1904 = false;
  /** File name `Workbook.name` reports. */
  name = 'Book1.xlsx';
  /** The selection (`getSelectedRange`, `getActiveCell`); A1 of the active sheet when unset. */
  selection: { sheet: SheetModel; rect: Rect } | undefined;
  private active: SheetModel | undefined;
  private sheetNumber = 0;
  private tableNumber = 0;
  private shapeNumber = 0;
  private cfNumber = 0;

  nextSheetNumber(): number {
    return ++this.sheetNumber;
  }

  nextTableId(): string {
    return String(++this.tableNumber);
  }

  nextShapeId(): number {
    return ++this.shapeNumber;
  }

  /** Adds a picture on top of the sheet's others, named "Picture N" as Excel does. */
  addShape(sheet: SheetModel, image: ShapeImage): ShapeModel {
    const n = this.nextShapeId();
    const shape = new ShapeModel(String(n), sheet, `Picture ${n}`, image);
    sheet.shapes.push(shape);
    return shape;
  }

  /** Adds a conditional format at the top priority (as `ConditionalFormatCollection.add`). */
  addConditionalFormat(sheet: SheetModel, type: ConditionalFormatType, ranges: Rect[], atEnd = false): ConditionalFormatModel {
    const cf = new ConditionalFormatModel(`{CF-${String(++this.cfNumber).padStart(8, '0')}}`, sheet, type, ranges);
    if (atEnd) sheet.conditionalFormats.push(cf);
    else sheet.conditionalFormats.unshift(cf);
    return cf;
  }

  removeConditionalFormat(cf: ConditionalFormatModel): void {
    const i = cf.sheet.conditionalFormats.indexOf(cf);
    if (i >= 0) cf.sheet.conditionalFormats.splice(i, 1);
    cf.deleted = true;
  }

  removeShape(shape: ShapeModel): void {
    const i = shape.sheet.shapes.indexOf(shape);
    if (i >= 0) shape.sheet.shapes.splice(i, 1);
    shape.deleted = true;
  }

  get activeSheet(): SheetModel | undefined {
    if (this.active && !this.active.deleted) return this.active;
    this.active = this.sheets.find((s) => s.visibility === 'Visible') ?? this.sheets[0];
    return this.active;
  }

  set activeSheet(sheet: SheetModel | undefined) {
    this.active = sheet;
  }

  /** By name (case-insensitive, as Excel) or by id. */
  findSheet(nameOrId: string): SheetModel | undefined {
    const key = String(nameOrId).toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === key) ?? this.sheets.find((s) => s.id === nameOrId);
  }

  /** By name or id; throws when absent (for tests). */
  sheet(nameOrId: string): SheetModel {
    const s = this.findSheet(nameOrId);
    if (!s) throw new Error(`No sheet "${nameOrId}" in the model (has: ${this.sheets.map((x) => x.name).join(', ')})`);
    return s;
  }

  /** A name Excel would give a new sheet: Sheet1, Sheet2, … */
  nextDefaultSheetName(): string {
    for (let i = 1; ; i++) {
      const name = `Sheet${i}`;
      if (!this.findSheet(name)) return name;
    }
  }

  /** Adds a sheet; throws a plain Error on a bad or duplicate name (the proxies check first). */
  addSheet(name: string, position?: number): SheetModel {
    const problem = sheetNameProblem(name);
    if (problem) throw new Error(`Bad sheet name "${name}": ${problem}`);
    if (this.findSheet(name)) throw new Error(`A sheet named "${name}" already exists`);
    const sheet = new SheetModel(this, name);
    if (position === undefined || position >= this.sheets.length) this.sheets.push(sheet);
    else this.sheets.splice(Math.max(0, position), 0, sheet);
    return sheet;
  }

  removeSheet(sheet: SheetModel): void {
    const i = this.sheets.indexOf(sheet);
    if (i < 0) return;
    this.sheets.splice(i, 1);
    sheet.deleted = true;
    for (const t of sheet.tables) this.removeTable(t);
    for (const sh of [...sheet.shapes]) this.removeShape(sh);
    for (const cf of [...sheet.conditionalFormats]) this.removeConditionalFormat(cf);
    if (this.active === sheet) this.active = this.sheets.slice(Math.max(0, i - 1)).find((s) => s.visibility === 'Visible') ?? this.sheets.find((s) => s.visibility === 'Visible');
  }

  findTable(nameOrId: string): TableModel | undefined {
    const key = String(nameOrId).toLowerCase();
    return this.tables.find((t) => t.name.toLowerCase() === key) ?? this.tables.find((t) => t.id === nameOrId);
  }

  nextDefaultTableName(): string {
    for (let i = 1; ; i++) {
      const name = `Table${i}`;
      if (!this.findTable(name)) return name;
    }
  }

  addTable(sheet: SheetModel, rect: Rect, name?: string, showHeaders = true): TableModel {
    const t = new TableModel(this.nextTableId(), name ?? this.nextDefaultTableName(), sheet, rect, showHeaders);
    this.tables.push(t);
    return t;
  }

  removeTable(t: TableModel): void {
    const i = this.tables.indexOf(t);
    if (i >= 0) this.tables.splice(i, 1);
    t.deleted = true;
  }

  // ---- defined names (workbook.names) and calculation requests ------------------------------

  /** Workbook-scoped defined names, in the order added. */
  readonly names: NamedItemModel[] = [];
  /**
   * Count of `Application.calculate("Full" | "FullRebuild")` requests: the workbench's calculator
   * recalculates every formula when it changes (otherwise only formulas whose inputs changed).
   */
  fullCalculations = 0;

  /** By name, case-insensitive as Excel. */
  findName(name: string): NamedItemModel | undefined {
    const key = String(name).toLowerCase();
    return this.names.find((n) => n.name.toLowerCase() === key);
  }

  /** Adds a name referring to a range; throws a plain Error on a bad or duplicate name (the proxies check first). */
  addName(name: string, sheet: SheetModel, rect: Rect, comment = ''): NamedItemModel {
    const problem = definedNameProblem(name);
    if (problem) throw new Error(`Bad name "${name}": ${problem}`);
    if (this.findName(name)) throw new Error(`A name "${name}" already exists`);
    const item = new NamedItemModel(name, sheet, rect, comment);
    this.names.push(item);
    return item;
  }

  removeName(item: NamedItemModel): void {
    const i = this.names.indexOf(item);
    if (i >= 0) this.names.splice(i, 1);
    item.deleted = true;
  }
}

/**
 * A workbook-scoped defined name referring to a range. When its sheet is deleted it refers to
 * nothing (Excel shows `=#REF!`); a sheet rename follows automatically (the sheet is held, not its name).
 */
export class NamedItemModel {
  deleted = false;
  visible = true;
  constructor(
    public name: string,
    public sheet: SheetModel | null,
    public rect: Rect,
    public comment: string,
  ) {}

  /** The sheet, or null when it was deleted (#REF!). */
  get target(): { sheet: SheetModel; rect: Rect } | null {
    return this.sheet && !this.sheet.deleted ? { sheet: this.sheet, rect: this.rect } : null;
  }
}

/**
 * Why Excel refuses a defined name, or null: it must start with a letter, "_" or "\\", hold only
 * letters, digits, ".", "_" and "\\", be at most 255 characters, and not look like a cell
 * reference (A1, R1C1) or be "R"/"C" (support.microsoft.com, "Names in formulas": syntax rules).
 */
export function definedNameProblem(name: string): string | null {
  if (typeof name !== 'string' || name.length === 0) return 'empty';
  if (name.length > 255) return 'longer than 255 characters';
  if (!/^[\p{L}_\\][\p{L}\p{N}._\\]*$/u.test(name)) return 'must start with a letter, "_" or "\\" and hold no spaces or punctuation';
  if (/^[A-Za-z]{1,3}\d+$/.test(name) || /^[Rr]\d*[Cc]\d*$/.test(name) || /^[RrCc]$/.test(name)) return 'looks like a cell reference';
  return null;
}

/** One sheet of a quick test workbook. */
export interface GridSheet {
  name: string;
  values: ReadonlyArray<ReadonlyArray<CellValue | null | undefined>>;
  /** Optional number formats, same shape as values (or shorter); undefined entries stay General. */
  numberFormat?: ReadonlyArray<ReadonlyArray<string | null | undefined>>;
  /** Where the block starts, A1 reference of its top-left cell; default "A1". */
  at?: string;
  protected?: boolean;
  hiddenRows?: number[];
}

/** A workbook from plain 2-D arrays, for tests: values are stored as given (no Excel entry rules). */
export function modelFromGrid(sheets: ReadonlyArray<GridSheet>): WorkbookModel {
  const model = new WorkbookModel();
  for (const g of sheets) {
    const s = model.addSheet(g.name);
    const at = g.at ? parseRef(g.at) : { r0: 0, c0: 0, r1: 0, c1: 0 };
    if (!at) throw new Error(`Bad start reference ${g.at}`);
    s.setValues(at.r0, at.c0, g.values);
    if (g.numberFormat) {
      g.numberFormat.forEach((row, i) => row.forEach((f, j) => (f ? s.setNumberFormat(at.r0 + i, at.c0 + j, f) : undefined)));
    }
    if (g.protected) s.protected = true;
    for (const r of g.hiddenRows ?? []) s.setRowHidden(r, true);
  }
  return model;
}

export { columnIndex, MAX_COLS, MAX_ROWS };
