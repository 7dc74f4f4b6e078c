/**
 * The Notices panel in the workbench, in a real browser: review the sample, open the Notices tab,
 * check the preview and the problems list, generate, and find the letters in the "Notices" sheet
 * of the stand-in's workbook — client names as text, never formulas. Screenshot: en-7-notices.
 */
import { Page } from 'playwright-core';
import { openPage, readAndReview, shot, useWorkbench } from './browser';

jest.setTimeout(120000);

const wb = useWorkbench();


/** Rows of an owned sheet of the stand-in's workbook (header first), or null when it does not exist. */
async function sheetRows(page: Page, name: string): Promise<Array<Array<unknown>> | null> {
  return page.evaluate((n) => {
    const wb = window.__workbench!;
    const s = wb.model.findSheet(n);
    const used = s?.usedRange(true);
    if (!s || !used) return null;
    const rows: unknown[][] = [];
    for (let r = used.r0; r <= used.r1; r++) {
      const row: unknown[] = [];
      for (let c = used.c0; c <= used.c1; c++) {
        const cell = s.cell(r, c);
        row.push(cell.formula !== undefined ? { formula: cell.formula } : (cell.value ?? null));
      }
      rows.push(row);
    }
    return rows;
  }, name);
}

test('English sample: review, then generate the notices into the Notices sheet', async () => {
  const { page, errors } = await openPage(wb.browser(), `${wb.url()}/workbench.html?lang=en`);
  await page.getByTestId('read-sheet').waitFor();
  // a client whose name would be a formula in a General cell: the notices must keep it as text
  await page.evaluate(() => {
    const s = window.__workbench!.model.sheet('Clients');
    s.setValue(3, 0, '=HYPERLINK("http://evil.example","x")');
  });
  await readAndReview(page);
  const counts = (await page.getByTestId('status-counts').textContent()) ?? '';
  const grace = Number(/Grace warning: (\d+)/.exec(counts)?.[1] ?? 0);
  const up = Number(/Up: (\d+)/.exec(counts)?.[1] ?? 0);
  expect(grace).toBeGreaterThan(0);

  await page.getByTestId('tab-notices').click();
  await page.getByTestId('notices').waitFor();
  // the preview is a letter for a real client, the company still to be filled in
  await expect(page.getByTestId('notices-preview-subject').textContent()).resolves.toMatch(/: your (VIP|Key) status stays until \d+ \w+ \d{4}$/);
  await expect(page.getByTestId('notices-warnings').textContent()).resolves.toContain('{{company}} is empty');
  await page.getByTestId('notices-company').fill('Northwind Print');
  await page.getByTestId('notices-new-manager').fill('the Client Care desk');
  await page.getByTestId('notices-warnings').waitFor({ state: 'detached' });
  await expect(page.getByTestId('notices-preview-body').textContent()).resolves.toMatch(/Kind regards,\n.+\nNorthwind Print$/);

  await page.getByTestId('notices-generate').click();
  await page.getByTestId('message').filter({ hasText: 'written to the "Notices" sheet' }).waitFor();
  const rows = await sheetRows(page, 'Notices');
  expect(rows).not.toBeNull();
  expect(rows![0]).toEqual(['Client', 'Type', 'Subject', 'Body', 'Date']);
  expect(rows!.length - 1).toBe(grace + up);
  const types = rows!.slice(1).map((r) => r[1]);
  expect(types.filter((x) => x === 'Grace warning')).toHaveLength(grace);
  expect(types.filter((x) => x === 'Upgrade')).toHaveLength(up);
  for (const r of rows!.slice(1)) {
    expect(typeof r[0]).toBe('string');
    expect(String(r[3])).toMatch(/^Dear .+,\n\n/);
    expect(String(r[3])).not.toMatch(/\{\{/);
    expect(typeof r[4]).toBe('number');
  }
  // the formula-looking client, if it gets a notice, is text (not { formula })
  expect(JSON.stringify(rows)).not.toContain('"formula"');
  await page.locator('[data-testid="message"]').scrollIntoViewIfNeeded();
  await shot(page, 'en-7-notices');
  // the grid shows the new sheet
  await page.getByTestId('sheet-tab-Notices').click();
  await expect(page.locator('[data-cell="A1"]').textContent()).resolves.toBe('Client');
  expect(errors).toEqual([]);
});
