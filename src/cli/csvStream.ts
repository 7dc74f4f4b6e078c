import { isUtf8 } from 'buffer';
import { createReadStream } from 'fs';
import * as path from 'path';
import { createGunzip } from 'zlib';
import { aggregateOptions, analyzeAggregation, analyzeGrid, Analysis, AnalyzeOptions } from '../core/analyze';
import { ColumnSample, LogAccumulator } from '../core/aggregate';
import { CellValue, isBlank } from '../core/cells';
import { csvPrelude, CsvRow, CsvRowTooLongError, CsvScanner, detectDelimiter } from '../core/csv';
import { detectEncoding, SAMPLE_BYTES, TextEncoding, textDecoder } from '../core/decodeText';
import { ruPlural } from '../core/format';
import { msg } from '../core/messages';
import { detectTable, looksLikeHeader, TableDetection, TableNotFoundError } from '../core/table';
import { InputError, pickSheet, SheetGrid } from './readInput';

/**
 * The command line's CSV reader: the file in chunks (never one string: a CSV over 512 MiB is
 * read like a small one), decoded piece by piece, cut into rows by core's CsvScanner.
 *
 * `analyzeCsv` reads the first rows (the head) as a grid and finds the table there with core's
 * detection. A transaction log then streams: each row's needed cells go straight into a
 * LogAccumulator, so memory grows with the clients, not the rows. Anything else (one row per
 * client, a file that fits in the head, and the rare files where the streamed result could
 * differ from reading the whole grid: a second table under the log, a title line after a blank
 * row, a date column that turns out not to hold dates) is read whole as a grid, in chunks, and
 * analysed by the grid path. Both end in the same figures.
 *
 * Bounds (`CsvLimits`): when a file needs more than the in-memory reader should hold, it stops
 * with a message naming the rows read and what to do, and exit code 1 — never an out-of-memory
 * abort.
 */
export interface CsvLimits {
  /** Bytes per read (default 1 MiB). */
  chunkBytes?: number;
  /** Rows read ahead to find the table (default 24,000: the date-order guess looks at 20,000). */
  headRows?: number;
  /** Cells a CSV read whole as a grid may hold (default 24M: ~1.5 GB of strings). */
  maxGridCells?: number;
  /** Distinct clients a streamed log may hold (default 5M). */
  maxClients?: number;
  /** Rows a streamed log may hold back until its window is known (default 40M, ~800 MB). */
  maxHeldRows?: number;
  /** Characters one row may span (default 64 Mi: a quote that never closes). */
  maxRowChars?: number;
}

const DEFAULTS: Required<CsvLimits> = {
  chunkBytes: 1 << 20,
  headRows: 24_000,
  maxGridCells: 24_000_000,
  maxClients: 5_000_000,
  maxHeldRows: 40_000_000,
  maxRowChars: 64 * 2 ** 20,
};

/** The file's bytes are not UTF-8 after all: read it again in the one-byte code page. */
class NotUtf8 extends Error {}

/** The streamed read cannot promise the grid's result for this file: read it whole. */
class ReadWhole extends Error {}

export function csvSheetName(file: string): string {
  return path.basename(file).replace(/\.(csv|tsv|txt)(\.gz)?$/i, '');
}

async function* fileBytes(file: string, chunkBytes: number): AsyncGenerator<Uint8Array> {
  const raw = createReadStream(file, { highWaterMark: chunkBytes });
  const gz = file.toLowerCase().endsWith('.gz');
  const stream = gz ? raw.pipe(createGunzip({ chunkSize: Math.min(chunkBytes, 1 << 20) })) : raw;
  if (gz) raw.on('error', (e) => stream.destroy(e));
  try {
    for await (const chunk of stream) yield chunk as Buffer;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new InputError(`File not found: ${file}`);
    if (code === 'EISDIR') throw new InputError(`${file} is a folder, not a file.`);
    if (gz && /^(Z_|ERR_ZLIB)/.test(code ?? '')) throw new InputError(`Cannot unpack ${file}: ${(e as Error).message}`);
    throw new InputError(`Cannot read ${file}: ${(e as Error).message}`);
  } finally {
    raw.destroy();
  }
}

/**
 * The file as text pieces, decoded as core/decodeText decodes the whole file (BOM, UTF-16,
 * UTF-8, else Windows-1251/1252); `force`: the code page, after UTF-8 failed. `onText` gets each
 * piece (`last` at the end) and the encoding; returns false to stop reading.
 */
async function readText(file: string, limits: Required<CsvLimits>, force: TextEncoding | undefined, onText: (text: string, last: boolean, encoding: TextEncoding) => boolean | void): Promise<void> {
  let head: Uint8Array[] = [];
  let headBytes = 0;
  let decoder: TextDecoder | undefined;
  let encoding: TextEncoding = 'utf-8';
  let strict = false;
  const name = path.basename(file);
  let carry: Buffer | undefined;
  const emit = (bytes: Uint8Array, last: boolean): boolean => {
    let text: string;
    if (strict) {
      // UTF-8 that must be valid all through: Node's validator and decoder (several times faster
      // than a fatal TextDecoder on Cyrillic text); a sequence cut by the chunk waits for the next
      const b = carry ? Buffer.concat([carry, bytes]) : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
      const cut = last ? b.length : completeUtf8(b);
      if (!isUtf8(b.subarray(0, cut))) throw new NotUtf8();
      carry = cut < b.length ? Buffer.from(b.subarray(cut)) : undefined;
      text = b.toString('utf8', 0, cut);
    } else text = decoder!.decode(bytes, { stream: !last });
    if (text.includes('\u0000')) throw new InputError(`${name} is not a text CSV file (it holds binary data).`);
    return onText(text, last, encoding) !== false;
  };
  const start = (bytes: Uint8Array): Uint8Array => {
    const guess = detectEncoding(bytes);
    encoding = force ?? guess.encoding;
    strict = force === undefined && guess.otherwise !== undefined;
    decoder = textDecoder(encoding, strict);
    return force === undefined ? bytes.subarray(guess.skip) : bytes;
  };
  for await (const chunk of fileBytes(file, limits.chunkBytes)) {
    if (!decoder) {
      head.push(chunk);
      headBytes += chunk.length;
      if (headBytes < SAMPLE_BYTES) continue;
      const first = start(Buffer.concat(head));
      head = [];
      if (!emit(first, false)) return;
      continue;
    }
    if (!emit(chunk, false)) return;
  }
  if (!decoder) emit(start(Buffer.concat(head)), true);
  else emit(new Uint8Array(0), true);
}

/** The length of `b` without a UTF-8 sequence cut at its end. */
function completeUtf8(b: Uint8Array): number {
  const n = b.length;
  for (let i = n - 1; i >= 0 && i >= n - 4; i--) {
    const c = b[i];
    if ((c & 0xc0) === 0x80) continue; // a continuation byte: look further back
    const need = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 1;
    return i + need > n ? i : n;
  }
  return n;
}

/** Rows in English and Russian ("1 048 575 rows" / "1 048 575 строк"). */
function rowsText(n: number): { en: string; ru: string } {
  return { en: `${n.toLocaleString('en')} ${n === 1 ? 'row' : 'rows'}`, ru: `${n.toLocaleString('ru').replace(/\u00a0/g, ' ')} ${ruPlural(n, ['строка', 'строки', 'строк'])}` };
}

function tooBig(file: string, rows: number, why: { en: string; ru: string }): InputError {
  const r = rowsText(rows);
  const name = path.basename(file);
  const messages = {
    en: `${name} is too large for the in-memory reader: stopped after ${r.en} (${why.en}). Split the file (for example by year) and analyse the parts, or filter it to the review window; a database engine for files of this size is planned.`,
    ru: `Файл ${name} слишком велик для чтения в памяти: чтение остановлено после ${r.ru} (${why.ru}). Разделите файл (например, по годам) и проанализируйте части или оставьте в нём только строки окна пересмотра; движок на базе данных для файлов такого размера запланирован.`,
  };
  return new InputError(messages.en, messages);
}

function rowTooLong(file: string, e: CsvRowTooLongError): InputError {
  const name = path.basename(file);
  const mib = Math.round(e.chars / 2 ** 20);
  const messages = {
    en: `${name}: row ${e.row + 1} runs on for more than ${mib} MiB of text — a quote (") that is never closed? Check that row in a text editor.`,
    ru: `${name}: строка ${e.row + 1} тянется больше чем на ${mib} МиБ текста — кавычка ("), которая не закрыта? Проверьте эту строку в текстовом редакторе.`,
  };
  return new InputError(messages.en, messages);
}

/** The CSV rows of a file, scanned in pieces; `onRow` returns false to stop. Returns the delimiter and encoding. */
async function scanCsv(
  file: string,
  limits: Required<CsvLimits>,
  force: TextEncoding | undefined,
  onRow: (row: CsvRow) => boolean | void,
): Promise<{ delimiter: string; encoding: TextEncoding; done: boolean }> {
  let scanner: CsvScanner | undefined;
  let pending = '';
  let newlines = 0;
  let delimiter = ',';
  let encoding: TextEncoding = 'utf-8';
  let stopped = false;
  const feed = (text: string, last: boolean) => {
    scanner!.push(text, last, (row) => {
      if (onRow(row) === false) {
        stopped = true;
        return false;
      }
    });
  };
  try {
    await readText(file, limits, force, (text, last, enc) => {
      encoding = enc;
      if (!scanner) {
        // the delimiter is decided on the first lines (core/csv looks at 50) as on the whole text
        pending += text;
        for (let i = pending.indexOf('\n', pending.length - text.length); i >= 0 && newlines < 400; i = pending.indexOf('\n', i + 1)) newlines++;
        if (!last && newlines < 400 && pending.length < limits.maxRowChars) return;
        const p = csvPrelude(pending);
        const body = pending.slice(p.skip);
        delimiter = p.delimiter ?? detectDelimiter(pending.charCodeAt(0) === 0xfeff ? pending.slice(1) : pending);
        scanner = CsvScanner.of(delimiter, limits.maxRowChars);
        pending = '';
        feed(body, last);
      } else feed(text, last);
      return !stopped;
    });
  } catch (e) {
    if (e instanceof CsvRowTooLongError) throw rowTooLong(file, e);
    throw e;
  }
  return { delimiter, encoding, done: !stopped };
}

/** Read a CSV whole as a grid of strings (in chunks; bounded by `maxGridCells`). */
export async function readCsvGrid(file: string, limits: CsvLimits = {}): Promise<SheetGrid> {
  const lim = { ...DEFAULTS, ...limits };
  for (const force of [undefined, 'retry'] as const) {
    try {
      return await gridPass(file, lim, force === 'retry' ? await codePage(file, lim) : undefined);
    } catch (e) {
      if (!(e instanceof NotUtf8)) throw e;
    }
  }
  throw new Error('unreachable');
}

/** The one-byte code page of a file that is not UTF-8 (core/decodeText's guess on its first bytes). */
async function codePage(file: string, limits: Required<CsvLimits>): Promise<TextEncoding> {
  const head: Uint8Array[] = [];
  let n = 0;
  for await (const chunk of fileBytes(file, limits.chunkBytes)) {
    head.push(chunk);
    n += chunk.length;
    if (n >= SAMPLE_BYTES) break;
  }
  return detectEncoding(Buffer.concat(head)).otherwise ?? 'windows-1252';
}

function sheetOf(file: string, grid: CellValue[][], encoding: TextEncoding, delimiter: string): SheetGrid {
  return { name: csvSheetName(file), grid, notes: encoding === 'utf-8' ? [] : [msg('input.encoding', { encoding, delimiter })] };
}

async function gridPass(file: string, limits: Required<CsvLimits>, force: TextEncoding | undefined): Promise<SheetGrid> {
  const grid: string[][] = [];
  let cells = 0;
  const { delimiter, encoding } = await scanCsv(file, limits, force, (row) => {
    cells += Math.max(1, row.length);
    if (cells > limits.maxGridCells) throw tooBig(file, grid.length, { en: `a table that is read whole holds at most ${limits.maxGridCells.toLocaleString('en')} cells`, ru: `таблица, которая читается целиком, вмещает не больше ${limits.maxGridCells.toLocaleString('ru').replace(/\u00a0/g, ' ')} ячеек` });
    grid.push(row.fields());
  });
  return sheetOf(file, grid, encoding, delimiter);
}

/** The first `limit` text cells of column `col` in rows [from, to) of the head — only if the head has them all. */
function headSample(head: ReadonlyArray<ReadonlyArray<CellValue>>, from: number, to: number): ColumnSample {
  return (col, limit) => {
    const out: string[] = [];
    for (let r = from; r < to && out.length < limit; r++) {
      const v = head[r]?.[col];
      if (typeof v === 'string') out.push(v);
    }
    if (out.length < limit) throw new ReadWhole();
    return out;
  };
}

function rowBlank(cells: ArrayLike<CellValue>): boolean {
  for (let i = 0; i < cells.length; i++) if (!isBlank(cells[i])) return false;
  return true;
}

/**
 * Analyse a CSV file: `optionsFor(head)` gives the analysis options once the first rows are read
 * (column overrides are resolved against them). The sheet returned holds the head rows only when
 * the file was streamed.
 */
export async function analyzeCsv(file: string, optionsFor: (sheet: SheetGrid) => AnalyzeOptions, sheetName?: string, limits: CsvLimits = {}): Promise<{ sheet: SheetGrid; analysis: Analysis; streamed: boolean }> {
  const lim = { ...DEFAULTS, ...limits };
  let force: TextEncoding | undefined;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return await analyzePass(file, lim, force, optionsFor, sheetName, attempt === 2);
    } catch (e) {
      if (e instanceof NotUtf8) force = await codePage(file, lim);
      else if (e instanceof ReadWhole) attempt = 1;
      else throw e;
    }
  }
  throw new Error('unreachable');
}

async function analyzePass(
  file: string,
  limits: Required<CsvLimits>,
  force: TextEncoding | undefined,
  optionsFor: (sheet: SheetGrid) => AnalyzeOptions,
  sheetName: string | undefined,
  whole: boolean,
): Promise<{ sheet: SheetGrid; analysis: Analysis; streamed: boolean }> {
  if (whole) {
    const sheet = await readCsvGrid(file, { ...limits });
    return analyzeSheet(file, sheet, optionsFor, sheetName);
  }
  const head: string[][] = [];
  const first = await scanCsv(file, limits, force, (row) => {
    head.push(row.fields());
    return head.length < limits.headRows;
  });
  const headSheet = sheetOf(file, head, first.encoding, first.delimiter);
  if (first.done) return analyzeSheet(file, headSheet, optionsFor, sheetName);
  // more rows than the head: find the table in the head
  pickSheet({ kind: 'csv', path: file, sheets: [headSheet] }, sheetName);
  const options = optionsFor(headSheet);
  let table: TableDetection;
  try {
    table = detectTable(head, options.detect);
  } catch (e) {
    if (e instanceof TableNotFoundError) throw new ReadWhole();
    throw e;
  }
  if (!streamable(table, head, options)) throw new ReadWhole();
  return streamLog(file, limits, force, headSheet, table, options);
}

/** Analyse a sheet read whole, as `analyze` does for any sheet. */
function analyzeSheet(file: string, sheet: SheetGrid, optionsFor: (sheet: SheetGrid) => AnalyzeOptions, sheetName: string | undefined): { sheet: SheetGrid; analysis: Analysis; streamed: boolean } {
  const picked = pickSheet({ kind: 'csv', path: file, sheets: [sheet] }, sheetName);
  return { sheet: picked, analysis: analyzeGrid(picked.grid, optionsFor(picked)), streamed: false };
}

/**
 * Can the rows after the head stream into a LogAccumulator with the grid's result? A log whose
 * table does not end inside the head, where the head holds what the detection's samples need.
 */
function streamable(table: TableDetection, head: ReadonlyArray<ReadonlyArray<CellValue>>, options: AnalyzeOptions): boolean {
  if (table.shape !== 'transactions' || options.formulasWithoutValue?.length) return false;
  let last = head.length;
  while (last > table.firstDataRow && rowBlank(head[last - 1])) last--;
  if (table.endRow < last) return false;
  // "one row per client" is decided on the first 5,000 client cells
  const client = table.columns.client!.index;
  let named = 0;
  for (let r = table.firstDataRow; r < head.length && named < 5000; r++) if (!isBlank(head[r][client])) named++;
  return named >= 5000 || table.columns.orderId !== undefined;
}

async function streamLog(
  file: string,
  limits: Required<CsvLimits>,
  force: TextEncoding | undefined,
  headSheet: SheetGrid,
  table: TableDetection,
  options: AnalyzeOptions,
): Promise<{ sheet: SheetGrid; analysis: Analysis; streamed: boolean }> {
  const head = headSheet.grid as string[][];
  const from = table.firstDataRow;
  if (options.inputNotes?.length) table.notes.unshift(...options.inputNotes);
  const log = new LogAccumulator(table, aggregateOptions(options), headSample(head, from, head.length));
  const c = table.columns;
  const clientCol = c.client!.index;
  const keyCol = c.amount!.index;
  const needed = [...new Set([c.date!.index, clientCol, keyCol, c.margin?.index, c.orderId?.index, c.manager?.index].filter((x): x is number => x !== undefined))];
  const cells: CellValue[] = new Array(Math.max(...needed) + 1).fill(undefined);
  let lastNonBlank = from - 1;
  let blankAt = -1;
  /** One data row, as tableExtent reads the table's end, into the log. */
  const take = (r: number, get: (i: number) => string | undefined, all: () => CellValue[]): void => {
    for (const i of needed) cells[i] = get(i);
    const k = cells[keyCol];
    const blankKeys = isBlank(cells[clientCol]) && isBlank(k);
    if (blankKeys && rowBlank(all())) {
      if (blankAt < 0) blankAt = r;
      return; // a blank row adds nothing to a log
    }
    lastNonBlank = r;
    // a header under the data, or a title line after a blank row: another table may start — the grid path decides
    const c0 = typeof k === 'string' ? k.charCodeAt(0) : 0;
    if ((c0 > 0x40 || c0 === 0x20 || c0 === 0xa0) && /^\s*\p{L}/u.test(k as string) && looksLikeHeader(all())) throw new ReadWhole();
    if (blankAt >= 0 && isBlank(k) && !isBlank(cells[clientCol]) && all().filter((v) => !isBlank(v)).length === 1) throw new ReadWhole();
    blankAt = -1;
    log.add(r, cells);
    if ((r & 4095) === 0) {
      if (log.clientCount > limits.maxClients) throw tooBig(file, r - from, { en: `more than ${limits.maxClients.toLocaleString('en')} distinct clients`, ru: `больше ${limits.maxClients.toLocaleString('ru').replace(/\u00a0/g, ' ')} разных клиентов` });
      if (log.heldRows > limits.maxHeldRows) throw tooBig(file, r - from, { en: `more than ${limits.maxHeldRows.toLocaleString('en')} rows inside the review window`, ru: `больше ${limits.maxHeldRows.toLocaleString('ru').replace(/\u00a0/g, ' ')} строк в окне пересмотра` });
    }
  };
  for (let r = from; r < head.length; r++) {
    const row = head[r];
    take(r, (i) => row[i], () => row);
  }
  let r = head.length;
  await scanCsv(file, limits, force, (row) => {
    if (row.index < head.length) return;
    take(r++, (i) => row.field(i), () => row.fields());
  });
  // the head said "dates"; the whole column must say so too, else the grid path decides
  if (log.datesBad > 0.4 * log.datesSeen) throw new ReadWhole();
  const agg = log.finish(lastNonBlank + 1);
  table.endRow = lastNonBlank + 1;
  return { sheet: headSheet, analysis: analyzeAggregation(table, agg, options), streamed: true };
}
