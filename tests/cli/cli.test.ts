import { promises as fs, existsSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { createHash } from 'crypto';
import ExcelJS from 'exceljs';
import { cli, cliProcess, ROOT } from '../helpers';
import { worksheetGrid } from '../../src/cli/readInput';
import { CellValue } from '../../src/core';

const SAMPLE_RU = path.join(ROOT, 'samples', 'clients-ru.xlsx');
const SAMPLE_EN = path.join(ROOT, 'samples', 'clients-en.xlsx');
let tmp: string;

beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'client-tiers-'));
});
afterAll(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

async function sha(file: string): Promise<string> {
  return createHash('sha256').update(await fs.readFile(file)).digest('hex');
}

async function load(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

function grid(wb: ExcelJS.Workbook, name: string): CellValue[][] {
  return worksheetGrid(wb.getWorksheet(name)!);
}

describe('analyze', () => {
  test('--json on the Russian sample: one object with the documented fields', async () => {
    const r = await cli(['analyze', SAMPLE_RU, '--json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.sheet).toBe('Клиенты');
    expect(j.shape).toBe('clients');
    expect(j.headerRow).toBe(3);
    expect(j.columns.client.header).toBe('Клиент');
    expect(j.columns.amount.header).toBe('Выручка за 6 мес.');
    for (const k of ['clients', 'excluded', 'total', 'abc', 'top20Share', 'gini', 'hhi', 'tiers']) expect(j).toHaveProperty(k);
    expect(j.clients + j.excluded).toBe(320);
    const abcClients = j.abc.A.clients + j.abc.B.clients + j.abc.C.clients;
    expect(abcClients).toBe(j.clients);
    expect(j.abc.A.revenue + j.abc.B.revenue + j.abc.C.revenue).toBeCloseTo(j.total, 1);
    // the sheet's own Tier column uses the English default names: the default rules keep them
    expect(j.tiers.VIP + j.tiers.Key + j.tiers.Standard).toBe(320);
    expect(j.gini).toBeGreaterThan(0.5);
    expect(j.gini).toBeLessThan(1);
    // the duplicate spelling in the sample is merged and reported
    expect(j.duplicates).toBe(1);
    // the previous tiers in "Статус клиента" lead to real statuses
    expect(j.statuses.grace).toBeGreaterThan(0);
    expect(j.statuses.up).toBeGreaterThan(0);
  });

  test('readable summary in the language of the headers', async () => {
    const ru = await cli(['analyze', SAMPLE_RU]);
    expect(ru.code).toBe(0);
    expect(ru.out).toContain('Клиентов (итог > 0)');
    expect(ru.out).toContain('Доля топ-20%');
    const en = await cli(['analyze', SAMPLE_EN, '--sheet', 'Sales', '--as-of', '2025-09-30', '--window-months', '3']);
    expect(en.code).toBe(0);
    expect(en.out).toContain('Review window: 2025-07-01 – 2025-09-30 (3 months)');
    expect(en.out).toContain('Top-20% share');
  });

  test('a transaction log: window, orders from invoice numbers, columns by letter', async () => {
    const a = JSON.parse((await cli(['analyze', SAMPLE_EN, '--sheet', 'Sales', '--json', '--window-months', 'all'])).out);
    const b = JSON.parse((await cli(['analyze', SAMPLE_EN, '--sheet', 'Sales', '--json', '--client', 'C', '--amount', 'D', '--date', 'A', '--window-months', 'all'])).out);
    expect(b.total).toBe(a.total);
    expect(a.shape).toBe('transactions');
    expect(a.window).toEqual({ from: null, to: '2025-12-31', months: 'all' });
    const six = JSON.parse((await cli(['analyze', SAMPLE_EN, '--sheet', 'Sales', '--json'])).out);
    expect(six.window).toEqual({ from: '2025-07-01', to: '2025-12-31', months: 6 });
    expect(six.total).toBeLessThan(a.total);
  });

  test('CSV in Russian format with semicolons', async () => {
    const file = path.join(tmp, 'ru.csv');
    await fs.writeFile(
      file,
      '\ufeffКлиент;Выручка;Статус клиента\n"ООО ""Альфа""";1 200 000,50 ₽;VIP\nИП Петров;350 000;Key\nАО Вега;(15 000);Standard\nООО "Альфа";100 000;VIP\n;;\nЗАО Ромашка;12 345 руб.;\n',
    );
    const r = await cli(['analyze', file, '--json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.clients).toBe(3); // Альфа (merged), Петров, Ромашка; Вега is negative
    expect(j.excluded).toBe(1);
    expect(j.total).toBeCloseTo(1200000.5 + 100000 + 350000 + 12345, 2);
    expect(j.duplicates).toBe(1);
  });

  test('--lang ru: cells left out, notes and rule problems in Russian', async () => {
    const file = path.join(tmp, 'ru-issues.csv');
    await fs.writeFile(file, 'Дата;Клиент;Сумма\n01.12.2025;ООО Альфа;1200\n02.12.2025;ООО Бета;#Н/Д\n03.12.2025;ИП Петров;1,234\n04.12.2025;ООО Альфа;500\n05.12.2025;Итого;1700\n');
    const ru = await cli(['analyze', file, '--lang', 'ru']);
    expect(ru.code).toBe(0);
    expect(ru.out).toContain('Пропущено ячеек: 3');
    expect(ru.out).toContain('  C3: "#Н/Д" — ошибка Excel #Н/Д\n');
    expect(ru.out).toContain('  C4: "1,234" — неоднозначное число: 1234 или 1,234; введите его без разделителя разрядов\n');
    expect(ru.out).toContain('  B6: "Итого" — строка итогов, пропущена\n');
    expect(ru.out).toContain('Примечание: Нет столбца с номером заказа или счёта: каждая строка с положительной суммой считается одним заказом.\n');
    const en = await cli(['analyze', file, '--lang', 'en']);
    expect(en.out).toContain('  C3: "#Н/Д" — Excel error #N/A\n');
    expect(en.out).toContain('  B6: "Итого" — a total row, left out\n');
    const json = JSON.parse((await cli(['analyze', file, '--lang', 'ru', '--json'])).out);
    expect(json.issueSamples).toEqual(['C3: "#Н/Д" — ошибка Excel #Н/Д', 'C4: "1,234" — неоднозначное число: 1234 или 1,234; введите его без разделителя разрядов', 'B6: "Итого" — строка итогов, пропущена']);
    expect(json.notes).toEqual(['Нет столбца с номером заказа или счёта: каждая строка с положительной суммой считается одним заказом.']);

    const rules = path.join(tmp, 'правила.json');
    await fs.writeFile(rules, JSON.stringify({ tiers: [{ name: 'VIP', criteria: { minAmount: -5 } }, { name: 'Стандарт' }], windowMonths: 0 }));
    const rr = await cli(['analyze', file, '--rules', rules, '--lang', 'ru']);
    expect(rr.code).toBe(1);
    expect(rr.err).toBe(
      'client-tiers: Правила заданы неверно:\n- правила.json: окно пересмотра: должно быть 1 или больше\n- правила.json: уровень 1, критерий «минимальная сумма»: должно быть 0 или больше\n',
    );

    const noTable = path.join(tmp, 'нет-таблицы.csv');
    await fs.writeFile(noTable, 'foo,bar\n1,2\n');
    const nt = await cli(['analyze', noTable, '--lang', 'ru']);
    expect(nt.code).toBe(1);
    expect(nt.err).toMatch(/^client-tiers: Лист «[^»]+»: Таблица клиентов не найдена\. Ожидалась строка заголовков \(в строках 1–2\) со столбцом клиента/);
  });

  test('bad input: clear message and non-zero exit', async () => {
    const missing = await cli(['analyze', path.join(tmp, 'nope.xlsx')]);
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('File not found');

    const fake = path.join(tmp, 'fake.xlsx');
    await fs.writeFile(fake, 'this is not a zip');
    const bad = await cli(['analyze', fake]);
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('fake.xlsx is not an .xlsx workbook');

    const xls = await cli(['analyze', path.join(tmp, 'old.xls')]);
    expect(xls.code).toBe(1);
    expect(xls.err).toContain('Unsupported file type');

    const noTable = path.join(tmp, 'notable.csv');
    await fs.writeFile(noTable, 'foo,bar\n1,2\n');
    const nt = await cli(['analyze', noTable]);
    expect(nt.code).toBe(1);
    expect(nt.err).toMatch(/client column/);

    const col = await cli(['analyze', SAMPLE_EN, '--amount', 'Turnover 2030']);
    expect(col.code).toBe(1);
    expect(col.err).toContain('--amount: no column "Turnover 2030" in header row 3 of sheet "Clients"');

    const sheet = await cli(['analyze', SAMPLE_EN, '--sheet', 'Nope']);
    expect(sheet.code).toBe(1);
    expect(sheet.err).toContain('No sheet "Nope"');

    const rules = path.join(tmp, 'rules.json');
    await fs.writeFile(rules, JSON.stringify({ tiers: [{ name: 'VIP', criteria: { minAmount: -5 } }, { name: 'Std' }], windowMonths: 0 }));
    const rr = await cli(['analyze', SAMPLE_EN, '--rules', rules]);
    expect(rr.code).toBe(1);
    expect(rr.err).toContain('rules.json: windowMonths');
    expect(rr.err).toContain('rules.json: tiers[1].criteria.minAmount');

    const usage = await cli(['analyze', SAMPLE_EN, '--as-of', '31.12.2025']);
    expect(usage.code).toBe(2);
    expect(usage.err).toContain('--as-of must be a date YYYY-MM-DD');
    expect((await cli(['frobnicate', SAMPLE_EN])).code).toBe(2);
    expect((await cli(['apply', SAMPLE_EN])).err).toContain('apply needs --out');
    expect((await cli(['apply', SAMPLE_EN, '--out', SAMPLE_EN])).code).toBe(2);
  });

  test('custom rules from a file (thresholds, margin)', async () => {
    const rules = path.join(tmp, 'margin.json');
    await fs.writeFile(
      rules,
      JSON.stringify({ name: 'Margin bars', measure: 'margin', tiers: [{ name: 'Gold', criteria: { minAmount: 50000 } }, { name: 'Silver', criteria: { minAmount: 10000 } }, { name: 'Basic' }] }),
    );
    const j = JSON.parse((await cli(['analyze', SAMPLE_EN, '--rules', rules, '--json'])).out);
    expect(j.rules).toBe('Margin bars');
    expect(j.measure).toBe('margin');
    expect(Object.keys(j.tiers)).toEqual(['Gold', 'Silver', 'Basic']);
    expect(j.bars[0]).toEqual({ tier: 'Gold', minAmount: 50000, minOrders: null });
  });
});

describe('apply', () => {
  test('writes Tier/ABC/Status/Reason beside the data, keeps every original cell and format, never touches the input', async () => {
    const input = path.join(tmp, 'in-ru.xlsx');
    await fs.copyFile(SAMPLE_RU, input);
    const before = await sha(input);
    const out = path.join(tmp, 'out-ru.xlsx');
    const r = await cli(['apply', input, '--out', out]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Исходный файл не изменён');
    expect(await sha(input)).toBe(before);

    const orig = await load(input);
    const res = await load(out);
    expect(res.worksheets.map((w) => w.name)).toEqual([...orig.worksheets.map((w) => w.name), 'История уровней', 'Сводка уровней']);
    // every original sheet and cell is kept
    for (const ws of orig.worksheets) {
      const a = grid(orig, ws.name);
      const b = grid(res, ws.name);
      for (let r0 = 0; r0 < a.length; r0++) for (let c = 0; c < a[r0].length; c++) expect([r0, c, b[r0]?.[c]]).toEqual([r0, c, a[r0][c]]);
    }
    // formats kept: money format of the revenue cells, date format of last order
    const o = orig.getWorksheet('Клиенты')!;
    const w = res.getWorksheet('Клиенты')!;
    expect(w.getCell('F4').numFmt).toBe(o.getCell('F4').numFmt);
    expect(w.getCell('I4').numFmt).toBe(o.getCell('I4').numFmt);
    expect(w.getRow(3).font).toEqual(o.getRow(3).font);
    // result columns J..O
    const headers = grid(res, 'Клиенты')[2].slice(9);
    expect(headers).toEqual(['Уровень', 'ABC', 'Статус пересмотра', 'Причина', 'Пересмотров ниже', 'Следующий пересмотр']);
    const rows = grid(res, 'Клиенты').slice(3).filter((x) => x[0]);
    expect(rows.length).toBe(321);
    for (const row of rows) {
      expect(['VIP', 'Key', 'Standard']).toContain(row[9]);
      expect(['A', 'B', 'C', '—']).toContain(row[10]);
      expect(typeof row[12]).toBe('string');
      expect(String(row[12]).length).toBeGreaterThan(20);
    }
    // a grace warning keeps the tier and says what restores it
    const grace = rows.find((x) => x[11] === 'Предупреждение')!;
    expect(grace[9]).toBe(grace[4]);
    expect(String(grace[12])).toMatch(/ниже планки .* не хватает/);
    expect(grace[13]).toBe(1);
  });

  test('grace is time, not clicks: a re-run in the same period repeats the warning; a review a period later moves one step down', async () => {
    const first = path.join(tmp, 'review1.xlsx');
    const same = path.join(tmp, 'review1b.xlsx');
    const second = path.join(tmp, 'review2.xlsx');
    expect((await cli(['apply', SAMPLE_EN, '--review-date', '2026-01-15', '--out', first])).code).toBe(0);
    // the same period (a minute or a month later): the same decisions, nobody is moved down
    expect((await cli(['apply', first, '--review-date', '2026-03-01', '--out', same])).code).toBe(0);
    const g1 = grid(await load(first), 'Clients');
    const g1b = grid(await load(same), 'Clients');
    for (let r = 3; r < g1.length; r++) expect([g1b[r][0], g1b[r][9], g1b[r][11], g1b[r][13]]).toEqual([g1[r][0], g1[r][9], g1[r][11], g1[r][13]]);
    // the history records each review with its period
    const h = grid(await load(same), 'Tier history');
    expect(h[0].slice(9)).toEqual(['Review period', 'Sheet', 'Key column', 'Rules ID']);
    expect(new Set(h.slice(1).map((r) => r[9]))).toEqual(new Set(['1 Jan 2026 – 30 Jun 2026']));
    // a review dated in the next period (on the re-run copy): one step down
    expect((await cli(['apply', same, '--review-date', '2026-07-01', '--out', second])).code).toBe(0);
    const g2 = grid(await load(second), 'Clients');
    const graced = g1.slice(3).filter((r) => r[11] === 'Grace warning');
    expect(graced.length).toBeGreaterThan(0);
    for (const r of graced) {
      const again = g2.find((x) => x[0] === r[0])!;
      expect(again[11]).toBe('Down');
      const order = ['VIP', 'Key', 'Standard'];
      expect(order.indexOf(String(again[9]))).toBe(order.indexOf(String(r[9])) + 1);
      expect(again[13]).toBe(0);
      expect(String(again[12])).toMatch(/^Down from (VIP|Key) to (Key|Standard)/);
    }
    // the result columns were updated in place, not appended again
    expect(g2[2].filter((h) => h === 'Tier').length).toBe(1);
  });

  test('a transaction log gets a per-client sheet; the next apply reads the previous tiers from it', async () => {
    const out = path.join(tmp, 'log.xlsx');
    expect((await cli(['apply', SAMPLE_EN, '--sheet', 'Sales', '--out', out])).code).toBe(0);
    const wb = await load(out);
    const g = grid(wb, 'Client tiers');
    expect(g[0].slice(0, 8)).toEqual(['Client', 'Revenue', 'Measure', 'Orders', 'Last order', 'Share', 'Cumulative share', 'Tier']);
    expect(g.length - 1).toBe(320);
    expect(g.slice(1).every((r) => r[9] === 'New')).toBe(true);
    // the same period again: still the period's first review ("New"), not "Keep"
    const again = path.join(tmp, 'log1b.xlsx');
    expect((await cli(['apply', out, '--sheet', 'Sales', '--out', again])).code).toBe(0);
    expect(grid(await load(again), 'Client tiers').slice(1).every((r) => r[9] === 'New')).toBe(true);
    // a review in a later period (the window stays the log's): the previous tiers are kept
    const out2 = path.join(tmp, 'log2.xlsx');
    expect((await cli(['apply', again, '--sheet', 'Sales', '--review-date', '2099-01-01', '--out', out2])).code).toBe(0);
    const g2 = grid(await load(out2), 'Client tiers');
    expect(g2.slice(1).every((r) => r[9] === 'Keep')).toBe(true);
  });

  test('numeric client ids stay numbers in the per-client sheet and the Tier history', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Orders');
    ws.addRow(['CustomerID', 'InvoiceDate', 'Amount']);
    const ids = [18102, 17450, 'C-7', 18102, 12346];
    ids.forEach((id, i) => ws.addRow([id, new Date(Date.UTC(2011, i, 10)), 100 * (i + 1)]));
    const file = path.join(tmp, 'ids.xlsx');
    await wb.xlsx.writeFile(file);
    const out = path.join(tmp, 'ids-out.xlsx');
    expect((await cli(['apply', file, '--review-date', '2026-01-15', '--out', out])).code).toBe(0);
    const res = await load(out);
    const clients = grid(res, 'Client tiers').slice(1).map((r) => r[0]);
    expect(clients.filter((v) => typeof v === 'number').sort()).toEqual([12346, 17450, 18102]);
    expect(clients).toContain('C-7');
    const history = grid(res, 'Tier history').slice(1).map((r) => r[1]);
    expect(history.filter((v) => typeof v === 'number').sort()).toEqual([12346, 17450, 18102]);
  });

  test('CSV input becomes a workbook with the data, results and summary', async () => {
    const file = path.join(tmp, 'clients.csv');
    await fs.writeFile(file, 'Client,Revenue\nAcme,"1,200.50"\nGlobex,300\n=HYPERLINK("x"),50\n');
    const out = path.join(tmp, 'clients.xlsx');
    const r = await cli(['apply', file, '--out', out]);
    expect(r.code).toBe(0);
    const wb = await load(out);
    const g = grid(wb, 'clients');
    expect(g[0]).toEqual(['Client', 'Revenue', 'Tier', 'ABC', 'Tier status', 'Reason', 'Reviews below', 'Next review']);
    expect(g[1][1]).toBe(1200.5);
    // a client name that looks like a formula stays text
    const ws = wb.getWorksheet('clients')!;
    expect(ws.getCell('A4').value).toBe('=HYPERLINK("x")');
    expect(ws.getCell('A4').formula).toBeUndefined();
    expect(wb.getWorksheet('Tier summary')).toBeDefined();
  });

  test('the installed command runs as users call it', () => {
    const r = cliProcess(['analyze', SAMPLE_EN, '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).clients).toBeGreaterThan(250);
    const bad = cliProcess(['analyze', 'missing.xlsx']);
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('File not found: missing.xlsx');
    expect(existsSync(path.join(ROOT, 'dist-cli', 'src', 'cli', 'main.js'))).toBe(true);
  });
});
