import type { Analysis, AnalyzeOptions, ClientResult } from '../../core/analyze';
import type { Lang } from '../../core/format';

/**
 * Messages between the task pane (main thread) and the analysis worker. Everything here is plain
 * data for the structured clone; no message carries more than one chunk of rows or one slice of
 * clients, so neither side spends long on one (de)serialisation.
 */

/** Rows per message when the pane sends a grid it already holds (a chunk read from Excel is sent as read). */
export const ROWS_PER_MESSAGE = 20000;
/** Clients per message of the result (a 1M-row log has ~100,000 clients; one clone of them all takes > 1 s). */
export const CLIENTS_PER_MESSAGE = 4000;

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
  | { kind: 'analyze'; job: number; grid: number; request: AnalyzeRequest };

export type FromWorker =
  /** The analysis started (the grid was complete). */
  | { kind: 'started'; job: number }
  /** Everything but the clients, then `total` clients follow in slices. */
  | { kind: 'summary'; job: number; analysis: Omit<Analysis, 'clients'>; total: number }
  /**
   * Clients [start, start + clients.length). Their decisions arrive without `reason`: core writes
   * that text lazily through a getter, which a structured clone does not carry (see client.ts).
   */
  | { kind: 'clients'; job: number; start: number; clients: ClientResult[] }
  /** The last slice was sent. */
  | { kind: 'done'; job: number }
  /** The analysis failed: the message in both languages (as excel/errors `userMessage` gives it). */
  | { kind: 'failed'; job: number; messages: Record<Lang, string> };
