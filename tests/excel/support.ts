/**
 * Small helpers shared by the src/excel tests: catching a rejection with its type, and wrapping
 * an `ExcelRun` so a test can act between two syncs (protect a sheet, enter cell-edit mode…).
 */
import { ExcelRun } from '../../src/excel/host';
import { ExcelLayerError } from '../../src/excel/errors';

/** The error a promise rejects with (fails the test when it resolves). */
export async function rejection(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (e) {
    return e;
  }
  throw new Error('Expected the promise to reject, but it resolved.');
}

/** Awaits a rejection that must be an ExcelLayerError with the given code. */
export async function layerError(p: Promise<unknown>, code: string): Promise<ExcelLayerError> {
  const e = await rejection(p);
  expect(e).toBeInstanceOf(ExcelLayerError);
  expect((e as ExcelLayerError).code).toBe(code);
  return e as ExcelLayerError;
}

export interface SyncHooks {
  /** Called before each `context.sync()` with the number of pending actions (1-based call count). */
  before?: (call: number, pending: number) => void;
  /** Called after each sync settles (resolved or rejected). */
  after?: (call: number, failed: boolean) => void;
}

/** An ExcelRun whose contexts call the hooks around every sync. */
export function hookedRun(run: ExcelRun, hooks: SyncHooks): ExcelRun {
  let call = 0;
  return <T>(batch: (context: Excel.RequestContext) => Promise<T>) =>
    run(async (ctx) => {
      const original = ctx.sync.bind(ctx);
      const pendingOf = () => (ctx as unknown as { pendingActionCount?: number }).pendingActionCount ?? -1;
      (ctx as unknown as { sync: (v?: unknown) => Promise<unknown> }).sync = async (v?: unknown) => {
        call++;
        const n = call;
        hooks.before?.(n, pendingOf());
        let failed = false;
        try {
          return await original(v);
        } catch (e) {
          failed = true;
          throw e;
        } finally {
          hooks.after?.(n, failed);
        }
      };
      return batch(ctx);
    });
}
