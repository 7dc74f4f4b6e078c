/**
 * The workbench's "Open" in a real browser with files other programs write (tests/corpus/xlsx):
 * an openpyxl workbook (absolute part paths, a table, comments, a chart) and a LibreOffice one
 * (a table without a table style) open and the pane reads their client table; a password-protected
 * workbook is named as such.
 */
import { encryptedWorkbook, hostileXlsx } from '../corpus/xlsx/hostileXlsx';
import { openPage, useWorkbench } from './browser';

jest.setTimeout(120000);

const wb = useWorkbench();

async function openBytes(page: import('playwright-core').Page, name: string, bytes: Uint8Array): Promise<void> {
  await page.getByTestId('open-file').setInputFiles({ name, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: Buffer.from(bytes) });
}

test('openpyxl and LibreOffice workbooks open; the pane reads their table (en, ru)', async () => {
  const { page, errors } = await openPage(wb.browser(), `${wb.url()}/workbench.html?lang=en`);
  await page.getByTestId('read-sheet').waitFor();
  const files: Array<[string, Uint8Array, string, string]> = [
    ['openpyxl.xlsx', hostileXlsx({ lang: 'en', flavour: 'openpyxl', table: true, comments: true, chart: true }), 'Clients', 'Acme Ltd 1'],
    ['libreoffice.xlsx', hostileXlsx({ lang: 'ru', flavour: 'libreoffice', table: true, tableStyleInfo: false, image: true }), 'Клиенты', 'ООО «Альфа» 1'],
  ];
  for (const [name, bytes, sheet, first] of files) {
    await openBytes(page, name, bytes);
    // opened when the model holds the file's sheet (the page says "Opening …" before that)
    await page.waitForFunction(
      ([s]) => {
        try {
          return window.__workbench!.model.sheet(s).cell('A2').value !== undefined && !document.querySelector('[data-testid="workbench-progress"]');
        } catch {
          return false;
        }
      },
      [sheet] as const,
    );
    const value = await page.evaluate(([s]) => window.__workbench!.model.sheet(s).cell('A2').value ?? null, [sheet] as const);
    expect(value).toBe(first);
    expect(await page.getByRole('alert').count()).toBe(0);
    await page.getByTestId('read-sheet').click();
    await page.getByTestId('detected-shape').waitFor();
    expect(await page.getByTestId('detected-shape').textContent()).toMatch(/Header row: 1|Строка заголовков: 1/);
  }
  expect(errors).toEqual([]);
});

test('a password-protected workbook is named as such', async () => {
  const { page, errors } = await openPage(wb.browser(), `${wb.url()}/workbench.html?lang=en`);
  await page.getByTestId('read-sheet').waitFor();
  await openBytes(page, 'secret.xlsx', encryptedWorkbook());
  await page.getByRole('alert').waitFor();
  expect(await page.getByRole('alert').textContent()).toContain('secret.xlsx is password-protected');
  expect(errors).toEqual([]);
});
