/**
 * The request machinery of the stand-in, after Office.js's: proxy objects queue actions on their
 * request context; `context.sync()` sends the queue as ONE request that the "host" (the model)
 * executes in order; results (loaded properties, `isNullObject`) reach the proxies only when the
 * sync promise settles.
 *
 * Office facts reproduced here (from `@microsoft/office-js` excel-web-16.00.debug.js):
 * - creating an object through a method (`getItem`, `getRange`, …) queues its instantiation at
 *   that point of the queue, so `getItem("missing")` fails the next sync even if never used;
 * - a failing action stops the request; actions before it stay applied and their results are
 *   delivered; nothing after it runs;
 * - setting a property stores the value on the proxy too (reading it back needs no load);
 * - objects keep pointing at what they resolved to for the rest of the batch (by id / reference),
 *   and a null object stays null;
 * - a sync with nothing queued sends no request.
 */
import { ErrorCodes, OfficeExtensionError, officeError, propertyNotLoaded } from './errors';
import type { Rect } from './address';
import type { ConditionalFormatModel, NamedItemModel, ShapeModel, SheetModel, TableModel, WorkbookModel } from './model';

// ---- options and statistics ---------------------------------------------------------------------

export const FIVE_MB = 5 * 1024 * 1024;

export interface StandInOptions {
  /** Largest request (queued write data of one sync), bytes. Default 5 MB as Excel on the web. */
  requestLimitBytes?: number;
  /** Largest response (loaded data of one sync), bytes. Default 5 MB. */
  responseLimitBytes?: number;
  /** Largest number of cells one range read may return. Default 5,000,000 (all platforms). */
  maxCellsPerRead?: number;
  /** Largest number of cells one write may touch cell by cell. Default 33,554,000 (Excel's limit). */
  maxCellsPerOperation?: number;
  /** Milliseconds each sync waits before settling, to imitate a round trip (default 0: a microtask). */
  latencyMs?: number;
  /** Starts in cell-edit mode: every sync fails with InvalidOperationInCellEditMode. */
  editMode?: boolean;
  /**
   * Requirement sets the host lacks, e.g. ['ExcelApi 1.6'] for a host without conditional
   * formats: calls that need them fail at sync with ApiNotFound, as on an old Excel.
   */
  unsupportedApis?: string[];
  /**
   * The value `Range.values` reports for a formula the model has no cached result for. The
   * stand-in has no calculation engine; the default reports "#NAME?".
   */
  evaluateFormula?: (formula: string, sheet: SheetModel, row: number, column: number) => string | number | boolean;
}

export interface StandInStats {
  /** Requests sent (syncs that had queued actions, including ones that failed). */
  syncs: number;
  /** `run` calls. */
  runs: number;
  /** Syncs that were rejected. */
  failedSyncs: number;
  /** Request payload of each sync, bytes. */
  requestBytes: number[];
  /** Response payload of each sync, bytes (0 when the request was refused before running). */
  responseBytes: number[];
  maxRequestBytes: number;
  maxResponseBytes: number;
  /** Error codes of failed syncs, in order. */
  errors: string[];
  reset(): void;
}

export function createStats(): StandInStats {
  const stats: StandInStats = {
    syncs: 0,
    runs: 0,
    failedSyncs: 0,
    requestBytes: [],
    responseBytes: [],
    maxRequestBytes: 0,
    maxResponseBytes: 0,
    errors: [],
    reset() {
      stats.syncs = 0;
      stats.runs = 0;
      stats.failedSyncs = 0;
      stats.requestBytes = [];
      stats.responseBytes = [];
      stats.maxRequestBytes = 0;
      stats.maxResponseBytes = 0;
      stats.errors = [];
    },
  };
  return stats;
}

/** What the proxies share: the model, the limits, the counters, the edit-mode switch. */
export class Engine {
  readonly options: Required<Omit<StandInOptions, 'evaluateFormula' | 'editMode'>> & Pick<StandInOptions, 'evaluateFormula'>;
  readonly stats = createStats();
  editMode: boolean;

  constructor(
    readonly model: WorkbookModel,
    options: StandInOptions = {},
  ) {
    this.options = {
      requestLimitBytes: options.requestLimitBytes ?? FIVE_MB,
      responseLimitBytes: options.responseLimitBytes ?? FIVE_MB,
      maxCellsPerRead: options.maxCellsPerRead ?? 5_000_000,
      maxCellsPerOperation: options.maxCellsPerOperation ?? 33_554_000,
      latencyMs: options.latencyMs ?? 0,
      evaluateFormula: options.evaluateFormula,
      unsupportedApis: options.unsupportedApis ?? [],
    };
    this.editMode = options.editMode ?? false;
  }
}

// ---- payload sizes ------------------------------------------------------------------------------

/** UTF-8 byte length of a string (what goes over the wire). */
export function utf8Length(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) continue;
    if (c < 0x800) n += 1;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 2; // surrogate pair: 2 code units, 4 bytes
      i++;
    } else n += 2;
  }
  return n;
}

/** JSON of a value as Office.js would serialise it (undefined → "null"). */
export function jsonOf(value: unknown): string {
  return JSON.stringify(value) ?? 'null';
}

/**
 * utf8Length(jsonOf(value)) without building the JSON text: the stand-in weighs every response
 * to enforce Excel on the web's 5 MB limit, and making a ~400 KB string per chunk just to count
 * its bytes cost the (shared) page thread the allocation and a large-object collection per read
 * chunk. Follows JSON.stringify: toJSON, `null` for non-finite numbers and for undefined /
 * functions in arrays, such members left out of objects, escapes (\", \\, \n…, \u00XX,
 * lone surrogates as \uXXXX). Anything unusual (boxed primitives, bigint) is stringified.
 */
export function jsonBytes(value: unknown): number {
  return jsonValueBytes(value, '') ?? 4;
}

function jsonStringBytes(s: string): number {
  let n = 2;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += c === 0x22 || c === 0x5c || c === 0x08 || c === 0x0c || c === 0x0a || c === 0x0d || c === 0x09 ? 2 : c < 0x20 ? 6 : 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n += 4;
        i++;
      } else n += 6;
    } else if (c >= 0xdc00 && c <= 0xdfff) n += 6;
    else n += 3;
  }
  return n;
}

/** Bytes of `value` as a member or element (undefined: left out of an object, `null` in an array). */
function jsonValueBytes(value: unknown, key: string): number | undefined {
  let v = value;
  if (v !== null && (typeof v === 'object' || typeof v === 'bigint') && typeof (v as { toJSON?: unknown }).toJSON === 'function') v = (v as { toJSON: (k: string) => unknown }).toJSON(key);
  switch (typeof v) {
    case 'string':
      return jsonStringBytes(v);
    case 'number':
      return Number.isFinite(v) ? String(v).length : 4;
    case 'boolean':
      return v ? 4 : 5;
    case 'undefined':
    case 'function':
    case 'symbol':
      return undefined;
    case 'object': {
      if (v === null) return 4;
      if (Array.isArray(v)) {
        let n = 2 + Math.max(0, v.length - 1);
        for (let i = 0; i < v.length; i++) n += jsonValueBytes(v[i], String(i)) ?? 4;
        return n;
      }
      if (v instanceof Number || v instanceof String || v instanceof Boolean) return utf8Length(JSON.stringify(v));
      let n = 2;
      let members = 0;
      for (const k of Object.keys(v)) {
        const b = jsonValueBytes((v as Record<string, unknown>)[k], k);
        if (b === undefined) continue;
        n += jsonStringBytes(k) + 1 + b;
        members++;
      }
      return n + Math.max(0, members - 1);
    }
    default:
      return utf8Length(jsonOf(v));
  }
}

/** Fixed bytes for the envelope of a request, of one action, and of one action result. */
export const REQUEST_OVERHEAD = 120;
export const ACTION_OVERHEAD = 80;
export const RESULT_OVERHEAD = 40;

// ---- bindings: what a proxy points at inside the model ------------------------------------------

export type Binding =
  | { kind: 'workbook' }
  | { kind: 'null' }
  | { kind: 'sheet'; sheet: SheetModel }
  | { kind: 'range'; sheet: SheetModel; rect: Rect }
  | { kind: 'table'; table: TableModel }
  | { kind: 'column'; table: TableModel; id: number }
  | { kind: 'setting'; key: string }
  | { kind: 'shape'; shape: ShapeModel }
  | { kind: 'conditionalFormat'; cf: ConditionalFormatModel; scope?: Rect }
  | { kind: 'sheetProperty'; sheet: SheetModel; key: string }
  | { kind: 'namedItem'; item: NamedItemModel };

export const WORKBOOK: Binding = { kind: 'workbook' };
export const NULL_OBJECT: Binding = { kind: 'null' };

// ---- load options -------------------------------------------------------------------------------

/** A parsed `load()` argument: scalar names, navigation properties with their own selection. */
export interface Selection {
  all: boolean;
  props: Set<string>;
  nav: Map<string, Selection>;
}

function emptySelection(all: boolean): Selection {
  return { all, props: new Set(), nav: new Map() };
}

function addPath(sel: Selection, path: string): void {
  const parts = path
    .split('/')
    .map((p) => p.trim())
    .filter(Boolean);
  if (parts.length === 0) return;
  let cur = sel;
  for (let i = 0; i < parts.length - 1; i++) {
    let next = cur.nav.get(parts[i]);
    if (!next) {
      next = emptySelection(false);
      cur.nav.set(parts[i], next);
    }
    cur = next;
  }
  cur.props.add(parts[parts.length - 1]);
}

function addStrict(sel: Selection, obj: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(obj)) {
    if (value === true) sel.props.add(key);
    else if (value && typeof value === 'object') {
      const sub = emptySelection(false);
      addStrict(sub, value as Record<string, unknown>);
      sel.nav.set(key, sub);
    } else if (value !== false && value !== undefined) {
      throw new OfficeExtensionError({ code: ErrorCodes.invalidArgument, message: `The argument '${key}' doesn't work for this situation, is missing, or isn't in the right format.` });
    }
  }
}

/** Parses 'a, b/c', ['a', 'b'], { select, expand } and { a: true, b: { c: true } }. */
export function parseLoadOption(option: unknown): Selection {
  if (option === undefined || option === null) return emptySelection(true);
  if (typeof option === 'string') {
    if (option.trim() === '') return emptySelection(true);
    const sel = emptySelection(false);
    for (const p of option.split(',')) addPath(sel, p);
    return sel;
  }
  if (Array.isArray(option)) {
    const sel = emptySelection(false);
    for (const p of option) addPath(sel, String(p));
    return sel;
  }
  if (typeof option === 'object') {
    const o = option as Record<string, unknown>;
    if ('select' in o || 'expand' in o || 'top' in o || 'skip' in o) {
      const sel = o.select === undefined ? emptySelection(true) : parseLoadOption(o.select);
      const expand = o.expand === undefined ? [] : typeof o.expand === 'string' ? o.expand.split(',') : (o.expand as unknown[]).map(String);
      for (const e of expand) {
        const name = e.trim();
        if (name && !sel.nav.has(name)) sel.nav.set(name, emptySelection(true));
      }
      return sel;
    }
    const sel = emptySelection(false);
    addStrict(sel, o);
    return sel;
  }
  throw officeError(ErrorCodes.invalidArgument, 'load');
}

// ---- the request context seen by proxies ---------------------------------------------------------

export interface ContextInternals {
  readonly _engine: Engine;
  _queue(action: Action): void;
}

/** One queued action. `size` is called once before `run`. */
export interface Action {
  readonly owners: ClientObjectBase[];
  size(): number;
  run(x: Exec): void;
}

/** Execution state of one request. */
export class Exec {
  readonly deliveries: Array<() => void> = [];
  responseBytes = 0;
  constructor(readonly engine: Engine) {}

  get model(): WorkbookModel {
    return this.engine.model;
  }

  /** Resolves a proxy to what it points at, instantiating it (and its parents) if needed. */
  bind(obj: ClientObjectBase): Binding {
    if (obj._binding) {
      obj._checkAlive(obj._binding);
      return obj._binding;
    }
    if (obj._invalid) throw obj._invalidPathError();
    const parent = obj._parent ? this.bind(obj._parent) : WORKBOOK;
    const b = parent.kind === 'null' ? NULL_OBJECT : obj._resolve(parent, this);
    obj._binding = b;
    return b;
  }

  deliver(fn: () => void): void {
    this.deliveries.push(fn);
  }

  respond(bytes: number): void {
    this.responseBytes += bytes;
  }
}

// ---- proxies ------------------------------------------------------------------------------------

/** How a proxy finds its target, given its parent's binding. May throw an Office error. */
export type Resolver = (parent: Binding, x: Exec) => Binding;

export interface ProxyInit {
  /** How to resolve from the parent; absent for navigation objects that share the parent's target. */
  resolve?: Resolver;
  /** Queue an instantiation now (objects made by methods do; navigation properties don't). */
  instantiate?: boolean;
  /** Like objects returned by `add()`: unusable after a request that did not create them. */
  invalidAfterRequest?: boolean;
  /** Already bound (collection items built from a load result). */
  binding?: Binding;
  /** "Worksheet.getRange" etc., for error locations. */
  path?: string;
  /** Request bytes of the instantiation (methods such as `add` carry arguments). */
  size?: () => number;
}

/** Base of every proxy: loaded/set property values, `isNullObject`, `load`, action queueing. */
export abstract class ClientObjectBase {
  _binding: Binding | undefined;
  _invalid = false;
  readonly _invalidAfterRequest: boolean;
  _isNull: boolean | undefined;
  readonly _props = new Map<string, unknown>();
  readonly _path: string;
  private readonly _resolver: Resolver | undefined;

  /** Class name as Office reports it in error locations ("Range", "Worksheet", …). */
  abstract get _className(): string;
  /** Scalar properties `load()` without arguments loads. */
  abstract get _scalarNames(): readonly string[];
  /** Navigation properties (child proxies) by name. */
  _navigation(_name: string): ClientObjectBase | undefined {
    return undefined;
  }
  /** Reads a scalar property from the model at execution time. */
  abstract _read(name: string, b: Binding, x: Exec): unknown;

  constructor(
    readonly context: ContextInternals,
    readonly _parent: ClientObjectBase | undefined,
    init: ProxyInit = {},
  ) {
    this._resolver = init.resolve;
    this._invalidAfterRequest = init.invalidAfterRequest ?? false;
    // subclasses define _className as a prototype getter, so it is readable here
    this._path = init.path ?? (Object.getPrototypeOf(this) as { _className: string })._className;
    if (init.binding) {
      this._binding = init.binding;
      this._isNull = init.binding.kind === 'null';
    }
    if (init.instantiate) {
      this._assertUsable();
      const size = init.size;
      context._queue({
        owners: [this],
        size: () => (size ? size() : ACTION_OVERHEAD),
        run: (x) => {
          const b = x.bind(this);
          x.respond(RESULT_OVERHEAD);
          x.deliver(() => {
            this._isNull = b.kind === 'null';
          });
        },
      });
    }
  }

  /** Resolution from the parent's binding; navigation objects share their parent's. */
  _resolve(parent: Binding, x: Exec): Binding {
    return this._resolver ? this._resolver(parent, x) : parent;
  }

  /** Throws ItemNotFound when the target was deleted since the proxy resolved. */
  _checkAlive(b: Binding): void {
    if ((b.kind === 'sheet' || b.kind === 'range') && b.sheet.deleted) throw officeError(ErrorCodes.itemNotFound, this._path);
    if ((b.kind === 'table' || b.kind === 'column') && b.table.deleted) throw officeError(ErrorCodes.itemNotFound, this._path);
    if (b.kind === 'column' && b.table.columnIndexOf(b.id) < 0) throw officeError(ErrorCodes.itemNotFound, this._path);
    if (b.kind === 'shape' && (b.shape.deleted || b.shape.sheet.deleted)) throw officeError(ErrorCodes.itemNotFound, this._path);
    if (b.kind === 'conditionalFormat' && (b.cf.deleted || b.cf.sheet.deleted)) throw officeError(ErrorCodes.itemNotFound, this._path);
  }

  _invalidPathError(): OfficeExtensionError {
    return new OfficeExtensionError({
      code: ErrorCodes.invalidObjectPath,
      message: `The object path '${this._path}' isn't working for what you're trying to do. If you're using the object across multiple "context.sync" calls and outside the sequential execution of a ".run" batch, please use the "context.trackedObjects.add()" and "context.trackedObjects.remove()" methods to manage the object's lifetime.`,
      errorLocation: this._path,
    });
  }

  _assertUsable(): void {
    if (this._invalid) throw this._invalidPathError();
    this._parent?._assertUsable();
  }

  /** True when the object does not exist. Readable after a sync that instantiated or loaded it. */
  get isNullObject(): boolean {
    if (this._isNull === undefined) throw propertyNotLoaded(this._className, 'isNullObject');
    return this._isNull;
  }

  /** Reads a loaded (or locally set) property; throws PropertyNotLoaded like Office. */
  protected _get<T>(name: string): T {
    if (this._props.has(name)) return this._props.get(name) as T;
    if (this._isNull) return undefined as T;
    throw propertyNotLoaded(this._className, name);
  }

  /**
   * Queues a property write. The value is kept on the proxy at once (as Office.js does) and
   * serialised to JSON at sync, so NaN becomes null (a null cell is left unchanged).
   */
  protected _setProperty(name: string, value: unknown, apply: (b: Binding, data: unknown, x: Exec) => void): void {
    this._assertUsable();
    this._props.set(name, value);
    let json = '';
    this.context._queue({
      owners: [this],
      size: () => {
        json = jsonOf(value);
        return ACTION_OVERHEAD + name.length + utf8Length(json);
      },
      run: (x) => {
        const b = x.bind(this);
        if (b.kind === 'null') return;
        apply(b, JSON.parse(json), x);
      },
    });
  }

  /** Queues a method call with no result. */
  protected _method(name: string, args: unknown[], apply: (b: Binding, x: Exec) => void, others: ClientObjectBase[] = []): void {
    this._assertUsable();
    for (const o of others) o._assertUsable();
    this.context._queue({
      owners: [this, ...others],
      size: () => ACTION_OVERHEAD + name.length + utf8Length(jsonOf(args)),
      run: (x) => {
        const b = x.bind(this);
        if (b.kind === 'null') return;
        apply(b, x);
        x.respond(RESULT_OVERHEAD);
      },
    });
  }

  /** Queues a method call whose result arrives in a ClientResult after sync. */
  protected _methodResult<T>(name: string, args: unknown[], compute: (b: Binding, x: Exec) => T): ClientResult<T> {
    this._assertUsable();
    const result = new ClientResult<T>();
    this.context._queue({
      owners: [this],
      size: () => ACTION_OVERHEAD + name.length + utf8Length(jsonOf(args)),
      run: (x) => {
        const b = x.bind(this);
        const value = b.kind === 'null' ? (null as T) : compute(b, x);
        x.respond(RESULT_OVERHEAD + jsonBytes(value));
        x.deliver(() => result._set(value));
      },
    });
    return result;
  }

  /** Queues loading of scalar and navigation properties. */
  load(option?: unknown): this {
    this._assertUsable();
    const sel = parseLoadOption(option);
    this.context._queue({
      owners: [this],
      size: () => ACTION_OVERHEAD + utf8Length(jsonOf(option ?? null)),
      run: (x) => {
        const snap = this._snapshot(sel, x);
        x.respond(RESULT_OVERHEAD + jsonBytes(snap.json));
        x.deliver(snap.apply);
      },
    });
    return this;
  }

  /** Reads the selected properties now; returns their JSON and how to hand them to the proxies. */
  _snapshot(sel: Selection, x: Exec): { json: unknown; apply: () => void } {
    const b = x.bind(this);
    if (b.kind === 'null') {
      return { json: null, apply: () => (this._isNull = true) };
    }
    const json: Record<string, unknown> = {};
    const values: Array<[string, unknown]> = [];
    const children: Array<() => void> = [];
    const names = sel.all ? [...this._scalarNames] : [...sel.props];
    for (const name of names) {
      const nav = this._navigation(name);
      if (nav) {
        const s = nav._snapshot({ all: true, props: new Set(), nav: new Map() }, x);
        json[name] = s.json;
        children.push(s.apply);
        continue;
      }
      if (!this._scalarNames.includes(name)) {
        throw new OfficeExtensionError({
          code: ErrorCodes.invalidArgument,
          message: `The property '${name}' does not exist on ${this._className}.`,
          errorLocation: `${this._className}.load`,
        });
      }
      const v = this._read(name, b, x);
      json[name] = v;
      values.push([name, v]);
    }
    for (const [name, sub] of sel.nav) {
      const nav = this._navigation(name);
      if (!nav) {
        throw new OfficeExtensionError({
          code: ErrorCodes.invalidArgument,
          message: `The property '${name}' does not exist on ${this._className}.`,
          errorLocation: `${this._className}.load`,
        });
      }
      const s = nav._snapshot(sub, x);
      json[name] = s.json;
      children.push(s.apply);
    }
    return {
      json,
      apply: () => {
        this._isNull = false;
        for (const [k, v] of values) this._props.set(k, v);
        for (const c of children) c();
      },
    };
  }

  /** Loaded values as a plain object (like Office's `toJSON`). */
  toJSON(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const [k, v] of this._props) out[k] = v;
    return out;
  }

  /** Tracking is automatic in the stand-in: these exist so code written for Office runs. */
  track(): this {
    return this;
  }

  untrack(): this {
    return this;
  }
}

/** Stand-in for `OfficeExtension.ClientResult<T>`: `value` is readable after the sync. */
export class ClientResult<T> {
  private _has = false;
  private _value: T | undefined;

  _set(v: T): void {
    this._value = v;
    this._has = true;
  }

  get value(): T {
    if (!this._has) throw officeError(ErrorCodes.valueNotLoaded, 'ClientResult.value');
    return this._value as T;
  }
}
