/**
 * A corpus of hostile-but-realistic input files, made by code (issue 11): the files managers
 * actually have — Russian Excel and 1C CSVs in Windows-1251, Excel "Unicode text" (UTF-16 with a
 * BOM), `;` files with "Выручка, руб." and decimal commas, title blocks, subtotal rows in both
 * languages, a second table stacked under the first, headers over two rows, workbooks written by
 * scripts (formulas without saved results), dates as people type them, "1,234" amounts that
 * nothing decides. Every file carries what a correct reading gives: the exact totals per client,
 * or a refusal with the message that says why.
 */
import ExcelJS from 'exceljs';
import { seededRandom } from '../../src/core/seededRandom';

export type Lang = 'en' | 'ru';

export interface Expected {
  /** Exact totals per client name (as the client cell reads, trimmed). */
  clients: Record<string, number>;
  /** Every note (English) must match one of these; each pattern must match some note. */
  notes?: RegExp[];
  /** Issue samples (English) that must be there, e.g. the subtotal rows left out. */
  issues?: RegExp[];
  /** Data rows the analysis used. */
  rowsUsed?: number;
}

export interface CorpusFile {
  /** A file name that says what the file is (and its extension). */
  name: string;
  /** The class of hostile input (for grouping tests). */
  kind: 'encoding' | 'subtotals' | 'stacked' | 'twoRowHeader' | 'formulas' | 'dates' | 'thousands';
  bytes: Buffer;
  /** Extra command-line arguments. */
  args: string[];
  /** Either the exact result or a refusal whose English message matches. */
  expect: { ok: Expected } | { refused: RegExp; refusedRu: RegExp };
}

type Row = Array<string | number | null>;

// ---- encoders (built from the platform's decoders, so no table is typed by hand) ---------------

function singleByteEncoder(encoding: 'windows-1251' | 'windows-1252'): (s: string) => Buffer {
  const dec = new TextDecoder(encoding);
  const map = new Map<string, number>();
  for (let b = 0x80; b <= 0xff; b++) map.set(dec.decode(Uint8Array.of(b)), b);
  return (s) => {
    const out = Buffer.alloc(s.length);
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c < 0x80) out[i] = c;
      else {
        const b = map.get(s[i]);
        if (b === undefined) throw new Error(`${encoding} cannot hold ${JSON.stringify(s[i])}`);
        out[i] = b;
      }
    }
    return out;
  };
}

export type Encoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1251' | 'windows-1252';

export function encode(text: string, encoding: Encoding): Buffer {
  switch (encoding) {
    case 'utf-8':
      return Buffer.from(text, 'utf8');
    case 'utf-8-bom':
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    case 'utf-16le':
      return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    case 'utf-16be':
      return Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]);
    default:
      return singleByteEncoder(encoding)(text);
  }
}

/** Rows to CSV text, quoting only where needed (as Excel does). */
export function toCsv(rows: Row[], delimiter: string, eol = '\r\n'): string {
  const field = (v: string | number | null) => {
    const s = v === null ? '' : String(v);
    return s.includes(delimiter) || s.includes('"') || s.includes('\n') || s.includes('\r') ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return rows.map((r) => r.map(field).join(delimiter)).join(eol) + eol;
}

// ---- amounts and names as each language writes them ---------------------------------------------

/** `1 234 567,89` (Russian Excel's CSV: a space or NBSP between groups, a comma decimal). */
export function ruAmount(x: number, groupSpace = ' '): string {
  const [i, f] = Math.abs(x).toFixed(2).split('.');
  const grouped = i.replace(/\B(?=(\d{3})+(?!\d))/g, groupSpace);
  return (x < 0 ? '-' : '') + grouped + ',' + f;
}

/** `1,234,567.89`. */
export function enAmount(x: number): string {
  const [i, f] = Math.abs(x).toFixed(2).split('.');
  return (x < 0 ? '-' : '') + i.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + '.' + f;
}

const NAMES: Record<Lang, string[]> = {
  ru: ['ООО «Альфа»', 'ИП Петров', 'АО «Вега»', 'ЗАО Ромашка', 'ООО Север', 'ИП Сидорова Ё.Ж.', 'ООО «Итоговая строка»', 'Всеволожский завод'],
  // "Total Oil LLC" and "Sum Systems" are clients, not total rows
  en: ['Acme Ltd', 'Bolt & Co', 'Café Müller GmbH', 'Delta Inc', 'Echo LLC', 'Total Oil LLC', 'Sum Systems', 'Grandview Ltd'],
};
const HEAD: Record<Lang, { client: string; revenue: string; manager: string; date: string; invoice: string }> = {
  ru: { client: 'Клиент', revenue: 'Выручка, руб.', manager: 'Менеджер', date: 'Дата', invoice: 'Номер счёта' },
  en: { client: 'Client', revenue: 'Revenue, USD', manager: 'Manager', date: 'Date', invoice: 'Invoice' },
};
const MANAGERS: Record<Lang, string[]> = { ru: ['Иванов И.И.', 'Смирнова А.В.', 'Кузнецов П.С.'], en: ['North', 'South', 'West'] };

/** Amounts in kopecks/cents, so expected totals are exact. */
function amounts(n: number, seed: number): number[] {
  const rnd = seededRandom(seed);
  return Array.from({ length: n }, () => Math.round((500 + rnd() * 2_000_000) * 100) / 100);
}

const money = (lang: Lang, x: number) => (lang === 'ru' ? ruAmount(x) : enAmount(x));
const round2 = (x: number) => Math.round(x * 100) / 100;

// ---- encodings, delimiters, title blocks ---------------------------------------------------------

function encodingFiles(): CorpusFile[] {
  const out: CorpusFile[] = [];
  const encs: Record<Lang, Encoding[]> = { ru: ['utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be', 'windows-1251'], en: ['utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be', 'windows-1252'] };
  let seed = 100;
  for (const lang of ['ru', 'en'] as const) {
    for (const encoding of encs[lang]) {
      for (const delimiter of [';', ',', '\t', '|']) {
        for (const title of [false, true]) {
          const names = NAMES[lang].slice(0, 6);
          const sums = amounts(names.length, seed++);
          const h = HEAD[lang];
          const rows: Row[] = [];
          if (title) rows.push(lang === 'ru' ? ['Отчёт о продажах за 2025 г., руб.'] : ['Sales report, 2025, USD'], lang === 'ru' ? ['Сформирован: 31.12.2025'] : ['Generated: Dec 31, 2025'], []);
          rows.push([h.client, h.revenue, h.manager]);
          names.forEach((n, i) => rows.push([n, money(lang, sums[i]), MANAGERS[lang][i % 3]]));
          const clients = Object.fromEntries(names.map((n, i) => [n, sums[i]]));
          const tag = { ';': 'semicolon', ',': 'comma', '\t': 'tab', '|': 'bar' }[delimiter];
          const notes = encoding.startsWith('windows') || encoding.startsWith('utf-16') ? [new RegExp(`read as ${encoding} text`)] : [];
          out.push({
            name: `encoding-${lang}-${encoding}-${tag}${title ? '-title' : ''}.csv`,
            kind: 'encoding',
            bytes: encode(toCsv(rows, delimiter), encoding),
            args: [],
            expect: { ok: { clients, notes, rowsUsed: names.length } },
          });
        }
      }
    }
  }
  return out;
}

// ---- subtotal and total rows ---------------------------------------------------------------------

const SUBTOTAL_WORDS: Record<Lang, string[]> = {
  ru: ['Итого по менеджеру Иванов', 'Всего по клиентам', 'Итого:', 'ИТОГО', 'Итог по группе', 'Общий итог'],
  en: ['Total for region North', 'Subtotal', 'Total:', 'TOTAL', 'Sub-total North', 'Grand total'],
};

/**
 * Clients in groups, each group followed by a subtotal row; a grand total at the end. `labels`:
 * worded ("Итого по менеджеру …") or structural only (the manager's name, the amount equal to
 * the sum above).
 */
async function subtotalFiles(): Promise<CorpusFile[]> {
  const out: CorpusFile[] = [];
  let seed = 300;
  for (const lang of ['ru', 'en'] as const) {
    for (const labels of ['worded', 'structural'] as const) {
      for (const format of ['csv', 'xlsx'] as const) {
        const names = NAMES[lang];
        const sums = amounts(names.length, seed++);
        const h = HEAD[lang];
        const rows: Row[] = [[h.client, h.revenue]];
        const groups = [names.slice(0, 3), names.slice(3, 5), names.slice(5)];
        let k = 0;
        let grand = 0;
        const words = SUBTOTAL_WORDS[lang];
        groups.forEach((g, gi) => {
          let sub = 0;
          for (const n of g) {
            const x = sums[k++];
            sub += x;
            rows.push([n, format === 'csv' ? money(lang, x) : x]);
          }
          sub = round2(sub);
          grand += sub;
          const label = labels === 'worded' ? words[(gi + seed) % (words.length - 1)] : MANAGERS[lang][gi];
          rows.push([label, format === 'csv' ? money(lang, sub) : sub]);
        });
        grand = round2(grand);
        rows.push([labels === 'worded' ? words[words.length - 1] : lang === 'ru' ? 'Все клиенты' : 'All clients', format === 'csv' ? money(lang, grand) : grand]);
        const clients = Object.fromEntries(names.map((n, i) => [n, sums[i]]));
        const issues = labels === 'worded' ? [/a total row, left out/] : [/a subtotal \(equals the sum of the 3 rows above it\), left out/];
        out.push({
          name: `subtotals-${lang}-${labels}.${format}`,
          kind: 'subtotals',
          bytes: format === 'csv' ? encode(toCsv(rows, lang === 'ru' ? ';' : ','), 'utf-8') : await xlsx([{ name: lang === 'ru' ? 'Продажи' : 'Sales', rows }]),
          args: [],
          expect: { ok: { clients, issues, rowsUsed: names.length } },
        });
      }
    }
  }
  return out;
}

// ---- a second table stacked under the first ------------------------------------------------------

async function stackedFiles(): Promise<CorpusFile[]> {
  const out: CorpusFile[] = [];
  let seed = 500;
  for (const lang of ['ru', 'en'] as const) {
    for (const below of ['blank-title-header', 'blank-header', 'header'] as const) {
      for (const format of ['csv', 'xlsx'] as const) {
        const names = NAMES[lang].slice(0, 5);
        const sums = amounts(names.length, seed++);
        const old = amounts(4, seed++);
        const h = HEAD[lang];
        const rows: Row[] = [[h.client, h.revenue, h.manager]];
        names.forEach((n, i) => rows.push([n, format === 'csv' ? money(lang, sums[i]) : sums[i], MANAGERS[lang][i % 3]]));
        const firstEnd = rows.length; // zero-based index of the row after the first table
        if (below !== 'header') rows.push([]);
        if (below === 'blank-title-header') rows.push([lang === 'ru' ? 'Прошлый год' : 'Last year']);
        const secondHeader = rows.length;
        rows.push([h.client, h.revenue, h.manager]);
        // the old table repeats two clients and adds others: summing it in would be wrong
        [names[0], names[1], lang === 'ru' ? 'ООО Прежний' : 'Former Ltd', lang === 'ru' ? 'ИП Ушедший' : 'Gone Inc'].forEach((n, i) => rows.push([n, format === 'csv' ? money(lang, old[i]) : old[i], MANAGERS[lang][0]]));
        const last = rows.length;
        const notes =
          below === 'header'
            ? [new RegExp(`ends above a second header row in row ${secondHeader + 1}; rows ${secondHeader + 1}–${last} \\(another table\\) were not read`)]
            : [new RegExp(`ends at the blank row ${firstEnd + 1}; rows ${firstEnd + 2}–${last} below it \\(another table\\) were not read`)];
        out.push({
          name: `stacked-${lang}-${below}.${format}`,
          kind: 'stacked',
          bytes: format === 'csv' ? encode(toCsv(rows, ';'), 'utf-8-bom') : await xlsx([{ name: lang === 'ru' ? 'Клиенты' : 'Clients', rows }]),
          args: [],
          expect: { ok: { clients: Object.fromEntries(names.map((n, i) => [n, sums[i]])), notes, rowsUsed: names.length } },
        });
      }
    }
  }
  return out;
}

// ---- headers over two rows -----------------------------------------------------------------------

const MONTHS: Record<Lang, string[]> = {
  ru: ['Январь', 'Февраль', 'Март', 'Апрель', 'Май', 'Июнь'],
  en: ['January', 'February', 'March', 'April', 'May', 'June'],
};

async function twoRowHeaderFiles(): Promise<CorpusFile[]> {
  const out: CorpusFile[] = [];
  let seed = 700;
  for (const lang of ['ru', 'en'] as const) {
    for (const variant of ['year-in-title', 'year-in-months', 'no-year'] as const) {
      for (const format of ['csv', 'xlsx'] as const) {
        const names = NAMES[lang].slice(0, 5);
        const per = names.map(() => amounts(6, seed++));
        const title = variant === 'year-in-title' ? (lang === 'ru' ? 'Выручка 2025, руб.' : 'Revenue 2025, USD') : lang === 'ru' ? 'Выручка по месяцам' : 'Revenue by month';
        const months = variant === 'year-in-months' ? MONTHS[lang].map((m) => `${m} 2025`) : MONTHS[lang];
        const upper: Row = [HEAD[lang].client, title, null, null, null, null, null];
        const lower: Row = [null, ...months];
        const rows: Row[] = [upper, lower];
        names.forEach((n, i) => rows.push([n, ...per[i].map((x) => (format === 'csv' ? money(lang, x) : x))]));
        const clients = Object.fromEntries(names.map((n, i) => [n, round2(per[i].reduce((a, b) => a + b, 0))]));
        const bytes =
          format === 'csv' ? encode(toCsv(rows, ';'), 'utf-8') : await xlsx([{ name: lang === 'ru' ? 'Помесячно' : 'Monthly', rows, merges: ['A1:A2', 'B1:G1'] }]);
        out.push({
          name: `two-row-header-${lang}-${variant}.${format}`,
          kind: 'twoRowHeader',
          bytes,
          args: ['--window-months', 'all'],
          expect:
            variant === 'no-year'
              ? { refused: /Column B in header row 2 is a month without a year/, refusedRu: /Столбец B в строке заголовков 2 — месяц без года/ }
              : { ok: { clients, notes: [/The header spans rows 1–2: the 6 month columns are read from row 2/], rowsUsed: names.length } },
        });
      }
    }
  }
  return out;
}

// ---- workbooks written by scripts: formulas without saved results --------------------------------

async function formulaFiles(): Promise<CorpusFile[]> {
  const out: CorpusFile[] = [];
  let seed = 900;
  for (const lang of ['ru', 'en'] as const) {
    for (const saved of [false, true]) {
      const names = NAMES[lang].slice(0, 5);
      const net = amounts(names.length, seed++);
      const h = HEAD[lang];
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet(lang === 'ru' ? 'Клиенты' : 'Clients');
      ws.addRow([h.client, lang === 'ru' ? 'Без НДС' : 'Net', h.revenue]);
      names.forEach((n, i) => {
        const gross = round2(net[i] * 1.2);
        // a script writes the formula; only a calculating program saves its result
        ws.addRow([n, net[i], saved ? { formula: `B${i + 2}*1.2`, result: gross } : { formula: `B${i + 2}*1.2` }]);
      });
      const clients = Object.fromEntries(names.map((n, i) => [n, round2(net[i] * 1.2)]));
      out.push({
        name: `formulas-${lang}-${saved ? 'with-results' : 'without-results'}.xlsx`,
        kind: 'formulas',
        bytes: Buffer.from(await wb.xlsx.writeBuffer()),
        args: [],
        expect: saved
          ? { ok: { clients, rowsUsed: names.length } }
          : {
              refused: new RegExp(`Column C \\("${h.revenue}"\\): 5 cells \\(first C2\\) hold formulas without saved results.*Open it in Excel`),
              refusedRu: new RegExp(`Столбец C \\(«${h.revenue}»\\): в 5 ячейках \\(первая — C2\\) формулы без сохранённых значений.*Откройте его в Excel`),
            },
      });
    }
  }
  return out;
}

// ---- dates as people type them -------------------------------------------------------------------

const RU_GEN = ['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря'];
const RU_ABBR = ['янв.', 'февр.', 'мар.', 'апр.', 'мая', 'июн.', 'июл.', 'авг.', 'сент.', 'окт.', 'нояб.', 'дек.'];
const EN_FULL = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const EN_ABBR = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (n: number) => String(n).padStart(2, '0');

/** One date in the ways people type it, per language. */
const DATE_STYLES: Record<Lang, Array<(y: number, m: number, d: number) => string>> = {
  ru: [
    (y, m, d) => `${d} ${RU_GEN[m - 1]} ${y} г.`,
    (y, m, d) => `${d} ${RU_GEN[m - 1]} ${y} года`,
    (y, m, d) => `${pad(d)} ${RU_ABBR[m - 1]} ${y}`,
    (y, m, d) => `${pad(d)}-${pad(m)}-${y}`,
    (y, m, d) => `${pad(d)}.${pad(m)}.${y}г.`,
    (y, m, d) => `${d} ${RU_GEN[m - 1].toUpperCase()} ${y}`,
  ],
  en: [
    (y, m, d) => `${d} ${EN_ABBR[m - 1]} ${y}`,
    (y, m, d) => `${EN_ABBR[m - 1]} ${d}, ${y}`,
    (y, m, d) => `${EN_FULL[m - 1]} ${d} ${y}`,
    (y, m, d) => `${pad(d)}-${EN_ABBR[m - 1]}-${String(y).slice(2)}`,
    (y, m, d) => `${pad(d)}-${pad(m)}-${y}`,
    (y, m, d) => `${d}${d % 10 === 1 && d !== 11 ? 'st' : d % 10 === 2 && d !== 12 ? 'nd' : d % 10 === 3 && d !== 13 ? 'rd' : 'th'} ${EN_FULL[m - 1]} ${y}`,
  ],
};

function dateFiles(): CorpusFile[] {
  const out: CorpusFile[] = [];
  let seed = 1100;
  for (const lang of ['ru', 'en'] as const) {
    for (const style of DATE_STYLES[lang].keys()) {
      for (const window of ['all', '1'] as const) {
        const rnd = seededRandom(seed++);
        const names = NAMES[lang].slice(0, 4);
        const h = HEAD[lang];
        const rows: Row[] = [[h.date, h.invoice, h.client, h.revenue]];
        const clients: Record<string, number> = {};
        let used = 0;
        let inv = 1000;
        // July–December 2025, the last sale on 31 December: a one-month window is December
        const days: Array<[number, number]> = [];
        for (let m = 7; m <= 12; m++) for (const d of [1, 13, 28]) days.push([m, d]);
        days.push([12, 31]);
        for (const [m, d] of days) {
          for (const n of names) {
            if (rnd() < 0.3) continue;
            const x = Math.round((100 + rnd() * 90_000) * 100) / 100;
            rows.push([DATE_STYLES[lang][style](2025, m, d), `INV-${inv++}`, n, money(lang, x)]);
            if (window === 'all' || m === 12) {
              clients[n] = round2((clients[n] ?? 0) + x);
              used++;
            }
          }
        }
        for (const n of names) rows.push([DATE_STYLES[lang][style](2025, 12, 31), `INV-${inv++}`, n, money(lang, 10)]);
        for (const n of names) clients[n] = round2((clients[n] ?? 0) + 10);
        used += names.length;
        out.push({
          name: `dates-${lang}-style${style + 1}-window-${window}.csv`,
          kind: 'dates',
          bytes: encode(toCsv(rows, lang === 'ru' ? ';' : ','), lang === 'ru' ? 'windows-1251' : 'utf-8'),
          args: ['--window-months', window],
          expect: { ok: { clients, rowsUsed: used, notes: lang === 'ru' ? [/read as windows-1251 text, fields separated by semicolons/] : [] } },
        });
      }
    }
  }
  return out;
}

// ---- whole numbers with a thousands comma that nothing decides ----------------------------------

function thousandsFiles(): CorpusFile[] {
  const out: CorpusFile[] = [];
  let seed = 1300;
  for (const lang of ['ru', 'en'] as const) {
    for (const locale of [undefined, 'en', 'ru'] as const) {
      const rnd = seededRandom(seed++);
      const names = NAMES[lang].slice(0, 6);
      const whole = names.map(() => 1000 + Math.floor(rnd() * 899_000));
      const h = HEAD[lang];
      const header = lang === 'ru' ? 'Сумма' : 'Amount';
      const rows: Row[] = [[h.client, header]];
      // "1,234" and "123,456": a group comma (English) or a decimal comma with 3 decimals (Russian)
      names.forEach((n, i) => rows.push([n, `${Math.floor(whole[i] / 1000)},${String(whole[i] % 1000).padStart(3, '0')}`]));
      const clients = Object.fromEntries(names.map((n, i) => [n, locale === 'ru' ? whole[i] / 1000 : whole[i]]));
      out.push({
        name: `thousands-${lang}-${locale ?? 'undecided'}.csv`,
        kind: 'thousands',
        bytes: encode(toCsv(rows, ';'), 'utf-8'),
        args: locale ? ['--number-locale', locale] : [],
        expect: locale
          ? { ok: { clients, rowsUsed: names.length } }
          : {
              refused: new RegExp(`Column B \\("${header}"\\): 6 amounts such as "\\d+,\\d{3}" read as \\d+ \\(English format\\) or [\\d.]+ \\(Russian format\\).*--number-locale en or --number-locale ru`),
              refusedRu: new RegExp(`Столбец B \\(«${header}»\\): 6 сумм вроде «\\d+,\\d{3}».*--number-locale ru или --number-locale en`),
            },
      });
    }
  }
  return out;
}

// ---- xlsx helper ---------------------------------------------------------------------------------

async function xlsx(sheets: Array<{ name: string; rows: Row[]; merges?: string[] }>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    s.rows.forEach((r, i) => {
      r.forEach((v, c) => {
        if (v !== null && v !== '') ws.getCell(i + 1, c + 1).value = v;
      });
    });
    for (const m of s.merges ?? []) ws.mergeCells(m);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The whole corpus, deterministic (seeded). */
export async function hostileCorpus(): Promise<CorpusFile[]> {
  return [...encodingFiles(), ...(await subtotalFiles()), ...(await stackedFiles()), ...(await twoRowHeaderFiles()), ...(await formulaFiles()), ...dateFiles(), ...thousandsFiles()];
}
