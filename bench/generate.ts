/**
 * Input files for `npm run bench`, made by code (deterministic: the same seed gives the same
 * bytes) and cached under bench/.cache/ (gitignored): a file is made once and reused while its
 * name (generator version, rows, columns) is the same.
 *
 * - `transactionCsv`: a transaction log as a Russian Excel saves it ("CSV (разделители — точка с
 *   запятой)"): `;` between fields, decimal comma, dd.mm.yyyy dates, Cyrillic client names; or
 *   the English form (`,`, decimal point, ISO dates). Invoices of 1–9 lines, Zipf-like clients,
 *   2% returns (negative amounts). `newClientEveryRow`: the worst case, a new client on each row.
 * - `transactionXlsx`: the same log as an .xlsx written the way Excel saves it: shared strings,
 *   a styles part with a date format on the date column and a number format on money, written
 *   with ExcelJS's streaming WorkbookWriter (memory stays flat while writing a full sheet).
 */
import { createWriteStream, existsSync, mkdirSync, promises as fs } from 'fs';
import * as path from 'path';
import { seededRandom } from '../src/core';

export const CACHE = path.join(process.cwd(), 'bench', '.cache');
const VERSION = 1;

export interface LogOptions {
  rows: number;
  clients: number;
  seed: number;
  newClientEveryRow?: boolean;
}

export interface LogRow {
  /** Days since 1970-01-01. */
  day: number;
  invoice: string;
  client: string;
  amount: number;
}

/** The rows of a deterministic transaction log, in chunks (never the whole log in memory). */
export function* logRows(o: LogOptions): Generator<LogRow> {
  const rnd = seededRandom(o.seed);
  const start = 19723; // 2024-01-01
  let r = 0;
  let invoice = 100000;
  while (r < o.rows) {
    const c = Math.floor(o.clients * Math.pow(rnd(), 1.6));
    const lines = o.newClientEveryRow ? 1 : 1 + Math.floor(rnd() * 9);
    const day = start + Math.floor(rnd() * 730);
    const inv = 'INV-' + invoice++;
    for (let k = 0; k < lines && r < o.rows; k++, r++) {
      const cents = Math.round(Math.exp(1 + 2 * rnd() + 1.5 * rnd()) * 100);
      const amount = (rnd() < 0.02 ? -cents : cents) / 100;
      const client = o.newClientEveryRow ? `Клиент ${String(r + 1).padStart(8, '0')}` : `ООО «Клиент ${String(c).padStart(6, '0')}»`;
      yield { day, invoice: inv, client, amount };
    }
  }
}

const pad2 = (n: number) => (n < 10 ? '0' : '') + n;
function dayParts(day: number): [number, number, number] {
  const d = new Date(day * 86400000);
  return [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
}

function ensureCache(): void {
  if (!existsSync(CACHE)) mkdirSync(CACHE, { recursive: true });
}

async function writeLines(file: string, header: string, lines: Iterable<string>): Promise<void> {
  const tmp = `${file}.${process.pid}.tmp`;
  const out = createWriteStream(tmp);
  const write = (s: string) => (out.write(s) ? Promise.resolve() : new Promise<void>((res) => out.once('drain', () => res())));
  await write(header + '\r\n');
  let chunk: string[] = [];
  for (const l of lines) {
    chunk.push(l);
    if (chunk.length === 20000) {
      await write(chunk.join('\r\n') + '\r\n');
      chunk = [];
    }
  }
  if (chunk.length) await write(chunk.join('\r\n') + '\r\n');
  await new Promise<void>((res, rej) => out.end((e?: Error | null) => (e ? rej(e) : res())));
  await fs.rename(tmp, file);
}

/** A CSV transaction log (Russian form by default); returns its path, made once. */
export async function transactionCsv(o: LogOptions & { format: 'ru' | 'en' }): Promise<string> {
  ensureCache();
  const file = path.join(CACHE, `log-v${VERSION}-${o.format}-${o.rows}r-${o.clients}c-s${o.seed}${o.newClientEveryRow ? '-worst' : ''}.csv`);
  if (existsSync(file)) return file;
  const ru = o.format === 'ru';
  const header = ru ? 'Дата;Счёт;Клиент;Сумма' : 'Date,Invoice,Client,Amount';
  function* lines(): Generator<string> {
    for (const r of logRows(o)) {
      const [y, m, d] = dayParts(r.day);
      if (ru) yield `${pad2(d)}.${pad2(m)}.${y};${r.invoice};${r.client};${r.amount.toFixed(2).replace('.', ',')}`;
      else yield `${y}-${pad2(m)}-${pad2(d)},${r.invoice},"${r.client.replace(/"/g, '""')}",${r.amount.toFixed(2)}`;
    }
  }
  await writeLines(file, header, lines());
  return file;
}

const MANAGERS = ['Иванова А.', 'Петров Б.', 'Сидорова В.', 'Smith J.', 'Kuznetsov D.'];
const REGIONS = ['Москва', 'Санкт-Петербург', 'Казань', 'Новосибирск', 'Екатеринбург', 'Самара'];
const PRODUCTS = ['Бумага A4', 'Картридж', 'Степлер', 'Папка', 'Ручки (10 шт.)', 'Маркер', 'Скрепки', 'Калькулятор'];
const CHANNELS = ['Сайт', 'Телефон', 'Менеджер', 'Маркетплейс'];

/**
 * A transaction log as an .xlsx (sheet "Продажи"), 3 columns (Date, Client, Amount) or 12
 * (Date, Invoice, Client, Amount, Manager, Region, Product, Quantity, Price, Channel, Currency,
 * Comment). Shared strings and styles as Excel saves them. Returns its path, made once.
 */
export async function transactionXlsx(o: LogOptions & { columns: 3 | 12 }): Promise<string> {
  ensureCache();
  const file = path.join(CACHE, `log-v${VERSION}-${o.columns}col-${o.rows}r-${o.clients}c-s${o.seed}.xlsx`);
  if (existsSync(file)) return file;
  const { default: Excel } = await import('exceljs');
  const tmp = `${file}.${process.pid}.tmp.xlsx`;
  const wb = new Excel.stream.xlsx.WorkbookWriter({ filename: tmp, useSharedStrings: true, useStyles: true });
  const ws = wb.addWorksheet('Продажи');
  const date = { numFmt: 'dd.mm.yyyy' };
  const money = { numFmt: '#,##0.00' };
  if (o.columns === 3) {
    ws.columns = [
      { header: 'Дата', key: 'd', width: 12, style: date },
      { header: 'Клиент', key: 'c', width: 30 },
      { header: 'Сумма', key: 'a', width: 14, style: money },
    ];
  } else {
    ws.columns = [
      { header: 'Дата', key: 'd', width: 12, style: date },
      { header: 'Счёт', key: 'i', width: 12 },
      { header: 'Клиент', key: 'c', width: 30 },
      { header: 'Сумма', key: 'a', width: 14, style: money },
      { header: 'Менеджер', key: 'm', width: 16 },
      { header: 'Регион', key: 'r', width: 16 },
      { header: 'Товар', key: 'p', width: 16 },
      { header: 'Кол-во', key: 'q', width: 8 },
      { header: 'Цена', key: 'u', width: 12, style: money },
      { header: 'Канал', key: 'ch', width: 12 },
      { header: 'Валюта', key: 'cu', width: 8 },
      { header: 'Комментарий', key: 'n', width: 24 },
    ];
  }
  let i = 0;
  for (const r of logRows(o)) {
    const d = new Date(r.day * 86400000);
    if (o.columns === 3) ws.addRow([d, r.client, r.amount]).commit();
    else {
      const q = 1 + (i % 7);
      ws.addRow([d, r.invoice, r.client, r.amount, MANAGERS[i % 5], REGIONS[(i >> 3) % 6], PRODUCTS[(i * 7) % 8], q, Math.round((r.amount / q) * 100) / 100, CHANNELS[i % 4], 'RUB', i % 50 === 0 ? 'срочно' : null]).commit();
    }
    i++;
  }
  await ws.commit();
  await wb.commit();
  await fs.rename(tmp, file);
  return file;
}
