/**
 * .xlsx ⇄ WorkbookModel through ExcelJS, on bytes (ArrayBuffer / Uint8Array) so it works in Node
 * and in the browser. Kept: values (dates as serial numbers, as Office reports them), formulas
 * with their cached results, number formats, solid fills, bold / italic / font colour, hidden
 * rows and columns, column widths, merged areas, tables, frozen panes, sheet visibility and
 * protection, the active sheet, workbook defined names referring to one range, conditional formats (cell-value and formula rules with their fill
 * and font in full; other kinds passed through as ExcelJS read them). Not kept: add-in settings
 * (Office stores them in a web-extension part ExcelJS does not read or write), theme colours,
 * everything else.
 */
import ExcelJS from 'exceljs';
import { Rect, columnLetters, formatRef, parseRef } from './address';
import { CellError, CellValue, CellValueOperator, ConditionalFormatModel, ConditionalFormatType, ConditionalStyle, DEFAULT_COLUMN_WIDTH, DEFAULT_NUMBER_FORMAT, SheetModel, SheetVisibility, WorkbookModel, sheetNameProblem } from './model';
import { serialFromDate } from './text';
import { normaliseXlsx } from '../../cli/xlsxPackage';

export { modelFromGrid } from './model';
export type { GridSheet } from './model';

/** Excel column width in characters → points (7 px per character + 5 px padding, 0.75 pt per px). */
export function charsToPoints(chars: number): number {
  return Math.round((Math.trunc(chars * 7 + 5 + 0.5) * 0.75) * 100) / 100;
}

/** Points → Excel column width in characters (inverse of charsToPoints, to 2 decimals). */
export function pointsToChars(points: number): number {
  return Math.max(0, Math.round(((points / 0.75 - 5) / 7) * 100) / 100);
}

function argbToHex(argb: string | undefined): string | undefined {
  if (!argb || !/^[0-9a-fA-F]{8}$/.test(argb)) return undefined;
  return `#${argb.slice(2).toUpperCase()}`;
}

function hexToArgb(hex: string): string {
  return `FF${hex.replace('#', '').toUpperCase()}`;
}

function plainText(v: unknown): string {
  if (typeof v === 'string') return v;
  if (v && typeof v === 'object' && 'richText' in v) return (v as ExcelJS.CellRichTextValue).richText.map((t) => t.text).join('');
  return v === undefined || v === null ? '' : String(v);
}

/** A formula result or plain value from ExcelJS → model value. */
function fromExcelJs(v: unknown, date1904: boolean): CellValue | undefined {
  if (v === null || v === undefined) return undefined;
  if (typeof v === 'number' || typeof v === 'boolean') return v;
  if (typeof v === 'string') return v === '' ? undefined : v;
  if (v instanceof Date) return Math.round(serialFromDate(v, date1904) * 86400000) / 86400000;
  if (typeof v === 'object' && 'error' in v) return new CellError(String((v as ExcelJS.CellErrorValue).error));
  if (typeof v === 'object' && 'richText' in v) return plainText(v) || undefined;
  return undefined;
}

function readCell(sheet: SheetModel, cell: ExcelJS.Cell, r: number, c: number, date1904: boolean): void {
  const T = ExcelJS.ValueType;
  switch (cell.type) {
    case T.Null:
    case T.Merge:
      break;
    case T.Formula: {
      const f = cell.formula;
      if (f) sheet.setFormula(r, c, f.startsWith('=') ? f : `=${f}`, fromExcelJs(cell.result, date1904));
      else sheet.setValue(r, c, fromExcelJs(cell.result, date1904));
      break;
    }
    case T.Hyperlink:
      sheet.setValue(r, c, plainText((cell.value as ExcelJS.CellHyperlinkValue).text) || undefined);
      break;
    case T.RichText:
      sheet.setValue(r, c, plainText(cell.value) || undefined);
      break;
    case T.Error:
      sheet.setValue(r, c, new CellError(String((cell.value as ExcelJS.CellErrorValue).error)));
      break;
    default:
      sheet.setValue(r, c, fromExcelJs(cell.value, date1904));
  }
  const numFmt = cell.numFmt;
  if (numFmt && numFmt !== DEFAULT_NUMBER_FORMAT) sheet.setNumberFormat(r, c, numFmt);
  const fill = cell.fill;
  if (fill && fill.type === 'pattern' && fill.pattern === 'solid') {
    const hex = argbToHex(fill.fgColor?.argb);
    if (hex) sheet.setFill(r, c, hex);
  }
  const font = cell.font;
  if (font) {
    if (font.bold) sheet.setBold(r, c, true);
    if (font.italic) sheet.setItalic(r, c, true);
    const hex = argbToHex(font.color?.argb);
    if (hex && hex !== '#000000') sheet.setFontColor(r, c, hex);
  }
}

// ---- conditional formats ------------------------------------------------------------------------

/** Office's cell-value operators ⇄ the OOXML `cfRule operator` words. */
const OPERATOR_TO_XML: Record<string, string> = {
  Between: 'between',
  NotBetween: 'notBetween',
  EqualTo: 'equal',
  NotEqualTo: 'notEqual',
  GreaterThan: 'greaterThan',
  LessThan: 'lessThan',
  GreaterThanOrEqual: 'greaterThanOrEqual',
  LessThanOrEqual: 'lessThanOrEqual',
};
const XML_TO_OPERATOR: Record<string, CellValueOperator> = Object.fromEntries(Object.entries(OPERATOR_TO_XML).map(([k, v]) => [v, k as CellValueOperator]));

/** ExcelJS rule types that Office reports under another name. */
const RULE_TYPE_TO_OFFICE: Record<string, ConditionalFormatType> = {
  cellIs: 'CellValue',
  expression: 'Custom',
  dataBar: 'DataBar',
  colorScale: 'ColorScale',
  iconSet: 'IconSet',
  top10: 'TopBottom',
  containsText: 'ContainsText',
};

interface ExcelJsRule {
  type: string;
  priority?: number;
  operator?: string;
  formulae?: unknown[];
  stopIfTrue?: boolean;
  style?: Partial<ExcelJS.Style>;
}

/** A formula of a rule as Office reports it: with its "=". */
function withEquals(f: unknown): string {
  const s = String(f ?? '');
  return s.startsWith('=') ? s : `=${s}`;
}

function styleFromExcelJs(style: Partial<ExcelJS.Style> | undefined, into: ConditionalStyle): void {
  const fill = style?.fill as ExcelJS.FillPattern | undefined;
  // in a differential format, a solid fill's colour is its bgColor (ExcelJS and Excel write it there)
  const fillHex = fill && fill.type === 'pattern' ? argbToHex(fill.bgColor?.argb) ?? argbToHex(fill.fgColor?.argb) : undefined;
  if (fillHex) into.fill = fillHex;
  const font = style?.font;
  const fontHex = argbToHex(font?.color?.argb);
  if (fontHex) into.fontColor = fontHex;
  if (font?.bold !== undefined) into.bold = Boolean(font.bold);
  if (font?.italic !== undefined) into.italic = Boolean(font.italic);
}

function styleToExcelJs(s: ConditionalStyle): Partial<ExcelJS.Style> | undefined {
  const style: Partial<ExcelJS.Style> = {};
  if (s.fill) style.fill = { type: 'pattern', pattern: 'solid', bgColor: { argb: hexToArgb(s.fill) } };
  const font: Partial<ExcelJS.Font> = {};
  if (s.fontColor) font.color = { argb: hexToArgb(s.fontColor) };
  if (s.bold !== null) font.bold = s.bold;
  if (s.italic !== null) font.italic = s.italic;
  if (Object.keys(font).length) style.font = font;
  return Object.keys(style).length ? style : undefined;
}

/** The sheet's conditional formats from ExcelJS, in priority order (1 = top). */
function readConditionalFormats(ws: ExcelJS.Worksheet, sheet: SheetModel, model: WorkbookModel): void {
  const list = (ws as unknown as { conditionalFormattings?: Array<{ ref: string; rules: ExcelJsRule[] }> }).conditionalFormattings ?? [];
  const found: Array<{ rule: ExcelJsRule; ranges: Rect[]; order: number }> = [];
  for (const cf of list) {
    const ranges = String(cf.ref ?? '')
      .split(/\s+/)
      .map((ref) => parseRef(ref.replace(/\$/g, '')))
      .filter((r): r is Rect => r !== null);
    if (ranges.length === 0) continue;
    for (const rule of cf.rules ?? []) found.push({ rule, ranges, order: found.length });
  }
  found.sort((a, b) => (a.rule.priority ?? Infinity) - (b.rule.priority ?? Infinity) || a.order - b.order);
  for (const { rule, ranges } of found) {
    const type = RULE_TYPE_TO_OFFICE[rule.type] ?? 'PresetCriteria';
    const cf = model.addConditionalFormat(sheet, type, ranges.map((r) => ({ ...r })), true);
    cf.stopIfTrue = Boolean(rule.stopIfTrue);
    const operator = rule.operator ? XML_TO_OPERATOR[rule.operator] : undefined;
    if (rule.type === 'cellIs' && operator && rule.formulae?.length) {
      cf.rule = { formula1: withEquals(rule.formulae[0]), operator };
      if (rule.formulae.length > 1) cf.rule.formula2 = withEquals(rule.formulae[1]);
      styleFromExcelJs(rule.style, cf.style);
    } else if (rule.type === 'expression' && rule.formulae?.length) {
      cf.formula = withEquals(rule.formulae[0]);
      styleFromExcelJs(rule.style, cf.style);
    } else {
      const { priority: _priority, ...raw } = rule as ExcelJsRule & { dxfId?: number };
      delete (raw as { dxfId?: number }).dxfId;
      cf.raw = raw;
    }
  }
}

/** One ExcelJS rule for a model format; null when it has nothing Excel would keep (no rule set yet). */
function ruleToExcelJs(cf: ConditionalFormatModel, priority: number): ExcelJS.ConditionalFormattingRule | null {
  const strip = (f: string) => f.replace(/^=/, '');
  if (cf.raw) return { ...(cf.raw as object), priority } as ExcelJS.ConditionalFormattingRule;
  const style = styleToExcelJs(cf.style);
  if (cf.type === 'CellValue' && cf.rule) {
    const formulae = [strip(cf.rule.formula1)];
    if (cf.rule.formula2 !== undefined) formulae.push(strip(cf.rule.formula2));
    return { type: 'cellIs', operator: OPERATOR_TO_XML[cf.rule.operator] as ExcelJS.CellIsOperators, formulae, priority, style };
  }
  if (cf.type === 'Custom' && cf.formula) return { type: 'expression', formulae: [strip(cf.formula)], priority, style };
  return null;
}

function writeConditionalFormats(ws: ExcelJS.Worksheet, sheet: SheetModel): void {
  sheet.conditionalFormats.forEach((cf, i) => {
    const rule = ruleToExcelJs(cf, i + 1);
    if (rule) ws.addConditionalFormatting({ ref: cf.ranges.map(formatRef).join(' '), rules: [rule] });
  });
}

const STATE_TO_VISIBILITY: Record<string, SheetVisibility> = { visible: 'Visible', hidden: 'Hidden', veryHidden: 'VeryHidden' };

interface WorksheetInternals {
  _rows?: Array<ExcelJS.Row | undefined>;
  _merges?: Record<string, { top: number; left: number; bottom: number; right: number }>;
}

interface TableInternals {
  table?: { name?: string; tableRef?: string; ref?: string; totalsRow?: boolean };
}

/**
 * Reads an .xlsx file's bytes into a model. A package ExcelJS cannot open as it is is normalised
 * first (cli/xlsxPackage); a password-protected or .xls file throws a `PackageError` whose
 * `detail` is a message code.
 */
export async function modelFromXlsx(data: ArrayBuffer | Uint8Array, name = 'The workbook'): Promise<WorkbookModel> {
  const wb = new ExcelJS.Workbook();
  // packages other programs write (absolute part paths, tables without a style) made readable first
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  await wb.xlsx.load(normaliseXlsx(bytes, name).bytes as unknown as ArrayBuffer);
  const model = new WorkbookModel();
  const date1904 = Boolean((wb.properties as { date1904?: boolean } | undefined)?.date1904);
  model.date1904 = date1904;
  for (const ws of wb.worksheets) {
    const name = sheetNameProblem(ws.name) ? model.nextDefaultSheetName() : ws.name;
    const sheet = model.addSheet(name);
    sheet.visibility = STATE_TO_VISIBILITY[ws.state] ?? 'Visible';
    if ((ws as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet) sheet.protected = true;
    const tab = argbToHex((ws.properties as { tabColor?: { argb?: string } } | undefined)?.tabColor?.argb);
    if (tab) sheet.tabColor = tab;
    const view = ws.views?.[0] as { state?: string; xSplit?: number; ySplit?: number } | undefined;
    if (view?.state === 'frozen') {
      sheet.frozenRows = view.ySplit ?? 0;
      sheet.frozenColumns = view.xSplit ?? 0;
    }

    const internals = ws as unknown as WorksheetInternals;
    const visit = (row: ExcelJS.Row) => {
      const r = row.number - 1;
      if (row.hidden) sheet.setRowHidden(r, true);
      row.eachCell({ includeEmpty: true }, (cell, col) => readCell(sheet, cell, r, col - 1, date1904));
    };
    if (Array.isArray(internals._rows)) for (const row of internals._rows) if (row) visit(row);
    else ws.eachRow({ includeEmpty: true }, visit);

    (ws.columns ?? []).forEach((col, i) => {
      if (!col) return;
      if (col.width !== undefined && col.width !== null) sheet.setColumnWidth(i, charsToPoints(col.width));
      if (col.hidden) sheet.setColumnHidden(i, true);
    });

    for (const m of Object.values(internals._merges ?? {})) sheet.merges.push({ r0: m.top - 1, c0: m.left - 1, r1: m.bottom - 1, c1: m.right - 1 });

    for (const t of ws.getTables() as unknown as TableInternals[]) {
      const def = t.table;
      const ref = def?.tableRef ?? def?.ref;
      if (!def?.name || !ref) continue;
      const [a, b] = ref.split(':');
      const tl = sheetCell(a);
      const br = sheetCell(b ?? a);
      if (!tl || !br) continue;
      // ExcelJS reads headerRowCount only when present; Excel omits it when there is a header row.
      const table = model.addTable(sheet, { r0: tl.r, c0: tl.c, r1: br.r, c1: br.c }, def.name, true);
      table.showTotals = Boolean(def.totalsRow);
    }
    readConditionalFormats(ws, sheet, model);
  }
  const activeTab = (wb.views?.[0] as { activeTab?: number } | undefined)?.activeTab;
  if (activeTab !== undefined && model.sheets[activeTab]) model.activeSheet = model.sheets[activeTab];
  readDefinedNames(wb, model);
  return model;
}

// ---- defined names: workbook-scoped names referring to one range ("'Sheet'!$A$1:$B$11") --------

interface DefinedNamesModel {
  model: Array<{ name: string; ranges: string[] }>;
  add(ref: string, name: string): void;
}

function readDefinedNames(wb: ExcelJS.Workbook, model: WorkbookModel): void {
  const names = (wb as unknown as { definedNames?: DefinedNamesModel }).definedNames;
  for (const d of names?.model ?? []) {
    if (!d.name || d.name.startsWith('_xlnm.') || d.ranges.length !== 1 || model.findName(d.name)) continue;
    const bang = d.ranges[0].lastIndexOf('!');
    if (bang < 0) continue;
    const sheet = model.findSheet(d.ranges[0].slice(0, bang).replace(/^'(.*)'$/, '$1').replace(/''/g, "'"));
    const rect = parseRef(d.ranges[0].slice(bang + 1).replace(/\$/g, ''));
    if (sheet && rect) {
      try {
        model.addName(d.name, sheet, rect);
      } catch {
        // a name Excel would not accept: left out
      }
    }
  }
}

function writeDefinedNames(wb: ExcelJS.Workbook, model: WorkbookModel): void {
  const names = (wb as unknown as { definedNames?: DefinedNamesModel }).definedNames;
  for (const n of model.names) {
    const t = n.target;
    if (!t || !names) continue;
    const cell = (r: number, c: number) => `$${columnLetters(c)}$${r + 1}`;
    const quoted = `'${t.sheet.name.replace(/'/g, "''")}'`;
    names.add(`${quoted}!${cell(t.rect.r0, t.rect.c0)}:${cell(t.rect.r1, t.rect.c1)}`, n.name);
  }
}

function sheetCell(ref: string): { r: number; c: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(ref.trim());
  if (!m) return null;
  let c = 0;
  for (const ch of m[1].toUpperCase()) c = c * 26 + (ch.charCodeAt(0) - 64);
  return { r: Number(m[2]) - 1, c: c - 1 };
}

function toExcelJsValue(v: CellValue): ExcelJS.CellValue {
  return v instanceof CellError ? { error: v.code as ExcelJS.CellErrorValue['error'] } : v;
}

function writeCell(ws: ExcelJS.Worksheet, sheet: SheetModel, r: number, c: number): void {
  const value = sheet.getValue(r, c);
  const formula = sheet.getFormula(r, c);
  const numFmt = sheet.getNumberFormat(r, c);
  const fill = sheet.getFill(r, c);
  const bold = sheet.getBold(r, c);
  const italic = sheet.getItalic(r, c);
  const color = sheet.getFontColor(r, c);
  if (value === undefined && formula === undefined && numFmt === DEFAULT_NUMBER_FORMAT && !fill && !bold && !italic && !color) return;
  const cell = ws.getCell(r + 1, c + 1);
  if (formula !== undefined) {
    const f = { formula: formula.replace(/^=/, '') } as ExcelJS.CellFormulaValue;
    if (value !== undefined) f.result = toExcelJsValue(value) as ExcelJS.CellFormulaValue['result'];
    cell.value = f;
  } else if (value !== undefined) cell.value = toExcelJsValue(value);
  if (numFmt !== DEFAULT_NUMBER_FORMAT) cell.numFmt = numFmt;
  if (fill) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: hexToArgb(fill) } };
  if (bold || italic || color) {
    const font: Partial<ExcelJS.Font> = {};
    if (bold) font.bold = true;
    if (italic) font.italic = true;
    if (color) font.color = { argb: hexToArgb(color) };
    cell.font = font;
  }
}

const VISIBILITY_TO_STATE: Record<SheetVisibility, ExcelJS.WorksheetState> = { Visible: 'visible', Hidden: 'hidden', VeryHidden: 'veryHidden' };

function topLeft(rect: Rect): string {
  return `${columnLetters(rect.c0)}${rect.r0 + 1}`;
}

/** Writes a model as .xlsx bytes. */
export async function modelToXlsx(model: WorkbookModel): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  if (model.date1904) (wb.properties as { date1904?: boolean }).date1904 = true;
  for (const sheet of model.sheets) {
    const views: Array<Partial<ExcelJS.WorksheetView>> = [];
    if (sheet.frozenRows || sheet.frozenColumns) {
      views.push({ state: 'frozen', xSplit: sheet.frozenColumns, ySplit: sheet.frozenRows } as Partial<ExcelJS.WorksheetViewFrozen>);
    }
    const ws = wb.addWorksheet(sheet.name, {
      state: VISIBILITY_TO_STATE[sheet.visibility],
      views,
      properties: sheet.tabColor ? ({ tabColor: { argb: hexToArgb(sheet.tabColor) } } as Partial<ExcelJS.WorksheetProperties>) : undefined,
    });

    // Tables first: ExcelJS writes their cells, which the cell loop below then sets exactly.
    for (const t of sheet.tables) {
      const body = t.bodyRect;
      const rows: unknown[][] = [];
      for (let r = body.r0; r <= body.r1; r++) {
        const row: unknown[] = [];
        for (let c = body.c0; c <= body.c1; c++) {
          const v = sheet.getValue(r, c);
          row.push(v === undefined ? null : toExcelJsValue(v));
        }
        rows.push(row);
      }
      ws.addTable({
        name: t.name,
        ref: topLeft(t.rect),
        headerRow: t.showHeaders,
        totalsRow: false,
        style: { theme: t.style as ExcelJS.TableStyleProperties['theme'], showRowStripes: true },
        columns: t.columnNames().map((name) => ({ name, filterButton: true })),
        rows,
      });
    }

    const used = sheet.usedRange(false);
    if (used) for (let r = used.r0; r <= used.r1; r++) for (let c = used.c0; c <= used.c1; c++) writeCell(ws, sheet, r, c);
    for (const r of sheet.hiddenRowIndices()) ws.getRow(r + 1).hidden = true;
    for (const [c, points] of sheet.columnWidths) if (points !== DEFAULT_COLUMN_WIDTH) ws.getColumn(c + 1).width = pointsToChars(points);
    for (const c of sheet.hiddenColumns) ws.getColumn(c + 1).hidden = true;
    for (const m of sheet.merges) ws.mergeCells(m.r0 + 1, m.c0 + 1, m.r1 + 1, m.c1 + 1);
    writeConditionalFormats(ws, sheet);
    if (sheet.protected) await ws.protect('', {});
  }
  const active = model.activeSheet ? model.sheets.indexOf(model.activeSheet) : 0;
  wb.views = [{ x: 0, y: 0, width: 10000, height: 20000, firstSheet: 0, activeTab: Math.max(0, active), visibility: 'visible' }];
  writeDefinedNames(wb, model);
  // Node gives a Buffer (a Uint8Array), browsers an ArrayBuffer
  const buffer: unknown = await wb.xlsx.writeBuffer();
  if (buffer instanceof Uint8Array) return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  return new Uint8Array(buffer as ArrayBuffer);
}
