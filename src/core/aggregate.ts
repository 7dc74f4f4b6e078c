import { CellValue, cellAddress, isBlank, showCell } from './cells';
import { clientDisplay, clientKey } from './clientKey';
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

const NO_ROWS: number[] = Object.freeze([]) as unknown as number[];

const TOTAL_ROW = /^(итого|итог|всего|итого по всем|общий итог|total|totals|grand total|subtotal|sum)\s*[:.]?$/i;

interface Acc extends ClientAgg {
  spellings?: Set<string>;
  index: number;
  lastOrder?: number;
}

function columnValues(grid: ReadonlyArray<ReadonlyArray<CellValue>>, col: number, from: number, to: number): Iterable<CellValue> {
  return {
    *[Symbol.iterator]() {
      for (let r = from; r < to; r++) yield grid[r]?.[col];
    },
  };
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
  const numberLocale =
    options.numberLocale ??
    inferNumberLocale(columnValues(grid, measureCol ?? table.monthColumns[0]?.index ?? clientCol, from, to));
  const dateOrder = options.dateOrder ?? (columns.date ? inferDateOrder(columnValues(grid, columns.date.index, from, to)) : undefined);

  // a log has no row per client: one shared, frozen empty list instead of 100,000 arrays
  const isLog = table.shape === 'transactions';
  const byText = new Map<string, Acc>();
  const byNumber = new Map<number, Acc>();
  const byKey = new Map<string, Acc>();
  const list: Acc[] = [];
  const create = (raw: string | number): Acc => {
    const text = typeof raw === 'number' ? String(raw) : raw;
    const key = clientKey(text);
    let acc = byKey.get(key);
    const display = clientDisplay(text);
    if (!acc) {
      // every field set up front: one hidden class for all clients keeps the hot loop monomorphic
      acc = {
        key,
        name: display,
        total: 0,
        revenue: 0,
        orders: 0,
        lastDay: null,
        rows: isLog ? NO_ROWS : [],
        index: list.length,
        lastOrder: -1,
        spellings: undefined,
        periods: undefined,
        previousTier: undefined,
        previousStatus: undefined,
        reviewsBelow: undefined,
        manager: undefined,
        email: undefined,
        contact: undefined,
      };
      byKey.set(key, acc);
      list.push(acc);
    } else if (display !== acc.name) {
      (acc.spellings ??= new Set([acc.name])).add(display);
    }
    if (typeof raw === 'number') byNumber.set(raw, acc);
    else byText.set(raw, acc);
    return acc;
  };
  /** "Итого", "Total", "Всего" rows under a table are sums, not clients. */
  const isTotalRow = (raw: CellValue) => typeof raw === 'string' && TOTAL_ROW.test(raw.trim());
  const lookup = (raw: string | number): Acc => (typeof raw === 'number' ? byNumber.get(raw) : byText.get(raw)) ?? create(raw);
  const byRaw = { get: (raw: string | number): Acc | undefined => (typeof raw === 'number' ? byNumber.get(raw) : byText.get(raw)) };

  const num = (row: number, col: number, v: CellValue): number | undefined => {
    if (typeof v === 'number') {
      if (Number.isFinite(v)) return v;
      report(row, col, v, msg('cell.notFinite'));
      return undefined;
    }
    const p = parseMoney(v, numberLocale);
    switch (p.kind) {
      case 'number':
        return p.value;
      case 'blank':
        return undefined;
      case 'error':
        report(row, col, v, msg('cell.excelError', { code: p.code }));
        return undefined;
      case 'ambiguous':
        report(row, col, v, msg('cell.ambiguousNumber', { a: p.candidates[0], b: p.candidates[1] }));
        return undefined;
      default:
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
    const dateCache = new Map<string, number | null>();
    const orderIds = new Map<string | number, number>();
    let pairs = new Float64Array(1024);
    let pairCount = 0;
    let prevRaw: CellValue = undefined;
    let prevAcc: Acc | undefined;
    let prevOrderRaw: CellValue = undefined;
    let prevOrderId = -1;
    const days = new Float64Array(Math.max(0, to - from)).fill(NaN);
    let maxDay = -Infinity;
    for (let r = from; r < to; r++) {
      const v = grid[r]?.[dateCol];
      let day: number | null;
      if (typeof v === 'number' && v >= 61 && v < 2958466) day = Math.floor(v) - 25569;
      else if (typeof v === 'string' && dateCache.has(v)) day = dateCache.get(v)!;
      else {
        const p = parseDate(v, dateOrder);
        day = p.kind === 'date' ? p.day : null;
        if (typeof v === 'string' && p.kind !== 'ambiguous') dateCache.set(v, day);
        if (p.kind === 'ambiguous') report(r, dateCol, v, msg('cell.ambiguousDate'));
        else if (p.kind === 'text' || p.kind === 'error') report(r, dateCol, v, msg('cell.notDate'));
      }
      if (day !== null) {
        days[r - from] = day;
        if (day > maxDay) maxDay = day;
      }
    }
    const asOf = options.asOfDay ?? (maxDay === -Infinity ? 0 : maxDay);
    const fromDay = months === 'all' ? -Infinity : addMonthsKeepEnd(asOf, -months);
    window = { fromDay: months === 'all' ? Number.NEGATIVE_INFINITY : fromDay, toDay: asOf, from: months === 'all' ? '' : dayToIso(fromDay + 1), to: dayToIso(asOf), months };
    for (let r = from; r < to; r++) {
      const row = grid[r];
      if (!row) continue;
      const c = row[clientCol];
      if (c === null || c === undefined || c === '' || (typeof c === 'string' && (c.charCodeAt(0) <= 0x20 || c.charCodeAt(0) === 0xa0 || c.charCodeAt(0) >= 0x2000) && isBlank(c))) {
        if (!isBlank(row[measureCol!])) report(r, clientCol, c, msg('cell.amountWithoutClient'));
        continue;
      }
      if (typeof c === 'boolean' || c instanceof Date) {
        report(r, clientCol, c, msg('cell.notClientName'));
        continue;
      }
      if (typeof c === 'string' && c.charCodeAt(0) === 35 && c.startsWith('#') && /^#[A-Z/0-9!?_]+$/.test(c.trim())) {
        report(r, clientCol, c, msg('cell.errorForClientName'));
        continue;
      }
      const day = days[r - from];
      if (Number.isNaN(day)) continue;
      if (c !== prevRaw && isTotalRow(c)) {
        report(r, clientCol, c, msg('cell.totalRow'));
        continue;
      }
      // consecutive lines of one invoice name the same client: skip the hash lookup
      const acc = c === prevRaw ? prevAcc! : lookup(c);
      prevRaw = c;
      prevAcc = acc;
      if (day > asOf || day <= fromDay) {
        rowsOutsideWindow++;
        continue;
      }
      const v = row[measureCol!];
      const amount = typeof v === 'number' && Number.isFinite(v) ? v : num(r, measureCol!, v);
      if (amount === undefined) continue;
      rowsUsed++;
      acc.total += amount;
      if (revenueCol !== undefined && revenueCol !== measureCol) acc.revenue += num(r, revenueCol, row[revenueCol]) ?? 0;
      else acc.revenue += amount;
      if (acc.lastDay === null || day > acc.lastDay) acc.lastDay = day;
      if (orderCol !== undefined) {
        const o = row[orderCol];
        if (amount > 0 && !isBlank(o)) {
          // intern order ids to integers; rows of one order usually follow each other, so only
          // a change of order per client is recorded, and pairs are de-duplicated by sorting
          let oid: number;
          if (o === prevOrderRaw) oid = prevOrderId;
          else {
            const ok = typeof o === 'string' ? o.trim() : (o as number);
            let found = orderIds.get(ok);
            if (found === undefined) {
              found = orderIds.size;
              orderIds.set(ok, found);
            }
            oid = found;
            prevOrderRaw = o;
            prevOrderId = oid;
          }
          if (acc.lastOrder !== oid) {
            acc.lastOrder = oid;
            if (pairCount === pairs.length) {
              const bigger = new Float64Array(pairs.length * 2);
              bigger.set(pairs);
              pairs = bigger;
            }
            pairs[pairCount++] = acc.index * 4294967296 + oid;
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
    if (orderCol !== undefined) {
      const sorted = pairs.subarray(0, pairCount).sort();
      for (let i = 0; i < sorted.length; i++) {
        if (i > 0 && sorted[i] === sorted[i - 1]) continue;
        list[Math.floor(sorted[i] / 4294967296)].orders++;
      }
    }
  } else {
    // one row per client (amount column or monthly columns)
    let monthCols = table.monthColumns;
    if (table.shape === 'monthly' && monthCols.length > 0) {
      const maxMonth = Math.max(...monthCols.map((m) => m.month));
      const asOfMonth = options.asOfDay !== undefined ? new Date(options.asOfDay * 86400000).getUTCFullYear() * 12 + new Date(options.asOfDay * 86400000).getUTCMonth() : maxMonth;
      const inWin = monthCols.filter((m) => m.month <= asOfMonth && (months === 'all' || m.month > asOfMonth - months));
      const y = Math.floor(asOfMonth / 12);
      const lastDay = Math.round(Date.UTC(y, asOfMonth - y * 12 + 1, 0) / 86400000);
      const firstM = months === 'all' ? (inWin.length > 0 ? Math.min(...inWin.map((m) => m.month)) : asOfMonth) : asOfMonth - months + 1;
      const fy = Math.floor(firstM / 12);
      const firstDay = Math.round(Date.UTC(fy, firstM - fy * 12, 1) / 86400000);
      window = { fromDay: firstDay - 1, toDay: lastDay, from: dayToIso(firstDay), to: dayToIso(lastDay), months };
      monthCols = inWin;
    }
    const ordersCol = columns.orders?.index;
    for (let r = from; r < to; r++) {
      const row = grid[r];
      if (!row) continue;
      const c = row[clientCol];
      if (isBlank(c)) continue;
      if (typeof c === 'boolean' || c instanceof Date || (typeof c === 'string' && /^#[A-Z/0-9!?_]+$/.test(c.trim()))) {
        report(r, clientCol, c, msg('cell.notClientName'));
        continue;
      }
      if (isTotalRow(c)) {
        report(r, clientCol, c, msg('cell.totalRow'));
        continue;
      }
      const acc = lookup(c as string | number);
      acc.rows.push(r);
      rowsUsed++;
      if (table.shape === 'monthly') {
        for (const m of monthCols) {
          const a = num(r, m.index, row[m.index]);
          if (a === undefined) continue;
          acc.total += a;
          acc.revenue += a;
          if (options.periods) (acc.periods ??= new Map()).set(m.month, (acc.periods.get(m.month) ?? 0) + a);
        }
      } else {
        const a = num(r, measureCol!, row[measureCol!]);
        if (a !== undefined) acc.total += a;
        if (revenueCol !== undefined && revenueCol !== measureCol) acc.revenue += num(r, revenueCol, row[revenueCol]) ?? 0;
        else if (a !== undefined) acc.revenue += a;
      }
      if (ordersCol !== undefined) {
        const o = num(r, ordersCol, row[ordersCol]);
        if (o !== undefined) acc.orders += o;
      }
      const lastCol = columns.lastOrder ?? columns.date;
      if (lastCol) {
        const p = parseDate(row[lastCol.index], dateOrder);
        if (p.kind === 'date' && (acc.lastDay === null || p.day > acc.lastDay)) acc.lastDay = p.day;
      }
    }
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
  const clients: ClientAgg[] = list.map((acc) => {
    if (acc.spellings || acc.rows.length > 1) duplicates.push({ name: acc.name, spellings: acc.spellings ? [...acc.spellings] : [acc.name], rows: acc.rows.length });
    // explicit fields: object rest-spread over 100,000 clients is several times slower
    const out: ClientAgg = { key: acc.key, name: acc.name, total: acc.total, revenue: acc.revenue, orders: acc.orders, lastDay: acc.lastDay, rows: acc.rows };
    if (acc.previousTier !== undefined) out.previousTier = acc.previousTier;
    if (acc.previousStatus !== undefined) out.previousStatus = acc.previousStatus;
    if (acc.reviewsBelow !== undefined) out.reviewsBelow = acc.reviewsBelow;
    if (acc.manager !== undefined) out.manager = acc.manager;
    if (acc.email !== undefined) out.email = acc.email;
    if (acc.contact !== undefined) out.contact = acc.contact;
    if (acc.periods !== undefined) out.periods = acc.periods;
    return out;
  });
  return { shape: table.shape, clients, issues, issueCount, duplicates, window, rowsRead: Math.max(0, to - from), rowsUsed, rowsOutsideWindow, numberLocale, dateOrder, measure };
}
