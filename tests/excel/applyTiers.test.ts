/**
 * applyTiers / undoApply on the sample workbooks, through the stand-in: what is written, that
 * nothing else in the workbook changes, and that undo puts the whole workbook back exactly.
 */
import { readFileSync } from 'fs';
import * as path from 'path';
import { Analysis, analyzeGrid } from '../../src/core/analyze';
import { Lang } from '../../src/core/format';
import { dayToSerial, isoToDay } from '../../src/core/parseDate';
import { CLIENT_SHEET_HEADERS, clientSheetRow, RESULT_HEADERS, resultRow } from '../../src/core/resultColumns';
import { STATUS_LABELS } from '../../src/core/tiering';
import { rulesFingerprint } from '../../src/core/historyColumns';
import { periodLabel, periodOf, reviewCalendar } from '../../src/core/reviewPeriod';
import { applyTiers, CLIENT_SHEET, HISTORY_HEADERS, HISTORY_SHEET, previousFromHistory, resultColumnStart, undoApply } from '../../src/excel/applyTiers';
import { readOwnedSheet } from '../../src/excel/ownedSheets';
import { readSheet, SheetData } from '../../src/excel/readSheet';
import { NeedsConfirmation } from '../../src/excel/writeBlock';
import { createStandIn, StandIn, WorkbookModel } from '../../src/workbench/standin';
import { modelFromXlsx } from '../../src/workbench/standin/xlsxModel';
import { describeDiffs, Difference, diffSnapshots, snapshotWorkbook, WorkbookSnap } from './snapshot';
import { layerError, rejection } from './support';

const SAMPLES = path.join(__dirname, '..', '..', 'samples');
const CLIENTS: Record<Lang, string> = { ru: 'Клиенты', en: 'Clients' };
const SALES: Record<Lang, string> = { ru: 'Продажи', en: 'Sales' };
const DATE_FORMAT: Record<Lang, string> = { ru: 'dd.mm.yyyy', en: 'yyyy-mm-dd' };

const DAY1 = isoToDay('2026-01-10')!;
const DAY2 = isoToDay('2026-07-10')!;

async function loadSample(lang: Lang): Promise<WorkbookModel> {
  return modelFromXlsx(readFileSync(path.join(SAMPLES, `clients-${lang}.xlsx`)));
}

/** Result cells as Office reports them ('' for null). */
function expectedResult(c: Analysis['clients'][number], a: Analysis, lang: Lang): Array<string | number> {
  return resultRow(c, a, lang).map((v) => (v === null ? '' : v));
}

/** The differences that are not in the allowed area. */
function outside(diffs: Difference[], allowed: (d: Difference) => boolean): string[] {
  return describeDiffs(diffs.filter((d) => !allowed(d)), 30);
}

interface Area {
  sheet: string;
  r0: number;
  r1: number;
  c0: number;
  c1: number;
}

function inArea(d: Difference, a: Area): boolean {
  return d.sheet === a.sheet && d.cell !== undefined && d.cell.row >= a.r0 && d.cell.row <= a.r1 && d.cell.col >= a.c0 && d.cell.col <= a.c1;
}

/** Sheet-list differences that only add the named sheets at the end. */
function onlyAdds(d: Difference, names: string[]): boolean {
  if (d.what === 'sheet added') return names.includes(d.sheet ?? '');
  if (d.what !== 'sheets') return false;
  const before = d.before as string[];
  const after = d.after as string[];
  return JSON.stringify([...before, ...after.slice(before.length)]) === JSON.stringify(after) && after.slice(before.length).every((n) => names.includes(n));
}

describe.each(['ru', 'en'] as Lang[])('the client sheet of the %s sample', (lang) => {
  let model: WorkbookModel;
  let s: StandIn;
  let pristine: WorkbookSnap;

  beforeEach(async () => {
    model = await loadSample(lang);
    s = createStandIn(model);
    pristine = snapshotWorkbook(model);
  });

  it('apply writes the result columns right of the table and the history; a second apply reuses the columns; undo restores everything exactly', async () => {
    const name = CLIENTS[lang];
    const data = await readSheet(s.run, { sheet: name });
    expect(data.rowIndex).toBe(0);
    expect(data.values.length).toBeGreaterThanOrEqual(324);
    const a = analyzeGrid(data.values, {});
    expect(a.table.shape).toBe('clients');
    expect(a.table.headerRow).toBe(2);
    const width = data.values[0].length;

    // ---- first apply
    const rec1 = await applyTiers(s.run, data, a, { lang, reviewDay: DAY1 });
    const col0 = data.columnIndex + width;
    expect(rec1.address).toEqual({ sheetName: name, rowIndex: 2, columnIndex: col0 });
    const sheet = model.sheet(name);
    const headerRow = sheet.read(`${colName(col0)}3:${colName(col0 + 5)}3`)[0];
    expect(headerRow).toEqual([...RESULT_HEADERS[lang]]);

    let withClient = 0;
    for (const c of a.clients) {
      for (const r of c.rows) {
        withClient++;
        const sheetRow = data.rowIndex + r;
        expect(sheet.read(`${colName(col0)}${sheetRow + 1}:${colName(col0 + 5)}${sheetRow + 1}`)[0]).toEqual(expectedResult(c, a, lang));
      }
    }
    expect(rec1.written).toBe(withClient);
    expect(withClient).toBeGreaterThanOrEqual(321);
    const lastRow = data.rowIndex + a.table.endRow - 1;
    const formats = ['@', '@', '@', '@', '0', DATE_FORMAT[lang]];
    for (let k = 0; k < 6; k++) {
      expect(sheet.cell(2, col0 + k).numberFormat).toBe('@');
      expect(sheet.cell(3, col0 + k).numberFormat).toBe(formats[k]);
      expect(sheet.cell(lastRow, col0 + k).numberFormat).toBe(formats[k]);
    }
    expect(sheet.formulaCount).toBe(0);

    // nothing outside the result columns and the history sheet changed
    const resultArea: Area = { sheet: name, r0: 2, r1: lastRow, c0: col0, c1: col0 + 5 };
    const hist = HISTORY_SHEET[lang];
    const after1 = snapshotWorkbook(model);
    const diff1 = diffSnapshots(pristine, after1);
    expect(diff1.some((d) => inArea(d, resultArea))).toBe(true);
    // (the Tier column's colour rules are checked in 'tier colours' below)
    expect(outside(diff1, (d) => inArea(d, resultArea) || (d.sheet === name && d.what === 'conditionalFormats') || d.sheet === hist || onlyAdds(d, [hist]))).toEqual([]);

    // the history: a bold header and one row per client
    const historyRows = a.clients;
    const history1 = await readOwnedSheet(s.run, hist);
    expect(history1[0]).toEqual(HISTORY_HEADERS[lang]);
    expect(history1).toHaveLength(1 + historyRows.length);
    expect(rec1.history).toEqual({ sheet: hist, fromRow: 1, columns: HISTORY_HEADERS[lang].length, created: true });
    expect(model.sheet(hist).cell('A1').bold).toBe(true);
    expect(model.sheet(hist).frozenRows).toBe(1);
    const first = historyRows[0];
    expect(history1[1]).toEqual([
      dayToSerial(DAY1),
      first.name,
      first.decision.previousTier ?? '',
      first.decision.tier,
      STATUS_LABELS[first.decision.status][lang],
      Math.round(first.total * 100) / 100,
      first.decision.bar === null ? '' : Math.round(first.decision.bar * 100) / 100,
      first.decision.reviewsBelow,
      a.rules.name,
      periodLabel(periodOf(DAY1, reviewCalendar(a.rules)), lang),
      name,
      a.table.columns.client!.header,
      rulesFingerprint(a.rules),
    ]);
    expect(model.sheet(hist).cell('A2').numberFormat).toBe(DATE_FORMAT[lang]);

    // ---- second apply, reading the grace state back from the history
    const data2 = await readSheet(s.run, { sheet: name });
    expect(data2.signature).not.toBe(data.signature);
    expect(resultColumnStart(data2, 2)).toEqual({ column: col0, own: true });
    const a2 = analyzeGrid(data2.values, { previous: previousFromHistory(history1) });
    const rec2 = await applyTiers(s.run, data2, a2, { lang, reviewDay: DAY2 });
    expect(rec2.address).toEqual(rec1.address);
    expect(sheet.usedRange(true)!.c1).toBe(col0 + 5); // no new columns
    for (const c of a2.clients) {
      const sheetRow = data2.rowIndex + c.rows[0];
      expect(sheet.read(`${colName(col0)}${sheetRow + 1}:${colName(col0 + 5)}${sheetRow + 1}`)[0]).toEqual(expectedResult(c, a2, lang));
    }
    const after2 = snapshotWorkbook(model);
    expect(outside(diffSnapshots(after1, after2), (d) => inArea(d, resultArea) || d.sheet === hist)).toEqual([]);
    const history2 = await readOwnedSheet(s.run, hist);
    const historyRows2 = a2.clients;
    expect(history2).toHaveLength(1 + historyRows.length + historyRows2.length);
    expect(rec2.history).toEqual({ sheet: hist, fromRow: 1 + historyRows.length, columns: HISTORY_HEADERS[lang].length, created: false });
    expect(history2.slice(0, history1.length)).toEqual(history1);

    // ---- undo the second apply: exactly the workbook after the first one
    await undoApply(s.run, rec2);
    expect(describeDiffs(diffSnapshots(after1, snapshotWorkbook(model)))).toEqual([]);
    expect(await readOwnedSheet(s.run, hist)).toEqual(history1);

    // ---- undo the first apply: exactly the workbook as it was loaded
    await undoApply(s.run, rec1);
    expect(describeDiffs(diffSnapshots(pristine, snapshotWorkbook(model)))).toEqual([]);
    expect(s.stats.maxRequestBytes).toBeLessThan(5 * 1024 * 1024);
  });

  it('a second apply in the other language writes over the same columns', async () => {
    const name = CLIENTS[lang];
    const other: Lang = lang === 'ru' ? 'en' : 'ru';
    const data = await readSheet(s.run, { sheet: name });
    await applyTiers(s.run, data, analyzeGrid(data.values, {}), { lang, reviewDay: DAY1 });
    const data2 = await readSheet(s.run, { sheet: name });
    const rec = await applyTiers(s.run, data2, analyzeGrid(data2.values, {}), { lang: other, reviewDay: DAY2 });
    const col0 = data.columnIndex + data.values[0].length;
    expect(rec.address.columnIndex).toBe(col0);
    expect(model.sheet(name).read(`${colName(col0)}3:${colName(col0 + 5)}3`)[0]).toEqual([...RESULT_HEADERS[other]]);
    expect(model.sheet(name).usedRange(true)!.c1).toBe(col0 + 5);
  });

  it('a row that lost its client keeps no stale result on the next apply', async () => {
    const name = CLIENTS[lang];
    const data = await readSheet(s.run, { sheet: name });
    await applyTiers(s.run, data, analyzeGrid(data.values, {}), { lang, reviewDay: DAY1 });
    const col0 = data.columnIndex + data.values[0].length;
    const sheet = model.sheet(name);
    // the user clears one client's row (its data, not our columns)
    for (let c = 0; c < col0; c++) sheet.setValue(10, c, undefined);
    const data2 = await readSheet(s.run, { sheet: name });
    await applyTiers(s.run, data2, analyzeGrid(data2.values, {}), { lang, reviewDay: DAY2 });
    expect(sheet.read(`${colName(col0)}11:${colName(col0 + 5)}11`)[0]).toEqual(['', '', '', '', '', '']);
  });

  it('a protected client sheet is AccessDenied and nothing changes', async () => {
    const name = CLIENTS[lang];
    const data = await readSheet(s.run, { sheet: name });
    model.sheet(name).protected = true;
    const before = snapshotWorkbook(model);
    await layerError(applyTiers(s.run, data, analyzeGrid(data.values, {}), { lang, reviewDay: DAY1 }), 'AccessDenied');
    expect(describeDiffs(diffSnapshots(before, snapshotWorkbook(model)))).toEqual([]);
  });

  it('user data in the target columns needs confirmation; nothing is written until then', async () => {
    const name = CLIENTS[lang];
    const data = await readSheet(s.run, { sheet: name });
    const a = analyzeGrid(data.values, {});
    const col0 = data.columnIndex + data.values[0].length;
    // the user typed into the column right of the table after the sheet was read
    model.sheet(name).setValue(5, col0 + 1, 'позвонить');
    const before = snapshotWorkbook(model);
    const e = await rejection(applyTiers(s.run, data, a, { lang, reviewDay: DAY1 }));
    expect(e).toBeInstanceOf(NeedsConfirmation);
    expect((e as NeedsConfirmation).samples).toEqual([`${colName(col0 + 1)}6: позвонить`]);
    expect(describeDiffs(diffSnapshots(before, snapshotWorkbook(model)))).toEqual([]);
    const rec = await applyTiers(s.run, data, a, { lang, reviewDay: DAY1, overwriteConfirmed: true });
    expect(model.sheet(name).cell(5, col0 + 1).value).not.toBe('позвонить');
    await undoApply(s.run, rec);
    expect(describeDiffs(diffSnapshots(before, snapshotWorkbook(model)))).toEqual([]);
  });

  it('cancelling the apply leaves the workbook as it was', async () => {
    const name = CLIENTS[lang];
    const data = await readSheet(s.run, { sheet: name });
    const ctrl = new AbortController();
    ctrl.abort();
    const e = await rejection(applyTiers(s.run, data, analyzeGrid(data.values, {}), { lang, reviewDay: DAY1, signal: ctrl.signal }));
    expect((e as Error).name).toBe('CancelledError');
    expect(describeDiffs(diffSnapshots(pristine, snapshotWorkbook(model)))).toEqual([]);
  });
});

describe.each(['ru', 'en'] as Lang[])('the transaction log of the %s sample', (lang) => {
  let model: WorkbookModel;
  let s: StandIn;
  let pristine: WorkbookSnap;
  let data: SheetData;

  beforeEach(async () => {
    model = await loadSample(lang);
    s = createStandIn(model);
    pristine = snapshotWorkbook(model);
    data = await readSheet(s.run, { sheet: SALES[lang] });
  });

  it('apply writes the per-client sheet and the history, touches nothing else, and undo removes them', async () => {
    const a = analyzeGrid(data.values, { asOfDay: isoToDay('2025-12-31') });
    expect(a.table.shape).toBe('transactions');
    const rec = await applyTiers(s.run, data, a, { lang, reviewDay: DAY1 });
    const name = CLIENT_SHEET[lang];
    const hist = HISTORY_SHEET[lang];
    expect(rec.address).toEqual({ sheetName: name, rowIndex: 0, columnIndex: 0 });
    expect(rec.written).toBe(a.clients.length);

    const rows = await readOwnedSheet(s.run, name);
    expect(rows[0]).toEqual([...CLIENT_SHEET_HEADERS[lang]]);
    expect(rows).toHaveLength(1 + a.clients.length);
    const sorted = [...a.clients].sort((x, y) => (x.rank || Infinity) - (y.rank || Infinity) || (x.key < y.key ? -1 : 1));
    expect(rows[1]).toEqual(clientSheetRow(sorted[0], a, lang).map((v) => (v === null ? '' : v)));
    expect(rows[rows.length - 1]).toEqual(clientSheetRow(sorted[sorted.length - 1], a, lang).map((v) => (v === null ? '' : v)));
    const sheet = model.sheet(name);
    expect(sheet.cell('A1').bold).toBe(true);
    expect(sheet.cell('A2').numberFormat).toBe('@');
    expect(sheet.cell('E2').numberFormat).toBe(DATE_FORMAT[lang]);

    const diff = diffSnapshots(pristine, snapshotWorkbook(model));
    expect(outside(diff, (d) => d.sheet === name || d.sheet === hist || onlyAdds(d, [name, hist]))).toEqual([]);
    const history = await readOwnedSheet(s.run, hist);
    expect(history).toHaveLength(1 + a.clients.length);

    await undoApply(s.run, rec);
    expect(describeDiffs(diffSnapshots(pristine, snapshotWorkbook(model)))).toEqual([]);
  });

  it('a second apply rewrites the per-client sheet; its undo brings back the first one exactly', async () => {
    const a1 = analyzeGrid(data.values, { asOfDay: isoToDay('2025-06-30') });
    const rec1 = await applyTiers(s.run, data, a1, { lang, reviewDay: isoToDay('2025-07-01') });
    const after1 = snapshotWorkbook(model);
    const previous = previousFromHistory(await readOwnedSheet(s.run, HISTORY_SHEET[lang]));
    const a2 = analyzeGrid(data.values, { asOfDay: isoToDay('2025-12-31'), previous });
    const rec2 = await applyTiers(s.run, data, a2, { lang, reviewDay: isoToDay('2026-01-01') });
    const rows = await readOwnedSheet(s.run, CLIENT_SHEET[lang]);
    expect(rows).toHaveLength(1 + a2.clients.length);
    // no leftovers of the first review below or beside the second one
    expect(model.sheet(CLIENT_SHEET[lang]).usedRange(true)).toEqual({ r0: 0, c0: 0, r1: a2.clients.length, c1: CLIENT_SHEET_HEADERS[lang].length - 1 });

    await undoApply(s.run, rec2);
    expect(describeDiffs(diffSnapshots(after1, snapshotWorkbook(model)))).toEqual([]);
    await undoApply(s.run, rec1);
    expect(describeDiffs(diffSnapshots(pristine, snapshotWorkbook(model)))).toEqual([]);
  });

  it('client names that look like formulas stay text in the per-client sheet, also after undo', async () => {
    const sales = model.sheet(SALES[lang]);
    const names = ['=HYPERLINK("x")', '+7 999 Trade', '-5 apples LLC', '@home Ltd'];
    // give four clients of the log awkward names (all their rows)
    const clientCol = data.values[0].findIndex((h) => h === (lang === 'ru' ? 'Клиент' : 'Client'));
    const original = new Map<string, string>();
    for (let r = 1; r < data.values.length; r++) {
      const v = String(data.values[r][clientCol]);
      if (!original.has(v) && original.size < names.length) original.set(v, names[original.size]);
      const renamed = original.get(v);
      if (renamed) sales.setValue(r, clientCol, renamed);
    }
    const logBefore = snapshotWorkbook(model);
    const data2 = await readSheet(s.run, { sheet: SALES[lang] });
    const rec1 = await applyTiers(s.run, data2, analyzeGrid(data2.values, { asOfDay: isoToDay('2025-12-31') }), { lang, reviewDay: DAY1 });
    const after1 = snapshotWorkbook(model);
    const sheet = model.sheet(CLIENT_SHEET[lang]);
    const written = sheet.read(`A2:A${1 + rec1.written}`).map((r) => r[0]);
    for (const n of names) expect(written).toContain(n);
    expect(sheet.formulaCount).toBe(0);
    // a second apply, then its undo: the names are still text, not formulas
    const rec2 = await applyTiers(s.run, data2, analyzeGrid(data2.values, { asOfDay: isoToDay('2025-09-30') }), { lang, reviewDay: DAY2 });
    await undoApply(s.run, rec2);
    expect(sheet.formulaCount).toBe(0);
    expect(describeDiffs(diffSnapshots(after1, snapshotWorkbook(model)))).toEqual([]);
    await undoApply(s.run, rec1);
    expect(describeDiffs(diffSnapshots(logBefore, snapshotWorkbook(model)))).toEqual([]);
  });

  it('grace warnings of one review become downgrades on the next, through the history', async () => {
    const hist = HISTORY_SHEET[lang];
    // review 1: everybody is new
    const r1 = analyzeGrid(data.values, { asOfDay: isoToDay('2025-06-30') });
    expect(new Set(r1.clients.map((c) => c.decision.status))).toEqual(new Set(['new']));
    await applyTiers(s.run, data, r1, { lang, reviewDay: isoToDay('2025-07-01') });

    // review 2: those below their tier's bar are warned, not moved
    const h1 = await readOwnedSheet(s.run, hist);
    const r2 = analyzeGrid(data.values, { asOfDay: isoToDay('2025-12-31'), previous: previousFromHistory(h1) });
    const warned = r2.clients.filter((c) => c.decision.status === 'grace');
    expect(warned.length).toBeGreaterThan(0);
    for (const c of warned) {
      expect(c.decision.tier).toBe(c.decision.previousTier);
      expect(c.decision.reviewsBelow).toBe(1);
    }
    expect(r2.clients.filter((c) => c.decision.status === 'down')).toHaveLength(0);
    await applyTiers(s.run, data, r2, { lang, reviewDay: isoToDay('2026-01-01') });

    // review 3 (same data): every warned client now moves down one step
    const h2 = await readOwnedSheet(s.run, hist);
    const prev2 = previousFromHistory(h2);
    for (const c of warned) expect(prev2.get(c.key)).toMatchObject({ tier: c.decision.tier, reviewsBelow: 1, status: 'grace' });
    const r3 = analyzeGrid(data.values, { asOfDay: isoToDay('2025-12-31'), previous: prev2 });
    const byKey = new Map(r3.clients.map((c) => [c.key, c]));
    for (const c of warned) {
      const now = byKey.get(c.key)!;
      expect(now.decision.status).toBe('down');
      expect(now.decision.previousTier).toBe(c.decision.tier);
      expect(r3.rules.tiers.findIndex((t) => t.name === now.decision.tier)).toBe(r3.rules.tiers.findIndex((t) => t.name === c.decision.tier) + 1);
    }
    expect(r3.clients.filter((c) => c.decision.status === 'grace').length).toBeLessThan(warned.length);
    const rec3 = await applyTiers(s.run, data, r3, { lang, reviewDay: isoToDay('2026-01-02') });

    // history rows: one per client per review
    const h3 = await readOwnedSheet(s.run, hist);
    const count = (a: Analysis) => a.clients.length;
    expect(h3).toHaveLength(1 + count(r1) + count(r2) + count(r3));
    expect(rec3.history.fromRow).toBe(1 + count(r1) + count(r2));
    const downLabel = STATUS_LABELS.down[lang];
    expect(h3.slice(rec3.history.fromRow).filter((r) => r[4] === downLabel)).toHaveLength(r3.statuses.down);
  });
});

/** Column letters of a zero-based index. */
function colName(c: number): string {
  let s = '';
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}
