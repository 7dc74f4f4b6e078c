/**
 * The Tier column coloured with conditional formats: one rule per coloured tier on exactly the
 * column's data rows with the palette's colours, no pile-up on re-apply, exact undo (rules
 * included), the user's own rules untouched, and an apply that still succeeds without the API.
 */
import { readFileSync } from 'fs';
import * as path from 'path';
import { analyzeGrid } from '../../src/core/analyze';
import { CLIENT_SHEET_HEADERS, RESULT_HEADERS } from '../../src/core/resultColumns';
import { tierColourRules } from '../../src/core/tierColours';
import { applyTiers, CLIENT_SHEET, undoApply } from '../../src/excel/applyTiers';
import { readSheet } from '../../src/excel/readSheet';
import { colourTierColumn, textRuleFormula, TierColumn } from '../../src/excel/tierFormats';
import { createStandIn, formatRef, modelFromGrid, StandIn, WorkbookModel } from '../../src/workbench/standin';
import { modelFromXlsx } from '../../src/workbench/standin/xlsxModel';
import { isoToDay } from '../../src/core/parseDate';
import { describeConditionalFormat, describeDiffs, diffSnapshots, snapshotWorkbook } from './snapshot';
import { hookedRun } from './support';

const SAMPLE = path.join(__dirname, '..', '..', 'samples', 'clients-en.xlsx');
const DAY1 = isoToDay('2026-01-10')!;
const DAY2 = isoToDay('2026-07-10')!;

async function loadSample(): Promise<WorkbookModel> {
  return modelFromXlsx(readFileSync(SAMPLE));
}

const lines = (model: WorkbookModel, sheet: string) => model.sheet(sheet).conditionalFormats.map(describeConditionalFormat);

/** Adds a user's own CellValue rule through the stand-in (as the Excel UI would). */
async function userRule(s: StandIn, sheet: string, address: string, operator: 'EqualTo' | 'GreaterThan', formula1: string, fill: string): Promise<void> {
  await s.run(async (context) => {
    const cf = context.workbook.worksheets.getItem(sheet).getRange(address).conditionalFormats.add('CellValue');
    cf.cellValue.format.fill.color = fill;
    cf.cellValue.rule = { formula1, operator };
    await context.sync();
  });
}

describe('tier colours on the client sheet (en sample)', () => {
  let model: WorkbookModel;
  let s: StandIn;

  beforeEach(async () => {
    model = await loadSample();
    s = createStandIn(model);
  });

  it('one rule per coloured tier on exactly the Tier column data rows, with the palette colours', async () => {
    const data = await readSheet(s.run, { sheet: 'Clients' });
    const a = analyzeGrid(data.values, {});
    const rec = await applyTiers(s.run, data, a, { lang: 'en', reviewDay: DAY1 });
    const col = rec.address.columnIndex;
    const firstRow = rec.address.rowIndex + 1;
    const lastRow = data.rowIndex + a.table.endRow - 1;
    const wanted = tierColourRules(a.rules.tiers.map((t) => t.name));
    expect(wanted.length).toBe(a.rules.tiers.length - 1); // every tier but the base one
    const cfs = model.sheet('Clients').conditionalFormats;
    expect(cfs).toHaveLength(wanted.length);
    for (const w of wanted) {
      const cf = cfs.find((c) => c.rule?.formula1 === textRuleFormula(w.tier))!;
      expect(cf).toBeDefined();
      expect(cf.type).toBe('CellValue');
      expect(cf.rule).toEqual({ formula1: `="${w.tier}"`, operator: 'EqualTo' });
      expect(cf.ranges).toEqual([{ r0: firstRow, c0: col, r1: lastRow, c1: col }]);
      expect(cf.style).toEqual({ fill: w.fill, fontColor: w.font, bold: null, italic: null });
    }
    // the rules cover cells that hold each tier (the column holds tier names)
    const tiers = model.sheet('Clients').read(`${formatRef({ r0: firstRow, c0: col, r1: lastRow, c1: col })}`).map((r) => r[0]);
    for (const w of wanted) expect(tiers).toContain(w.tier);
    expect(rec.tierFormats).toEqual({ sheetName: 'Clients', columnIndex: col, added: expect.any(Array), removed: [] });
    expect(rec.tierFormats!.added).toHaveLength(wanted.length);
  });

  it('a re-apply replaces its rules instead of piling them up; undo of each apply restores the rules exactly', async () => {
    const pristine = snapshotWorkbook(model);
    const data = await readSheet(s.run, { sheet: 'Clients' });
    const rec1 = await applyTiers(s.run, data, analyzeGrid(data.values, {}), { lang: 'en', reviewDay: DAY1 });
    const first = lines(model, 'Clients');
    const after1 = snapshotWorkbook(model);
    const data2 = await readSheet(s.run, { sheet: 'Clients' });
    const rec2 = await applyTiers(s.run, data2, analyzeGrid(data2.values, {}), { lang: 'en', reviewDay: DAY2 });
    expect(lines(model, 'Clients')).toEqual(first);
    expect(rec2.tierFormats!.removed.map((f) => f.formula1).sort()).toEqual(rec1.tierFormats!.added.map((f) => f.formula1).sort());
    // a third apply in Russian: same column, still one rule per tier
    const data3 = await readSheet(s.run, { sheet: 'Clients' });
    const rec3 = await applyTiers(s.run, data3, analyzeGrid(data3.values, {}), { lang: 'ru', reviewDay: DAY2 });
    expect(model.sheet('Clients').conditionalFormats).toHaveLength(first.length);
    await undoApply(s.run, rec3);
    await undoApply(s.run, rec2);
    expect(describeDiffs(diffSnapshots(after1, snapshotWorkbook(model)))).toEqual([]);
    await undoApply(s.run, rec1);
    expect(describeDiffs(diffSnapshots(pristine, snapshotWorkbook(model)))).toEqual([]);
    expect(model.sheet('Clients').conditionalFormats).toHaveLength(0);
  });

  it("the user's own rules (elsewhere, and on the Tier column in other colours) survive apply, re-apply and undo, in their priority order", async () => {
    const data = await readSheet(s.run, { sheet: 'Clients' });
    const col = data.columnIndex + data.values[0].length;
    const tierCol = formatRef({ r0: 3, c0: col, r1: 20, c1: col });
    await userRule(s, 'Clients', 'B4:B30', 'GreaterThan', '=100000', '#FF0000');
    await userRule(s, 'Clients', tierCol, 'EqualTo', '="VIP"', '#00B050'); // the user's own colour for VIP
    const pristine = snapshotWorkbook(model);
    const rec1 = await applyTiers(s.run, data, analyzeGrid(data.values, {}), { lang: 'en', reviewDay: DAY1 });
    const mine = (l: string) => l.includes('#FF0000') || l.includes('#00B050');
    expect(lines(model, 'Clients').filter(mine)).toEqual(pristine.sheets.find((x) => x.name === 'Clients')!.conditionalFormats);
    // the user adds one more rule after the apply: it is on top of ours
    await userRule(s, 'Clients', 'C4:C30', 'EqualTo', '="x"', '#FFC000');
    const after1 = snapshotWorkbook(model);
    const order1 = lines(model, 'Clients');
    expect(order1[0]).toContain('#FFC000');
    const data2 = await readSheet(s.run, { sheet: 'Clients' });
    const rec2 = await applyTiers(s.run, data2, analyzeGrid(data2.values, {}), { lang: 'en', reviewDay: DAY2 });
    expect(lines(model, 'Clients')).toHaveLength(order1.length);
    await undoApply(s.run, rec2);
    // ours are back below the user's newer rule, exactly as they were
    expect(lines(model, 'Clients')).toEqual(order1);
    expect(describeDiffs(diffSnapshots(after1, snapshotWorkbook(model)))).toEqual([]);
    await undoApply(s.run, rec1);
    const now = lines(model, 'Clients');
    expect(now).toEqual([order1[0], ...pristine.sheets.find((x) => x.name === 'Clients')!.conditionalFormats]);
  });

  it("undo puts our rules back below a user's rule on the Tier header cell (priorities count in the collection they were read from)", async () => {
    const data = await readSheet(s.run, { sheet: 'Clients' });
    const rec1 = await applyTiers(s.run, data, analyzeGrid(data.values, {}), { lang: 'en', reviewDay: DAY1 });
    const col = rec1.address.columnIndex;
    // after the apply the user colours the Tier header cell: in the column's collection, not in the data rows'
    await userRule(s, 'Clients', formatRef({ r0: rec1.address.rowIndex, c0: col, r1: rec1.address.rowIndex, c1: col }), 'EqualTo', '="Tier"', '#7030A0');
    // and a rule elsewhere on the sheet, on top of everything
    await userRule(s, 'Clients', 'B4:B30', 'GreaterThan', '=100000', '#FF0000');
    const before = lines(model, 'Clients');
    expect(before[0]).toContain('#FF0000');
    expect(before[1]).toContain('#7030A0');
    const after1 = snapshotWorkbook(model);
    const data2 = await readSheet(s.run, { sheet: 'Clients' });
    const rec2 = await applyTiers(s.run, data2, analyzeGrid(data2.values, {}), { lang: 'en', reviewDay: DAY2 });
    await undoApply(s.run, rec2);
    expect(lines(model, 'Clients')).toEqual(before);
    expect(describeDiffs(diffSnapshots(after1, snapshotWorkbook(model)))).toEqual([]);
  });

  it('a host without conditional formats (ExcelApi 1.6) still applies, without colours, and undo is exact', async () => {
    const plain = createStandIn(model, { unsupportedApis: ['ExcelApi 1.6'] });
    const pristine = snapshotWorkbook(model);
    const data = await readSheet(plain.run, { sheet: 'Clients' });
    const a = analyzeGrid(data.values, {});
    const rec = await applyTiers(plain.run, data, a, { lang: 'en', reviewDay: DAY1 });
    expect(rec.written).toBeGreaterThan(300);
    expect(rec.tierFormats).toBeUndefined();
    expect(model.sheet('Clients').conditionalFormats).toHaveLength(0);
    expect(plain.stats.errors).toContain('ApiNotFound');
    await undoApply(plain.run, rec);
    expect(describeDiffs(diffSnapshots(pristine, snapshotWorkbook(model)))).toEqual([]);
  });

  it('the per-client sheet of a transaction log gets its Tier column coloured; undo removes the sheet', async () => {
    const pristine = snapshotWorkbook(model);
    const data = await readSheet(s.run, { sheet: 'Sales' });
    const a = analyzeGrid(data.values, { asOfDay: isoToDay('2025-12-31') });
    const rec = await applyTiers(s.run, data, a, { lang: 'en', reviewDay: DAY1 });
    const tierCol = CLIENT_SHEET_HEADERS.en.length - RESULT_HEADERS.en.length;
    expect(CLIENT_SHEET_HEADERS.en[tierCol]).toBe('Tier');
    const cfs = model.sheet(CLIENT_SHEET.en).conditionalFormats;
    expect(cfs).toHaveLength(tierColourRules(a.rules.tiers.map((t) => t.name)).length);
    for (const cf of cfs) expect(cf.ranges).toEqual([{ r0: 1, c0: tierCol, r1: a.clients.length, c1: tierCol }]);
    await undoApply(s.run, rec);
    expect(describeDiffs(diffSnapshots(pristine, snapshotWorkbook(model)))).toEqual([]);
  });
});

describe('colourTierColumn', () => {
  const column: TierColumn = { sheetName: 'Clients', columnIndex: 1, rowIndex: 1, rowCount: 4 };
  const book = () => createStandIn(modelFromGrid([{ name: 'Clients', values: [['Client', 'Tier'], ['A', 'Say "hi"'], ['B', 'Key'], ['C', 'Base'], ['D', 'Say "hi"']] }]));

  it('writes all rules in one request after reading (2 syncs on a fresh column), and escapes quotes in tier names', async () => {
    const s = book();
    const rec = await colourTierColumn(s.run, column, ['Say "hi"', 'Key', 'Base']);
    expect(s.stats.syncs).toBe(2);
    expect(s.stats.failedSyncs).toBe(0);
    expect(rec!.added.map((f) => f.formula1)).toEqual(['="Say ""hi"""', '="Key"']);
    expect(lines(s.model, 'Clients').sort()).toEqual(['CellValue B2:B5 EqualTo ="Key" fill #9DC3E6 font #000000', 'CellValue B2:B5 EqualTo ="Say ""hi""" fill #F4D35E font #000000']);
    // again: reads types, then the rules, then one write request
    s.stats.reset();
    await colourTierColumn(s.run, column, ['Say "hi"', 'Key', 'Base']);
    expect(s.stats.syncs).toBe(3);
    expect(s.model.sheet('Clients').conditionalFormats).toHaveLength(2);
  });

  it('a write refused part-way is rolled back: the earlier rules stay as they were and the result is null', async () => {
    const s = book();
    await colourTierColumn(s.run, column, ['VIP', 'Key', 'Base']);
    const before = lines(s.model, 'Clients');
    // just before the write request, the user deletes one of our rules: its delete fails
    // after the first delete ran, and nothing after it runs
    let calls = 0;
    const run = hookedRun(s.run, {
      before: () => {
        calls++;
        if (calls === 3) s.model.removeConditionalFormat(s.model.sheet('Clients').conditionalFormats[1]);
      },
    });
    const rec = await colourTierColumn(run, column, ['Gold', 'Silver', 'Base']);
    expect(s.stats.errors).toContain('ItemNotFound');
    expect(rec).toBeNull();
    expect(lines(s.model, 'Clients')).toEqual(before);
  });
});
