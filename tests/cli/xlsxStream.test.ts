import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { strToU8, zipSync } from 'fflate';
import { cli, ROOT } from '../helpers';
import { worksheetGrid } from '../../src/cli/readInput';
import { isDateFormatCode, readXlsxGrids } from '../../src/cli/xlsxStream';
import { CellValue, seededRandom } from '../../src/core';

/**
 * The streamed .xlsx reader (analyze) must give exactly the grid the ExcelJS reader gives
 * (apply, and before issue 17 analyze too): same values, same types, same row lengths.
 */

async function exceljsGrids(buf: Uint8Array): Promise<Array<{ name: string; grid: CellValue[][] }>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  return wb.worksheets.map((ws) => ({ name: ws.name, grid: worksheetGrid(ws) }));
}

async function expectSameAsExcelJS(buf: Uint8Array): Promise<Array<{ name: string; grid: CellValue[][] }>> {
  const streamed = await readXlsxGrids(buf);
  const reference = await exceljsGrids(buf);
  expect(streamed.map((s) => s.name)).toEqual(reference.map((s) => s.name));
  for (let i = 0; i < reference.length; i++) {
    const a = streamed[i].grid;
    const b = reference[i].grid;
    // trailing empty rows do not change a table; compare what holds cells, then row by row
    const trim = (g: CellValue[][]) => {
      let n = g.length;
      while (n > 0 && g[n - 1].length === 0) n--;
      return g.slice(0, n);
    };
    const ta = trim(a);
    const tb = trim(b);
    expect(ta.length).toBe(tb.length);
    for (let r = 0; r < tb.length; r++) {
      if (!Object.is(JSON.stringify(ta[r]), JSON.stringify(tb[r])) || ta[r].length !== tb[r].length) {
        // a readable failure: the sheet, the row and both rows
        expect({ sheet: reference[i].name, row: r + 1, cells: ta[r] }).toEqual({ sheet: reference[i].name, row: r + 1, cells: tb[r] });
      }
      for (let c = 0; c < tb[r].length; c++) {
        const x = ta[r][c];
        const y = tb[r][c];
        if (y instanceof Date) {
          expect(x).toBeInstanceOf(Date);
          expect((x as Date).getTime()).toBe(y.getTime());
        } else expect(x).toBe(y);
      }
    }
  }
  return streamed;
}

describe('readXlsxGrids gives the ExcelJS grid', () => {
  test.each(['clients-en.xlsx', 'clients-ru.xlsx'])('sample workbook %s (every sheet)', async (name) => {
    const buf = await fs.readFile(path.join(ROOT, 'samples', name));
    const sheets = await expectSameAsExcelJS(buf);
    expect(sheets.length).toBeGreaterThan(0);
    expect(sheets.some((s) => s.grid.length > 100)).toBe(true);
  });

  test('generated: dates in several formats, numbers, text, booleans, errors, formulas, blanks, sparse columns', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Продажи');
    ws.addRow(['Дата', 'Клиент', 'Сумма', 'Флаг', 'Ошибка', 'Формула', 'Время']);
    const rnd = seededRandom(17);
    for (let i = 0; i < 300; i++) {
      const d = new Date(Date.UTC(2024, 0, 1) + Math.floor(rnd() * 700) * 86400000);
      const row = ws.addRow([
        i % 17 === 0 ? null : d,
        i % 23 === 0 ? '' : `ООО «Клиент ${i % 41}» & <Co> "quoted"`,
        i % 13 === 0 ? -1234.5 : Math.round(rnd() * 1e8) / 100,
        i % 3 === 0,
        i % 29 === 0 ? { error: '#N/A' } : i % 31 === 0 ? { error: '#DIV/0!' } : null,
        i % 5 === 0 ? { formula: `C${i + 2}*2`, result: 2 * i + 1 } : i % 7 === 0 ? { formula: 'B2&"x"', result: 'textresult' } : i % 11 === 0 ? { formula: 'TODAY()', result: d } : null,
        (i % 24) / 24 + 0.5 / 1440,
      ]);
      // (ExcelJS loses a cached result of 0, and turns a text result in a date-formatted cell into an Invalid Date; the stream keeps the text: checked below)
      if (i % 11 === 0 && i % 7 !== 0) row.getCell(6).numFmt = 'dd.mm.yyyy';
      row.getCell(7).numFmt = 'hh:mm';
      if (i % 50 === 0) ws.getCell(`Z${i + 2}`).value = 'far right'; // sparse column
    }
    ws.getColumn(1).numFmt = 'dd.mm.yyyy';
    ws.getColumn(3).numFmt = '# ##0,00 [$₽-419];[Red]-# ##0,00 "руб."'; // not a date: letters only in [..] and quotes
    ws.getCell('A400').value = 45000; // builtin date format 14 below
    ws.getCell('A400').numFmt = 'mm-dd-yy';
    ws.getCell('B400').value = 'after a gap of blank rows';
    ws.getCell('C401').numFmt = '0.00'; // styled but empty cell: no value
    const other = wb.addWorksheet('Other');
    other.getCell('C3').value = { richText: [{ text: 'rich ' }, { font: { bold: true }, text: 'text' }] };
    other.getCell('A1').value = 1.5;
    other.getCell('A1').numFmt = '[h]:mm:ss';
    other.getCell('B2').value = true;
    const buf = new Uint8Array(await wb.xlsx.writeBuffer());
    const sheets = await expectSameAsExcelJS(buf);
    const g = sheets[0].grid;
    expect(g[0]).toEqual(['Дата', 'Клиент', 'Сумма', 'Флаг', 'Ошибка', 'Формула', 'Время']);
    expect(g[1][0]).toBeNull(); // i = 0: no date
    expect(g[2][0]).toBeInstanceOf(Date);
    expect(g[399]).toEqual([new Date(Date.UTC(2023, 2, 15)), 'after a gap of blank rows']);
    expect(sheets[1].grid[2][2]).toBe('rich text');
  });

  test('where ExcelJS errs: a cached formula result 0 stays 0 (ExcelJS drops it), a text result in a date-formatted cell stays text (ExcelJS: Invalid Date)', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('S');
    ws.getCell('A1').value = { formula: 'B1&"x"', result: 'textresult' };
    ws.getCell('A1').numFmt = 'dd.mm.yyyy';
    ws.getCell('A2').value = { formula: 'B2+1', result: 45658 };
    ws.getCell('A2').numFmt = 'dd.mm.yyyy';
    ws.getCell('A3').value = { formula: 'B3*2', result: 0 };
    const g = (await readXlsxGrids(new Uint8Array(await wb.xlsx.writeBuffer())))[0].grid;
    expect(g[0]).toEqual(['textresult']);
    expect(g[1]).toEqual([new Date(Date.UTC(2025, 0, 1))]);
    expect(g[2]).toEqual([0]);
  });

  test('generated with shared strings and styles by the streaming WorkbookWriter (as the bench), and the 1904 date system', async () => {
    const tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'xlsx-stream-'));
    try {
      const file = path.join(tmp, 'w.xlsx');
      const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true, useStyles: true });
      const ws = wb.addWorksheet('Log');
      ws.columns = [
        { header: 'Date', key: 'd', style: { numFmt: 'yyyy-mm-dd' } },
        { header: 'Client', key: 'c' },
        { header: 'Amount', key: 'a', style: { numFmt: '#,##0.00' } },
      ];
      // 30,000 rows: the sheet part is several MB, so rows are cut across the inflater's 1 MiB chunks
      for (let i = 0; i < 30000; i++) ws.addRow([new Date(Date.UTC(2025, i % 12, 1 + (i % 28))), `Client ${i % 97}`, (i * 37.13) % 1000]).commit();
      await ws.commit();
      await wb.commit();
      await expectSameAsExcelJS(await fs.readFile(file));

      const w1904 = new ExcelJS.Workbook();
      w1904.properties.date1904 = true;
      const s = w1904.addWorksheet('S');
      s.getCell('A1').value = new Date(Date.UTC(2025, 5, 30));
      s.getCell('A1').numFmt = 'dd.mm.yyyy';
      const streamed = await expectSameAsExcelJS(new Uint8Array(await w1904.xlsx.writeBuffer()));
      expect((streamed[0].grid[0][0] as Date).toISOString()).toBe('2025-06-30T00:00:00.000Z');
    } finally {
      await fs.rm(tmp, { recursive: true, force: true });
    }
  });
});

/** A hand-written package, as other writers (openpyxl, LibreOffice, exporters) make them. */
function handMadeXlsx(opts: { absolute: boolean; stored?: boolean }): Uint8Array {
  const p = opts.absolute ? '/xl/' : '';
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
    '_rels/.rels': strToU8(
      `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="${opts.absolute ? '/xl/workbook.xml' : 'xl/workbook.xml'}"/></Relationships>`,
    ),
    'xl/workbook.xml': strToU8(
      '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><workbookPr/><sheets><sheet name="Clients &amp; Co" sheetId="1" r:id="rId1"/><sheet name="Second" sheetId="2" r:id="rId2"/></sheets></workbook>',
    ),
    'xl/_rels/workbook.xml.rels': strToU8(
      `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="${p}worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="${p}worksheets/sheet2.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="${p}sharedStrings.xml"/><Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="${p}styles.xml"/></Relationships>`,
    ),
    'xl/sharedStrings.xml': strToU8(
      '<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="4" uniqueCount="4"><si><t>Клиент</t></si><si><t>Выручка</t></si><si><r><t>Аль</t></r><r><rPr><b/></rPr><t xml:space="preserve">фа &amp; Ко</t></r><rPh sb="0" eb="1"><t>PHONETIC</t></rPh></si><si><t>Бета</t></si></sst>',
    ),
    'xl/styles.xml': strToU8(
      '<?xml version="1.0"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="DD/MM/YYYY"/></numFmts><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="164" applyNumberFormat="1"/><xf numFmtId="4" applyNumberFormat="1"/></cellXfs></styleSheet>',
    ),
    'xl/worksheets/sheet1.xml': strToU8(
      '<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' +
        '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="inlineStr"><is><t>Дата</t></is></c></row>' +
        '<row r="2"><c r="A2" t="s"><v>2</v></c><c r="B2" s="2"><v>1234.5</v></c><c r="C2" s="1"><v>45292</v></c></row>' +
        '<row r="4" spans="1:5"><c r="A4" t="s"><v>3</v></c><c r="B4" t="str"><f>"12"&amp;"3"</f><v>123</v></c><c r="C4" s="1"/><c r="E4" t="e"><v>#N/A</v></c></row>' +
        '<row r="5"><c r="A5" t="inlineStr"><is><r><t>Гам</t></r><r><t>ма</t></r></is></c><c r="B5"><f>1/0</f></c><c r="C5" t="b"><v>1</v></c></row>' +
        '<row r="6"/>' +
        '</sheetData></worksheet>',
    ),
    'xl/worksheets/sheet2.xml': strToU8('<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="B1"><v>-0.5</v></c></row></sheetData></worksheet>'),
  };
  return zipSync(files, { level: opts.stored ? 0 : 6 });
}

describe('readXlsxGrids on packages written by other tools', () => {
  test.each([
    { absolute: true, stored: false },
    { absolute: false, stored: false },
    { absolute: true, stored: true },
  ])('absolute part paths %p (openpyxl style), inline strings, rich text, phonetic runs, entities, formulas, errors', async (opts) => {
    const buf = handMadeXlsx(opts);
    const sheets = await readXlsxGrids(buf);
    expect(sheets.map((s) => s.name)).toEqual(['Clients & Co', 'Second']);
    const g = sheets[0].grid;
    expect(g[0]).toEqual(['Клиент', 'Выручка', 'Дата']);
    expect(g[1]).toEqual(['Альфа & Ко', 1234.5, new Date(Date.UTC(2024, 0, 1))]);
    expect(g[2]).toEqual([]);
    expect(g[3]).toEqual(['Бета', '123', null, null, '#N/A']);
    expect(g[4]).toEqual(['Гамма', null, true]);
    expect(sheets[1].grid).toEqual([[null, -0.5]]);
    if (!opts.absolute) await expectSameAsExcelJS(buf);
  });

  test('not an xlsx: a clear refusal from analyze, exit 1', async () => {
    await expect(readXlsxGrids(strToU8('Client,Revenue\nA,1\n'))).rejects.toThrow(/not a zip file/);
    const tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'xlsx-bad-'));
    try {
      const f = path.join(tmp, 'fake.xlsx');
      await fs.writeFile(f, 'Client,Revenue\nA,1\n');
      const r = await cli(['analyze', f, '--json']);
      expect(r.code).toBe(1);
      expect(r.err).toContain('fake.xlsx is not an .xlsx workbook'); // the same refusal as apply's (xlsxPackage signature check)
    } finally {
      await fs.rm(tmp, { recursive: true, force: true });
    }
  });

  test('date format codes', () => {
    for (const code of ['dd.mm.yyyy', 'DD/MM/YYYY', 'yyyy-mm-dd hh:mm', '[$-419]d mmmm yyyy', 'h:mm AM/PM', '[h]:mm:ss']) expect(isDateFormatCode(code)).toBe(true);
    for (const code of ['General', '0.00', '#,##0.00 "руб."', '# ##0,00 [$₽-419]', '0%', '@']) expect(isDateFormatCode(code)).toBe(false);
  });
});

describe('analyze on an .xlsx reads the streamed grid', () => {
  test('the sample gives the same JSON as before (ExcelJS grid through the same core)', async () => {
    const file = path.join(ROOT, 'samples', 'clients-ru.xlsx');
    const r = await cli(['analyze', file, '--json', '--window-months', 'all']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    const { analyzeGrid, analysisSummary } = await import('../../src/core');
    const { pickSheet } = await import('../../src/cli/readInput');
    const buf = await fs.readFile(file);
    const sheet = pickSheet({ kind: 'xlsx', path: file, sheets: await exceljsGrids(buf) });
    expect(j.sheet).toBe(sheet.name);
    const s = analysisSummary(analyzeGrid(sheet.grid, { windowMonths: 'all' }));
    for (const k of ['clients', 'total', 'gini', 'hhi', 'tiers', 'rowsRead', 'issues'] as const) expect(j[k]).toEqual(s[k]);
  });
});
