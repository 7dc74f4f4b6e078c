/**
 * A full-height sheet: a header and 1,048,575 data rows × 6 columns of realistic mixed cells
 * (Russian client names and managers, money, dates, tiers, counts). The Excel layer must read it
 * and write six result columns beside it in chunks, every request and response under Excel on
 * the web's 5 MB limit, with a bounded number of syncs.
 */
import { readSheet } from '../../src/excel/readSheet';
import { restoreBlock, writeBlock, BlockCell } from '../../src/excel/writeBlock';
import { RESULT_HEADERS } from '../../src/core/resultColumns';
import { PAYLOAD_BUDGET } from '../../src/excel/host';
import { createStandIn, FIVE_MB, MAX_ROWS, modelFromGrid } from '../../src/workbench/standin';

const DATA_ROWS = MAX_ROWS - 1; // 1,048,575
const HEADER = ['Клиент', 'Менеджер', 'Выручка за 6 мес.', 'Последний заказ', 'Статус клиента', 'Заказы'];
const FORMS = ['ООО', 'АО', 'ИП', 'ПАО'];
const STEMS = ['Меридиан', 'Иртыш', 'Северо-Запад', 'Вега', 'Орбита', 'Феникс', 'Эталон', 'Лотос', 'Урал', 'Нева'];
const KINDS = ['трейд', 'строй', 'логистик', 'агро', 'мед', 'сервис', 'инвест'];
const MANAGERS = ['Анна Смирнова', 'Игорь Петров', 'Дмитрий Орлов', 'Елена Соколова', 'Олег Волков', 'Мария Кузнецова'];
const TIERS = ['VIP', 'Ключевой', 'Стандарт'];

function row(i: number): [string, string, number, number, string, number] {
  return [
    `${FORMS[i % 4]} «${STEMS[i % 10]}${KINDS[i % 7]} ${i}»`,
    MANAGERS[i % 6],
    (i * 7919) % 100_000_000 / 100,
    45292 + (i % 730),
    TIERS[i % 3],
    i % 23,
  ];
}

function resultRow(i: number): BlockCell[] {
  const tier = TIERS[(i * 7) % 3];
  return [
    tier,
    ['A', 'B', 'C'][i % 3],
    i % 5 === 0 ? 'Предупреждение' : 'Без изменений',
    `Выручка ${(i % 1000) * 1000} ₽ — ниже планки уровня «${tier}» (1 000 000 ₽)`,
    i % 5 === 0 ? 1 : 0,
    46203,
  ];
}

const MEASURE = process.env.MEASURE === '1';

describe('a 1,048,575 × 6 sheet', () => {
  it('is read in chunks under the 5 MB limits with fewer than 100 syncs, and six result columns are written beside it', async () => {
    const values: Array<Array<string | number>> = new Array(DATA_ROWS + 1);
    values[0] = HEADER;
    for (let i = 0; i < DATA_ROWS; i++) values[i + 1] = row(i);
    const numberFormat = [['@', '@', '@', '@', '@', '@'], ...Array.from({ length: 3 }, () => ['@', '@', '#,##0.00 "₽"', 'dd.mm.yyyy', '@', '0'])];
    const model = modelFromGrid([{ name: 'Клиенты', values, numberFormat }]);
    values.length = 0;
    const s = createStandIn(model);

    // ---- read
    const t0 = Date.now();
    let data: Awaited<ReturnType<typeof readSheet>> | null = await readSheet(s.run, { sheet: 'Клиенты' }, { formatRows: 4 });
    const readMs = Date.now() - t0;
    expect(data.values).toHaveLength(MAX_ROWS);
    expect(data.values[0]).toEqual(HEADER);
    let mismatches = 0;
    for (let i = 0; i < DATA_ROWS; i++) {
      const got = data.values[i + 1];
      const want = row(i);
      for (let j = 0; j < 6; j++) if (got[j] !== want[j]) mismatches++;
    }
    expect(mismatches).toBe(0);
    expect(data.formats).toEqual(numberFormat);
    expect(data.hiddenRows).toEqual([]);
    const read = { syncs: s.stats.syncs, maxRequestBytes: s.stats.maxRequestBytes, maxResponseBytes: s.stats.maxResponseBytes, failedSyncs: s.stats.failedSyncs, ms: readMs };
    expect(data.syncs).toBe(s.stats.syncs);
    expect(s.stats.failedSyncs).toBe(0);
    expect(s.stats.maxResponseBytes).toBeLessThan(FIVE_MB);
    expect(s.stats.maxRequestBytes).toBeLessThan(FIVE_MB);
    // the layer keeps to its own budget (60% of the limit), counted in UTF-8 bytes
    expect(s.stats.maxResponseBytes).toBeLessThan(PAYLOAD_BUDGET * 1.1);
    expect(s.stats.syncs).toBeLessThan(100);
    // chunks are not needlessly small either: at least ~1 MB each on average
    const responseTotal = s.stats.responseBytes.reduce((a, b) => a + b, 0);
    expect(responseTotal / s.stats.syncs).toBeGreaterThan(1_000_000);
    data = null;

    // ---- write six result columns (G:L) for every row
    s.stats.reset();
    const rows: BlockCell[][] = new Array(DATA_ROWS);
    for (let i = 0; i < DATA_ROWS; i++) rows[i] = resultRow(i);
    const t1 = Date.now();
    const undo = await writeBlock(s.run, {
      sheetName: 'Клиенты',
      rowIndex: 0,
      columnIndex: 6,
      headers: [...RESULT_HEADERS.ru],
      rows,
      formats: ['@', '@', '@', '@', '0', 'dd.mm.yyyy'],
      ownHeaders: [...RESULT_HEADERS.en, ...RESULT_HEADERS.ru],
    });
    const writeMs = Date.now() - t1;
    const write = { syncs: s.stats.syncs, maxRequestBytes: s.stats.maxRequestBytes, maxResponseBytes: s.stats.maxResponseBytes, failedSyncs: s.stats.failedSyncs, ms: writeMs };
    expect(s.stats.failedSyncs).toBe(0);
    expect(s.stats.maxRequestBytes).toBeLessThan(FIVE_MB);
    expect(s.stats.maxResponseBytes).toBeLessThan(FIVE_MB);
    expect(Math.max(s.stats.maxRequestBytes, s.stats.maxResponseBytes)).toBeLessThan(PAYLOAD_BUDGET * 1.1);
    expect(s.stats.syncs).toBeLessThan(200);
    expect(undo).toMatchObject({ sheetName: 'Клиенты', rowIndex: 0, columnIndex: 6, rowCount: MAX_ROWS, columnCount: 6 });

    const sheet = model.sheet('Клиенты');
    expect(sheet.read('G1:L1')).toEqual([[...RESULT_HEADERS.ru]]);
    for (const i of [0, 1, 4_999, 524_287, DATA_ROWS - 1]) {
      expect(sheet.read(`G${i + 2}:L${i + 2}`)).toEqual([resultRow(i)]);
      expect(sheet.cell(i + 1, 6).numberFormat).toBe('@');
      expect(sheet.cell(i + 1, 11).numberFormat).toBe('dd.mm.yyyy');
    }
    expect(sheet.formulaCount).toBe(0);
    // the client data is untouched
    expect(sheet.read(`A${MAX_ROWS}:F${MAX_ROWS}`)).toEqual([row(DATA_ROWS - 1)]);

    // ---- and put back: the six columns are blank and unformatted again
    s.stats.reset();
    await restoreBlock(s.run, undo);
    const restore = { syncs: s.stats.syncs, maxRequestBytes: s.stats.maxRequestBytes, maxResponseBytes: s.stats.maxResponseBytes, failedSyncs: s.stats.failedSyncs };
    expect(s.stats.failedSyncs).toBe(0);
    expect(s.stats.maxRequestBytes).toBeLessThan(FIVE_MB);
    expect(sheet.usedRange(true)).toEqual({ r0: 0, c0: 0, r1: MAX_ROWS - 1, c1: 5 });
    expect(sheet.usedRange(false)).toEqual({ r0: 0, c0: 0, r1: MAX_ROWS - 1, c1: 5 });

    if (MEASURE) console.log(JSON.stringify({ read, write, restore }, null, 1));
  }, 600_000);
});
