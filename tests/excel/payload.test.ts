/**
 * Every request sized from what it carries: notices of very uneven lengths (short ones first, so
 * a size guessed from the first rows is far too small) stay under Excel on the web's 5 MB limit,
 * and client text past Excel's 32,767-character cell limit is cut with a note wherever the pane
 * writes it (Notices, the per-client sheet, the history, result columns of a table, the
 * dashboard), never failing the write. Both languages.
 */
import { analyzeGrid } from '../../src/core/analyze';
import { Lang } from '../../src/core/format';
import { isoToDay } from '../../src/core/parseDate';
import { applyTiers, CLIENT_SHEET, HISTORY_SHEET, undoApply } from '../../src/excel/applyTiers';
import { MAX_CELL_TEXT } from '../../src/excel/cellText';
import { writeDashboardSheet } from '../../src/excel/dashboardSheet';
import { chunksByBytes, jsonBytes, PAYLOAD_BUDGET } from '../../src/excel/host';
import { noticeRows, writeNotices } from '../../src/excel/noticesSheet';
import { readSheet } from '../../src/excel/readSheet';
import { createStandIn, FIVE_MB, modelFromGrid } from '../../src/workbench/standin';
import { hugeName, unevenNotices } from './hostile';
import { describeDiffs, diffSnapshots, snapshotWorkbook } from './snapshot';

const LANGS: Lang[] = ['en', 'ru'];
const NOTE: Record<Lang, RegExp> = { en: / … \[cut to fit one Excel cell; 40,000 characters in full\]$/, ru: / … \[обрезано по размеру ячейки Excel; всего 40 000 знаков\]$/ };

describe('chunksByBytes', () => {
  it('cuts where the measured bytes would pass the budget; a row heavier than the budget goes alone', () => {
    const sizes = [10, 10, 10, 500, 10, 10];
    expect(chunksByBytes(sizes.length, (i) => sizes[i], 100, 0)).toEqual([[0, 3], [3, 4], [4, 6]]);
    expect(chunksByBytes(0, () => 1, 100)).toEqual([]);
    expect(chunksByBytes(3, () => 1, 100, 0)).toEqual([[0, 3]]);
  });
});

describe.each(LANGS)('payload and cell limits (%s)', (lang) => {
  it('uneven notices: 300 short ones, then 250 of 30,000 characters — every request under 5 MB', async () => {
    const notices = unevenNotices(lang, 300, 250, 30_000);
    const rows = noticeRows(notices, lang);
    // more than two budgets in all, and the first rows say nothing about the rest
    expect(jsonBytes(rows)).toBeGreaterThan(2 * PAYLOAD_BUDGET);
    expect(jsonBytes(rows.slice(0, 200)) * (rows.length / 200)).toBeLessThan(PAYLOAD_BUDGET);
    const s = createStandIn(modelFromGrid([{ name: 'Clients', values: [['x']] }]));
    await writeNotices(s.run, notices, lang);
    expect(s.stats.failedSyncs).toBe(0);
    expect(s.stats.maxRequestBytes).toBeLessThan(FIVE_MB);
    expect(s.stats.maxRequestBytes).toBeLessThan(PAYLOAD_BUDGET * 1.1);
    const sheet = s.model.sheet(lang === 'ru' ? 'Уведомления' : 'Notices');
    expect(sheet.cell(550, 3).value).toBe(notices[549].body);
  });

  it('a client name of 40,000 characters: the per-client sheet and the history get it cut with a note; undo is exact', async () => {
    const name = hugeName(lang);
    const head = lang === 'ru' ? ['Клиент', 'Дата', 'Сумма'] : ['Client', 'Date', 'Amount'];
    const rows: Array<Array<string | number>> = [];
    for (let i = 0; i < 6; i++) for (let m = 0; m < 3; m++) rows.push([i === 2 ? name : `Client ${i}`, 46000 + i + 30 * m, 1000 * (i + 1)]);
    const model = modelFromGrid([{ name: 'Sales', values: [head, ...rows], numberFormat: [[], ...rows.map(() => ['@', 'yyyy-mm-dd', '0'])] }]);
    const s = createStandIn(model);
    const pristine = snapshotWorkbook(model);
    const data = await readSheet(s.run, { sheet: 'Sales' });
    const a = analyzeGrid(data.values, { asOfDay: isoToDay('2026-03-31') });
    expect(a.table.shape).toBe('transactions');
    const rec = await applyTiers(s.run, data, a, { lang, reviewDay: isoToDay('2026-01-10')! });
    expect(rec.cut).toBe(2);
    const cut = (sheet: string) => model.sheet(sheet).readValues({ r0: 1, c0: sheet === CLIENT_SHEET[lang] ? 0 : 1, r1: 6, c1: sheet === CLIENT_SHEET[lang] ? 0 : 1 }).map((r) => String(r[0])).find((v) => v.length > 1000)!;
    for (const sheet of [CLIENT_SHEET[lang], HISTORY_SHEET[lang]]) {
      const v = cut(sheet);
      expect(v).toHaveLength(MAX_CELL_TEXT);
      expect(v).toMatch(NOTE[lang]);
      expect(name.startsWith(v.slice(0, 30000))).toBe(true);
    }
    await undoApply(s.run, rec);
    expect(describeDiffs(diffSnapshots(pristine, snapshotWorkbook(model)))).toEqual([]);
  });

  it('the dashboard cuts a long client name in a table too', async () => {
    const s = createStandIn(modelFromGrid([{ name: 'Clients', values: [['x']] }]));
    await writeDashboardSheet(s.run, { lang, blocks: [{ headers: ['Client', 'Revenue'], rows: [[hugeName(lang), 5]] }], pictures: [] });
    const sheet = s.model.sheet(lang === 'ru' ? 'Панель' : 'Dashboard');
    const found = sheet.readValues(sheet.usedRange(true)!).flat().find((v) => typeof v === 'string' && v.length > 1000) as string;
    expect(found).toHaveLength(MAX_CELL_TEXT);
    expect(found).toMatch(NOTE[lang]);
  });
});
