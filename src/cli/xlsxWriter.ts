import { promises as fs } from 'fs';
import * as zlib from 'zlib';
import type { Unzipped } from 'fflate';
import { readZipDirectory, storedBytes, ZipEntry } from './xlsxStream';

/**
 * Editing an .xlsx package without a workbook model (issue 17): the parts nobody changes are
 * copied as they are stored (their compressed bytes, never inflated), the few small parts that
 * change (workbook, its relationships, content types, styles) are rewritten as text, and new
 * worksheets are written from rows of cells. A full-height sheet of a million rows is copied in
 * the time of a file copy, in the memory of the file itself.
 *
 * What it can do: add worksheets (inline strings, styles appended to the workbook's own
 * cellXfs), remove worksheets that hold nothing but cells (no relationships of their own), set
 * defined names. Anything else it meets (no styles part, a sheet to remove with drawings or
 * tables, a package too large for a plain zip) is `NotStreamable`: the caller then takes the
 * whole-workbook path.
 *
 * Formats: ECMA-376 Part 1 §18.2 (workbook, sheets, definedNames), §18.3.1 (worksheet),
 * §18.8 (styles), §22.4.2.4 (ST_Xstring escapes _xHHHH_); Part 2 (OPC: relationships, content
 * types); zip: APPNOTE.TXT §4.3.7 (local header), §4.3.12 (central directory), §4.3.16 (end).
 */
export class NotStreamable extends Error {}

export interface SheetRef {
  name: string;
  /** the whole `<sheet …/>` element as the file has it */
  tag: string;
  rid: string;
  /** its part, resolved ("xl/worksheets/sheet1.xml"), or "" when the relationship is missing */
  part: string;
}

export interface DefinedName {
  name: string;
  localSheetId?: number;
  /** the formula text, XML-decoded */
  text: string;
  /** the attributes other than name and localSheetId, as written */
  rest: string;
}

/** A cell of a written sheet: its value and, optionally, a style index (from `style`). */
export interface OutCell {
  v: string | number | boolean | null;
  s?: number;
}

export interface NewSheet {
  name: string;
  /** column widths by 1-based column */
  widths?: Record<number, number>;
  /** freeze the first row */
  freezeHeader?: boolean;
  rows: () => Iterable<OutCell[]>;
}

const WORKSHEET_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';
const WORKSHEET_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet';

const decode = (s: string) => s.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(+d)).replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16))).replace(/&amp;/g, '&');
export const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

// eslint-disable-next-line no-control-regex -- these are the characters XML 1.0 cannot carry
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Text as a cell holds it (ST_Xstring, ECMA-376 Part 1 §22.4.2.4): characters XML cannot carry
 * (control characters, lone surrogates) as `_xHHHH_`, and a literal `_xHHHH_` protected as `_x005F_xHHHH_`.
 */
export function cellText(s: string): string {
  const t = s.replace(/_(x[0-9A-Fa-f]{4}_)/g, '_x005F_$1').replace(NOT_XML, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`);
  return escapeXml(t);
}

function attrOf(tag: string, name: string): string | undefined {
  const m = new RegExp(`(?:^|\\s)${name.replace(/[.:]/g, '\\$&')}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(tag);
  return m ? decode(m[1] ?? m[2]) : undefined;
}

function resolve(baseDir: string, target: string): string {
  const parts = (target.startsWith('/') ? target.slice(1) : baseDir + target).replace(/\\/g, '/').split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '..') out.pop();
    else if (p !== '.' && p !== '') out.push(p);
  }
  return out.join('/');
}

const dirOf = (p: string) => (p.includes('/') ? p.slice(0, p.lastIndexOf('/') + 1) : '');
const relsOf = (part: string) => `${dirOf(part)}_rels/${part.slice(dirOf(part).length)}.rels`;

export function columnLetter(index: number): string {
  let s = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** A defined name's text as `{ sheet, ref }` pieces (`'My sheet'!$A$1,Other!$B$2:$C$3`); other formulas give none. */
export function nameRanges(text: string): Array<{ sheet: string; ref: string }> {
  const out: Array<{ sheet: string; ref: string }> = [];
  for (const piece of text.split(',')) {
    const m = /^\s*(?:'((?:[^']|'')+)'|([^!'\s]+))!(\$?[A-Z]+\$?\d+(?::\$?[A-Z]+\$?\d+)?)\s*$/.exec(piece);
    if (m) out.push({ sheet: (m[1] ?? m[2]).replace(/''/g, "'"), ref: m[3] });
  }
  return out;
}

export const quoteSheet = (name: string) => `'${name.replace(/'/g, "''")}'`;

interface Style {
  bold?: boolean;
  size?: number;
  numFmt?: string;
}

/** Built-in number formats (ECMA-376 Part 1 §18.8.30) used without a <numFmt> of their own. */
const BUILTIN_FORMATS: Record<string, number> = { General: 0, '0': 1, '0.00': 2, '#,##0': 3, '#,##0.00': 4, '0%': 9, '0.00%': 10 };

export class XlsxEdit {
  private readonly zip: Map<string, ZipEntry>;
  readonly sheets: SheetRef[];
  names: DefinedName[];
  private readonly workbookPart: string;
  private readonly wbDir: string;
  private workbookXml: string;
  private relsXml: string;
  private typesXml: string;
  private stylesXml: string;
  private readonly stylesPart: string;
  private readonly removedParts = new Set<string>();
  private readonly added: Array<NewSheet & { part: string; rid: string }> = [];
  private newStyles: Style[] = [];
  private readonly styleIndex = new Map<string, number>();
  private readonly baseXfCount: number;
  private sheetsRemoved = false;

  constructor(private readonly data: Uint8Array) {
    try {
      this.zip = readZipDirectory(data);
    } catch (e) {
      throw new NotStreamable((e as Error).message);
    }
    const rootRels = this.text('_rels/.rels') ?? '';
    const officeDoc = [...rootRels.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)].map((m) => m[0]).find((t) => /\/officeDocument$/.test(attrOf(t, 'Type') ?? ''));
    this.workbookPart = officeDoc ? resolve('', attrOf(officeDoc, 'Target') ?? '') : 'xl/workbook.xml';
    this.wbDir = dirOf(this.workbookPart);
    const wb = this.text(this.workbookPart);
    const rels = this.text(relsOf(this.workbookPart));
    const types = this.text('[Content_Types].xml');
    if (wb === undefined || rels === undefined || types === undefined) throw new NotStreamable('no workbook part');
    this.workbookXml = wb;
    this.relsXml = rels;
    this.typesXml = types;
    const relTags = [...rels.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)].map((m) => m[0]);
    const styles = relTags.find((t) => /\/styles$/.test(attrOf(t, 'Type') ?? ''));
    this.stylesPart = styles ? resolve(this.wbDir, attrOf(styles, 'Target') ?? '') : '';
    const stylesXml = this.stylesPart ? this.text(this.stylesPart) : undefined;
    if (stylesXml === undefined || !/<(?:\w+:)?cellXfs\b[^>]*>[\s\S]*?<\/(?:\w+:)?cellXfs>/.test(stylesXml)) throw new NotStreamable('no styles part');
    this.stylesXml = stylesXml;
    this.baseXfCount = this.xfCount();
    const byId = new Map(relTags.map((t) => [attrOf(t, 'Id') ?? '', t]));
    this.sheets = [...wb.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)].map((m) => {
      const tag = m[0];
      const rid = /\s[\w.-]+:id\s*=\s*"([^"]*)"/.exec(tag)?.[1] ?? '';
      const rel = byId.get(rid);
      return { name: attrOf(tag, 'name') ?? '', tag, rid, part: rel && attrOf(rel, 'TargetMode') !== 'External' ? resolve(this.wbDir, attrOf(rel, 'Target') ?? '') : '' };
    });
    this.names = [...wb.matchAll(/<(?:\w+:)?definedName\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?definedName>)/g)].map((m) => {
      const a = m[1];
      const local = attrOf(a, 'localSheetId');
      const rest = a.replace(/\s(name|localSheetId)\s*=\s*("[^"]*"|'[^']*')/g, '');
      return { name: attrOf(a, 'name') ?? '', localSheetId: local === undefined ? undefined : Number(local), text: decode(m[2] ?? ''), rest };
    });
  }

  private entry(name: string): ZipEntry | undefined {
    return this.zip.get(name.replace(/^\/+/, '').toLowerCase());
  }

  /** A (small) part as text, or undefined when the package has none. */
  text(name: string): string | undefined {
    const e = this.entry(name);
    if (!e) return undefined;
    const stored = storedBytes(this.data, e);
    if (e.method === 0) return Buffer.from(stored).toString('utf8');
    if (e.method !== 8) throw new NotStreamable(`${e.name}: compression method ${e.method}`);
    return zlib.inflateRawSync(stored).toString('utf8');
  }

  /** The sheets' names in tab order, those added included. */
  sheetNames(): string[] {
    return [...this.sheets.map((s) => s.name), ...this.added.map((a) => a.name)];
  }

  /** The sheets a defined name points at (by name, in its order). */
  namedSheets(name: string): string[] {
    return this.names.filter((n) => n.name === name && n.localSheetId === undefined).flatMap((n) => nameRanges(n.text).map((r) => r.sheet));
  }

  /** Removes a worksheet that holds nothing but cells; names scoped to it go with it, later sheets' scopes shift. */
  removeSheet(name: string): void {
    if (this.added.some((a) => a.name === name)) throw new NotStreamable(`sheet "${name}" was added here`);
    const k = this.sheets.findIndex((s) => s.name === name);
    if (k < 0) return;
    const s = this.sheets[k];
    if (!s.part || !this.entry(s.part)) throw new NotStreamable(`sheet "${name}" has no part`);
    const rels = this.text(relsOf(s.part));
    if (rels !== undefined && /<(?:\w+:)?Relationship\b/.test(rels)) throw new NotStreamable(`sheet "${name}" has parts of its own`);
    this.workbookXml = this.workbookXml.replace(s.tag, '');
    this.relsXml = this.relsXml.replace(/<(?:\w+:)?Relationship\b[^>]*>/g, (t) => (attrOf(t, 'Id') === s.rid ? '' : t));
    this.typesXml = this.typesXml.replace(/<(?:\w+:)?Override\b[^>]*>/g, (t) => ((attrOf(t, 'PartName') ?? '').replace(/^\//, '').toLowerCase() === s.part.toLowerCase() ? '' : t));
    this.removedParts.add(s.part.toLowerCase());
    if (rels !== undefined) this.removedParts.add(relsOf(s.part).toLowerCase());
    this.names = this.names.filter((n) => n.localSheetId !== k).map((n) => (n.localSheetId !== undefined && n.localSheetId > k ? { ...n, localSheetId: n.localSheetId - 1 } : n));
    this.sheets.splice(k, 1);
    this.sheetsRemoved = true;
  }

  /** The index of a cell style (cellXfs) with these properties, added to the workbook's styles. */
  style(st: Style): number {
    const key = JSON.stringify(st);
    let i = this.styleIndex.get(key);
    if (i === undefined) {
      i = this.baseXfCount + this.newStyles.length;
      this.newStyles.push(st);
      this.styleIndex.set(key, i);
    }
    return i;
  }

  /** Adds a worksheet after the others. */
  addSheet(sheet: NewSheet): void {
    const taken = new Set([...this.zip.keys()].filter((k) => !this.removedParts.has(k)).concat(this.added.map((a) => a.part.toLowerCase())));
    let n = 1;
    while (taken.has(`${this.wbDir}worksheets/sheet${n}.xml`.toLowerCase())) n++;
    const part = `${this.wbDir}worksheets/sheet${n}.xml`;
    const ids = new Set([...this.relsXml.matchAll(/\sId\s*=\s*"([^"]*)"/g)].map((m) => m[1]).concat(this.added.map((a) => a.rid)));
    let k = 1;
    while (ids.has(`rIdCT${k}`)) k++;
    this.added.push({ ...sheet, part, rid: `rIdCT${k}` });
  }

  /** `name` holds `cells` on `sheet` (its cells on other sheets that remain are kept), as the whole-workbook path marks. */
  markCells(name: string, sheet: string, cells: Array<{ r: number; c: number }>): void {
    const remaining = new Set([...this.sheets.map((s) => s.name), ...this.added.map((a) => a.name)]);
    const old = this.names.find((n) => n.name === name && n.localSheetId === undefined);
    const keep = old ? nameRanges(old.text).filter((x) => x.sheet !== sheet && remaining.has(x.sheet)) : [];
    const refs = [...keep.map((x) => `${quoteSheet(x.sheet)}!${x.ref}`), ...cells.map((x) => `${quoteSheet(sheet)}!$${columnLetter(x.c)}$${x.r + 1}`)];
    this.names = this.names.filter((n) => !(n.name === name && n.localSheetId === undefined));
    if (refs.length) this.names.push({ name, text: refs.join(','), rest: '' });
  }

  private xfCount(): number {
    const body = /<(?:\w+:)?cellXfs\b[^>]*>([\s\S]*?)<\/(?:\w+:)?cellXfs>/.exec(this.stylesXml)![1];
    return (body.match(/<(?:\w+:)?xf\b/g) ?? []).length;
  }

  private finishStyles(): string {
    let xml = this.stylesXml;
    if (this.newStyles.length === 0) return xml;
    const p = /<(\w+:)?styleSheet\b/.exec(xml)?.[1] ?? '';
    const block = (list: string) => new RegExp(`(<${p}${list}\\b[^>]*>)([\\s\\S]*?)(</${p}${list}>)`);
    const items = (list: string, item: string) => (block(list).exec(xml)?.[2].match(new RegExp(`<${p}${item}\\b`, 'g')) ?? []).length;
    /** appends `added` to the list element and sets its count */
    const append = (list: string, item: string, added: string) => {
      xml = xml.replace(block(list), (_, open: string, inner: string, close: string) => `${open}${inner}${added}${close}`);
      const n = items(list, item);
      xml = xml.replace(new RegExp(`<${p}${list}\\b[^>]*>`), (open) => (/\scount\s*=/.test(open) ? open.replace(/\scount\s*=\s*("[^"]*"|'[^']*')/, ` count="${n}"`) : open.replace(/>$/, ` count="${n}">`)));
    };
    // fonts: the workbook's default font, bold (and sized)
    const fontsMatch = block('fonts').exec(xml);
    if (!fontsMatch) throw new NotStreamable('styles without fonts');
    const baseFont = new RegExp(`<${p}font\\b[^>]*?(?:/>|>[\\s\\S]*?</${p}font>)`).exec(fontsMatch[2])?.[0] ?? `<${p}font/>`;
    const fontCount = items('fonts', 'font');
    const fontIds = new Map<string, number>();
    const fonts: string[] = [];
    const fontFor = (st: Style): number => {
      if (!st.bold && !st.size) return 0;
      const key = `${st.bold ? 'b' : ''}${st.size ?? ''}`;
      let id = fontIds.get(key);
      if (id === undefined) {
        let inner = /\/>$/.test(baseFont) ? '' : baseFont.replace(new RegExp(`^<${p}font\\b[^>]*>|</${p}font>$`, 'g'), '');
        inner = inner.replace(new RegExp(`<${p}(b|sz)\\b[^>]*/>`, 'g'), '');
        const size = st.size !== undefined ? `<${p}sz val="${st.size}"/>` : (new RegExp(`<${p}sz\\b[^>]*/>`).exec(baseFont)?.[0] ?? '');
        id = fontCount + fonts.length;
        fonts.push(`<${p}font>${st.bold ? `<${p}b/>` : ''}${size}${inner}</${p}font>`);
        fontIds.set(key, id);
      }
      return id;
    };
    // number formats: built-in ids, the workbook's own codes, or new ids above the used ones (≥ 164)
    const codes = new Map<string, number>();
    let maxId = 163;
    const own = block('numFmts').exec(xml)?.[2] ?? '';
    for (const m of xml.matchAll(new RegExp(`<${p}numFmt\\b[^>]*>`, 'g'))) maxId = Math.max(maxId, Number(attrOf(m[0], 'numFmtId')) || 0); // dxfs too
    for (const m of own.matchAll(new RegExp(`<${p}numFmt\\b[^>]*>`, 'g'))) {
      const code = attrOf(m[0], 'formatCode');
      if (code !== undefined && !codes.has(code)) codes.set(code, Number(attrOf(m[0], 'numFmtId')));
    }
    const newFormats: string[] = [];
    const formatFor = (code: string | undefined): number => {
      if (code === undefined) return 0;
      if (BUILTIN_FORMATS[code] !== undefined) return BUILTIN_FORMATS[code];
      let id = codes.get(code);
      if (id === undefined) {
        id = ++maxId;
        codes.set(code, id);
        newFormats.push(`<${p}numFmt numFmtId="${id}" formatCode="${escapeXml(code)}"/>`);
      }
      return id;
    };
    const xfs = this.newStyles.map((st) => {
      const fontId = fontFor(st);
      const numFmtId = formatFor(st.numFmt);
      return `<${p}xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="0" borderId="0" xfId="0"${numFmtId ? ' applyNumberFormat="1"' : ''}${fontId ? ' applyFont="1"' : ''}/>`;
    });
    if (fonts.length) append('fonts', 'font', fonts.join(''));
    if (newFormats.length) {
      if (block('numFmts').test(xml)) append('numFmts', 'numFmt', newFormats.join(''));
      else if (new RegExp(`<${p}numFmts\\b[^>]*/>`).test(xml)) xml = xml.replace(new RegExp(`<${p}numFmts\\b[^>]*/>`), `<${p}numFmts count="${newFormats.length}">${newFormats.join('')}</${p}numFmts>`);
      else xml = xml.replace(new RegExp(`<${p}styleSheet\\b[^>]*>`), (open) => `${open}<${p}numFmts count="${newFormats.length}">${newFormats.join('')}</${p}numFmts>`);
    }
    append('cellXfs', 'xf', xfs.join(''));
    return xml;
  }

  private finishWorkbook(): string {
    let xml = this.workbookXml;
    const p = /<(\w+:)?workbook\b/.exec(xml)?.[1] ?? '';
    const rPrefix = /\s([\w.-]+):id\s*=/.exec(this.sheets[0]?.tag ?? '')?.[1] ?? 'r';
    let maxId = 0;
    for (const s of this.sheets) maxId = Math.max(maxId, Number(attrOf(s.tag, 'sheetId')) || 0);
    const tags = this.added.map((a) => `<${p}sheet name="${escapeXml(a.name)}" sheetId="${++maxId}" ${rPrefix}:id="${a.rid}"/>`).join('');
    if (!new RegExp(`</${p}sheets>`).test(xml)) throw new NotStreamable('no sheets element');
    xml = xml.replace(new RegExp(`</${p}sheets>`), `${tags}</${p}sheets>`);
    if (!new RegExp(`xmlns:${rPrefix}\\s*=`).test(xml)) xml = xml.replace(new RegExp(`<${p}workbook\\b`), `$& xmlns:${rPrefix}="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`);
    const names = this.names
      .map((n) => `<${p}definedName name="${escapeXml(n.name)}"${n.localSheetId !== undefined ? ` localSheetId="${n.localSheetId}"` : ''}${n.rest}>${escapeXml(n.text)}</${p}definedName>`)
      .join('');
    const block = names ? `<${p}definedNames>${names}</${p}definedNames>` : '';
    const existing = new RegExp(`<${p}definedNames\\b[^>]*?(?:/>|>[\\s\\S]*?</${p}definedNames>)`);
    if (existing.test(xml)) xml = xml.replace(existing, block);
    else xml = xml.replace(new RegExp(`</${p}sheets>`), `</${p}sheets>${block}`);
    // the active and first tab stay within the sheets
    const total = this.sheets.length + this.added.length;
    xml = xml.replace(new RegExp(`<${p}workbookView\\b[^>]*>`, 'g'), (t) => t.replace(/\s(activeTab|firstSheet)\s*=\s*"(\d+)"/g, (m, a: string, v: string) => (Number(v) >= total || this.sheetsRemoved ? ` ${a}="0"` : m)));
    return xml;
  }

  private finishRels(): string {
    const p = /<(\w+:)?Relationships\b/.exec(this.relsXml)?.[1] ?? '';
    let xml = this.relsXml;
    if (this.sheetsRemoved) xml = xml.replace(/<(?:\w+:)?Relationship\b[^>]*>/g, (t) => (/\/calcChain$/.test(attrOf(t, 'Type') ?? '') ? '' : t));
    const rels = this.added.map((a) => `<${p}Relationship Id="${a.rid}" Type="${WORKSHEET_REL}" Target="${escapeXml(a.part.slice(this.wbDir.length))}"/>`).join('');
    return xml.replace(new RegExp(`</${p}Relationships>`), `${rels}</${p}Relationships>`);
  }

  private finishTypes(): string {
    const p = /<(\w+:)?Types\b/.exec(this.typesXml)?.[1] ?? '';
    let xml = this.typesXml;
    if (this.sheetsRemoved) xml = xml.replace(/<(?:\w+:)?Override\b[^>]*>/g, (t) => (/calcChain/.test(attrOf(t, 'ContentType') ?? '') ? '' : t));
    const overrides = this.added.map((a) => `<${p}Override PartName="/${escapeXml(a.part)}" ContentType="${WORKSHEET_TYPE}"/>`).join('');
    return xml.replace(new RegExp(`</${p}Types>`), `${overrides}</${p}Types>`);
  }

  /** The parts copied as stored (not changed), lower-cased names. */
  private copied(): Set<string> {
    const changed = new Set([this.workbookPart, relsOf(this.workbookPart), '[Content_Types].xml', this.stylesPart].map((x) => x.toLowerCase()));
    const out = new Set<string>();
    for (const k of this.zip.keys()) if (!changed.has(k) && !this.removedParts.has(k) && !(this.sheetsRemoved && /calcchain\.xml$/.test(k))) out.add(k);
    return out;
  }

  /**
   * Writes the edited package to `file`. Returns the names of the worksheets copied as stored,
   * which the loss check may treat as unchanged (see lightParts).
   */
  async write(file: string): Promise<Set<string>> {
    const copied = this.copied();
    const changed = new Map<string, string>([
      [this.workbookPart.toLowerCase(), this.finishWorkbook()],
      [relsOf(this.workbookPart).toLowerCase(), this.finishRels()],
      ['[content_types].xml', this.finishTypes()],
      [this.stylesPart.toLowerCase(), this.finishStyles()],
    ]);
    const out = new ZipOut(await fs.open(file, 'w'));
    try {
      for (const [key, e] of this.zip) {
        if (copied.has(key)) await out.copy(e, storedBytes(this.data, e));
        else if (changed.has(key)) await out.add(e.name, Buffer.from(changed.get(key)!, 'utf8'));
      }
      for (const a of this.added) await out.addChunks(a.part, sheetXml(a));
      await out.finish();
    } finally {
      await out.close();
    }
    return new Set([...copied].filter((k) => this.sheets.some((s) => s.part.toLowerCase() === k)));
  }
}

/** The XML of a new worksheet, in pieces. */
function* sheetXml(sheet: NewSheet): Generator<string> {
  const rows = [...sheet.rows()];
  let width = 0;
  for (const r of rows) width = Math.max(width, r.length);
  yield '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">';
  yield `<dimension ref="A1${rows.length && width ? `:${columnLetter(width - 1)}${rows.length}` : ''}"/>`;
  yield `<sheetViews><sheetView workbookViewId="0">${sheet.freezeHeader ? '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft"/>' : ''}</sheetView></sheetViews><sheetFormatPr defaultRowHeight="15"/>`;
  const widths = Object.entries(sheet.widths ?? {}).sort((a, b) => +a[0] - +b[0]);
  if (widths.length) yield `<cols>${widths.map(([c, w]) => `<col min="${c}" max="${c}" width="${w}" customWidth="1"/>`).join('')}</cols>`;
  yield '<sheetData>';
  let piece = '';
  for (let r = 0; r < rows.length; r++) {
    let row = `<row r="${r + 1}">`;
    const cells = rows[r];
    for (let c = 0; c < cells.length; c++) {
      const { v, s } = cells[c];
      const ref = `${columnLetter(c)}${r + 1}`;
      const st = s ? ` s="${s}"` : '';
      if (v === null || v === undefined || (typeof v === 'number' && !Number.isFinite(v))) {
        if (st) row += `<c r="${ref}"${st}/>`;
      } else if (typeof v === 'number') row += `<c r="${ref}"${st}><v>${v}</v></c>`;
      else if (typeof v === 'boolean') row += `<c r="${ref}"${st} t="b"><v>${v ? 1 : 0}</v></c>`;
      else row += `<c r="${ref}"${st} t="inlineStr"><is><t${/^\s|\s$/.test(v) ? ' xml:space="preserve"' : ''}>${cellText(v)}</t></is></c>`;
    }
    piece += `${row}</row>`;
    if (piece.length > 1 << 16) {
      yield piece;
      piece = '';
    }
  }
  yield `${piece}</sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`;
}

const crc32: (data: Uint8Array, value?: number) => number = (zlib as unknown as { crc32: (data: Uint8Array, value?: number) => number }).crc32;

/** A zip written front to back: entries copied as stored or deflated here, then the central directory. */
class ZipOut {
  private offset = 0;
  private readonly central: Buffer[] = [];
  private count = 0;

  constructor(private readonly fh: fs.FileHandle) {
    if (typeof crc32 !== 'function') throw new NotStreamable('zlib.crc32 is missing (Node 20.15 or later)');
  }

  private async put(b: Uint8Array): Promise<void> {
    let done = 0;
    while (done < b.length) {
      const { bytesWritten } = await this.fh.write(b, done, b.length - done);
      done += bytesWritten;
    }
    this.offset += b.length;
  }

  private async entry(name: string, method: number, flags: number, time: number, date: number, crc: number, csize: number, usize: number, data: Uint8Array[]): Promise<void> {
    if (this.offset >= 0xffffffff || csize >= 0xffffffff || usize >= 0xffffffff || this.count >= 0xffff) throw new NotStreamable('a package this large needs zip64');
    const nameBytes = Buffer.from(name, 'utf8');
    const utf8 = /[^\x20-\x7e]/.test(name) ? 0x800 : 0;
    const f = (flags & ~0x0008 & ~0x0800) | utf8;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(f, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(time, 10);
    local.writeUInt16LE(date, 12);
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE(csize, 18);
    local.writeUInt32LE(usize, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    local.writeUInt16LE(0, 28);
    const cd = Buffer.alloc(46);
    cd.writeUInt32LE(0x02014b50, 0);
    cd.writeUInt16LE(20, 4);
    cd.writeUInt16LE(20, 6);
    cd.writeUInt16LE(f, 8);
    cd.writeUInt16LE(method, 10);
    cd.writeUInt16LE(time, 12);
    cd.writeUInt16LE(date, 14);
    cd.writeUInt32LE(crc >>> 0, 16);
    cd.writeUInt32LE(csize, 20);
    cd.writeUInt32LE(usize, 24);
    cd.writeUInt16LE(nameBytes.length, 28);
    cd.writeUInt32LE(this.offset, 42);
    this.central.push(cd, nameBytes);
    this.count++;
    await this.put(Buffer.concat([local, nameBytes]));
    for (const d of data) await this.put(d);
  }

  /** An entry copied as stored. */
  async copy(e: ZipEntry, stored: Uint8Array): Promise<void> {
    await this.entry(e.name, e.method, e.flags, e.time, e.date, e.crc, e.compressedSize, e.uncompressedSize, [stored]);
  }

  /** A new or changed entry, deflated. */
  async add(name: string, data: Uint8Array): Promise<void> {
    const { time, date } = dosNow();
    const z = zlib.deflateRawSync(data, { level: 6 });
    await this.entry(name, 8, 0, time, date, crc32(data), z.length, data.length, [z]);
  }

  /** A new entry from text pieces, deflated piece by piece (the compressed bytes are held until the header is known). */
  async addChunks(name: string, pieces: Iterable<string>): Promise<void> {
    const { time, date } = dosNow();
    const deflate = zlib.createDeflateRaw({ level: 6 });
    const out: Buffer[] = [];
    deflate.on('data', (b: Buffer) => out.push(b));
    const ended = new Promise<void>((resolve, reject) => {
      deflate.on('end', resolve);
      deflate.on('error', reject);
    });
    let crc = 0;
    let size = 0;
    for (const piece of pieces) {
      const b = Buffer.from(piece, 'utf8');
      crc = crc32(b, crc);
      size += b.length;
      if (!deflate.write(b)) await new Promise((r) => deflate.once('drain', r));
    }
    deflate.end();
    await ended;
    let csize = 0;
    for (const b of out) csize += b.length;
    await this.entry(name, 8, 0, time, date, crc, csize, size, out);
  }

  async finish(): Promise<void> {
    const start = this.offset;
    for (const b of this.central) await this.put(b);
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(this.count, 8);
    end.writeUInt16LE(this.count, 10);
    end.writeUInt32LE(this.offset - start, 12);
    end.writeUInt32LE(start, 16);
    await this.put(end);
  }

  async close(): Promise<void> {
    await this.fh.close();
  }
}

function dosNow(): { time: number; date: number } {
  const d = new Date();
  return { time: (d.getHours() << 11) | (d.getMinutes() << 5) | (d.getSeconds() >> 1), date: ((d.getFullYear() - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate() };
}

/**
 * A package's parts for the loss check (xlsxPackage `lostFeatures`): every part inflated, except
 * the worksheets in `asStored`, which were copied byte for byte and stand in as the same empty
 * sheet on both sides (what they hold is the same by construction; inflating a full-height sheet
 * twice only to compare it with itself would cost its whole size in memory).
 */
export function lightParts(data: Uint8Array, asStored: Set<string>): Unzipped {
  const out: Unzipped = {};
  const stub = new Uint8Array(Buffer.from('<worksheet/>', 'utf8'));
  for (const [key, e] of readZipDirectory(data)) {
    if (e.name.endsWith('/')) continue;
    if (asStored.has(key)) {
      out[e.name] = stub;
      continue;
    }
    const stored = storedBytes(data, e);
    out[e.name] = new Uint8Array(e.method === 0 ? stored : zlib.inflateRawSync(stored));
  }
  return out;
}

/** The sheet a defined name marks in an .xlsx file, read from its workbook part only. */
export async function markedSheetInFile(file: string, mark: string): Promise<string | undefined> {
  try {
    return new XlsxEdit(await fs.readFile(file)).namedSheets(mark)[0];
  } catch {
    return undefined;
  }
}
