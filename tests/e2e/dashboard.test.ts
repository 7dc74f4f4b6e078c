/**
 * The dashboard tab in a real browser (Chromium over the built workbench): review the sample's
 * client sheet, open the Dashboard tab, check that Chart.js drew the charts and that each has
 * its text alternative, screenshot it, then "Insert into workbook" twice — the Dashboard sheet
 * holds the KPI table and exactly three pictures (refreshed in place, no duplicates).
 *
 * Needs the pane to show a tab with data-testid "tab-dashboard" rendering <Dashboard/> (root
 * data-testid "dashboard").
 */
import * as path from 'path';
import { Page } from 'playwright-core';
import { SHOTS, openPage, readAndReview, shot, useWorkbench } from './browser';

jest.setTimeout(180000);

const wb = useWorkbench();

async function toDashboard(page: Page): Promise<void> {
  await readAndReview(page);
  await page.getByTestId('tab-dashboard').click();
  await page.getByTestId('dashboard').waitFor();
  // Chart.js drew on the canvases
  for (const id of ['chart-pareto', 'chart-lorenz', 'chart-tier-mix']) await page.locator(`[data-testid="${id}"][data-drawn="true"]`).waitFor();
}

/** Pictures on a sheet of the stand-in's workbook, as the page holds it. */
async function pictures(page: Page, sheet: string): Promise<Array<{ name: string; widthPx: number; heightPx: number; alt: string }>> {
  return page.evaluate(
    (s) => window.__workbench!.model.sheet(s).shapes.map((x) => ({ name: x.name, widthPx: x.image.widthPx, heightPx: x.image.heightPx, alt: x.altTextDescription })),
    sheet,
  );
}

test('English sample: the dashboard draws its charts; insert writes the Dashboard sheet, refreshed in place', async () => {
  const { page, errors } = await openPage(wb.browser(), `${wb.url()}/workbench.html?lang=en`);
  await toDashboard(page);
  const pareto = page.getByTestId('chart-pareto').getByRole('img');
  expect(await pareto.getAttribute('aria-label')).toMatch(/top 20% of clients make \d+(\.\d)?% of revenue/);
  expect(await page.getByTestId('chart-lorenz').getByRole('img').getAttribute('aria-label')).toMatch(/Gini coefficient 0\.\d{3}/);
  expect(await page.getByTestId('kpi-top20').textContent()).toMatch(/\d+(\.\d)?%/);
  // the canvas really has pixels (not blank)
  const inked = await page.evaluate(() => {
    const c = document.querySelector('[data-testid="chart-pareto"] canvas') as HTMLCanvasElement;
    const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n++;
    return n;
  });
  expect(inked).toBeGreaterThan(1000);
  await page.getByTestId('dashboard').scrollIntoViewIfNeeded();
  await shot(page, 'en-6-dashboard');
  await page.getByTestId('dashboard').screenshot({ path: path.join(SHOTS, 'en-6-dashboard-full.png') });

  await page.getByTestId('insert-dashboard').click();
  await page.getByTestId('message').filter({ hasText: 'up to date' }).waitFor();
  let pics = await pictures(page, 'Dashboard');
  expect(pics.map((p) => p.name)).toEqual(['ClientTiers.Pareto', 'ClientTiers.Lorenz', 'ClientTiers.TierMix']);
  for (const p of pics) expect([p.widthPx, p.heightPx]).toEqual([1280, 720]);
  expect(pics[0].alt).toMatch(/top 20% of clients make/);
  const a1 = await page.evaluate(() => window.__workbench!.model.sheet('Dashboard').cell('A1').value);
  expect(a1).toBe('Client Tiers — dashboard');

  const firstIds = await page.evaluate(() => window.__workbench!.model.sheet('Dashboard').shapes.map((x) => x.id));
  await page.getByTestId('insert-dashboard').click();
  // the second insert replaced the pictures (new ids), and the button is back
  await page.waitForFunction((ids) => {
    const now = window.__workbench!.model.sheet('Dashboard').shapes.map((x) => x.id);
    return now.length === 3 && now.every((id) => !ids.includes(id));
  }, firstIds);
  await page.locator('[data-testid="insert-dashboard"]:not([disabled])').waitFor();
  pics = await pictures(page, 'Dashboard');
  expect(pics).toHaveLength(3);
  expect(await page.evaluate(() => window.__workbench!.model.sheets.filter((s) => s.name === 'Dashboard').length)).toBe(1);
  expect(errors).toEqual([]);
});

test('Russian sample in the dark theme: labels in Russian, readable charts', async () => {
  const { page, errors } = await openPage(wb.browser(), `${wb.url()}/workbench.html?lang=ru&theme=dark`);
  await toDashboard(page);
  expect(await page.getByTestId('chart-pareto').getByRole('img').getAttribute('aria-label')).toMatch(/топ-20% клиентов дают \d+(,\d)?\u00a0% выручки/);
  expect(await page.getByTestId('kpi-revenue').textContent()).toContain('₽');
  await page.getByTestId('dashboard').scrollIntoViewIfNeeded();
  await shot(page, 'ru-6-dashboard-dark');
  await page.getByTestId('dashboard').screenshot({ path: path.join(SHOTS, 'ru-6-dashboard-dark-full.png') });
  expect(errors).toEqual([]);
});
