import { deserialize, serialize } from 'v8';
import { AnalysisEngine } from '../../src/taskpane/analysis/engine';
import type { WorkerLike } from '../../src/taskpane/analysis/client';
import type { FromWorker, ToWorker } from '../../src/taskpane/analysis/protocol';

/** V8's structured clone (what postMessage does), available under jsdom too. */
export function clone<T>(x: T): T {
  return deserialize(serialize(x)) as T;
}

/**
 * A Worker for tests: the real worker code (AnalysisEngine) on the other side of a message
 * boundary — every message structured-cloned and delivered in a later task, both ways — so the
 * pane's protocol, chunking, slicing and cancel are exercised as in a browser. `hold()` keeps
 * the worker's results back (its "started" still goes through) until `release()`, to act while
 * an analysis is "running".
 */
export class FakeWorker implements WorkerLike {
  onmessage: ((e: MessageEvent<FromWorker>) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  terminated = false;
  readonly received: ToWorker[] = [];
  readonly sent: FromWorker[] = [];
  private held: FromWorker[] | null = null;
  private readonly engine = new AnalysisEngine((m) => {
    const copy = clone(m);
    this.sent.push(copy);
    if (this.held && copy.kind !== 'started') this.held.push(copy);
    else this.deliver(copy);
  });

  postMessage(m: ToWorker): void {
    if (this.terminated) return; // a terminated worker drops messages, as a real one does
    const copy = clone(m);
    this.received.push(copy);
    setTimeout(() => {
      if (!this.terminated) this.engine.handle(copy);
    }, 0);
  }

  terminate(): void {
    this.terminated = true;
  }

  hold(): void {
    this.held = [];
  }

  release(): void {
    const held = this.held ?? [];
    this.held = null;
    for (const m of held) this.deliver(m);
  }

  private deliver(m: FromWorker): void {
    setTimeout(() => {
      if (!this.terminated) this.onmessage?.({ data: m } as MessageEvent<FromWorker>);
    }, 0);
  }
}

/** A spawn function handing out FakeWorkers, keeping them for inspection. */
export function fakeSpawner(): { spawn: () => FakeWorker; workers: FakeWorker[] } {
  const workers: FakeWorker[] = [];
  return {
    workers,
    spawn: () => {
      const w = new FakeWorker();
      workers.push(w);
      return w;
    },
  };
}
