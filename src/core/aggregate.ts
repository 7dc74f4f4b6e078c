import { CellValue, cellAddress, columnLetter, isBlank, isExcelError, showCell } from './cells';
import { clientDisplay } from './clientKey';
import { inferNumberLocale, NumberLocale, parseMoney } from './parseMoney';
import { addMonthsKeepEnd, DateOrder, dayToIso, inferDateOrder, parseDate } from './parseDate';
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

export function aggregate(grid: ReadonlyArray<ReadonlyArray<CellValue>>, table: TableDetection, options: AggregateOptions = {}): Aggregation {
  const measure = options.measure ?? 'revenue';
  const maxIssues = options.maxIssues ?? 200;
  const { firstDataRow: from, endRow: to, columns } = table;
  const clientCol = columns.client!.index;
  const measureCol = measure === 'margin' ? columns.margin?.index : columns.amount?.index;
  if (measure === 'margin' && measureCol === undefined) throw new MessageError(msg('aggregate.noMarginColumn'));
  const revenueCol = columns.amount?.index;
  const issues: CellIssue[] = [];
  let issueCount = 0;
  const report = (row: number, col: number, v: CellValue, problem: Message) => {
    issueCount++;
    if (issues.length < maxIssues) issues.push({ row, col, address: cellAddress(row, col), value: showCell(v), problem: renderMessage(problem, 'en'), ...problem });
  };
  // The number locale comes from the measure column's text cells, the date order from the date
  // column's, each looked up when the first text that needs it turns up (a column of numbers or
  // date serials has nothing to decide, and costs no pass of its own).
  const localeCol = measureCol ?? table.monthColumns[0]?.index ?? clientCol;
  const localeNow = once(options.numberLocale, () => inferNumberLocale(textSample(grid, localeCol, from, to, NUMBER_SAMPLE)));
  const dateOrderNow = once(options.dateOrder, () => (columns.date ? inferDateOrder(textSample(grid, columns.date.index, from, to, DATE_SAMPLE)) : undefined));

  // a log has no row per client: one shared, frozen empty list instead of 100,000 arrays
  const isLog = table.shape === 'transactions';
  // raw cell value -> client index; the key (trimmed, lower-cased) -> client index
  const byText = new Map<string, number>();
  const byNumber = new Map<number, number>();
  const byKey = new Map<string, number>();
  const list: Acc[] = [];
  const spellings = new Map<number, Set<string>>();
  const create = (raw: string | number): number => {
    const text = typeof raw === 'number' ? String(raw) : raw;
    const display = clientDisplay(text);
    const key = display.toLowerCase(); // = clientKey(text), with one clean-up pass instead of two
    let index = byKey.get(key);
    if (index === undefined) {
      index = list.length;
      // every field set up front: one hidden class for all clients keeps the hot loop monomorphic
      list.push({
        key,
        name: display,
        id: typeof raw === 'number' ? raw : display,
        total: 0,
        revenue: 0,
        orders: 0,
        lastDay: null,
        rows: isLog ? NO_ROWS : [],
        periods: undefined,
        previousTier: undefined,
        previousStatus: undefined,
        reviewsBelow: undefined,
        manager: undefined,
        email: undefined,
        contact: undefined,
      });
      byKey.set(key, index);
    } else if (display !== list[index].name) {
      let set = spellings.get(index);
      if (!set) spellings.set(index, (set = new Set([list[index].name])));
      set.add(display);
    }
    if (typeof raw === 'number') byNumber.set(raw, index);
    else byText.set(raw, index);
    return index;
  };
  /** "Итого по менеджеру", "Total", "Всего" rows in or under a table are sums, not clients. */
  const isTotalRow = isTotalLabel;
  const lookup = (raw: string | number): number => (typeof raw === 'number' ? byNumber.get(raw) : byText.get(raw)) ?? create(raw);
  const byRaw = { get: (raw: string | number): Acc | undefined => list[(typeof raw === 'number' ? byNumber.get(raw) : byText.get(raw)) ?? -1] };

  // amounts read, and amounts that read two ways ("1,234" with nothing to decide the locale)
  let amountsRead = 0;
  let ambiguous = 0;
  let firstAmbiguous: { col: number; text: string; a: number; b: number } | undefined;
  const monthColSet = new Set(table.shape === 'monthly' ? table.monthColumns.map((m) => m.index) : []);
  // amounts that are no number at all (text, errors): when nothing else was read, the total is not 0 but unknown
  let unreadable = 0;
  let firstUnreadable = -1;
  const unread = (col: number) => {
    if (col === measureCol || monthColSet.has(col)) {
      if (unreadable++ === 0) firstUnreadable = col;
    }
  };
  const num = (row: number, col: number, v: CellValue): number | undefined => {
    if (typeof v === 'number') {
      if (Number.isFinite(v)) return v;
      unread(col);
      report(row, col, v, msg('cell.notFinite'));
      return undefined;
    }
    const p = parseMoney(v, localeNow());
    switch (p.kind) {
      case 'number':
        return p.value;
      case 'blank':
        return undefined;
      case 'error':
        unread(col);
        report(row, col, v, msg('cell.excelError', { code: p.code }));
        return undefined;
      case 'ambiguous':
        if (col === measureCol || monthColSet.has(col)) {
          if (ambiguous++ === 0) firstAmbiguous = { col, text: p.text, a: p.candidates[0], b: p.candidates[1] };
        }
        report(row, col, v, msg('cell.ambiguousNumber', { a: p.candidates[0], b: p.candidates[1] }));
        return undefined;
      default:
        unread(col);
        report(row, col, v, msg('cell.notNumber'));
        return undefined;
    }
  };

  let rowsUsed = 0;
  let rowsOutsideWindow = 0;
  let window: ReviewWindow | null = null;
  const months = options.windowMonths ?? 6;

  if (table.shape === 'transactions') {
    const dateCol = columns.date!.index;
    const orderCol = columns.orderId?.index;
    const dateCache = new Map<string, number>(); // NaN: not a date
    // order id -> the first client it was counted for; an id that several clients share (rare)
    // is counted once per client through `sharedOrders`
    const orderOwner = new Map<string, number>();
    const sharedOrders = new Set<string>();
    let prevRaw: CellValue = undefined;
    let prevIndex = -1;
    let prevOrderRaw: CellValue = undefined;
    let prevOrderClient = -1;
    /** Day number of row r's date, NaN when it has none (issues reported once per row). */
    const dayOf = (r: number, v: CellValue): number => {
      if (typeof v === 'number' && v >= 61 && v < 2958466) return Math.floor(v) - 25569;
      if (typeof v === 'string') {
        const known = dateCache.get(v);
        if (known !== undefined) return known;
      }
      const p = parseDate(v, typeof v === 'string' ? dateOrderNow() : options.dateOrder);
      const day = p.kind === 'date' ? p.day : NaN;
      if (typeof v === 'string' && p.kind !== 'ambiguous') dateCache.set(v, day);
      if (p.kind === 'ambiguous') report(r, dateCol, v, msg('cell.ambiguousDate'));
      else if (p.kind === 'text' || p.kind === 'error') report(r, dateCol, v, msg('cell.notDate'));
      return day;
    };
    // The window needs the latest date first unless it is known (an as-of date, or all time):
    // then a first pass reads the dates; otherwise the one pass below does.
    const twoPasses = months !== 'all' && options.asOfDay === undefined;
    let days: Float64Array | null = null;
    let maxDay = -Infinity;
    if (twoPasses) {
      days = new Float64Array(Math.max(0, to - from));
      for (let r = from; r < to; r++) {
        const day = dayOf(r, grid[r]?.[dateCol]);
        days[r - from] = day;
        if (day > maxDay) maxDay = day;
      }
    }
    // one pass over all time without an as-of date: no upper bound while reading
    const asOf = options.asOfDay ?? (twoPasses ? (maxDay === -Infinity ? 0 : maxDay) : Infinity);
    const fromDay = months === 'all' ? -Infinity : addMonthsKeepEnd(asOf, -months);
    for (let r = from; r < to; r++) {
      const row = grid[r];
      if (!row) continue;
      const day = days !== null ? days[r - from] : dayOf(r, row[dateCol]);
      if (days === null && day > maxDay) maxDay = day;
      const c = row[clientCol];
      if (c === null || c === undefined || c === '' || (typeof c === 'string' && (c.charCodeAt(0) <= 0x20 || c.charCodeAt(0) === 0xa0 || c.charCodeAt(0) >= 0x2000) && isBlank(c))) {
        if (!isBlank(row[measureCol!])) report(r, clientCol, c, msg('cell.amountWithoutClient'));
        continue;
      }
      if (typeof c === 'boolean' || c instanceof Date) {
        report(r, clientCol, c, msg('cell.notClientName'));
        continue;
      }
      if (typeof c === 'string' && (c.charCodeAt(0) === 35 || c.charCodeAt(0) <= 0x20) && isErrorText(c)) {
        report(r, clientCol, c, msg('cell.errorForClientName'));
        continue;
      }
      if (Number.isNaN(day)) continue;
      if (c !== prevRaw && isTotalRow(c)) {
        report(r, clientCol, c, msg('cell.totalRow'));
        continue;
      }
      // consecutive lines of one invoice name the same client: skip the hash lookup
      const index = c === prevRaw ? prevIndex : lookup(c);
      const acc = list[index];
      prevRaw = c;
      prevIndex = index;
      if (day > asOf || day <= fromDay) {
        rowsOutsideWindow++;
        continue;
      }
      const v = row[measureCol!];
      const amount = typeof v === 'number' && Number.isFinite(v) ? v : num(r, measureCol!, v);
      if (amount === undefined) continue;
      rowsUsed++;
      amountsRead++;
      acc.total += amount;
      if (revenueCol !== undefined && revenueCol !== measureCol) acc.revenue += num(r, revenueCol, row[revenueCol]) ?? 0;
      else acc.revenue += amount;
      if (acc.lastDay === null || day > acc.lastDay) acc.lastDay = day;
      if (orderCol !== undefined) {
        const o = row[orderCol];
        if (amount > 0 && !isBlank(o)) {
          // distinct order ids per client; the lines of one order usually follow each other,
          // so only a change of order (or of client) costs a look-up
          if (o !== prevOrderRaw || index !== prevOrderClient) {
            // 7 and "7" are one invoice number, typed as a number or as text
            const ok = typeof o === 'string' ? o.trim() : String(o);
            const owner = orderOwner.get(ok);
            if (owner === undefined) {
              orderOwner.set(ok, index);
              acc.orders++;
            } else if (owner !== index) {
              const pair = index + '\u0000' + ok;
              if (!sharedOrders.has(pair)) {
                sharedOrders.add(pair);
                acc.orders++;
              }
            }
            prevOrderRaw = o;
            prevOrderClient = index;
          }
        }
      } else if (amount > 0) acc.orders++;
      if (options.periods) {
        const p = (acc.periods ??= new Map());
        const d = new Date(day * 86400000);
        const m = d.getUTCFullYear() * 12 + d.getUTCMonth();
        p.set(m, (p.get(m) ?? 0) + amount);
      }
    }
    const end = options.asOfDay ?? (maxDay === -Infinity ? 0 : maxDay);
    window = { fromDay, toDay: end, from: months === 'all' ? '' : dayToIso(fromDay + 1), to: dayToIso(end), months };
  } else {
    // one row per client (amount column or monthly columns)
    let monthCols = table.monthColumns;
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
    }
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
    const subtotals = structuralSubtotals(from, to, rowAmount, (r) => isTotalRow(grid[r]?.[clientCol]));
    for (let r = from; r < to; r++) {
      const row = grid[r];
      if (!row) continue;
      const c = row[clientCol];
      if (isBlank(c)) continue;
      if (typeof c === 'boolean' || c instanceof Date || (typeof c === 'string' && isErrorText(c))) {
        report(r, clientCol, c, msg('cell.notClientName'));
        continue;
      }
      if (isTotalRow(c)) {
        report(r, clientCol, c, msg('cell.totalRow'));
        continue;
      }
      const summed = subtotals.get(r);
      if (summed !== undefined) {
        report(r, clientCol, c, msg('cell.subtotalRow', { rows: summed }));
        continue;
      }
      const acc = list[lookup(c as string | number)];
      acc.rows.push(r);
      rowsUsed++;
      if (table.shape === 'monthly') {
        for (const m of monthCols) {
          const a = num(r, m.index, row[m.index]);
          if (a === undefined) continue;
          amountsRead++;
          acc.total += a;
          acc.revenue += a;
          if (options.periods) (acc.periods ??= new Map()).set(m.month, (acc.periods.get(m.month) ?? 0) + a);
        }
      } else {
        const a = num(r, measureCol!, row[measureCol!]);
        if (a !== undefined) {
          acc.total += a;
          amountsRead++;
        }
        if (revenueCol !== undefined && revenueCol !== measureCol) acc.revenue += num(r, revenueCol, row[revenueCol]) ?? 0;
        else if (a !== undefined) acc.revenue += a;
      }
      if (ordersCol !== undefined) {
        const o = num(r, ordersCol, row[ordersCol]);
        if (o !== undefined) acc.orders += o;
      }
      const lastCol = columns.lastOrder ?? columns.date;
      if (lastCol) {
        const lv = row[lastCol.index];
        const p = parseDate(lv, typeof lv === 'string' ? dateOrderNow() : options.dateOrder);
        if (p.kind === 'date' && (acc.lastDay === null || p.day > acc.lastDay)) acc.lastDay = p.day;
      }
    }
  }

  // most amounts (over half) read two ways and nothing decides: ask, never finish on a total that skipped them
  if (firstAmbiguous && ambiguous > amountsRead) {
    const col = firstAmbiguous.col;
    throw new MessageError(
      msg('aggregate.ambiguousNumbers', { column: columnLetter(col), header: table.headers[col] ?? '', count: ambiguous, example: firstAmbiguous.text.trim(), a: firstAmbiguous.a, b: firstAmbiguous.b }),
    );
  }

  if (amountsRead === 0 && unreadable > 0) {
    throw new MessageError(msg('aggregate.noAmountsRead', { column: columnLetter(firstUnreadable), header: table.headers[firstUnreadable] ?? '', count: unreadable }));
  }

  // carried-over state and contact columns: first non-blank value per client
  const textOf = (v: CellValue) => (isBlank(v) ? undefined : v instanceof Date ? dayToIso(Math.floor(v.getTime() / 86400000)) : String(v).trim());
  const carry = columns.tier || columns.status || columns.reviewsBelow || columns.manager || columns.email || columns.contact;
  if (carry && table.shape !== 'transactions') {
    for (const acc of list) {
      for (const r of acc.rows) {
        const row = grid[r];
        if (columns.tier && acc.previousTier === undefined) acc.previousTier = textOf(row[columns.tier.index]);
        if (columns.status && acc.previousStatus === undefined) acc.previousStatus = textOf(row[columns.status.index]);
        if (columns.reviewsBelow && acc.reviewsBelow === undefined) {
          const v = row[columns.reviewsBelow.index];
          const n = typeof v === 'number' ? v : Number(textOf(v));
          if (Number.isInteger(n) && n >= 0) acc.reviewsBelow = n;
          else if (!isBlank(v)) report(r, columns.reviewsBelow.index, v, msg('cell.reviewsBelowNotCount'));
        }
        if (columns.manager && acc.manager === undefined) acc.manager = textOf(row[columns.manager.index]);
        if (columns.email && acc.email === undefined) acc.email = textOf(row[columns.email.index]);
        if (columns.contact && acc.contact === undefined) acc.contact = textOf(row[columns.contact.index]);
      }
    }
  } else if (carry && table.shape === 'transactions' && columns.manager) {
    // last manager seen per client in the log
    for (let r = from; r < to; r++) {
      const row = grid[r];
      const c = row?.[clientCol];
      if (isBlank(c) || typeof c === 'boolean' || c instanceof Date) continue;
      const acc = byRaw.get(c as string | number);
      const m = textOf(row[columns.manager.index]);
      if (acc && m) acc.manager = m;
    }
  }

  const duplicates: DuplicateReport[] = [];
  for (let i = 0; i < list.length; i++) {
    const acc = list[i];
    const other = spellings.get(i);
    if (other || acc.rows.length > 1) duplicates.push({ name: acc.name, spellings: other ? [...other] : [acc.name], rows: acc.rows.length });
  }
  const clients: ClientAgg[] = list;
  return { shape: table.shape, clients, issues, issueCount, duplicates, window, rowsRead: Math.max(0, to - from), rowsUsed, rowsOutsideWindow, numberLocale: localeNow(), dateOrder: dateOrderNow.known(), measure };
}
