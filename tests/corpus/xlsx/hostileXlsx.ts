/**
 * A generator of valid-but-hostile .xlsx packages, written part by part (no binary blobs): the
 * shapes other programs write and ExcelJS 4.4 stumbles over, and the features a round trip
 * through ExcelJS loses.
 *
 * - `openpyxl`: absolute part names in every relationship (`Target="/xl/tables/table1.xml"`),
 *   as openpyxl writes them (ECMA-376 Part 2 §9.3 allows absolute targets);
 * - `libreoffice`: relative targets, and tables without `<tableStyleInfo>` (optional in
 *   ECMA-376 Part 1 §18.5.1.2), which makes ExcelJS fail with "reading 'theme'";
 * - comments (with their VML drawing), an image and a chart (drawing parts), sheet and workbook
 *   protection, defined names holding a constant and a formula, print titles, data validations,
 *   number formats with escapes (`0\%`, `#,##0\,`), custom document properties, unlocked cells,
 *   a user's own "ABC"/"Причина" columns and a user sheet named like ours.
 * Every package carries a client table (client, revenue, manager) in English or Russian; with
 * `log`, a transaction log instead (a date column after the three, each client on two rows).
 */
import { strToU8, zipSync, Zippable } from 'fflate';

export type Lang = 'en' | 'ru';

export interface HostileOptions {
  lang?: Lang;
  flavour?: 'openpyxl' | 'libreoffice';
  /** the client range is an Excel table */
  table?: boolean;
  /** write `<tableStyleInfo>` in the table (LibreOffice does not) */
  tableStyleInfo?: boolean;
  comments?: boolean;
  image?: boolean;
  chart?: boolean;
  sheetProtection?: boolean;
  workbookProtection?: boolean;
  /** a defined name holding a constant and one holding a formula */
  definedNames?: boolean;
  printTitles?: boolean;
  /** a print area and an AutoFilter over the data (with the hidden _xlnm._FilterDatabase name Excel writes) */
  printAreaAndFilter?: boolean;
  /** a defined name scoped to the sheet (localSheetId) */
  localName?: boolean;
  validations?: boolean;
  escapedFormats?: boolean;
  customProps?: boolean;
  unlockedCells?: boolean;
  /** a second sheet of the user's, with this name (e.g. "Сводка уровней") */
  userSheet?: string;
  /** the user's own columns after the data, with these headers (e.g. ["ABC", "Причина"]) */
  userColumns?: string[];
  /** number of clients (default 12) */
  rows?: number;
  /** a transaction log: a date column (D, dates as Excel saves them) and each client on two rows */
  log?: boolean;
}

export const DATE_HEADER: Record<Lang, string> = { en: 'Date', ru: 'Дата' };

export const HEADERS: Record<Lang, [string, string, string]> = {
  en: ['Client', 'Revenue', 'Manager'],
  ru: ['Клиент', 'Выручка', 'Менеджер'],
};

/** The client rows: distinct names, amounts falling steeply (so tiers are clear), a manager. */
export function clientRows(lang: Lang, n: number): Array<[string, number, string]> {
  const names = lang === 'ru' ? ['ООО «Альфа»', 'ИП Петров', 'АО Вега', 'ЗАО Ромашка', 'ООО Север'] : ['Acme Ltd', 'Globex', 'Initech', 'Umbrella plc', 'Stark & Co'];
  const managers = lang === 'ru' ? ['Иванова', 'Смирнов'] : ['Jones', 'Smith'];
  const rows: Array<[string, number, string]> = [];
  for (let i = 0; i < n; i++) rows.push([`${names[i % names.length]} ${i + 1}`, Math.round(1_000_000 / (i + 1)) + 0.5, managers[i % 2]]);
  return rows;
}

export const NUMBER_FORMATS = { percent: '0\\%', thousands: '#,##0\\,' };

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const RT = `${R}/`;
const col = (i: number) => String.fromCharCode(65 + i);

function rels(list: Array<[string, string, string]>): string {
  return `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${list.map(([id, type, target]) => `<Relationship Id="${id}" Type="${type}" Target="${target}"/>`).join('')}</Relationships>`;
}

/** Builds the package. */
export function hostileXlsx(o: HostileOptions = {}): Uint8Array {
  const lang = o.lang ?? 'en';
  const abs = (o.flavour ?? 'openpyxl') === 'openpyxl';
  // a target from a part in xl/… : absolute (openpyxl) or relative to the source part's folder
  const fromXl = (p: string) => (abs ? `/xl/${p}` : p);
  const fromSheet = (p: string) => (abs ? `/xl/${p}` : `../${p}`);
  const clients = clientRows(lang, o.rows ?? 12);
  // a log: every client twice, half its amount each time, on two days (serials 46000.. = Dec 2025)
  const data = o.log ? clients.flatMap(([name, amount, manager]) => [[name, amount / 2, manager], [name, amount / 2, manager]] as Array<[string, number, string]>) : clients;
  const n = data.length;
  const own = o.log ? 4 : 3; // the columns before the user's own
  const headers: string[] = [...HEADERS[lang], ...(o.log ? [DATE_HEADER[lang]] : []), ...(o.userColumns ?? [])];
  const strings: string[] = [];
  const index = new Map<string, number>();
  const sst = (s: string) => {
    let i = index.get(s);
    if (i === undefined) index.set(s, (i = strings.push(s) - 1));
    return i;
  };
  const lastRow = n + 1;
  const lastCol = col(headers.length - 1);
  // styles: 0 default, 1 bold header, 2 money (#,##0.00), 3 escaped percent, 4 escaped thousands, 5 unlocked, 6 date
  const sheetRows: string[] = [];
  sheetRows.push(`<row r="1">${headers.map((h, c) => `<c r="${col(c)}1" t="s" s="1"><v>${sst(h)}</v></c>`).join('')}</row>`);
  data.forEach(([name, amount, manager], i) => {
    const r = i + 2;
    const date = o.log ? `<c r="D${r}" s="6"><v>${46000 + (i % 20)}</v></c>` : '';
    const extra = (o.userColumns ?? []).map((_, k) => `<c r="${col(own + k)}${r}" t="s"><v>${sst(`${lang === 'ru' ? 'моё' : 'mine'} ${k + 1}.${r}`)}</v></c>`).join('');
    const amountStyle = o.escapedFormats ? (i % 2 ? 4 : 3) : 2;
    const nameStyle = o.unlockedCells ? ' s="5"' : '';
    sheetRows.push(`<row r="${r}"><c r="A${r}" t="s"${nameStyle}><v>${sst(name)}</v></c><c r="B${r}" s="${amountStyle}"><v>${amount}</v></c><c r="C${r}" t="s"><v>${sst(manager)}</v></c>${date}${extra}</row>`);
  });
  // a formula cell with its cached result below the table (two rows down, so it is not a data row)
  const fr = lastRow + 2;
  sheetRows.push(`<row r="${fr}"><c r="B${fr}"><f>SUM(B2:B${lastRow})</f><v>${data.reduce((s, d) => s + d[1], 0)}</v></c></row>`);

  const sheetRels: Array<[string, string, string]> = [];
  const files: Zippable = {};
  const types: string[] = [];
  const override = (part: string, type: string) => types.push(`<Override PartName="${part}" ContentType="${type}"/>`);
  let tail = '';
  if (o.sheetProtection) tail += '<sheetProtection sheet="1" objects="1" scenarios="1" formatCells="0"/>';
  if (o.printAreaAndFilter && !o.table) tail += `<autoFilter ref="A1:${lastCol}${lastRow}"/>`;
  if (o.validations) tail += `<dataValidations count="1"><dataValidation type="list" allowBlank="1" showErrorMessage="1" sqref="C2:C${lastRow}"><formula1>"${HEADERS[lang][2]},x"</formula1></dataValidation></dataValidations>`;
  tail += '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>';
  if (o.image || o.chart) {
    sheetRels.push(['rIdDr', `${RT}drawing`, fromSheet('drawings/drawing1.xml')]);
    tail += '<drawing r:id="rIdDr"/>';
  }
  if (o.comments) {
    sheetRels.push(['rIdCm', `${RT}comments`, fromSheet('comments1.xml')]);
    sheetRels.push(['rIdVml', `${RT}vmlDrawing`, fromSheet('drawings/vmlDrawing1.vml')]);
    tail += '<legacyDrawing r:id="rIdVml"/>';
  }
  if (o.table) {
    sheetRels.push(['rIdTb', `${RT}table`, fromSheet('tables/table1.xml')]);
    tail += '<tableParts count="1"><tablePart r:id="rIdTb"/></tableParts>';
  }
  files['xl/worksheets/sheet1.xml'] = strToU8(
    `${XML}<worksheet xmlns="${NS}" xmlns:r="${R}"><dimension ref="A1:${lastCol}${fr}"/><sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15"/><cols><col min="1" max="1" width="28" customWidth="1"/></cols><sheetData>${sheetRows.join('')}</sheetData>${tail}</worksheet>`,
  );
  override('/xl/worksheets/sheet1.xml', 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml');
  if (sheetRels.length) files['xl/worksheets/_rels/sheet1.xml.rels'] = strToU8(rels(sheetRels));

  if (o.table) {
    const style = o.tableStyleInfo === false ? '' : '<tableStyleInfo name="TableStyleMedium9" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/>';
    files['xl/tables/table1.xml'] = strToU8(
      `${XML}<table xmlns="${NS}" id="1" name="${lang === 'ru' ? 'Клиенты' : 'Clients'}" displayName="${lang === 'ru' ? 'Клиенты' : 'Clients'}" ref="A1:${lastCol}${lastRow}"><autoFilter ref="A1:${lastCol}${lastRow}"/><tableColumns count="${headers.length}">${headers.map((h, i) => `<tableColumn id="${i + 1}" name="${esc(h)}"/>`).join('')}</tableColumns>${style}</table>`,
    );
    override('/xl/tables/table1.xml', 'application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml');
  }
  if (o.comments) {
    files['xl/comments1.xml'] = strToU8(
      `${XML}<comments xmlns="${NS}"><authors><author>${lang === 'ru' ? 'Автор' : 'Author'}</author></authors><commentList><comment ref="B2" authorId="0"><text><t>${lang === 'ru' ? 'Проверить сумму' : 'Check the amount'}</t></text></comment></commentList></comments>`,
    );
    override('/xl/comments1.xml', 'application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml');
    files['xl/drawings/vmlDrawing1.vml'] = strToU8(
      '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel"><v:shape id="_x0000_s1025" type="#_x0000_t202" style="position:absolute;visibility:hidden" fillcolor="#ffffe1"><v:textbox/><x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:AutoFill>False</x:AutoFill><x:Row>1</x:Row><x:Column>1</x:Column></x:ClientData></v:shape></xml>',
    );
    types.push('<Default Extension="vml" ContentType="application/vnd.openxmlformats-officedocument.vmlDrawing"/>');
  }
  if (o.image || o.chart) {
    const anchors: string[] = [];
    const drawingRels: Array<[string, string, string]> = [];
    const XDR = 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing';
    const A = 'http://schemas.openxmlformats.org/drawingml/2006/main';
    const from = (c: number, r: number) => `<xdr:from><xdr:col>${c}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${r}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>`;
    const to = (c: number, r: number) => `<xdr:to><xdr:col>${c}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${r}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>`;
    if (o.image) {
      drawingRels.push(['rIdImg', `${RT}image`, abs ? '/xl/media/image1.png' : '../media/image1.png']);
      anchors.push(
        `<xdr:twoCellAnchor>${from(5, 1)}${to(7, 5)}<xdr:pic><xdr:nvPicPr><xdr:cNvPr id="2" name="Logo"/><xdr:cNvPicPr/></xdr:nvPicPr><xdr:blipFill><a:blip r:embed="rIdImg"/><a:stretch><a:fillRect/></a:stretch></xdr:blipFill><xdr:spPr><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></xdr:spPr></xdr:pic><xdr:clientData/></xdr:twoCellAnchor>`,
      );
      files['xl/media/image1.png'] = tinyPng();
      types.push('<Default Extension="png" ContentType="image/png"/>');
    }
    if (o.chart) {
      drawingRels.push(['rIdCh', `${RT}chart`, abs ? '/xl/charts/chart1.xml' : '../charts/chart1.xml']);
      anchors.push(
        `<xdr:twoCellAnchor>${from(5, 7)}${to(12, 20)}<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="3" name="Chart 1"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" r:id="rIdCh"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`,
      );
      const sheetRef = `'${HEADERS[lang][0] === 'Client' ? 'Clients' : 'Клиенты'}'`;
      files['xl/charts/chart1.xml'] = strToU8(
        `${XML}<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="${A}" xmlns:r="${R}"><c:chart><c:plotArea><c:layout/><c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:ser><c:idx val="0"/><c:order val="0"/><c:cat><c:strRef><c:f>${sheetRef}!$A$2:$A$${lastRow}</c:f></c:strRef></c:cat><c:val><c:numRef><c:f>${sheetRef}!$B$2:$B$${lastRow}</c:f></c:numRef></c:val></c:ser><c:axId val="10"/><c:axId val="20"/></c:barChart><c:catAx><c:axId val="10"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:axPos val="b"/><c:crossAx val="20"/></c:catAx><c:valAx><c:axId val="20"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:axPos val="l"/><c:crossAx val="10"/></c:valAx></c:plotArea></c:chart></c:chartSpace>`,
      );
      override('/xl/charts/chart1.xml', 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml');
    }
    files['xl/drawings/drawing1.xml'] = strToU8(`${XML}<xdr:wsDr xmlns:xdr="${XDR}" xmlns:a="${A}" xmlns:r="${R}">${anchors.join('')}</xdr:wsDr>`);
    files['xl/drawings/_rels/drawing1.xml.rels'] = strToU8(rels(drawingRels));
    override('/xl/drawings/drawing1.xml', 'application/vnd.openxmlformats-officedocument.drawing+xml');
  }

  // the workbook
  const sheetName = lang === 'ru' ? 'Клиенты' : 'Clients';
  const sheets: Array<[string, string]> = [[sheetName, 'worksheets/sheet1.xml']];
  if (o.userSheet) {
    files['xl/worksheets/sheet2.xml'] = strToU8(
      `${XML}<worksheet xmlns="${NS}"><sheetData><row r="1"><c r="A1" t="s"><v>${sst(lang === 'ru' ? 'Мои заметки' : 'My notes')}</v></c><c r="B1"><v>42</v></c></row></sheetData></worksheet>`,
    );
    override('/xl/worksheets/sheet2.xml', 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml');
    sheets.push([o.userSheet, 'worksheets/sheet2.xml']);
  }
  const names: string[] = [];
  if (o.definedNames) {
    names.push('<definedName name="VatRate">0.2</definedName>');
    names.push(`<definedName name="TopAmount">MAX('${sheetName}'!$B$2:$B$${lastRow})</definedName>`);
  }
  if (o.printTitles) names.push(`<definedName name="_xlnm.Print_Titles" localSheetId="0">'${sheetName}'!$1:$1</definedName>`);
  if (o.printAreaAndFilter) {
    names.push(`<definedName name="_xlnm.Print_Area" localSheetId="0">'${sheetName}'!$A$1:$${lastCol}$${lastRow}</definedName>`);
    if (!o.table) names.push(`<definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">'${sheetName}'!$A$1:$${lastCol}$${lastRow}</definedName>`);
  }
  if (o.localName) names.push(`<definedName name="Best" localSheetId="0">'${sheetName}'!$A$2</definedName>`);
  const wbProtection = o.workbookProtection ? '<workbookProtection lockStructure="1"/>' : '';
  const wbRels: Array<[string, string, string]> = sheets.map(([, p], i) => [`rId${i + 1}`, `${RT}worksheet`, fromXl(p)]);
  wbRels.push(['rIdSt', `${RT}styles`, fromXl('styles.xml')]);
  wbRels.push(['rIdSs', `${RT}sharedStrings`, fromXl('sharedStrings.xml')]);
  files['xl/workbook.xml'] = strToU8(
    `${XML}<workbook xmlns="${NS}" xmlns:r="${R}"><workbookPr/>${wbProtection}<bookViews><workbookView activeTab="0"/></bookViews><sheets>${sheets.map(([name], i) => `<sheet name="${esc(name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets>${names.length ? `<definedNames>${names.join('')}</definedNames>` : ''}<calcPr calcId="124519" fullCalcOnLoad="1"/></workbook>`,
  );
  override('/xl/workbook.xml', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml');
  files['xl/_rels/workbook.xml.rels'] = strToU8(rels(wbRels));
  files['xl/sharedStrings.xml'] = strToU8(`${XML}<sst xmlns="${NS}" count="${strings.length}" uniqueCount="${strings.length}">${strings.map((s) => `<si><t>${esc(s)}</t></si>`).join('')}</sst>`);
  override('/xl/sharedStrings.xml', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml');
  files['xl/styles.xml'] = strToU8(
    `${XML}<styleSheet xmlns="${NS}"><numFmts count="2"><numFmt numFmtId="164" formatCode="${esc(NUMBER_FORMATS.percent)}"/><numFmt numFmtId="165" formatCode="${esc(NUMBER_FORMATS.thousands)}"/></numFmts><fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="7"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/><xf numFmtId="4" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyProtection="1"><protection locked="0"/></xf><xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`,
  );
  override('/xl/styles.xml', 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml');

  const rootRels: Array<[string, string, string]> = [
    ['rId1', `${RT}officeDocument`, abs ? '/xl/workbook.xml' : 'xl/workbook.xml'],
    ['rId2', 'http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties', abs ? '/docProps/core.xml' : 'docProps/core.xml'],
    ['rId3', `${RT}extended-properties`, abs ? '/docProps/app.xml' : 'docProps/app.xml'],
  ];
  files['docProps/core.xml'] = strToU8(
    `${XML}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:creator>${abs ? 'openpyxl' : 'LibreOffice'}</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">2025-12-01T10:00:00Z</dcterms:created></cp:coreProperties>`,
  );
  override('/docProps/core.xml', 'application/vnd.openxmlformats-package.core-properties+xml');
  files['docProps/app.xml'] = strToU8(`${XML}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>${abs ? 'Microsoft Excel' : 'LibreOffice/7.6'}</Application></Properties>`);
  override('/docProps/app.xml', 'application/vnd.openxmlformats-officedocument.extended-properties+xml');
  if (o.customProps) {
    rootRels.push(['rId4', `${RT}custom-properties`, abs ? '/docProps/custom.xml' : 'docProps/custom.xml']);
    files['docProps/custom.xml'] = strToU8(
      `${XML}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="${lang === 'ru' ? 'Отдел' : 'Department'}"><vt:lpwstr>${lang === 'ru' ? 'Продажи' : 'Sales'}</vt:lpwstr></property></Properties>`,
    );
    override('/docProps/custom.xml', 'application/vnd.openxmlformats-officedocument.custom-properties+xml');
  }
  files['_rels/.rels'] = strToU8(rels(rootRels));
  files['[Content_Types].xml'] = strToU8(
    `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>${types.join('')}</Types>`,
  );
  return zipSync(files);
}

/** A 1×1 PNG, built from its chunks (signature, IHDR, IDAT, IEND) with their CRCs. */
function tinyPng(): Uint8Array {
  const crcTable: number[] = [];
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    crcTable.push(c >>> 0);
  }
  const crc = (bytes: number[]) => {
    let c = 0xffffffff;
    for (const b of bytes) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const u32 = (x: number) => [(x >>> 24) & 255, (x >>> 16) & 255, (x >>> 8) & 255, x & 255];
  const chunk = (type: string, body: number[]) => {
    const t = [...type].map((ch) => ch.charCodeAt(0));
    return [...u32(body.length), ...t, ...body, ...u32(crc([...t, ...body]))];
  };
  // zlib stream of one scanline (filter 0, one grey pixel), stored (uncompressed) block
  const raw = [0, 0x80];
  let a = 1;
  let b = 0;
  for (const x of raw) {
    a = (a + x) % 65521;
    b = (b + a) % 65521;
  }
  const idat = [0x78, 0x01, 0x01, raw.length, 0, ~raw.length & 255, 0xff, ...raw, ...u32(((b << 16) | a) >>> 0)];
  return new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...chunk('IHDR', [...u32(1), ...u32(1), 8, 0, 0, 0, 0]), ...chunk('IDAT', idat), ...chunk('IEND', [])]);
}

/**
 * A password-protected workbook as Excel writes it: not a zip but an OLE compound file (signature
 * D0 CF 11 E0 A1 B1 1A E1, [MS-CFB] §2.2) whose directory holds the "EncryptionInfo" and
 * "EncryptedPackage" streams ([MS-OFFCRYPTO] §2.3.4.1). Only the header and directory are real;
 * the streams' contents are filler, which is all a reader needs to tell what the file is.
 */
export function encryptedWorkbook(): Uint8Array {
  const sector = 512;
  const out = new Uint8Array(sector * 4);
  out.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], 0);
  const dv = new DataView(out.buffer);
  dv.setUint16(0x18, 0x003e, true); // minor version
  dv.setUint16(0x1a, 0x0003, true); // major version 3
  dv.setUint16(0x1c, 0xfffe, true); // little-endian
  dv.setUint16(0x1e, 9, true); // 512-byte sectors
  dv.setUint16(0x20, 6, true);
  dv.setUint32(0x2c, 1, true); // one FAT sector
  dv.setUint32(0x30, 1, true); // directory starts at sector 1
  dv.setUint32(0x38, 4096, true);
  dv.setUint32(0x3c, 0xfffffffe, true);
  dv.setUint32(0x44, 0xfffffffe, true);
  for (let i = 0; i < 109; i++) dv.setUint32(0x4c + i * 4, i === 0 ? 0 : 0xffffffff, true);
  const dir = sector * 2; // sector 1 starts after the header sector
  const entry = (i: number, name: string, type: number) => {
    const at = dir + i * 128;
    for (let k = 0; k < name.length; k++) dv.setUint16(at + k * 2, name.charCodeAt(k), true);
    dv.setUint16(at + 64, (name.length + 1) * 2, true);
    out[at + 66] = type;
  };
  entry(0, 'Root Entry', 5);
  entry(1, 'EncryptionInfo', 2);
  entry(2, 'EncryptedPackage', 2);
  return out;
}

/** An old binary .xls saved under an .xlsx name: a compound file with a "Workbook" stream. */
export function legacyXlsWorkbook(): Uint8Array {
  const out = encryptedWorkbook();
  // rename the streams: no EncryptionInfo
  const dv = new DataView(out.buffer);
  const at = 1024 + 128;
  for (let k = 0; k < 32; k++) dv.setUint16(at + k * 2, 0, true);
  for (let k = 0; k < 32; k++) dv.setUint16(at + 128 + k * 2, 0, true);
  const name = 'Workbook';
  for (let k = 0; k < name.length; k++) dv.setUint16(at + k * 2, name.charCodeAt(k), true);
  return out;
}
