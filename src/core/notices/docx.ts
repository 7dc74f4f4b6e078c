import { strToU8, zipSync, Zippable } from 'fflate';
import { dayToIso } from '../parseDate';
import { formatDay, Lang } from '../format';

/**
 * A minimal, valid Word document (.docx, Office Open XML WordprocessingML, ECMA-376) with one
 * letter per page: the parts Word needs — `[Content_Types].xml`, `_rels/.rels`,
 * `word/document.xml` — plus `word/styles.xml` (a Cyrillic-capable default font),
 * `word/_rels/document.xml.rels` and `docProps/core.xml` / `app.xml`, zipped with fflate.
 *
 * Every letter starts with the recipient and the date (small, grey), then the subject (bold),
 * then the body: a blank line starts a new paragraph, a single line break stays a line break
 * (`<w:br/>`), a tab a `<w:tab/>`. From the second letter on, the first paragraph has
 * `<w:pageBreakBefore/>`. All text is XML-escaped and characters XML 1.0 does not allow (control
 * characters, lone surrogates) are dropped, so a client called `<w:p>&"'` is text, never markup.
 * The output is deterministic: the same letters give the same bytes.
 *
 * @example
 * const bytes = buildDocx([{ client: 'ACME', subject: 'Hello', body: 'Dear Ann,\n\nThank you.' }], { lang: 'en' });
 * unzipSync(bytes)['word/document.xml'] // …<w:t xml:space="preserve">Hello</w:t>…
 */
export interface DocxLetter {
  subject: string;
  body: string;
  client?: string;
  email?: string;
  /** Day number of the letter, shown under the recipient. */
  day?: number;
}

export interface DocxOptions {
  /** Language of the letters: page size (A4 for ru, Letter for en), dates, proofing language. */
  lang: Lang;
  /** Document title (docProps/core.xml). */
  title?: string;
  /** Day number for the document's creation date (default: the first letter's day). */
  day?: number;
}

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

/** Text without the characters XML 1.0 forbids (C0 controls but tab/LF/CR, U+FFFE/U+FFFF, lone surrogates). */
export function xmlSafe(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '');
}

/** Escape text for XML element content and attribute values. */
export function xmlEscape(s: string): string {
  return xmlSafe(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

interface RunStyle {
  bold?: boolean;
  size?: number;
  color?: string;
}

function rPr(style: RunStyle): string {
  const parts: string[] = [];
  if (style.bold) parts.push('<w:b/><w:bCs/>');
  if (style.color) parts.push(`<w:color w:val="${style.color}"/>`);
  if (style.size) parts.push(`<w:sz w:val="${style.size}"/><w:szCs w:val="${style.size}"/>`);
  return parts.length ? `<w:rPr>${parts.join('')}</w:rPr>` : '';
}

/** Runs for text with line breaks and tabs: one `<w:r>` holding `<w:t>`, `<w:br/>`, `<w:tab/>`. */
function runs(text: string, style: RunStyle): string {
  const out: string[] = [];
  text.split('\n').forEach((line, i) => {
    if (i > 0) out.push('<w:br/>');
    line.split('\t').forEach((piece, j) => {
      if (j > 0) out.push('<w:tab/>');
      if (piece) out.push(`<w:t xml:space="preserve">${xmlEscape(piece)}</w:t>`);
    });
  });
  return `<w:r>${rPr(style)}${out.join('')}</w:r>`;
}

function paragraph(text: string, style: RunStyle = {}, opts: { pageBreak?: boolean; after?: number } = {}): string {
  const pPr: string[] = [];
  if (opts.pageBreak) pPr.push('<w:pageBreakBefore/>');
  if (opts.after !== undefined) pPr.push(`<w:spacing w:after="${opts.after}"/>`);
  return `<w:p>${pPr.length ? `<w:pPr>${pPr.join('')}</w:pPr>` : ''}${text ? runs(text, style) : ''}</w:p>`;
}

/** Paragraphs of a body: blank lines separate paragraphs; single line breaks stay inside one. */
export function bodyParagraphs(body: string): string[] {
  return body
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((p) => p.replace(/^\n+|\n+$/g, ''))
    .filter((p) => p.trim() !== '');
}

/** `word/document.xml` for the letters. */
export function documentXml(letters: ReadonlyArray<DocxLetter>, options: DocxOptions): string {
  const lang = options.lang;
  const body: string[] = [];
  letters.forEach((l, i) => {
    const head = [l.client ?? '', l.email ?? ''].filter((s) => s.trim() !== '').join(' · ');
    const date = l.day !== undefined ? formatDay(l.day, lang) : '';
    const meta = [head, date].filter(Boolean).join('\n');
    const grey: RunStyle = { size: 18, color: '605E5C' };
    if (meta) body.push(paragraph(meta, grey, { pageBreak: i > 0, after: 240 }));
    // the subject carries the page break when there is no recipient line
    body.push(paragraph(l.subject.replace(/[\r\n]+/g, ' '), { bold: true, size: 28 }, { pageBreak: i > 0 && !meta, after: 240 }));
    for (const p of bodyParagraphs(l.body)) body.push(paragraph(p));
  });
  if (body.length === 0) body.push('<w:p/>');
  const page = lang === 'ru' ? '<w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1701" w:header="708" w:footer="708" w:gutter="0"/>' : '<w:pgSz w:w="12240" w:h="15840"/><w:pgMar w:top="1440" w:right="1440" w:bottom="1440" w:left="1440" w:header="720" w:footer="720" w:gutter="0"/>';
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="${W}"><w:body>${body.join('')}<w:sectPr>${page}</w:sectPr></w:body></w:document>`;
}

function stylesXml(lang: Lang): string {
  const tag = lang === 'ru' ? 'ru-RU' : 'en-US';
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:styles xmlns:w="${W}"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Calibri" w:hAnsi="Calibri" w:eastAsia="Calibri" w:cs="Calibri"/><w:sz w:val="22"/><w:szCs w:val="22"/><w:lang w:val="${tag}" w:eastAsia="${tag}" w:bidi="ar-SA"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="160" w:line="264" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style></w:styles>`;
}

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/><Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>`;

const ROOT_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/></Relationships>`;

const DOCUMENT_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`;

function coreXml(title: string, day: number | undefined): string {
  const when = day !== undefined ? `${dayToIso(day)}T00:00:00Z` : '2000-01-01T00:00:00Z';
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>${xmlEscape(title)}</dc:title><dc:creator>Client Tiers</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">${when}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${when}</dcterms:modified></cp:coreProperties>`;
}

function appXml(pages: number): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>Client Tiers</Application><Pages>${pages}</Pages></Properties>`;
}

/**
 * The .docx bytes for the letters, one page per letter.
 *
 * @example buildDocx(notices, { lang: 'ru', title: 'Уведомления' }) // Uint8Array, starts with 'PK'
 */
export function buildDocx(letters: ReadonlyArray<DocxLetter>, options: DocxOptions): Uint8Array {
  const day = options.day ?? letters[0]?.day;
  const title = options.title ?? (options.lang === 'ru' ? 'Уведомления клиентам' : 'Client notices');
  // a fixed timestamp inside the zip keeps the bytes the same from run to run
  const file = (text: string): Zippable[string] => [strToU8(text), { mtime: new Date(2000, 0, 1) }];
  return zipSync(
    {
      '[Content_Types].xml': file(CONTENT_TYPES),
      '_rels/.rels': file(ROOT_RELS),
      'word/document.xml': file(documentXml(letters, options)),
      'word/_rels/document.xml.rels': file(DOCUMENT_RELS),
      'word/styles.xml': file(stylesXml(options.lang)),
      'docProps/core.xml': file(coreXml(title, day)),
      'docProps/app.xml': file(appXml(Math.max(1, letters.length))),
    },
    { level: 6 },
  );
}

/** MIME type of a .docx file, for a download Blob. */
export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
