/**
 * The one door to Excel. Everything in src/excel receives an `ExcelRun` — `Excel.run` inside
 * Office, the workbench's stand-in elsewhere — so tests can count syncs and bytes through it.
 */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** Excel.run inside an Office host. */
export const officeRun: ExcelRun = (batch) => Excel.run((context) => batch(context));

/** Excel on the web caps each request and response at 5 MB; we stay well below. */
export const PAYLOAD_LIMIT = 5 * 1024 * 1024;
export const PAYLOAD_BUDGET = Math.floor(PAYLOAD_LIMIT * 0.6);

/** Progress of long work, 0..1, with a short label. */
export type Progress = (done: number, label: string) => void;

/** Thrown when the user cancels long work (the layer has undone any partial write). */
export class CancelledError extends Error {
  constructor() {
    super('Cancelled');
    this.name = 'CancelledError';
  }
}

export function throwIfCancelled(signal?: AbortSignal): void {
  if (signal?.aborted) throw new CancelledError();
}

/** Quote a sheet name for an address the way Excel does: 'Tier history'!A1. */
export function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** Bytes of a string in UTF-8, as it travels in a request or response (Cyrillic takes 2 per letter). */
export function utf8Bytes(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) continue;
    if (c < 0x800) n += 1;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 2; // a surrogate pair: two UTF-16 units, four bytes
      i++;
    } else n += 2;
  }
  return n;
}

/** Rough JSON size of a block of values: what a request or response carrying it weighs. */
export function jsonBytes(values: unknown): number {
  return utf8Bytes(JSON.stringify(values) ?? 'null');
}

/**
 * Whether the host supports the ExcelApi requirement set `version` ("1.6"). Outside Office (the
 * workbench, tests) there is no `Office` global and the answer is yes: the stand-in then answers
 * for itself, failing calls it lacks with ApiNotFound as an old Excel does.
 */
export function excelApiSupported(version: string): boolean {
  const requirements = (globalThis as { Office?: { context?: { requirements?: { isSetSupported(name: string, version?: string): boolean } } } }).Office?.context?.requirements;
  try {
    return requirements ? requirements.isSetSupported('ExcelApi', version) : true;
  } catch {
    return false;
  }
}

/**
 * Gives the page a turn between chunks of long work: it paints the progress bar and takes the
 * click on Cancel. Inside Excel each `context.sync()` is a round trip, so the add-in's code after
 * it already runs in a new task; but the work between two syncs (building a chunk, measuring the
 * next) and a host that answers at once (the workbench's stand-in) would otherwise run on without
 * a break — a 150,000-client apply froze the pane for 3.4 s with Cancel unreachable. The shared
 * runtime's custom functions run on the same thread and get their turn here too.
 */
export function yieldToUi(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Consecutive chunks [start, end) as `chunksByBytes` makes them, one at a time: a chunk's rows are
 * measured only when the caller asks for it, so the measuring (JSON of every row) is spread over
 * the chunks instead of done for all rows before the first write.
 */
export function* chunkRanges(count: number, rowBytes: (i: number) => number, budget: number, perRow = 8): Generator<[number, number]> {
  let start = 0;
  let bytes = 0;
  for (let i = 0; i < count; i++) {
    const b = rowBytes(i) + perRow;
    if (i > start && bytes + b > budget) {
      yield [start, i];
      start = i;
      bytes = 0;
    }
    bytes += b;
  }
  if (count > start) yield [start, count];
}

/**
 * Consecutive chunks [start, end) of `count` rows, each as many rows as fit in `budget` bytes,
 * from what each row actually weighs (`rowBytes(i)`, the UTF-8 JSON it carries) plus `perRow`
 * for separators, so one long row (a 30,000-character notice) never rides with a chunk sized
 * for short ones. A row heavier than the budget by itself goes alone: the caller's request then
 * fails with Excel's payload error rather than being split inside a row.
 */
export function chunksByBytes(count: number, rowBytes: (i: number) => number, budget: number, perRow = 8): Array<[number, number]> {
  return [...chunkRanges(count, rowBytes, budget, perRow)];
}
