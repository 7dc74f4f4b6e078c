/**
 * applyTiers / undoApply when the client list is an Excel table: the result columns become
 * columns of the table (so they sort and filter with their rows), a re-apply updates them in
 * place, undo restores the whole workbook exactly, a user's own "Tier" column needs confirmation,
 * cancelling leaves nothing, and a 100,000-row table stays under the 5 MB request limit.
 * Neither sample workbook has a table, so the workbooks are built here.
 */
import { analyzeGrid } from '../../src/core/analyze';
import { Lang } from '../../src/core/format';
import { isoToDay } from '../../src/core/parseDate';
import { RESULT_HEADERS, resultRow } from '../../src/core/resultColumns';
import { applyTiers, HISTORY_SHEET, undoApply } from '../../src/excel/applyTiers';
import { CancelledError, PAYLOAD_BUDGET } from '../../src/excel/host';
import { readSheet } from '../../src/excel/readSheet';
import { restoreTableColumns, writeTableColumns } from '../../src/excel/tableColumns';
import { BlockCell, NeedsConfirmation } from '../../src/excel/writeBlock';
import { createStandIn, FIVE_MB, modelFromGrid, StandIn, TableModel, WorkbookModel } from '../../src/workbench/standin';
import { describeDiffs, diffSnapshots, snapshotWorkbook } from './snapshot';
import { layerError, rejection } from './support';

const DAY1 = isoToDay('2026-01-10')!;
const DAY2 = isoToDay('2026-07-10')!;
const HYPERLINK = '=HYPERLINK("x")';

const CLIENTS: Array<[string, number]> = [
  ['ACME', 1_200_000],
  ['Globex', 90_000],
  [HYPERLINK, 640_000],
  ['Initech', 15_000],
  ['Umbrella', 2_500_000],
  ['+7 Telecom', 310_000],
  ['Stark', 48_000],
  ['-minus Ltd', 5_000],
  ['@home', 720_000],
  ['Wayne', 133_000],
];

/** A sheet with a title row, the client table at A3 (header) and a note under it; `extra` adds columns to the table. */
function workbook(extra: Array<{ header: string; values: Array<string | number> }> = []): { model: WorkbookModel; s: StandIn; table: TableModel } {
  const header = ['Client', 'Revenue', ...extra.map((e) => e.header)];
  const rows = CLIENTS.map(([n, r], i) => [n, r, ...extra.map((e) => e.values[i])]);
  const model = modelFromGrid([
    { name: 'Clients', values: [['Client list'], [], header, ...rows, [], ['note under the table']] },
    { name: 'Other', values: [['untouched', 1]] },
  ]);
  const sheet = model.sheet('Clients');
  // the client names are text cells (the '@' format), as Excel keeps "=…" typed after an apostrophe
  for (let r = 3; r < 3 + CLIENTS.length; r++) sheet.setNumberFormat(r, 0, '@');
  sheet.setNumberFormat(3, 1, '#,##0');
  const table = model.addTable(sheet, { r0: 2, c0: 0, r1: 2 + CLIENTS.length, c1: header.length - 1 }, 'ClientTable');
  return { model, s: createStandIn(model), table };
}

/** Sorts the table's body rows by a column in the model, as Excel's table sort does: every column of the table moves with its row. */
function sortTable(model: WorkbookModel, t: TableModel, byColumn: number, descending = true): void {
  const sheet = t.sheet;
  const body = t.bodyRect;
  const rows: Array<Array<{ v: ReturnType<typeof sheet.getValue>; f: string | undefined; nf: string }>> = [];
  for (let r = body.r0; r <= body.r1; r++) {
    const row = [];
    for (let c = body.c0; c <= body.c1; c++) row.push({ v: sheet.getValue(r, c), f: sheet.getFormula(r, c), nf: sheet.getNumberFormat(r, c) });
    rows.push(row);
  }
  const k = byColumn - body.c0;
  rows.sort((a, b) => (Number(a[k].v) - Number(b[k].v)) * (descending ? -1 : 1));
  rows.forEach((row, i) =>
    row.forEach((cell, j) => {
      sheet.setValue(body.r0 + i, body.c0 + j, cell.v);
      sheet.setFormula(body.r0 + i, body.c0 + j, cell.f, cell.v);
      sheet.setNumberFormat(body.r0 + i, body.c0 + j, cell.nf);
    }),
  );
  void model;
}

async function review(s: StandIn) {
  const data = await readSheet(s.run, { table: 'ClientTable' });
  return { data, a: analyzeGrid(data.values, {}) };
}

describe.each(['en', 'ru'] as Lang[])('a client table, results in %s', (lang) => {
  it('adds the six result columns to the table: range widened, headers and values right, client text stays text', async () => {
    const { model, s, table } = workbook();
    const pristine = snapshotWorkbook(model);
    const { data, a } = await review(s);
    expect(data.tableName).toBe('ClientTable');
    expect(a.table.shape).toBe('clients');
    expect(a.clients.map((c) => c.name)).toContain(HYPERLINK);

    const rec = await applyTiers(s.run, data, a, { lang, reviewDay: DAY1 });
    expect(table.rect).toEqual({ r0: 2, c0: 0, r1: 12, c1: 7 });
    expect(table.columnNames()).toEqual(['Client', 'Revenue', ...RESULT_HEADERS[lang]]);
    expect(rec.address).toEqual({ sheetName: 'Clients', rowIndex: 2, columnIndex: 2 });
    expect(rec.table?.added).toHaveLength(6);
    expect(rec.written).toBe(CLIENTS.length);

    const sheet = model.sheet('Clients');
    for (const c of a.clients) {
      const [r] = c.rows;
      const got = sheet.read(`A${data.rowIndex + r + 1}:H${data.rowIndex + r + 1}`)[0];
      expect(got[0]).toBe(c.name);
      expect(got.slice(2)).toEqual(resultRow(c, a, lang).map((v) => (v === null ? '' : v)));
    }
    // no formula anywhere: "=HYPERLINK(…)", "+7…", "-minus…", "@home" stayed text
    expect(sheet.formulaCount).toBe(0);
    const formats = ['@', '@', '@', '@', '0', lang === 'ru' ? 'dd.mm.yyyy' : 'yyyy-mm-dd'];
    formats.forEach((f, k) => {
      expect(sheet.cell(2, 2 + k).numberFormat).toBe('@');
      expect(sheet.cell(12, 2 + k).numberFormat).toBe(f);
    });
    // the note under the table and the other sheet are where they were
    expect(sheet.cell('A15').value).toBe('note under the table');
    expect(sheet.read('C15:H15')).toEqual([['', '', '', '', '', '']]);

    // the Tier column's data body is coloured by tier
    const tierRules = sheet.conditionalFormats.filter((cf) => cf.type === 'CellValue');
    expect(tierRules.length).toBeGreaterThan(0);
    for (const cf of tierRules) expect(cf.ranges).toEqual([{ r0: 3, c0: 2, r1: 12, c1: 2 }]);

    // the results travel with their rows: sort the table by revenue, each client keeps its tier
    const tierOf = new Map(a.clients.map((c) => [c.name, c.decision.tier]));
    sortTable(model, table, 1);
    const sorted = sheet.read('A4:C13');
    expect(sorted.map((r) => r[1])).toEqual([...CLIENTS].map(([, v]) => v).sort((x, y) => y - x));
    for (const [name, , tier] of sorted) expect(tier).toBe(tierOf.get(String(name)));
    // and only the table's sheet and the history changed
    const diffs = diffSnapshots(pristine, snapshotWorkbook(model));
    expect([...new Set(diffs.map((d) => d.sheet ?? `(workbook) ${d.what}`))].sort()).toEqual(['(workbook) sheets', '(workbook) tables', 'Clients', HISTORY_SHEET[lang]].sort());
  });

  it('undo restores the whole workbook exactly: added columns deleted, table range back', async () => {
    const { model, s, table } = workbook();
    const pristine = snapshotWorkbook(model);
    const { data, a } = await review(s);
    const rec = await applyTiers(s.run, data, a, { lang, reviewDay: DAY1 });
    expect(model.findSheet(HISTORY_SHEET[lang])).toBeDefined();
    await undoApply(s.run, rec);
    expect(table.rect.c1).toBe(1);
    expect(describeDiffs(diffSnapshots(pristine, snapshotWorkbook(model)))).toEqual([]);
  });

  it('a re-apply updates the columns in place (also in the other language), and its undo gives back the first apply', async () => {
    const { model, s, table } = workbook();
    const first = await review(s);
    await applyTiers(s.run, first.data, first.a, { lang, reviewDay: DAY1 });
    const afterFirst = snapshotWorkbook(model);
    const other: Lang = lang === 'en' ? 'ru' : 'en';
    const second = await review(s);
    const rec2 = await applyTiers(s.run, second.data, second.a, { lang: other, reviewDay: DAY2 });
    expect(table.rect.c1).toBe(7);
    expect(table.columnNames()).toEqual(['Client', 'Revenue', ...RESULT_HEADERS[other]]);
    expect(rec2.table?.added).toEqual([]);
    expect(rec2.table?.overwritten.map((u) => [u.columnIndex, u.columnCount, u.rowCount])).toEqual([[2, 6, 11]]);
    await undoApply(s.run, rec2);
    expect(describeDiffs(diffSnapshots(afterFirst, snapshotWorkbook(model)))).toEqual([]);
  });

  it("a user's own Tier column in the table needs confirmation; confirmed, it is overwritten in place and undo gives it back", async () => {
    const own = CLIENTS.map((_, i) => (i % 2 ? 'gold' : 'silver'));
    const { model, s, table } = workbook([{ header: RESULT_HEADERS[lang][0], values: own }]);
    const pristine = snapshotWorkbook(model);
    const { data, a } = await review(s);
    const e = await rejection(applyTiers(s.run, data, a, { lang, reviewDay: DAY1 }));
    expect(e).toBeInstanceOf(NeedsConfirmation);
    expect((e as NeedsConfirmation).cells).toBe(CLIENTS.length);
    expect((e as NeedsConfirmation).samples[0]).toBe('C4: silver');
    expect(describeDiffs(diffSnapshots(pristine, snapshotWorkbook(model)))).toEqual([]);

    const rec = await applyTiers(s.run, data, a, { lang, reviewDay: DAY1, overwriteConfirmed: true });
    // the user's column took the tiers; the other five were added after it
    expect(table.columnNames()).toEqual(['Client', 'Revenue', ...RESULT_HEADERS[lang]]);
    expect(rec.table?.added).toHaveLength(5);
    expect(model.sheet('Clients').read('C4:C4')[0][0]).toBe(a.clients.find((c) => c.rows.includes(1))!.decision.tier);
    // the next apply sees all six as ours: no question
    const again = await review(s);
    const rec2 = await applyTiers(s.run, again.data, again.a, { lang, reviewDay: DAY2 });
    await undoApply(s.run, rec2);
    await undoApply(s.run, rec);
    expect(describeDiffs(diffSnapshots(pristine, snapshotWorkbook(model)))).toEqual([]);
  });
});

describe('a client table: refusals and cancelling', () => {
  it('data in the columns beside the table that the results take needs confirmation; confirmed, it is overwritten and undo brings it back', async () => {
    const { model, s, table } = workbook();
    const sheet = model.sheet('Clients');
    sheet.setValue(2, 3, 'Notes'); // D3, on the header row beside the table
    sheet.setValue(5, 3, 'call back'); // D6
    sheet.setFill(5, 3, '#FFF2CC');
    const pristine = snapshotWorkbook(model);
    const { data, a } = await review(s);
    const e = await rejection(applyTiers(s.run, data, a, { lang: 'en', reviewDay: DAY1 }));
    expect(e).toBeInstanceOf(NeedsConfirmation);
    expect((e as NeedsConfirmation).samples).toEqual(['D3: Notes', 'D6: call back']);
    expect(describeDiffs(diffSnapshots(pristine, snapshotWorkbook(model)))).toEqual([]);

    const rec = await applyTiers(s.run, data, a, { lang: 'en', reviewDay: DAY1, overwriteConfirmed: true });
    expect(table.columnNames()).toEqual(['Client', 'Revenue', ...RESULT_HEADERS.en]);
    expect(sheet.cell('D3').value).toBe('ABC');
    expect(sheet.cell('D6').value).toBe(a.clients.find((c) => c.rows.includes(3))!.abc);
    await undoApply(s.run, rec);
    expect(describeDiffs(diffSnapshots(pristine, snapshotWorkbook(model)))).toEqual([]);
  });

  it('data right of the table beyond the columns the results take: nothing is changed and the message says where', async () => {
    const { model, s } = workbook();
    model.sheet('Clients').setValue(6, 9, 'call back'); // J7, beside the table
    const pristine = snapshotWorkbook(model);
    const { data, a } = await review(s);
    const e = await layerError(applyTiers(s.run, data, a, { lang: 'en', reviewDay: DAY1 }), 'InsertDeleteConflict');
    expect(e.messages.en).toMatch(/right of the table "ClientTable" \(from Clients!J7\)/);
    expect(e.messages.ru).toMatch(/Справа от таблицы/);
    expect(describeDiffs(diffSnapshots(pristine, snapshotWorkbook(model)))).toEqual([]);
  });

  it('a protected sheet is AccessDenied and nothing changes', async () => {
    const { model, s } = workbook();
    const { data, a } = await review(s);
    model.sheet('Clients').protected = true;
    const pristine = snapshotWorkbook(model);
    await layerError(applyTiers(s.run, data, a, { lang: 'en', reviewDay: DAY1 }), 'AccessDenied');
    expect(describeDiffs(diffSnapshots(pristine, snapshotWorkbook(model)))).toEqual([]);
  });

  it('a table that changed size since it was read is refused', async () => {
    const { model, s, table } = workbook();
    const { data, a } = await review(s);
    table.rect = { ...table.rect, r1: table.rect.r1 - 1 };
    const pristine = snapshotWorkbook(model);
    await layerError(applyTiers(s.run, data, a, { lang: 'en', reviewDay: DAY1 }), 'InvalidOperation');
    expect(describeDiffs(diffSnapshots(pristine, snapshotWorkbook(model)))).toEqual([]);
  });

  it('cancelled before it starts: nothing changes', async () => {
    const { model, s } = workbook();
    const pristine = snapshotWorkbook(model);
    const { data, a } = await review(s);
    const ctrl = new AbortController();
    ctrl.abort();
    const e = await rejection(applyTiers(s.run, data, a, { lang: 'en', reviewDay: DAY1, signal: ctrl.signal }));
    expect(e).toBeInstanceOf(CancelledError);
    expect(describeDiffs(diffSnapshots(pristine, snapshotWorkbook(model)))).toEqual([]);
  });

  it('cancelled after the first written chunk: the added columns are gone and overwritten ones restored', async () => {
    const { model, s, table } = workbook([{ header: 'Tier', values: CLIENTS.map(() => 'mine') }]);
    const pristine = snapshotWorkbook(model);
    const rows: BlockCell[][] = CLIENTS.map((_, i) => ['VIP', 'A', 'Kept', `reason ${i}`, 0, 46203]);
    const ctrl = new AbortController();
    let writes = 0;
    const e = await rejection(
      writeTableColumns(
        s.run,
        { tableName: 'ClientTable', headers: [...RESULT_HEADERS.en], rows, formats: ['@', '@', '@', '@', '0', 'yyyy-mm-dd'], ownSets: [RESULT_HEADERS.en, RESULT_HEADERS.ru], overwriteConfirmed: true },
        {
          budgetBytes: 600, // a few rows a chunk
          signal: ctrl.signal,
          onProgress: (_d, label) => {
            if (label === 'write' && ++writes === 1) ctrl.abort();
          },
        },
      ),
    );
    expect(e).toBeInstanceOf(CancelledError);
    expect(writes).toBe(1);
    expect(table.rect.c1).toBe(2);
    expect(describeDiffs(diffSnapshots(pristine, snapshotWorkbook(model)))).toEqual([]);
  });
});

describe('a 100,000-row client table', () => {
  it('gets six columns in chunks under the 5 MB request limit, with a bounded number of syncs, and undo removes them', async () => {
    const N = 100_000;
    const values: Array<Array<string | number>> = [['Клиент', 'Выручка']];
    for (let i = 0; i < N; i++) values.push([`ООО «Клиент ${i}»`, (i * 7919) % 10_000_000]);
    const model = modelFromGrid([{ name: 'Клиенты', values }]);
    const table = model.addTable(model.sheet('Клиенты'), { r0: 0, c0: 0, r1: N, c1: 1 }, 'Big');
    const s = createStandIn(model);
    const rows: BlockCell[][] = [];
    for (let i = 0; i < N; i++) rows.push([['VIP', 'Ключевой', 'Стандарт'][i % 3], 'ABC'[i % 3], 'Без изменений', `Выручка ${i % 1000} 000 ₽ — выше планки уровня «Ключевой» (1 000 000 ₽), остаётся на уровне`, i % 4, 46203]);
    const result = await writeTableColumns(s.run, {
      tableName: 'Big',
      headers: [...RESULT_HEADERS.ru],
      rows,
      formats: ['@', '@', '@', '@', '0', 'dd.mm.yyyy'],
      ownSets: [RESULT_HEADERS.en, RESULT_HEADERS.ru],
    });
    expect(s.stats.failedSyncs).toBe(0);
    expect(s.stats.maxRequestBytes).toBeLessThan(FIVE_MB);
    expect(s.stats.maxRequestBytes).toBeLessThan(PAYLOAD_BUDGET * 1.1);
    expect(s.stats.maxResponseBytes).toBeLessThan(FIVE_MB);
    // the request bytes say the data is large enough to need several chunks
    expect(s.stats.requestBytes.reduce((x, y) => x + y, 0)).toBeGreaterThan(2 * PAYLOAD_BUDGET);
    if (process.env.MEASURE === '1') console.log(JSON.stringify({ syncs: s.stats.syncs, maxRequestBytes: s.stats.maxRequestBytes, maxResponseBytes: s.stats.maxResponseBytes }));
    // 1 read of the table, 2 looks beside it, 1 add, then the write chunks (19 when measured)
    expect(s.stats.syncs).toBeLessThanOrEqual(25);
    // and the chunks are not needlessly small: sized from their own rows, they fill the budget
    // (as many requests over 1 MB as whole budgets in the data, 8 when measured)
    const sent = s.stats.requestBytes.reduce((x, y) => x + y, 0);
    expect(s.stats.requestBytes.filter((b) => b > 1_000_000).length).toBeGreaterThanOrEqual(Math.floor(sent / PAYLOAD_BUDGET));
    expect(table.rect).toEqual({ r0: 0, c0: 0, r1: N, c1: 7 });
    expect(result.columns).toEqual([2, 3, 4, 5, 6, 7]);
    const sheet = model.sheet('Клиенты');
    for (const i of [0, 1, 54_321, N - 1]) expect(sheet.read(`C${i + 2}:H${i + 2}`)).toEqual([rows[i]]);

    s.stats.reset();
    await restoreTableColumns(s.run, result.undo);
    expect(table.rect.c1).toBe(1);
    expect(s.stats.syncs).toBeLessThan(5);
    expect(sheet.read(`C${N + 1}:H${N + 1}`)).toEqual([['', '', '', '', '', '']]);
  });
});
