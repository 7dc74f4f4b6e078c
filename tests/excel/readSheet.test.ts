import { listSources, readSheet } from '../../src/excel/readSheet';
import { CancelledError } from '../../src/excel/host';
import { ExcelLayerError } from '../../src/excel/errors';
import { CellValue, createStandIn, FIVE_MB, GridSheet, modelFromGrid, parseRef } from '../../src/workbench/standin';
import { layerError, rejection } from './support';

type Row = CellValue[];

const MANAGERS = ['Анна Смирнова', 'Игорь Петров', 'Alice Morgan', 'Ben Carter'];

/** A client row: text, money, a date serial, a whole number. */
function clientRow(i: number): Row {
  return [`Client ${i}`, MANAGERS[i % MANAGERS.length], Math.round(i * 137.31) / 100, 45000 + (i % 700), i % 9];
}

function clientSheet(rows: number, extra: Partial<GridSheet> = {}): GridSheet {
  const values: Row[] = [['Client', 'Manager', 'Revenue', 'Last order', 'Orders']];
  for (let i = 0; i < rows; i++) values.push(clientRow(i));
  return { name: 'Clients', values, ...extra };
}

/** The block of a sheet as Office reports it (blank = ""), by A1 range. */
function officeBlock(model: ReturnType<typeof modelFromGrid>, sheet: string, ref: string): unknown[][] {
  return model.sheet(sheet).read(ref);
}

describe('readSheet: what is read', () => {
  it('reads the used range of the active sheet when no source is given', async () => {
    const model = modelFromGrid([
      { name: 'Notes', values: [['just a note']] },
      clientSheet(30, { at: 'B3' }),
    ]);
    model.activeSheet = model.sheet('Clients');
    const s = createStandIn(model);
    const data = await readSheet(s.run);
    expect(data.sheetName).toBe('Clients');
    expect(data.tableName).toBeUndefined();
    expect(data.rowIndex).toBe(2);
    expect(data.columnIndex).toBe(1);
    expect(data.values).toEqual(officeBlock(model, 'Clients', 'B3:F33'));
    expect(data.values[0]).toEqual(['Client', 'Manager', 'Revenue', 'Last order', 'Orders']);
    expect(data.values[30]).toEqual(clientRow(29));
    expect(data.protected).toBe(false);
    expect(data.hiddenRows).toEqual([]);
    // one sync for the sheet and the used range, one for the only chunk (with the formats)
    expect(data.syncs).toBe(2);
    expect(s.stats.syncs).toBe(data.syncs);
  });

  it('reads a named sheet, whatever the active sheet, and keeps blanks as ""', async () => {
    const values: Row[] = [
      ['Клиент', 'Выручка', 'Комментарий'],
      ['ООО «Альфа»', 1500.5, ''],
      ['', '', ''],
      ['ИП Бета', -20, 'возврат'],
    ];
    const model = modelFromGrid([{ name: 'Other', values: [[1, 2]] }, { name: 'Клиенты', values, at: 'D10' }]);
    model.activeSheet = model.sheet('Other');
    const s = createStandIn(model);
    const data = await readSheet(s.run, { sheet: 'клиенты' }); // case-insensitive, as Excel
    expect(data.sheetName).toBe('Клиенты');
    expect(data.rowIndex).toBe(9);
    expect(data.columnIndex).toBe(3);
    expect(data.values).toEqual(values);
    expect(data.values).toEqual(officeBlock(model, 'Клиенты', 'D10:F13'));
  });

  it('reads a named Excel table: only its range, header included', async () => {
    const model = modelFromGrid([
      {
        name: 'Data',
        values: [
          ['Report', '', '', '', 'side note'],
          ['', '', '', '', ''],
          ['Client', 'Revenue', 'Orders', '', 'x'],
          ['ACME', 100, 2, '', 'y'],
          ['Globex', 250.75, 5, '', ''],
          ['Initech', 0, 0, '', ''],
          ['', '', '', '', 'z'],
        ],
      },
    ]);
    const sheet = model.sheet('Data');
    model.addTable(sheet, parseRef('A3:C6')!, 'ClientTable');
    const s = createStandIn(model);
    const data = await readSheet(s.run, { table: 'clienttable' });
    expect(data.sheetName).toBe('Data');
    expect(data.tableName).toBe('clienttable');
    expect(data.rowIndex).toBe(2);
    expect(data.columnIndex).toBe(0);
    expect(data.values).toEqual([
      ['Client', 'Revenue', 'Orders'],
      ['ACME', 100, 2],
      ['Globex', 250.75, 5],
      ['Initech', 0, 0],
    ]);
    expect(data.formats).toEqual(Array.from({ length: 4 }, () => ['General', 'General', 'General']));
  });

  it('reads a formula cell as its value', async () => {
    const model = modelFromGrid([{ name: 'S', values: [['Client', 'Revenue'], ['A', 1], ['B', 2]] }]);
    model.sheet('S').setFormula(3, 1, '=B2+B3', 3);
    model.sheet('S').setValue(3, 0, 'Total');
    const data = await readSheet(createStandIn(model).run, { sheet: 'S' });
    expect(data.values[3]).toEqual(['Total', 3]);
  });

  it('returns the number formats of the first rows only', async () => {
    const rows = 120;
    const numberFormat = [['@', '@', '@', '@', '@']];
    for (let i = 0; i < rows; i++) numberFormat.push(['@', 'General', '#,##0.00 "₽"', 'dd.mm.yyyy', '0']);
    const model = modelFromGrid([clientSheet(rows, { numberFormat })]);
    const s = createStandIn(model);

    const data = await readSheet(s.run, { sheet: 'Clients' });
    expect(data.formats).toHaveLength(51); // header + 50 sample rows by default
    expect(data.formats).toEqual(numberFormat.slice(0, 51));

    const few = await readSheet(s.run, { sheet: 'Clients' }, { formatRows: 3 });
    expect(few.formats).toEqual(numberFormat.slice(0, 3));
    expect(few.values).toEqual(data.values);

    // more format rows than the sheet has: all of them
    const all = await readSheet(s.run, { sheet: 'Clients' }, { formatRows: 10_000 });
    expect(all.formats).toEqual(numberFormat);
  });

  it('reports a protected sheet', async () => {
    const data = await readSheet(createStandIn(modelFromGrid([clientSheet(3, { protected: true })])).run, { sheet: 'Clients' });
    expect(data.protected).toBe(true);
    expect(data.values).toHaveLength(4);
  });

  it('an empty sheet gives no values, one sync and the "empty" signature', async () => {
    const model = modelFromGrid([{ name: 'Blank', values: [] }, clientSheet(2)]);
    // formats alone do not make a used range for values
    model.sheet('Blank').setNumberFormat(4, 4, '0.00');
    const s = createStandIn(model);
    const data = await readSheet(s.run, { sheet: 'Blank' });
    expect(data).toMatchObject({ sheetName: 'Blank', rowIndex: 0, columnIndex: 0, values: [], formats: [], hiddenRows: [], signature: 'empty', syncs: 1 });
    expect(s.stats.syncs).toBe(1);
  });
});

describe('readSheet: chunks and limits', () => {
  it('reads a sheet larger than the first chunk in several chunks sized from the measured bytes', async () => {
    const rows = 50_000;
    const model = modelFromGrid([clientSheet(rows)]);
    const s = createStandIn(model);
    const progress: number[] = [];
    const data = await readSheet(s.run, { sheet: 'Clients' }, { firstChunkCells: 5_000, budgetBytes: 400_000, onProgress: (d, label) => (expect(label).toBe('read'), progress.push(d)) });
    expect(data.values).toEqual(officeBlock(model, 'Clients', `A1:E${rows + 1}`));
    // first chunk 1,000 rows; then chunks of about the budget each
    const restBytes = Buffer.byteLength(JSON.stringify(data.values.slice(1_000)));
    const chunks = data.syncs - 1;
    expect(chunks).toBeGreaterThanOrEqual(1 + Math.ceil(restBytes / 400_000));
    expect(chunks).toBeLessThanOrEqual(2 + Math.ceil(restBytes / 400_000));
    expect(s.stats.syncs).toBe(data.syncs);
    expect(s.stats.failedSyncs).toBe(0);
    // no response is far above the budget
    expect(Math.max(...s.stats.responseBytes)).toBeLessThan(400_000 * 1.25);
    // progress rises to 1
    expect(progress.length).toBe(data.syncs - 1);
    expect([...progress].sort((a, b) => a - b)).toEqual(progress);
    expect(progress[progress.length - 1]).toBe(1);
  });

  it('measures chunks in UTF-8 bytes: Cyrillic text does not push a response over the budget', async () => {
    // ~45 characters per cell, ~85 bytes in UTF-8
    const values: Row[] = [['Клиент', 'Менеджер', 'Комментарий']];
    for (let i = 0; i < 20_000; i++) values.push([`ООО «Торговый дом Северо-Запад ${i}»`, 'Екатерина Александровна Воронцова', `Просроченная задолженность по договору № ${i}`]);
    const s = createStandIn(modelFromGrid([{ name: 'Клиенты', values }]));
    const budget = 300_000;
    const data = await readSheet(s.run, { sheet: 'Клиенты' }, { budgetBytes: budget, firstChunkCells: 3_000 });
    expect(data.values).toEqual(values);
    expect(s.stats.failedSyncs).toBe(0);
    expect(Math.max(...s.stats.responseBytes)).toBeLessThan(budget * 1.1);
  });

  it('recovers from a response over the limit by reading smaller chunks', async () => {
    const rows = 20_000;
    const model = modelFromGrid([clientSheet(rows)]);
    const s = createStandIn(model, { responseLimitBytes: 150_000 });
    const data = await readSheet(s.run, { sheet: 'Clients' });
    expect(data.values).toEqual(officeBlock(model, 'Clients', `A1:E${rows + 1}`));
    expect(s.stats.failedSyncs).toBeGreaterThan(0);
    expect(new Set(s.stats.errors)).toEqual(new Set(['ResponsePayloadSizeLimitExceeded']));
  });
});

describe('readSheet: hidden rows', () => {
  const ROWS = 200_000;
  let baselineSyncs = 0;

  beforeAll(async () => {
    const data = await readSheet(createStandIn(modelFromGrid([clientSheet(ROWS - 1)])).run, { sheet: 'Clients' });
    expect(data.hiddenRows).toEqual([]);
    baselineSyncs = data.syncs;
  });

  it('finds a few scattered hidden rows in a large sheet with a bounded number of extra syncs', async () => {
    const hidden = [5, 77_777, 123_456, 199_998, 199_999];
    const s = createStandIn(modelFromGrid([clientSheet(ROWS - 1, { hiddenRows: hidden })]));
    const data = await readSheet(s.run, { sheet: 'Clients' });
    expect(data.values).toHaveLength(ROWS);
    expect(data.hiddenRows).toEqual(hidden);
    // bisection by 32: at most ~4 levels for each chunk that holds hidden rows
    expect(data.syncs - baselineSyncs).toBeGreaterThan(0);
    expect(data.syncs - baselineSyncs).toBeLessThanOrEqual(4 * hidden.length);
    expect(s.stats.maxRequestBytes).toBeLessThan(FIVE_MB);
  });

  it('finds a filtered-out block and single rows, as indices into values (sheet offset)', async () => {
    const hiddenSheetRows: number[] = [];
    for (let r = 1_003; r < 2_503; r++) hiddenSheetRows.push(r);
    hiddenSheetRows.push(9, 4_000);
    const s = createStandIn(modelFromGrid([clientSheet(5_000, { at: 'C4', hiddenRows: [...hiddenSheetRows, 1] })])); // row 2 is above the data
    const data = await readSheet(s.run, { sheet: 'Clients' });
    expect(data.rowIndex).toBe(3);
    expect(data.hiddenRows).toEqual(hiddenSheetRows.map((r) => r - 3).sort((a, b) => a - b));
  });

  it('reports every row when all rows are hidden, without bisecting', async () => {
    const all = Array.from({ length: ROWS }, (_, i) => i);
    const data = await readSheet(createStandIn(modelFromGrid([clientSheet(ROWS - 1, { hiddenRows: all })])).run, { sheet: 'Clients' });
    expect(data.hiddenRows).toEqual(all);
    expect(data.syncs).toBe(baselineSyncs);
  });

  it('finds every other row hidden (the worst case for bisection) correctly', async () => {
    const every = Array.from({ length: 1_000 }, (_, i) => 2 * i + 1);
    const s = createStandIn(modelFromGrid([clientSheet(1_999, { hiddenRows: every })]));
    const data = await readSheet(s.run, { sheet: 'Clients' });
    expect(data.hiddenRows).toEqual(every);
    expect(data.syncs).toBeLessThanOrEqual(2 + 4);
    expect(s.stats.maxRequestBytes).toBeLessThan(FIVE_MB);
  });
});

describe('readSheet: errors', () => {
  it('a missing sheet is ItemNotFound with English and Russian messages', async () => {
    const s = createStandIn(modelFromGrid([clientSheet(2)]));
    const e = await layerError(readSheet(s.run, { sheet: 'Clientz' }), 'ItemNotFound');
    expect(e.name).toBe('ExcelLayerError');
    expect(e.messages.en).toBe('The sheet or table was not found — it may have been renamed or deleted meanwhile. Choose the source again.');
    expect(e.messages.ru).toBe('Лист или таблица не найдены — возможно, их переименовали или удалили. Выберите источник заново.');
    expect(e.message).toBe(e.messages.en);
  });

  it('a missing table is ItemNotFound too', async () => {
    const s = createStandIn(modelFromGrid([clientSheet(2)]));
    const e = await layerError(readSheet(s.run, { table: 'NoSuchTable' }), 'ItemNotFound');
    expect(e.messages.ru).toMatch(/не найдены/);
  });

  it('cell-edit mode gives the "leave the cell" message', async () => {
    const s = createStandIn(modelFromGrid([clientSheet(2)]));
    s.setEditMode(true);
    const e = await layerError(readSheet(s.run, { sheet: 'Clients' }), 'InvalidOperationInCellEditMode');
    expect(e.messages.en).toBe('Excel is in cell edit mode. Press Enter or Esc to leave the cell, then try again.');
    expect(e.messages.ru).toBe('Excel в режиме редактирования ячейки. Нажмите Enter или Esc, затем повторите.');
    s.setEditMode(false);
    await expect(readSheet(s.run, { sheet: 'Clients' })).resolves.toMatchObject({ sheetName: 'Clients' });
  });
});

describe('readSheet: signature', () => {
  it('is stable for the same content and changes when any cell changes', async () => {
    const rows = 30_000;
    const model = modelFromGrid([clientSheet(rows)]);
    const s = createStandIn(model);
    const opts = { firstChunkCells: 2_000, budgetBytes: 200_000 };
    const first = await readSheet(s.run, { sheet: 'Clients' }, opts);
    expect(first.syncs).toBeGreaterThan(4); // several chunks
    const again = await readSheet(s.run, { sheet: 'Clients' }, opts);
    expect(again.signature).toBe(first.signature);

    const sheet = model.sheet('Clients');
    // formats, hidden rows and widths are not content
    sheet.setNumberFormat(10, 2, '0.00');
    sheet.setRowHidden(20, true);
    expect((await readSheet(s.run, { sheet: 'Clients' }, opts)).signature).toBe(first.signature);

    // a number in the last chunk
    sheet.setValue(rows, 2, 1234.5);
    const changed = await readSheet(s.run, { sheet: 'Clients' }, opts);
    expect(changed.signature).not.toBe(first.signature);
    sheet.setValue(rows, 2, clientRow(rows - 1)[2]);
    expect((await readSheet(s.run, { sheet: 'Clients' }, opts)).signature).toBe(first.signature);

    // a number that became text with the same digits
    sheet.setValue(5, 4, String(clientRow(4)[4]));
    expect((await readSheet(s.run, { sheet: 'Clients' }, opts)).signature).not.toBe(first.signature);
    sheet.setValue(5, 4, clientRow(4)[4]);

    // two cells swapped: same multiset of values, different sheet
    const a = sheet.getValue(100, 0);
    const b = sheet.getValue(101, 0);
    sheet.setValue(100, 0, b);
    sheet.setValue(101, 0, a);
    expect((await readSheet(s.run, { sheet: 'Clients' }, opts)).signature).not.toBe(first.signature);
    sheet.setValue(100, 0, a);
    sheet.setValue(101, 0, b);

    // a new row below the table
    sheet.setValue(rows + 1, 0, 'Late client');
    expect((await readSheet(s.run, { sheet: 'Clients' }, opts)).signature).not.toBe(first.signature);
  });

  it('differs between two different sheets of the same size', async () => {
    const model = modelFromGrid([clientSheet(10), { name: 'Copy', values: clientSheet(10).values.map((r, i) => (i === 3 ? ['Other', ...r.slice(1)] : r)) }]);
    const s = createStandIn(model);
    const a = await readSheet(s.run, { sheet: 'Clients' });
    const b = await readSheet(s.run, { sheet: 'Copy' });
    expect(a.signature).not.toBe(b.signature);
  });
});

describe('readSheet: cancellation', () => {
  it('an already aborted signal stops before reading any chunk', async () => {
    const s = createStandIn(modelFromGrid([clientSheet(100)]));
    const ctrl = new AbortController();
    ctrl.abort();
    const e = await rejection(readSheet(s.run, { sheet: 'Clients' }, { signal: ctrl.signal }));
    expect(e).toBeInstanceOf(CancelledError);
    expect(e).not.toBeInstanceOf(ExcelLayerError);
    expect(s.stats.syncs).toBe(1);
  });

  it('aborting during the read stops after the current chunk with CancelledError', async () => {
    const s = createStandIn(modelFromGrid([clientSheet(20_000)]));
    const ctrl = new AbortController();
    let chunks = 0;
    const e = await rejection(
      readSheet(s.run, { sheet: 'Clients' }, {
        signal: ctrl.signal,
        firstChunkCells: 1_000,
        budgetBytes: 50_000,
        onProgress: () => {
          chunks++;
          if (chunks === 2) ctrl.abort();
        },
      }),
    );
    expect(e).toBeInstanceOf(CancelledError);
    expect((e as Error).message).toBe('Cancelled');
    expect(chunks).toBe(2);
    expect(s.stats.syncs).toBe(3);
  });
});

describe('listSources', () => {
  it('lists sheets with visibility and the active one, and tables with their sheets', async () => {
    const model = modelFromGrid([clientSheet(3), { name: 'Продажи', values: [['Дата', 'Сумма'], [45000, 10]] }, { name: 'Hidden', values: [['x']] }]);
    model.sheet('Hidden').visibility = 'Hidden';
    model.activeSheet = model.sheet('Продажи');
    model.addTable(model.sheet('Продажи'), parseRef('A1:B2')!, 'Sales');
    model.addTable(model.sheet('Clients'), parseRef('A1:E4')!, 'ClientList');
    const s = createStandIn(model);
    const sources = await listSources(s.run);
    expect(sources.sheets).toEqual([
      { name: 'Clients', visible: true, active: false },
      { name: 'Продажи', visible: true, active: true },
      { name: 'Hidden', visible: false, active: false },
    ]);
    expect(sources.tables).toEqual([
      { name: 'Sales', sheet: 'Продажи' },
      { name: 'ClientList', sheet: 'Clients' },
    ]);
    expect(s.stats.syncs).toBe(2);
  });

  it('turns Office errors into layer errors', async () => {
    const s = createStandIn(modelFromGrid([clientSheet(1)]));
    s.setEditMode(true);
    await layerError(listSources(s.run), 'InvalidOperationInCellEditMode');
  });
});
