import * as path from 'path';
import ExcelJS from 'exceljs';
import { buildSampleWorkbook, sampleData, SAMPLE_CLIENTS } from '../../scripts/makeSample';
import { worksheetGrid } from '../../src/cli/readInput';
import { analyzeGrid, monthIndex } from '../../src/core';
import { ROOT } from '../helpers';

describe.each(['ru', 'en'] as const)('sample workbook (%s)', (lang) => {
  test('the committed file is exactly what the script makes (deterministic)', async () => {
    const built = await buildSampleWorkbook(lang);
    const again = await buildSampleWorkbook(lang);
    const committed = new ExcelJS.Workbook();
    await committed.xlsx.readFile(path.join(ROOT, 'samples', `clients-${lang}.xlsx`));
    // round-trip the fresh one through .xlsx to compare like with like
    const fresh = new ExcelJS.Workbook();
    await fresh.xlsx.load((await built.xlsx.writeBuffer()) as ArrayBuffer);
    expect(fresh.worksheets.map((w) => w.name)).toEqual(committed.worksheets.map((w) => w.name));
    for (const ws of committed.worksheets) expect(worksheetGrid(fresh.getWorksheet(ws.name)!)).toEqual(worksheetGrid(ws));
    expect(worksheetGrid(again.worksheets[0])).toEqual(worksheetGrid(built.worksheets[0]));
  });

  test('a few hundred clients, 24 months of transactions, a long tail', () => {
    const d = sampleData(lang);
    expect(d.names.length).toBe(SAMPLE_CLIENTS);
    expect(new Set(d.names).size).toBe(SAMPLE_CLIENTS);
    const months = new Set(d.tx.map((t) => monthIndex(t.day)));
    expect(months.size).toBe(24);
    expect(d.tx.some((t) => t.amount < 0)).toBe(true); // returns
    expect(d.tx.length).toBeGreaterThan(5000);
  });

  test('the client sheet analyses with real statuses from the previous review', async () => {
    const wb = await buildSampleWorkbook(lang);
    const a = analyzeGrid(worksheetGrid(wb.worksheets[0]));
    expect(a.table.shape).toBe('clients');
    expect(a.table.headerRow).toBe(2);
    expect(a.concentration.top20Share).toBeGreaterThan(0.6);
    expect(a.statuses.grace).toBeGreaterThan(0);
    expect(a.statuses.keep).toBeGreaterThan(200);
    expect(a.aggregation.duplicates.length).toBe(1);
    // the amounts typed as text in the local format are read, not skipped
    expect(a.aggregation.issueCount).toBe(0);
  });
});
