/**
 * A pane that fits Excel (issue 12): Excel's task pane is about 320-350 px wide. At 320 px and at
 * 420 px, in English and in Russian, every step of the pane — the source with its column mapping,
 * the rules editor, the review list with a client's details open, the dashboard and the notices —
 * is walked and measured: nothing may run past the pane sideways (paneOverflows). Screenshots of
 * each step go to test-results/e2e/pane-<width>-<lang>-<step>.png (the 320 px ones are in docs/).
 */
import { Page } from 'playwright-core';
import { promises as fs } from 'fs';
import * as path from 'path';
import { openPage, SHOTS, useWorkbench } from './browser';
import { paneOverflows } from './pane';

jest.setTimeout(240000);

const wb = useWorkbench();

/** Overflows found at each step (all steps are walked before the test fails, so one run shows every problem). */
type Found = Record<string, string[]>;

async function check(page: Page, name: string, found: Found, from = '[data-testid="pane"] main'): Promise<void> {
  // let the layout settle (charts size themselves to their box)
  await page.waitForTimeout(150);
  const pane = page.getByTestId('pane');
  // the screenshot starts at `from` (the top of the pane, or e.g. the review list)
  await pane.evaluate((el, sel) => {
    const target = document.querySelector(sel) as HTMLElement | null;
    el.scrollTo(0, target ? target.getBoundingClientRect().top - el.getBoundingClientRect().top + el.scrollTop - 8 : 0);
  }, from);
  await fs.mkdir(SHOTS, { recursive: true });
  await pane.screenshot({ path: path.join(SHOTS, `${name}.png`) });
  const overflows = await paneOverflows(page);
  if (overflows.length) found[name] = overflows.slice(0, 12).map((o) => `${o.what}: ${o.clipped ? `text cut by ${o.clipped} px` : `${Math.round(o.left + o.right)} px outside`}`);
}

describe.each([320, 420])('a %i px pane', (width) => {
  test.each(['en', 'ru'] as const)('%s: every step fits', async (lang) => {
    const { page, errors } = await openPage(wb.browser(), `${wb.url()}/workbench.html?lang=${lang}&pane=${width}`);
    const found: Found = {};
    await page.setViewportSize({ width: 1100, height: 900 });
    // the pane's width without its 1 px border (its scroll bar is inside, as in Excel)
    expect(await page.getByTestId('pane').evaluate((el) => el.getBoundingClientRect().width - 1)).toBeCloseTo(width, 0);
    await page.getByTestId('read-sheet').waitFor();
    await check(page, `pane-${width}-${lang}-0-start`, found);
    await page.getByTestId('read-sheet').click();
    await page.getByTestId('detected-shape').waitFor();
    await check(page, `pane-${width}-${lang}-1-source`, found);
    await page.getByTestId('to-rules').click();
    await page.getByTestId('tier-0').waitFor();
    await check(page, `pane-${width}-${lang}-2-rules`, found);
    await page.getByTestId('to-review').click();
    await page.getByTestId('status-counts').waitFor();
    // the reason opens under the client, in words
    await page.getByTestId('client-open').first().click();
    await page.getByTestId('client-reason').waitFor();
    expect(((await page.getByTestId('client-reason').textContent()) ?? '').length).toBeGreaterThan(10);
    await check(page, `pane-${width}-${lang}-3-review`, found, '[data-testid="reviewed-source"]');
    await page.getByTestId('tab-dashboard').click();
    await page.getByTestId('dashboard').waitFor();
    await check(page, `pane-${width}-${lang}-4-dashboard`, found);
    await page.getByTestId('tab-notices').click();
    await page.getByTestId('notices-company').waitFor();
    await check(page, `pane-${width}-${lang}-5-notices`, found);
    expect(found).toEqual({});
    expect(errors).toEqual([]);
  });
});
