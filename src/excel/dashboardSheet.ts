import { CellValue } from '../core/cells';
import { Lang } from '../core/format';
import { toLayerError } from './errors';
import { locateOwnedSheet, takeOwnedSheet } from './ownedSheets';
import { chunksByBytes, ExcelRun, jsonBytes, PAYLOAD_BUDGET, Progress } from './host';
import { fitCellText } from './cellText';

/**
 * The "Dashboard" sheet ("Панель"): the dashboard's tables (KPIs, tier mix, ABC × XYZ, the
 * programme plan…) as cells and its charts as pictures (`Worksheet.shapes.addImage`, ExcelApi
 * 1.9), written by "Insert into workbook" and **refreshed in place** by the next insert: the
 * sheet is kept (its position, and any link to it), its cells are cleared and rewritten, and
 * the pictures the add-in put there (named `ClientTiers.*`) are replaced — other shapes stay.
 *
 * The sheet is the add-in's own, marked so when created (ownedSheets). An existing sheet of that
 * name that is not marked, not empty, and has neither our title in A1 nor our pictures is the
 * user's: it is not touched (unless `overwriteConfirmed`), and ours goes to "Dashboard (2)".
 *
 * Cells are written block by block, number formats before values, text cells as text ('@', so
 * a tier called "=VIP" stays text); requests are batched up to the payload budget (60% of
 * Excel on the web's 5 MB) and each picture's Base64 counts in it.
 */
export const DASHBOARD_SHEET: Record<Lang, string> = { en: 'Dashboard', ru: 'Панель' };
export const DASHBOARD_TITLE: Record<Lang, string> = { en: 'Client Tiers — dashboard', ru: 'Уровни клиентов — панель' };
/** Names of the add-in's pictures start with this. */
export const PICTURE_PREFIX = 'ClientTiers.';

export interface SheetBlock {
  /** A bold line above the block. */
  title?: string;
  /** A bold header row. */
  headers?: string[];
  rows: CellValue[][];
  /** Number format per column (text cells are written as '@' whatever this says). */
  columnFormats?: string[];
  /** Number format per cell; wins over columnFormats. */
  formats?: Array<Array<string | undefined>>;
}

export interface SheetPicture {
  /** Short name; the shape is named `ClientTiers.<name>`. */
  name: string;
  /** PNG or JPEG as Base64, with or without the "data:image/png;base64," prefix. */
  base64: string;
  /** Size on the sheet, points. */
  width: number;
  height: number;
  /** Alt text: title and description (the chart's text alternative). */
  title?: string;
  description?: string;
}

export interface DashboardSheetContent {
  lang: Lang;
  /** Second line under the title (e.g. the source and the review window). */
  subtitle?: string;
  blocks: SheetBlock[];
  pictures: SheetPicture[];
  /** Column widths in points, from A (default 200, then 90 each). */
  columnWidths?: number[];
}

export interface DashboardSheetResult {
  sheet: string;
  created: boolean;
  /** Rows written, title included. */
  rows: number;
  pictures: number;
  removedPictures: number;
  /** Pictures left out: too large for one request. */
  skippedPictures: string[];
  syncs: number;
}

export interface DashboardSheetOptions {
  onProgress?: Progress;
  overwriteConfirmed?: boolean;
  /** Show the sheet when done (default true). */
  activate?: boolean;
  /** Request budget in bytes (default PAYLOAD_BUDGET; tests lower it). */
  budgetBytes?: number;
}

/** A dashboard sheet made before sheets were marked: our title in A1, or our pictures on it. */
async function isOldDashboard(ctx: Excel.RequestContext, ws: Excel.Worksheet): Promise<boolean> {
  const a1 = ws.getRange('A1').load('values');
  const shapes = ws.shapes.load('items/name');
  await ctx.sync();
  return Object.values(DASHBOARD_TITLE).includes(String(a1.values[0]?.[0] ?? '')) || shapes.items.some((s) => s.name.startsWith(PICTURE_PREFIX));
}

/** Base64 without a data-URL prefix. */
export function stripDataUrl(s: string): string {
  const comma = s.indexOf(',');
  return s.startsWith('data:') && comma >= 0 ? s.slice(comma + 1) : s;
}

function cellOut(v: CellValue, lang: Lang): string | number | boolean {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'number' && !Number.isFinite(v)) return '';
  return typeof v === 'string' ? fitCellText(v, lang) : v;
}

interface WriteOp {
  row: number;
  col: number;
  values: Array<Array<string | number | boolean>>;
  formats: string[][];
  bold: boolean;
  bytes: number;
}

/** The blocks as rectangles of cells from row `start` (a blank row between blocks). */
export function layoutBlocks(blocks: SheetBlock[], start: number, budget: number, lang: Lang = 'en'): { ops: WriteOp[]; end: number; width: number } {
  const ops: WriteOp[] = [];
  let row = start;
  let width = 1;
  const text = (s: string) => ({ values: [[fitCellText(s, lang)]], formats: [['@']] });
  for (const b of blocks) {
    if (b.title !== undefined) {
      ops.push({ row, col: 0, ...text(b.title), bold: true, bytes: jsonBytes(b.title) + 8 });
      row++;
    }
    if (b.headers && b.headers.length) {
      width = Math.max(width, b.headers.length);
      ops.push({ row, col: 0, values: [[...b.headers]], formats: [b.headers.map(() => '@')], bold: true, bytes: jsonBytes(b.headers) + 6 * b.headers.length });
      row++;
    }
    let cols = Math.max(1, b.headers?.length ?? 0);
    for (const r of b.rows) if (r.length > cols) cols = r.length; // no spread over data (call-stack limit)
    width = Math.max(width, cols);
    const values = b.rows.map((r) => Array.from({ length: cols }, (_, c) => cellOut(r[c], lang)));
    const formats = values.map((r, i) =>
      r.map((v, c) => (typeof v === 'string' && v !== '' ? '@' : (b.formats?.[i]?.[c] ?? b.columnFormats?.[c] ?? 'General'))),
    );
    // rows per request from what each row weighs (a long client name rides with fewer rows)
    for (const [s, e] of chunksByBytes(values.length, (i) => jsonBytes(values[i]) + jsonBytes(formats[i]), budget)) {
      const v = values.slice(s, e);
      const f = formats.slice(s, e);
      ops.push({ row: row + s, col: 0, values: v, formats: f, bold: false, bytes: jsonBytes(v) + jsonBytes(f) });
    }
    row += values.length + 1;
  }
  return { ops, end: row, width };
}

export async function writeDashboardSheet(run: ExcelRun, content: DashboardSheetContent, options: DashboardSheetOptions = {}): Promise<DashboardSheetResult> {
  const { lang } = content;
  const name = DASHBOARD_SHEET[lang];
  const budget = options.budgetBytes ?? PAYLOAD_BUDGET;
  const widths = content.columnWidths ?? [200, 90, 90, 90, 90, 90];
  try {
    return await run(async (ctx) => {
      let syncs = 0;
      const sync = async () => {
        syncs++;
        await ctx.sync();
      };
      // our dashboard sheet: marked as ours (or made before marks, see ownedSheets); a user's
      // own "Dashboard" is never touched — ours then goes to "Dashboard (2)"
      const at = await locateOwnedSheet(ctx, name, [], isOldDashboard, options.overwriteConfirmed);
      syncs += 1; // reading which sheets are ours
      const { ws, created } = await takeOwnedSheet(ctx, at, name, () => undefined);
      let removedPictures = 0;
      if (!created) {
        const used = ws.getUsedRangeOrNullObject();
        used.load('address');
        const shapes = ws.shapes;
        shapes.load('items/name');
        await sync();
        const ours = shapes.items.filter((s) => s.name.startsWith(PICTURE_PREFIX));
        if (!used.isNullObject) used.clear('All');
        for (const s of ours) s.delete();
        removedPictures = ours.length;
      }
      options.onProgress?.(0.1, 'write');

      // title, subtitle, blocks
      const head: SheetBlock[] = [{ title: DASHBOARD_TITLE[lang], rows: content.subtitle ? [[content.subtitle]] : [] }];
      const top = layoutBlocks(head, 0, budget, lang);
      const body = layoutBlocks(content.blocks, top.end, budget, lang);
      const ops = [...top.ops, ...body.ops];
      let pending = 0;
      for (const op of ops) {
        if (pending > 0 && pending + op.bytes > budget) {
          await sync();
          pending = 0;
        }
        const r = ws.getRangeByIndexes(op.row, op.col, op.values.length, op.values[0].length);
        r.numberFormat = op.formats;
        r.values = op.values;
        if (op.bold) r.format.font.bold = true;
        pending += op.bytes + 200;
      }
      widths.forEach((w, i) => (ws.getRangeByIndexes(0, i, 1, 1).format.columnWidth = w));
      await sync();
      pending = 0;
      options.onProgress?.(0.5, 'write');

      // pictures to the right of the tables, one under the other
      const width = Math.max(top.width, body.width, widths.length);
      let left = 12;
      for (let c = 0; c < width; c++) left += widths[c] ?? 48;
      let y = 6;
      const skippedPictures: string[] = [];
      let added = 0;
      for (const p of content.pictures) {
        const data = stripDataUrl(p.base64);
        const bytes = data.length + 400;
        if (bytes > budget) {
          skippedPictures.push(p.name);
          continue;
        }
        if (pending > 0 && pending + bytes > budget) {
          await sync();
          pending = 0;
        }
        const shape = ws.shapes.addImage(data);
        shape.name = `${PICTURE_PREFIX}${p.name}`;
        shape.left = left;
        shape.top = y;
        shape.width = p.width;
        shape.height = p.height;
        if (p.title !== undefined) shape.altTextTitle = p.title;
        if (p.description !== undefined) shape.altTextDescription = p.description;
        pending += bytes;
        y += p.height + 12;
        added++;
        options.onProgress?.(0.5 + (0.5 * added) / Math.max(1, content.pictures.length), 'write');
      }
      if (options.activate ?? true) ws.activate();
      await sync();
      return { sheet: at.name, created, rows: body.end, pictures: added, removedPictures, skippedPictures, syncs };
    });
  } catch (e) {
    throw toLayerError(e);
  }
}
