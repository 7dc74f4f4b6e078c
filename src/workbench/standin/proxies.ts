/**
 * The proxy classes: the subset of Excel's object model our Excel layer uses, with Office.js
 * names (Workbook, WorksheetCollection, Worksheet, Range, RangeFormat, RangeFill, RangeFont,
 * TableCollection, Table, TableColumnCollection, TableColumn, SettingCollection, Setting,
 * WorksheetProtection, WorksheetFreezePanes, Application) and the RequestContext that owns them.
 */
import {
  MAX_COLS,
  MAX_ROWS,
  Rect,
  bounding,
  columnLetters,
  formatAddress,
  intersect,
  isEntireColumn,
  isEntireRow,
  parseRef,
  rectCols,
  rectRows,
  splitSheet,
} from './address';
import {
  applyEntry,
  assertOperationSize,
  assertReadSize,
  assertWritable,
  parseColor,
  readCells,
  readNumberFormats,
  readText,
  readValueTypes,
  uniformValue,
  writeCells,
  writeNumberFormats,
} from './cells';
import { ErrorCodes, OfficeExtensionError, officeError, propertyNotLoaded } from './errors';
import { CellValueOperator, ConditionalFormatModel, DEFAULT_COLUMN_WIDTH, NamedItemModel, ShapeModel, SheetModel, SheetVisibility, TableModel, WorkbookModel, definedNameProblem, sheetNameProblem } from './model';
import { readImage } from './image';
import {
  Action,
  Binding,
  ClientObjectBase,
  ClientResult,
  ContextInternals,
  Engine,
  Exec,
  NULL_OBJECT,
  ProxyInit,
  REQUEST_OVERHEAD,
  Selection,
  utf8Length,
  jsonOf,
  ACTION_OVERHEAD,
} from './request';

// ---- binding helpers ----------------------------------------------------------------------------

type RangeBinding = { kind: 'range'; sheet: SheetModel; rect: Rect };

function internal(what: string, b: Binding): Error {
  return new Error(`stand-in internal error: expected a ${what} binding, got ${b.kind}`);
}

function asRange(b: Binding): RangeBinding {
  if (b.kind !== 'range') throw internal('range', b);
  return b;
}

function asSheet(b: Binding): SheetModel {
  if (b.kind !== 'sheet') throw internal('sheet', b);
  return b.sheet;
}

function asTable(b: Binding): TableModel {
  if (b.kind !== 'table') throw internal('table', b);
  return b.table;
}

function invalidArgument(location: string, message?: string): OfficeExtensionError {
  return new OfficeExtensionError({ code: ErrorCodes.invalidArgument, errorLocation: location, message });
}

function rangeBinding(sheet: SheetModel, rect: Rect, location: string): RangeBinding {
  if (rect.r0 < 0 || rect.c0 < 0 || rect.r1 >= MAX_ROWS || rect.c1 >= MAX_COLS || rect.r0 > rect.r1 || rect.c0 > rect.c1) {
    throw invalidArgument(location);
  }
  return { kind: 'range', sheet, rect };
}

function isInteger(n: unknown): n is number {
  return typeof n === 'number' && Number.isInteger(n);
}

/** A range argument: another Range proxy (same context) or an address on the given sheet. */
type RangeArg = RangeProxy | string;

function resolveRangeArg(arg: RangeArg, sheet: SheetModel, x: Exec, location: string): RangeBinding {
  if (typeof arg === 'string') {
    const { sheet: name, ref } = splitSheet(arg);
    if (name !== undefined && name.toLowerCase() !== sheet.name.toLowerCase()) throw invalidArgument(location);
    const rect = parseRef(ref);
    if (!rect) throw invalidArgument(location);
    return rangeBinding(sheet, rect, location);
  }
  const b = asRange(x.bind(arg));
  if (b.sheet !== sheet) throw invalidArgument(location);
  return b;
}

// ---- collections --------------------------------------------------------------------------------

abstract class CollectionBase<T extends ClientObjectBase> extends ClientObjectBase {
  private _items: T[] | undefined;

  get _scalarNames(): readonly string[] {
    return [];
  }

  _read(): unknown {
    return undefined;
  }

  /** Bindings of the current members, in Office's order. */
  abstract _members(b: Binding, x: Exec): Binding[];
  /** A proxy for a member, already bound (no instantiation is queued). */
  abstract _item(binding: Binding): T;

  /** Loaded with `load('items')`, `load('items/name')` or `load('name')`. */
  get items(): T[] {
    if (!this._items) throw propertyNotLoaded(this._className, 'items');
    return this._items;
  }

  override _snapshot(sel: Selection, x: Exec): { json: unknown; apply: () => void } {
    const b = x.bind(this);
    if (b.kind === 'null') return { json: null, apply: () => (this._isNull = true) };
    let itemSel: Selection;
    if (sel.all || sel.props.has('items')) itemSel = { all: true, props: new Set(), nav: new Map() };
    else {
      const nested = sel.nav.get('items');
      itemSel = { all: false, props: new Set([...sel.props, ...(nested?.props ?? [])]), nav: new Map([...sel.nav].filter(([k]) => k !== 'items')) };
      if (nested) for (const [k, v] of nested.nav) itemSel.nav.set(k, v);
      if (nested?.all) itemSel.all = true;
    }
    const items = this._members(b, x).map((m) => this._item(m));
    const snaps = items.map((it) => it._snapshot(itemSel, x));
    return {
      json: { items: snaps.map((s) => s.json) },
      apply: () => {
        this._isNull = false;
        for (const s of snaps) s.apply();
        this._items = items;
      },
    };
  }

  override toJSON(): Record<string, unknown> {
    return { items: (this._items ?? []).map((i) => i.toJSON()) };
  }
}

// ---- Application ---------------------------------------------------------------------------------

export class ApplicationProxy extends ClientObjectBase {
  get _className(): string {
    return 'Application';
  }
  get _scalarNames(): readonly string[] {
    return ['calculationMode'];
  }
  _read(name: string): unknown {
    if (name === 'calculationMode') return 'Automatic';
    return undefined;
  }
  get calculationMode(): string {
    return this._get('calculationMode');
  }
  /** "Full" and "FullRebuild" mark every formula dirty (the workbench recalculates them all); "Recalculate" only dirty ones. */
  calculate(calculationType?: string): void {
    this._method('Calculate', [calculationType ?? null], (_b, x) => {
      if (calculationType === 'Full' || calculationType === 'FullRebuild') x.model.fullCalculations++;
    });
  }
  suspendApiCalculationUntilNextSync(): void {
    this._method('SuspendApiCalculationUntilNextSync', [], () => undefined);
  }
  suspendScreenUpdatingUntilNextSync(): void {
    this._method('SuspendScreenUpdatingUntilNextSync', [], () => undefined);
  }
}

// ---- Workbook ------------------------------------------------------------------------------------

export class WorkbookProxy extends ClientObjectBase {
  private _worksheets?: WorksheetCollectionProxy;
  private _tables?: TableCollectionProxy;
  private _settings?: SettingCollectionProxy;
  private _application?: ApplicationProxy;
  private _names?: NamedItemCollectionProxy;

  get _className(): string {
    return 'Workbook';
  }
  get _scalarNames(): readonly string[] {
    return ['name'];
  }
  _read(name: string, _b: Binding, x: Exec): unknown {
    if (name === 'name') return x.model.name;
    return undefined;
  }
  override _navigation(name: string): ClientObjectBase | undefined {
    switch (name) {
      case 'worksheets':
        return this.worksheets;
      case 'tables':
        return this.tables;
      case 'settings':
        return this.settings;
      case 'application':
        return this.application;
      case 'names':
        return this.names;
      default:
        return undefined;
    }
  }

  get name(): string {
    return this._get('name');
  }
  get names(): NamedItemCollectionProxy {
    return (this._names ??= new NamedItemCollectionProxy(this.context, this));
  }
  get worksheets(): WorksheetCollectionProxy {
    return (this._worksheets ??= new WorksheetCollectionProxy(this.context, this));
  }
  get tables(): TableCollectionProxy {
    return (this._tables ??= new TableCollectionProxy(this.context, this));
  }
  get settings(): SettingCollectionProxy {
    return (this._settings ??= new SettingCollectionProxy(this.context, this));
  }
  get application(): ApplicationProxy {
    return (this._application ??= new ApplicationProxy(this.context, this));
  }

  /** The active cell: the model's `activeCell` on the active sheet (A1 unless set). */
  getActiveCell(): RangeProxy {
    return new RangeProxy(this.context, this, {
      instantiate: true,
      path: 'Workbook.getActiveCell',
      resolve: (_b, x) => {
        const sheet = x.model.activeSheet;
        if (!sheet) throw officeError(ErrorCodes.itemNotFound, 'Workbook.getActiveCell');
        const rect = x.model.selection?.sheet === sheet ? x.model.selection.rect : { r0: 0, c0: 0, r1: 0, c1: 0 };
        return { kind: 'range', sheet, rect: { r0: rect.r0, c0: rect.c0, r1: rect.r0, c1: rect.c0 } };
      },
    });
  }

  /** The selected range: the model's `selection` on the active sheet (A1 unless set). */
  getSelectedRange(): RangeProxy {
    return new RangeProxy(this.context, this, {
      instantiate: true,
      path: 'Workbook.getSelectedRange',
      resolve: (_b, x) => {
        const sheet = x.model.activeSheet;
        if (!sheet) throw officeError(ErrorCodes.itemNotFound, 'Workbook.getSelectedRange');
        const rect = x.model.selection?.sheet === sheet ? x.model.selection.rect : { r0: 0, c0: 0, r1: 0, c1: 0 };
        return { kind: 'range', sheet, rect };
      },
    });
  }
}

// ---- Worksheets -----------------------------------------------------------------------------------

function findSheetOrThrow(model: WorkbookModel, key: string, location: string): SheetModel {
  const s = typeof key === 'string' ? model.findSheet(key) : undefined;
  if (!s) throw officeError(ErrorCodes.itemNotFound, location);
  return s;
}

export class WorksheetCollectionProxy extends CollectionBase<WorksheetProxy> {
  get _className(): string {
    return 'WorksheetCollection';
  }
  _members(_b: Binding, x: Exec): Binding[] {
    return x.model.sheets.map((sheet) => ({ kind: 'sheet', sheet }));
  }
  _item(binding: Binding): WorksheetProxy {
    return new WorksheetProxy(this.context, this, { binding, path: 'WorksheetCollection.items' });
  }

  /** Adds a sheet (named Sheet1, Sheet2, … when no name is given) at the end. */
  add(name?: string): WorksheetProxy {
    const location = 'WorksheetCollection.add';
    return new WorksheetProxy(this.context, this, {
      instantiate: true,
      invalidAfterRequest: true,
      path: location,
      size: () => ACTION_OVERHEAD + utf8Length(jsonOf(name ?? null)),
      resolve: (_b, x) => {
        const sheetName = name === undefined || name === null ? x.model.nextDefaultSheetName() : name;
        if (typeof sheetName !== 'string' || sheetNameProblem(sheetName)) throw invalidArgument(location);
        if (x.model.findSheet(sheetName)) throw officeError(ErrorCodes.itemAlreadyExists, location);
        return { kind: 'sheet', sheet: x.model.addSheet(sheetName) };
      },
    });
  }

  getActiveWorksheet(): WorksheetProxy {
    return new WorksheetProxy(this.context, this, {
      instantiate: true,
      path: 'WorksheetCollection.getActiveWorksheet',
      resolve: (_b, x) => {
        const sheet = x.model.activeSheet;
        if (!sheet) throw officeError(ErrorCodes.itemNotFound, 'WorksheetCollection.getActiveWorksheet');
        return { kind: 'sheet', sheet };
      },
    });
  }

  /** By name (case-insensitive) or id; ItemNotFound at sync when missing. */
  getItem(key: string): WorksheetProxy {
    return new WorksheetProxy(this.context, this, {
      instantiate: true,
      path: `WorksheetCollection.getItem`,
      resolve: (_b, x) => ({ kind: 'sheet', sheet: findSheetOrThrow(x.model, key, 'WorksheetCollection.getItem') }),
    });
  }

  getItemOrNullObject(key: string): WorksheetProxy {
    return new WorksheetProxy(this.context, this, {
      instantiate: true,
      path: 'WorksheetCollection.getItemOrNullObject',
      resolve: (_b, x) => {
        const sheet = typeof key === 'string' ? x.model.findSheet(key) : undefined;
        return sheet ? { kind: 'sheet', sheet } : NULL_OBJECT;
      },
    });
  }

  getCount(visibleOnly?: boolean): ClientResult<number> {
    return this._methodResult('GetCount', [visibleOnly ?? null], (_b, x) => x.model.sheets.filter((s) => !visibleOnly || s.visibility === 'Visible').length);
  }

  getFirst(visibleOnly?: boolean): WorksheetProxy {
    return new WorksheetProxy(this.context, this, {
      instantiate: true,
      path: 'WorksheetCollection.getFirst',
      resolve: (_b, x) => {
        const sheet = x.model.sheets.find((s) => !visibleOnly || s.visibility === 'Visible');
        if (!sheet) throw officeError(ErrorCodes.itemNotFound, 'WorksheetCollection.getFirst');
        return { kind: 'sheet', sheet };
      },
    });
  }

  getLast(visibleOnly?: boolean): WorksheetProxy {
    return new WorksheetProxy(this.context, this, {
      instantiate: true,
      path: 'WorksheetCollection.getLast',
      resolve: (_b, x) => {
        const sheet = [...x.model.sheets].reverse().find((s) => !visibleOnly || s.visibility === 'Visible');
        if (!sheet) throw officeError(ErrorCodes.itemNotFound, 'WorksheetCollection.getLast');
        return { kind: 'sheet', sheet };
      },
    });
  }
}

const VISIBILITIES: readonly SheetVisibility[] = ['Visible', 'Hidden', 'VeryHidden'];

export class WorksheetProxy extends ClientObjectBase {
  private _protection?: WorksheetProtectionProxy;
  private _freezePanes?: WorksheetFreezePanesProxy;
  private _tables?: TableCollectionProxy;
  private _shapes?: ShapeCollectionProxy;
  private _customProperties?: WorksheetCustomPropertyCollectionProxy;

  get _className(): string {
    return 'Worksheet';
  }
  get _scalarNames(): readonly string[] {
    return ['id', 'name', 'position', 'visibility', 'tabColor', 'standardWidth', 'showGridlines'];
  }
  _read(name: string, b: Binding): unknown {
    const sheet = asSheet(b);
    switch (name) {
      case 'id':
        return sheet.id;
      case 'name':
        return sheet.name;
      case 'position':
        return sheet.position;
      case 'visibility':
        return sheet.visibility;
      case 'tabColor':
        return sheet.tabColor;
      case 'standardWidth':
        return 8.43;
      case 'showGridlines':
        return true;
      default:
        return undefined;
    }
  }
  override _navigation(name: string): ClientObjectBase | undefined {
    if (name === 'protection') return this.protection;
    if (name === 'freezePanes') return this.freezePanes;
    if (name === 'tables') return this.tables;
    if (name === 'shapes') return this.shapes;
    if (name === 'customProperties') return this.customProperties;
    return undefined;
  }

  get id(): string {
    return this._get('id');
  }
  get name(): string {
    return this._get('name');
  }
  set name(value: string) {
    const location = 'Worksheet.name';
    this._setProperty('name', value, (b, data, x) => {
      const sheet = asSheet(b);
      if (typeof data !== 'string' || sheetNameProblem(data)) throw invalidArgument(location);
      const other = x.model.findSheet(data);
      if (other && other !== sheet) throw officeError(ErrorCodes.itemAlreadyExists, location);
      sheet.name = data;
    });
  }
  get position(): number {
    return this._get('position');
  }
  set position(value: number) {
    const location = 'Worksheet.position';
    this._setProperty('position', value, (b, data, x) => {
      const sheet = asSheet(b);
      const sheets = x.model.sheets;
      if (!isInteger(data) || data < 0 || data >= sheets.length) throw invalidArgument(location);
      sheets.splice(sheets.indexOf(sheet), 1);
      sheets.splice(data, 0, sheet);
    });
  }
  get visibility(): SheetVisibility {
    return this._get('visibility');
  }
  set visibility(value: SheetVisibility) {
    const location = 'Worksheet.visibility';
    this._setProperty('visibility', value, (b, data, x) => {
      const sheet = asSheet(b);
      if (!VISIBILITIES.includes(data as SheetVisibility)) throw invalidArgument(location);
      const v = data as SheetVisibility;
      if (v !== 'Visible' && sheet.visibility === 'Visible' && !x.model.sheets.some((s) => s !== sheet && s.visibility === 'Visible')) {
        throw new OfficeExtensionError({ code: ErrorCodes.invalidOperation, message: 'A workbook must contain at least one visible worksheet.', errorLocation: location });
      }
      sheet.visibility = v;
      if (v !== 'Visible' && x.model.activeSheet === sheet) x.model.activeSheet = x.model.sheets.find((s) => s.visibility === 'Visible');
    });
  }
  get tabColor(): string {
    return this._get('tabColor');
  }
  set tabColor(value: string) {
    this._setProperty('tabColor', value, (b, data) => {
      asSheet(b).tabColor = data === '' || data === null ? '' : parseColor(data, 'Worksheet.tabColor');
    });
  }
  get standardWidth(): number {
    return this._get('standardWidth');
  }
  get showGridlines(): boolean {
    return this._get('showGridlines');
  }

  get protection(): WorksheetProtectionProxy {
    return (this._protection ??= new WorksheetProtectionProxy(this.context, this));
  }
  get freezePanes(): WorksheetFreezePanesProxy {
    return (this._freezePanes ??= new WorksheetFreezePanesProxy(this.context, this));
  }
  get tables(): TableCollectionProxy {
    return (this._tables ??= new TableCollectionProxy(this.context, this));
  }
  /** Pictures on the sheet (ExcelApi 1.9; the stand-in models images only). */
  get shapes(): ShapeCollectionProxy {
    return (this._shapes ??= new ShapeCollectionProxy(this.context, this));
  }
  /** Worksheet-level custom properties (ExcelApi 1.12). */
  get customProperties(): WorksheetCustomPropertyCollectionProxy {
    return (this._customProperties ??= new WorksheetCustomPropertyCollectionProxy(this.context, this));
  }

  private _range(path: string, rect: (sheet: SheetModel, x: Exec) => Rect | null): RangeProxy {
    return new RangeProxy(this.context, this, {
      instantiate: true,
      path,
      resolve: (b, x) => {
        const sheet = asSheet(b);
        const r = rect(sheet, x);
        if (r === null) return NULL_OBJECT;
        return rangeBinding(sheet, r, path);
      },
    });
  }

  /** "A1", "A1:C10", "A:C", "3:5" (optionally "Sheet!A1" for this sheet); no argument = the whole sheet. */
  getRange(address?: string): RangeProxy {
    const path = 'Worksheet.getRange';
    return this._range(path, (sheet, x) => {
      if (address === undefined || address === null || address === '') return { r0: 0, c0: 0, r1: MAX_ROWS - 1, c1: MAX_COLS - 1 };
      if (typeof address !== 'string') throw invalidArgument(path);
      return resolveRangeArg(address, sheet, x, path).rect;
    });
  }

  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): RangeProxy {
    const path = 'Worksheet.getRangeByIndexes';
    return this._range(path, () => {
      if (![startRow, startColumn, rowCount, columnCount].every(isInteger) || rowCount < 1 || columnCount < 1) throw invalidArgument(path);
      return { r0: startRow, c0: startColumn, r1: startRow + rowCount - 1, c1: startColumn + columnCount - 1 };
    });
  }

  getCell(row: number, column: number): RangeProxy {
    const path = 'Worksheet.getCell';
    return this._range(path, () => {
      if (!isInteger(row) || !isInteger(column)) throw invalidArgument(path);
      return { r0: row, c0: column, r1: row, c1: column };
    });
  }

  /** The used range; for a blank sheet, A1 (as Office). */
  getUsedRange(valuesOnly?: boolean): RangeProxy {
    return this._range('Worksheet.getUsedRange', (sheet) => sheet.usedRange(Boolean(valuesOnly)) ?? { r0: 0, c0: 0, r1: 0, c1: 0 });
  }

  /** The used range, or a null object for a blank sheet. */
  getUsedRangeOrNullObject(valuesOnly?: boolean): RangeProxy {
    return this._range('Worksheet.getUsedRangeOrNullObject', (sheet) => sheet.usedRange(Boolean(valuesOnly)));
  }

  delete(): void {
    const location = 'Worksheet.delete';
    this._method('Delete', [], (b, x) => {
      const sheet = asSheet(b);
      if (sheet.visibility === 'Visible' && !x.model.sheets.some((s) => s !== sheet && s.visibility === 'Visible')) {
        throw new OfficeExtensionError({ code: ErrorCodes.invalidOperation, message: 'A workbook must contain at least one visible worksheet.', errorLocation: location });
      }
      x.model.removeSheet(sheet);
    });
  }

  activate(): void {
    const location = 'Worksheet.activate';
    this._method('Activate', [], (b, x) => {
      const sheet = asSheet(b);
      if (sheet.visibility !== 'Visible') throw officeError(ErrorCodes.invalidOperation, location);
      x.model.activeSheet = sheet;
    });
  }
}

export class WorksheetProtectionProxy extends ClientObjectBase {
  get _className(): string {
    return 'WorksheetProtection';
  }
  get _scalarNames(): readonly string[] {
    return ['protected'];
  }
  _read(name: string, b: Binding): unknown {
    if (name === 'protected') return asSheet(b).protected;
    return undefined;
  }
  get protected(): boolean {
    return this._get('protected');
  }
  protect(options?: unknown, password?: string): void {
    this._method('Protect', [options ?? null, password ?? null], (b) => {
      asSheet(b).protected = true;
    });
  }
  unprotect(password?: string): void {
    this._method('Unprotect', [password ?? null], (b) => {
      asSheet(b).protected = false;
    });
  }
}

export class WorksheetFreezePanesProxy extends ClientObjectBase {
  get _className(): string {
    return 'WorksheetFreezePanes';
  }
  get _scalarNames(): readonly string[] {
    return [];
  }
  _read(): unknown {
    return undefined;
  }
  freezeRows(count = 1): void {
    this._method('FreezeRows', [count], (b) => {
      if (!isInteger(count) || count < 0 || count >= MAX_ROWS) throw invalidArgument('WorksheetFreezePanes.freezeRows');
      const sheet = asSheet(b);
      sheet.frozenRows = count;
      sheet.frozenColumns = 0;
    });
  }
  freezeColumns(count = 1): void {
    this._method('FreezeColumns', [count], (b) => {
      if (!isInteger(count) || count < 0 || count >= MAX_COLS) throw invalidArgument('WorksheetFreezePanes.freezeColumns');
      const sheet = asSheet(b);
      sheet.frozenColumns = count;
      sheet.frozenRows = 0;
    });
  }
  freezeAt(frozenRange: RangeArg): void {
    const others = typeof frozenRange === 'string' ? [] : [frozenRange];
    this._method(
      'FreezeAt',
      [typeof frozenRange === 'string' ? frozenRange : null],
      (b, x) => {
        const sheet = asSheet(b);
        const r = resolveRangeArg(frozenRange, sheet, x, 'WorksheetFreezePanes.freezeAt').rect;
        sheet.frozenRows = r.r1 + 1;
        sheet.frozenColumns = r.c1 + 1;
      },
      others,
    );
  }
  unfreeze(): void {
    this._method('Unfreeze', [], (b) => {
      const sheet = asSheet(b);
      sheet.frozenRows = 0;
      sheet.frozenColumns = 0;
    });
  }
  getLocationOrNullObject(): RangeProxy {
    return new RangeProxy(this.context, this, {
      instantiate: true,
      path: 'WorksheetFreezePanes.getLocationOrNullObject',
      resolve: (b) => {
        const sheet = asSheet(b);
        if (!sheet.frozenRows && !sheet.frozenColumns) return NULL_OBJECT;
        const rect = {
          r0: 0,
          c0: 0,
          r1: sheet.frozenRows ? sheet.frozenRows - 1 : MAX_ROWS - 1,
          c1: sheet.frozenColumns ? sheet.frozenColumns - 1 : MAX_COLS - 1,
        };
        return { kind: 'range', sheet, rect };
      },
    });
  }
}

// ---- Range ----------------------------------------------------------------------------------------

const RANGE_SCALARS = [
  'address',
  'addressLocal',
  'cellCount',
  'columnCount',
  'columnHidden',
  'columnIndex',
  'formulas',
  'formulasLocal',
  'isEntireColumn',
  'isEntireRow',
  'numberFormat',
  'numberFormatLocal',
  'rowCount',
  'rowHidden',
  'rowIndex',
  'text',
  'valueTypes',
  'values',
] as const;

const CELL_PROPERTIES = new Set(['formulas', 'formulasLocal', 'numberFormat', 'numberFormatLocal', 'text', 'valueTypes', 'values']);

function hiddenState(hidden: number, total: number): boolean | null {
  if (hidden === 0) return false;
  return hidden === total ? true : null;
}

export class RangeProxy extends ClientObjectBase {
  private _format?: RangeFormatProxy;
  private _worksheet?: WorksheetProxy;
  private _conditionalFormats?: ConditionalFormatCollectionProxy;

  get _className(): string {
    return 'Range';
  }
  get _scalarNames(): readonly string[] {
    return RANGE_SCALARS;
  }
  _read(name: string, b: Binding, x: Exec): unknown {
    const { sheet, rect } = asRange(b);
    if (CELL_PROPERTIES.has(name)) assertReadSize(rect, x, `Range.${name}`);
    switch (name) {
      case 'address':
      case 'addressLocal':
        return formatAddress(sheet.name, rect);
      case 'cellCount':
        return rectRows(rect) * rectCols(rect);
      case 'columnCount':
        return rectCols(rect);
      case 'rowCount':
        return rectRows(rect);
      case 'columnIndex':
        return rect.c0;
      case 'rowIndex':
        return rect.r0;
      case 'isEntireColumn':
        return isEntireColumn(rect);
      case 'isEntireRow':
        return isEntireRow(rect);
      case 'values':
        return readCells(sheet, rect, x, false);
      case 'formulas':
      case 'formulasLocal':
        return readCells(sheet, rect, x, true);
      case 'numberFormat':
      case 'numberFormatLocal':
        return readNumberFormats(sheet, rect);
      case 'text':
        return readText(sheet, rect, x);
      case 'valueTypes':
        return readValueTypes(sheet, rect, x);
      case 'rowHidden':
        return hiddenState(sheet.countHiddenRows(rect.r0, rect.r1), rectRows(rect));
      case 'columnHidden': {
        let n = 0;
        for (const c of sheet.hiddenColumns) if (c >= rect.c0 && c <= rect.c1) n++;
        return hiddenState(n, rectCols(rect));
      }
      default:
        return undefined;
    }
  }
  override _navigation(name: string): ClientObjectBase | undefined {
    if (name === 'format') return this.format;
    if (name === 'worksheet') return this.worksheet;
    if (name === 'conditionalFormats') return this.conditionalFormats;
    return undefined;
  }

  get format(): RangeFormatProxy {
    return (this._format ??= new RangeFormatProxy(this.context, this));
  }
  /** The conditional formats with a cell in this range (ExcelApi 1.6; ApiNotFound on a host without it). */
  get conditionalFormats(): ConditionalFormatCollectionProxy {
    const path = 'Range.conditionalFormats';
    return (this._conditionalFormats ??= new ConditionalFormatCollectionProxy(this.context, this, {
      path,
      resolve: (b, x) => {
        requireApi(x, 'ExcelApi 1.6', path);
        return b;
      },
    }));
  }
  get worksheet(): WorksheetProxy {
    return (this._worksheet ??= new WorksheetProxy(this.context, this, { resolve: (b) => ({ kind: 'sheet', sheet: asRange(b).sheet }), path: 'Range.worksheet' }));
  }

  get address(): string {
    return this._get('address');
  }
  get addressLocal(): string {
    return this._get('addressLocal');
  }
  get cellCount(): number {
    return this._get('cellCount');
  }
  get columnCount(): number {
    return this._get('columnCount');
  }
  get rowCount(): number {
    return this._get('rowCount');
  }
  get columnIndex(): number {
    return this._get('columnIndex');
  }
  get rowIndex(): number {
    return this._get('rowIndex');
  }
  get isEntireColumn(): boolean {
    return this._get('isEntireColumn');
  }
  get isEntireRow(): boolean {
    return this._get('isEntireRow');
  }
  get text(): string[][] {
    return this._get('text');
  }
  get valueTypes(): string[][] {
    return this._get('valueTypes');
  }

  get values(): unknown[][] {
    return this._get('values');
  }
  set values(value: unknown[][]) {
    this._setProperty('values', value, (b, data, x) => {
      const { sheet, rect } = asRange(b);
      writeCells(sheet, rect, data, x, 'Range.values');
    });
  }
  get formulas(): unknown[][] {
    return this._get('formulas');
  }
  set formulas(value: unknown[][]) {
    this._setProperty('formulas', value, (b, data, x) => {
      const { sheet, rect } = asRange(b);
      writeCells(sheet, rect, data, x, 'Range.formulas');
    });
  }
  get formulasLocal(): unknown[][] {
    return this._get('formulasLocal');
  }
  get numberFormat(): unknown[][] {
    return this._get('numberFormat');
  }
  set numberFormat(value: unknown[][]) {
    this._setProperty('numberFormat', value, (b, data, x) => {
      const { sheet, rect } = asRange(b);
      writeNumberFormats(sheet, rect, data, x, 'Range.numberFormat');
    });
  }
  get numberFormatLocal(): unknown[][] {
    return this._get('numberFormatLocal');
  }

  /** true when every row is hidden, false when none is, null when mixed. */
  get rowHidden(): boolean | null {
    return this._get('rowHidden');
  }
  set rowHidden(value: boolean) {
    const location = 'Range.rowHidden';
    this._setProperty('rowHidden', value, (b, data) => {
      const { sheet, rect } = asRange(b);
      if (typeof data !== 'boolean') throw invalidArgument(location);
      assertWritable(sheet, location);
      for (let r = rect.r0; r <= rect.r1; r++) sheet.setRowHidden(r, data);
    });
  }
  get columnHidden(): boolean | null {
    return this._get('columnHidden');
  }
  set columnHidden(value: boolean) {
    const location = 'Range.columnHidden';
    this._setProperty('columnHidden', value, (b, data) => {
      const { sheet, rect } = asRange(b);
      if (typeof data !== 'boolean') throw invalidArgument(location);
      assertWritable(sheet, location);
      for (let c = rect.c0; c <= rect.c1; c++) sheet.setColumnHidden(c, data);
    });
  }

  private _derived(path: string, rect: (b: RangeBinding, x: Exec) => Rect | null, others: ClientObjectBase[] = []): RangeProxy {
    for (const o of others) if (o.context !== this.context) throw officeError(ErrorCodes.invalidRequestContext, path, 'Cannot use the object across different request contexts.');
    return new RangeProxy(this.context, this, {
      instantiate: true,
      path,
      resolve: (b, x) => {
        const rb = asRange(b);
        const r = rect(rb, x);
        return r === null ? NULL_OBJECT : rangeBinding(rb.sheet, r, path);
      },
    });
  }

  /** The cell at (row, column) relative to the top-left cell; may lie outside the range. */
  getCell(row: number, column: number): RangeProxy {
    const path = 'Range.getCell';
    return this._derived(path, ({ rect }) => {
      if (!isInteger(row) || !isInteger(column)) throw invalidArgument(path);
      return { r0: rect.r0 + row, c0: rect.c0 + column, r1: rect.r0 + row, c1: rect.c0 + column };
    });
  }
  getRow(row: number): RangeProxy {
    const path = 'Range.getRow';
    return this._derived(path, ({ rect }) => {
      if (!isInteger(row)) throw invalidArgument(path);
      return { r0: rect.r0 + row, c0: rect.c0, r1: rect.r0 + row, c1: rect.c1 };
    });
  }
  getColumn(column: number): RangeProxy {
    const path = 'Range.getColumn';
    return this._derived(path, ({ rect }) => {
      if (!isInteger(column)) throw invalidArgument(path);
      return { r0: rect.r0, c0: rect.c0 + column, r1: rect.r1, c1: rect.c0 + column };
    });
  }
  getLastRow(): RangeProxy {
    return this._derived('Range.getLastRow', ({ rect }) => ({ ...rect, r0: rect.r1 }));
  }
  getLastColumn(): RangeProxy {
    return this._derived('Range.getLastColumn', ({ rect }) => ({ ...rect, c0: rect.c1 }));
  }
  getLastCell(): RangeProxy {
    return this._derived('Range.getLastCell', ({ rect }) => ({ r0: rect.r1, c0: rect.c1, r1: rect.r1, c1: rect.c1 }));
  }
  /** Grows (or shrinks) by deltaRows × deltaColumns; the result must keep at least one cell. */
  getResizedRange(deltaRows: number, deltaColumns: number): RangeProxy {
    const path = 'Range.getResizedRange';
    return this._derived(path, ({ rect }) => {
      if (!isInteger(deltaRows) || !isInteger(deltaColumns)) throw invalidArgument(path);
      return { r0: rect.r0, c0: rect.c0, r1: rect.r1 + deltaRows, c1: rect.c1 + deltaColumns };
    });
  }
  getAbsoluteResizedRange(numRows: number, numColumns: number): RangeProxy {
    const path = 'Range.getAbsoluteResizedRange';
    return this._derived(path, ({ rect }) => {
      if (!isInteger(numRows) || !isInteger(numColumns) || numRows < 1 || numColumns < 1) throw invalidArgument(path);
      return { r0: rect.r0, c0: rect.c0, r1: rect.r0 + numRows - 1, c1: rect.c0 + numColumns - 1 };
    });
  }
  getOffsetRange(rowOffset: number, columnOffset: number): RangeProxy {
    const path = 'Range.getOffsetRange';
    return this._derived(path, ({ rect }) => {
      if (!isInteger(rowOffset) || !isInteger(columnOffset)) throw invalidArgument(path);
      return { r0: rect.r0 + rowOffset, c0: rect.c0 + columnOffset, r1: rect.r1 + rowOffset, c1: rect.c1 + columnOffset };
    });
  }
  getEntireColumn(): RangeProxy {
    return this._derived('Range.getEntireColumn', ({ rect }) => ({ r0: 0, c0: rect.c0, r1: MAX_ROWS - 1, c1: rect.c1 }));
  }
  getEntireRow(): RangeProxy {
    return this._derived('Range.getEntireRow', ({ rect }) => ({ r0: rect.r0, c0: 0, r1: rect.r1, c1: MAX_COLS - 1 }));
  }
  getBoundingRect(anotherRange: RangeArg): RangeProxy {
    const others = typeof anotherRange === 'string' ? [] : [anotherRange];
    return this._derived('Range.getBoundingRect', ({ sheet, rect }, x) => bounding(rect, resolveRangeArg(anotherRange, sheet, x, 'Range.getBoundingRect').rect), others);
  }
  getIntersection(anotherRange: RangeArg): RangeProxy {
    const others = typeof anotherRange === 'string' ? [] : [anotherRange];
    const path = 'Range.getIntersection';
    return this._derived(
      path,
      ({ sheet, rect }, x) => {
        const r = intersect(rect, resolveRangeArg(anotherRange, sheet, x, path).rect);
        if (!r) throw officeError(ErrorCodes.itemNotFound, path);
        return r;
      },
      others,
    );
  }
  getIntersectionOrNullObject(anotherRange: RangeArg): RangeProxy {
    const others = typeof anotherRange === 'string' ? [] : [anotherRange];
    return this._derived('Range.getIntersectionOrNullObject', ({ sheet, rect }, x) => intersect(rect, resolveRangeArg(anotherRange, sheet, x, 'Range.getIntersectionOrNullObject').rect), others);
  }
  /** The used part of this range; ItemNotFound when it has no used cell (as Office). */
  getUsedRange(valuesOnly?: boolean): RangeProxy {
    const path = 'Range.getUsedRange';
    return this._derived(path, ({ sheet, rect }) => {
      const used = sheet.usedRange(Boolean(valuesOnly));
      const r = used && intersect(rect, used);
      if (!r) throw officeError(ErrorCodes.itemNotFound, path);
      return r;
    });
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): RangeProxy {
    return this._derived('Range.getUsedRangeOrNullObject', ({ sheet, rect }) => {
      const used = sheet.usedRange(Boolean(valuesOnly));
      return used ? intersect(rect, used) : null;
    });
  }

  /** Clears contents, formats or both ("All", the default). */
  clear(applyTo?: string): void {
    const location = 'Range.clear';
    const mode = applyTo ?? 'All';
    this._method('Clear', [mode], (b) => {
      const { sheet, rect } = asRange(b);
      if (!['All', 'Formats', 'Contents', 'Hyperlinks', 'RemoveHyperlinks', 'ResetContents'].includes(mode)) throw invalidArgument(location);
      assertWritable(sheet, location);
      if (mode === 'All' || mode === 'Contents' || mode === 'ResetContents') sheet.clearContents(rect);
      if (mode === 'All' || mode === 'Formats') sheet.clearFormats(rect);
    });
  }

  /** Merges the cells (records a merged area; values other than the top-left are cleared). */
  merge(across = false): void {
    const location = 'Range.merge';
    this._method('Merge', [across], (b) => {
      const { sheet, rect } = asRange(b);
      assertWritable(sheet, location);
      const areas = across ? Array.from({ length: rectRows(rect) }, (_, i) => ({ ...rect, r0: rect.r0 + i, r1: rect.r0 + i })) : [rect];
      for (const area of areas) {
        for (let i = sheet.merges.length - 1; i >= 0; i--) if (intersect(sheet.merges[i], area)) sheet.merges.splice(i, 1);
        if (rectRows(area) * rectCols(area) > 1) {
          sheet.merges.push(area);
          for (let r = area.r0; r <= area.r1; r++) for (let c = area.c0; c <= area.c1; c++) if (r !== area.r0 || c !== area.c0) applyEntry(sheet, r, c, { kind: 'clear' });
        }
      }
    });
  }

  unmerge(): void {
    const location = 'Range.unmerge';
    this._method('Unmerge', [], (b) => {
      const { sheet, rect } = asRange(b);
      assertWritable(sheet, location);
      for (let i = sheet.merges.length - 1; i >= 0; i--) if (intersect(sheet.merges[i], rect)) sheet.merges.splice(i, 1);
    });
  }

  /** Selects the range (recorded as the model's selection; its sheet becomes active). */
  select(): void {
    this._method('Select', [], (b, x) => {
      const { sheet, rect } = asRange(b);
      x.model.activeSheet = sheet;
      x.model.selection = { sheet, rect };
    });
  }
}

// ---- Range formatting ----------------------------------------------------------------------------

/** Width in points of text of `chars` characters in Calibri 11 (7 px per char + 5 px padding). */
function widthForChars(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

export class RangeFormatProxy extends ClientObjectBase {
  private _fill?: RangeFillProxy;
  private _font?: RangeFontProxy;

  get _className(): string {
    return 'RangeFormat';
  }
  get _scalarNames(): readonly string[] {
    return ['columnWidth', 'rowHeight', 'wrapText', 'horizontalAlignment', 'verticalAlignment'];
  }
  _read(name: string, b: Binding): unknown {
    const { sheet, rect } = asRange(b);
    switch (name) {
      case 'columnWidth': {
        const first = sheet.getColumnWidth(rect.c0);
        for (let c = rect.c0 + 1; c <= rect.c1; c++) if (sheet.getColumnWidth(c) !== first) return null;
        return first;
      }
      case 'rowHeight':
        return 15;
      case 'wrapText':
        return false;
      case 'horizontalAlignment':
        return 'General';
      case 'verticalAlignment':
        return 'Bottom';
      default:
        return undefined;
    }
  }
  override _navigation(name: string): ClientObjectBase | undefined {
    if (name === 'fill') return this.fill;
    if (name === 'font') return this.font;
    return undefined;
  }

  get fill(): RangeFillProxy {
    return (this._fill ??= new RangeFillProxy(this.context, this));
  }
  get font(): RangeFontProxy {
    return (this._font ??= new RangeFontProxy(this.context, this));
  }

  /** Width of all columns in points; null when they differ. */
  get columnWidth(): number | null {
    return this._get('columnWidth');
  }
  set columnWidth(value: number) {
    const location = 'RangeFormat.columnWidth';
    this._setProperty('columnWidth', value, (b, data) => {
      const { sheet, rect } = asRange(b);
      if (typeof data !== 'number' || !(data >= 0) || data > 1000) throw invalidArgument(location);
      assertWritable(sheet, location);
      for (let c = rect.c0; c <= rect.c1; c++) sheet.setColumnWidth(c, data === DEFAULT_COLUMN_WIDTH ? undefined : data);
    });
  }
  get rowHeight(): number {
    return this._get('rowHeight');
  }
  get wrapText(): boolean {
    return this._get('wrapText');
  }
  get horizontalAlignment(): string {
    return this._get('horizontalAlignment');
  }
  get verticalAlignment(): string {
    return this._get('verticalAlignment');
  }

  /** Sets each column's width to fit its longest displayed text (approximated in Calibri 11). */
  autofitColumns(): void {
    const location = 'RangeFormat.autofitColumns';
    this._method('AutofitColumns', [], (b, x) => {
      const { sheet, rect } = asRange(b);
      assertWritable(sheet, location);
      const used = sheet.usedRange(true);
      const area = used ? intersect(rect, used) : null;
      if (!area) return;
      const text = readText(sheet, area, x);
      for (let c = area.c0; c <= area.c1; c++) {
        let longest = 0;
        for (const row of text) longest = Math.max(longest, row[c - area.c0].length);
        if (longest > 0) sheet.setColumnWidth(c, Math.min(widthForChars(longest), 409.5));
      }
    });
  }

  autofitRows(): void {
    this._method('AutofitRows', [], (b) => assertWritable(asRange(b).sheet, 'RangeFormat.autofitRows'));
  }
}

export class RangeFillProxy extends ClientObjectBase {
  get _className(): string {
    return 'RangeFill';
  }
  get _scalarNames(): readonly string[] {
    return ['color'];
  }
  _read(name: string, b: Binding): unknown {
    if (name !== 'color') return undefined;
    const { sheet, rect } = asRange(b);
    return uniformValue(sheet, rect, (r, c) => sheet.getFill(r, c) ?? '#FFFFFF', '#FFFFFF');
  }
  /** "#RRGGBB"; "#FFFFFF" for no fill; null when cells differ. */
  get color(): string | null {
    return this._get('color');
  }
  set color(value: string) {
    const location = 'RangeFill.color';
    this._setProperty('color', value, (b, data, x) => {
      const { sheet, rect } = asRange(b);
      const color = parseColor(data, location);
      assertWritable(sheet, location);
      assertOperationSize(rect, x, location);
      for (let c = rect.c0; c <= rect.c1; c++) for (let r = rect.r0; r <= rect.r1; r++) sheet.setFill(r, c, color);
    });
  }
  clear(): void {
    const location = 'RangeFill.clear';
    this._method('Clear', [], (b) => {
      const { sheet, rect } = asRange(b);
      assertWritable(sheet, location);
      sheet.clearFills(rect);
    });
  }
}

export class RangeFontProxy extends ClientObjectBase {
  get _className(): string {
    return 'RangeFont';
  }
  get _scalarNames(): readonly string[] {
    return ['bold', 'color', 'italic', 'name', 'size'];
  }
  _read(name: string, b: Binding): unknown {
    const { sheet, rect } = asRange(b);
    switch (name) {
      case 'bold':
        return uniformValue(sheet, rect, (r, c) => sheet.getBold(r, c), false);
      case 'italic':
        return uniformValue(sheet, rect, (r, c) => sheet.getItalic(r, c), false);
      case 'color':
        return uniformValue(sheet, rect, (r, c) => sheet.getFontColor(r, c) ?? '#000000', '#000000');
      case 'name':
        return 'Calibri';
      case 'size':
        return 11;
      default:
        return undefined;
    }
  }

  private _setEach(name: string, value: unknown, check: (data: unknown) => void, apply: (sheet: SheetModel, r: number, c: number, data: unknown) => void): void {
    const location = `RangeFont.${name}`;
    this._setProperty(name, value, (b, data, x) => {
      const { sheet, rect } = asRange(b);
      check(data);
      assertWritable(sheet, location);
      assertOperationSize(rect, x, location);
      for (let c = rect.c0; c <= rect.c1; c++) for (let r = rect.r0; r <= rect.r1; r++) apply(sheet, r, c, data);
    });
  }

  get bold(): boolean | null {
    return this._get('bold');
  }
  set bold(value: boolean) {
    this._setEach(
      'bold',
      value,
      (d) => {
        if (typeof d !== 'boolean') throw invalidArgument('RangeFont.bold');
      },
      (s, r, c, d) => s.setBold(r, c, d as boolean),
    );
  }
  get italic(): boolean | null {
    return this._get('italic');
  }
  set italic(value: boolean) {
    this._setEach(
      'italic',
      value,
      (d) => {
        if (typeof d !== 'boolean') throw invalidArgument('RangeFont.italic');
      },
      (s, r, c, d) => s.setItalic(r, c, d as boolean),
    );
  }
  /** "#RRGGBB"; "#000000" by default; null when cells differ. */
  get color(): string | null {
    return this._get('color');
  }
  set color(value: string) {
    let parsed = '';
    this._setEach(
      'color',
      value,
      (d) => {
        parsed = parseColor(d, 'RangeFont.color');
      },
      (s, r, c) => s.setFontColor(r, c, parsed === '#000000' ? undefined : parsed),
    );
  }
  get name(): string {
    return this._get('name');
  }
  get size(): number {
    return this._get('size');
  }
}

// ---- Conditional formats (ExcelApi 1.6) ---------------------------------------------------------

const CF_TYPES: readonly string[] = ['Custom', 'DataBar', 'ColorScale', 'IconSet', 'TopBottom', 'PresetCriteria', 'ContainsText', 'CellValue'];
const CELL_VALUE_OPERATORS: readonly string[] = ['Between', 'NotBetween', 'EqualTo', 'NotEqualTo', 'GreaterThan', 'LessThan', 'GreaterThanOrEqual', 'LessThanOrEqual'];
/** Office's words when a format's sub-object of another type is used (office-js issue #2180). */
const NOT_PERMITTED = 'This operation is not permitted for the current object.';

function asConditionalFormat(b: Binding): ConditionalFormatModel {
  if (b.kind !== 'conditionalFormat') throw internal('conditional format', b);
  return b.cf;
}

/** ApiNotFound when the host lacks the requirement set (`StandInOptions.unsupportedApis`). */
function requireApi(x: Exec, set: string, location: string): void {
  if (x.engine.options.unsupportedApis.includes(set)) throw officeError(ErrorCodes.apiNotFound, location);
}

/** A rule formula Excel would refuse: empty, or with quotes that do not pair up ('="A"B"'). */
function badRuleFormula(f: unknown): boolean {
  if (typeof f !== 'string' || f.trim() === '') return true;
  return (f.match(/"/g)?.length ?? 0) % 2 === 1;
}

/**
 * Stand-in for `Excel.ConditionalFormatCollection` (`Range.conditionalFormats`): the formats with
 * at least one cell in the range, highest priority first. `add` puts a new format (CellValue or
 * Custom) over the whole range at the top priority; `clearAll` takes the range's cells out of
 * every format (a format left with no cells goes).
 */
export class ConditionalFormatCollectionProxy extends CollectionBase<ConditionalFormatProxy> {
  get _className(): string {
    return 'ConditionalFormatCollection';
  }
  _members(b: Binding): Binding[] {
    const { sheet, rect } = asRange(b);
    return sheet.conditionalFormatsIn(rect).map((cf) => ({ kind: 'conditionalFormat', cf, scope: { ...rect } }));
  }
  _item(binding: Binding): ConditionalFormatProxy {
    return new ConditionalFormatProxy(this.context, this, { binding, path: 'ConditionalFormatCollection.items' });
  }

  add(type: Excel.ConditionalFormatType | string): ConditionalFormatProxy {
    const path = 'ConditionalFormatCollection.add';
    return new ConditionalFormatProxy(this.context, this, {
      instantiate: true,
      invalidAfterRequest: true,
      path,
      size: () => ACTION_OVERHEAD + utf8Length(jsonOf(type ?? null)),
      resolve: (b, x) => {
        const { sheet, rect } = asRange(b);
        if (typeof type !== 'string' || !CF_TYPES.includes(type)) throw invalidArgument(path);
        if (type !== 'CellValue' && type !== 'Custom') throw officeError(ErrorCodes.notImplemented, path, 'The stand-in adds CellValue and Custom conditional formats only.');
        assertWritable(sheet, path);
        return { kind: 'conditionalFormat', cf: x.model.addConditionalFormat(sheet, type, [{ ...rect }]), scope: { ...rect } };
      },
    });
  }

  getCount(): ClientResult<number> {
    return this._methodResult('GetCount', [], (b) => this._members(b).length);
  }

  private _find(path: string, pick: (b: Binding) => ConditionalFormatModel | undefined, orNull: boolean): ConditionalFormatProxy {
    return new ConditionalFormatProxy(this.context, this, {
      instantiate: true,
      path,
      resolve: (b, x) => {
        if (orNull) requireApi(x, 'ExcelApi 1.14', path);
        const cf = pick(b);
        if (cf) return { kind: 'conditionalFormat', cf, scope: { ...asRange(b).rect } };
        if (orNull) return NULL_OBJECT;
        throw officeError(ErrorCodes.itemNotFound, path);
      },
    });
  }

  getItem(id: string): ConditionalFormatProxy {
    return this._find('ConditionalFormatCollection.getItem', (b) => this._members(b).map(asConditionalFormat).find((cf) => cf.id === id), false);
  }
  /** ExcelApi 1.14. */
  getItemOrNullObject(id: string): ConditionalFormatProxy {
    return this._find('ConditionalFormatCollection.getItemOrNullObject', (b) => this._members(b).map(asConditionalFormat).find((cf) => cf.id === id), true);
  }
  getItemAt(index: number): ConditionalFormatProxy {
    return this._find('ConditionalFormatCollection.getItemAt', (b) => (isInteger(index) && index >= 0 ? this._members(b).map(asConditionalFormat)[index] : undefined), false);
  }

  clearAll(): void {
    this._method('ClearAll', [], (b) => {
      const { sheet, rect } = asRange(b);
      assertWritable(sheet, 'ConditionalFormatCollection.clearAll');
      sheet.clearConditionalFormats(rect);
    });
  }
}

/**
 * The members of the collection a format was read from, top first: `ConditionalFormat.priority`
 * is "the priority (or index) within the conditional format collection that this conditional
 * format currently exists in" (https://learn.microsoft.com/javascript/api/excel/excel.conditionalformat#excel-excel-conditionalformat-priority-member),
 * so a format read from `getRange('J:J').conditionalFormats` and the same format read from
 * `getRange('J4:J9').conditionalFormats` can report different priorities, and a priority set on
 * one is an index into that one's members. A format reached without a collection (none in the
 * API today) counts in the whole sheet.
 */
function collectionOf(b: Binding): ConditionalFormatModel[] {
  const cf = asConditionalFormat(b);
  const scope = b.kind === 'conditionalFormat' ? b.scope : undefined;
  if (!scope) return cf.sheet.conditionalFormats;
  const members = cf.sheet.conditionalFormatsIn(scope);
  return members.includes(cf) ? members : [...members, cf];
}

/** Stand-in for `Excel.ConditionalFormat`: id, type, priority, stopIfTrue, the typed sub-objects, delete, getRange. */
export class ConditionalFormatProxy extends ClientObjectBase {
  private _sub = new Map<string, ClientObjectBase>();

  get _className(): string {
    return 'ConditionalFormat';
  }
  get _scalarNames(): readonly string[] {
    return ['id', 'priority', 'stopIfTrue', 'type'];
  }
  _read(name: string, b: Binding): unknown {
    const cf = asConditionalFormat(b);
    switch (name) {
      case 'id':
        return cf.id;
      case 'priority':
        return collectionOf(b).indexOf(cf);
      case 'stopIfTrue':
        return cf.stopIfTrue;
      case 'type':
        return cf.type;
      default:
        return undefined;
    }
  }
  override _navigation(name: string): ClientObjectBase | undefined {
    switch (name) {
      case 'cellValue':
        return this.cellValue;
      case 'cellValueOrNullObject':
        return this.cellValueOrNullObject;
      case 'custom':
        return this.custom;
      case 'customOrNullObject':
        return this.customOrNullObject;
      default:
        return undefined;
    }
  }

  /** A sub-object that exists only on a format of `type`: InvalidOperation at sync (or a null object) otherwise. */
  private _typed<T extends ClientObjectBase>(name: string, type: string, orNull: boolean, make: (init: ProxyInit) => T): T {
    let sub = this._sub.get(name) as T | undefined;
    if (!sub) {
      const path = `ConditionalFormat.${name}`;
      sub = make({
        path,
        resolve: (b) => {
          if (asConditionalFormat(b).type === type) return b;
          if (orNull) return NULL_OBJECT;
          throw new OfficeExtensionError({ code: ErrorCodes.invalidOperation, message: NOT_PERMITTED, errorLocation: path });
        },
      });
      this._sub.set(name, sub);
    }
    return sub;
  }

  get cellValue(): CellValueConditionalFormatProxy {
    return this._typed('cellValue', 'CellValue', false, (init) => new CellValueConditionalFormatProxy(this.context, this, init));
  }
  get cellValueOrNullObject(): CellValueConditionalFormatProxy {
    return this._typed('cellValueOrNullObject', 'CellValue', true, (init) => new CellValueConditionalFormatProxy(this.context, this, init));
  }
  get custom(): CustomConditionalFormatProxy {
    return this._typed('custom', 'Custom', false, (init) => new CustomConditionalFormatProxy(this.context, this, init));
  }
  get customOrNullObject(): CustomConditionalFormatProxy {
    return this._typed('customOrNullObject', 'Custom', true, (init) => new CustomConditionalFormatProxy(this.context, this, init));
  }

  get id(): string {
    return this._get('id');
  }
  get type(): string {
    return this._get('type');
  }
  /**
   * The index within the collection this format was read from (0 = top): see `collectionOf`.
   * Setting it moves the format to that index of that collection (negative counts from the end,
   * out of range clamps), which moves it in the sheet's order next to its new neighbour there.
   */
  get priority(): number {
    return this._get('priority');
  }
  set priority(value: number) {
    const location = 'ConditionalFormat.priority';
    this._setProperty('priority', value, (b, data) => {
      const cf = asConditionalFormat(b);
      if (!isInteger(data)) throw invalidArgument(location);
      assertWritable(cf.sheet, location);
      const members = collectionOf(b);
      const n = members.length;
      const p = Math.max(0, Math.min(n - 1, data < 0 ? n + data : data));
      const others = members.filter((m) => m !== cf);
      if (others.length === 0) return; // alone in its collection: nothing to reorder
      const list = cf.sheet.conditionalFormats;
      list.splice(list.indexOf(cf), 1);
      // before the member now at index p of the collection; past its last member: right after it
      if (p < others.length) list.splice(list.indexOf(others[p]), 0, cf);
      else list.splice(list.indexOf(others[others.length - 1]) + 1, 0, cf);
    });
  }
  get stopIfTrue(): boolean {
    return this._get('stopIfTrue');
  }
  set stopIfTrue(value: boolean) {
    const location = 'ConditionalFormat.stopIfTrue';
    this._setProperty('stopIfTrue', value, (b, data) => {
      const cf = asConditionalFormat(b);
      if (typeof data !== 'boolean') throw invalidArgument(location);
      assertWritable(cf.sheet, location);
      cf.stopIfTrue = data;
    });
  }

  delete(): void {
    this._method('Delete', [], (b, x) => {
      const cf = asConditionalFormat(b);
      assertWritable(cf.sheet, 'ConditionalFormat.delete');
      x.model.removeConditionalFormat(cf);
    });
  }

  private _rangeOf(path: string, orNull: boolean): RangeProxy {
    return new RangeProxy(this.context, this, {
      instantiate: true,
      path,
      resolve: (b) => {
        const cf = asConditionalFormat(b);
        if (cf.ranges.length === 1) return { kind: 'range', sheet: cf.sheet, rect: { ...cf.ranges[0] } };
        if (orNull) return NULL_OBJECT;
        throw officeError(ErrorCodes.invalidOperation, path);
      },
    });
  }
  /** The one area the format applies to; InvalidOperation when it has several. */
  getRange(): RangeProxy {
    return this._rangeOf('ConditionalFormat.getRange', false);
  }
  getRangeOrNullObject(): RangeProxy {
    return this._rangeOf('ConditionalFormat.getRangeOrNullObject', true);
  }
}

/** Stand-in for `Excel.CellValueConditionalFormat`: `rule` (operator, formula1, formula2) and `format`. */
export class CellValueConditionalFormatProxy extends ClientObjectBase {
  private _format?: ConditionalRangeFormatProxy;
  get _className(): string {
    return 'CellValueConditionalFormat';
  }
  get _scalarNames(): readonly string[] {
    return ['rule'];
  }
  _read(name: string, b: Binding): unknown {
    if (name !== 'rule') return undefined;
    const rule = asConditionalFormat(b).rule;
    return rule ? { ...rule } : { formula1: '', operator: 'Invalid' };
  }
  override _navigation(name: string): ClientObjectBase | undefined {
    return name === 'format' ? this.format : undefined;
  }
  get format(): ConditionalRangeFormatProxy {
    return (this._format ??= new ConditionalRangeFormatProxy(this.context, this));
  }
  get rule(): Excel.ConditionalCellValueRule {
    return this._get('rule');
  }
  set rule(value: Excel.ConditionalCellValueRule) {
    const location = 'CellValueConditionalFormat.rule';
    this._setProperty('rule', value, (b, data) => {
      const cf = asConditionalFormat(b);
      const r = data as { formula1?: unknown; formula2?: unknown; operator?: unknown } | null;
      if (!r || typeof r !== 'object' || typeof r.operator !== 'string' || !CELL_VALUE_OPERATORS.includes(r.operator) || badRuleFormula(r.formula1)) throw invalidArgument(location);
      const two = r.operator === 'Between' || r.operator === 'NotBetween';
      if (two && badRuleFormula(r.formula2)) throw invalidArgument(location);
      assertWritable(cf.sheet, location);
      cf.rule = { formula1: r.formula1 as string, operator: r.operator as CellValueOperator };
      if (two) cf.rule.formula2 = r.formula2 as string;
    });
  }
}

/** Stand-in for `Excel.CustomConditionalFormat`: `rule` (a formula) and `format`. */
export class CustomConditionalFormatProxy extends ClientObjectBase {
  private _format?: ConditionalRangeFormatProxy;
  private _rule?: ConditionalFormatRuleProxy;
  get _className(): string {
    return 'CustomConditionalFormat';
  }
  get _scalarNames(): readonly string[] {
    return [];
  }
  _read(): unknown {
    return undefined;
  }
  override _navigation(name: string): ClientObjectBase | undefined {
    if (name === 'format') return this.format;
    if (name === 'rule') return this.rule;
    return undefined;
  }
  get format(): ConditionalRangeFormatProxy {
    return (this._format ??= new ConditionalRangeFormatProxy(this.context, this));
  }
  get rule(): ConditionalFormatRuleProxy {
    return (this._rule ??= new ConditionalFormatRuleProxy(this.context, this));
  }
}

/** Stand-in for `Excel.ConditionalFormatRule`: the formula of a Custom format. */
export class ConditionalFormatRuleProxy extends ClientObjectBase {
  get _className(): string {
    return 'ConditionalFormatRule';
  }
  get _scalarNames(): readonly string[] {
    return ['formula', 'formulaLocal'];
  }
  _read(name: string, b: Binding): unknown {
    return name === 'formula' || name === 'formulaLocal' ? asConditionalFormat(b).formula : undefined;
  }
  get formula(): string {
    return this._get('formula');
  }
  set formula(value: string) {
    const location = 'ConditionalFormatRule.formula';
    this._setProperty('formula', value, (b, data) => {
      const cf = asConditionalFormat(b);
      if (badRuleFormula(data)) throw invalidArgument(location);
      assertWritable(cf.sheet, location);
      cf.formula = data as string;
    });
  }
  get formulaLocal(): string {
    return this._get('formulaLocal');
  }
}

/** Stand-in for `Excel.ConditionalRangeFormat`: `fill` and `font` (borders and number format are not modelled). */
export class ConditionalRangeFormatProxy extends ClientObjectBase {
  private _fill?: ConditionalRangeFillProxy;
  private _font?: ConditionalRangeFontProxy;
  get _className(): string {
    return 'ConditionalRangeFormat';
  }
  get _scalarNames(): readonly string[] {
    return [];
  }
  _read(): unknown {
    return undefined;
  }
  override _navigation(name: string): ClientObjectBase | undefined {
    if (name === 'fill') return this.fill;
    if (name === 'font') return this.font;
    return undefined;
  }
  get fill(): ConditionalRangeFillProxy {
    return (this._fill ??= new ConditionalRangeFillProxy(this.context, this));
  }
  get font(): ConditionalRangeFontProxy {
    return (this._font ??= new ConditionalRangeFontProxy(this.context, this));
  }
}

/** Stand-in for `Excel.ConditionalRangeFill`: `color` "#RRGGBB" (null when the rule sets no fill), `clear()`. */
export class ConditionalRangeFillProxy extends ClientObjectBase {
  get _className(): string {
    return 'ConditionalRangeFill';
  }
  get _scalarNames(): readonly string[] {
    return ['color'];
  }
  _read(name: string, b: Binding): unknown {
    return name === 'color' ? asConditionalFormat(b).style.fill : undefined;
  }
  get color(): string | null {
    return this._get('color');
  }
  set color(value: string) {
    const location = 'ConditionalRangeFill.color';
    this._setProperty('color', value, (b, data) => {
      const cf = asConditionalFormat(b);
      const color = parseColor(data, location);
      assertWritable(cf.sheet, location);
      cf.style.fill = color;
    });
  }
  clear(): void {
    this._method('Clear', [], (b) => {
      const cf = asConditionalFormat(b);
      assertWritable(cf.sheet, 'ConditionalRangeFill.clear');
      cf.style.fill = null;
    });
  }
}

/** Stand-in for `Excel.ConditionalRangeFont`: `color`, `bold`, `italic` (null when the rule leaves them), `clear()`. */
export class ConditionalRangeFontProxy extends ClientObjectBase {
  get _className(): string {
    return 'ConditionalRangeFont';
  }
  get _scalarNames(): readonly string[] {
    return ['bold', 'color', 'italic'];
  }
  _read(name: string, b: Binding): unknown {
    const s = asConditionalFormat(b).style;
    if (name === 'color') return s.fontColor;
    if (name === 'bold') return s.bold;
    if (name === 'italic') return s.italic;
    return undefined;
  }
  get color(): string | null {
    return this._get('color');
  }
  set color(value: string) {
    const location = 'ConditionalRangeFont.color';
    this._setProperty('color', value, (b, data) => {
      const cf = asConditionalFormat(b);
      const color = parseColor(data, location);
      assertWritable(cf.sheet, location);
      cf.style.fontColor = color;
    });
  }
  get bold(): boolean | null {
    return this._get('bold');
  }
  set bold(value: boolean) {
    this._setFlag('bold', value);
  }
  get italic(): boolean | null {
    return this._get('italic');
  }
  set italic(value: boolean) {
    this._setFlag('italic', value);
  }
  private _setFlag(name: 'bold' | 'italic', value: boolean): void {
    const location = `ConditionalRangeFont.${name}`;
    this._setProperty(name, value, (b, data) => {
      const cf = asConditionalFormat(b);
      if (typeof data !== 'boolean') throw invalidArgument(location);
      assertWritable(cf.sheet, location);
      cf.style[name] = data;
    });
  }
  clear(): void {
    this._method('Clear', [], (b) => {
      const cf = asConditionalFormat(b);
      assertWritable(cf.sheet, 'ConditionalRangeFont.clear');
      cf.style.fontColor = null;
      cf.style.bold = null;
      cf.style.italic = null;
    });
  }
}

// ---- Shapes (pictures) ------------------------------------------------------------------------------

function asShape(b: Binding): ShapeModel {
  if (b.kind !== 'shape') throw internal('shape', b);
  return b.shape;
}

/** A shape by name (exact, then ignoring case) or id, on one sheet. */
function findShape(sheet: SheetModel, key: unknown): ShapeModel | undefined {
  if (typeof key !== 'string') return undefined;
  const lower = key.toLowerCase();
  return sheet.shapes.find((s) => s.name === key) ?? sheet.shapes.find((s) => s.name.toLowerCase() === lower) ?? sheet.shapes.find((s) => s.id === key);
}

/**
 * Stand-in for `Excel.ShapeCollection`: `addImage(base64)` (PNG or JPEG, no "data:" prefix; the
 * Base64 text counts in the request's bytes), `getItem`, `getItemOrNullObject`, `getItemAt`,
 * `getCount`, and `items` through `load`. Other shape kinds (geometric, lines, text boxes,
 * groups) are not modelled.
 */
export class ShapeCollectionProxy extends CollectionBase<ShapeProxy> {
  get _className(): string {
    return 'ShapeCollection';
  }
  _members(b: Binding): Binding[] {
    return asSheet(b).shapes.map((shape) => ({ kind: 'shape', shape }));
  }
  _item(binding: Binding): ShapeProxy {
    return new ShapeProxy(this.context, this, { binding, path: 'ShapeCollection.items' });
  }

  /** Adds a picture from a Base64 PNG or JPEG at the top-left corner, at its pixel size. */
  addImage(base64ImageString: string): ShapeProxy {
    const path = 'ShapeCollection.addImage';
    return new ShapeProxy(this.context, this, {
      instantiate: true,
      invalidAfterRequest: true,
      path,
      size: () => ACTION_OVERHEAD + utf8Length(jsonOf(base64ImageString ?? null)),
      resolve: (b, x) => {
        const sheet = asSheet(b);
        const image = readImage(base64ImageString);
        if (!image) throw invalidArgument(path);
        assertWritable(sheet, path);
        return { kind: 'shape', shape: x.model.addShape(sheet, image) };
      },
    });
  }

  getItem(key: string): ShapeProxy {
    const path = 'ShapeCollection.getItem';
    return new ShapeProxy(this.context, this, {
      instantiate: true,
      path,
      resolve: (b) => {
        const shape = findShape(asSheet(b), key);
        if (!shape) throw officeError(ErrorCodes.itemNotFound, path);
        return { kind: 'shape', shape };
      },
    });
  }

  /** ExcelApi 1.14. */
  getItemOrNullObject(key: string): ShapeProxy {
    return new ShapeProxy(this.context, this, {
      instantiate: true,
      path: 'ShapeCollection.getItemOrNullObject',
      resolve: (b) => {
        const shape = findShape(asSheet(b), key);
        return shape ? { kind: 'shape', shape } : NULL_OBJECT;
      },
    });
  }

  getItemAt(index: number): ShapeProxy {
    const path = 'ShapeCollection.getItemAt';
    return new ShapeProxy(this.context, this, {
      instantiate: true,
      path,
      resolve: (b) => {
        const shapes = asSheet(b).shapes;
        if (!isInteger(index) || index < 0 || index >= shapes.length) throw officeError(ErrorCodes.itemNotFound, path);
        return { kind: 'shape', shape: shapes[index] };
      },
    });
  }

  getCount(): ClientResult<number> {
    return this._methodResult('GetCount', [], (b) => asSheet(b).shapes.length);
  }
}

type ShapeNumber = 'left' | 'top' | 'width' | 'height';

/** Stand-in for `Excel.Shape` (a picture): id, name, type, position, size, alt text; delete. */
export class ShapeProxy extends ClientObjectBase {
  get _className(): string {
    return 'Shape';
  }
  get _scalarNames(): readonly string[] {
    return ['id', 'name', 'type', 'left', 'top', 'width', 'height', 'altTextTitle', 'altTextDescription', 'zOrderPosition'];
  }
  _read(name: string, b: Binding): unknown {
    const shape = asShape(b);
    switch (name) {
      case 'id':
        return shape.id;
      case 'name':
        return shape.name;
      case 'type':
        return shape.type;
      case 'left':
        return shape.left;
      case 'top':
        return shape.top;
      case 'width':
        return shape.width;
      case 'height':
        return shape.height;
      case 'altTextTitle':
        return shape.altTextTitle;
      case 'altTextDescription':
        return shape.altTextDescription;
      case 'zOrderPosition':
        return shape.sheet.shapes.indexOf(shape);
      default:
        return undefined;
    }
  }

  get id(): string {
    return this._get('id');
  }
  get type(): string {
    return this._get('type');
  }
  get zOrderPosition(): number {
    return this._get('zOrderPosition');
  }
  get name(): string {
    return this._get('name');
  }
  set name(value: string) {
    const location = 'Shape.name';
    this._setProperty('name', value, (b, data) => {
      const shape = asShape(b);
      if (typeof data !== 'string' || data.trim() === '' || data.length > 255) throw invalidArgument(location);
      assertWritable(shape.sheet, location);
      shape.name = data;
    });
  }
  get altTextTitle(): string {
    return this._get('altTextTitle');
  }
  set altTextTitle(value: string) {
    this._setText('altTextTitle', value);
  }
  get altTextDescription(): string {
    return this._get('altTextDescription');
  }
  set altTextDescription(value: string) {
    this._setText('altTextDescription', value);
  }
  get left(): number {
    return this._get('left');
  }
  set left(value: number) {
    this._setNumber('left', value);
  }
  get top(): number {
    return this._get('top');
  }
  set top(value: number) {
    this._setNumber('top', value);
  }
  get width(): number {
    return this._get('width');
  }
  set width(value: number) {
    this._setNumber('width', value);
  }
  get height(): number {
    return this._get('height');
  }
  set height(value: number) {
    this._setNumber('height', value);
  }

  private _setText(name: 'altTextTitle' | 'altTextDescription', value: string): void {
    const location = `Shape.${name}`;
    this._setProperty(name, value, (b, data) => {
      const shape = asShape(b);
      if (typeof data !== 'string') throw invalidArgument(location);
      assertWritable(shape.sheet, location);
      shape[name] = data;
    });
  }

  /** Position from 0, size above 0, in points (a value NaN arrives as null: InvalidArgument). */
  private _setNumber(name: ShapeNumber, value: number): void {
    const location = `Shape.${name}`;
    this._setProperty(name, value, (b, data) => {
      const shape = asShape(b);
      const ok = typeof data === 'number' && Number.isFinite(data) && (name === 'left' || name === 'top' ? data >= 0 : data > 0);
      if (!ok) throw invalidArgument(location);
      assertWritable(shape.sheet, location);
      shape[name] = data;
    });
  }

  delete(): void {
    this._method('Delete', [], (b, x) => {
      const shape = asShape(b);
      assertWritable(shape.sheet, 'Shape.delete');
      x.model.removeShape(shape);
    });
  }
}

// ---- Tables ---------------------------------------------------------------------------------------

function tableNameProblem(name: unknown): boolean {
  return typeof name !== 'string' || !/^[\p{L}_\\][\p{L}\p{N}_.\\]{0,254}$/u.test(name) || /^[A-Za-z]{1,3}\d+$/.test(name) || /^[RrCc]$/.test(name);
}

export class TableCollectionProxy extends CollectionBase<TableProxy> {
  get _className(): string {
    return 'TableCollection';
  }
  _members(b: Binding, x: Exec): Binding[] {
    const tables = b.kind === 'sheet' ? b.sheet.tables : x.model.tables;
    return tables.map((table) => ({ kind: 'table', table }));
  }
  _item(binding: Binding): TableProxy {
    return new TableProxy(this.context, this, { binding, path: 'TableCollection.items' });
  }

  private _find(b: Binding, x: Exec, key: string): TableModel | undefined {
    const t = typeof key === 'string' ? x.model.findTable(key) : undefined;
    if (t && b.kind === 'sheet' && t.sheet !== b.sheet) return undefined;
    return t;
  }

  getItem(key: string): TableProxy {
    const path = 'TableCollection.getItem';
    return new TableProxy(this.context, this, {
      instantiate: true,
      path,
      resolve: (b, x) => {
        const table = this._find(b, x, key);
        if (!table) throw officeError(ErrorCodes.itemNotFound, path);
        return { kind: 'table', table };
      },
    });
  }

  getItemOrNullObject(key: string): TableProxy {
    return new TableProxy(this.context, this, {
      instantiate: true,
      path: 'TableCollection.getItemOrNullObject',
      resolve: (b, x) => {
        const table = this._find(b, x, key);
        return table ? { kind: 'table', table } : NULL_OBJECT;
      },
    });
  }

  getCount(): ClientResult<number> {
    return this._methodResult('GetCount', [], (b, x) => this._members(b, x).length);
  }

  /**
   * Creates a table over an address ("A1:C10"; "Sheet1!A1:C10" on the workbook's collection) or
   * a Range. Only `hasHeaders` true is supported: the first row is the header row; blank or
   * repeated header cells get Excel's "Column1" / "Name2" names written into them.
   */
  add(address: RangeArg, hasHeaders: boolean): TableProxy {
    const path = 'TableCollection.add';
    if (typeof address !== 'string' && address.context !== this.context) throw officeError(ErrorCodes.invalidRequestContext, path, 'Cannot use the object across different request contexts.');
    return new TableProxy(this.context, this, {
      instantiate: true,
      invalidAfterRequest: true,
      path,
      size: () => ACTION_OVERHEAD + utf8Length(jsonOf([typeof address === 'string' ? address : null, hasHeaders])),
      resolve: (b, x) => {
        if (!hasHeaders) throw officeError(ErrorCodes.notImplemented, path, 'The stand-in supports tables.add(address, true) only.');
        let sheet: SheetModel;
        let rect: Rect;
        if (typeof address === 'string') {
          const { sheet: name, ref } = splitSheet(address);
          if (b.kind === 'sheet') sheet = b.sheet;
          else {
            const s = name !== undefined ? x.model.findSheet(name) : x.model.activeSheet;
            if (!s) throw officeError(ErrorCodes.itemNotFound, path);
            sheet = s;
          }
          rect = resolveRangeArg(name !== undefined && b.kind !== 'sheet' ? ref : address, sheet, x, path).rect;
        } else {
          const rb = asRange(x.bind(address));
          if (b.kind === 'sheet' && rb.sheet !== b.sheet) throw invalidArgument(path);
          sheet = rb.sheet;
          rect = rb.rect;
        }
        if (rectRows(rect) < 2 || isEntireColumn(rect) || isEntireRow(rect)) throw invalidArgument(path);
        assertWritable(sheet, path);
        if (sheet.tables.some((t) => intersect(t.rect, rect))) {
          throw new OfficeExtensionError({ code: ErrorCodes.invalidOperation, message: "A table can't overlap another table.", errorLocation: path });
        }
        const seen = new Set<string>();
        for (let c = rect.c0; c <= rect.c1; c++) {
          const v = sheet.getValue(rect.r0, c);
          let name = v === undefined ? `Column${c - rect.c0 + 1}` : String(v);
          if (seen.has(name.toLowerCase())) {
            let k = 2;
            while (seen.has(`${name}${k}`.toLowerCase())) k++;
            name = `${name}${k}`;
          }
          seen.add(name.toLowerCase());
          sheet.setFormula(rect.r0, c, undefined);
          sheet.setValue(rect.r0, c, name);
        }
        return { kind: 'table', table: x.model.addTable(sheet, rect) };
      },
    });
  }
}

export class TableProxy extends ClientObjectBase {
  private _columns?: TableColumnCollectionProxy;
  private _worksheet?: WorksheetProxy;

  get _className(): string {
    return 'Table';
  }
  get _scalarNames(): readonly string[] {
    return ['id', 'name', 'showHeaders', 'showTotals', 'style'];
  }
  _read(name: string, b: Binding): unknown {
    const t = asTable(b);
    switch (name) {
      case 'id':
        return t.id;
      case 'name':
        return t.name;
      case 'showHeaders':
        return t.showHeaders;
      case 'showTotals':
        return t.showTotals;
      case 'style':
        return t.style;
      default:
        return undefined;
    }
  }
  override _navigation(name: string): ClientObjectBase | undefined {
    if (name === 'columns') return this.columns;
    if (name === 'worksheet') return this.worksheet;
    return undefined;
  }

  get id(): string {
    return this._get('id');
  }
  get name(): string {
    return this._get('name');
  }
  set name(value: string) {
    const location = 'Table.name';
    this._setProperty('name', value, (b, data, x) => {
      const t = asTable(b);
      if (tableNameProblem(data)) throw invalidArgument(location);
      const other = x.model.findTable(data as string);
      if (other && other !== t) throw officeError(ErrorCodes.itemAlreadyExists, location);
      t.name = data as string;
    });
  }
  get showHeaders(): boolean {
    return this._get('showHeaders');
  }
  get showTotals(): boolean {
    return this._get('showTotals');
  }
  get style(): string {
    return this._get('style');
  }
  get columns(): TableColumnCollectionProxy {
    return (this._columns ??= new TableColumnCollectionProxy(this.context, this));
  }
  get worksheet(): WorksheetProxy {
    return (this._worksheet ??= new WorksheetProxy(this.context, this, { resolve: (b) => ({ kind: 'sheet', sheet: asTable(b).sheet }), path: 'Table.worksheet' }));
  }

  private _part(path: string, rect: (t: TableModel) => Rect | null): RangeProxy {
    return new RangeProxy(this.context, this, {
      instantiate: true,
      path,
      resolve: (b) => {
        const t = asTable(b);
        const r = rect(t);
        if (!r) throw officeError(ErrorCodes.itemNotFound, path);
        return { kind: 'range', sheet: t.sheet, rect: r };
      },
    });
  }

  getRange(): RangeProxy {
    return this._part('Table.getRange', (t) => t.rect);
  }
  getHeaderRowRange(): RangeProxy {
    return this._part('Table.getHeaderRowRange', (t) => t.headerRect);
  }
  getDataBodyRange(): RangeProxy {
    return this._part('Table.getDataBodyRange', (t) => t.bodyRect);
  }

  delete(): void {
    this._method('Delete', [], (b, x) => {
      const t = asTable(b);
      assertWritable(t.sheet, 'Table.delete');
      t.sheet.clearContents(t.rect);
      t.sheet.clearFormats(t.rect);
      x.model.removeTable(t);
    });
  }

  convertToRange(): RangeProxy {
    const range = this.getRange();
    this._method('ConvertToRange', [], (b, x) => {
      const t = asTable(b);
      assertWritable(t.sheet, 'Table.convertToRange');
      x.model.removeTable(t);
    });
    return range;
  }
}

type ColumnBinding = { kind: 'column'; table: TableModel; id: number };

function asColumn(b: Binding): ColumnBinding {
  if (b.kind !== 'column') throw internal('column', b);
  return b;
}

/** Zero-based position of a column binding's column now; ItemNotFound when it was deleted. */
function columnAt(b: ColumnBinding, location: string): number {
  const index = b.table.columnIndexOf(b.id);
  if (index < 0) throw officeError(ErrorCodes.itemNotFound, location);
  return index;
}

/** A column name Excel would accept: unique among the other columns (a taken one gets 2, 3, … as Excel does). */
function uniqueColumnName(t: TableModel, wanted: string, self: number): string {
  const taken = new Set(t.columnNames().filter((_, i) => i !== self).map((n) => n.toLowerCase()));
  if (!taken.has(wanted.toLowerCase())) return wanted;
  let k = 2;
  while (taken.has(`${wanted}${k}`.toLowerCase())) k++;
  return `${wanted}${k}`;
}

/** The cells of table rows right of `c` can move sideways, else InsertDeleteConflict. */
function assertShiftable(t: TableModel, c: number, location: string): void {
  const problem = t.sheet.shiftProblem(t.rect.r0, t.rect.r1, c, t);
  if (problem) throw officeError(ErrorCodes.insertDeleteConflict, location, `This operation won't work because it would move cells in a table on your worksheet (${problem}).`);
}

export class TableColumnCollectionProxy extends CollectionBase<TableColumnProxy> {
  get _className(): string {
    return 'TableColumnCollection';
  }
  _members(b: Binding): Binding[] {
    const table = asTable(b);
    return table.columnIds.map((id) => ({ kind: 'column', table, id }));
  }
  _item(binding: Binding): TableColumnProxy {
    return new TableColumnProxy(this.context, this, { binding, path: 'TableColumnCollection.items' });
  }

  private _column(path: string, find: (t: TableModel) => number, orNull: boolean): TableColumnProxy {
    return new TableColumnProxy(this.context, this, {
      instantiate: true,
      path,
      resolve: (b) => {
        const table = asTable(b);
        const index = find(table);
        if (index < 0) {
          if (orNull) return NULL_OBJECT;
          throw officeError(ErrorCodes.itemNotFound, path);
        }
        return { kind: 'column', table, id: table.columnIds[index] };
      },
    });
  }

  /** Position of a column by name (case-insensitive) or by id (a number or its digits). */
  private static _byKey(t: TableModel, key: string | number): number {
    if (typeof key === 'number') return t.columnIndexOf(key);
    const k = String(key).toLowerCase();
    const i = t.columnNames().findIndex((n) => n.toLowerCase() === k);
    if (i >= 0) return i;
    return /^\d+$/.test(k) ? t.columnIndexOf(Number(k)) : -1;
  }

  /** By name (case-insensitive) or id. */
  getItem(key: string | number): TableColumnProxy {
    return this._column('TableColumnCollection.getItem', (t) => TableColumnCollectionProxy._byKey(t, key), false);
  }
  getItemOrNullObject(key: string | number): TableColumnProxy {
    return this._column('TableColumnCollection.getItemOrNullObject', (t) => TableColumnCollectionProxy._byKey(t, key), true);
  }
  getItemAt(index: number): TableColumnProxy {
    return this._column('TableColumnCollection.getItemAt', (t) => (isInteger(index) && index >= 0 && index < t.columnIds.length ? index : -1), false);
  }
  getCount(): ClientResult<number> {
    return this._methodResult('GetCount', [], (b) => asTable(b).columnIds.length);
  }

  /**
   * Adds a column at `index` (0 … count; null, undefined or -1: at the end); the table's later
   * columns and the cells right of the table in its rows move one column right. `values` is a
   * scalar for every cell or a 2-D array of one column and as many rows as the table (header
   * first), entered like `Range.values`; `name` (else values[0][0], else "ColumnN") becomes the
   * header, made unique as Excel does. The stand-in refuses (InsertDeleteConflict) rather than
   * push cells that hold something: Excel would move them, out of line with the rows around them.
   */
  add(index?: number | null, values?: unknown, name?: string | null): TableColumnProxy {
    const path = 'TableColumnCollection.add';
    return new TableColumnProxy(this.context, this, {
      instantiate: true,
      invalidAfterRequest: true,
      path,
      size: () => ACTION_OVERHEAD + utf8Length(jsonOf([index ?? null, values ?? null, name ?? null])),
      resolve: (b, x) => {
        const t = asTable(b);
        const count = t.columnIds.length;
        const at = index === undefined || index === null || index === -1 ? count : index;
        if (!isInteger(at) || at < 0 || at > count) throw invalidArgument(path);
        if (name !== undefined && name !== null && (typeof name !== 'string' || name === '')) throw invalidArgument(path);
        const rows = rectRows(t.rect);
        if (Array.isArray(values) && (values.length !== rows || values.some((r) => !Array.isArray(r) || r.length !== 1))) {
          throw invalidArgument(path, "The number of rows or columns in the input array doesn't match the size or dimensions of the range.");
        }
        assertWritable(t.sheet, path);
        if (t.rect.c1 + 1 >= MAX_COLS) throw officeError(ErrorCodes.insertDeleteConflict, path);
        const c = t.rect.c0 + at;
        assertShiftable(t, c, path);
        if (t.sheet.hasContentFrom(t.rect.r0, t.rect.r1, t.rect.c1 + 1)) {
          throw officeError(
            ErrorCodes.insertDeleteConflict,
            path,
            "This operation won't work because it would move cells beside the table on your worksheet (the stand-in does not push cells right of a table; clear them first).",
          );
        }
        const header = typeof name === 'string' ? name : Array.isArray(values) && values[0][0] !== '' && values[0][0] !== null ? String(values[0][0]) : undefined;
        const id = t.insertColumn(at);
        if (values !== undefined && values !== null) {
          const rect = { ...t.rect, c0: c, c1: c };
          writeCells(t.sheet, t.showHeaders ? { ...rect, r0: rect.r0 + 1 } : rect, Array.isArray(values) ? (t.showHeaders ? values.slice(1) : values) : values, x, path);
        }
        if (t.showHeaders) {
          t.sheet.setFormula(t.rect.r0, c, undefined);
          t.sheet.setValue(t.rect.r0, c, uniqueColumnName(t, header ?? `Column${at + 1}`, at));
        }
        return { kind: 'column', table: t, id };
      },
    });
  }
}

export class TableColumnProxy extends ClientObjectBase {
  get _className(): string {
    return 'TableColumn';
  }
  get _scalarNames(): readonly string[] {
    return ['id', 'index', 'name'];
  }
  _read(name: string, b: Binding): unknown {
    const col = asColumn(b);
    const index = columnAt(col, `TableColumn.${name}`);
    switch (name) {
      case 'id':
        return col.id;
      case 'index':
        return index;
      case 'name':
        return col.table.columnNames()[index];
      default:
        return undefined;
    }
  }
  get id(): number {
    return this._get('id');
  }
  get index(): number {
    return this._get('index');
  }
  get name(): string {
    return this._get('name');
  }
  set name(value: string) {
    const location = 'TableColumn.name';
    this._setProperty('name', value, (b, data) => {
      const col = asColumn(b);
      const { table } = col;
      const index = columnAt(col, location);
      if (typeof data !== 'string' || data === '') throw invalidArgument(location);
      assertWritable(table.sheet, location);
      if (table.columnNames().some((n, i) => i !== index && n.toLowerCase() === data.toLowerCase())) throw officeError(ErrorCodes.itemAlreadyExists, location);
      table.sheet.setFormula(table.rect.r0, table.rect.c0 + index, undefined);
      table.sheet.setValue(table.rect.r0, table.rect.c0 + index, data);
    });
  }

  private _part(path: string, rect: (t: TableModel, index: number) => Rect | null): RangeProxy {
    return new RangeProxy(this.context, this, {
      instantiate: true,
      path,
      resolve: (b) => {
        const col = asColumn(b);
        const r = rect(col.table, columnAt(col, path));
        if (!r) throw officeError(ErrorCodes.itemNotFound, path);
        return { kind: 'range', sheet: col.table.sheet, rect: r };
      },
    });
  }
  getRange(): RangeProxy {
    return this._part('TableColumn.getRange', (t, i) => ({ ...t.rect, c0: t.rect.c0 + i, c1: t.rect.c0 + i }));
  }
  getHeaderRowRange(): RangeProxy {
    return this._part('TableColumn.getHeaderRowRange', (t, i) => (t.headerRect ? { ...t.headerRect, c0: t.rect.c0 + i, c1: t.rect.c0 + i } : null));
  }
  getDataBodyRange(): RangeProxy {
    return this._part('TableColumn.getDataBodyRange', (t, i) => ({ ...t.bodyRect, c0: t.rect.c0 + i, c1: t.rect.c0 + i }));
  }

  /**
   * Deletes the column from the table: its cells go and the cells right of it in the table's rows
   * move left (cells beside the table too, as Excel's "delete cells, shift left"). The last column
   * of a table cannot be deleted (InvalidOperation).
   */
  delete(): void {
    const location = 'TableColumn.delete';
    this._method('Delete', [], (b) => {
      const col = asColumn(b);
      const t = col.table;
      const index = columnAt(col, location);
      assertWritable(t.sheet, location);
      if (t.columnIds.length === 1) throw officeError(ErrorCodes.invalidOperation, location);
      assertShiftable(t, t.rect.c0 + index, location);
      t.deleteColumn(index);
    });
  }
}

// ---- Worksheet custom properties (ExcelApi 1.12) ----------------------------------------------------
//
// https://learn.microsoft.com/javascript/api/excel/excel.worksheetcustompropertycollection and
// .../excel.worksheetcustomproperty: keys are case-insensitive and limited to 255 characters
// (InvalidArgument past that); `add` overwrites a property with the same key; `getItem` fails with
// ItemNotFound, `getItemOrNullObject` gives a null object. A property belongs to its worksheet, so
// it stays through a rename or a move. A host without ExcelApi 1.12 fails every call with
// ApiNotFound (`createStandIn(model, { unsupportedApis: ['ExcelApi 1.12'] })`).

const CUSTOM_PROPERTY_KEY_LIMIT = 255;

function asSheetProperty(b: Binding, location: string): { sheet: SheetModel; entry: { key: string; value: string } } {
  if (b.kind !== 'sheetProperty') throw internal('sheetProperty', b);
  const entry = b.sheet.customProperties.get(b.key);
  if (!entry || b.sheet.deleted) throw officeError(ErrorCodes.itemNotFound, location);
  return { sheet: b.sheet, entry };
}

function customPropertyKey(key: unknown, location: string): string {
  if (typeof key !== 'string' || key === '' || key.length > CUSTOM_PROPERTY_KEY_LIMIT) throw invalidArgument(location);
  return key.toLowerCase();
}

export class WorksheetCustomPropertyCollectionProxy extends CollectionBase<WorksheetCustomPropertyProxy> {
  get _className(): string {
    return 'WorksheetCustomPropertyCollection';
  }
  _members(b: Binding, x: Exec): Binding[] {
    requireApi(x, 'ExcelApi 1.12', 'WorksheetCustomPropertyCollection.items');
    const sheet = asSheet(b);
    return [...sheet.customProperties.keys()].map((key) => ({ kind: 'sheetProperty', sheet, key }));
  }
  _item(binding: Binding): WorksheetCustomPropertyProxy {
    return new WorksheetCustomPropertyProxy(this.context, this, { binding, path: 'WorksheetCustomPropertyCollection.items' });
  }

  /** Sets (or replaces) the property `key` of the sheet; the value is kept as text. */
  add(key: string, value: string): WorksheetCustomPropertyProxy {
    const path = 'WorksheetCustomPropertyCollection.add';
    return new WorksheetCustomPropertyProxy(this.context, this, {
      instantiate: true,
      invalidAfterRequest: true,
      path,
      size: () => ACTION_OVERHEAD + utf8Length(jsonOf(key ?? null)) + utf8Length(jsonOf(value ?? null)),
      resolve: (b, x) => {
        requireApi(x, 'ExcelApi 1.12', path);
        const sheet = asSheet(b);
        const lower = customPropertyKey(key, path);
        if (typeof value !== 'string') throw invalidArgument(path);
        sheet.customProperties.set(lower, { key: sheet.customProperties.get(lower)?.key ?? key, value });
        return { kind: 'sheetProperty', sheet, key: lower };
      },
    });
  }

  private _find(key: string, orNull: boolean): WorksheetCustomPropertyProxy {
    const path = orNull ? 'WorksheetCustomPropertyCollection.getItemOrNullObject' : 'WorksheetCustomPropertyCollection.getItem';
    return new WorksheetCustomPropertyProxy(this.context, this, {
      instantiate: true,
      path,
      resolve: (b, x) => {
        requireApi(x, 'ExcelApi 1.12', path);
        const sheet = asSheet(b);
        const lower = customPropertyKey(key, path);
        if (sheet.customProperties.has(lower)) return { kind: 'sheetProperty', sheet, key: lower };
        if (orNull) return NULL_OBJECT;
        throw officeError(ErrorCodes.itemNotFound, path);
      },
    });
  }
  getItem(key: string): WorksheetCustomPropertyProxy {
    return this._find(key, false);
  }
  getItemOrNullObject(key: string): WorksheetCustomPropertyProxy {
    return this._find(key, true);
  }
  getCount(): ClientResult<number> {
    return this._methodResult('GetCount', [], (b, x) => {
      requireApi(x, 'ExcelApi 1.12', 'WorksheetCustomPropertyCollection.getCount');
      return asSheet(b).customProperties.size;
    });
  }
}

export class WorksheetCustomPropertyProxy extends ClientObjectBase {
  get _className(): string {
    return 'WorksheetCustomProperty';
  }
  get _scalarNames(): readonly string[] {
    return ['key', 'value'];
  }
  _read(name: string, b: Binding): unknown {
    const { entry } = asSheetProperty(b, `WorksheetCustomProperty.${name}`);
    if (name === 'key') return entry.key;
    if (name === 'value') return entry.value;
    return undefined;
  }
  get key(): string {
    return this._get('key');
  }
  get value(): string {
    return this._get('value');
  }
  set value(v: string) {
    const location = 'WorksheetCustomProperty.value';
    this._setProperty('value', v, (b, data) => {
      const { entry } = asSheetProperty(b, location);
      if (typeof data !== 'string') throw invalidArgument(location);
      entry.value = data;
    });
  }
  delete(): void {
    this._method('Delete', [], (b) => {
      const { sheet, entry } = asSheetProperty(b, 'WorksheetCustomProperty.delete');
      sheet.customProperties.delete(entry.key.toLowerCase());
    });
  }
}

// ---- Settings -------------------------------------------------------------------------------------

function settingKey(b: Binding, x: Exec, location: string): string {
  if (b.kind !== 'setting') throw internal('setting', b);
  if (!x.model.settings.has(b.key)) throw officeError(ErrorCodes.itemNotFound, location);
  return b.key;
}

/** JSON text for a setting value; InvalidArgument when the value has no JSON form. */
function settingJson(value: unknown, location: string): string {
  let json: string | undefined;
  try {
    json = JSON.stringify(value);
  } catch {
    json = undefined;
  }
  if (json === undefined) throw invalidArgument(location);
  return json;
}

export class SettingCollectionProxy extends CollectionBase<SettingProxy> {
  get _className(): string {
    return 'SettingCollection';
  }
  _members(_b: Binding, x: Exec): Binding[] {
    return [...x.model.settings.keys()].map((key) => ({ kind: 'setting', key }));
  }
  _item(binding: Binding): SettingProxy {
    return new SettingProxy(this.context, this, { binding, path: 'SettingCollection.items' });
  }

  /** Sets (or replaces) a setting; the value is kept as JSON in the workbook. */
  add(key: string, value: unknown): SettingProxy {
    const path = 'SettingCollection.add';
    let json = '';
    return new SettingProxy(this.context, this, {
      instantiate: true,
      invalidAfterRequest: true,
      path,
      size: () => {
        try {
          json = JSON.stringify(value) ?? '';
        } catch {
          json = '';
        }
        return ACTION_OVERHEAD + utf8Length(jsonOf(key ?? null)) + utf8Length(json);
      },
      resolve: (_b, x) => {
        if (typeof key !== 'string' || key === '') throw invalidArgument(path);
        if (json === '') settingJson(value, path);
        x.model.settings.set(key, json);
        return { kind: 'setting', key };
      },
    });
  }

  getItem(key: string): SettingProxy {
    const path = 'SettingCollection.getItem';
    return new SettingProxy(this.context, this, {
      instantiate: true,
      path,
      resolve: (_b, x) => {
        if (typeof key !== 'string' || !x.model.settings.has(key)) throw officeError(ErrorCodes.itemNotFound, path);
        return { kind: 'setting', key };
      },
    });
  }

  getItemOrNullObject(key: string): SettingProxy {
    return new SettingProxy(this.context, this, {
      instantiate: true,
      path: 'SettingCollection.getItemOrNullObject',
      resolve: (_b, x) => (typeof key === 'string' && x.model.settings.has(key) ? { kind: 'setting', key } : NULL_OBJECT),
    });
  }

  getCount(): ClientResult<number> {
    return this._methodResult('GetCount', [], (_b, x) => x.model.settings.size);
  }
}

export class SettingProxy extends ClientObjectBase {
  get _className(): string {
    return 'Setting';
  }
  get _scalarNames(): readonly string[] {
    return ['key', 'value'];
  }
  _read(name: string, b: Binding, x: Exec): unknown {
    const key = settingKey(b, x, `Setting.${name}`);
    if (name === 'key') return key;
    if (name === 'value') return JSON.parse(x.model.settings.get(key) as string);
    return undefined;
  }
  get key(): string {
    return this._get('key');
  }
  get value(): unknown {
    return this._get('value');
  }
  set value(v: unknown) {
    const location = 'Setting.value';
    const json = (() => {
      try {
        return JSON.stringify(v);
      } catch {
        return undefined;
      }
    })();
    this._setProperty('value', v, (b, _data, x) => {
      const key = settingKey(b, x, location);
      if (json === undefined) throw invalidArgument(location);
      x.model.settings.set(key, json);
    });
  }
  delete(): void {
    this._method('Delete', [], (b, x) => {
      x.model.settings.delete(settingKey(b, x, 'Setting.delete'));
    });
  }
}

// ---- Named items (workbook.names) ------------------------------------------------------------------
// Excel.NamedItemCollection / Excel.NamedItem (ExcelApi 1.1; add 1.4, delete 1.4, formula 1.7,
// getRangeOrNullObject 1.4): https://learn.microsoft.com/javascript/api/excel/excel.nameditemcollection
// Only names referring to a range are modelled; `value` is the reference without "=" and `formula`
// with it, sheet-qualified and absolute ("'Client Tiers rules'!$A$1:$B$11"), as Excel reports them.

function asNamedItem(b: Binding, location: string): NamedItemModel {
  if (b.kind !== 'namedItem') throw internal('namedItem', b);
  if (b.item.deleted) throw officeError(ErrorCodes.itemNotFound, location);
  return b.item;
}

function absoluteRef(r: { r0: number; c0: number; r1: number; c1: number }): string {
  const a = `$${columnLetters(r.c0)}$${r.r0 + 1}`;
  return r.r0 === r.r1 && r.c0 === r.c1 ? a : `${a}:$${columnLetters(r.c1)}$${r.r1 + 1}`;
}

function namedReference(item: NamedItemModel): string {
  const t = item.target;
  return t ? `${formatAddress(t.sheet.name, t.rect).split('!')[0]}!${absoluteRef(t.rect)}` : '#REF!';
}

/** A reference given as a Range proxy or as "=Sheet1!$A$1:$B$4" / "Sheet1!A1:B4" text. */
function resolveNameReference(reference: unknown, x: Exec, location: string): { sheet: SheetModel; rect: { r0: number; c0: number; r1: number; c1: number } } {
  if (reference instanceof RangeProxy) {
    const b = asRange(x.bind(reference));
    return { sheet: b.sheet, rect: b.rect };
  }
  if (typeof reference !== 'string') throw invalidArgument(location);
  const { sheet: sheetName, ref } = splitSheet(reference.replace(/^=/, '').replace(/\$/g, ''));
  const sheet = sheetName !== undefined ? x.model.findSheet(sheetName) : x.model.activeSheet;
  const rect = parseRef(ref);
  if (!sheet || !rect) throw invalidArgument(location);
  return { sheet, rect };
}

export class NamedItemCollectionProxy extends CollectionBase<NamedItemProxy> {
  get _className(): string {
    return 'NamedItemCollection';
  }
  _members(_b: Binding, x: Exec): Binding[] {
    return x.model.names.map((item) => ({ kind: 'namedItem', item }));
  }
  _item(binding: Binding): NamedItemProxy {
    return new NamedItemProxy(this.context, this, { binding, path: 'NamedItemCollection.items' });
  }

  /** Adds a workbook-scoped name referring to a range; a bad name is InvalidArgument, an existing one ItemAlreadyExists. */
  add(name: string, reference: RangeProxy | string, comment?: string): NamedItemProxy {
    const path = 'NamedItemCollection.add';
    return new NamedItemProxy(this.context, this, {
      instantiate: true,
      invalidAfterRequest: true,
      path,
      size: () => ACTION_OVERHEAD + utf8Length(jsonOf([name ?? null, typeof reference === 'string' ? reference : null, comment ?? null])),
      resolve: (_b, x) => {
        if (typeof name !== 'string' || definedNameProblem(name)) throw invalidArgument(path);
        if (x.model.findName(name)) throw officeError(ErrorCodes.itemAlreadyExists, path);
        const { sheet, rect } = resolveNameReference(reference, x, path);
        return { kind: 'namedItem', item: x.model.addName(name, sheet, rect, comment ?? '') };
      },
    });
  }

  getItem(name: string): NamedItemProxy {
    const path = 'NamedItemCollection.getItem';
    return new NamedItemProxy(this.context, this, {
      instantiate: true,
      path,
      resolve: (_b, x) => {
        const item = typeof name === 'string' ? x.model.findName(name) : undefined;
        if (!item) throw officeError(ErrorCodes.itemNotFound, path);
        return { kind: 'namedItem', item };
      },
    });
  }

  getItemOrNullObject(name: string): NamedItemProxy {
    return new NamedItemProxy(this.context, this, {
      instantiate: true,
      path: 'NamedItemCollection.getItemOrNullObject',
      resolve: (_b, x) => {
        const item = typeof name === 'string' ? x.model.findName(name) : undefined;
        return item ? { kind: 'namedItem', item } : NULL_OBJECT;
      },
    });
  }

  getCount(): ClientResult<number> {
    return this._methodResult('GetCount', [], (_b, x) => x.model.names.length);
  }
}

export class NamedItemProxy extends ClientObjectBase {
  get _className(): string {
    return 'NamedItem';
  }
  get _scalarNames(): readonly string[] {
    return ['name', 'type', 'value', 'formula', 'comment', 'visible', 'scope'];
  }
  _read(name: string, b: Binding): unknown {
    const item = asNamedItem(b, `NamedItem.${name}`);
    switch (name) {
      case 'name':
        return item.name;
      case 'type':
        return item.target ? 'Range' : 'Error';
      case 'value':
        return namedReference(item);
      case 'formula':
        return `=${namedReference(item)}`;
      case 'comment':
        return item.comment;
      case 'visible':
        return item.visible;
      case 'scope':
        return 'Workbook';
      default:
        return undefined;
    }
  }
  get name(): string {
    return this._get('name');
  }
  get type(): string {
    return this._get('type');
  }
  get value(): unknown {
    return this._get('value');
  }
  get comment(): string {
    return this._get('comment');
  }
  get visible(): boolean {
    return this._get('visible');
  }
  get formula(): string {
    return this._get('formula');
  }
  /** Re-points the name (ExcelApi 1.7); formulas using it follow. */
  set formula(value: string) {
    const location = 'NamedItem.formula';
    this._setProperty('formula', value, (b, data, x) => {
      const item = asNamedItem(b, location);
      const { sheet, rect } = resolveNameReference(data, x, location);
      item.sheet = sheet;
      item.rect = rect;
    });
  }

  /** The range the name refers to; InvalidOperation when it refers to nothing (#REF!). */
  getRange(): RangeProxy {
    const path = 'NamedItem.getRange';
    return new RangeProxy(this.context, this, {
      instantiate: true,
      path,
      resolve: (b) => {
        const t = asNamedItem(b, path).target;
        if (!t) throw officeError(ErrorCodes.invalidOperation, path);
        return { kind: 'range', sheet: t.sheet, rect: t.rect };
      },
    });
  }

  getRangeOrNullObject(): RangeProxy {
    const path = 'NamedItem.getRangeOrNullObject';
    return new RangeProxy(this.context, this, {
      instantiate: true,
      path,
      resolve: (b) => {
        const t = asNamedItem(b, path).target;
        return t ? { kind: 'range', sheet: t.sheet, rect: t.rect } : NULL_OBJECT;
      },
    });
  }

  delete(): void {
    this._method('Delete', [], (b, x) => x.model.removeName(asNamedItem(b, 'NamedItem.delete')));
  }
}

// ---- the request context ----------------------------------------------------------------------------

function settle(engine: Engine): Promise<void> {
  const ms = engine.options.latencyMs;
  return ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve();
}

/** Stand-in for `Excel.RequestContext`. */
export class RequestContextImpl implements ContextInternals {
  private _pending: Action[] = [];
  private _workbook?: WorkbookProxy;
  /** Objects are tracked automatically in the stand-in; add/remove exist for Office code. */
  readonly trackedObjects = {
    add: (_o: unknown) => undefined,
    remove: (_o: unknown) => undefined,
  };

  constructor(readonly _engine: Engine) {}

  get workbook(): WorkbookProxy {
    return (this._workbook ??= new WorkbookProxy(this, undefined, { binding: { kind: 'workbook' } }));
  }

  get application(): ApplicationProxy {
    return this.workbook.application;
  }

  _queue(action: Action): void {
    this._pending.push(action);
  }

  /** Actions queued and not yet sent (for tests). */
  get pendingActionCount(): number {
    return this._pending.length;
  }

  /**
   * Sends everything queued as one request. Rejects with the first failing action's error (or a
   * payload-limit / edit-mode error); results reach the proxies when the promise settles.
   */
  async sync<T>(passThroughValue?: T): Promise<T> {
    const actions = this._pending;
    this._pending = [];
    const engine = this._engine;
    if (actions.length === 0) {
      await settle(engine);
      return passThroughValue as T;
    }
    const stats = engine.stats;
    stats.syncs += 1;
    let requestBytes = REQUEST_OVERHEAD;
    for (const a of actions) requestBytes += a.size();
    stats.requestBytes.push(requestBytes);
    stats.maxRequestBytes = Math.max(stats.maxRequestBytes, requestBytes);

    let error: OfficeExtensionError | undefined;
    let deliveries: Array<() => void> = [];
    let responseBytes = 0;
    if (engine.editMode) {
      error = officeError(ErrorCodes.invalidOperationInCellEditMode);
    } else if (requestBytes > engine.options.requestLimitBytes) {
      error = officeError(ErrorCodes.requestPayloadSizeLimitExceeded);
    } else {
      const x = new Exec(engine);
      for (const action of actions) {
        try {
          action.run(x);
        } catch (e) {
          if (!(e instanceof OfficeExtensionError)) throw e;
          error = e;
          break;
        }
      }
      responseBytes = x.responseBytes + REQUEST_OVERHEAD;
      deliveries = x.deliveries;
      if (!error && responseBytes > engine.options.responseLimitBytes) {
        error = officeError(ErrorCodes.responsePayloadSizeLimitExceeded);
        deliveries = [];
      }
    }
    stats.responseBytes.push(responseBytes);
    stats.maxResponseBytes = Math.max(stats.maxResponseBytes, responseBytes);
    for (const a of actions) for (const o of a.owners) if (o._invalidAfterRequest && !o._binding) o._invalid = true;

    await settle(engine);
    for (const d of deliveries) d();
    if (error) {
      stats.failedSyncs += 1;
      stats.errors.push(error.code);
      throw error;
    }
    return passThroughValue as T;
  }
}

export type { ProxyInit };
