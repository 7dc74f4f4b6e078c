/**
 * .xlsx ⇄ WorkbookModel through ExcelJS, on bytes (ArrayBuffer / Uint8Array) so it works in Node
 * and in the browser. Kept: values (dates as serial numbers, as Office reports them), formulas
 * with their cached results, number formats, solid fills, bold / italic / font colour, hidden
 * rows and columns, column widths, merged areas, tables, frozen panes, sheet visibility and
 * protection, the active sheet, workbook defined names referring to one range, conditional formats (cell-value and formula rules with their fill
 * and font in full; other kinds passed through as ExcelJS read them), the add-in's settings
 * (`workbook.settings`, in the web-extension part where Excel keeps them: see webExtension below)
 * and pictures (position, size, name and alt text). Not kept: theme colours, charts, other
 * add-ins' settings, everything else.
 */
import ExcelJS from 'exceljs';
import { Rect, columnLetters, formatRef, parseRef } from './address';
import { CellError, CellValue, CellValueOperator, ConditionalFormatModel, ConditionalFormatType, ConditionalStyle, DEFAULT_COLUMN_WIDTH, DEFAULT_NUMBER_FORMAT, SheetModel, SheetVisibility, WorkbookModel, sheetNameProblem } from './model';
import { serialFromDate } from './text';
import { readImage } from './image';
import { normaliseXlsx } from '../../cli/xlsxPackage';
import { strFromU8, strToU8, unzipSync, zipSync, Zippable } from 'fflate';

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
  const pictures: Array<[ExcelJS.Worksheet, SheetModel]> = [];
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
    pictures.push([ws, sheet]);
  }
  const names = pictures.length ? pictureNames(bytes) : new Map<string, PictureNames[]>();
  for (const [ws, sheet] of pictures) if (ws.getImages().length) readPictures(wb, ws, sheet, model, names.get(ws.name));
  const activeTab = (wb.views?.[0] as { activeTab?: number } | undefined)?.activeTab;
  if (activeTab !== undefined && model.sheets[activeTab]) model.activeSheet = model.sheets[activeTab];
  readDefinedNames(wb, model);
  for (const [k, v] of readSettings(bytes)) model.settings.set(k, v);
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
    writePictures(wb, ws, sheet);
    if (sheet.protected) await ws.protect('', {});
  }
  const active = model.activeSheet ? model.sheets.indexOf(model.activeSheet) : 0;
  wb.views = [{ x: 0, y: 0, width: 10000, height: 20000, firstSheet: 0, activeTab: Math.max(0, active), visibility: 'visible' }];
  writeDefinedNames(wb, model);
  // Node gives a Buffer (a Uint8Array), browsers an ArrayBuffer
  const buffer: unknown = await wb.xlsx.writeBuffer();
  const bytes = buffer instanceof Uint8Array ? new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength) : new Uint8Array(buffer as ArrayBuffer);
  return finishPackage(bytes, model);
}

// ---- the add-in's settings: the web-extension part --------------------------------------------
//
// Office keeps an add-in's settings (Office.Settings / Excel's workbook.settings) "in the host
// document as name/value pairs … saved per add-in and per document"
// (learn.microsoft.com/javascript/api/office/office.settings; "Persist add-in state and settings",
// learn.microsoft.com/office/dev/add-ins/develop/persisting-add-in-state-and-settings). In an .xlsx
// Excel writes them as <we:property name value> elements of a web-extension part,
// xl/webextensions/webextension1.xml, reached from the package through the task-pane part
// xl/webextensions/taskpanes.xml ([MS-OWEXML] "Office Web Extensibility Extensions to Office Open
// XML Structure", learn.microsoft.com/openspecs/office_standards/ms-owexml; the part seen in real
// files: SheetJS/sheetjs#1952). A property's value is the setting's JSON text, which is also how the
// model keeps it. The reference id is the add-in's manifest <Id>: settings belong to it.

/** manifest.xml's <Id> and <Version> (settings in a workbook belong to that id). */
export const ADDIN_ID = '284a0eb8-0093-4c22-ad85-34ed9375e9de';
const ADDIN_VERSION = '0.1.0.0';

const WE_NS = 'http://schemas.microsoft.com/office/webextensions/webextension/2010/11';
const WETP_NS = 'http://schemas.microsoft.com/office/webextensions/taskpanes/2010/11';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const TASKPANES_REL = 'http://schemas.microsoft.com/office/2011/relationships/webextensiontaskpanes';
const WEBEXTENSION_REL = 'http://schemas.microsoft.com/office/2011/relationships/webextension';

function xmlEscape(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/\r/g, '&#13;').replace(/\n/g, '&#10;').replace(/\t/g, '&#9;');
}

function xmlUnescape(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, e: string) => {
    if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    return ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" } as Record<string, string>)[e.toLowerCase()];
  });
}

/** The attributes of one XML start tag. */
function tagAttributes(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/([\w:.-]+)\s*=\s*("([^"]*)"|'([^']*)')/g)) out[m[1]] = xmlUnescape(m[3] ?? m[4] ?? '');
  return out;
}

/** The web-extension part holding `settings` (key → JSON text) for our add-in. */
export function webExtensionXml(settings: ReadonlyMap<string, string>): string {
  const props = [...settings].map(([k, v]) => `<we:property name="${xmlEscape(k)}" value="${xmlEscape(v)}"/>`).join('');
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n` +
    `<we:webextension xmlns:we="${WE_NS}" id="{${ADDIN_ID.toUpperCase()}}">` +
    `<we:reference id="${ADDIN_ID}" version="${ADDIN_VERSION}" store="developer" storeType="Registry"/>` +
    `<we:alternateReferences/><we:properties>${props}</we:properties><we:bindings/><we:snapshot xmlns:r="${REL_NS}"/></we:webextension>`
  );
}

/** Settings (key → JSON text) of our add-in in a web-extension part; null when the part is another add-in's. */
export function settingsFromWebExtension(xml: string): Map<string, string> | null {
  const ref = /<(?:\w+:)?reference\b[^>]*>/.exec(xml);
  if (!ref || (tagAttributes(ref[0]).id ?? '').replace(/[{}]/g, '').toLowerCase() !== ADDIN_ID) return null;
  const out = new Map<string, string>();
  for (const m of xml.matchAll(/<(?:\w+:)?property\b[^>]*>/g)) {
    const a = tagAttributes(m[0]);
    if (a.name !== undefined && a.value !== undefined) out.set(a.name, a.value);
  }
  return out;
}

/** What ExcelJS leaves out, added to the package it wrote: pictures' names and alt text, the add-in's settings. */
function finishPackage(bytes: Uint8Array, model: WorkbookModel): Uint8Array {
  const pictures = model.sheets.some((x) => x.shapes.some((sh) => !sh.deleted));
  if (model.settings.size === 0 && !pictures) return bytes;
  const parts: Zippable = unzipSync(bytes);
  if (pictures) namePictures(parts, model);
  if (model.settings.size > 0) withSettings(parts, model.settings);
  return zipSync(parts);
}

/** Adds the settings' parts (ExcelJS writes none). */
function withSettings(parts: Zippable, settings: ReadonlyMap<string, string>): void {
  parts['xl/webextensions/webextension1.xml'] = strToU8(webExtensionXml(settings));
  parts['xl/webextensions/taskpanes.xml'] = strToU8(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<wetp:taskpanes xmlns:wetp="${WETP_NS}"><wetp:taskpane dockstate="right" visibility="0" width="350" row="0"><wetp:webextensionref xmlns:r="${REL_NS}" r:id="rId1"/></wetp:taskpane></wetp:taskpanes>`,
  );
  parts['xl/webextensions/_rels/taskpanes.xml.rels'] = strToU8(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${WEBEXTENSION_REL}" Target="webextension1.xml"/></Relationships>`,
  );
  const rels = strFromU8(parts['_rels/.rels'] as Uint8Array);
  parts['_rels/.rels'] = strToU8(rels.replace('</Relationships>', `<Relationship Id="rIdWebExt1" Type="${TASKPANES_REL}" Target="xl/webextensions/taskpanes.xml"/></Relationships>`));
  const types = strFromU8(parts['[Content_Types].xml'] as Uint8Array);
  parts['[Content_Types].xml'] = strToU8(
    types.replace(
      '</Types>',
      '<Override PartName="/xl/webextensions/taskpanes.xml" ContentType="application/vnd.ms-office.webextensiontaskpanes+xml"/>' +
        '<Override PartName="/xl/webextensions/webextension1.xml" ContentType="application/vnd.ms-office.webextension+xml"/></Types>',
    ),
  );
}

/** Our add-in's settings in a package (every web-extension part is looked at: Excel numbers them in its own order). */
function readSettings(bytes: Uint8Array): Map<string, string> {
  const parts = unzipSync(bytes, { filter: (f) => /^\/?xl\/webextensions\/webextension\d*\.xml$/i.test(f.name) });
  for (const data of Object.values(parts)) {
    const found = settingsFromWebExtension(strFromU8(data));
    if (found) return found;
  }
  return new Map();
}

// ---- pictures (Worksheet.shapes.addImage) ------------------------------------------------------
//
// A picture is an anchor in the sheet's drawing part: its top-left cell plus an offset in EMU
// (12,700 EMU a point) and its size; name, title and description (alt text) are attributes of its
// <xdr:cNvPr> (ECMA-376 Part 1, 20.1.2.2.8 cNvPr: name, descr, title). ExcelJS writes the anchor
// and the image but names every picture "Picture N" and drops the alt text, so those are set in
// the drawing part afterwards, and read from it when opening.

const EMU_PER_POINT = 12700;
/** Excel's default row height, points (the model keeps no row heights). */
const ROW_POINTS = 15;

/** Cell and offset (EMU) of a position in points from the sheet's top-left corner. */
function anchorOf(sheet: SheetModel, left: number, top: number): { nativeCol: number; nativeColOff: number; nativeRow: number; nativeRowOff: number } {
  let col = 0;
  let x = left;
  while (col < 16383 && x >= sheet.getColumnWidth(col)) x -= sheet.getColumnWidth(col++);
  const row = Math.floor(top / ROW_POINTS);
  return { nativeCol: col, nativeColOff: Math.round(x * EMU_PER_POINT), nativeRow: row, nativeRowOff: Math.round((top - row * ROW_POINTS) * EMU_PER_POINT) };
}

/** Position in points of an anchor (cell and EMU offset). */
function pointsOf(sheet: SheetModel, a: { nativeCol: number; nativeColOff: number; nativeRow: number; nativeRowOff: number }): { left: number; top: number } {
  let left = 0;
  for (let c = 0; c < a.nativeCol; c++) left += sheet.getColumnWidth(c);
  return { left: left + a.nativeColOff / EMU_PER_POINT, top: a.nativeRow * ROW_POINTS + a.nativeRowOff / EMU_PER_POINT };
}

function toBase64(bytes: Uint8Array): string {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
}

interface PictureNames {
  name?: string;
  title?: string;
  descr?: string;
}

function writePictures(wb: ExcelJS.Workbook, ws: ExcelJS.Worksheet, sheet: SheetModel): void {
  for (const shape of sheet.shapes) {
    if (shape.deleted) continue;
    const id = wb.addImage({ base64: shape.image.base64, extension: shape.image.format });
    // ext in pixels (ExcelJS: 9,525 EMU a pixel): 0.75 pt a pixel
    ws.addImage(id, { tl: anchorOf(sheet, shape.left, shape.top) as unknown as ExcelJS.Anchor, ext: { width: shape.width / 0.75, height: shape.height / 0.75 } });
  }
}

/** Sets each picture's name and alt text in the drawing parts ExcelJS wrote (sheets in model order). */
function namePictures(parts: Zippable, model: WorkbookModel): boolean {
  let changed = false;
  model.sheets.forEach((sheet, i) => {
    const shapes = sheet.shapes.filter((x) => !x.deleted);
    if (shapes.length === 0) return;
    const rels = parts[`xl/worksheets/_rels/sheet${i + 1}.xml.rels`] as Uint8Array | undefined;
    const target = rels && /Target="(?:\.\.\/drawings\/|\/xl\/drawings\/)(drawing\d+\.xml)"/.exec(strFromU8(rels))?.[1];
    const path = target && `xl/drawings/${target}`;
    if (!path || !parts[path]) return;
    let k = 0;
    const xml = strFromU8(parts[path] as Uint8Array).replace(/<xdr:cNvPr\b([^>]*?)(\/?)>/g, (tag, _attrs: string, close: string) => {
      const shape = shapes[k++];
      if (!shape) return tag;
      const id = tagAttributes(tag).id ?? String(k);
      const extra = `${shape.altTextTitle ? ` title="${xmlEscape(shape.altTextTitle)}"` : ''}${shape.altTextDescription ? ` descr="${xmlEscape(shape.altTextDescription)}"` : ''}`;
      return `<xdr:cNvPr id="${id}" name="${xmlEscape(shape.name)}"${extra}${close}>`;
    });
    parts[path] = strToU8(xml);
    changed = true;
  });
  return changed;
}

/** Part path a relationship target points at, from the folder of the part that holds the relationship. */
function resolvePart(from: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const out = from.split('/').slice(0, -1);
  for (const seg of target.split('/')) {
    if (seg === '..') out.pop();
    else if (seg !== '.') out.push(seg);
  }
  return out.join('/');
}

/** Names and alt text of each sheet's pictures (by sheet name, in anchor order) from the package's drawing parts. */
function pictureNames(bytes: Uint8Array): Map<string, PictureNames[]> {
  const out = new Map<string, PictureNames[]>();
  const parts = unzipSync(bytes, { filter: (f) => /^\/?xl\/(workbook\.xml|_rels\/workbook\.xml\.rels|worksheets\/_rels\/.*\.rels|drawings\/drawing\d+\.xml)$/i.test(f.name) });
  const text = (name: string) => (parts[name] ? strFromU8(parts[name]) : parts[`/${name}`] ? strFromU8(parts[`/${name}`]) : undefined);
  const relsOf = (xml: string | undefined) => new Map([...(xml ?? '').matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)].map((m) => tagAttributes(m[0])).map((a) => [a.Id, a] as const));
  const workbook = text('xl/workbook.xml');
  const wbRels = relsOf(text('xl/_rels/workbook.xml.rels'));
  for (const m of (workbook ?? '').matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    const a = tagAttributes(m[0]);
    const rel = wbRels.get(a['r:id']);
    if (!a.name || !rel?.Target) continue;
    const sheetPath = resolvePart('xl/workbook.xml', rel.Target);
    const sheetRels = relsOf(text(sheetPath.replace(/([^/]+)$/, '_rels/$1.rels')));
    const drawing = [...sheetRels.values()].find((r) => /\/drawing$/.test(r.Type ?? ''));
    if (!drawing?.Target) continue;
    const xml = text(resolvePart(sheetPath, drawing.Target));
    if (!xml) continue;
    // pictures only (<xdr:pic>), in document order, as ExcelJS lists them
    const names: PictureNames[] = [];
    for (const pic of xml.matchAll(/<(?:\w+:)?pic\b[\s\S]*?<\/(?:\w+:)?pic>/g)) {
      const c = /<(?:\w+:)?cNvPr\b[^>]*>/.exec(pic[0]);
      const at = c ? tagAttributes(c[0]) : {};
      names.push({ name: at.name, title: at.title, descr: at.descr });
    }
    out.set(a.name, names);
  }
  return out;
}

interface ImageRange {
  tl: { nativeCol: number; nativeColOff: number; nativeRow: number; nativeRowOff: number };
  br?: { nativeCol: number; nativeColOff: number; nativeRow: number; nativeRowOff: number };
  ext?: { width: number; height: number };
}

function readPictures(wb: ExcelJS.Workbook, ws: ExcelJS.Worksheet, sheet: SheetModel, model: WorkbookModel, names: PictureNames[] | undefined): void {
  ws.getImages().forEach((img, i) => {
    const media = wb.getImage(Number(img.imageId)) as unknown as { extension?: string; buffer?: Uint8Array; base64?: string } | undefined;
    const raw = media?.buffer ? toBase64(new Uint8Array(media.buffer)) : media?.base64?.replace(/^data:[^,]*,/, '');
    const image = raw ? readImage(raw) : undefined;
    if (!image) return; // a picture the stand-in cannot show (e.g. EMF): left out
    const range = img.range as unknown as ImageRange;
    const shape = model.addShape(sheet, image);
    const at = pointsOf(sheet, range.tl);
    shape.left = at.left;
    shape.top = at.top;
    if (range.ext?.width) {
      shape.width = range.ext.width * 0.75;
      shape.height = range.ext.height * 0.75;
    } else if (range.br) {
      const end = pointsOf(sheet, range.br);
      shape.width = end.left - at.left;
      shape.height = end.top - at.top;
    }
    const n = names?.[i];
    if (n?.name) shape.name = n.name;
    if (n?.title) shape.altTextTitle = n.title;
    if (n?.descr) shape.altTextDescription = n.descr;
  });
}
