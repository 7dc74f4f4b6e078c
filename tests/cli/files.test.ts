/**
 * Real files from real offices, made by code (tests/corpus/xlsx/hostileXlsx): packages ExcelJS
 * cannot read as they are, workbooks whose round trip would lose something, user columns and
 * sheets named like ours, tables, ragged CSV rows, huge names, escape sequences, password-
 * protected files, the same file under another name, a killed run's temporary file — in the
 * command line and in the workbench's "Open" (modelFromXlsx), English and Russian.
 */
import { promises as fs, existsSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { cli } from '../helpers';
import { worksheetGrid } from '../../src/cli/readInput';
import { Feature, lostFeatures, normaliseXlsx, packageFeatures, resolveTarget } from '../../src/cli/xlsxPackage';
import { forTerminal } from '../../src/cli/terminal';
import { tempName } from '../../src/cli/safeWrite';
import { modelFromXlsx } from '../../src/workbench/standin/xlsxModel';
import { CellValue } from '../../src/core';
import { clientRows, encryptedWorkbook, HEADERS, HostileOptions, hostileXlsx, Lang, legacyXlsWorkbook, NUMBER_FORMATS } from '../corpus/xlsx/hostileXlsx';

let tmp: string;
beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'client-tiers-files-'));
});
afterAll(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

const LANGS: Lang[] = ['en', 'ru'];
const SHEET: Record<Lang, string> = { en: 'Clients', ru: 'Клиенты' };
const total = (lang: Lang, n = 12) => clientRows(lang, n).reduce((s, r) => s + r[1], 0);

async function write(name: string, bytes: Uint8Array): Promise<string> {
  const file = path.join(tmp, name);
  await fs.writeFile(file, bytes);
  return file;
}

async function load(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await fs.readFile(file)) as unknown as ArrayBuffer);
  return wb;
}

/** The features ExcelJS can read and write back as they were. */
const KEPT: HostileOptions = { table: true, comments: true, image: true, unlockedCells: true, sheetProtection: true, printTitles: true, printAreaAndFilter: true };
/** Each feature a round trip through ExcelJS loses or changes, and how the refusal names it. */
const LOSSY: Array<[string, HostileOptions, RegExp, RegExp]> = [
  ['a chart', { chart: true }, /a part the copy would not keep: chart/, /часть книги, которую копия не сохранит: chart/],
  ['custom document properties', { customProps: true }, /custom document properties/, /настраиваемые свойства документа/],
  ['defined names holding a constant and a formula', { definedNames: true }, /a defined name: VatRate = 0\.2\n- a defined name: TopAmount = MAX\(/, /имя \(диспетчер имён\): VatRate = 0\.2/],
  ['a name scoped to a sheet (would become global)', { localName: true }, /a defined name: \S+!Best = \S+!\$A\$2/, /имя \(диспетчер имён\): \S+!Best/],
  ['workbook protection', { workbookProtection: true }, /- workbook protection/, /- защита книги/],
  ['number formats with escapes', { escapedFormats: true }, /a number format with escapes: \S+!B2 0\\%\n.*B3 #,##0\\,/, /числовой формат с экранированием/],
  ['data validations (duplicated)', { validations: true }, /a data validation \(lost or duplicated\)/, /проверка данных/],
];

describe('read: packages ExcelJS cannot read as they are (CLI and workbench Open)', () => {
  const cases: Array<[string, HostileOptions]> = [
    ['openpyxl: absolute part paths, a table', { flavour: 'openpyxl', table: true }],
    ['openpyxl: comments', { flavour: 'openpyxl', comments: true }],
    ['openpyxl: an image and a chart', { flavour: 'openpyxl', image: true, chart: true }],
    ['openpyxl: everything', { flavour: 'openpyxl', table: true, comments: true, image: true, chart: true, validations: true, definedNames: true }],
    ['LibreOffice: a table without tableStyleInfo', { flavour: 'libreoffice', table: true, tableStyleInfo: false }],
    ['LibreOffice: table, comments, image, chart', { flavour: 'libreoffice', table: true, tableStyleInfo: false, comments: true, image: true, chart: true }],
  ];
  for (const lang of LANGS)
    for (const [what, o] of cases)
      test(`${lang}: ${what}`, async () => {
        const bytes = hostileXlsx({ ...o, lang });
        // ExcelJS alone fails on the openpyxl ones (that is the point of the corpus)
        const file = await write(`read-${lang}-${what.replace(/\W+/g, '-')}.xlsx`, bytes);
        const r = await cli(['analyze', file, '--json']);
        expect(r.err).toBe('');
        expect(r.code).toBe(0);
        const j = JSON.parse(r.out);
        expect(j.sheet).toBe(SHEET[lang]);
        expect(j.clients).toBe(12);
        expect(j.total).toBeCloseTo(total(lang), 2);
        // the workbench's Open: the same values in the model
        const model = await modelFromXlsx(bytes, 'x.xlsx');
        const sheet = model.sheets[0];
        expect(sheet.name).toBe(SHEET[lang]);
        expect(sheet.getValue(0, 0)).toBe(HEADERS[lang][0]);
        expect(sheet.getValue(1, 0)).toBe(clientRows(lang, 12)[0][0]);
        expect(sheet.getValue(12, 1)).toBe(clientRows(lang, 12)[11][1]);
        if (o.table) expect(sheet.tables.length).toBe(1);
      });

  test('ExcelJS alone fails on absolute targets; normalising makes them relative and adds table style info and the header row count', async () => {
    const bytes = hostileXlsx({ flavour: 'openpyxl', table: true, comments: true });
    await expect(new ExcelJS.Workbook().xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer)).rejects.toThrow();
    const n = normaliseXlsx(bytes, 'x.xlsx');
    const parts = unzipSync(n.bytes);
    expect(strFromU8(parts['xl/worksheets/_rels/sheet1.xml.rels'])).toContain('Target="../tables/table1.xml"');
    expect(strFromU8(parts['xl/_rels/workbook.xml.rels'])).toContain('Target="worksheets/sheet1.xml"');
    expect(strFromU8(parts['_rels/.rels'])).toContain('Target="xl/workbook.xml"');
    // a LibreOffice table without tableStyleInfo: ExcelJS reads it, then fails writing it ("reading 'theme'")
    const loBytes = hostileXlsx({ flavour: 'libreoffice', table: true, tableStyleInfo: false });
    const raw = new ExcelJS.Workbook();
    await raw.xlsx.load(Buffer.from(loBytes) as unknown as ArrayBuffer);
    await expect(raw.xlsx.writeBuffer()).rejects.toThrow(/theme/);
    const lo = unzipSync(normaliseXlsx(loBytes, 'x.xlsx').bytes);
    const table = strFromU8(lo['xl/tables/table1.xml']);
    expect(table).toMatch(/<tableStyleInfo showFirstColumn="0"[^>]*\/><\/table>$/);
    expect(table).toMatch(/<table [^>]*headerRowCount="1"/);
    // a package that needs nothing is passed through as it is
    const plain = hostileXlsx({ flavour: 'libreoffice' });
    expect(normaliseXlsx(plain, 'x.xlsx')).toEqual({ bytes: plain, fixed: [] });
  });

  test('targets are resolved as ECMA-376 Part 2 says', () => {
    expect(resolveTarget('xl/worksheets/sheet1.xml', '../tables/table1.xml')).toBe('xl/tables/table1.xml');
    expect(resolveTarget('xl/worksheets/sheet1.xml', '/xl/tables/table1.xml')).toBe('xl/tables/table1.xml');
    expect(resolveTarget('xl/workbook.xml', 'worksheets/sheet1.xml')).toBe('xl/worksheets/sheet1.xml');
    expect(resolveTarget('', 'xl/workbook.xml')).toBe('xl/workbook.xml');
    expect(resolveTarget('xl/workbook.xml', '..\\docProps\\app.xml')).toBe('docProps/app.xml');
  });

  test('a password-protected workbook and an .xls under an .xlsx name are named, in both languages', async () => {
    const enc = await write('secret.xlsx', encryptedWorkbook());
    const en = await cli(['analyze', enc]);
    expect(en.code).toBe(1);
    expect(en.err).toBe('client-tiers: secret.xlsx is password-protected. Open it in Excel, remove the password (File → Info → Protect Workbook → Encrypt with Password) and save a copy, then try the copy.\n');
    const ru = await cli(['analyze', enc, '--lang', 'ru']);
    expect(ru.err).toMatch(/^client-tiers: Файл secret\.xlsx защищён паролем/);
    expect(en.err).not.toMatch(/zip|jszip|github|http/i);
    const xls = await write('old-in-disguise.xlsx', legacyXlsWorkbook());
    const old = await cli(['analyze', xls]);
    expect(old.code).toBe(1);
    expect(old.err).toContain('old-in-disguise.xlsx is an old Excel 97–2003 workbook (.xls)');
    await expect(modelFromXlsx(encryptedWorkbook(), 'secret.xlsx')).rejects.toThrow('secret.xlsx is password-protected');
  });
});

/** Everything of a sheet a user sees: value, formula, number format, font, fill, protection, per cell. */
function cellsOf(ws: ExcelJS.Worksheet, skipCols: Set<number>): Map<string, string> {
  const out = new Map<string, string>();
  ws.eachRow({ includeEmpty: true }, (row) =>
    row.eachCell({ includeEmpty: true }, (cell, c) => {
      if (skipCols.has(c - 1)) return;
      out.set(cell.address, JSON.stringify({ v: cell.value, f: cell.formula, n: cell.numFmt, font: cell.font, fill: cell.fill, p: cell.protection, a: cell.alignment }));
    }),
  );
  return out;
}

describe('apply: nothing of the workbook lost', () => {
  for (const lang of LANGS)
    test(`${lang}: whole-workbook diff — every sheet, value, formula, style, number format, name, validation and protection kept`, async () => {
      // English with the client range as a table, Russian with an AutoFilter over a plain range
      const input = await write(`keep-${lang}.xlsx`, hostileXlsx({ ...KEPT, table: lang === 'en', lang, flavour: 'libreoffice', userSheet: lang === 'ru' ? 'Заметки' : 'Notes' }));
      const out = path.join(tmp, `keep-${lang}-out.xlsx`);
      const r = await cli(['apply', input, '--out', out]);
      expect(r.err).toBe('');
      expect(r.code).toBe(0);
      const before = await load(input);
      const after = await load(out);
      const summary = lang === 'ru' ? 'Сводка уровней' : 'Tier summary';
      // the new sheets: the Tier history (every client's decision of this review, issue 12) and the summary
      const history = lang === 'ru' ? 'История уровней' : 'Tier history';
      expect(after.worksheets.map((w) => w.name)).toEqual([...before.worksheets.map((w) => w.name), history, summary]);
      // the result columns are the only new cells of the data sheet: D..I
      const resultCols = new Set([3, 4, 5, 6, 7, 8]);
      for (const ws of before.worksheets) {
        const a = cellsOf(ws, new Set());
        const b = cellsOf(after.getWorksheet(ws.name)!, resultCols);
        for (const [address, v] of a) expect([ws.name, address, b.get(address)]).toEqual([ws.name, address, v]);
        expect((after.getWorksheet(ws.name) as unknown as { sheetProtection?: unknown }).sheetProtection).toEqual((ws as unknown as { sheetProtection?: unknown }).sheetProtection);
      }
      // names, validations, protection, parts, comments, images: the package's features are the same
      const pa = unzipSync(new Uint8Array(await fs.readFile(input)));
      const pb = unzipSync(new Uint8Array(await fs.readFile(out)));
      expect(lostFeatures(pa, pb)).toEqual([]);
      const sorted = (fs: Feature[]) => fs.map((f) => `${f.kind}|${f.detail}`).sort();
      expect(sorted(packageFeatures(pb).filter((f) => f.kind !== 'definedName' || !f.detail.startsWith('ClientTiers_')))).toEqual(sorted(packageFeatures(pa)));
      expect(after.getWorksheet(SHEET[lang])!.getCell('B2').note).toBeDefined();
      expect(after.getWorksheet(SHEET[lang])!.getImages().length).toBe(1);
      expect(after.getWorksheet(SHEET[lang])!.pageSetup.printTitlesRow).toBe('1:1');
      // the AutoFilter grows over the results, as a table does (a sort keeps each row together)
      if (lang === 'ru') expect([before.getWorksheet(SHEET[lang])!.autoFilter, after.getWorksheet(SHEET[lang])!.autoFilter]).toEqual(['A1:C13', 'A1:I13']);
      expect(after.getWorksheet(SHEET[lang])!.pageSetup.printArea).toMatch(/^\$?A\$?1:\$?I\$?13$|^\$?A\$?1:\$?C\$?13$/);
    });

  for (const [what, o, en, ru] of LOSSY)
    test(`${what}: refused with the list (en, ru), nothing written; --force writes and says what was lost`, async () => {
      for (const lang of LANGS) {
        const input = await write(`lossy-${lang}-${what.replace(/\W+/g, '-')}.xlsx`, hostileXlsx({ ...o, lang }));
        const out = path.join(tmp, `lossy-${lang}-${what.replace(/\W+/g, '-')}-out.xlsx`);
        const r = await cli(['apply', input, '--out', out]);
        expect(r.code).toBe(1);
        expect(r.err).toMatch(lang === 'en' ? en : ru);
        expect(r.err).toContain(lang === 'en' ? 'Nothing was written. Run again with --force' : 'Ничего не записано. Запустите снова с --force');
        expect(existsSync(out)).toBe(false);
        expect((await fs.readdir(tmp)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
        const forced = await cli(['apply', input, '--out', out, '--force']);
        expect(forced.code).toBe(0);
        expect(forced.err).toMatch(lang === 'en' ? en : ru);
        expect(forced.err).toContain(lang === 'en' ? '--force: the copy was written without' : '--force: копия записана без');
        expect(existsSync(out)).toBe(true);
      }
    });

  test('the escaped formats really are what ExcelJS changes (0\\% → 0%, #,##0\\, → #,##0,)', async () => {
    const file = await write('escapes.xlsx', hostileXlsx({ escapedFormats: true, flavour: 'libreoffice' }));
    const wb = await load(file);
    const round = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    const lost = lostFeatures(unzipSync(new Uint8Array(await fs.readFile(file))), unzipSync(round));
    expect(lost.filter((f) => f.kind === 'numberFormat').map((f) => f.detail.split(' ')[1])).toEqual(expect.arrayContaining([NUMBER_FORMATS.percent, NUMBER_FORMATS.thousands]));
  });
});

describe("apply: a user's own columns and sheets are never replaced without --overwrite", () => {
  for (const lang of LANGS)
    test(`${lang}: "ABC"/"Причина" columns and a sheet named like ours are kept; ours get new names; a second apply updates ours in place`, async () => {
      const reason = lang === 'ru' ? 'Причина' : 'Reason';
      const summary = lang === 'ru' ? 'Сводка уровней' : 'Tier summary';
      const input = await write(`mine-${lang}.xlsx`, hostileXlsx({ lang, flavour: 'libreoffice', userColumns: ['ABC', reason], userSheet: summary }));
      const out = path.join(tmp, `mine-${lang}-out.xlsx`);
      const r = await cli(['apply', input, '--out', out]);
      expect(r.code).toBe(0);
      expect(r.err).toContain(lang === 'en' ? 'Note: The sheet already has a column "ABC" that Client Tiers did not write; it is kept, the results went to "ABC (2)"' : 'Примечание: На листе уже есть столбец «ABC», записанный не Client Tiers; он сохранён, результаты записаны в «ABC (2)»');
      expect(r.err).toContain(lang === 'en' ? `a sheet "${summary}" that Client Tiers did not write; it is kept, the new sheet is "${summary} (2)"` : `лист «${summary}», созданный не Client Tiers; он сохранён, новый лист — «${summary} (2)»`);
      const wb = await load(out);
      const g = worksheetGrid(wb.getWorksheet(SHEET[lang])!);
      const headers = g[0];
      expect(headers.slice(0, 5)).toEqual([...HEADERS[lang], 'ABC', reason]);
      expect(headers.slice(5)).toEqual(lang === 'ru' ? ['Уровень', 'ABC (2)', 'Статус пересмотра', 'Причина (2)', 'Пересмотров ниже', 'Следующий пересмотр'] : ['Tier', 'ABC (2)', 'Tier status', 'Reason (2)', 'Reviews below', 'Next review']);
      // the user's cells are untouched
      expect(g[1][3]).toBe(lang === 'ru' ? 'моё 1.2' : 'mine 1.2');
      expect(g[1][4]).toBe(lang === 'ru' ? 'моё 2.2' : 'mine 2.2');
      expect(g[1][5]).toBe('VIP');
      expect(worksheetGrid(wb.getWorksheet(summary)!)[0]).toEqual([lang === 'ru' ? 'Мои заметки' : 'My notes', 42]);
      expect(wb.getWorksheet(`${summary} (2)`)).toBeDefined();
      // the next apply recognises what it wrote: same columns, same sheet, no "(3)"
      const out2 = path.join(tmp, `mine-${lang}-out2.xlsx`);
      const r2 = await cli(['apply', out, '--out', out2]);
      expect(r2.code).toBe(0);
      expect(r2.err).toBe('');
      const wb2 = await load(out2);
      expect(worksheetGrid(wb2.getWorksheet(SHEET[lang])!)[0]).toEqual(headers);
      expect(wb2.worksheets.map((w) => w.name)).toEqual(wb.worksheets.map((w) => w.name));
      // --overwrite: stated explicitly, the user's columns and sheet are replaced
      const out3 = path.join(tmp, `mine-${lang}-out3.xlsx`);
      expect((await cli(['apply', input, '--out', out3, '--overwrite'])).code).toBe(0);
      const wb3 = await load(out3);
      const g3 = worksheetGrid(wb3.getWorksheet(SHEET[lang])!);
      expect(g3[0][3]).toBe('ABC');
      expect(['A', 'B', 'C']).toContain(g3[1][3]);
      expect(wb3.worksheets.map((w) => w.name)).toEqual([SHEET[lang], lang === 'ru' ? 'История уровней' : 'Tier history', summary]);
      expect(worksheetGrid(wb3.getWorksheet(summary)!)[0][0]).toBe(lang === 'ru' ? 'Уровни клиентов — сводка' : 'Client Tiers — summary');
    });

  test('a transaction log beside a user sheet called "Client tiers": ours is "Client tiers (2)", and the next review reads ours', async () => {
    const wb = await load(path.join(__dirname, '..', '..', 'samples', 'clients-en.xlsx'));
    wb.addWorksheet('Client tiers').addRow(['Client', 'Tier']).commit();
    wb.getWorksheet('Client tiers')!.addRow(['Somebody', 'VIP']);
    const input = path.join(tmp, 'log-mine.xlsx');
    await wb.xlsx.writeFile(input);
    const out = path.join(tmp, 'log-mine-out.xlsx');
    const r = await cli(['apply', input, '--sheet', 'Sales', '--out', out]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('rows with tiers in sheet "Client tiers (2)"');
    const first = await load(out);
    expect(worksheetGrid(first.getWorksheet('Client tiers')!)).toEqual([['Client', 'Tier'], ['Somebody', 'VIP']]);
    expect(worksheetGrid(first.getWorksheet('Client tiers (2)')!).slice(1).every((row) => row[9] === 'New')).toBe(true);
    const out2 = path.join(tmp, 'log-mine-out2.xlsx');
    expect((await cli(['apply', out, '--sheet', 'Sales', '--out', out2])).code).toBe(0);
    const second = await load(out2);
    expect(second.worksheets.map((w) => w.name)).toEqual(first.worksheets.map((w) => w.name));
    // the same review period: that period's decision again (issue 12), not a second review
    expect(worksheetGrid(second.getWorksheet('Client tiers (2)')!).slice(1).every((row) => row[9] === 'New')).toBe(true);
    // a review dated a period later reads ours (and the Tier history): the clients keep their tiers
    const out3 = path.join(tmp, 'log-mine-out3.xlsx');
    expect((await cli(['apply', out2, '--sheet', 'Sales', '--review-date', '2099-07-01', '--out', out3])).code).toBe(0);
    const third = await load(out3);
    expect(third.worksheets.map((w) => w.name)).toEqual(first.worksheets.map((w) => w.name));
    expect(worksheetGrid(third.getWorksheet('Client tiers (2)')!).slice(1).every((row) => row[9] === 'Keep')).toBe(true);
  });

  test('results beside an Excel table: the table grows over them (a later sort in Excel keeps rows together)', async () => {
    for (const lang of LANGS) {
      const input = await write(`table-${lang}.xlsx`, hostileXlsx({ lang, flavour: 'openpyxl', table: true }));
      const out = path.join(tmp, `table-${lang}-out.xlsx`);
      expect((await cli(['apply', input, '--out', out])).code).toBe(0);
      const table = strFromU8(unzipSync(new Uint8Array(await fs.readFile(out)))['xl/tables/table1.xml']);
      expect(table).toMatch(/<table [^>]*ref="A1:I13"/);
      expect(table).toContain('<autoFilter ref="A1:I13"');
      expect(table).toMatch(/headerRowCount="1"/);
      expect((table.match(/<tableColumn /g) ?? []).length).toBe(9);
      expect(table).toContain(`name="${lang === 'ru' ? 'Следующий пересмотр' : 'Next review'}"`);
      const model = await modelFromXlsx(new Uint8Array(await fs.readFile(out)));
      expect(model.sheets[0].tables[0].rect).toEqual({ r0: 0, c0: 0, r1: 12, c1: 8 });
    }
  });
});

describe('apply: CSV', () => {
  test('ragged rows: results stay under their headers', async () => {
    const file = path.join(tmp, 'ragged.csv');
    // a row with an extra trailing field, one with a missing field, one with blank trailing fields
    await fs.writeFile(file, 'Клиент;Выручка;Менеджер\nООО Альфа;1 000 000;Иванова;лишнее;ещё\nИП Петров;500 000\nАО Вега;250 000;Смирнов;;;\n');
    const out = path.join(tmp, 'ragged.xlsx');
    const r = await cli(['apply', file, '--out', out]);
    expect(r.code).toBe(0);
    const g = worksheetGrid((await load(out)).getWorksheet('ragged')!);
    const at = g[0].indexOf('Уровень');
    expect(at).toBe(5);
    expect(g[0].slice(at, at + 2)).toEqual(['Уровень', 'ABC']);
    for (const row of g.slice(1)) {
      // a Russian file's default tiers are named in Russian (issue 12)
      expect(['VIP', 'Ключевой', 'Базовый']).toContain(row[at]);
      expect(['A', 'B', 'C']).toContain(row[at + 1]);
    }
    expect(g[1].slice(3, 5)).toEqual(['лишнее', 'ещё']);
  });

  test('a name longer than a cell holds (32,767) is cut with a note; a data sheet named like ours gets ours renamed', async () => {
    const file = path.join(tmp, 'Tier summary.csv');
    const huge = 'Acme '.repeat(8000) + 'Ltd';
    await fs.writeFile(file, `Client,Revenue\n"${huge}",1000\nGlobex,300\n`);
    const out = path.join(tmp, 'huge.xlsx');
    const r = await cli(['apply', file, '--out', out]);
    expect(r.code).toBe(0);
    expect(r.err).toBe(`Note: A2: the client name is ${huge.length} characters long, more than an Excel cell holds (32,767); it was written cut short.\n`);
    const wb = await load(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Tier summary', 'Tier history', 'Tier summary (2)']);
    expect(String(worksheetGrid(wb.getWorksheet('Tier summary')!)[1][0]).length).toBe(32767);
  });
});

describe('no crash', () => {
  test('apply on a client-per-row sheet of 131,000 rows (no spread over rows)', async () => {
    const file = await write('big.xlsx', hostileXlsx({ lang: 'ru', rows: 131_000, flavour: 'libreoffice' }));
    const out = path.join(tmp, 'big-out.xlsx');
    const r = await cli(['apply', file, '--out', out]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain('131000 строк с уровнями');
  }, 240_000);

  test('control characters and escape sequences never reach the terminal', async () => {
    expect(forTerminal('\x1b[2J\x1b[31mEvil\x1b[0m\x07 Ltd\r\n\x1b]8;;http://x\x07link\x1b]8;;\x07\u202eabc\x9b1m\ttab')).toBe('Evil Ltd\nlink' + 'abc\ttab');
    const file = path.join(tmp, 'ansi.csv');
    await fs.writeFile(file, 'Client,Revenue\n"\x1b[2JAcme\x07",100\n"\x1b[2JAcme\x07",50\nGlobex,"\x1b[31m12 apples"\nInitech,30\n');
    for (const args of [['analyze', file], ['analyze', file, '--json'], ['apply', file, '--out', path.join(tmp, 'ansi.xlsx')]]) {
      const r = await cli(args);
      expect(r.code).toBe(0);
      // eslint-disable-next-line no-control-regex
      expect(r.out + r.err).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f-\x9f]/);
    }
    const shown = (await cli(['analyze', file])).out;
    expect(shown).toContain('("Acme")');
    expect(shown).toContain('B4: "\\u001b[31m12 apples" — not a number');
  });

  test('--out naming the input under another spelling (a link, letter case on a case-insensitive disk) is refused', async () => {
    const input = await write('Same.xlsx', hostileXlsx({ flavour: 'libreoffice' }));
    const alias = path.join(tmp, 'same.xlsx');
    await fs.link(input, alias).catch(async () => undefined); // on a case-insensitive disk this is the same name
    const r = await cli(['apply', input, '--out', alias]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('--out names the input file');
    const viaDot = await cli(['apply', input, '--out', path.join(tmp, '.', 'sub', '..', 'Same.xlsx')]);
    expect(viaDot.code).toBe(2);
  });

  test("a killed apply's temporary file is removed by the next run", async () => {
    const out = path.join(tmp, 'after-kill.xlsx');
    // a pid above Linux's pid_max (2^22) never runs
    const stale = tempName(out, 4_194_399);
    await fs.writeFile(stale, '');
    const older = path.join(tmp, '.after-kill.xlsx.4194398.tmp');
    await fs.writeFile(older, '');
    const someoneElse = path.join(tmp, '.notes.txt.4194398.tmp');
    await fs.writeFile(someoneElse, '');
    const input = await write('kill-in.xlsx', hostileXlsx({ flavour: 'libreoffice' }));
    expect((await cli(['apply', input, '--out', out])).code).toBe(0);
    expect(existsSync(stale)).toBe(false);
    expect(existsSync(older)).toBe(false);
    expect(existsSync(someoneElse)).toBe(true);
    expect(existsSync(out)).toBe(true);
  });
});

describe('grid helper', () => {
  test('cells come back as plain values', async () => {
    const wb = await load(await write('g.xlsx', hostileXlsx({ flavour: 'libreoffice' })));
    const g: CellValue[][] = worksheetGrid(wb.worksheets[0]);
    expect(g[0]).toEqual([...HEADERS.en]);
  });
});
