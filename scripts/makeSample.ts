/**
 * The bundled sample workbooks: `samples/clients-ru.xlsx` and `samples/clients-en.xlsx`.
 * Deterministic (a seeded generator, fixed dates): the same files on every run and machine.
 *
 * Each holds 24 months of transactions for 320 clients with a realistic long tail (log-normal
 * order sizes, a few large accounts, seasonality, returns as negative amounts), and a client
 * sheet with one row per client: revenue and margin over the last 6 months, orders, manager,
 * contact, and the tier assigned at the previous review (so the next review shows upgrades,
 * grace warnings and downgrades). A few messy cells are on purpose: amounts typed as text in
 * the local format, a name typed twice with different spacing/case, a blank row.
 *
 * Usage: node dist-cli/scripts/makeSample.js [outDir]   (default: samples/)
 */
import * as path from 'path';
import { promises as fs } from 'fs';
import ExcelJS from 'exceljs';
import { seededRandom, aggregate, analyzeClients, addMonths, CellValue, DEFAULT_RULES, detectTable, dayToIso, isoToDay, Lang } from '../src/core';

export const SAMPLE_END = '2025-12-31';
export const SAMPLE_CLIENTS = 320;


const RU_A = ['Альфа', 'Вега', 'Гранит', 'Дельта', 'Енисей', 'Заря', 'Иртыш', 'Кедр', 'Лотос', 'Меридиан', 'Нева', 'Орбита', 'Полюс', 'Радуга', 'Сокол', 'Таймыр', 'Урал', 'Феникс', 'Хорс', 'Эталон'];
const RU_B = ['Строй', 'Торг', 'Снаб', 'Маркет', 'Пром', 'Логистик', 'Трейд', 'Сервис', 'Агро', 'Мед', 'Тех', 'Опт', 'Ресурс', 'Инвест', 'Групп', 'Декор'];
const RU_FORMS = ['ООО «%»', 'АО «%»', 'ИП %', 'ООО «%»', 'ООО «%»'];
const EN_A = ['Northwind', 'Bluebird', 'Granite', 'Delta', 'Evergreen', 'Falcon', 'Harbor', 'Ironwood', 'Juniper', 'Keystone', 'Lighthouse', 'Meridian', 'Nova', 'Oakridge', 'Pioneer', 'Redwood', 'Summit', 'Tidewater', 'Union', 'Vertex'];
const EN_B = ['Supply', 'Trading', 'Foods', 'Logistics', 'Retail', 'Health', 'Tech', 'Builders', 'Farms', 'Outfitters', 'Print', 'Labs', 'Works', 'Partners', 'Design', 'Motors'];
const EN_FORMS = ['% Ltd', '% LLC', '% Inc.', '% & Co.', '% Group'];
const RU_PEOPLE = ['Анна Смирнова', 'Игорь Петров', 'Мария Кузнецова', 'Олег Волков', 'Елена Соколова', 'Дмитрий Орлов'];
const EN_PEOPLE = ['Alice Morgan', 'Ben Carter', 'Chloe Evans', 'David Brooks', 'Emma Hughes', 'Frank Miller'];
const RU_CONTACTS = ['Сергей Иванов', 'Ольга Павлова', 'Николай Зайцев', 'Татьяна Белова', 'Андрей Козлов', 'Ирина Лебедева', 'Павел Морозов', 'Наталья Новикова'];
const EN_CONTACTS = ['John Smith', "Mary O'Neil", 'Peter Clark', 'Linda Scott', 'Robert King', 'Susan Wright', 'James Young', 'Karen Hall'];

export interface SampleTx {
  day: number;
  invoice: string;
  client: number;
  amount: number;
  margin: number;
}

export interface SampleData {
  names: string[];
  managers: string[];
  contacts: string[];
  emails: string[];
  tx: SampleTx[];
}

/** The generated data (language decides names only; amounts are the same in both). */
export function sampleData(lang: Lang): SampleData {
  const rnd = seededRandom(20251231);
  const end = isoToDay(SAMPLE_END)!;
  const start = addMonths(end, -24) + 1;
  const names: string[] = [];
  const used = new Set<string>();
  const managers: string[] = [];
  const contacts: string[] = [];
  const emails: string[] = [];
  const scale: number[] = [];
  const trend: number[] = [];
  const freq: number[] = [];
  for (let i = 0; i < SAMPLE_CLIENTS; i++) {
    let name: string;
    do {
      const a = (lang === 'ru' ? RU_A : EN_A)[Math.floor(rnd() * 20)];
      const b = (lang === 'ru' ? RU_B : EN_B)[Math.floor(rnd() * 16)];
      const form = (lang === 'ru' ? RU_FORMS : EN_FORMS)[Math.floor(rnd() * 5)];
      name = form.replace('%', lang === 'ru' ? `${a}${b.toLowerCase()}` : `${a} ${b}`);
    } while (used.has(name));
    used.add(name);
    names.push(name);
    managers.push((lang === 'ru' ? RU_PEOPLE : EN_PEOPLE)[i % 6]);
    contacts.push((lang === 'ru' ? RU_CONTACTS : EN_CONTACTS)[Math.floor(rnd() * 8)]);
    emails.push(`client${String(i + 1).padStart(3, '0')}@example.${lang === 'ru' ? 'ru' : 'com'}`);
    // Pareto-like sizes: a few large accounts, a long tail
    const u = rnd();
    scale.push(Math.exp(7.2 + 1.5 * normal(rnd)) * (u < 0.03 ? 6 : 1));
    // some clients grow, some decline (those produce grace warnings and downgrades)
    trend.push(rnd() < 0.18 ? -0.9 * rnd() : rnd() < 0.2 ? 0.8 * rnd() : 0.15 * (rnd() - 0.5));
    freq.push(0.5 + 4 * rnd() * rnd());
  }
  const tx: SampleTx[] = [];
  let invoice = 10000;
  for (let m = 0; m < 24; m++) {
    const monthStart = addMonths(start, m);
    const monthEnd = addMonths(start, m + 1) - 1;
    const season = 1 + 0.25 * Math.sin(((m % 12) / 12) * 2 * Math.PI - 1);
    for (let c = 0; c < SAMPLE_CLIENTS; c++) {
      const progress = m / 23;
      const level = Math.max(0.02, 1 + trend[c] * progress * 2);
      const lambda = freq[c] * Math.min(1.5, level);
      const orders = poisson(rnd, lambda);
      for (let k = 0; k < orders; k++) {
        const day = monthStart + Math.floor(rnd() * (monthEnd - monthStart + 1));
        const amount = Math.round(scale[c] * level * season * Math.exp(0.5 * normal(rnd)) * (lang === 'ru' ? 90 : 1)) / (lang === 'ru' ? 1 : 1);
        const marginRate = 0.12 + 0.2 * rnd();
        tx.push({ day, invoice: `${lang === 'ru' ? 'ЗК' : 'INV'}-${invoice++}`, client: c, amount: round2(amount), margin: round2(amount * marginRate) });
        if (rnd() < 0.03) {
          const back = -round2(amount * (0.2 + 0.8 * rnd()));
          tx.push({ day: Math.min(monthEnd, day + 3), invoice: `${lang === 'ru' ? 'ВЗ' : 'RET'}-${invoice++}`, client: c, amount: back, margin: round2(back * marginRate) });
        }
      }
    }
  }
  tx.sort((a, b) => a.day - b.day || (a.invoice < b.invoice ? -1 : 1));
  return { names, managers, contacts, emails, tx };
}

function normal(rnd: () => number): number {
  const u = Math.max(1e-12, rnd());
  const v = rnd();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

function poisson(rnd: () => number, lambda: number): number {
  const L = Math.exp(-lambda);
  let k = 0;
  let p = 1;
  do {
    k++;
    p *= rnd();
  } while (p > L);
  return k - 1;
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

const T = {
  ru: {
    clients: 'Клиенты',
    sales: 'Продажи',
    readme: 'О файле',
    formulas: 'Формулы',
    formulasTitle: 'Функции CLIENTS (работают, когда надстройка загружена)',
    tierHeader: 'Уровень',
    minHeader: 'Минимум',
    f: {
      gini: 'Коэффициент Джини выручки',
      hhi: 'Индекс Херфиндаля–Хиршмана',
      top20: 'Доля топ-20% клиентов',
      top10: 'Доля топ-10 клиентов',
      abc: 'Первый клиент: класс ABC',
      share: 'Первый клиент: доля выручки',
      tier: 'Первый клиент: уровень по порогам',
      gap: 'Первый клиент: до VIP не хватает',
      cadence: 'Встречи с VIP, раз в N месяцев',
      spill: 'ABC всех (массив)',
    },
    clientHeaders: ['Клиент', 'Менеджер', 'Контактное лицо', 'E-mail', 'Статус клиента', 'Выручка за 6 мес.', 'Маржа', 'Заказы', 'Последний заказ'],
    salesHeaders: ['Дата', 'Номер заказа', 'Клиент', 'Сумма', 'Маржа'],
    title: 'Клиенты: итоги за 6 месяцев',
    money: '#,##0.00 "₽"',
    date: 'dd.mm.yyyy',
    about: [
      'Пример книги для надстройки «Уровни клиентов». Данные вымышлены и созданы скриптом scripts/makeSample.ts.',
      'Лист «Клиенты»: одна строка на клиента, выручка и маржа за последние 6 месяцев, статус с прошлого пересмотра.',
      'Лист «Продажи»: журнал заказов за 24 месяца (возвраты — отрицательные суммы).',
    ],
  },
  en: {
    clients: 'Clients',
    sales: 'Sales',
    readme: 'About',
    formulas: 'Formulas',
    formulasTitle: 'CLIENTS functions (live when the add-in is loaded)',
    tierHeader: 'Tier',
    minHeader: 'Minimum',
    f: {
      gini: 'Gini coefficient of revenue',
      hhi: 'Herfindahl–Hirschman index',
      top20: 'Share of the top 20% of clients',
      top10: 'Share of the top 10 clients',
      abc: 'First client: ABC class',
      share: 'First client: share of revenue',
      tier: 'First client: tier by thresholds',
      gap: 'First client: amount to VIP',
      cadence: 'VIP meetings every N months',
      spill: 'ABC of all (spill)',
    },
    clientHeaders: ['Client', 'Manager', 'Contact', 'Email', 'Current tier', 'Revenue (6 months)', 'Margin', 'Orders', 'Last order'],
    salesHeaders: ['Date', 'Invoice', 'Client', 'Amount', 'Margin'],
    title: 'Clients: totals for the last 6 months',
    money: '#,##0.00 [$$-409]',
    date: 'yyyy-mm-dd',
    about: [
      'Sample workbook for the Client Tiers add-in. Invented data, made by scripts/makeSample.ts.',
      'Sheet "Clients": one row per client with revenue and margin over the last 6 months and the tier from the previous review.',
      'Sheet "Sales": the order log over 24 months (returns are negative amounts).',
    ],
  },
};

/** The previous review (6 months before the end), so the sample carries real prior tiers. */
function previousTiers(data: SampleData): string[] {
  const grid: CellValue[][] = [['Date', 'Invoice', 'Client', 'Amount']];
  for (const t of data.tx) grid.push([t.day + 25569, t.invoice, data.names[t.client], t.amount]);
  const table = detectTable(grid);
  const end = isoToDay(SAMPLE_END)!;
  const agg = aggregate(grid, table, { asOfDay: addMonths(end, -6), windowMonths: 6 });
  const res = analyzeClients(agg.clients, DEFAULT_RULES);
  const byName = new Map(res.clients.map((c) => [c.name, c.decision.tier]));
  return data.names.map((n) => byName.get(n) ?? 'Standard');
}

export async function buildSampleWorkbook(lang: Lang): Promise<ExcelJS.Workbook> {
  const t = T[lang];
  const data = sampleData(lang);
  const end = isoToDay(SAMPLE_END)!;
  const from = addMonths(end, -6);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Client Tiers sample generator';
  wb.created = new Date(Date.UTC(2025, 11, 31));
  wb.modified = new Date(Date.UTC(2025, 11, 31));
  const prev = previousTiers(data);

  // Clients sheet: a title row, a blank row, then the table
  const ws = wb.addWorksheet(t.clients, { views: [{ state: 'frozen', ySplit: 3 }] });
  ws.addRow([t.title]).font = { bold: true, size: 14 };
  ws.addRow([]);
  const header = ws.addRow(t.clientHeaders);
  header.font = { bold: true };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
  const rev = new Array(SAMPLE_CLIENTS).fill(0);
  const mar = new Array(SAMPLE_CLIENTS).fill(0);
  const ord = new Array(SAMPLE_CLIENTS).fill(0);
  const last: Array<number | null> = new Array(SAMPLE_CLIENTS).fill(null);
  for (const x of data.tx) {
    if (x.day <= from || x.day > end) continue;
    rev[x.client] += x.amount;
    mar[x.client] += x.margin;
    if (x.amount > 0) ord[x.client]++;
    last[x.client] = Math.max(last[x.client] ?? -Infinity, x.day);
  }
  for (let c = 0; c < SAMPLE_CLIENTS; c++) {
    const prevTier = lang === 'ru' ? prev[c] : prev[c];
    let revenue: ExcelJS.CellValue = round2(rev[c]);
    // a few amounts typed as text in the local format, as managers do
    if (c % 53 === 7) revenue = lang === 'ru' ? formatRu(rev[c]) : `$${formatEn(rev[c])}`;
    const row = ws.addRow([
      data.names[c],
      data.managers[c],
      data.contacts[c],
      data.emails[c],
      prevTier,
      revenue,
      round2(mar[c]),
      ord[c],
      last[c] === null ? null : new Date(last[c]! * 86400000),
    ]);
    row.getCell(6).numFmt = t.money;
    row.getCell(7).numFmt = t.money;
    row.getCell(9).numFmt = t.date;
    if (c === 150) ws.addRow([]); // a blank row inside the table
  }
  // the same client typed again with other spacing and case (merged and reported)
  const dupName = `  ${data.names[5].toUpperCase().replace(' ', '  ')} `;
  const dup = ws.addRow([dupName, data.managers[5], data.contacts[5], data.emails[5], prev[5], 1500, 300, 1, new Date(end * 86400000)]);
  dup.getCell(6).numFmt = t.money;
  dup.getCell(9).numFmt = t.date;
  ws.getColumn(1).width = 30;
  ws.getColumn(2).width = 18;
  ws.getColumn(3).width = 20;
  ws.getColumn(4).width = 24;
  ws.getColumn(5).width = 14;
  ws.getColumn(6).width = 18;
  ws.getColumn(7).width = 16;

  // Sales log
  const ss = wb.addWorksheet(t.sales, { views: [{ state: 'frozen', ySplit: 1 }] });
  ss.addRow(t.salesHeaders).font = { bold: true };
  for (const x of data.tx) {
    const row = ss.addRow([new Date(x.day * 86400000), x.invoice, data.names[x.client], x.amount, x.margin]);
    row.getCell(1).numFmt = t.date;
    row.getCell(4).numFmt = t.money;
    row.getCell(5).numFmt = t.money;
  }
  ss.getColumn(1).width = 12;
  ss.getColumn(2).width = 12;
  ss.getColumn(3).width = 30;
  ss.getColumn(4).width = 16;
  ss.getColumn(5).width = 14;

  // CLIENTS.* formulas, live when the add-in is loaded (and in the workbench)
  const fx = wb.addWorksheet(t.formulas);
  const lastRow = ws.rowCount;
  const src = (col: string, a: number, b?: number) => `'${t.clients}'!${col}${a}${b ? `:${col}${b}` : ''}`;
  const all = src('F', 4, lastRow);
  fx.addRow([t.formulasTitle]).font = { bold: true, size: 13 };
  fx.getCell('D2').value = t.tierHeader;
  fx.getCell('E2').value = t.minHeader;
  fx.getRow(2).font = { bold: true };
  const bars = lang === 'ru' ? [20000000, 5000000, 0] : [300000, 100000, 0];
  ['VIP', 'Key', 'Standard'].forEach((name, i) => {
    fx.getCell(`D${3 + i}`).value = name;
    fx.getCell(`E${3 + i}`).value = bars[i];
    fx.getCell(`E${3 + i}`).numFmt = t.money;
  });
  const rows: Array<[string, string, string?]> = [
    [t.f.gini, `CLIENTS.GINI(${all})`, '0.000'],
    [t.f.hhi, `CLIENTS.HHI(${all})`, '0.0'],
    [t.f.top20, `CLIENTS.TOPSHARE(${all},0.2)`, '0.0%'],
    [t.f.top10, `CLIENTS.TOPSHARE(${all},10)`, '0.0%'],
    [t.f.abc, `CLIENTS.PARETOSEGMENT(${src('F', 4)},${all})`],
    [t.f.share, `CLIENTS.REVENUESHARE(${src('F', 4)},${all})`, '0.00%'],
    [t.f.tier, `CLIENTS.VIPTIER(${src('F', 4)},D3:E5)`],
    [t.f.gap, `CLIENTS.TIERGAP(${src('F', 4)},"VIP",D3:E5)`, t.money],
    [t.f.cadence, `CLIENTS.CONTACTCADENCE("VIP")`],
  ];
  rows.forEach(([label, formula, fmt], i) => {
    fx.getCell(`A${3 + i}`).value = label;
    const c = fx.getCell(`B${3 + i}`);
    c.value = { formula } as ExcelJS.CellFormulaValue;
    if (fmt) c.numFmt = fmt;
  });
  fx.getCell('G2').value = t.f.spill;
  fx.getCell('G2').font = { bold: true };
  fx.getCell('G3').value = { formula: `CLIENTS.PARETOSEGMENT(${all})` } as ExcelJS.CellFormulaValue;
  fx.getColumn(1).width = 40;
  fx.getColumn(2).width = 16;
  fx.getColumn(4).width = 12;
  fx.getColumn(5).width = 18;
  fx.getColumn(7).width = 14;

  const about = wb.addWorksheet(t.readme);
  for (const line of t.about) about.addRow([line]);
  about.addRow([]);
  about.addRow([lang === 'ru' ? 'Дата окончания данных' : 'Data ends on', dayToIso(end)]);
  about.getColumn(1).width = 110;
  return wb;
}

function formatRu(x: number): string {
  const [i, f] = Math.abs(x).toFixed(2).split('.');
  return `${x < 0 ? '-' : ''}${i.replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0')},${f}`;
}

function formatEn(x: number): string {
  const [i, f] = Math.abs(x).toFixed(2).split('.');
  return `${x < 0 ? '-' : ''}${i.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${f}`;
}

export async function writeSamples(outDir: string): Promise<string[]> {
  await fs.mkdir(outDir, { recursive: true });
  const files: string[] = [];
  for (const lang of ['ru', 'en'] as Lang[]) {
    const wb = await buildSampleWorkbook(lang);
    const file = path.join(outDir, `clients-${lang}.xlsx`);
    await wb.xlsx.writeFile(file);
    files.push(file);
  }
  return files;
}

if (require.main === module) {
  const outDir = process.argv[2] ?? path.join(process.cwd(), 'samples');
  writeSamples(outDir).then(
    (files) => process.stdout.write(`Sample workbooks: ${files.join(', ')}\n`),
    (e) => {
      process.stderr.write(`makeSample: ${(e as Error).message}\n`);
      process.exit(1);
    },
  );
}
