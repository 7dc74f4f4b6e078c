/**
 * `createStandIn(model)`: an `Excel.run` look-alike over an in-memory workbook, for Node tests
 * and the browser workbench. Our `src/excel` code receives `run` by injection and cannot tell it
 * from Office's: same object model, same queue-and-sync semantics, same errors and limits.
 *
 * @example
 *   const standIn = createStandIn(modelFromGrid([{ name: 'Clients', values: [['Client', 'Revenue'], ['ACME', 100]] }]));
 *   const values = await standIn.run(async (context) => {
 *     const range = context.workbook.worksheets.getItem('Clients').getUsedRange();
 *     range.load('values');
 *     await context.sync();
 *     return range.values;
 *   });
 *   standIn.stats.syncs; // 1: run's final sync finds nothing queued and sends no request
 */
import { ErrorCodes, OfficeExtensionError } from './errors';
import { WorkbookModel } from './model';
import { RequestContextImpl } from './proxies';
import { Engine, StandInOptions, StandInStats } from './request';

/** `Excel.run`'s shape: the batch gets a request context and must return a promise. */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export interface StandIn {
  /** Like `Excel.run`: new context, run the batch, then sync whatever it left queued. */
  run: ExcelRun;
  /** The workbook being served; tests may inspect and change it between runs. */
  model: WorkbookModel;
  /** Requests and payload sizes, per sync; `stats.reset()` starts counting again. */
  stats: StandInStats;
  /** Turns cell-edit mode on or off: while on, every sync fails with InvalidOperationInCellEditMode. */
  setEditMode(on: boolean): void;
  /** Limits and settings in force (mutable, e.g. to lower a limit in one test). */
  options: Engine['options'];
}

export function createStandIn(model: WorkbookModel = new WorkbookModel(), options: StandInOptions = {}): StandIn {
  const engine = new Engine(model, options);
  const run: ExcelRun = async <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
    engine.stats.runs += 1;
    const context = new RequestContextImpl(engine);
    const pending = batch(context as unknown as Excel.RequestContext);
    if (!pending || typeof (pending as { then?: unknown }).then !== 'function') {
      throw new OfficeExtensionError({ code: ErrorCodes.runMustReturnPromise });
    }
    const result = await pending;
    await context.sync();
    return result;
  };
  return {
    run,
    model,
    stats: engine.stats,
    options: engine.options,
    setEditMode(on: boolean) {
      engine.editMode = on;
    },
  };
}
