/**
 * The .xlsx package (an OPC zip, ECMA-376 Part 2) before and after ExcelJS: shared by the command
 * line and the workbench's "Open" (src/workbench/standin/xlsxModel.ts), so no Node imports here.
 *
 * - `normaliseXlsx`: valid packages other programs write that ExcelJS 4.4 cannot read, made
 *   readable without changing what they hold: absolute relationship targets
 *   (`Target="/xl/tables/table1.xml"`, as openpyxl writes them; ECMA-376 Part 2 §9.3.2 allows
 *   them) become relative ones; tables without `<tableStyleInfo>` (optional, ECMA-376 Part 1
 *   §18.5.1.2; LibreOffice omits it) get an empty one (no style), which ExcelJS needs.
 *   A password-protected workbook (an OLE compound file holding "EncryptionInfo",
 *   [MS-OFFCRYPTO] §2.3.4) and an old binary .xls are named as such, not as a broken zip.
 * - `packageFeatures` / `lostFeatures`: what a package holds that a round trip through ExcelJS is
 *   known to drop or change (charts and other parts it does not write, defined names holding
 *   constants or formulas, number formats with escapes, protection, data validations, unlocked
 *   cells, custom properties): compared before and after, so `apply` can name each loss.
 */
import { strFromU8, strToU8, unzipSync, Unzipped, zipSync, Zippable } from 'fflate';
import { Message, MessageError, msg } from '../core/messages';

/** A package that cannot be opened, with the reason as a message code. */
export class PackageError extends MessageError {
  constructor(detail: Message) {
    super(detail);
    this.name = 'PackageError';
  }
}

const CFB_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** Does `bytes` hold `text` as UTF-16LE (the names in a compound file's directory)? */
function hasUtf16(bytes: Uint8Array, text: string): boolean {
  const first = text.charCodeAt(0);
  outer: for (let i = 0; i + text.length * 2 <= bytes.length; i++) {
    if (bytes[i] !== first || bytes[i + 1] !== 0) continue;
    for (let k = 1; k < text.length; k++) if (bytes[i + k * 2] !== text.charCodeAt(k) || bytes[i + k * 2 + 1] !== 0) continue outer;
    return true;
  }
  return false;
}

/**
 * Refuses what is not a zip package, by its first bytes: a compound file is named
 * (password-protected, or an old .xls), anything else "not an .xlsx".
 */
export function checkXlsxSignature(bytes: Uint8Array, file: string): void {
  if (bytes.length >= 8 && CFB_SIGNATURE.every((b, i) => bytes[i] === b)) {
    // the directory sits in the first sectors of small files; look at most at 1 MB
    const head = bytes.subarray(0, Math.min(bytes.length, 1 << 20));
    if (hasUtf16(head, 'EncryptionInfo') || hasUtf16(head, 'EncryptedPackage')) throw new PackageError(msg('file.passwordProtected', { file }));
    throw new PackageError(msg('file.legacyXls', { file }));
  }
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) throw new PackageError(msg('file.notXlsx', { file }));
}

/** Unzips an .xlsx; a compound file is named (password-protected, or an old .xls). */
export function unzipXlsx(bytes: Uint8Array, file: string): Unzipped {
  checkXlsxSignature(bytes, file);
  try {
    return unzipSync(bytes);
  } catch {
    throw new PackageError(msg('file.notXlsx', { file }));
  }
}

// ---- relationships ------------------------------------------------------------------------------

const decode = (s: string) => s.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/** The attributes of one start tag (`<x a="1" b='2'>`), values decoded. */
function attrs(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/([\w:.-]+)\s*=\s*("([^"]*)"|'([^']*)')/g)) out[m[1]] = decode(m[3] ?? m[4] ?? '');
  return out;
}

/** The folder of a part name ("xl/worksheets/sheet1.xml" → "xl/worksheets"). */
const folderOf = (part: string) => part.slice(0, Math.max(0, part.lastIndexOf('/')));

/** The part a relationships part describes ("xl/_rels/workbook.xml.rels" → "xl/workbook.xml"; "_rels/.rels" → ""). */
function sourceOfRels(relsPart: string): string {
  const m = /^(.*?)_rels\/(.*)\.rels$/.exec(relsPart);
  return m ? `${m[1]}${m[2]}` : '';
}

/** A target resolved to a part name (no leading slash), per ECMA-376 Part 2 §9.3.2. */
export function resolveTarget(sourcePart: string, target: string): string {
  const t = target.replace(/\\/g, '/');
  const parts = (t.startsWith('/') ? t.slice(1) : `${folderOf(sourcePart)}/${t}`).split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '' || p === '.') continue;
    if (p === '..') out.pop();
    else out.push(p);
  }
  return out.join('/');
}

/** A part name as a target relative to the source part's folder. */
function relativeTarget(sourcePart: string, part: string): string {
  const from = folderOf(sourcePart).split('/').filter(Boolean);
  const to = part.split('/');
  let k = 0;
  while (k < from.length && k < to.length - 1 && from[k] === to[k]) k++;
  return [...from.slice(k).map(() => '..'), ...to.slice(k)].join('/');
}

export interface Relationship {
  id: string;
  type: string;
  /** the part it points to (resolved), or the raw target when external */
  part: string;
  external: boolean;
}

export function relationships(parts: Unzipped, sourcePart: string): Relationship[] {
  const folder = folderOf(sourcePart);
  const name = sourcePart.slice(folder.length ? folder.length + 1 : 0);
  const relsPart = `${folder ? `${folder}/` : ''}_rels/${name}.rels`;
  const bytes = parts[relsPart];
  if (!bytes) return [];
  const out: Relationship[] = [];
  for (const m of strFromU8(bytes).matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)) {
    const a = attrs(m[0]);
    const external = a.TargetMode === 'External';
    out.push({ id: a.Id, type: a.Type ?? '', part: external ? (a.Target ?? '') : resolveTarget(sourcePart, a.Target ?? ''), external });
  }
  return out;
}

// ---- normalising ---------------------------------------------------------------------------------

export interface Normalised {
  bytes: Uint8Array;
  /** what was changed, for tests and logs ("relative targets in xl/_rels/workbook.xml.rels", …) */
  fixed: string[];
}

/** The package with absolute targets made relative and every table given a `<tableStyleInfo>`. */
export function normaliseXlsx(bytes: Uint8Array, file: string): Normalised {
  const parts = unzipXlsx(bytes, file);
  const fixed: string[] = [];
  const changed: Zippable = {};
  for (const [name, data] of Object.entries(parts)) {
    if (!name.endsWith('.rels')) continue;
    const source = sourceOfRels(name);
    const text = strFromU8(data);
    let touched = false;
    const next = text.replace(/<((?:\w+:)?Relationship)\b[^>]*>/g, (tag) => {
      const a = attrs(tag);
      if (a.TargetMode === 'External' || !a.Target || !/^[/\\]|\\/.test(a.Target)) return tag;
      touched = true;
      const rel = relativeTarget(source, resolveTarget(source, a.Target));
      return tag.replace(/\bTarget\s*=\s*("[^"]*"|'[^']*')/, `Target="${rel.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"`);
    });
    if (touched) {
      changed[name] = strToU8(next);
      fixed.push(`relative targets in ${name}`);
    }
  }
  for (const [name, data] of Object.entries(parts)) {
    if (!/^xl\/tables\/[^/]+\.xml$/i.test(name)) continue;
    let text = strFromU8(data);
    const prefix = /<(\w+:)?table\b/.exec(text)?.[1] ?? '';
    const open = new RegExp(`<${prefix}table\\b[^>]*>`).exec(text);
    if (!open) continue;
    let touched = false;
    // headerRowCount defaults to 1 (ECMA-376 Part 1 §18.5.1.2); ExcelJS reads a missing one as 0
    // and would write the table back without its header row
    if (!/\bheaderRowCount\s*=/.test(open[0])) {
      text = text.slice(0, open.index) + open[0].replace(/\s*(\/?)>$/, ' headerRowCount="1"$1>') + text.slice(open.index + open[0].length);
      fixed.push(`header row count in ${name}`);
      touched = true;
    }
    if (!new RegExp(`<${prefix}tableStyleInfo\\b`).test(text)) {
      const info = `<${prefix}tableStyleInfo showFirstColumn="0" showLastColumn="0" showRowStripes="0" showColumnStripes="0"/>`;
      const at = text.search(new RegExp(`<${prefix}extLst\\b|</${prefix}table>`));
      if (at >= 0) {
        text = text.slice(0, at) + info + text.slice(at);
        fixed.push(`table style info in ${name}`);
        touched = true;
      }
    }
    if (touched) changed[name] = strToU8(text);
  }
  if (fixed.length === 0) return { bytes, fixed };
  const all: Zippable = {};
  for (const [name, data] of Object.entries(parts)) if (!name.endsWith('/')) all[name] = changed[name] ?? data;
  return { bytes: zipSync(all, { level: 1 }), fixed };
}

/** Defined names apply writes to mark what it wrote (sheets, result columns): `ClientTiers_…`. */
export const OWN_NAME_PREFIX = 'ClientTiers_';

// ---- features a round trip can lose --------------------------------------------------------------

/** Kinds of things `apply` checks it kept; the message catalogue names each (`apply.wouldLose`). */
export type FeatureKind =
  | 'part'
  | 'definedName'
  | 'numberFormat'
  | 'workbookProtection'
  | 'sheetProtection'
  | 'dataValidation'
  | 'unlockedCell'
  | 'customProperties';

export interface Feature {
  kind: FeatureKind;
  /** what it is, as the file says it (a part's kind, a name, a format code, a sheet and range) */
  detail: string;
}

/** Content types of parts ExcelJS writes itself (their names and numbers may change, what they hold is compared separately). */
const REWRITTEN = /(spreadsheetml\.(sheet\.main|worksheet|styles|sharedStrings|calcChain|table)|officedocument\.theme|vmlDrawing|\.comments|drawing\+xml|core-properties|extended-properties|relationships|^image\/|custom-properties)/;

/** The content type of each part ([Content_Types].xml: overrides, then defaults by extension). */
function contentTypes(parts: Unzipped): Map<string, string> {
  const text = parts['[Content_Types].xml'] ? strFromU8(parts['[Content_Types].xml']) : '';
  const byExt = new Map<string, string>();
  const byPart = new Map<string, string>();
  for (const m of text.matchAll(/<(?:\w+:)?Default\b[^>]*>/g)) {
    const a = attrs(m[0]);
    if (a.Extension) byExt.set(a.Extension.toLowerCase(), a.ContentType ?? '');
  }
  for (const m of text.matchAll(/<(?:\w+:)?Override\b[^>]*>/g)) {
    const a = attrs(m[0]);
    if (a.PartName) byPart.set(a.PartName.replace(/^\//, '').toLowerCase(), a.ContentType ?? '');
  }
  const out = new Map<string, string>();
  for (const name of Object.keys(parts)) {
    if (name.endsWith('/') || name === '[Content_Types].xml') continue;
    const ext = name.slice(name.lastIndexOf('.') + 1).toLowerCase();
    out.set(name, byPart.get(name.toLowerCase()) ?? byExt.get(ext) ?? 'application/octet-stream');
  }
  return out;
}

/** A readable kind of part from its content type ("…drawingml.chart+xml" → "chart"). */
function partKind(type: string): string {
  const m = /\.([\w-]+)(\+xml)?$/.exec(type.replace(/^application\/vnd\.(openxmlformats-officedocument|ms-excel|ms-office)\./, '.'));
  return m ? m[1] : type;
}

/** Sheets by name → their part. */
function sheetParts(parts: Unzipped): Array<{ name: string; part: string; index: number }> {
  const wbPart = relationships(parts, '').find((r) => r.type.endsWith('/officeDocument'))?.part ?? 'xl/workbook.xml';
  const wb = parts[wbPart] ? strFromU8(parts[wbPart]) : '';
  const rels = new Map(relationships(parts, wbPart).map((r) => [r.id, r.part]));
  const out: Array<{ name: string; part: string; index: number }> = [];
  for (const m of wb.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    const a = attrs(m[0]);
    const id = a['r:id'] ?? Object.entries(a).find(([k]) => k.endsWith(':id'))?.[1];
    const part = id ? rels.get(id) : undefined;
    if (part) out.push({ name: a.name ?? '', part, index: out.length });
  }
  return out;
}

/** `<numFmt>` codes by id and, per cellXfs index, the format code and whether the cell is unlocked. */
function cellStyles(parts: Unzipped): Array<{ format: string; unlocked: boolean }> {
  const styles = Object.keys(parts).find((p) => /^xl\/styles\.xml$/i.test(p));
  if (!styles) return [];
  const text = strFromU8(parts[styles]);
  const codes = new Map<string, string>();
  for (const m of text.matchAll(/<(?:\w+:)?numFmt\b[^>]*>/g)) {
    const a = attrs(m[0]);
    codes.set(a.numFmtId, a.formatCode ?? '');
  }
  const xfs = /<(?:\w+:)?cellXfs\b[^>]*>([\s\S]*?)<\/(?:\w+:)?cellXfs>/.exec(text)?.[1] ?? '';
  const out: Array<{ format: string; unlocked: boolean }> = [];
  for (const m of xfs.matchAll(/<(?:\w+:)?xf\b([^>]*?)(\/>|>([\s\S]*?)<\/(?:\w+:)?xf>)/g)) {
    const a = attrs(`<xf ${m[1]}>`);
    const id = a.numFmtId ?? '0';
    out.push({ format: codes.get(id) ?? `#${id}`, unlocked: /<(?:\w+:)?protection\b[^>]*\blocked\s*=\s*["'](0|false)["']/.test(m[3] ?? '') });
  }
  return out;
}

/**
 * Everything of the listed kinds a package holds, as "kind|detail" keys (a multiset: a key may
 * repeat). Cells are looked at only for escaped number formats and unlocked cells, and only when
 * the styles have such formats, so a plain workbook costs one pass over its style sheet.
 */
export function packageFeatures(parts: Unzipped): Feature[] {
  const out: Feature[] = [];
  for (const [name, type] of contentTypes(parts)) {
    if (name.endsWith('.rels') || REWRITTEN.test(type)) continue;
    out.push({ kind: 'part', detail: `${partKind(type)} (${name})` });
  }
  if (Object.keys(parts).some((p) => /^docprops\/custom\.xml$/i.test(p))) out.push({ kind: 'customProperties', detail: 'docProps/custom.xml' });
  const sheets = sheetParts(parts);
  const wbPart = relationships(parts, '').find((r) => r.type.endsWith('/officeDocument'))?.part ?? 'xl/workbook.xml';
  const wb = parts[wbPart] ? strFromU8(parts[wbPart]) : '';
  if (/<(?:\w+:)?workbookProtection\b[^>]*(lockStructure|lockWindows|workbookPassword|workbookHashValue)\s*=\s*["'](1|true|[0-9A-Fa-f+/=]{2,})["']/.test(wb)) out.push({ kind: 'workbookProtection', detail: '' });
  for (const m of wb.matchAll(/<(?:\w+:)?definedName\b([^>]*)>([\s\S]*?)<\/(?:\w+:)?definedName>/g)) {
    const a = attrs(`<d ${m[1]}>`);
    // the hidden name Excel keeps for an AutoFilter is rebuilt from the sheet's <autoFilter> (which is kept)
    if (/^_xlnm\._FilterDatabase$/i.test(a.name ?? '')) continue;
    const local = a.localSheetId !== undefined ? sheets[Number(a.localSheetId)]?.name : undefined;
    let text = decode(m[2]).trim().replace(/'/g, '');
    // a print area is absolute whatever its dollars say; ExcelJS writes $A1:$C13 for $A$1:$C$13
    if (/^_xlnm\.Print_Area$/i.test(a.name ?? '')) text = text.replace(/\$/g, '');
    out.push({ kind: 'definedName', detail: `${local !== undefined ? `${local}!` : ''}${a.name} = ${text}` });
  }
  const styles = cellStyles(parts);
  const escaped = styles.map((s) => /\\/.test(s.format));
  const unlocked = styles.map((s) => s.unlocked);
  const lookAtCells = escaped.some(Boolean) || unlocked.some(Boolean);
  for (const s of sheets) {
    const data = parts[s.part];
    if (!data) continue;
    // what follows the cells (protection, validations…), without decoding a full sheet's XML at once
    const end = lastIndexOfBytes(data, SHEET_DATA_END);
    const text = strFromU8(end >= 0 ? data.subarray(end) : data);
    const prot = /<(?:\w+:)?sheetProtection\b[^>]*>/.exec(text);
    if (prot) {
      const a = attrs(prot[0]);
      out.push({ kind: 'sheetProtection', detail: `${s.name}: ${Object.keys(a).sort().map((k) => `${k}=${a[k]}`).join(' ')}` });
    }
    for (const m of text.matchAll(/<(?:\w+:)?dataValidation\b([^>]*)>([\s\S]*?)<\/(?:\w+:)?dataValidation>/g)) {
      const a = attrs(`<d ${m[1]}>`);
      out.push({ kind: 'dataValidation', detail: `${s.name}!${a.sqref} ${a.type ?? ''} ${m[2].replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim()}` });
    }
    if (!lookAtCells) continue;
    for (const chunk of textChunks(end >= 0 ? data.subarray(0, end) : data)) for (const m of chunk.matchAll(/<(?:\w+:)?c\b[^>]*?\br="([A-Z]+\d+)"[^>]*?\bs="(\d+)"|<(?:\w+:)?c\b[^>]*?\bs="(\d+)"[^>]*?\br="([A-Z]+\d+)"/g)) {
      const ref = m[1] ?? m[4];
      const k = Number(m[2] ?? m[3]);
      if (escaped[k]) out.push({ kind: 'numberFormat', detail: `${s.name}!${ref} ${styles[k].format}` });
      if (unlocked[k]) out.push({ kind: 'unlockedCell', detail: `${s.name}!${ref}` });
    }
  }
  return out;
}

const SHEET_DATA_END = strToU8('</sheetData>');

function lastIndexOfBytes(data: Uint8Array, needle: Uint8Array): number {
  outer: for (let i = data.length - needle.length; i >= 0; i--) {
    for (let k = 0; k < needle.length; k++) if (data[i + k] !== needle[k]) continue outer;
    return i;
  }
  return -1;
}

/** XML bytes as text in pieces of about 8 MB, each cut just before a "<" (so no tag and no UTF-8 character is split). */
function* textChunks(data: Uint8Array, size = 8 << 20): Generator<string> {
  let from = 0;
  while (from < data.length) {
    let to = Math.min(data.length, from + size);
    while (to < data.length && data[to] !== 0x3c) to++;
    yield strFromU8(data.subarray(from, to));
    from = to;
  }
}

/**
 * What `after` lost or changed of `before`: each feature of `before` missing from `after`, and
 * data validations that appeared (ExcelJS duplicates them). `ignoreSheets` are the sheets the
 * caller rewrote on purpose (their features are its own).
 */
export function lostFeatures(before: Unzipped, after: Unzipped, ignoreSheets: string[] = []): Feature[] {
  // our own marks (OWN_NAME_PREFIX) come and go with what apply writes
  const skip = (f: Feature) => (f.kind === 'definedName' && f.detail.startsWith(OWN_NAME_PREFIX)) || ignoreSheets.some((n) => f.detail.startsWith(`${n}!`) || f.detail.startsWith(`${n}: `));
  const count = (fs: Feature[]) => {
    const m = new Map<string, number>();
    for (const f of fs) if (!skip(f)) m.set(`${f.kind}|${f.detail}`, (m.get(`${f.kind}|${f.detail}`) ?? 0) + 1);
    return m;
  };
  const a = count(packageFeatures(before));
  const afterFeatures = packageFeatures(after);
  const b = count(afterFeatures);
  const lost: Feature[] = [];
  for (const [key, n] of a) {
    const missing = n - (b.get(key) ?? 0);
    const [kind, ...rest] = key.split('|');
    for (let i = 0; i < missing; i++) lost.push({ kind: kind as FeatureKind, detail: rest.join('|') });
  }
  for (const [key, n] of b) {
    if (!key.startsWith('dataValidation|')) continue;
    if (n > (a.get(key) ?? 0)) lost.push({ kind: 'dataValidation', detail: key.slice('dataValidation|'.length) });
  }
  return lost;
}
