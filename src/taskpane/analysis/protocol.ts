import type { Analysis, AnalyzeOptions, ClientResult } from '../../core/analyze';
import type { Lang } from '../../core/format';
import type { DetectOptions, TableDetection } from '../../core/table';

/**
 * Messages between the task pane (main thread) and the analysis worker. Everything here is plain
 * data for the structured clone; no message carries more than one chunk of rows or one slice of
 * clients, so neither side spends long on one (de)serialisation.
 */

/**
 * Rows per message when the pane sends a grid that was not streamed to a worker as it was read
 * (turning 20,000 rows into JSON took 90–170 ms on the main thread in tests/e2e/longTasks.test.ts;
 * 5,000 stay well under 50 ms). A grid that was streamed is sent again as the same JSON texts.
 */
export const ROWS_PER_MESSAGE = 5000;
/**
 * Clients per message of the result (a 1M-row log has ~100,000 clients; one clone of them all
 * takes > 1 s). Their per-month amounts travel packed in typed arrays (see PackedPeriods).
 */
export const CLIENTS_PER_MESSAGE = 2000;

/**
 * The `periods` maps of a slice of clients, packed: client i's months are
 * months[offsets[i] .. offsets[i+1]) with their amounts in `amounts`. A Map per client costs the
 * receiving (main) thread tens of objects each to clone and to collect; three typed arrays cost
 * a copy. An empty range means the client had no `periods` (core never makes an empty map).
 */
export interface PackedPeriods {
  offsets: Int32Array;
  months: Int32Array;
  amounts: Float64Array;
}

/** What the analysis needs besides the grid: AnalyzeOptions minus anything that is not data. */
export type AnalyzeRequest = Pick<AnalyzeOptions, 'rules' | 'detect' | 'asOfDay' | 'windowMonths' | 'previous' | 'periods' | 'numberLocale' | 'reviewDay' | 'restartHistory' | 'previousComplete'>;

export type ToWorker =
  /**
   * Rows [start, …) of grid `grid` as JSON text (a new grid id drops the previous grid). Text,
   * because Range.values is JSON data and a string is copied to a worker in a few milliseconds,
   * where the structured clone of 60,000 rows of cells takes hundreds on the main thread.
   */
  | { kind: 'rows'; grid: number; start: number; json: string }
  /** The grid is complete with `rowCount` rows. */
  | { kind: 'end'; grid: number; rowCount: number }
  /** Analyse a complete grid. */
  | { kind: 'analyze'; job: number; grid: number; request: AnalyzeRequest }
  /** Find the client table in a complete grid (core detectTable: a pass over every row). */
  | { kind: 'detect'; job: number; grid: number; options: DetectOptions };

export type FromWorker =
  /** The analysis started (the grid was complete). */
  | { kind: 'started'; job: number }
  /** Everything but the clients, then `total` clients follow in slices. */
  | { kind: 'summary'; job: number; analysis: Omit<Analysis, 'clients'>; total: number }
  /**
   * Clients [start, start + clients.length). Their decisions arrive without `reason`: core writes
   * that text lazily through a getter, which a structured clone does not carry (see client.ts);
   * their `periods` come in `periods`, packed.
   */
  | { kind: 'clients'; job: number; start: number; clients: ClientResult[]; periods?: PackedPeriods }
  /** The last slice was sent. */
  | { kind: 'done'; job: number }
  /** The table found by a `detect` job. */
  | { kind: 'detected'; job: number; detection: TableDetection }
  /** The analysis failed: the message in both languages (as excel/errors `userMessage` gives it). */
  | { kind: 'failed'; job: number; messages: Record<Lang, string> };

/** The slice's `periods` maps packed into typed arrays (protocol.ts PackedPeriods), or undefined when none has any. */
export function packPeriods(clients: readonly ClientResult[]): PackedPeriods | undefined {
  let n = 0;
  for (const c of clients) n += c.periods?.size ?? 0;
  if (n === 0) return undefined;
  const offsets = new Int32Array(clients.length + 1);
  const months = new Int32Array(n);
  const amounts = new Float64Array(n);
  let k = 0;
  for (let i = 0; i < clients.length; i++) {
    const p = clients[i].periods;
    if (p) {
      for (const [m, a] of p) {
        months[k] = m;
        amounts[k++] = a;
      }
    }
    offsets[i + 1] = k;
  }
  return { offsets, months, amounts };
}

/** Client i's periods map from a packed slice (undefined when it had none), in the order it was packed. */
export function unpackPeriods(p: PackedPeriods, i: number): Map<number, number> | undefined {
  const from = p.offsets[i];
  const to = p.offsets[i + 1];
  if (to === from) return undefined;
  const m = new Map<number, number>();
  for (let k = from; k < to; k++) m.set(p.months[k], p.amounts[k]);
  return m;
}
