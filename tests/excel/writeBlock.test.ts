import { blockAddress, BlockCell, BlockWrite, captureBlock, NeedsConfirmation, restoreBlock, UndoRecord, writeBlock } from '../../src/excel/writeBlock';
import { CancelledError, PAYLOAD_BUDGET } from '../../src/excel/host';
import { ExcelLayerError, userMessage } from '../../src/excel/errors';
import { RESULT_HEADERS } from '../../src/core/resultColumns';
import { CellError, CellValue, createStandIn, FIVE_MB, modelFromGrid, WorkbookModel } from '../../src/workbench/standin';
import { describeDiffs, diffSnapshots, snapshotWorkbook } from './snapshot';
import { hookedRun, layerError, rejection } from './support';

const HEADERS = [...RESULT_HEADERS.en];
const OWN = [...RESULT_HEADERS.en, ...RESULT_HEADERS.ru];
const FORMATS = ['@', '@', '@', '@', '0', 'yyyy-mm-dd'];

/** A client sheet like the samples: title in row 1, blank row 2, header in row 3, data below. */
function clientModel(n: number): WorkbookModel {
  const values: CellValue[][] = [['Clients: totals for the last 6 months'], [], ['Client', 'Revenue', 'Orders']];
  for (let i = 0; i < n; i++) values.push([`Client ${i}`, 1000 + i, i % 7]);
  return modelFromGrid([{ name: 'Clients', values }, { name: 'Notes', values: [['keep me']] }]);
}

function resultRow(i: number, status = 'Keep'): BlockCell[] {
  return [['VIP', 'Key', 'Standard'][i % 3], ['A', 'B', 'C'][i % 3], status, `Revenue ${1000 + i} is above the bar`, i % 2, 46100 + (i % 3)];
}

function block(n: number, extra: Partial<BlockWrite> = {}): BlockWrite {
  return {
    sheetName: 'Clients',
    rowIndex: 2,
    columnIndex: 3,
    headers: HEADERS,
    rows: Array.from({ length: n }, (_, i) => resultRow(i)),
    formats: FORMATS,
    ownHeaders: OWN,
    ...extra,
  };
}

describe('writeBlock: writing', () => {
  it('writes the header and the rows with their number formats', async () => {
    const model = clientModel(10);
    const s = createStandIn(model);
    const undo = await writeBlock(s.run, block(10));
    const sheet = model.sheet('Clients');
    expect(sheet.read('D3:I3')).toEqual([HEADERS]);
    for (let i = 0; i < 10; i++) expect(sheet.read(`D${4 + i}:I${4 + i}`)).toEqual([resultRow(i)]);
    for (let c = 3; c < 9; c++) {
      expect(sheet.cell(2, c).numberFormat).toBe('@');
      expect(sheet.cell(3, c).numberFormat).toBe(FORMATS[c - 3]);
      expect(sheet.cell(12, c).numberFormat).toBe(FORMATS[c - 3]);
    }
    expect(typeof sheet.cell('H4').value).toBe('number');
    expect(typeof sheet.cell('I4').value).toBe('number');
    // the client data beside it is untouched
    expect(sheet.read('A3:C4')).toEqual([
      ['Client', 'Revenue', 'Orders'],
      ['Client 0', 1000, 0],
    ]);
    expect(sheet.usedRange(true)).toEqual({ r0: 0, c0: 0, r1: 12, c1: 8 });
    expect(undo).toMatchObject({ sheetName: 'Clients', rowIndex: 2, columnIndex: 3, rowCount: 11, columnCount: 6 });
    expect(undo.formulas).toEqual(Array.from({ length: 11 }, () => ['', '', '', '', '', '']));
    expect(undo.numberFormat).toEqual(Array.from({ length: 11 }, () => Array(6).fill('General')));
  });

  it('writes in chunks that each stay under the budget (and far under 5 MB)', async () => {
    const n = 5_000;
    const model = clientModel(n);
    const s = createStandIn(model);
    const budget = 40_000;
    const progress: Array<[number, string]> = [];
    await writeBlock(s.run, block(n), { budgetBytes: budget, onProgress: (d, l) => progress.push([d, l]) });
    const sheet = model.sheet('Clients');
    for (const i of [0, 1, 2_500, n - 1]) expect(sheet.read(`D${4 + i}:I${4 + i}`)).toEqual([resultRow(i)]);
    expect(s.stats.failedSyncs).toBe(0);
    const writes = s.stats.requestBytes.filter((b) => b > 1_000);
    const rowBytes = Buffer.byteLength(JSON.stringify(block(n).rows)) / n;
    expect(writes.length).toBeGreaterThanOrEqual(Math.ceil((n * rowBytes) / budget));
    for (const b of s.stats.requestBytes) expect(b).toBeLessThanOrEqual(budget);
    // the first read of the target is a fixed-size probe (20,000 cells); later ones keep to the budget
    for (const b of s.stats.responseBytes.slice(2)) expect(b).toBeLessThanOrEqual(budget * 1.1);
    // progress: the check, then the write, ending at 1
    expect(progress.some(([, l]) => l === 'check')).toBe(true);
    expect(progress[progress.length - 1]).toEqual([1, 'write']);
    expect(progress.map(([d]) => d)).toEqual([...progress.map(([d]) => d)].sort((a, b) => a - b));
  });

  it('sizes chunks in UTF-8 bytes: long Russian reasons stay under the budget', async () => {
    const n = 3_000;
    const model = clientModel(n);
    const s = createStandIn(model);
    const budget = 100_000;
    const rows = Array.from({ length: n }, (_, i) => ['Ключевой', 'B', 'Предупреждение', `Выручка ${i} ₽ ниже планки уровня «Ключевой»: осталось одно предупреждение до понижения`, 1, 46100]);
    await writeBlock(s.run, block(n, { headers: [...RESULT_HEADERS.ru], rows }), { budgetBytes: budget });
    expect(model.sheet('Clients').read(`D${3 + n}:I${3 + n}`)).toEqual([rows[n - 1]]);
    expect(s.stats.failedSyncs).toBe(0);
    expect(s.stats.maxRequestBytes).toBeLessThanOrEqual(budget);
  });

  it('uses the default budget: a 100,000-row block has every request under 5 MB', async () => {
    const n = 100_000;
    const model = clientModel(n);
    const s = createStandIn(model);
    await writeBlock(s.run, block(n));
    expect(s.stats.failedSyncs).toBe(0);
    expect(s.stats.maxRequestBytes).toBeLessThan(PAYLOAD_BUDGET * 1.05);
    expect(s.stats.maxResponseBytes).toBeLessThan(PAYLOAD_BUDGET * 1.05);
    expect(s.stats.maxRequestBytes).toBeLessThan(FIVE_MB);
    expect(s.stats.syncs).toBeLessThan(20);
    expect(model.sheet('Clients').read(`D${3 + n}:I${3 + n}`)).toEqual([resultRow(n - 1)]);
  });

  it("sets '@' before the values: client text that looks like a formula or a number stays text", async () => {
    const model = clientModel(0);
    const s = createStandIn(model);
    const names = ['=HYPERLINK("x")', '+7 999', '-5 apples', '@home', '007', '=1+2', 'TRUE', '#N/A', '12%', '-', '1e3'];
    const rows = names.map((name, i) => [name, 'A', 'Keep', `reason ${i}`, 0, 46100]);
    await writeBlock(s.run, block(names.length, { headers: ['Client', ...HEADERS.slice(1)], rows }));
    const sheet = model.sheet('Clients');
    names.forEach((name, i) => {
      const cell = sheet.cell(3 + i, 3);
      expect(cell.formula).toBeUndefined();
      expect(cell.value).toBe(name);
      expect(cell.numberFormat).toBe('@');
    });
    expect(sheet.formulaCount).toBe(0);
    // headers are text too
    expect(sheet.cell('D3')).toMatchObject({ value: 'Client', numberFormat: '@', formula: undefined });
  });

  it('clears cells given as null (no stale results are left in our own columns)', async () => {
    const model = clientModel(3);
    const s = createStandIn(model);
    await writeBlock(s.run, block(3));
    const rows = [resultRow(0), [null, null, null, null, null, null], [...resultRow(2).slice(0, 5), null]];
    await writeBlock(s.run, block(3, { rows }));
    const sheet = model.sheet('Clients');
    expect(sheet.read('D5:I5')).toEqual([['', '', '', '', '', '']]);
    expect(sheet.read('D6:I6')).toEqual([[...resultRow(2).slice(0, 5), '']]);
  });

  it('refuses rows of the wrong width before touching Excel', async () => {
    const s = createStandIn(clientModel(2));
    const e = await rejection(writeBlock(s.run, block(2, { rows: [resultRow(0), resultRow(1).slice(0, 5)] })));
    expect((e as Error).message).toBe('Row 2 has 5 cells, expected 6.');
    expect(s.stats.syncs).toBe(0);
  });

  it('blockAddress quotes the sheet name when needed', () => {
    expect(blockAddress({ sheetName: 'Clients', rowIndex: 2, columnIndex: 9 }, 322, 6)).toBe('Clients!J3:O324');
    expect(blockAddress({ sheetName: 'Tier history', rowIndex: 0, columnIndex: 0 }, 1, 1)).toBe("'Tier history'!A1:A1");
    expect(blockAddress({ sheetName: "O'Brien", rowIndex: 0, columnIndex: 0 }, 2, 2)).toBe("'O''Brien'!A1:B2");
  });
});

describe('writeBlock: never losing user data', () => {
  function withUserData(): WorkbookModel {
    const model = clientModel(20);
    const sheet = model.sheet('Clients');
    sheet.setValue(2, 5, 'My notes'); // F3: a header of the user's
    sheet.setValue(5, 5, 'call back');
    sheet.setValue(9, 5, 42);
    sheet.setValue(15, 8, 'stray'); // I16
    return model;
  }

  it('asks before overwriting cells that hold user data, and writes nothing', async () => {
    const model = withUserData();
    const s = createStandIn(model);
    const before = snapshotWorkbook(model);
    const e = await rejection(writeBlock(s.run, block(20)));
    expect(e).toBeInstanceOf(NeedsConfirmation);
    const nc = e as NeedsConfirmation;
    expect(nc.cells).toBe(4);
    expect(nc.samples).toEqual(['F3: My notes', 'F6: call back', 'F10: 42', 'I16: stray']);
    expect(nc.messages.en).toBe('4 cells with your data would be overwritten (F3: My notes; F6: call back; F10: 42; I16: stray). Confirm to overwrite; they can be restored with Undo.');
    expect(nc.messages.ru).toMatch(/^Будут перезаписаны 4 ячейки с вашими данными \(F3: My notes;/);
    expect(nc.message).toBe(nc.messages.en);
    expect(userMessage(nc, 'ru')).toBe(nc.messages.ru);
    expect(diffSnapshots(before, snapshotWorkbook(model))).toEqual([]);
  });

  it('lists at most five samples but counts every cell', async () => {
    const model = clientModel(20);
    for (let r = 3; r < 23; r++) model.sheet('Clients').setValue(r, 4, `x${r}`);
    const e = (await rejection(writeBlock(createStandIn(model).run, block(20)))) as NeedsConfirmation;
    expect(e.cells).toBe(20);
    expect(e.samples).toHaveLength(5);
  });

  it('overwrites after confirmation and keeps what was there for undo', async () => {
    const model = withUserData();
    const s = createStandIn(model);
    const before = snapshotWorkbook(model);
    const undo = await writeBlock(s.run, block(20, { overwriteConfirmed: true }));
    const sheet = model.sheet('Clients');
    expect(sheet.read('D3:I3')).toEqual([HEADERS]);
    expect(sheet.read('D6:I6')).toEqual([resultRow(2)]);
    expect(undo.formulas[0][2]).toBe('My notes');
    expect(undo.formulas[3][2]).toBe('call back');
    expect(undo.formulas[7][2]).toBe(42);
    expect(undo.formulas[13][5]).toBe('stray');
    await restoreBlock(s.run, undo);
    expect(describeDiffs(diffSnapshots(before, snapshotWorkbook(model)))).toEqual([]);
  });

  it('rewrites columns under its own headers (either language, any case) without asking', async () => {
    const model = clientModel(6);
    const s = createStandIn(model);
    await writeBlock(s.run, block(6, { headers: [...RESULT_HEADERS.ru] }));
    const sheet = model.sheet('Clients');
    sheet.setValue(2, 3, '  уровень '); // the user retyped a header in another case
    const rows = Array.from({ length: 6 }, (_, i) => resultRow(i + 1, 'Down'));
    await writeBlock(s.run, block(6, { rows }));
    expect(sheet.read('D3:I3')).toEqual([HEADERS]);
    expect(sheet.read('D4:I9')).toEqual(rows);
  });

  it('still asks for a column of the block that is not under one of its headers', async () => {
    const model = clientModel(6);
    const s = createStandIn(model);
    await writeBlock(s.run, block(6));
    const sheet = model.sheet('Clients');
    sheet.setValue(2, 8, 'Follow-up'); // the user renamed the last column and typed in it
    sheet.setValue(4, 8, 'Tuesday');
    const e = (await rejection(writeBlock(s.run, block(6)))) as NeedsConfirmation;
    expect(e).toBeInstanceOf(NeedsConfirmation);
    expect(e.cells).toBe(1 + 6); // its header and every filled cell below it
    expect(e.samples[0]).toBe('I3: Follow-up');
  });

  it('a protected sheet is AccessDenied and nothing changes', async () => {
    const model = clientModel(5);
    model.sheet('Clients').protected = true;
    const s = createStandIn(model);
    const before = snapshotWorkbook(model);
    const e = await layerError(writeBlock(s.run, block(5)), 'AccessDenied');
    expect(e.messages.en).toMatch(/^The sheet is protected/);
    expect(e.messages.ru).toMatch(/^Лист защищён/);
    expect(diffSnapshots(before, snapshotWorkbook(model))).toEqual([]);
    expect(s.stats.syncs).toBe(1);
  });

  it('a missing sheet is ItemNotFound', async () => {
    const s = createStandIn(clientModel(1));
    await layerError(writeBlock(s.run, block(1, { sheetName: 'Gone' })), 'ItemNotFound');
  });
});

describe('restoreBlock: exactly what was there', () => {
  /** A target area full of awkward cells: text that Excel would re-read, formulas, errors, formats. */
  function awkwardModel(): WorkbookModel {
    const model = clientModel(12);
    const sheet = model.sheet('Clients');
    const put = (ref: string, value: CellValue | undefined, format?: string) => {
      const m = /^([A-Z])(\d+)$/.exec(ref)!;
      const r = Number(m[2]) - 1;
      const c = m[1].charCodeAt(0) - 65;
      if (value !== undefined) sheet.setValue(r, c, value);
      if (format) sheet.setNumberFormat(r, c, format);
    };
    put('D3', 'Old header', '@');
    put('D4', '007'); // text in a General cell
    put('D5', '-5 apples');
    put('D6', '+7 999 123-45-67');
    put('D7', '@home');
    put('D8', '=HYPERLINK("x")', '@'); // text that looks like a formula, in a text cell
    put('D9', 'TRUE');
    put('D10', '12%');
    put('E4', 0.25, '0.0%');
    put('E5', 45_000, 'dd.mm.yyyy');
    put('E6', true);
    put('E7', new CellError('#N/A'));
    put('E8', undefined, '#,##0.00 "₽"'); // an empty cell with a format
    put('E9', -3.5, '@'); // a number in a text cell
    put('E10', '#N/A'); // text, not the error
    sheet.setFormula(10, 3, '=B11*2'); // D11
    sheet.setFormula(11, 3, '=SUM(B4:B6)');
    sheet.setNumberFormat(11, 3, '@'); // D12: a formula in a text-formatted cell
    sheet.setFormula(12, 4, '=1/0'); // E13 (the stand-in keeps no result for it, before or after)
    sheet.setFill(3, 3, '#FFFF00');
    sheet.setBold(4, 4, true);
    return model;
  }

  it('puts back values, formulas and number formats cell for cell', async () => {
    const model = awkwardModel();
    const s = createStandIn(model);
    const before = snapshotWorkbook(model);
    const undo = await writeBlock(s.run, block(12, { overwriteConfirmed: true }));
    expect(diffSnapshots(before, snapshotWorkbook(model)).length).toBeGreaterThan(50);
    // the undo record holds what Office reported
    expect(undo.formulas[1][0]).toBe('007');
    expect(undo.formulas[8][0]).toBe('=B11*2');
    expect(undo.numberFormat[1][1]).toBe('0.0%');
    await restoreBlock(s.run, undo);
    expect(describeDiffs(diffSnapshots(before, snapshotWorkbook(model)), 40)).toEqual([]);
  });

  it('restores after a second write over the first (undo of the last write only)', async () => {
    const model = awkwardModel();
    const s = createStandIn(model);
    const first = await writeBlock(s.run, block(12, { overwriteConfirmed: true }));
    const middle = snapshotWorkbook(model);
    const second = await writeBlock(s.run, block(12, { rows: Array.from({ length: 12 }, (_, i) => resultRow(i + 5, 'Down')) }));
    await restoreBlock(s.run, second);
    expect(describeDiffs(diffSnapshots(middle, snapshotWorkbook(model)))).toEqual([]);
    await restoreBlock(s.run, first);
    expect(describeDiffs(diffSnapshots(snapshotWorkbook(awkwardModel()), snapshotWorkbook(model)))).toEqual([]);
  });

  it('restores a big block in chunks under the budget', async () => {
    const n = 20_000;
    const model = clientModel(n);
    const sheet = model.sheet('Clients');
    for (let r = 3; r < 3 + n; r += 7) sheet.setValue(r, 4, `заметка ${r}`);
    const s = createStandIn(model);
    const before = snapshotWorkbook(model);
    const undo = await writeBlock(s.run, block(n, { overwriteConfirmed: true }), { budgetBytes: 100_000 });
    s.stats.reset();
    await restoreBlock(s.run, undo, { budgetBytes: 100_000 });
    expect(s.stats.syncs).toBeGreaterThan(3);
    expect(s.stats.maxRequestBytes).toBeLessThanOrEqual(100_000);
    expect(describeDiffs(diffSnapshots(before, snapshotWorkbook(model)))).toEqual([]);
  });

  it('reads a target full of long user texts for undo in chunks under the limit', async () => {
    const n = 3_000;
    const model = clientModel(n);
    const sheet = model.sheet('Clients');
    const note = (r: number) => `Заметка ${r}: ${'клиент просил перезвонить после согласования договора; '.repeat(30)}`;
    for (let r = 3; r < 3 + n; r++) sheet.setValue(r, 4, note(r)); // E: ~3 KB per cell, ~10 MB in all
    const s = createStandIn(model);
    const before = snapshotWorkbook(model);
    const undo = await writeBlock(s.run, block(n, { overwriteConfirmed: true }));
    expect(undo.formulas[n][1]).toBe(note(2 + n));
    // the first fixed-size probe of the target is refused as too large; smaller reads follow
    expect(s.stats.errors.length).toBeGreaterThan(0);
    expect(new Set(s.stats.errors)).toEqual(new Set(['ResponsePayloadSizeLimitExceeded']));
    expect(s.stats.responseBytes.filter((b) => b > FIVE_MB)).toHaveLength(s.stats.failedSyncs);
    // only the probe and its first retries fail: once a read succeeded, the next ones are sized in
    // UTF-8 bytes from it and stay under the limit
    const over = s.stats.responseBytes.map((b) => b > FIVE_MB);
    const firstFit = over.indexOf(false, 1);
    expect(over.slice(firstFit)).not.toContain(true);
    expect(s.stats.maxRequestBytes).toBeLessThan(FIVE_MB);
    s.stats.reset();
    await restoreBlock(s.run, undo);
    expect(s.stats.failedSyncs).toBe(0);
    expect(s.stats.maxRequestBytes).toBeLessThan(FIVE_MB);
    expect(describeDiffs(diffSnapshots(before, snapshotWorkbook(model)))).toEqual([]);
  });

  it('captureBlock keeps a block as it is for restoreBlock later (null for a missing sheet)', async () => {
    const model = awkwardModel();
    const s = createStandIn(model);
    expect(await captureBlock(s.run, { sheetName: 'Nope', rowIndex: 0, columnIndex: 0, rowCount: 2, columnCount: 2 })).toBeNull();
    const before = snapshotWorkbook(model);
    const kept = await captureBlock(s.run, { sheetName: 'Clients', rowIndex: 2, columnIndex: 3, rowCount: 13, columnCount: 6 });
    expect(kept).toMatchObject({ sheetName: 'Clients', rowIndex: 2, columnIndex: 3, rowCount: 13, columnCount: 6 });
    // the user (or the add-in) changes the area in any way at all
    await s.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('Clients').getRange('D3:I15');
      r.numberFormat = Array.from({ length: 13 }, () => Array(6).fill('0.00'));
      r.values = Array.from({ length: 13 }, (_, i) => Array(6).fill(i));
      await ctx.sync();
    });
    expect(diffSnapshots(before, snapshotWorkbook(model)).length).toBeGreaterThan(50);
    await restoreBlock(s.run, kept!);
    expect(describeDiffs(diffSnapshots(before, snapshotWorkbook(model)), 40)).toEqual([]);
  });

  it('a protected sheet at undo time is AccessDenied', async () => {
    const model = clientModel(3);
    const s = createStandIn(model);
    const undo: UndoRecord = await writeBlock(s.run, block(3));
    model.sheet('Clients').protected = true;
    await layerError(restoreBlock(s.run, undo), 'AccessDenied');
  });
});

describe('writeBlock: a failure half-way leaves nothing half-written', () => {
  const N = 3_000;
  const BUDGET = 20_000;

  function setup() {
    const model = clientModel(N);
    const sheet = model.sheet('Clients');
    sheet.setValue(10, 6, 'user text'); // G11, overwritten with confirmation
    sheet.setNumberFormat(10, 6, '0.00');
    const s = createStandIn(model);
    return { model, s, before: snapshotWorkbook(model) };
  }

  it('cancelling after the first written chunk restores the rows already written', async () => {
    const { model, s, before } = setup();
    const ctrl = new AbortController();
    let writes = 0;
    const e = await rejection(
      writeBlock(s.run, block(N, { overwriteConfirmed: true }), {
        budgetBytes: BUDGET,
        signal: ctrl.signal,
        onProgress: (_d, label) => {
          if (label === 'write' && ++writes === 1) ctrl.abort();
        },
      }),
    );
    expect(e).toBeInstanceOf(CancelledError);
    expect(writes).toBe(1);
    expect(describeDiffs(diffSnapshots(before, snapshotWorkbook(model)))).toEqual([]);
  });

  it('cancelling during the check writes nothing', async () => {
    const { model, s, before } = setup();
    const ctrl = new AbortController();
    const e = await rejection(
      writeBlock(s.run, block(N, { overwriteConfirmed: true }), {
        budgetBytes: 5_000,
        signal: ctrl.signal,
        onProgress: (_d, label) => label === 'check' && ctrl.abort(),
      }),
    );
    expect(e).toBeInstanceOf(CancelledError);
    expect(diffSnapshots(before, snapshotWorkbook(model))).toEqual([]);
  });

  it('a later chunk refused (cell-edit mode for one request) restores the chunks already written', async () => {
    const { model, s, before } = setup();
    let writes = 0;
    let failNext = false;
    const run = hookedRun(s.run, {
      before: () => {
        if (failNext) s.setEditMode(true);
      },
      after: () => {
        if (failNext) {
          failNext = false;
          s.setEditMode(false);
        }
      },
    });
    const e = await layerError(
      writeBlock(run, block(N, { overwriteConfirmed: true }), {
        budgetBytes: BUDGET,
        onProgress: (_d, label) => {
          if (label === 'write' && ++writes === 3) failNext = true;
        },
      }),
      'InvalidOperationInCellEditMode',
    );
    expect(e.messages.ru).toMatch(/режиме редактирования/);
    expect(writes).toBe(3);
    expect(s.stats.errors).toEqual(['InvalidOperationInCellEditMode']);
    expect(describeDiffs(diffSnapshots(before, snapshotWorkbook(model)))).toEqual([]);
  });

  it('a sheet protected between chunks (and unprotected right after) is reported and the written rows restored', async () => {
    const { model, s, before } = setup();
    let writes = 0;
    let protectNext = false;
    const sheet = model.sheet('Clients');
    const run = hookedRun(s.run, {
      before: () => {
        if (protectNext) sheet.protected = true;
      },
      after: () => {
        if (protectNext) {
          protectNext = false;
          sheet.protected = false;
        }
      },
    });
    await layerError(
      writeBlock(run, block(N, { overwriteConfirmed: true }), {
        budgetBytes: BUDGET,
        onProgress: (_d, label) => {
          if (label === 'write' && ++writes === 2) protectNext = true;
        },
      }),
      'AccessDenied',
    );
    expect(s.stats.errors).toEqual(['AccessDenied']);
    expect(describeDiffs(diffSnapshots(before, snapshotWorkbook(model)))).toEqual([]);
  });

  it('an error from Excel that is not a layer error is wrapped with its code', async () => {
    const { s } = setup();
    s.options.requestLimitBytes = 10_000; // a request over the limit: nothing of it runs
    const e = await layerError(writeBlock(s.run, block(N, { overwriteConfirmed: true }), { budgetBytes: 50_000 }), 'RequestPayloadSizeLimitExceeded');
    expect(e).toBeInstanceOf(ExcelLayerError);
  });
});
