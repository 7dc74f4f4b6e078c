import { CellValue, cellAddress, columnLetter, isBlank, isExcelError, showCell } from './cells';
import { clientDisplay } from './clientKey';
import { inferNumberLocale, NumberLocale, parseMoney, plainNumber } from './parseMoney';
import { addMonthsKeepEnd, DateOrder, dayToIso, inferDateOrder, monthIndex, parseDate } from './parseDate';
import { TableDetection } from './table';
import { Message, MessageError, msg, renderMessage } from './messages';

/**
 * From table rows to per-client figures for a review window.
 *
 * Transactions: the window is (asOf − N months, asOf], asOf defaulting to the latest date in
 * the log, so "the last 6 months" means exactly that. Orders are the distinct order/invoice
 * numbers when there is such a column, else the rows with a positive amount. Client names are
 * matched after trimming, collapsing spaces and ignoring case; merged spellings are reported.
 * Unreadable cells are reported by address (up to `maxIssues`, all counted) and left out.
 */
export interface ClientAgg {
  key: string;
  name: string;
  /** The client as in its first source cell: a number stays a number (a written id then still matches VLOOKUP). */
  id?: string | number;
  /** The measure (revenue or margin) over the window. */
  total: number;
  revenue: number;
  orders: number;
  lastDay: number | null;
  /** Zero-based sheet rows of this client (client-per-row shapes only). */
  rows: number[];
  previousTier?: string;
  previousStatus?: string;
  reviewsBelow?: number;
  manager?: string;
  email?: string;
  contact?: string;
  /** Amount per month index (year*12+month-1), when asked for. */
  periods?: Map<number, number>;
  /**
   * With `periods`: the month index of the client's first sale in the whole sheet up to the
   * review's end — also before the window (a log's first dated row of the client; a monthly
   * sheet's first month column with a non-zero amount). XYZ counts periods from here.
   */
  firstMonth?: number;
}

/**
 * A cell left out: where, what it held, and why — as a message (`code`, `params`) to render in
 * the user's language with `renderMessage(issue, lang)`; `problem` is the English text.
 */
export type CellIssue = {
  row: number;
  col: number;
  address: string;
  value: string;
  problem: string;
} & Message;

export interface DuplicateReport {
  name: string;
  spellings: string[];
  rows: number;
}

export interface ReviewWindow {
  fromDay: number;
  toDay: number;
  from: string;
  to: string;
  months: number | 'all';
}

export interface Aggregation {
  shape: TableDetection['shape'];
  clients: ClientAgg[];
  issues: CellIssue[];
  issueCount: number;
  duplicates: DuplicateReport[];
  window: ReviewWindow | null;
  rowsRead: number;
  rowsUsed: number;
  rowsOutsideWindow: number;
  numberLocale?: NumberLocale;
  dateOrder?: DateOrder;
  measure: 'revenue' | 'margin';
}

export interface AggregateOptions {
  measure?: 'revenue' | 'margin';
  /** Day number of the review end; default: latest date in the data. */
  asOfDay?: number;
  windowMonths?: number | 'all';
  numberLocale?: NumberLocale;
  dateOrder?: DateOrder;
  /** Keep per-month amounts per client (for XYZ and the dashboard). */
  periods?: boolean;
  maxIssues?: number;
}

/** Text cells looked at to tell `1,5` (ru) from `1.5` (en), and `03/04` day-first or month-first. */
const NUMBER_SAMPLE = 5000;
const DATE_SAMPLE = 20000;

const NO_ROWS: number[] = Object.freeze([]) as unknown as number[];

/**
 * A subtotal or total row by its wording, in either language: a client cell that starts with
 * "Итого", "Итог", "Всего", "Общий итог", "Subtotal", "Grand total", "Totals" (then anything:
 * "Итого по менеджеру Иванов", "Всего по клиентам"), or with "Total" / "Sum" alone, before a
 * colon or dash, or before "for/of/by/in/per…" ("Total for region North") — so a client named
 * "Total Oil LLC" stays a client.
 */
const TOTAL_WORD = /^(?:итого|итог|всего|общий\s+итог|общая\s+сумма|subtotal|sub-total|sub\s+total|grand\s+total|totals)(?![\p{L}\p{N}])/iu;
const TOTAL_EN = /^(?:total|sum)(?:\s*$|\s*[:.\-–—(]|\s+(?:for|of|by|in|per|all|sales|revenue|amount)(?![\p{L}\p{N}]))/iu;

/** First letters of those words, lower-cased (`| 0x20` lower-cases Latin and basic Cyrillic). */
const TOTAL_FIRST = new Set([0x74 /* t */, 0x73 /* s */, 0x67 /* g */, 0x438 /* и */, 0x432 /* в */, 0x43e /* о */]);

/** Is this client cell the label of a subtotal/total row? A first-letter test before any regex. */
export function isTotalLabel(raw: CellValue): boolean {
  if (typeof raw !== 'string' || raw.length < 3) return false;
  let c = raw.charCodeAt(0);
  if (c <= 0x20 || c === 0xa0 || (c >= 0x2000 && c <= 0x3000)) {
    const t = raw.trim();
    if (t.length < 3) return false;
    raw = t;
    c = t.charCodeAt(0);
  }
  if (!TOTAL_FIRST.has(c | 0x20)) return false;
  const t = raw.trim();
  return TOTAL_WORD.test(t) || TOTAL_EN.test(t);
}

/**
 * Subtotal rows by structure, for one-row-per-client tables: a row whose amount equals the sum
 * of the (at least two) rows above it since the last subtotal, or of all rows so far (a grand
 * total). One such row can be a coincidence (100, 200, 300), so they count only as a pattern —
 * two or more — or as the last row of the table summing at least three rows. O(n), one pass.
 * `amount(r)` is the row's amount (undefined: none); `isLabelled(r)`: a worded total (resets
 * the running sum). Returns row → how many rows it sums.
 */
export function structuralSubtotals(from: number, to: number, amount: (r: number) => number | undefined, isLabelled: (r: number) => boolean): Map<number, number> {
  const found = new Map<number, number>();
  let run = 0;
  let k = 0;
  let all = 0;
  let kAll = 0;
  let subSum = 0;
  let lastAmountRow = -1;
  const same = (a: number, b: number) => Math.abs(a - b) <= 0.005 + 1e-9 * Math.abs(b);
  for (let r = from; r < to; r++) {
    const a = amount(r);
    if (a === undefined) continue;
    lastAmountRow = r;
    if (isLabelled(r)) {
      run = 0;
      k = 0;
      continue;
    }
    if (Math.abs(a) > 0.005 && ((k >= 2 && same(a, run)) || (kAll >= 2 && same(a, all)) || (found.size >= 2 && same(a, subSum)))) {
      found.set(r, k >= 2 && same(a, run) ? k : kAll);
      subSum += a;
      run = 0;
      k = 0;
      continue;
    }
    // zero amounts add nothing and prove nothing: they do not count as rows summed
    if (a === 0) continue;
    run += a;
    k++;
    all += a;
    kAll++;
  }
  if (found.size === 1) {
    const [[row, rows]] = [...found];
    if (row !== lastAmountRow || rows < 3) found.clear();
  }
  return found;
}

/**
 * A client's accumulator is its output object (no copy at the end); what only the loop needs
 * lives beside it by index (other spellings of the name).
 */
type Acc = ClientAgg;

/** An Excel error (`#N/A`, Russian `#Н/Д`, …) or error-like `#NAME` text where a name should be. */
function isErrorText(c: string): boolean {
  const t = c.trim();
  return t.charCodeAt(0) === 35 && (isExcelError(t) || /^#[A-Z/0-9!?_]+$/.test(t));
}

/**
 * A value worked out on first use: `given` when the caller supplied it, else `work()` once.
 * `known()` is the value if it was worked out (or given), without working it out.
 */
function once<T>(given: T | undefined, work: () => T | undefined): (() => T | undefined) & { known: () => T | undefined } {
  let done = given !== undefined;
  let value = given;
  const get = () => {
    if (!done) {
      value = work();
      done = true;
    }
    return value;
  };
  return Object.assign(get, { known: () => value });
}

/**
 * The text cells of a column, at most `limit` of them, for the locale and date-order guesses
 * (numbers say nothing about either; a plain loop, since a full column is a million cells).
 */
function textSample(grid: ReadonlyArray<ReadonlyArray<CellValue>>, col: number, from: number, to: number, limit: number): string[] {
  const out: string[] = [];
  for (let r = from; r < to && out.length < limit; r++) {
    const v = grid[r]?.[col];
    if (typeof v === 'string') out.push(v);
  }
  return out;
}

/**
 * The first `limit` text cells of a data column, in row order: what the number-locale and
 * date-order guesses look at. The grid path reads them from the grid; a streamed read from the
 * rows it has read ahead.
 */
export type ColumnSample = (col: number, limit: number) => string[];

/** A row of cells by column index (a grid row, or a streamed row's needed columns). */
export type RowCells = ArrayLike<CellValue>;

/**
 * A string kept as a key (a client's raw cell, an order id) as its own copy: a streamed read's
 * cells are slices of a megabyte of text, and V8 keeps the whole piece alive behind a slice of 13
 * or more characters — a million clients would hold the whole file.
 */
function detach(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}

/** Where issues go: a list capped at `cap`, in the order they are found. */
type IssueList = CellIssue[];

/**
 * What both shapes share: the client list (by raw cell and by key, merged spellings), the issues
 * (capped, all counted), amounts read with the column's number locale, and the checks at the end.
 */
class ClientBook {
  readonly measure: 'revenue' | 'margin';
  readonly maxIssues: number;
  readonly measureCol: number | undefined;
  readonly revenueCol: number | undefined;
  readonly clientCol: number;
  readonly monthColSet: Set<number>;
  sink: IssueList = [];
  issueCount = 0;
  readonly localeNow: ReturnType<typeof once<NumberLocale>>;
  readonly dateOrderNow: ReturnType<typeof once<DateOrder>>;
  readonly byText = new Map<string, number>();
  readonly byNumber = new Map<number, number>();
  readonly byKey = new Map<string, number>();
  readonly list: Acc[] = [];
  readonly spellings = new Map<number, Set<string>>();
  // amounts read, and amounts that read two ways ("1,234" with nothing to decide the locale)
  amountsRead = 0;
  ambiguous = 0;
  firstAmbiguous: { col: number; text: string; a: number; b: number } | undefined;
  // amounts that are no number at all (text, errors): when nothing else was read, the total is not 0 but unknown
  unreadable = 0;
  firstUnreadable = -1;

  constructor(
    readonly table: TableDetection,
    readonly options: AggregateOptions,
    sample: ColumnSample,
  ) {
    this.measure = options.measure ?? 'revenue';
    this.maxIssues = options.maxIssues ?? 200;
    const columns = table.columns;
    this.clientCol = columns.client!.index;
    this.measureCol = this.measure === 'margin' ? columns.margin?.index : columns.amount?.index;
    if (this.measure === 'margin' && this.measureCol === undefined) throw new MessageError(msg('aggregate.noMarginColumn'));
    this.revenueCol = columns.amount?.index;
    this.monthColSet = new Set(table.shape === 'monthly' ? table.monthColumns.map((m) => m.index) : []);
    // The number locale comes from the measure column's text cells, the date order from the date
    // column's, each looked up when the first text that needs it turns up (a column of numbers or
    // date serials has nothing to decide, and costs no pass of its own).
    const localeCol = this.measureCol ?? table.monthColumns[0]?.index ?? this.clientCol;
    this.localeNow = once(options.numberLocale, () => inferNumberLocale(sample(localeCol, NUMBER_SAMPLE)));
    this.dateOrderNow = once(options.dateOrder, () => (columns.date ? inferDateOrder(sample(columns.date.index, DATE_SAMPLE)) : undefined));
  }

  report(row: number, col: number, v: CellValue, problem: Message, to: IssueList = this.sink): void {
    this.issueCount++;
    if (to.length < this.maxIssues) to.push({ row, col, address: cellAddress(row, col), value: showCell(v), problem: renderMessage(problem, 'en'), ...problem });
  }

  create(raw: string | number, rowsOf: () => number[]): number {
    const text = typeof raw === 'number' ? String(raw) : raw;
    const display = detach(clientDisplay(text));
    const key = detach(display.toLowerCase()); // = clientKey(text), with one clean-up pass instead of two
    let index = this.byKey.get(key);
    if (index === undefined) {
      index = this.list.length;
      // every field set up front: one hidden class for all clients keeps the hot loop monomorphic
      this.list.push({
        key,
        name: display,
        id: typeof raw === 'number' ? raw : display,
        total: 0,
        revenue: 0,
        orders: 0,
        lastDay: null,
        rows: rowsOf(),
        periods: undefined,
        firstMonth: undefined,
        previousTier: undefined,
        previousStatus: undefined,
        reviewsBelow: undefined,
        manager: undefined,
        email: undefined,
        contact: undefined,
      });
      this.byKey.set(key, index);
    } else if (display !== this.list[index].name) {
      let set = this.spellings.get(index);
      if (!set) this.spellings.set(index, (set = new Set([this.list[index].name])));
      set.add(display);
    }
    if (typeof raw === 'number') this.byNumber.set(raw, index);
    else this.byText.set(detach(raw), index);
    return index;
  }

  /** The client index of a raw cell (existing), or -1. */
  find(raw: string | number): number {
    return (typeof raw === 'number' ? this.byNumber.get(raw) : this.byText.get(raw)) ?? -1;
  }

  private unread(col: number): void {
    if (col === this.measureCol || this.monthColSet.has(col)) {
      if (this.unreadable++ === 0) this.firstUnreadable = col;
    }
  }

  /** An amount cell as a number, or undefined with the problem reported (and counted for the checks at the end). */
  num(row: number, col: number, v: CellValue): number | undefined {
    if (typeof v === 'number') {
      if (Number.isFinite(v)) return v;
      this.unread(col);
      this.report(row, col, v, msg('cell.notFinite'));
      return undefined;
    }
    const p = parseMoney(v, this.localeNow());
    switch (p.kind) {
      case 'number':
        return p.value;
      case 'blank':
        return undefined;
      case 'error':
        this.unread(col);
        this.report(row, col, v, msg('cell.excelError', { code: p.code }));
        return undefined;
      case 'ambiguous':
        if (col === this.measureCol || this.monthColSet.has(col)) {
          if (this.ambiguous++ === 0) this.firstAmbiguous = { col, text: p.text, a: p.candidates[0], b: p.candidates[1] };
        }
        this.report(row, col, v, msg('cell.ambiguousNumber', { a: p.candidates[0], b: p.candidates[1] }));
        return undefined;
      default:
        this.unread(col);
        this.report(row, col, v, msg('cell.notNumber'));
        return undefined;
    }
  }

  /** An amount cell's number when it reads as one (no report): a finite number or parseMoney's `number`. */
  amountOf(v: CellValue): number | undefined {
    if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
    if (typeof v === 'string') {
      const f = plainNumber(v, this.localeNow());
      if (f !== undefined) return f;
    }
    const p = parseMoney(v, this.localeNow());
    return p.kind === 'number' ? p.value : undefined;
  }

  /** The checks at the end and the result. */
  result(extra: Pick<Aggregation, 'window' | 'rowsRead' | 'rowsUsed' | 'rowsOutsideWindow' | 'issues'>): Aggregation {
    const { table } = this;
    // most amounts (over half) read two ways and nothing decides: ask, never finish on a total that skipped them
    if (this.firstAmbiguous && this.ambiguous > this.amountsRead) {
      const col = this.firstAmbiguous.col;
      throw new MessageError(
        msg('aggregate.ambiguousNumbers', { column: columnLetter(col), header: table.headers[col] ?? '', count: this.ambiguous, example: this.firstAmbiguous.text.trim(), a: this.firstAmbiguous.a, b: this.firstAmbiguous.b }),
      );
    }
    if (this.amountsRead === 0 && this.unreadable > 0) {
      throw new MessageError(msg('aggregate.noAmountsRead', { column: columnLetter(this.firstUnreadable), header: table.headers[this.firstUnreadable] ?? '', count: this.unreadable }));
    }
    const duplicates: DuplicateReport[] = [];
    for (let i = 0; i < this.list.length; i++) {
      const acc = this.list[i];
      const other = this.spellings.get(i);
      if (other || acc.rows.length > 1) duplicates.push({ name: acc.name, spellings: other ? [...other] : [acc.name], rows: acc.rows.length });
    }
    const clients: ClientAgg[] = this.list;
    return {
      shape: table.shape,
      clients,
      issues: extra.issues,
      issueCount: this.issueCount,
      duplicates,
      window: extra.window,
      rowsRead: extra.rowsRead,
      rowsUsed: extra.rowsUsed,
      rowsOutsideWindow: extra.rowsOutsideWindow,
      numberLocale: this.localeNow(),
      dateOrder: this.dateOrderNow.known(),
      measure: this.measure,
    };
  }
}

const textOf = (v: CellValue) => (isBlank(v) ? undefined : v instanceof Date ? dayToIso(Math.floor(v.getTime() / 86400000)) : String(v).trim());

/** Date-cache marks for a blank cell and for a cell that is no date (text, error). */
const BLANK_DAY = -1e9;
const BAD_DAY = -2e9;

/** A growable column of numbers (the rows a log holds back until its window is known). */
class Column<T extends Int32Array | Float64Array> {
  constructor(public a: T) {}
  grow(n: number): void {
    if (n <= this.a.length) return;
    const b = new (this.a.constructor as new (n: number) => T)(Math.max(n, this.a.length * 2));
    b.set(this.a);
    this.a = b;
  }
}

/**
 * A transaction log, one row at a time: the grid path and the command line's streamed CSV feed
 * the same `add(row, cells)`; `finish(endRow)` gives the aggregation.
 *
 * The window is (asOf − N months, asOf]. When asOf is not given (the latest date in the log) the
 * window is known only at the end: rows that may fall inside are held back as numbers (client,
 * day, amount, order — about 20 bytes a row, the cells themselves are not kept) and added in
 * row order at the end; rows that can no longer fall inside (on or before N months before the
 * latest date so far) are counted out as the latest date moves, so a long log sorted by date
 * holds back only about the window's rows. Issues come out in the order of the two passes the
 * grid path used to make: all date problems first, then the rest by row.
 */
export class LogAccumulator {
  private readonly book: ClientBook;
  private readonly dateCol: number;
  private readonly orderCol: number | undefined;
  private readonly managerCol: number | undefined;
  private readonly separateRevenue: boolean;
  private readonly months: number | 'all';
  /** The window is known from the start (an as-of date, or all time). */
  private readonly known: boolean;
  private asOf: number;
  private fromDay: number;
  private maxDay = -Infinity;
  private readonly dateCache = new Map<string, number>();
  private prevRaw: CellValue = undefined;
  private prevIndex = -1;
  // order ids by their trimmed text; the first client each was counted for; the (client, order)
  // pairs counted again for an id that several clients share (rare)
  private readonly orderIds = new Map<string, number>();
  private orderOwner = new Column(new Int32Array(1024));
  private readonly sharedOrders = new Set<string>();
  private prevOrderRaw: CellValue = undefined;
  private prevOrderId = -1;
  private prevCountedOrder = -1;
  private prevCountedClient = -1;
  private rowsUsed = 0;
  private rowsOutsideWindow = 0;
  /** each client's first dated row up to the review's end (by client index), for XYZ */
  private readonly firstDays: number[] | null;
  // issues: dates (the first pass of the grid path), the rest by row, and those of rows held back
  private readonly dateIssues: IssueList = [];
  private readonly rowIssues: IssueList = [];
  private readonly heldIssues: IssueList = [];
  // rows held back until the window is known
  private held = 0;
  private hClient = new Column(new Int32Array(4096));
  private hDay = new Column(new Int32Array(4096));
  private hAmount = new Column(new Float64Array(4096));
  private hRevenue = new Column(new Float64Array(4096));
  private hOrder = new Column(new Int32Array(4096));
  /** Held rows whose amount (or revenue) did not read as a number: position, row and cells, reported if the row falls inside. */
  private hProblems: Array<{ at: number; row: number; v: CellValue; rv: CellValue }> = [];
  private nextCompact = 4096;
  /** last manager per raw client cell (row, text) */
  private readonly managers = new Map<string | number, { row: number; text: string }>();
  /** Date cells seen (not blank) and those that are no date: for a streamed read's check of the column. */
  datesSeen = 0;
  datesBad = 0;

  constructor(
    readonly table: TableDetection,
    readonly options: AggregateOptions,
    sample: ColumnSample,
  ) {
    this.book = new ClientBook(table, options, sample);
    const columns = table.columns;
    this.dateCol = columns.date!.index;
    this.orderCol = columns.orderId?.index;
    this.managerCol = columns.manager?.index;
    this.separateRevenue = this.book.revenueCol !== undefined && this.book.revenueCol !== this.book.measureCol;
    this.months = options.windowMonths ?? 6;
    this.known = this.months === 'all' || options.asOfDay !== undefined;
    // one pass over all time without an as-of date: no upper bound while reading
    this.asOf = options.asOfDay ?? Infinity;
    this.fromDay = this.months === 'all' ? -Infinity : this.known ? addMonthsKeepEnd(this.asOf, -this.months) : -Infinity;
    this.book.sink = this.known ? this.rowIssues : this.dateIssues;
    this.firstDays = options.periods ? [] : null;
  }

  /** Clients so far (for a limit on memory). */
  get clientCount(): number {
    return this.book.list.length;
  }

  /** Rows held back so far (for a limit on memory). */
  get heldRows(): number {
    return this.held;
  }

  /** Day number of row r's date, NaN when it has none (issues reported once per distinct text). */
  private dayOf(r: number, v: CellValue): number {
    if (typeof v === 'number' && v >= 61 && v < 2958466) {
      this.datesSeen++;
      return Math.floor(v) - 25569;
    }
    if (typeof v === 'string') {
      const known = this.dateCache.get(v);
      if (known !== undefined) {
        if (known > BLANK_DAY) {
          this.datesSeen++;
          return known;
        }
        if (known === BAD_DAY) {
          this.datesSeen++;
          this.datesBad++;
        }
        return NaN;
      }
    }
    const p = parseDate(v, typeof v === 'string' ? this.book.dateOrderNow() : this.options.dateOrder);
    const day = p.kind === 'date' ? p.day : NaN;
    if (p.kind !== 'blank') this.datesSeen++;
    if (p.kind === 'text' || p.kind === 'error') this.datesBad++;
    if (typeof v === 'string' && p.kind !== 'ambiguous') this.dateCache.set(v, p.kind === 'date' ? day : p.kind === 'blank' ? BLANK_DAY : BAD_DAY);
    if (p.kind === 'ambiguous') this.book.report(r, this.dateCol, v, msg('cell.ambiguousDate'), this.known ? this.rowIssues : this.dateIssues);
    else if (p.kind === 'text' || p.kind === 'error') this.book.report(r, this.dateCol, v, msg('cell.notDate'), this.known ? this.rowIssues : this.dateIssues);
    return day;
  }

  add(r: number, row: RowCells): void {
    const book = this.book;
    const clientCol = book.clientCol;
    const measureCol = book.measureCol!;
    const day = this.dayOf(r, row[this.dateCol]);
    if (day > this.maxDay) this.maxDay = day;
    const c = row[clientCol];
    if (c === null || c === undefined || c === '' || (typeof c === 'string' && (c.charCodeAt(0) <= 0x20 || c.charCodeAt(0) === 0xa0 || c.charCodeAt(0) >= 0x2000) && isBlank(c))) {
      if (!isBlank(row[measureCol])) book.report(r, clientCol, c, msg('cell.amountWithoutClient'), this.rowIssues);
      return;
    }
    if (typeof c === 'boolean' || c instanceof Date) {
      book.report(r, clientCol, c, msg('cell.notClientName'), this.rowIssues);
      return;
    }
    if (this.managerCol !== undefined) {
      // the last manager seen per client in the log (set at the end, for clients that exist)
      const m = textOf(row[this.managerCol]);
      if (m) {
        const last = this.managers.get(c);
        if (last) {
          last.row = r;
          if (last.text !== m) last.text = detach(m);
        } else this.managers.set(typeof c === 'string' ? detach(c) : c, { row: r, text: detach(m) });
      }
    }
    if (typeof c === 'string' && (c.charCodeAt(0) === 35 || c.charCodeAt(0) <= 0x20) && isErrorText(c)) {
      book.report(r, clientCol, c, msg('cell.errorForClientName'), this.rowIssues);
      return;
    }
    if (Number.isNaN(day)) return;
    /** "Итого по менеджеру", "Total", "Всего" rows in or under a table are sums, not clients. */
    if (c !== this.prevRaw && isTotalLabel(c)) {
      book.report(r, clientCol, c, msg('cell.totalRow'), this.rowIssues);
      return;
    }
    // consecutive lines of one invoice name the same client: skip the hash lookup
    let index: number;
    if (c === this.prevRaw) index = this.prevIndex;
    else {
      index = book.find(c);
      if (index < 0) index = book.create(c, () => NO_ROWS);
    }
    this.prevRaw = c;
    this.prevIndex = index;
    // (without an as-of date every dated row is up to the review's end, the latest date)
    const firstDays = this.firstDays;
    if (firstDays !== null && day <= this.asOf && !(firstDays[index] <= day)) firstDays[index] = day;
    const order = this.orderCol === undefined ? -1 : this.orderIdOf(row[this.orderCol]);
    if (this.known) {
      this.use(r, index, day, row[measureCol], this.separateRevenue ? row[book.revenueCol!] : undefined, order);
      return;
    }
    // the window is known at the end: hold the row back as numbers
    if (day <= this.fromDay) {
      this.rowsOutsideWindow++;
      return;
    }
    const at = this.held;
    if (at === this.nextCompact) this.compact();
    const k = this.held++;
    this.hClient.a[k] = index;
    this.hDay.a[k] = day;
    this.hOrder.a[k] = order;
    const v = row[measureCol];
    const a = book.amountOf(v);
    this.hAmount.a[k] = a ?? NaN;
    let revenueProblem = false;
    if (this.separateRevenue) {
      const rv = row[book.revenueCol!];
      const b = isBlank(rv) ? 0 : book.amountOf(rv);
      this.hRevenue.a[k] = b ?? NaN;
      revenueProblem = b === undefined;
      if (a === undefined || revenueProblem) this.hProblems.push({ at: k, row: r, v, rv });
    } else if (a === undefined) this.hProblems.push({ at: k, row: r, v, rv: undefined });
  }

  /** Order id cell → its number (-1: blank); 7 and "7" are one invoice number, typed as a number or as text. */
  private orderIdOf(o: CellValue): number {
    if (o === this.prevOrderRaw) return this.prevOrderId;
    let id = -1;
    if (!isBlank(o)) {
      const key = typeof o === 'string' ? o.trim() : String(o);
      const known = this.orderIds.get(key);
      if (known !== undefined) id = known;
      else {
        id = this.orderIds.size;
        this.orderIds.set(detach(key), id);
        this.orderOwner.grow(id + 1);
        this.orderOwner.a[id] = -1;
      }
    }
    this.prevOrderRaw = o;
    this.prevOrderId = id;
    return id;
  }

  /** One row inside or outside the window once it is known; `v`/`rv` are the amount (and revenue) cells or their numbers. */
  private use(r: number, index: number, day: number, v: CellValue, rv: CellValue, order: number): void {
    if (day > this.asOf || day <= this.fromDay) {
      this.rowsOutsideWindow++;
      return;
    }
    const book = this.book;
    const amount = typeof v === 'number' && Number.isFinite(v) ? v : ((typeof v === 'string' ? plainNumber(v, book.localeNow()) : undefined) ?? book.num(r, book.measureCol!, v));
    if (amount === undefined) return;
    const acc = book.list[index];
    this.rowsUsed++;
    book.amountsRead++;
    acc.total += amount;
    if (this.separateRevenue) acc.revenue += book.num(r, book.revenueCol!, rv) ?? 0;
    else acc.revenue += amount;
    if (acc.lastDay === null || day > acc.lastDay) acc.lastDay = day;
    if (this.orderCol !== undefined) {
      // distinct order ids per client; the lines of one order usually follow each other, so only
      // a change of order (or of client) costs a look-up
      if (amount > 0 && order >= 0 && (order !== this.prevCountedOrder || index !== this.prevCountedClient)) {
        const owner = this.orderOwner.a[order];
        if (owner < 0) {
          this.orderOwner.a[order] = index;
          acc.orders++;
        } else if (owner !== index) {
          const pair = index + ':' + order;
          if (!this.sharedOrders.has(pair)) {
            this.sharedOrders.add(pair);
            acc.orders++;
          }
        }
        this.prevCountedOrder = order;
        this.prevCountedClient = index;
      }
    } else if (amount > 0) acc.orders++;
    if (this.options.periods) {
      const p = (acc.periods ??= new Map());
      const d = new Date(day * 86400000);
      const m = d.getUTCFullYear() * 12 + d.getUTCMonth();
      p.set(m, (p.get(m) ?? 0) + amount);
    }
  }

  /** Count out the held rows that can no longer fall inside the window; make room. */
  private compact(): void {
    const lowest = this.maxDay === -Infinity ? -Infinity : addMonthsKeepEnd(this.maxDay, -(this.months as number));
    this.fromDay = lowest;
    let w = 0;
    let p = 0;
    const problems = this.hProblems;
    let pw = 0;
    for (let k = 0; k < this.held; k++) {
      const keep = this.hDay.a[k] > lowest;
      while (p < problems.length && problems[p].at === k) {
        if (keep) problems[pw++] = { ...problems[p], at: w };
        p++;
      }
      if (!keep) {
        this.rowsOutsideWindow++;
        continue;
      }
      this.hClient.a[w] = this.hClient.a[k];
      this.hDay.a[w] = this.hDay.a[k];
      this.hAmount.a[w] = this.hAmount.a[k];
      if (this.separateRevenue) this.hRevenue.a[w] = this.hRevenue.a[k];
      this.hOrder.a[w] = this.hOrder.a[k];
      w++;
    }
    problems.length = pw;
    this.held = w;
    // room for as many rows again as are held now (amortised: each row is copied O(1) times)
    const room = Math.max(4096, 2 * w);
    for (const col of [this.hClient, this.hDay, this.hOrder, this.hAmount]) col.grow(room);
    if (this.separateRevenue) this.hRevenue.grow(room);
    this.nextCompact = Math.max(this.hClient.a.length, w + 1);
  }

  /** The aggregation; `endRow`: one past the table's last row. */
  finish(endRow: number): Aggregation {
    const book = this.book;
    const months = this.months;
    const from = this.table.firstDataRow;
    let issues: IssueList;
    if (!this.known) {
      // the window is now known: add the held rows in row order
      this.asOf = this.maxDay === -Infinity ? 0 : this.maxDay;
      this.fromDay = addMonthsKeepEnd(this.asOf, -(months as number));
      book.sink = this.heldIssues;
      const problems = this.hProblems;
      let p = 0;
      for (let k = 0; k < this.held; k++) {
        let v: CellValue = this.hAmount.a[k];
        let rv: CellValue = this.separateRevenue ? this.hRevenue.a[k] : undefined;
        let r = -1;
        if (p < problems.length && problems[p].at === k) {
          const q = problems[p++];
          r = q.row;
          if (Number.isNaN(v)) v = q.v;
          if (this.separateRevenue && Number.isNaN(rv as number)) rv = q.rv;
        }
        this.use(r, this.hClient.a[k], this.hDay.a[k], v, rv, this.hOrder.a[k]);
      }
      // date problems first (the first pass), then the rest in row order
      issues = [...this.dateIssues, ...mergeByRow(this.rowIssues, this.heldIssues)].slice(0, book.maxIssues);
    } else issues = this.rowIssues;
    if (this.managerCol !== undefined) {
      const lastRow = new Map<number, number>();
      for (const [raw, m] of this.managers) {
        const i = book.find(raw);
        if (i < 0) continue;
        if ((lastRow.get(i) ?? -1) < m.row) {
          lastRow.set(i, m.row);
          book.list[i].manager = m.text;
        }
      }
    }
    if (this.firstDays !== null) {
      const firstDays = this.firstDays;
      for (let i = 0; i < firstDays.length; i++) if (firstDays[i] !== undefined) book.list[i].firstMonth = monthIndex(firstDays[i]);
    }
    const end = this.options.asOfDay ?? (this.maxDay === -Infinity ? 0 : this.maxDay);
    const window = { fromDay: this.fromDay, toDay: end, from: months === 'all' ? '' : dayToIso(this.fromDay + 1), to: dayToIso(end), months };
    return book.result({ window, rowsRead: Math.max(0, endRow - from), rowsUsed: this.rowsUsed, rowsOutsideWindow: this.rowsOutsideWindow, issues });
  }
}

/** Two issue lists, each in row order, as one in row order. */
function mergeByRow(a: IssueList, b: IssueList): IssueList {
  const out: IssueList = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) out.push(j >= b.length || (i < a.length && a[i].row <= b[j].row) ? a[i++] : b[j++]);
  return out;
}

export function aggregate(grid: ReadonlyArray<ReadonlyArray<CellValue>>, table: TableDetection, options: AggregateOptions = {}): Aggregation {
  const { firstDataRow: from, endRow: to, columns } = table;
  const sample: ColumnSample = (col, limit) => textSample(grid, col, from, to, limit);
  if (table.shape === 'transactions') {
    const log = new LogAccumulator(table, options, sample);
    for (let r = from; r < to; r++) {
      const row = grid[r];
      if (row) log.add(r, row);
    }
    return log.finish(to);
  }
  // one row per client (amount column or monthly columns)
  const book = new ClientBook(table, options, sample);
  const { clientCol, measureCol, revenueCol, localeNow, dateOrderNow } = book;
  const issues = book.sink;
  const months = options.windowMonths ?? 6;
  let rowsUsed = 0;
  let window: ReviewWindow | null = null;
  let monthCols = table.monthColumns;
  // the month columns up to the review's end, where a client's first sale is looked for (XYZ)
  let sinceCols: typeof monthCols = options.periods ? monthCols : [];
  if (table.shape === 'monthly' && monthCols.length > 0) {
    const maxMonth = monthCols.reduce((x, m) => Math.max(x, m.month), -Infinity);
    const asOfMonth = options.asOfDay !== undefined ? new Date(options.asOfDay * 86400000).getUTCFullYear() * 12 + new Date(options.asOfDay * 86400000).getUTCMonth() : maxMonth;
    const inWin = monthCols.filter((m) => m.month <= asOfMonth && (months === 'all' || m.month > asOfMonth - months));
    const y = Math.floor(asOfMonth / 12);
    const lastDay = Math.round(Date.UTC(y, asOfMonth - y * 12 + 1, 0) / 86400000);
    const firstM = months === 'all' ? (inWin.length > 0 ? inWin.reduce((x, m) => Math.min(x, m.month), Infinity) : asOfMonth) : asOfMonth - months + 1;
    const fy = Math.floor(firstM / 12);
    const firstDay = Math.round(Date.UTC(fy, firstM - fy * 12, 1) / 86400000);
    window = { fromDay: firstDay - 1, toDay: lastDay, from: dayToIso(firstDay), to: dayToIso(lastDay), months };
    monthCols = inWin;
    if (options.periods) sinceCols = sinceCols.filter((m) => m.month <= asOfMonth);
  }
  if (sinceCols.length > 1) sinceCols = [...sinceCols].sort((a, b) => a.month - b.month);
  const ordersCol = columns.orders?.index;
  // subtotal rows by structure: the row's amount (the sum of its month cells) against the rows above
  const rowAmount = (r: number): number | undefined => {
    const row = grid[r];
    if (!row) return undefined;
    if (table.shape !== 'monthly') {
      const v = row[measureCol!];
      if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
      const p = parseMoney(v, localeNow());
      return p.kind === 'number' ? p.value : undefined;
    }
    let sum: number | undefined;
    for (const m of monthCols) {
      const v = row[m.index];
      const p = typeof v === 'number' ? (Number.isFinite(v) ? v : undefined) : ((q) => (q.kind === 'number' ? q.value : undefined))(parseMoney(v, localeNow()));
      if (p !== undefined) sum = (sum ?? 0) + p;
    }
    return sum;
  };
  const subtotals = structuralSubtotals(from, to, rowAmount, (r) => isTotalLabel(grid[r]?.[clientCol]));
  for (let r = from; r < to; r++) {
    const row = grid[r];
    if (!row) continue;
    const c = row[clientCol];
    if (isBlank(c)) continue;
    if (typeof c === 'boolean' || c instanceof Date || (typeof c === 'string' && isErrorText(c))) {
      book.report(r, clientCol, c, msg('cell.notClientName'));
      continue;
    }
    if (isTotalLabel(c)) {
      book.report(r, clientCol, c, msg('cell.totalRow'));
      continue;
    }
    const summed = subtotals.get(r);
    if (summed !== undefined) {
      book.report(r, clientCol, c, msg('cell.subtotalRow', { rows: summed }));
      continue;
    }
    const raw = c as string | number;
    let index = book.find(raw);
    if (index < 0) index = book.create(raw, () => []);
    const acc = book.list[index];
    acc.rows.push(r);
    rowsUsed++;
    if (table.shape === 'monthly') {
      for (const m of monthCols) {
        const a = book.num(r, m.index, row[m.index]);
        if (a === undefined) continue;
        book.amountsRead++;
        acc.total += a;
        acc.revenue += a;
        if (options.periods) (acc.periods ??= new Map()).set(m.month, (acc.periods.get(m.month) ?? 0) + a);
      }
      for (const m of sinceCols) {
        if (acc.firstMonth !== undefined && acc.firstMonth <= m.month) break;
        const v = row[m.index];
        const a = typeof v === 'number' ? v : ((q) => (q.kind === 'number' ? q.value : 0))(parseMoney(v, localeNow()));
        if (a !== 0 && Number.isFinite(a)) {
          acc.firstMonth = m.month;
          break;
        }
      }
    } else {
      const a = book.num(r, measureCol!, row[measureCol!]);
      if (a !== undefined) {
        acc.total += a;
        book.amountsRead++;
      }
      if (revenueCol !== undefined && revenueCol !== measureCol) acc.revenue += book.num(r, revenueCol, row[revenueCol]) ?? 0;
      else if (a !== undefined) acc.revenue += a;
    }
    if (ordersCol !== undefined) {
      const o = book.num(r, ordersCol, row[ordersCol]);
      if (o !== undefined) acc.orders += o;
    }
    const lastCol = columns.lastOrder ?? columns.date;
    if (lastCol) {
      const lv = row[lastCol.index];
      const p = parseDate(lv, typeof lv === 'string' ? dateOrderNow() : options.dateOrder);
      if (p.kind === 'date' && (acc.lastDay === null || p.day > acc.lastDay)) acc.lastDay = p.day;
    }
  }
  // carried-over state and contact columns: first non-blank value per client
  if (columns.tier || columns.status || columns.reviewsBelow || columns.manager || columns.email || columns.contact) {
    for (const acc of book.list) {
      for (const r of acc.rows) {
        const row = grid[r];
        if (columns.tier && acc.previousTier === undefined) acc.previousTier = textOf(row[columns.tier.index]);
        if (columns.status && acc.previousStatus === undefined) acc.previousStatus = textOf(row[columns.status.index]);
        if (columns.reviewsBelow && acc.reviewsBelow === undefined) {
          const v = row[columns.reviewsBelow.index];
          const n = typeof v === 'number' ? v : Number(textOf(v));
          if (Number.isInteger(n) && n >= 0) acc.reviewsBelow = n;
          else if (!isBlank(v)) book.report(r, columns.reviewsBelow.index, v, msg('cell.reviewsBelowNotCount'));
        }
        if (columns.manager && acc.manager === undefined) acc.manager = textOf(row[columns.manager.index]);
        if (columns.email && acc.email === undefined) acc.email = textOf(row[columns.email.index]);
        if (columns.contact && acc.contact === undefined) acc.contact = textOf(row[columns.contact.index]);
      }
    }
  }
  return book.result({ window, rowsRead: Math.max(0, to - from), rowsUsed, rowsOutsideWindow: 0, issues });
}
