/**
 * Whole-workbook snapshots of the stand-in's model, for "nothing else changed" and "undo put
 * everything back" assertions: every sheet (name, order, visibility, protection, frozen panes,
 * column widths, hidden rows and columns, merges, conditional formats in priority order), every
 * non-default cell (value, formula, number format, and the fill / font attributes), tables,
 * settings and the active sheet.
 *
 * `diffSnapshots` lists the differences one per line-like entry, so a failing test names the
 * cell ("'Tier history'!B7 value: … → …") instead of dumping two huge objects.
 */
import { LAST_APPLY_KEY } from '../../src/excel/undoStore';
import { CellError, columnLetters, ConditionalFormatModel, formatRef, SheetModel, WorkbookModel } from '../../src/workbench/standin';

/** A cell value as compared: errors become `{ error: '#N/A' }` so they differ from the text "#N/A". */
export type SnapValue = string | number | boolean | { error: string } | null;

export interface CellSnap {
  value: SnapValue;
  formula: string | null;
  numberFormat: string;
  fill: string | null;
  fontColor: string | null;
  bold: boolean;
  italic: boolean;
}

export interface SheetSnap {
  name: string;
  visibility: string;
  protected: boolean;
  frozenRows: number;
  frozenColumns: number;
  tabColor: string;
  columnWidths: Record<number, number>;
  hiddenColumns: number[];
  hiddenRows: number[];
  merges: string[];
  /** Conditional formats, top priority first: "CellValue J4:J324 EqualTo =\"VIP\" fill #F4D35E font #000000". */
  conditionalFormats: string[];
  /** Non-default cells by A1 address. */
  cells: Record<string, CellSnap>;
}

export interface WorkbookSnap {
  sheets: SheetSnap[];
  tables: Array<{ name: string; sheet: string; rect: string; showHeaders: boolean; showTotals: boolean }>;
  settings: Record<string, string>;
  activeSheet: string | null;
}

export function a1(r: number, c: number): string {
  return `${columnLetters(c)}${r + 1}`;
}

function snapValue(v: unknown): SnapValue {
  if (v === undefined || v === null) return null;
  if (v instanceof CellError) return { error: v.code };
  return v as SnapValue;
}

export function snapshotCell(sheet: SheetModel, r: number, c: number): CellSnap {
  const cell = sheet.cell(r, c);
  return {
    value: snapValue(cell.value),
    formula: cell.formula ?? null,
    numberFormat: cell.numberFormat,
    fill: cell.fill ?? null,
    fontColor: cell.fontColor ?? null,
    bold: cell.bold,
    italic: cell.italic,
  };
}

function isDefault(s: CellSnap): boolean {
  return s.value === null && s.formula === null && s.numberFormat === 'General' && s.fill === null && s.fontColor === null && !s.bold && !s.italic;
}

/** A conditional format as one comparable line: type, areas, rule, style, stop-if-true. */
export function describeConditionalFormat(cf: ConditionalFormatModel): string {
  const rule = cf.rule ? `${cf.rule.operator} ${cf.rule.formula1}${cf.rule.formula2 !== undefined ? ` ${cf.rule.formula2}` : ''}` : cf.formula || JSON.stringify(cf.raw ?? null);
  const st = cf.style;
  const style = [st.fill && `fill ${st.fill}`, st.fontColor && `font ${st.fontColor}`, st.bold !== null && `bold ${st.bold}`, st.italic !== null && `italic ${st.italic}`].filter(Boolean).join(' ');
  return `${cf.type} ${cf.ranges.map(formatRef).join(' ')} ${rule}${style ? ` ${style}` : ''}${cf.stopIfTrue ? ' stopIfTrue' : ''}`;
}

export function snapshotSheet(sheet: SheetModel): SheetSnap {
  const cells: Record<string, CellSnap> = {};
  const used = sheet.usedRange(false);
  if (used) {
    for (let r = used.r0; r <= used.r1; r++) {
      for (let c = used.c0; c <= used.c1; c++) {
        const s = snapshotCell(sheet, r, c);
        if (!isDefault(s)) cells[a1(r, c)] = s;
      }
    }
  }
  return {
    name: sheet.name,
    visibility: sheet.visibility,
    protected: sheet.protected,
    frozenRows: sheet.frozenRows,
    frozenColumns: sheet.frozenColumns,
    tabColor: sheet.tabColor,
    columnWidths: Object.fromEntries([...sheet.columnWidths.entries()].sort((a, b) => a[0] - b[0])),
    hiddenColumns: [...sheet.hiddenColumns].sort((a, b) => a - b),
    hiddenRows: sheet.hiddenRowIndices(),
    merges: sheet.merges.map((m) => `${a1(m.r0, m.c0)}:${a1(m.r1, m.c1)}`),
    conditionalFormats: sheet.conditionalFormats.map(describeConditionalFormat),
    cells,
  };
}

export function snapshotWorkbook(model: WorkbookModel): WorkbookSnap {
  return {
    sheets: model.sheets.map(snapshotSheet),
    tables: model.tables.map((t) => ({
      name: t.name,
      sheet: t.sheet.name,
      rect: `${a1(t.rect.r0, t.rect.c0)}:${a1(t.rect.r1, t.rect.c1)}`,
      showHeaders: t.showHeaders,
      showTotals: t.showTotals,
    })),
    // the undo record of the last apply is the undo's own bookkeeping (undoStore), not the
    // user's data: an undo removes it, so "restored exactly" leaves it out
    settings: Object.fromEntries([...model.settings.entries()].filter(([k]) => k !== LAST_APPLY_KEY).sort()),
    activeSheet: model.activeSheet?.name ?? null,
  };
}

/** One difference between two snapshots. `cell` is set for cell differences. */
export interface Difference {
  sheet: string | null;
  cell?: { address: string; row: number; col: number };
  what: string;
  before: unknown;
  after: unknown;
}

const BLANK: CellSnap = { value: null, formula: null, numberFormat: 'General', fill: null, fontColor: null, bold: false, italic: false };

/** Zero-based row and column of an A1 address. */
export function parseA1(address: string): { row: number; col: number } {
  const m = /^([A-Z]+)(\d+)$/.exec(address);
  if (!m) throw new Error(`Not an A1 address: ${address}`);
  let col = 0;
  for (const ch of m[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: col - 1 };
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Every difference between two workbook snapshots (sheets matched by name). */
export function diffSnapshots(before: WorkbookSnap, after: WorkbookSnap): Difference[] {
  const out: Difference[] = [];
  const names = (s: WorkbookSnap) => s.sheets.map((x) => x.name);
  if (!same(names(before), names(after))) out.push({ sheet: null, what: 'sheets', before: names(before), after: names(after) });
  if (!same(before.tables, after.tables)) out.push({ sheet: null, what: 'tables', before: before.tables, after: after.tables });
  if (!same(before.settings, after.settings)) out.push({ sheet: null, what: 'settings', before: before.settings, after: after.settings });
  if (before.activeSheet !== after.activeSheet) out.push({ sheet: null, what: 'activeSheet', before: before.activeSheet, after: after.activeSheet });
  const afterByName = new Map(after.sheets.map((s) => [s.name, s]));
  const beforeByName = new Map(before.sheets.map((s) => [s.name, s]));
  for (const b of before.sheets) {
    const a = afterByName.get(b.name);
    if (!a) {
      out.push({ sheet: b.name, what: 'sheet removed', before: b.name, after: null });
      continue;
    }
    diffSheet(b, a, out);
  }
  for (const a of after.sheets) if (!beforeByName.has(a.name)) out.push({ sheet: a.name, what: 'sheet added', before: null, after: a.name });
  return out;
}

function diffSheet(b: SheetSnap, a: SheetSnap, out: Difference[]): void {
  for (const key of ['visibility', 'protected', 'frozenRows', 'frozenColumns', 'tabColor', 'columnWidths', 'hiddenColumns', 'hiddenRows', 'merges', 'conditionalFormats'] as const) {
    if (!same(b[key], a[key])) out.push({ sheet: b.name, what: key, before: b[key], after: a[key] });
  }
  const addresses = new Set([...Object.keys(b.cells), ...Object.keys(a.cells)]);
  for (const address of addresses) {
    const cb = b.cells[address] ?? BLANK;
    const ca = a.cells[address] ?? BLANK;
    for (const k of Object.keys(BLANK) as Array<keyof CellSnap>) {
      if (!same(cb[k], ca[k])) out.push({ sheet: b.name, cell: { address, ...parseA1(address) }, what: k, before: cb[k], after: ca[k] });
    }
  }
}

/** Differences as short lines for readable failures. */
export function describeDiffs(diffs: Difference[], max = 20): string[] {
  return diffs.slice(0, max).map((d) => `${d.sheet ?? '(workbook)'}${d.cell ? `!${d.cell.address}` : ''} ${d.what}: ${JSON.stringify(d.before)} → ${JSON.stringify(d.after)}`);
}
