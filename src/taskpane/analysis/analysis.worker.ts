import { AnalysisEngine } from './engine';
import type { FromWorker, ToWorker } from './protocol';

/**
 * The analysis worker: receives the grid in chunks as the pane reads it from Excel and runs the
 * analysis off the main thread, which in Excel's shared runtime is also the custom functions'
 * thread (Office restarts an add-in that stays unresponsive for about 5 s).
 */
const scope = self as unknown as { onmessage: ((e: MessageEvent<ToWorker>) => void) | null; postMessage: (m: FromWorker) => void };
const engine = new AnalysisEngine((m) => scope.postMessage(m));
scope.onmessage = (e) => engine.handle(e.data);
