/**
 * A long apply keeps the pane alive (issue 12): on a 150,000-client sheet the page froze 3.4 s with
 * the bar at 30 % and Cancel out of reach. Here the same size of sheet (one row per client,
 * generated in the page and opened through the workbench's `openCsv` hook) is reviewed and
 * applied while a PerformanceObserver records main-thread tasks over 50 ms and a MutationObserver
 * the progress bar's values. Asserted: the bar moves through the write phase (many distinct values
 * past 30 %), and Cancel pressed in the middle of the write stops it and leaves the sheet as it
 * was. The longest task and how long Cancel took to land are printed; the 5 s limit on the
 * latter (Office restarts an add-in that blocks about 5 s) is asserted only with
 * LONG_APPLY_STRICT=1: on this shared 2-core machine it is not met yet (see the report in the
 * commit that added this file), and a relaxed threshold would hide that.
 */
import { Page } from 'playwright-core';
import { openPage, useWorkbench } from './browser';

jest.setTimeout(900_000);

const wb = useWorkbench();
const CLIENTS = Number(process.env.LONG_APPLY_CLIENTS) || 150_000;

async function openClients(page: Page): Promise<void> {
  await page.getByTestId('read-sheet').waitFor();
  await page.evaluate((n) => {
    const lines = ['Client,Revenue'];
    // a deterministic spread of revenues (a few large, many small), names as text
    for (let i = 1; i <= n; i++) lines.push(`Client ${String(i).padStart(6, '0')},${Math.round(5_000_000 / i + ((i * 7919) % 1000))}`);
    window.__workbench!.openCsv(lines.join('\n'), 'Clients');
  }, CLIENTS);
  await page.getByTestId('read-sheet').waitFor();
  await page.getByTestId('read-sheet').click();
  await page.getByTestId('detected-shape').waitFor({ timeout: 300_000 });
  await page.getByTestId('to-rules').click();
  await page.getByTestId('to-review').click();
  await page.getByTestId('status-counts').waitFor({ timeout: 300_000 });
}

async function watch(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __tasks: number[]; __bar: number[]; __watching?: boolean };
    w.__tasks = [];
    w.__bar = [];
    if (w.__watching) return;
    w.__watching = true;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__tasks.push(e.duration);
    }).observe({ type: 'longtask' });
    new MutationObserver(() => {
      const v = Number(document.querySelector('[data-testid="busy"] [role="progressbar"]')?.getAttribute('aria-valuenow'));
      if (Number.isFinite(v) && w.__bar[w.__bar.length - 1] !== v) w.__bar.push(v);
    }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-valuenow'] });
  });
}

async function seen(page: Page): Promise<{ tasks: number[]; bar: number[] }> {
  return page.evaluate(() => {
    const w = window as unknown as { __tasks: number[]; __bar: number[] };
    return { tasks: w.__tasks.slice(), bar: w.__bar.slice() };
  });
}

/**
 * KNOWN TO FAIL (jest's test.failing: it reports when it starts passing). Measured 2026-12-02 on
 * 150,000 clients in the workbench on this shared machine: the bar now moves through every phase
 * (95 values, test below), but one main-thread task still lasts about 5.6 s, so a click on Cancel
 * made at 50 % lands only after the write phase, where the apply no longer stops ("Applied" comes,
 * never "Cancelled."). Where the 5.6 s go is not found yet (candidates: the stand-in executing a
 * 3 MB write request, the undo record packed and saved in one piece, the grid redrawn over the
 * 150,000-row sheet after the batch).
 */
test.failing(`${CLIENTS.toLocaleString('en')} clients: Cancel in the middle of the write stops it and leaves the sheet as it was`, async () => {
  const { page, errors } = await openPage(wb.browser(), `${wb.url()}/workbench.html?lang=en`);
  await openClients(page);
  await watch(page);
  await page.getByTestId('apply').click();
  // into the write phase (the re-read is 0-25 %, the check of the cells to about 41 %), then Cancel
  await page.waitForFunction(() => Number(document.querySelector('[data-testid="busy"] [role="progressbar"]')?.getAttribute('aria-valuenow')) > 0.5, undefined, { timeout: 300_000, polling: 50 });
  const t0 = Date.now();
  await page.getByTestId('cancel').click({ timeout: 300_000 });
  const landed = Date.now() - t0;
  await page.getByTestId('message').filter({ hasText: 'Cancelled.' }).waitFor({ timeout: 300_000 });
  const reaction = Date.now() - t0;
  console.log(`cancel: the click landed after ${landed} ms`);
  if (process.env.LONG_APPLY_STRICT === '1') expect(landed).toBeLessThan(5000);
  const { tasks } = await seen(page);
  console.log(`cancel: stopped ${reaction} ms after the click; longest task ${Math.round(Math.max(0, ...tasks))} ms (${tasks.length} over 50 ms)`);
  // nothing of the results is left: the column right of the table is empty again
  expect(await page.evaluate(() => window.__workbench!.model.sheet('Clients').usedRange(true)!.c1)).toBe(1);
  expect(errors).toEqual([]);
});

test(`${CLIENTS.toLocaleString('en')} clients: the bar moves through every phase of the apply`, async () => {
  const { page, errors } = await openPage(wb.browser(), `${wb.url()}/workbench.html?lang=en`);
  await openClients(page);
  await watch(page);
  const t0 = Date.now();
  await page.getByTestId('apply').click();
  await page.getByTestId('message').filter({ hasText: /^Applied/ }).waitFor({ timeout: 600_000 });
  const { tasks, bar } = await seen(page);
  console.log(`apply: ${Date.now() - t0} ms; bar values ${bar.length} (${bar.map((v) => v.toFixed(2)).join(' ')}); longest task ${Math.round(Math.max(0, ...tasks))} ms (${tasks.length} over 50 ms)`);
  const past = bar.filter((v) => v > 0.3);
  expect(past.length).toBeGreaterThan(10);
  expect(Math.max(...bar)).toBeGreaterThan(0.85);
  expect(errors).toEqual([]);
});
