/**
 * A sheet the add-in did not create is never overwritten: our Notices / Tier history / Client
 * tiers / Dashboard sheets are marked when created (a worksheet custom property, or a settings
 * record on a host without ExcelApi 1.12), and a user's own sheet of that name sends ours to
 * "Notices (2)". Both languages.
 */
import { analyzeGrid } from '../../src/core/analyze';
import { Lang } from '../../src/core/format';
import { isoToDay } from '../../src/core/parseDate';
import { applyTiers, CLIENT_SHEET, HISTORY_SHEET, readHistory, undoApply } from '../../src/excel/applyTiers';
import { NOTICES_SHEET, writeNotices } from '../../src/excel/noticesSheet';
import { candidateName, OWNED_SHEETS_SETTING, OWNER_PROPERTY } from '../../src/excel/ownedSheets';
import { readSheet } from '../../src/excel/readSheet';
import { createStandIn, modelFromGrid, WorkbookModel } from '../../src/workbench/standin';
import { unevenNotices } from './hostile';
import { describeDiffs, diffSnapshots, snapshotSheet } from './snapshot';

const DAY1 = isoToDay('2026-01-10')!;
const LANGS: Lang[] = ['en', 'ru'];

/** A transaction log (so the apply writes the per-client sheet) and the user's own sheets with our names. */
function book(lang: Lang, own: string[]): WorkbookModel {
  const head = lang === 'ru' ? ['Клиент', 'Дата', 'Сумма'] : ['Client', 'Date', 'Amount'];
  const rows: Array<Array<string | number>> = [];
  for (let i = 0; i < 12; i++) for (let m = 0; m < 3; m++) rows.push([lang === 'ru' ? `ООО «Клиент ${i}»` : `Client ${i}`, 46000 + i * 3 + m * 30, 1000 * (i + 1) ** 2]);
  return modelFromGrid([
    { name: 'Sales', values: [head, ...rows], numberFormat: [[], ...rows.map(() => ['@', 'yyyy-mm-dd', '0'])] },
    ...own.map((name) => ({ name, values: [['My own notes'], ['do not touch', 42]] })),
  ]);
}

describe.each(LANGS)('ownership (%s)', (lang) => {
  it('"Generate notices" next to a user sheet of that name writes to "… (2)", and again there next time', async () => {
    const model = book(lang, [NOTICES_SHEET[lang]]);
    const s = createStandIn(model);
    const mine = snapshotSheet(model.sheet(NOTICES_SHEET[lang]));
    const name = await writeNotices(s.run, unevenNotices(lang, 3, 0, 0), lang);
    expect(name).toBe(`${NOTICES_SHEET[lang]} (2)`);
    expect(model.sheet(name).customProperties.get(OWNER_PROPERTY.toLowerCase())?.value).toBe(NOTICES_SHEET[lang]);
    expect(describeDiffs(diffSnapshots({ sheets: [mine] } as never, { sheets: [snapshotSheet(model.sheet(NOTICES_SHEET[lang]))] } as never))).toEqual([]);
    // the next generation rewrites ours, also after the user renamed it
    model.sheet(name).name = 'Letters';
    expect(await writeNotices(s.run, unevenNotices(lang, 2, 0, 0), lang)).toBe('Letters');
    expect(model.sheet('Letters').usedRange(true)).toEqual({ r0: 0, c0: 0, r1: 2, c1: 4 });
    expect(model.sheet(NOTICES_SHEET[lang]).cell('A2').value).toBe('do not touch');
  });

  it('a sheet name compares without case; names stay within 31 characters', async () => {
    const model = book(lang, [NOTICES_SHEET[lang].toUpperCase()]);
    const name = await writeNotices(createStandIn(model).run, unevenNotices(lang, 1, 0, 0), lang);
    expect(name).toBe(`${NOTICES_SHEET[lang]} (2)`);
    expect(candidateName('x'.repeat(40), 12)).toBe(`${'x'.repeat(26)} (12)`);
  });

  it('apply on a log next to the user\'s own "Client tiers" and "Tier history": ours go to "(2)"; undo deletes only ours', async () => {
    const model = book(lang, [CLIENT_SHEET[lang], HISTORY_SHEET[lang]]);
    const s = createStandIn(model);
    const before = [snapshotSheet(model.sheet(CLIENT_SHEET[lang])), snapshotSheet(model.sheet(HISTORY_SHEET[lang]))];
    const data = await readSheet(s.run, { sheet: 'Sales' });
    const a = analyzeGrid(data.values, { asOfDay: isoToDay('2026-03-31') });
    expect(a.table.shape).toBe('transactions');
    const rec = await applyTiers(s.run, data, a, { lang, reviewDay: DAY1 });
    expect(rec.clientSheet?.name).toBe(`${CLIENT_SHEET[lang]} (2)`);
    expect(rec.history.sheet).toBe(`${HISTORY_SHEET[lang]} (2)`);
    expect(model.sheet(`${CLIENT_SHEET[lang]} (2)`).cell('A2').value).toMatch(/Клиент|Client/);
    // the user's "Tier history" is not read as history; ours is
    const history = await readHistory(s.run);
    expect(history.length).toBe(1 + a.clients.length);
    await undoApply(s.run, rec);
    expect(model.sheets.map((x) => x.name)).toEqual(['Sales', CLIENT_SHEET[lang], HISTORY_SHEET[lang]]);
    const after = [snapshotSheet(model.sheet(CLIENT_SHEET[lang])), snapshotSheet(model.sheet(HISTORY_SHEET[lang]))];
    expect(after).toEqual(before);
  });

  it('a host without ExcelApi 1.12 marks its sheets in the workbook settings, by sheet id', async () => {
    const model = book(lang, [NOTICES_SHEET[lang]]);
    const old = createStandIn(model, { unsupportedApis: ['ExcelApi 1.12'] });
    const name = await writeNotices(old.run, unevenNotices(lang, 2, 0, 0), lang);
    expect(name).toBe(`${NOTICES_SHEET[lang]} (2)`);
    expect(model.sheet(name).customProperties.size).toBe(0);
    expect(JSON.parse(JSON.parse(model.settings.get(OWNED_SHEETS_SETTING)!))).toEqual({ [model.sheet(name).id]: NOTICES_SHEET[lang] });
    expect(await writeNotices(old.run, unevenNotices(lang, 2, 0, 0), lang)).toBe(name);
    // and a newer host finds it the same way
    expect(await writeNotices(createStandIn(model).run, unevenNotices(lang, 2, 0, 0), lang)).toBe(name);
    expect(model.sheets.filter((x) => x.name.startsWith(NOTICES_SHEET[lang]))).toHaveLength(2);
  });

  it('a sheet made before marks existed (our header row, or empty) is adopted, not duplicated', async () => {
    const model = book(lang, []);
    const header = lang === 'ru' ? ['Клиент', 'Тип', 'Тема', 'Текст', 'Дата'] : ['Client', 'Type', 'Subject', 'Body', 'Date'];
    const legacy = model.addSheet(NOTICES_SHEET[lang]);
    legacy.setValues(0, 0, [header, ['old', 'x', 'y', 'z', 1]]);
    expect(await writeNotices(createStandIn(model).run, unevenNotices(lang, 1, 0, 0), lang)).toBe(NOTICES_SHEET[lang]);
    expect(legacy.customProperties.get(OWNER_PROPERTY.toLowerCase())?.value).toBe(NOTICES_SHEET[lang]);
    // one more column of the user's beside our header: not ours
    const model2 = book(lang, []);
    model2.addSheet(NOTICES_SHEET[lang]).setValues(0, 0, [[...header, 'My column']]);
    expect(await writeNotices(createStandIn(model2).run, unevenNotices(lang, 1, 0, 0), lang)).toBe(`${NOTICES_SHEET[lang]} (2)`);
  });
});
