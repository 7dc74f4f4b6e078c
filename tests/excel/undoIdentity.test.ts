/**
 * Undo after the user sorted the rows: the old values go back to the clients they belonged to
 * (by the client key read at undo time), or undo is refused with a message and nothing changes.
 * The undo record is kept in the workbook (so it survives closing and reopening the pane), and
 * bounded. Plain ranges and Excel tables, both languages, duplicated client names.
 */
import { analyzeGrid } from '../../src/core/analyze';
import { Lang } from '../../src/core/format';
import { isoToDay } from '../../src/core/parseDate';
import { RESULT_HEADERS } from '../../src/core/resultColumns';
import { applyTiers, ApplyRecord, undoApply } from '../../src/excel/applyTiers';
import { readSheet, SourceRef } from '../../src/excel/readSheet';
import { identityOrder, RowsMovedError } from '../../src/excel/restoreOrder';
import { LAST_APPLY_KEY, loadApplyRecord, saveApplyRecord } from '../../src/excel/undoStore';
import { createStandIn, modelFromGrid, StandIn, WorkbookModel } from '../../src/workbench/standin';
import { byNumberDesc, byText, clientRows, sortRows } from './hostile';
import { describeDiffs, diffSnapshots, snapshotWorkbook } from './snapshot';
import { rejection } from './support';

const DAY1 = isoToDay('2026-01-10')!;
const DAY2 = isoToDay('2026-07-10')!;
const LANGS: Lang[] = ['en', 'ru'];
const COLS = 2 + RESULT_HEADERS.en.length; // client, revenue, six result columns

function book(lang: Lang, n: number, dupes = 0, table = false): { model: WorkbookModel; s: StandIn; source: SourceRef } {
  const rows = clientRows(n, lang, dupes);
  const model = modelFromGrid([{ name: 'Clients', values: [lang === 'ru' ? ['Клиент', 'Выручка'] : ['Client', 'Revenue'], ...rows] }]);
  if (table) model.addTable(model.sheet('Clients'), { r0: 0, c0: 0, r1: n, c1: 1 }, 'Book');
  return { model, s: createStandIn(model), source: table ? { table: 'Book' } : { sheet: 'Clients' } };
}

async function apply(s: StandIn, source: SourceRef, lang: Lang, day: number, revenueScale = 1): Promise<ApplyRecord> {
  const data = await readSheet(s.run, source);
  const values = data.values.map((r, i) => (i === 0 ? r : [r[0], Number(r[1]) * revenueScale, ...r.slice(2)]));
  return applyTiers(s.run, data, analyzeGrid(values, {}), { lang, reviewDay: day });
}

/** Client → the cells of its row right of the revenue (our result columns), for every data row. */
function resultsByClient(model: WorkbookModel, n: number): Map<string, string> {
  const sheet = model.sheet('Clients');
  const out = new Map<string, string>();
  for (let r = 1; r <= n; r++) {
    const cells = [];
    for (let c = 2; c < COLS; c++) cells.push([sheet.getValue(r, c) ?? null, sheet.getNumberFormat(r, c)]);
    const key = String(sheet.getValue(r, 0));
    out.set(key, `${out.get(key) ?? ''}|${JSON.stringify(cells)}`);
  }
  return out;
}

describe.each(LANGS)('undo by identity (%s)', (lang) => {
  describe.each([false, true])('table: %s', (table) => {
    it('a re-apply, a sort, an undo: each client gets its own earlier results back', async () => {
      const n = 40;
      const { model, s, source } = book(lang, n, 0, table);
      await apply(s, source, lang, DAY1);
      // the user sorts by revenue (our columns move with their rows), then re-applies with other figures
      sortRows(model.sheet('Clients'), 1, n, 0, COLS - 1, 1, byNumberDesc);
      const before = resultsByClient(model, n);
      const rec2 = await apply(s, source, lang, DAY2, 0.3);
      // and sorts again, by name
      sortRows(model.sheet('Clients'), 1, n, 0, COLS - 1, 0, byText);
      await undoApply(s.run, rec2);
      expect(resultsByClient(model, n)).toEqual(before);
    });

    it('a client renamed since a re-apply: undo is refused with a message in both languages, nothing changed', async () => {
      const n = 12;
      const { model, s, source } = book(lang, n, 0, table);
      await apply(s, source, lang, DAY1);
      // the re-apply overwrites our earlier columns: those old values are what undo must place
      const rec = await apply(s, source, lang, DAY2, 0.3);
      sortRows(model.sheet('Clients'), 1, n, 0, COLS - 1, 1, byNumberDesc);
      model.sheet('Clients').setValue(3, 0, 'Renamed client');
      const snap = snapshotWorkbook(model);
      const e = await rejection(undoApply(s.run, rec));
      expect(e).toBeInstanceOf(RowsMovedError);
      expect((e as RowsMovedError).messages.en).toMatch(/Renamed client.*Nothing was changed/);
      expect((e as RowsMovedError).messages.ru).toMatch(/Ничего не изменено/);
      expect(describeDiffs(diffSnapshots(snap, snapshotWorkbook(model)))).toEqual([]);
    });
  });

  it('duplicated client names: equal recorded rows restore after a sort; moved ones that differ refuse undo', async () => {
    const n = 24;
    const { model, s, source } = book(lang, n, 4);
    await apply(s, source, lang, DAY1);
    sortRows(model.sheet('Clients'), 1, n, 0, COLS - 1, 1, byNumberDesc);
    const before = resultsByClient(model, n);
    const rec2 = await apply(s, source, lang, DAY2, 0.5);
    sortRows(model.sheet('Clients'), 1, n, 0, COLS - 1, 0, byText);
    await undoApply(s.run, rec2);
    expect(resultsByClient(model, n)).toEqual(before);

    // the user edited one duplicate's earlier result by hand: the two rows of that name differ
    const other = book(lang, n, 4);
    await apply(other.s, other.source, lang, DAY1);
    other.model.sheet('Clients').setValue(n, COLS - 3, lang === 'ru' ? 'правка вручную' : 'edited by hand');
    const rec = await apply(other.s, other.source, lang, DAY2, 0.5);
    sortRows(other.model.sheet('Clients'), 1, n, 0, COLS - 1, 1, byNumberDesc);
    const snap = snapshotWorkbook(other.model);
    const e = await rejection(undoApply(other.s.run, rec));
    expect(e).toBeInstanceOf(RowsMovedError);
    expect((e as RowsMovedError).messages[lang]).toMatch(lang === 'ru' ? /разные значения/ : /held different values/);
    expect(describeDiffs(diffSnapshots(snap, snapshotWorkbook(other.model)))).toEqual([]);
  });

  it('the undo record is kept in the workbook: a new pane (new stand-in over the same workbook) undoes it', async () => {
    const n = 30;
    const { model, s, source } = book(lang, n);
    const pristine = snapshotWorkbook(model);
    const rec = await apply(s, source, lang, DAY1);
    expect(rec.persisted).toBe(true);
    const reopened = createStandIn(model);
    const loaded = await loadApplyRecord(reopened.run);
    expect(loaded).not.toBeNull();
    expect(loaded!.id).toBe(rec.id);
    sortRows(model.sheet('Clients'), 1, n, 0, COLS - 1, 1, byNumberDesc);
    await undoApply(reopened.run, loaded!);
    sortRows(model.sheet('Clients'), 1, n, 0, COLS - 1, 0, (a, b) => Number(String(a).replace(/\D/g, '')) - Number(String(b).replace(/\D/g, '')));
    expect(describeDiffs(diffSnapshots(pristine, snapshotWorkbook(model)))).toEqual([]);
    // undone: nothing left to undo after reopening
    expect(model.settings.has(LAST_APPLY_KEY)).toBe(false);
    expect(await loadApplyRecord(createStandIn(model).run)).toBeNull();
  });

  it('bounded: a record over the bound is not kept, and an older one is removed (never undo to an older state)', async () => {
    const { model, s, source } = book(lang, 10);
    const rec = await apply(s, source, lang, DAY1);
    expect(model.settings.has(LAST_APPLY_KEY)).toBe(true);
    expect(await saveApplyRecord(s.run, { ...rec, id: 'next' }, 100)).toBe(false);
    expect(model.settings.has(LAST_APPLY_KEY)).toBe(false);
    // a damaged record is ignored
    model.settings.set(LAST_APPLY_KEY, JSON.stringify(JSON.stringify({ v: 1, id: 'x', undo: { rowCount: -1 } })));
    expect(await loadApplyRecord(s.run)).toBeNull();
  });
});

describe('identityOrder', () => {
  const same = () => false;
  it('unchanged order is kept; a permutation is followed; blank keys that did not move are fine', () => {
    expect(identityOrder(['a', 'b', ''], ['a', 'b', ''], same)).toEqual([0, 1, 2]);
    expect(identityOrder(['a', 'b', 'c'], ['c', 'a', 'b'], same)).toEqual([2, 0, 1]);
    expect(identityOrder(['a', '', 'b', ''], ['b', '', 'a', ''], same)).toEqual([2, 1, 0, 3]);
    expect(identityOrder(['a', 'a', 'b'], ['b', 'a', 'a'], () => true)).toEqual([2, 0, 1]);
  });
  it('refuses other counts, new keys, and moved duplicates with different contents', () => {
    expect(() => identityOrder(['a'], ['a', 'b'], same)).toThrow(RowsMovedError);
    expect(() => identityOrder(['a', 'b'], ['a', 'c'], same)).toThrow(/“c” was not there/);
    expect(() => identityOrder(['a', 'a', 'b'], ['b', 'a', 'a'], same)).toThrow(/2 rows of “a”/);
  });
});
