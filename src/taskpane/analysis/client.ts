import { Analysis, analyzeGrid, ClientResult } from '../../core/analyze';
import type { CellValue } from '../../core/cells';
import type { Lang } from '../../core/format';
import { DetectOptions, detectTable, TableDetection } from '../../core/table';
import { DecideContext, decide, statusFromLabel, TierDecision } from '../../core/tiering';
import { CancelledError, throwIfCancelled } from '../../excel/host';
import { AnalyzeRequest, FromWorker, PackedPeriods, ROWS_PER_MESSAGE, ToWorker, unpackPeriods } from './protocol';

/**
 * The pane's door to the analysis. With a worker (the task pane in Office, the workbench) the
 * grid travels to it chunk by chunk while it is read from Excel, the analysis runs there, and the
 * result comes back in slices: no task on the main thread — which in Office's shared runtime is
 * also the custom functions' thread — handles more than one chunk. Cancel ends the worker
 * (a new one starts for the next job). Without a worker (jsdom tests, a host that refuses one)
 * the same core call runs in the pane's thread, with a yield before and after it.
 */
export interface AnalysisJob {
  signal?: AbortSignal;
  /** 0..1, or undefined while the amount of work left is unknown (the analysis itself). */
  onProgress?: (done: number | undefined) => void;
}

/** Rows arriving while a sheet is read: pass them on as they come, then close with the full grid. */
export interface GridStream {
  /** `json`: the rows as JSON text when the caller has it already (readSheet does). */
  add(start: number, rows: CellValue[][], json?: string): void;
  finish(values: CellValue[][]): void;
}

export interface AnalysisClient {
  readonly mode: 'worker' | 'inline';
  stream(): GridStream;
  /**
   * Core's detectTable on a grid: in the worker when it holds the grid (a pass over a million
   * rows took ~100 ms of the main thread, 300+ ms on a loaded machine), else here. Any failure
   * in the worker is answered by the same call here, so the caller gets core's own error.
   */
  detect(values: CellValue[][], options: DetectOptions): Promise<TableDetection>;
  analyze(values: CellValue[][], request: AnalyzeRequest, job?: AnalysisJob): Promise<Analysis>;
  dispose(): void;
}

/** Let the event loop run (input, paint, Excel's responses) before going on. */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

export type WorkerLike = Pick<Worker, 'postMessage' | 'terminate'> & {
  onmessage: ((e: MessageEvent<FromWorker>) => void) | null;
  onerror: ((e: ErrorEvent) => void) | null;
};

/** A worker-backed client when `spawn` gives a worker, else the inline one. */
export function createAnalysisClient(spawn?: () => WorkerLike | undefined): AnalysisClient {
  return spawn ? new WorkerAnalysis(spawn) : new InlineAnalysis();
}

export class InlineAnalysis implements AnalysisClient {
  readonly mode = 'inline' as const;
  stream(): GridStream {
    return { add: () => undefined, finish: () => undefined };
  }
  async detect(values: CellValue[][], options: DetectOptions): Promise<TableDetection> {
    return detectTable(values, options);
  }
  async analyze(values: CellValue[][], request: AnalyzeRequest, job: AnalysisJob = {}): Promise<Analysis> {
    job.onProgress?.(undefined);
    await nextTask();
    throwIfCancelled(job.signal);
    const analysis = analyzeGrid(values, request);
    await nextTask();
    throwIfCancelled(job.signal);
    job.onProgress?.(1);
    return analysis;
  }
  dispose(): void {}
}

interface Held {
  worker: WorkerLike;
  grid: number;
  /**
   * The grid as the JSON texts it was streamed in (start row, text), when it was: a new worker
   * (after Cancel ended the last one) gets the same texts again. A string is one object to the
   * garbage collector and a plain copy to postMessage, where turning the rows into JSON again
   * costs the main thread tens of milliseconds per few thousand rows.
   */
  texts?: Array<{ start: number; json: string }>;
}

/** Streamed texts sent in one task when a grid goes to a new worker (each is a plain copy of ≤ ~400 KB). */
const TEXTS_PER_TASK = 4;

/**
 * A decision's `reason` is written by core on first read (a getter on its class, so 100,000
 * clients stay fast) and is lost in the structured clone. Give it back the same way: on first
 * read, core's `decide` on the inputs analyzeClients gave it (core/analyze.ts), which returns
 * the same decision with its reason. Tests compare every reason with core's own.
 */
/** The client's `periods` map, built from its packed slice when first read (see protocol.ts PackedPeriods). */
function withLazyPeriods(c: ClientResult, packed: PackedPeriods, i: number): ClientResult {
  if (packed.offsets[i + 1] === packed.offsets[i]) return c;
  let periods: Map<number, number> | undefined;
  Object.defineProperty(c, 'periods', {
    configurable: true,
    enumerable: true,
    get: () => (periods ??= unpackPeriods(packed, i)),
  });
  return c;
}

function withLazyReason(c: ClientResult, ctx: DecideContext): ClientResult {
  let reason: Record<Lang, string> | undefined;
  const input = { measure: c.total, orders: c.orders, previousTier: c.previousTier, reviewsBelow: c.reviewsBelow, previousStatus: statusFromLabel(c.previousStatus) };
  Object.defineProperty(c.decision as TierDecision, 'reason', {
    configurable: true,
    enumerable: true,
    get: () => (reason ??= decide(input, ctx).reason),
  });
  return c;
}

export class WorkerAnalysis implements AnalysisClient {
  readonly mode = 'worker' as const;
  private worker: WorkerLike | undefined;
  private failed = false;
  private grids = 0;
  private jobs = 0;
  /** Which worker holds which grid, complete (keyed by the pane's values array). */
  private held = new WeakMap<CellValue[][], Held>();
  private readonly inline = new InlineAnalysis();
  /** Messages posted, for tests: kind and rows or clients carried. */
  readonly log: Array<{ kind: string; items: number }> = [];

  constructor(private readonly spawn: () => WorkerLike | undefined) {}

  private ensure(): WorkerLike | undefined {
    if (this.failed) return undefined;
    if (!this.worker) {
      this.worker = this.spawn();
      if (!this.worker) this.failed = true;
    }
    return this.worker;
  }

  private post(w: WorkerLike, m: ToWorker): void {
    this.log.push({ kind: m.kind, items: m.kind === 'rows' ? m.json.length : 0 });
    w.postMessage(m);
  }

  stream(): GridStream {
    const w = this.ensure();
    if (!w) return this.inline.stream();
    const grid = ++this.grids;
    const texts: Array<{ start: number; json: string }> = [];
    return {
      add: (start, rows, json) => {
        const text = json ?? JSON.stringify(rows);
        texts.push({ start, json: text });
        // the worker may have been ended (a cancelled job) meanwhile: analyze() then sends the texts again
        if (this.worker === w) this.post(w, { kind: 'rows', grid, start, json: text });
      },
      finish: (values) => {
        if (this.worker === w) this.post(w, { kind: 'end', grid, rowCount: values.length });
        this.held.set(values, { worker: w, grid, texts });
      },
    };
  }

  async detect(values: CellValue[][], options: DetectOptions): Promise<TableDetection> {
    const w = this.worker;
    const held = this.held.get(values);
    if (!w || !held || held.worker !== w || w.onmessage) return this.inline.detect(values, options);
    const id = ++this.jobs;
    const answer = await new Promise<TableDetection | undefined>((resolve) => {
      w.onmessage = (e) => {
        const m = e.data;
        if (m.job !== id) return;
        w.onmessage = null;
        w.onerror = null;
        resolve(m.kind === 'detected' ? m.detection : undefined);
      };
      w.onerror = (e) => {
        // the worker script could not run: from now on everything runs here (as analyze does)
        e.preventDefault?.();
        w.onmessage = null;
        w.onerror = null;
        w.terminate();
        this.worker = undefined;
        this.failed = true;
        resolve(undefined);
      };
      this.post(w, { kind: 'detect', job: id, grid: held.grid, options });
    });
    return answer ?? this.inline.detect(values, options);
  }

  async analyze(values: CellValue[][], request: AnalyzeRequest, job: AnalysisJob = {}): Promise<Analysis> {
    const w = this.ensure();
    if (!w) return this.inline.analyze(values, request, job);
    const { signal, onProgress } = job;
    let held = this.held.get(values);
    if (!held || held.worker !== w) {
      const grid = ++this.grids;
      const texts = held?.texts;
      if (texts) {
        // streamed before, to a worker that was ended since: the same texts, a few per task
        for (let i = 0; i < texts.length; i++) {
          throwIfCancelled(signal);
          this.post(w, { kind: 'rows', grid, start: texts[i].start, json: texts[i].json });
          if ((i + 1) % TEXTS_PER_TASK === 0 || i === texts.length - 1) {
            onProgress?.((0.3 * (i + 1)) / texts.length);
            await nextTask();
          }
        }
      } else {
        // send the grid in slices, one message per task
        for (let start = 0; start < values.length; start += ROWS_PER_MESSAGE) {
          throwIfCancelled(signal);
          this.post(w, { kind: 'rows', grid, start, json: JSON.stringify(values.slice(start, start + ROWS_PER_MESSAGE)) });
          onProgress?.((0.3 * Math.min(values.length, start + ROWS_PER_MESSAGE)) / values.length);
          await nextTask();
        }
      }
      throwIfCancelled(signal);
      this.post(w, { kind: 'end', grid, rowCount: values.length });
      held = { worker: w, grid, texts };
      this.held.set(values, held);
    }
    const id = ++this.jobs;
    const grid = held.grid;
    return new Promise<Analysis>((resolve, reject) => {
      let clients: ClientResult[] = [];
      let summary: Omit<Analysis, 'clients'> | undefined;
      let received = 0;
      const end = () => {
        w.onmessage = null;
        w.onerror = null;
        signal?.removeEventListener('abort', abort);
      };
      const abort = () => {
        end();
        // the analysis is one synchronous call in the worker: end the worker to stop it
        w.terminate();
        if (this.worker === w) this.worker = undefined;
        reject(new CancelledError());
      };
      if (signal?.aborted) {
        abort();
        return;
      }
      signal?.addEventListener('abort', abort);
      w.onerror = (e) => {
        // the worker script could not run (blocked or failed to load): analyse here instead
        e.preventDefault?.();
        end();
        w.terminate();
        this.worker = undefined;
        this.failed = true;
        this.inline.analyze(values, request, job).then(resolve, reject);
      };
      w.onmessage = (e) => {
        const m = e.data;
        if (m.job !== id) return;
        switch (m.kind) {
          case 'started':
            onProgress?.(undefined);
            return;
          case 'summary':
            summary = m.analysis;
            clients = new Array<ClientResult>(m.total);
            return;
          case 'clients': {
            const ctx: DecideContext = { rules: summary!.rules, bars: summary!.bars, window: summary!.figureWindow };
            for (let i = 0; i < m.clients.length; i++) {
              const c = withLazyReason(m.clients[i], ctx);
              clients[m.start + i] = m.periods ? withLazyPeriods(c, m.periods, i) : c;
            }
            received += m.clients.length;
            onProgress?.(0.9 + (0.1 * received) / clients.length);
            return;
          }
          case 'done':
            end();
            resolve({ ...summary!, clients });
            return;
          case 'failed': {
            end();
            const error = new Error(m.messages.en) as Error & { messages: typeof m.messages };
            error.messages = m.messages;
            reject(error);
            return;
          }
        }
      };
      this.post(w, { kind: 'analyze', job: id, grid, request });
    });
  }

  dispose(): void {
    this.worker?.terminate();
    this.worker = undefined;
  }
}
