/**
 * Set-up imported by every task-pane test (jest-environment-jsdom): shims for what Fluent UI v9
 * needs and jsdom lacks (ResizeObserver, matchMedia, scrollIntoView, a little layout), a longer
 * wait for async queries, and a guard that fails a test on any console.error (act warnings).
 */
import { TextDecoder, TextEncoder } from 'util';
import { configure } from '@testing-library/react';

/*
 * findBy… queries and waitFor give up after 1 s by default. Reading, reviewing and applying a 10,000-row
 * sample takes about that long on a busy machine: wait up to 20 s (still far below jest's
 * per-test timeout), so a slow run is slow rather than red.
 */
configure({ asyncUtilTimeout: 20000 });

// keep failure output readable: Fluent's class names make DOM dumps huge
process.env.DEBUG_PRINT_LIMIT = process.env.DEBUG_PRINT_LIMIT ?? '1500';

const g = globalThis as unknown as Record<string, unknown>;

if (typeof g.TextEncoder === 'undefined') g.TextEncoder = TextEncoder;
if (typeof g.TextDecoder === 'undefined') g.TextDecoder = TextDecoder;

if (typeof g.ResizeObserver === 'undefined') {
  g.ResizeObserver = class {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  };
}

if (typeof window !== 'undefined') {
  if (typeof window.matchMedia !== 'function') {
    window.matchMedia = (query: string): MediaQueryList =>
      ({
        matches: false,
        media: query,
        onchange: null,
        addListener: () => undefined,
        removeListener: () => undefined,
        addEventListener: () => undefined,
        removeEventListener: () => undefined,
        dispatchEvent: () => false,
      }) as MediaQueryList;
  }
  if (typeof Element.prototype.scrollIntoView !== 'function') Element.prototype.scrollIntoView = () => undefined;

  /*
   * jsdom does no layout: offsetParent is always null and the body measures 0×0, so Fluent's focus
   * manager (tabster) takes every element for invisible. A dialog then cannot focus its first
   * button and tabster marks the open dialog aria-hidden. Give connected, non-hidden elements an
   * offsetParent and the body a size, as a browser would.
   */
  Object.defineProperty(HTMLElement.prototype, 'offsetParent', {
    configurable: true,
    get(this: HTMLElement): Element | null {
      if (!this.isConnected || this === this.ownerDocument.body) return null;
      if (this.closest('[hidden], [style*="display: none"]')) return null;
      return this.parentElement ?? this.ownerDocument.body;
    },
  });
  HTMLBodyElement.prototype.getBoundingClientRect = function (): DOMRect {
    return { x: 0, y: 0, top: 0, left: 0, width: 1024, height: 768, right: 1024, bottom: 768, toJSON: () => ({}) } as DOMRect;
  };
}

/*
 * React reports state updates outside act(), and Fluent reports misuse, through console.error:
 * a test that triggers one is a defect (or a race), so it fails here rather than passing quietly.
 */
let consoleErrors: string[] = [];
let spy: jest.SpyInstance | undefined;
beforeEach(() => {
  consoleErrors = [];
  spy = jest.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    consoleErrors.push(args.map((a) => (a instanceof Error ? a.stack ?? a.message : String(a))).join(' '));
  });
});
afterEach(() => {
  spy?.mockRestore();
  if (consoleErrors.length) throw new Error(`console.error during the test:\n${consoleErrors.join('\n')}`);
});
