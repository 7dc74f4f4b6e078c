import { promises as fs } from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { CellError, createStandIn, SheetModel, WorkbookModel } from '../../src/workbench/standin';
import { modelFromGrid, modelFromXlsx, modelToXlsx } from '../../src/workbench/standin/xlsxModel';

const SAMPLE = path.join(__dirname, '..', '..', 'samples', 'clients-ru.xlsx');

/** Every non-empty or formatted cell of a sheet: "A1" → [value, formula, numberFormat]. */
function cells(sheet: SheetModel): Map<string, [unknown, string | undefined, string]> {
  const out = new Map<string, [unknown, string | undefined, string]>();
  const used = sheet.usedRange(false);
  if (!used) return out;
  for (let r = used.r0; r <= used.r1; r++) {
    for (let c = used.c0; c <= used.c1; c++) {
      const cell = sheet.cell(r, c);
      if (cell.value === undefined && cell.formula === undefined && cell.numberFormat === 'General') continue;
      const v = cell.value instanceof CellError ? `error:${cell.value.code}` : cell.value;
      out.set(`${r}:${c}`, [v, cell.formula, cell.numberFormat]);
    }
  }
  return out;
}

function expectSameWorkbook(a: WorkbookModel, b: WorkbookModel): void {
  expect(b.sheets.map((s) => s.name)).toEqual(a.sheets.map((s) => s.name));
  for (const sa of a.sheets) {
    const sb = b.sheet(sa.name);
    expect(cells(sb)).toEqual(cells(sa));
    expect(sb.hiddenRowIndices()).toEqual(sa.hiddenRowIndices());
    expect([sb.frozenRows, sb.frozenColumns, sb.visibility, sb.protected]).toEqual([sa.frozenRows, sa.frozenColumns, sa.visibility, sa.protected]);
    expect(sb.merges).toEqual(sa.merges);
    for (const [c, w] of sa.columnWidths) expect(sb.getColumnWidth(c)).toBeCloseTo(w, 0);
  }
}

describe('xlsx ⇄ model', () => {
  it('reads samples/clients-ru.xlsx exactly as ExcelJS sees it (values, dates as serials, number formats)', async () => {
    const bytes = new Uint8Array(await fs.readFile(SAMPLE));
    const model = await modelFromXlsx(bytes);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await fs.readFile(SAMPLE)) as unknown as ArrayBuffer);
    expect(model.sheets.map((s) => s.name)).toEqual(wb.worksheets.map((w) => w.name));
    const expected: unknown[] = [];
    const got: unknown[] = [];
    for (const ws of wb.worksheets) {
      const sheet = model.sheet(ws.name);
      ws.eachRow({ includeEmpty: false }, (row, r) => {
        row.eachCell({ includeEmpty: false }, (cell, c) => {
          const v = cell.value;
          const mine = sheet.cell(r - 1, c - 1);
          if (v && typeof v === 'object' && 'formula' in v) {
            // a formula without a cached result (the CLIENTS.* formulas of the sample): kept as a formula
            expected.push([ws.name, r, c, `=${(v as { formula: string }).formula}`, cell.numFmt ?? 'General']);
            got.push([ws.name, r, c, mine.formula, mine.numberFormat]);
            return;
          }
          expected.push([ws.name, r, c, v instanceof Date ? v.getTime() / 86400000 + 25569 : v, cell.numFmt ?? 'General']);
          got.push([ws.name, r, c, mine.value, mine.numberFormat]);
        });
      });
    }
    expect(got.length).toBeGreaterThan(40_000);
    expect(got).toEqual(expected);
    const clients = model.sheet('Клиенты');
    expect(clients.frozenRows).toBe(3);
    expect(clients.cell('A1').value).toBe('Клиенты: итоги за 6 месяцев');
    expect(clients.cell('I4')).toMatchObject({ value: 45965, numberFormat: 'dd.mm.yyyy' });
    expect(clients.cell('F4').numberFormat).toBe('#,##0.00 "₽"');
  });

  it('round-trips samples/clients-ru.xlsx keeping every value and number format', async () => {
    const original = await modelFromXlsx(new Uint8Array(await fs.readFile(SAMPLE)));
    const bytes = await modelToXlsx(original);
    expect(bytes).toBeInstanceOf(Uint8Array);
    const again = await modelFromXlsx(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    expectSameWorkbook(original, again);
  });

  it('serves a loaded file through the stand-in: dates as serial numbers, formats as codes', async () => {
    const s = createStandIn(await modelFromXlsx(new Uint8Array(await fs.readFile(SAMPLE))));
    const got = await s.run(async (context) => {
      const r = context.workbook.worksheets.getItem('Клиенты').getRange('A3:I4').load('values, numberFormat, text');
      await context.sync();
      return r;
    });
    expect(got.values[0][0]).toBe('Клиент');
    expect(got.values[1][8]).toBe(45965);
    expect(got.numberFormat[1][8]).toBe('dd.mm.yyyy');
    expect(got.text[1][8]).toBe('04.11.2025');
    expect(got.numberFormat[1][5]).toBe('#,##0.00 "₽"');
    expect(got.text[1][5]).toBe('10,667,961.00 ₽');
  });

  it('round-trips formulas with results, text that looks like formulas, styles, hidden rows, merges, tables, protection', async () => {
    const model = modelFromGrid([
      { name: 'Clients', values: [['Client', 'Revenue', 'Note'], ['ACME', 100, '=not a formula'], ['Globex', 250, '-minus']] },
      { name: 'Tier summary', values: [['Total']] },
    ]);
    const clients = model.sheet('Clients');
    clients.setNumberFormat(1, 2, '@');
    clients.setNumberFormat(2, 2, '@');
    clients.setNumberFormat(1, 1, '#,##0.00');
    clients.setFill(0, 0, '#FFF2CC');
    clients.setBold(0, 0, true);
    clients.setItalic(0, 1, true);
    clients.setFontColor(0, 2, '#C00000');
    clients.setRowHidden(2, true);
    clients.setColumnWidth(0, 120);
    clients.frozenRows = 1;
    model.addTable(clients, { r0: 0, c0: 0, r1: 2, c1: 2 }, 'ClientTable');
    const summary = model.sheet('Tier summary');
    summary.setFormula(0, 1, '=SUM(Clients!B2:B3)', 350);
    summary.setFormula(1, 1, '=1/0', new CellError('#DIV/0!'));
    summary.setValue(3, 0, 'merged');
    summary.merges.push({ r0: 3, c0: 0, r1: 4, c1: 1 });
    summary.protected = true;
    summary.visibility = 'Hidden';
    model.activeSheet = clients;

    const again = await modelFromXlsx(await modelToXlsx(model));
    expectSameWorkbook(model, again);
    const c2 = again.sheet('Clients');
    expect(c2.cell('C2')).toMatchObject({ value: '=not a formula', formula: undefined, numberFormat: '@' });
    expect(c2.cell('A1')).toMatchObject({ fill: '#FFF2CC', bold: true });
    expect(c2.cell('B1').italic).toBe(true);
    expect(c2.cell('C1').fontColor).toBe('#C00000');
    expect(c2.getColumnWidth(0)).toBeCloseTo(120, 0);
    expect(again.tables.map((t) => [t.name, t.sheet.name, t.rect])).toEqual([['ClientTable', 'Clients', { r0: 0, c0: 0, r1: 2, c1: 2 }]]);
    expect(again.sheet('Tier summary').cell('B1')).toMatchObject({ formula: '=SUM(Clients!B2:B3)', value: 350 });
    expect(again.sheet('Tier summary').cell('B2').value).toEqual(new CellError('#DIV/0!'));
    expect(again.activeSheet?.name).toBe('Clients');

    // the stand-in reports the cached formula result, and the formula text through `formulas`
    const s = createStandIn(again);
    const r = await s.run(async (context) => {
      const range = context.workbook.worksheets.getItem('Tier summary').getRange('B1:B2').load('values, formulas, valueTypes');
      await context.sync();
      return range;
    });
    expect(r.values).toEqual([[350], ['#DIV/0!']]);
    expect(r.formulas).toEqual([['=SUM(Clients!B2:B3)'], ['=1/0']]);
    expect(r.valueTypes).toEqual([['Double'], ['Error']]);
  });
});
