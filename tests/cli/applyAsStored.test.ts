/**
 * `apply` on a transaction log copies the package as it is stored (src/cli/xlsxWriter.ts): no
 * workbook model, so nothing of the workbook can be lost — the hostile corpus's features that a
 * round trip through ExcelJS loses (charts, custom properties, names holding constants, local
 * names, workbook protection, escaped formats, validations) are all kept, byte for byte, and the
 * loss check finds nothing. The new sheets read back as the whole-workbook path writes them.
 */
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { cli, ROOT } from '../helpers';
import { lostFeatures, normaliseXlsx } from '../../src/cli/xlsxPackage';
import { readXlsxGrids } from '../../src/cli/xlsxStream';
import { cellText, XlsxEdit } from '../../src/cli/xlsxWriter';
import { CLIENT_SHEET_HEADERS, SUMMARY_SHEET_NAMES, CLIENT_SHEET_NAMES } from '../../src/core';
import { HostileOptions, hostileXlsx, Lang } from '../corpus/xlsx/hostileXlsx';

let tmp: string;
beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'client-tiers-stored-'));
});
afterAll(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

/** The parts apply edits as text; every other part of the input is in the output unchanged. */
const EDITED = /^(xl\/workbook\.xml|xl\/_rels\/workbook\.xml\.rels|\[Content_Types\]\.xml|xl\/styles\.xml)$/;

const FEATURES: Array<[string, HostileOptions]> = [
  ['nothing special', {}],
  ['a chart', { chart: true }],
  ['custom document properties', { customProps: true }],
  ['defined names holding a constant and a formula', { definedNames: true }],
  ['a name scoped to the sheet', { localName: true }],
  ['workbook protection', { workbookProtection: true }],
  ['number formats with escapes', { escapedFormats: true }],
  ['data validations', { validations: true }],
  ['comments, an image, protection, print titles, filter, unlocked cells', { comments: true, image: true, sheetProtection: true, printTitles: true, printAreaAndFilter: true, unlockedCells: true }],
  ['an Excel table', { table: true }],
];

async function applyTo(name: string, bytes: Uint8Array, args: string[] = []): Promise<{ input: string; out: string; r: { code: number; out: string; err: string } }> {
  const input = path.join(tmp, `${name}.xlsx`);
  await fs.writeFile(input, bytes);
  const out = path.join(tmp, `${name}-out.xlsx`);
  const r = await cli(['apply', input, '--out', out, ...args]);
  return { input, out, r };
}

describe('a transaction log: the package copied as stored', () => {
  for (const lang of ['en', 'ru'] as Lang[])
    for (const flavour of ['openpyxl', 'libreoffice'] as const)
      for (const [what, o] of FEATURES)
        test(`${lang}, ${flavour}: ${what} — kept without --force, every other part byte for byte`, async () => {
          const { input, out, r } = await applyTo(`log-${lang}-${flavour}-${what.replace(/\W+/g, '-')}`, hostileXlsx({ ...o, lang, flavour, log: true }));
          expect(r.err).toBe('');
          expect(r.code).toBe(0);
          const before = unzipSync(new Uint8Array(await fs.readFile(input)));
          const after = unzipSync(new Uint8Array(await fs.readFile(out)));
          for (const [part, data] of Object.entries(before)) if (!EDITED.test(part)) expect([part, Buffer.compare(Buffer.from(after[part] ?? []), Buffer.from(data))]).toEqual([part, 0]);
          expect(lostFeatures(before, after)).toEqual([]);
          // the new sheets, as our reader and as ExcelJS (after the normalising the CLI does) read them
          const grids = await readXlsxGrids(await fs.readFile(out));
          expect(grids.map((g) => g.name)).toEqual([lang === 'ru' ? 'Клиенты' : 'Clients', CLIENT_SHEET_NAMES[lang], lang === 'ru' ? 'История уровней' : 'Tier history', SUMMARY_SHEET_NAMES[lang]]);
          const clients = grids[1].grid;
          expect(clients[0]).toEqual([...CLIENT_SHEET_HEADERS[lang]]);
          expect(clients.length - 1).toBe(12);
          expect(clients.slice(1).every((row) => row[4] instanceof Date && row[12] instanceof Date)).toBe(true);
          expect(clients.slice(1).map((row) => row[1])).toEqual([...clients.slice(1).map((row) => row[1])].sort((a, b) => Number(b) - Number(a)));
          const wb = new ExcelJS.Workbook();
          await wb.xlsx.load(normaliseXlsx(new Uint8Array(await fs.readFile(out)), 'out.xlsx').bytes as unknown as ArrayBuffer);
          const ws = wb.getWorksheet(CLIENT_SHEET_NAMES[lang])!;
          expect(ws.getCell('A1').font?.bold).toBe(true);
          expect(ws.getCell('B2').numFmt).toBe('#,##0.00');
          expect(ws.getCell('F2').numFmt).toBe('0.00%');
          expect(ws.getCell('E2').numFmt).toBe(lang === 'ru' ? 'dd.mm.yyyy' : 'yyyy-mm-dd');
          expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
          expect(ws.getColumn(1).width).toBe(28);
          const summary = wb.getWorksheet(SUMMARY_SHEET_NAMES[lang])!;
          expect(summary.getCell('A1').font?.size).toBe(13);
          expect(wb.definedNames.getRanges('ClientTiers_ClientSheet').ranges).toEqual([`'${CLIENT_SHEET_NAMES[lang]}'!$A$1`]);
          expect(wb.definedNames.getRanges('ClientTiers_Summary').ranges).toEqual([`'${SUMMARY_SHEET_NAMES[lang]}'!$A$1`]);
        });

  test('the next apply replaces our sheets in place (same names, same tabs) and reads the previous tiers; names scoped to later sheets follow them', async () => {
    const first = await applyTo('again', hostileXlsx({ log: true, localName: true, printTitles: true, userSheet: 'Notes' }));
    expect(first.r.code).toBe(0);
    const out2 = path.join(tmp, 'again-out2.xlsx');
    // dated a review period later (a second apply in the same period repeats that period's decision, issue 12)
    const r2 = await cli(['apply', first.out, '--out', out2, '--review-date', '2099-07-01']);
    expect(r2.err).toBe('');
    expect(r2.code).toBe(0);
    const grids1 = await readXlsxGrids(await fs.readFile(first.out));
    const grids2 = await readXlsxGrids(await fs.readFile(out2));
    expect(grids2.map((g) => g.name)).toEqual(grids1.map((g) => g.name));
    expect(grids2[2].grid.slice(1).every((row) => row[9] === 'Keep')).toBe(true);
    const wb = strFromU8(unzipSync(new Uint8Array(await fs.readFile(out2)))['xl/workbook.xml']);
    expect(wb.match(/<definedName name="ClientTiers_ClientSheet">[^<]*</g)).toEqual(["<definedName name=\"ClientTiers_ClientSheet\">'Client tiers'!$A$1<"]);
    expect(wb).toContain('<definedName name="Best" localSheetId="0">');
  });

  test('--overwrite replaces a user sheet named like ours; without it ours gets "(2)" and the user sheet is kept', async () => {
    const bytes = hostileXlsx({ log: true, userSheet: 'Client tiers' });
    const kept = await applyTo('user-sheet', bytes);
    expect(kept.r.code).toBe(0);
    expect(kept.r.err).toContain('the new sheet is "Client tiers (2)"');
    expect((await readXlsxGrids(await fs.readFile(kept.out))).map((g) => g.name)).toEqual(['Clients', 'Client tiers', 'Client tiers (2)', 'Tier history', 'Tier summary']);
    const replaced = await applyTo('user-sheet-overwrite', bytes, ['--overwrite']);
    expect(replaced.r.code).toBe(0);
    const grids = await readXlsxGrids(await fs.readFile(replaced.out));
    expect(grids.map((g) => g.name)).toEqual(['Clients', 'Client tiers', 'Tier history', 'Tier summary']);
    expect(grids[1].grid[0]).toEqual([...CLIENT_SHEET_HEADERS.en]);
  });

  test('a user sheet with parts of its own (comments) to replace: the whole-workbook path writes it', async () => {
    const wb = new ExcelJS.Workbook();
    const log = wb.addWorksheet('Sales');
    log.addRow(['Date', 'Client', 'Amount']);
    for (let i = 0; i < 20; i++) log.addRow([new Date(Date.UTC(2025, 10, 1 + i)), `Client ${i % 7}`, 100 + i]);
    const mine = wb.addWorksheet('Client tiers');
    mine.getCell('A1').value = 'mine';
    mine.getCell('A1').note = 'a note of mine';
    const buffer = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    expect(new XlsxEdit(buffer).sheetNames()).toEqual(['Sales', 'Client tiers']);
    const { out, r } = await applyTo('user-sheet-with-parts', buffer, ['--overwrite']);
    expect(r.code).toBe(0);
    expect((await readXlsxGrids(await fs.readFile(out))).map((g) => g.name)).toEqual(['Sales', 'Client tiers', 'Tier history', 'Tier summary']);
  });

  test('text a cell cannot hold as it is: control characters and lone surrogates escaped as ST_Xstring says', () => {
    expect(cellText('a\u0001b')).toBe('a_x0001_b');
    expect(cellText('_x0041_')).toBe('_x005F_x0041_');
    expect(cellText('x\uD800y <&>')).toBe('x_xD800_y &lt;&amp;&gt;');
    expect(cellText('😀')).toBe('😀');
  });

  test('the sample workbook: the log sheet and every sheet apply does not write read back the same', async () => {
    const sample = path.join(ROOT, 'samples', 'clients-en.xlsx');
    const out = path.join(tmp, 'sample-out.xlsx');
    expect((await cli(['apply', sample, '--sheet', 'Sales', '--out', out])).code).toBe(0);
    const a = await readXlsxGrids(await fs.readFile(sample));
    const b = await readXlsxGrids(await fs.readFile(out));
    for (const s of a) expect(b.find((x) => x.name === s.name)?.grid).toEqual(s.grid);
  });
});
