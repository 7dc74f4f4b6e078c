/**
 * Helpers for the pane's browser tests: where the pane is, what overflows it, and the manager's
 * ordinary moves (switch the grid's sheet tab, a step of the pane).
 */
import { Page } from 'playwright-core';

export interface Overflow {
  /** A short description of the element: tag, test id or class, and its text. */
  what: string;
  /** How far past the pane's left / right edge, or its own box (clipped text), in CSS pixels. */
  left: number;
  right: number;
  clipped: number;
}

/**
 * Everything in the task pane that runs past its width: (1) any element whose box leaves the pane
 * sideways, unless it sits in a scroll box that itself fits (a wide data table may scroll; its
 * controls may not); (2) any control (button, input, select, tab, badge, label) leaving the pane or
 * its own scroll box; (3) text cut by its own box (scrollWidth > clientWidth where overflow is
 * hidden or clipped; the text inside an input scrolls by design and is left out); (4) the pane
 * scrolling sideways at all.
 */
export async function paneOverflows(page: Page): Promise<Overflow[]> {
  return page.evaluate(() => {
    const pane = document.querySelector('[data-testid="pane"]') as HTMLElement;
    const box = pane.getBoundingClientRect();
    const out: Array<{ what: string; left: number; right: number; clipped: number }> = [];
    const describe = (el: Element) => {
      const id = el.getAttribute('data-testid') ?? el.getAttribute('aria-label') ?? (typeof el.className === 'string' ? el.className.split(' ')[0] : '');
      return `${el.tagName.toLowerCase()}[${id}] "${(el.textContent ?? '').trim().slice(0, 40)}"`;
    };
    const CONTROL = 'button, input, select, textarea, [role="tab"], [role="button"], label, .fui-Badge';
    const scrollBox = (el: Element): HTMLElement | null => {
      for (let p = el.parentElement; p && p !== pane; p = p.parentElement) {
        const o = getComputedStyle(p).overflowX;
        if (o === 'auto' || o === 'scroll') return p;
      }
      return null;
    };
    const tol = 0.5;
    if (pane.scrollWidth > pane.clientWidth + 1) out.push({ what: 'the pane scrolls sideways', left: 0, right: pane.scrollWidth - pane.clientWidth, clipped: 0 });
    for (const el of Array.from(pane.querySelectorAll('*'))) {
      const r = el.getBoundingClientRect();
      // Fluent's focus-trap helpers (tabster's 1 px "dummy" elements, fixed at the page's corner) are not content
      if ((r.width <= 1 && r.height <= 1) || el.hasAttribute('data-tabster-dummy')) continue;
      const style = getComputedStyle(el);
      if (style.visibility === 'hidden' || style.display === 'none') continue;
      const holder = scrollBox(el);
      const isControl = el.matches(CONTROL);
      const frame = holder && !isControl ? holder.getBoundingClientRect() : box;
      if (!holder || isControl) {
        const bound = holder && isControl ? holder.getBoundingClientRect() : box;
        const left = bound.left - r.left;
        const right = r.right - bound.right;
        if (left > tol || right > tol) out.push({ what: describe(el), left: Math.max(0, left), right: Math.max(0, right), clipped: 0 });
      } else if (frame.right - box.right > tol || box.left - frame.left > tol) {
        out.push({ what: `scroll box of ${describe(el)}`, left: 0, right: frame.right - box.right, clipped: 0 });
      }
      const tag = el.tagName.toLowerCase();
      if ((style.overflowX === 'hidden' || style.overflowX === 'clip') && tag !== 'input' && tag !== 'textarea' && tag !== 'select' && el.scrollWidth > el.clientWidth + 1) {
        out.push({ what: describe(el), left: 0, right: 0, clipped: el.scrollWidth - el.clientWidth });
      }
    }
    return out;
  });
}

/** Shows another sheet in the grid, as a user clicking its tab (the workbook's active sheet changes). */
export async function showSheet(page: Page, name: string): Promise<void> {
  await page.getByTestId(`sheet-tab-${name}`).click();
  await page.waitForFunction((n) => window.__workbench?.model.activeSheet?.name === n, name);
}

/** A cell of the stand-in's workbook, as the page holds it. */
export async function cellValue(page: Page, sheet: string, address: string): Promise<unknown> {
  return page.evaluate(([s, a]) => window.__workbench!.model.sheet(s).cell(a).value ?? null, [sheet, address] as const);
}

/** The pane's message bar once it shows `text`. */
export async function message(page: Page, text: string | RegExp): Promise<string> {
  const bar = page.getByTestId('message').filter({ hasText: text });
  await bar.waitFor();
  return (await bar.textContent()) ?? '';
}
