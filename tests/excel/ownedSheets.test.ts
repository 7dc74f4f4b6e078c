import { appendRows, OwnedSheetSpec, readOwnedSheet, replaceRows, truncateRows } from '../../src/excel/ownedSheets';
import { PAYLOAD_BUDGET } from '../../src/excel/host';
import { CellValue } from '../../src/core/cells';
import { createStandIn, FIVE_MB, modelFromGrid, WorkbookModel } from '../../src/workbench/standin';
import { describeDiffs, diffSnapshots, snapshotSheet, snapshotWorkbook } from './snapshot';
import { layerError } from './support';

const SPEC: OwnedSheetSpec = {
  name: 'Tier history',
  headers: ['Review date', 'Client', 'Tier', 'Figure'],
  formats: ['yyyy-mm-dd', '@', '@', '#,##0.00'],
  columnWidths: [90, 200, 80, 100],
};

function base(): WorkbookModel {
  return modelFromGrid([{ name: 'Clients', values: [['Client', 'Revenue'], ['ACME', 10]] }]);
}

describe('appendRows', () => {
  it('creates the sheet with a bold, text-formatted, frozen header and its column widths', async () => {
    const model = base();
    const s = createStandIn(model);
    const before = snapshotWorkbook(model);
    const first = await appendRows(s.run, SPEC, [
      [46000, 'ACME', 'VIP', 1234.5],
      [46000, '=HYPERLINK("x")', 'Key', 10],
    ]);
    expect(first).toEqual({ sheet: 'Tier history', fromRow: 1, created: true, cut: 0 });
    const sheet = model.sheet('Tier history');
    expect(model.sheets.map((x) => x.name)).toEqual(['Clients', 'Tier history']);
    expect(sheet.read('A1:D3')).toEqual([SPEC.headers, [46000, 'ACME', 'VIP', 1234.5], [46000, '=HYPERLINK("x")', 'Key', 10]]);
    for (let c = 0; c < 4; c++) {
      expect(sheet.cell(0, c)).toMatchObject({ bold: true, numberFormat: '@' });
      expect(sheet.cell(1, c)).toMatchObject({ bold: false, numberFormat: SPEC.formats[c] });
      expect(sheet.getColumnWidth(c)).toBe(SPEC.columnWidths![c]);
    }
    expect(sheet.cell('B3')).toMatchObject({ value: '=HYPERLINK("x")', formula: undefined });
    expect(sheet.frozenRows).toBe(1);
    // nothing else in the workbook changed, and the new sheet was not activated
    const diffs = diffSnapshots(before, snapshotWorkbook(model)).filter((d) => d.sheet !== 'Tier history');
    expect(describeDiffs(diffs)).toEqual(['(workbook) sheets: ["Clients"] → ["Clients","Tier history"]']);
    expect(model.activeSheet?.name).toBe('Clients');
  });

  it('appends under the rows already there and returns the first row written', async () => {
    const model = base();
    const s = createStandIn(model);
    expect((await appendRows(s.run, SPEC, [[46000, 'A', 'VIP', 1]])).fromRow).toBe(1);
    expect(await appendRows(s.run, SPEC, [[46100, 'B', 'Key', 2], [46100, 'C', 'Standard', 3]])).toMatchObject({ fromRow: 2, created: false });
    expect((await appendRows(s.run, SPEC, [])).fromRow).toBe(4);
    expect(model.sheet('Tier history').read('A1:D4')).toEqual([SPEC.headers, [46000, 'A', 'VIP', 1], [46100, 'B', 'Key', 2], [46100, 'C', 'Standard', 3]]);
  });

  it('leaves an existing header alone (its formatting is the user’s now)', async () => {
    const model = base();
    const s = createStandIn(model);
    await appendRows(s.run, SPEC, [[46000, 'A', 'VIP', 1]]);
    const sheet = model.sheet('Tier history');
    sheet.setBold(0, 1, false);
    sheet.setFill(0, 0, '#FFFF00');
    sheet.setColumnWidth(1, 300);
    await appendRows(s.run, SPEC, [[46100, 'B', 'Key', 2]]);
    expect(sheet.cell('B1').bold).toBe(false);
    expect(sheet.cell('A1').fill).toBe('#FFFF00');
    expect(sheet.getColumnWidth(1)).toBe(300);
  });

  it('writes empty cells for null and undefined', async () => {
    const model = base();
    const s = createStandIn(model);
    await appendRows(s.run, SPEC, [[46000, null, undefined as unknown as CellValue, 5]]);
    expect(model.sheet('Tier history').read('A2:D2')).toEqual([[46000, '', '', 5]]);
  });

  it('writes many rows in chunks under the payload budget (UTF-8 bytes)', async () => {
    const model = base();
    const s = createStandIn(model);
    const rows: CellValue[][] = Array.from({ length: 60_000 }, (_, i) => [46000 + (i % 30), `ООО «Северо-Западная торговая компания ${i}»`, 'Ключевой', i * 1.5]);
    await appendRows(s.run, SPEC, rows);
    expect(s.stats.failedSyncs).toBe(0);
    expect(s.stats.maxRequestBytes).toBeLessThan(FIVE_MB);
    expect(s.stats.maxRequestBytes).toBeLessThan(PAYLOAD_BUDGET * 1.05);
    expect(s.stats.syncs).toBeGreaterThan(3);
    expect(model.sheet('Tier history').read('A60001:D60001')).toEqual([rows[59_999]]);
  });

  it('a protected history sheet is AccessDenied and nothing is appended', async () => {
    const model = base();
    const s = createStandIn(model);
    await appendRows(s.run, SPEC, [[46000, 'A', 'VIP', 1]]);
    model.sheet('Tier history').protected = true;
    const before = snapshotWorkbook(model);
    await layerError(appendRows(s.run, SPEC, [[46100, 'B', 'Key', 2]]), 'AccessDenied');
    expect(diffSnapshots(before, snapshotWorkbook(model))).toEqual([]);
  });
});

describe('replaceRows', () => {
  it('rewrites the data under the header and clears what was below, in every column', async () => {
    const model = base();
    const s = createStandIn(model);
    await replaceRows(s.run, SPEC, [
      [46000, 'A', 'VIP', 1],
      [46000, 'B', 'Key', 2],
      [46000, 'C', 'Key', 3],
    ]);
    await replaceRows(s.run, SPEC, [[46100, 'D', 'Standard', 4]]);
    const sheet = model.sheet('Tier history');
    expect(sheet.read('A1:D4')).toEqual([SPEC.headers, [46100, 'D', 'Standard', 4], ['', '', '', ''], ['', '', '', '']]);
    expect(sheet.usedRange(true)).toEqual({ r0: 0, c0: 0, r1: 1, c1: 3 });
  });

  it('with no rows leaves just the header', async () => {
    const model = base();
    const s = createStandIn(model);
    await replaceRows(s.run, SPEC, [[46000, 'A', 'VIP', 1]]);
    await replaceRows(s.run, SPEC, []);
    expect(model.sheet('Tier history').usedRange(true)).toEqual({ r0: 0, c0: 0, r1: 0, c1: 3 });
  });
});

describe('truncateRows', () => {
  it('removes the rows appended from a row on and keeps those above', async () => {
    const model = base();
    const s = createStandIn(model);
    await appendRows(s.run, SPEC, [[46000, 'A', 'VIP', 1]]);
    const afterFirst = snapshotSheet(model.sheet('Tier history'));
    const from = (await appendRows(s.run, SPEC, [[46100, 'B', 'Key', 2], [46100, 'C', 'Key', 3]])).fromRow;
    await truncateRows(s.run, SPEC.name, from, SPEC.headers.length);
    expect(model.sheet('Tier history').read('A1:D3')).toEqual([SPEC.headers, [46000, 'A', 'VIP', 1], ['', '', '', '']]);
    // the appended rows leave no number formats behind
    expect(describeDiffs(diffSnapshots({ sheets: [afterFirst], tables: [], settings: {}, activeSheet: null }, { sheets: [snapshotSheet(model.sheet('Tier history'))], tables: [], settings: {}, activeSheet: null }))).toEqual([]);
  });

  it('does nothing for a missing sheet or nothing to remove', async () => {
    const model = base();
    const s = createStandIn(model);
    await truncateRows(s.run, 'Nope', 1, 4);
    await appendRows(s.run, SPEC, [[46000, 'A', 'VIP', 1]]);
    const before = snapshotWorkbook(model);
    await truncateRows(s.run, SPEC.name, 5, 4);
    expect(diffSnapshots(before, snapshotWorkbook(model))).toEqual([]);
  });
});

describe('readOwnedSheet', () => {
  it('is [] when the sheet does not exist', async () => {
    const s = createStandIn(base());
    expect(await readOwnedSheet(s.run, 'Tier history')).toEqual([]);
  });

  it('returns all values with the header row first', async () => {
    const model = base();
    const s = createStandIn(model);
    await appendRows(s.run, SPEC, [[46000, 'A', 'VIP', 1], [46100, '-5 apples', 'Key', 2]]);
    expect(await readOwnedSheet(s.run, 'tier history')).toEqual([SPEC.headers, [46000, 'A', 'VIP', 1], [46100, '-5 apples', 'Key', 2]]);
  });

  it('anchors the values at A1 when the sheet starts lower or to the right', async () => {
    const model = modelFromGrid([{ name: 'Log', values: [['Client', 'Tier'], ['A', 'VIP']], at: 'B3' }]);
    const rows = await readOwnedSheet(createStandIn(model).run, 'Log');
    expect(rows).toEqual([[], [], [null, 'Client', 'Tier'], [null, 'A', 'VIP']]);
  });

  it('turns Office errors into layer errors', async () => {
    const s = createStandIn(base());
    s.setEditMode(true);
    await layerError(readOwnedSheet(s.run, 'Tier history'), 'InvalidOperationInCellEditMode');
  });
});
