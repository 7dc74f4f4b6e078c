import { once } from 'events';
import { createInflateRaw } from 'zlib';
import { CellValue } from '../core';

/**
 * Reading an .xlsx for analysis without a workbook model (issue 17): a full-height sheet
 * (1,048,576 rows × 12 columns) through ExcelJS's `Workbook.xlsx.load` needs several GB; here the
 * zip's central directory is read, the small parts (workbook, relationships, styles, shared
 * strings) are inflated whole, and each worksheet is inflated and scanned in chunks, row by row,
 * into the plain 2-D cell arrays the core works on. Memory: the compressed file, the shared
 * strings, and the grid itself (shared-string cells reuse one string each).
 *
 * The grid is the same as `worksheetGrid` gives from ExcelJS (tests/cli/xlsxStream.test.ts
 * compares them): numbers with a date format (built-in ids 14–22 and 45–47, or a custom code with
 * y, m, d, h, s or b outside quotes and brackets) become Dates (1900 or 1904 date system), formula
 * cells give their cached result, errors their text (#N/A), booleans true/false, shared and
 * inline strings (rich text joined, phonetic runs left out) their text, and a row holds the cells
 * up to its last cell with a value. Part names follow the relationships, relative or absolute
 * (openpyxl writes `/xl/worksheets/sheet1.xml`), and are matched case-insensitively as OPC says.
 *
 * Format: ECMA-376 Part 1 §18.3.1 (sheetData, row, c, v, f, is), §18.4 (shared strings), §18.8.30
 * (built-in number formats); zip: APPNOTE.TXT §4.3 (incl. zip64); inflated by Node's zlib, chunk by chunk.
 */

export interface StreamedSheet {
  name: string;
  grid: CellValue[][];
  /** Cells (zero-based) holding a formula with no saved result: a file never calculated. */
  formulasWithoutValue: Array<{ row: number; col: number }>;
}

export class XlsxFormatError extends Error {}

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  crc: number;
  /** MS-DOS time and date of the entry (central directory) */
  time: number;
  date: number;
  localOffset: number;
  flags: number;
}

const u16 = (b: Uint8Array, o: number) => b[o] | (b[o + 1] << 8);
const u32 = (b: Uint8Array, o: number) => (b[o] | (b[o + 1] << 8) | (b[o + 2] << 16)) + b[o + 3] * 0x1000000;
const u64 = (b: Uint8Array, o: number) => u32(b, o) + u32(b, o + 4) * 0x100000000;

/** The central directory: entries by lower-cased name without a leading slash. */
export function readZipDirectory(b: Uint8Array): Map<string, ZipEntry> {
  let eocd = -1;
  for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 65535); i--) {
    if (b[i] === 0x50 && b[i + 1] === 0x4b && b[i + 2] === 0x05 && b[i + 3] === 0x06) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new XlsxFormatError('not a zip file (no end of central directory)');
  let count = u16(b, eocd + 10);
  let cdOffset = u32(b, eocd + 16);
  if (count === 0xffff || cdOffset === 0xffffffff) {
    const loc = eocd - 20;
    if (loc < 0 || u32(b, loc) !== 0x07064b50) throw new XlsxFormatError('zip64 locator missing');
    const z = u64(b, loc + 8);
    if (u32(b, z) !== 0x06064b50) throw new XlsxFormatError('zip64 end of central directory missing');
    count = u64(b, z + 32);
    cdOffset = u64(b, z + 48);
  }
  const out = new Map<string, ZipEntry>();
  let p = cdOffset;
  const utf8 = new TextDecoder('utf-8');
  for (let k = 0; k < count; k++) {
    if (p + 46 > b.length || u32(b, p) !== 0x02014b50) throw new XlsxFormatError('damaged central directory');
    const flags = u16(b, p + 8);
    const method = u16(b, p + 10);
    const time = u16(b, p + 12);
    const date = u16(b, p + 14);
    const crc = u32(b, p + 16);
    let compressedSize = u32(b, p + 20);
    const uncompressed = u32(b, p + 24);
    let uncompressedSize = uncompressed;
    const nameLen = u16(b, p + 28);
    const extraLen = u16(b, p + 30);
    const commentLen = u16(b, p + 32);
    let localOffset = u32(b, p + 42);
    const name = utf8.decode(b.subarray(p + 46, p + 46 + nameLen));
    // zip64 extended information: the 8-byte fields present for each 0xFFFFFFFF above, in order
    let e = p + 46 + nameLen;
    const end = e + extraLen;
    while (e + 4 <= end) {
      const id = u16(b, e);
      const size = u16(b, e + 2);
      if (id === 0x0001) {
        let q = e + 4;
        if (uncompressed === 0xffffffff) {
          uncompressedSize = u64(b, q);
          q += 8;
        }
        if (compressedSize === 0xffffffff) {
          compressedSize = u64(b, q);
          q += 8;
        }
        if (localOffset === 0xffffffff) localOffset = u64(b, q);
      }
      e += 4 + size;
    }
    out.set(name.replace(/^\/+/, '').toLowerCase(), { name, method, compressedSize, uncompressedSize, crc, time, date, localOffset, flags });
    p = end + commentLen;
  }
  return out;
}

/** The stored (compressed) bytes of an entry, as they sit in the zip. */
export function storedBytes(b: Uint8Array, e: ZipEntry): Uint8Array {
  if (e.flags & 1) throw new XlsxFormatError(`${e.name} is encrypted`);
  const h = e.localOffset;
  if (h + 30 > b.length || u32(b, h) !== 0x04034b50) throw new XlsxFormatError(`damaged local header of ${e.name}`);
  const start = h + 30 + u16(b, h + 26) + u16(b, h + 28);
  if (start + e.compressedSize > b.length) throw new XlsxFormatError(`${e.name} is cut short`);
  return b.subarray(start, start + e.compressedSize);
}

/** Inflate one entry (Node's zlib), handing its bytes on in chunks (never the whole part at once). */
async function inflateEntry(b: Uint8Array, e: ZipEntry, onChunk: (chunk: Uint8Array) => void): Promise<void> {
  const data = storedBytes(b, e);
  if (e.method === 0) {
    onChunk(data);
    return;
  }
  if (e.method !== 8) throw new XlsxFormatError(`${e.name}: unsupported compression method ${e.method}`);
  const inf = createInflateRaw({ chunkSize: 1 << 20 });
  const done = (async () => {
    for await (const chunk of inf) onChunk(chunk as Buffer);
  })();
  try {
    const STEP = 1 << 20;
    for (let i = 0; i < data.length; i += STEP) if (!inf.write(data.subarray(i, Math.min(data.length, i + STEP)))) await once(inf, 'drain');
    inf.end();
  } catch (err) {
    await done.catch(() => undefined);
    throw new XlsxFormatError(`${e.name}: ${(err as Error).message}`);
  }
  try {
    await done;
  } catch (err) {
    throw new XlsxFormatError(`${e.name}: ${(err as Error).message}`);
  }
}

/** A part as text, chunk by chunk (UTF-8 decoded across chunk borders); `final` on the last call. */
async function partText(b: Uint8Array, e: ZipEntry, onText: (text: string, final: boolean) => void): Promise<void> {
  const dec = new TextDecoder('utf-8');
  await inflateEntry(b, e, (chunk) => onText(dec.decode(chunk, { stream: true }), false));
  onText(dec.decode(), true);
}

export async function wholeText(b: Uint8Array, e: ZipEntry): Promise<string> {
  const parts: string[] = [];
  await partText(b, e, (t) => parts.push(t));
  return parts.join('');
}

const ENTITY = /&(?:#(\d+)|#x([0-9a-fA-F]+)|(lt|gt|amp|quot|apos));/g;
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
function xmlText(s: string): string {
  if (s.indexOf('&') < 0) return s;
  return s.replace(ENTITY, (_, dec: string | undefined, hex: string | undefined, name: string | undefined) =>
    dec !== undefined ? String.fromCodePoint(+dec) : hex !== undefined ? String.fromCodePoint(parseInt(hex, 16)) : NAMED[name!],
  );
}

/** The value of attribute `name` in an element's attribute text (no namespace prefix). */
const ATTR = new Map<string, RegExp>();
function attr(attrs: string, name: string): string | undefined {
  // fast path for the usual ` name="value"` (every cell has two or three attributes)
  const i = attrs.indexOf(` ${name}="`);
  if (i >= 0) {
    const from = i + name.length + 3;
    const v = attrs.slice(from, attrs.indexOf('"', from));
    return v.indexOf('&') < 0 ? v : xmlText(v);
  }
  if (attrs.indexOf(name) < 0) return undefined;
  let re = ATTR.get(name);
  if (!re) ATTR.set(name, (re = new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`)));
  const m = re.exec(attrs);
  return m ? xmlText(m[1] ?? m[2]) : undefined;
}

/** Elements `<tag …>` / `<prefix:tag …>`: their attribute texts, in document order. */
function elements(xml: string, tag: string): string[] {
  const re = new RegExp(`<(?:[\\w.-]+:)?${tag}(\\s[^>]*?)?\\/?>`, 'g');
  const out: string[] = [];
  for (let m = re.exec(xml); m; m = re.exec(xml)) out.push(m[1] ?? '');
  return out;
}

/** Text of a string item (<si> or <is>): every <t> outside phonetic runs (<rPh>), joined. */
const RPH = /<(?:[\w.-]+:)?rPh\b[\s\S]*?<\/(?:[\w.-]+:)?rPh>/g;
const T = /<(?:[\w.-]+:)?t(?:\s[^>]*)?(?:\/>|>([\s\S]*?)<\/(?:[\w.-]+:)?t>)/g;
function itemText(xml: string): string {
  if (xml.indexOf('rPh') >= 0) xml = xml.replace(RPH, '');
  let s = '';
  T.lastIndex = 0;
  for (let m = T.exec(xml); m; m = T.exec(xml)) if (m[1]) s += m[1];
  return xmlText(s);
}

function sharedStrings(xml: string): string[] {
  const out: string[] = [];
  const re = /<(?:[\w.-]+:)?si(?:\s[^>]*)?(?:\/>|>([\s\S]*?)<\/(?:[\w.-]+:)?si>)/g;
  for (let m = re.exec(xml); m; m = re.exec(xml)) out.push(m[1] ? itemText(m[1]) : '');
  return out;
}

/** Built-in number formats that show a date or time (ECMA-376 §18.8.30). */
const BUILTIN_DATE_IDS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]);
/** A custom format code shows a date/time when y, m, d, h, s or b (era year) appear outside quotes and [..]. */
export function isDateFormatCode(code: string): boolean {
  const bare = code.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, '');
  return /[ymdhMsb]/.test(bare);
}

/** Which cell style indices (the `s` attribute) carry a date format. */
function dateStyles(xml: string): boolean[] {
  const custom = new Map<number, string>();
  for (const a of elements(xml, 'numFmt')) {
    const id = attr(a, 'numFmtId');
    const code = attr(a, 'formatCode');
    if (id !== undefined && code !== undefined) custom.set(+id, code);
  }
  const cellXfs = /<(?:[\w.-]+:)?cellXfs\b[^>]*>([\s\S]*?)<\/(?:[\w.-]+:)?cellXfs>/.exec(xml);
  if (!cellXfs) return [];
  return elements(cellXfs[1], 'xf').map((a) => {
    const id = +(attr(a, 'numFmtId') ?? 0);
    const code = custom.get(id);
    return code !== undefined ? isDateFormatCode(code) : BUILTIN_DATE_IDS.has(id);
  });
}

interface Rel {
  id: string;
  type: string;
  target: string;
}

function rels(xml: string): Rel[] {
  return elements(xml, 'Relationship').map((a) => ({ id: attr(a, 'Id') ?? '', type: attr(a, 'Type') ?? '', target: attr(a, 'Target') ?? '' }));
}

/** Resolve a relationship target against the folder of the part that owns it (absolute when it starts with /). */
function resolvePart(baseDir: string, target: string): string {
  const parts = (target.startsWith('/') ? target.slice(1) : baseDir + target).split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '..') out.pop();
    else if (p !== '.' && p !== '') out.push(p);
  }
  return out.join('/');
}

const dirOf = (p: string) => (p.includes('/') ? p.slice(0, p.lastIndexOf('/') + 1) : '');

function colIndex(ref: string): number {
  let n = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) n = n * 26 + (c - 64);
    else if (c >= 97 && c <= 122) n = n * 26 + (c - 96);
    else break;
  }
  return n;
}

function rowNumber(ref: string): number {
  let i = 0;
  while (i < ref.length && ref.charCodeAt(i) > 57) i++;
  return parseInt(ref.slice(i), 10);
}

interface SheetContext {
  strings: string[];
  dates: boolean[];
  date1904: boolean;
}

const MS_PER_DAY = 86400000;
function serialDate(v: number, date1904: boolean): Date {
  return new Date(Math.round((v - 25569 + (date1904 ? 1462 : 0)) * MS_PER_DAY));
}

const ROW = /<(?:[\w.-]+:)?row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:[\w.-]+:)?row>)/g;
const CELL = /<(?:[\w.-]+:)?c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:[\w.-]+:)?c>)/g;
const V = /<(?:[\w.-]+:)?v(?:\s[^>]*)?>([\s\S]*?)<\/(?:[\w.-]+:)?v>/;
const F = /<(?:[\w.-]+:)?f[\s/>]/;
const IS = /<(?:[\w.-]+:)?is(?:\s[^>]*)?>([\s\S]*?)<\/(?:[\w.-]+:)?is>/;

/** One cell's value as the core wants it; `present` false for a cell with no value and a style. */
function cellValue(attrs: string, body: string | undefined, ctx: SheetContext): { value: CellValue; present: boolean; noValue?: boolean } {
  const t = attr(attrs, 't') ?? 'n';
  const s = attr(attrs, 's');
  let raw: string | undefined;
  if (body) {
    if (t === 'inlineStr') {
      const is = IS.exec(body);
      if (is) raw = itemText(is[1]);
    } else {
      const a = body.indexOf('<v>');
      if (a >= 0) raw = xmlText(body.slice(a + 3, body.indexOf('</v>', a)));
      else {
        const v = V.exec(body);
        if (v) raw = xmlText(v[1]);
      }
    }
  }
  const formula = body !== undefined && (body.indexOf('<f') >= 0 || (body.indexOf(':f') >= 0 && F.test(body)));
  const isDate = () => s !== undefined && ctx.dates[+s] === true;
  const number = (x: string): CellValue => {
    const n = parseFloat(x);
    return isDate() ? serialDate(n, ctx.date1904) : n;
  };
  if (formula) {
    // a formula gives its cached result (none when it was never calculated)
    if (!raw) return { value: null, present: true, noValue: true };
    if (t === 'str' || t === 'inlineStr') return { value: raw, present: true };
    if (t === 'b') return { value: parseInt(raw, 10) !== 0, present: true };
    if (t === 'e') return { value: raw, present: true };
    return { value: number(raw), present: true };
  }
  if (raw === undefined) return { value: null, present: s === undefined };
  switch (t) {
    case 's': {
      const str = ctx.strings[parseInt(raw, 10)];
      return { value: str === undefined ? null : str, present: true };
    }
    case 'str':
    case 'inlineStr':
      return { value: raw, present: true };
    case 'b':
      return { value: parseInt(raw, 10) !== 0, present: true };
    case 'e':
      return { value: raw, present: true };
    case 'd': {
      // ISO 8601 date cell (§18.18.11 ST_CellType "d"), rare: Excel itself writes serial numbers
      const d = new Date(raw);
      return { value: Number.isNaN(d.getTime()) ? raw : d, present: true };
    }
    default:
      return { value: number(raw), present: true };
  }
}

/** Scan a worksheet part chunk by chunk into a grid (rows by their r attribute; gaps are empty rows). */
async function sheetGrid(b: Uint8Array, e: ZipEntry, ctx: SheetContext, noValue: Array<{ row: number; col: number }>): Promise<CellValue[][]> {
  const grid: CellValue[][] = [];
  let pending = '';
  let nextRow = 1;
  const rowsOf = (xml: string) => {
    ROW.lastIndex = 0;
    for (let m = ROW.exec(xml); m; m = ROW.exec(xml)) {
      const r = attr(m[1], 'r');
      const rowNo = r !== undefined ? parseInt(r, 10) : nextRow;
      nextRow = rowNo + 1;
      const out: CellValue[] = [];
      const body = m[2];
      if (body) {
        let nextCol = 1;
        let last = 0;
        CELL.lastIndex = 0;
        for (let c = CELL.exec(body); c; c = CELL.exec(body)) {
          const ref = attr(c[1], 'r');
          const col = ref !== undefined ? colIndex(ref) : nextCol;
          if (ref !== undefined && rowNumber(ref) !== rowNo && !Number.isNaN(rowNumber(ref))) throw new XlsxFormatError(`cell ${ref} inside row ${rowNo}`);
          nextCol = col + 1;
          const { value, present, noValue: uncalculated } = cellValue(c[1], c[2], ctx);
          if (uncalculated) noValue.push({ row: rowNo - 1, col: col - 1 });
          if (!present) continue;
          while (out.length < col - 1) out.push(null);
          out[col - 1] = value;
          last = Math.max(last, col);
        }
        out.length = last;
      }
      while (grid.length < rowNo - 1) grid.push([]);
      grid[rowNo - 1] = out;
    }
  };
  await partText(b, e, (text, final) => {
    // rows end in this chunk up to its last </row>; the rest (an unfinished row) waits for the next
    const cut = final ? text.length : text.lastIndexOf('</row>');
    if (cut < 0) {
      pending += text;
      return;
    }
    const end = final ? cut : cut + 6;
    const head = pending + text.slice(0, end);
    pending = text.slice(end);
    rowsOf(head);
  });
  // rows with no cells at the end of a sheet count, as in ExcelJS (rowCount is the last <row>)
  return grid;
}

/**
 * Every worksheet of an .xlsx (tab order), as grids. Throws XlsxFormatError when the file is not
 * a readable workbook (not a zip, no workbook part, encrypted, damaged).
 */
export async function readXlsxGrids(data: Uint8Array): Promise<StreamedSheet[]> {
  const zip = readZipDirectory(data);
  const get = (name: string) => zip.get(name.toLowerCase());
  const text = async (name: string) => {
    const e = get(name);
    return e ? wholeText(data, e) : undefined;
  };
  const rootRels = await text('_rels/.rels');
  const officeDoc = rootRels ? rels(rootRels).find((r) => /\/officeDocument$/.test(r.type)) : undefined;
  const workbookPath = officeDoc ? resolvePart('', officeDoc.target) : 'xl/workbook.xml';
  const workbookXml = await text(workbookPath);
  if (workbookXml === undefined) throw new XlsxFormatError(`no workbook part (${workbookPath})`);
  const wbDir = dirOf(workbookPath);
  const wbRels = rels((await text(`${wbDir}_rels/${workbookPath.slice(wbDir.length)}.rels`)) ?? '');
  const byType = (suffix: string) => wbRels.find((r) => r.type.endsWith(suffix));
  const sstRel = byType('/sharedStrings');
  const stylesRel = byType('/styles');
  const sst = sstRel ? await text(resolvePart(wbDir, sstRel.target)) : undefined;
  const styles = stylesRel ? await text(resolvePart(wbDir, stylesRel.target)) : undefined;
  const pr = elements(workbookXml, 'workbookPr')[0];
  const d1904 = pr !== undefined ? attr(pr, 'date1904') : undefined;
  const ctx: SheetContext = {
    strings: sst ? sharedStrings(sst) : [],
    dates: styles ? dateStyles(styles) : [],
    date1904: d1904 === '1' || d1904 === 'true',
  };
  const out: StreamedSheet[] = [];
  for (const a of elements(workbookXml, 'sheet')) {
    const name = attr(a, 'name') ?? '';
    const rid = /(?:^|\s)[\w.-]+:id\s*=\s*"([^"]*)"/.exec(a)?.[1];
    const rel = wbRels.find((r) => r.id === rid);
    if (!rel || !/\/worksheet$/.test(rel.type)) continue; // chart sheets, dialog sheets
    const e = get(resolvePart(wbDir, rel.target));
    if (!e) throw new XlsxFormatError(`sheet "${name}": part ${rel.target} missing`);
    const formulasWithoutValue: Array<{ row: number; col: number }> = [];
    out.push({ name, grid: await sheetGrid(data, e, ctx, formulasWithoutValue), formulasWithoutValue });
  }
  return out;
}
