/**
 * The workbench in a real browser: the real task pane over the Excel stand-in on the bundled
 * sample workbooks — detect the client table, review, apply, check the written cells, undo, and a
 * second review that turns grace warnings into downgrades. Screenshots go to test-results/e2e.
 */
import { Page } from 'playwright-core';
import { openPage, readAndReview, shot, useWorkbench } from './browser';

jest.setTimeout(120000);

const wb = useWorkbench();

/** A cell of the stand-in's workbook, as the page holds it. */
async function cell(page: Page, sheet: string, address: string): Promise<unknown> {
  return page.evaluate(([s, a]) => window.__workbench!.model.sheet(s).cell(a).value ?? null, [sheet, address] as const);
}


async function statusCounts(page: Page): Promise<string> {
  return (await page.getByTestId('status-counts').textContent()) ?? '';
}

test('English sample: detect, review, apply, check the cells, undo', async () => {
  const { page, errors } = await openPage(wb.browser(), `${wb.url()}/workbench.html?lang=en`);
  await page.getByTestId('read-sheet').waitFor();
  await shot(page, 'en-0-open');
  await page.getByTestId('read-sheet').click();
  await page.getByTestId('detected-shape').waitFor();
  expect(await page.getByTestId('detected-shape').textContent()).toContain('One row per client');
  expect(await page.getByTestId('detected-shape').textContent()).toContain('Header row: 3');
  await shot(page, 'en-1-source');
  await page.getByTestId('to-rules').click();
  await shot(page, 'en-2-rules');
  await page.getByTestId('to-review').click();
  await page.getByTestId('status-counts').waitFor();
  const counts = await statusCounts(page);
  expect(counts).toMatch(/Keep: \d+/);
  expect(counts).toMatch(/Grace warning: \d+/);
  await shot(page, 'en-3-review');
  // nothing written yet
  expect(await cell(page, 'Clients', 'J3')).toBeNull();

  await page.getByTestId('apply').click();
  await page.getByTestId('message').filter({ hasText: 'Applied' }).waitFor();
  expect(await cell(page, 'Clients', 'J3')).toBe('Tier');
  expect(await cell(page, 'Clients', 'L3')).toBe('Tier status');
  expect(['VIP', 'Key', 'Standard']).toContain(await cell(page, 'Clients', 'J4'));
  expect(String(await cell(page, 'Clients', 'M4'))).toMatch(/bar of/);
  // the grid shows what was written
  await page.getByTestId('sheet-tab-Clients').click();
  await expect(page.locator('[data-cell="J3"]').textContent()).resolves.toBe('Tier');
  const history = await page.evaluate(() => window.__workbench!.model.findSheet('Tier history')?.usedRange(true));
  expect(history).toBeTruthy();
  await shot(page, 'en-4-applied');

  await page.getByTestId('undo').click();
  await page.getByTestId('message').filter({ hasText: 'undone' }).waitFor();
  expect(await cell(page, 'Clients', 'J3')).toBeNull();
  expect(await cell(page, 'Clients', 'J4')).toBeNull();
  expect(errors).toEqual([]);
});

test('Russian sample: a review again the same day keeps the grace warnings; one a period later turns them into downgrades', async () => {
  const { page, errors } = await openPage(wb.browser(), `${wb.url()}/workbench.html?lang=ru`);
  await page.getByTestId('read-sheet').waitFor();
  await readAndReview(page);
  const first = await statusCounts(page);
  const grace = Number(/Предупреждение: (\d+)/.exec(first)?.[1] ?? 0);
  expect(grace).toBeGreaterThan(0);
  await page.getByTestId('apply').click();
  await page.getByTestId('message').filter({ hasText: 'Готово' }).waitFor();
  expect(await cell(page, 'Клиенты', 'J3')).toBe('Уровень');
  await shot(page, 'ru-1-applied');

  // a review again the same day replaces that period's decision: the same warnings, no downgrade (issue 12)
  await page.getByTestId('review').click();
  await page.getByTestId('busy').waitFor({ state: 'detached' });
  await page.getByText(/Предупреждение: \d+/).waitFor();
  const again = await statusCounts(page);
  expect(Number(/Предупреждение: (\d+)/.exec(again)?.[1])).toBe(grace);
  expect(again).not.toMatch(/Понижение/);
  // a review dated in a later period reads the grace state back from the history: one step down
  await page.getByTestId('tab-source').click();
  await page.getByTestId('review-date').fill('2099-07-01');
  await page.getByTestId('tab-review').click();
  await page.getByTestId('review').click();
  await page.getByText(/Понижение: \d+/).waitFor();
  const second = await statusCounts(page);
  expect(Number(/Понижение: (\d+)/.exec(second)?.[1])).toBe(grace);
  expect(second).not.toMatch(/Предупреждение/);
  await shot(page, 'ru-2-second-review');
  expect(errors).toEqual([]);
});

test('CLIENTS formulas in the sample show the real functions’ values, equal to the pane’s figures', async () => {
  const { page, errors } = await openPage(wb.browser(), `${wb.url()}/workbench.html?lang=en`);
  await page.getByTestId('sheet-tab-Formulas').click();
  const text = async (a: string) => (await page.locator(`[data-cell="${a}"]`).textContent()) ?? '';
  await page.locator('[data-cell="B3"]').waitFor();
  const gini = Number(await text('B3'));
  expect(gini).toBeGreaterThan(0.5);
  expect(gini).toBeLessThan(1);
  expect(await text('B7')).toMatch(/^[ABC]$/);
  expect(await text('B9')).toMatch(/^(VIP|Key|Standard)$/);
  expect(await text('B11')).toBe('1');
  // the spilled PARETOSEGMENT fills the column with classes
  for (const a of ['G3', 'G4', 'G5', 'G30']) expect(await text(a)).toMatch(/^[ABC]?$/);
  expect(await text('G3')).toMatch(/^[ABC]$/);
  await shot(page, 'en-5-formulas');
  // the task pane's Gini for the same clients is the same number
  await page.getByTestId('sheet-tab-Clients').click();
  await readAndReview(page);
  await page.getByText(`Gini ${gini.toFixed(2)}.`).waitFor();
  expect(errors).toEqual([]);
});
