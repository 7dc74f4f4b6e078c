import { columnLetter } from '../core/cells';
import { allTierColours, tierColourRules } from '../core/tierColours';
import { excelApiSupported, ExcelRun } from './host';

/**
 * The Tier column coloured by tier with conditional formats (ExcelApi 1.6): one cell-value rule
 * per coloured tier, `= "VIP"` → the palette's fill and text colour (src/core/tierColours), over
 * the column's data rows. Colours follow the values, so a user who edits a tier sees it recoloured.
 *
 * Our rules are recognised by what they are, not by id (ids need not survive a reopened file):
 * a CellValue rule "EqualTo" a text literal, whose fill and font are one of the palette's pairs,
 * on one area of the Tier column alone. A re-apply replaces them, so rules never pile up; the
 * user's own formats (other kinds, other colours, other cells) are never touched.
 *
 * Colouring never fails an apply: a host without the API (or one that refuses a call) leaves the
 * column uncoloured and the workbook as it was.
 */
export interface TierColumn {
  sheetName: string;
  /** Zero-based column of Tier and the first data row below its header. */
  columnIndex: number;
  rowIndex: number;
  rowCount: number;
}

/** One rule of ours: its area ("J4:J324"), formula ('="VIP"'), colours, and priority when read. */
export interface TierFormat {
  address: string;
  formula1: string;
  fill: string;
  font: string;
  priority?: number;
}

/** What an apply did to the Tier column's rules: what `restoreTierFormats` needs to undo it. */
export interface TierFormatRecord {
  sheetName: string;
  columnIndex: number;
  added: TierFormat[];
  /** Our rules that were there before (an earlier apply's), with their priorities. */
  removed: TierFormat[];
}

/** A text literal as a rule formula: ="VIP", quotes doubled (="Say ""hi"""). */
export function textRuleFormula(text: string): string {
  return `="${text.replace(/"/g, '""')}"`;
}

const TEXT_LITERAL = /^="(?:[^"]|"")*"$/;
const PALETTE = new Set(allTierColours().map((c) => `${c.fill}|${c.font}`.toUpperCase()));

function key(f: TierFormat): string {
  return [f.address, f.formula1, f.fill.toUpperCase(), f.font.toUpperCase()].join('\u0000');
}

interface Found {
  proxy: Excel.ConditionalFormat;
  format: TierFormat;
}

/** The whole column's conditional formats: the collection our recorded priorities count in. */
function columnFormats(ws: Excel.Worksheet, columnIndex: number): Excel.ConditionalFormatCollection {
  const letters = columnLetter(columnIndex);
  return ws.getRange(`${letters}:${letters}`).conditionalFormats;
}

/**
 * Our rules on the column, read in two syncs (types first: loading `cellValue` of another kind
 * fails the request); their priorities are indexes into the whole column's collection.
 */
async function readOurs(ctx: Excel.RequestContext, ws: Excel.Worksheet, columnIndex: number): Promise<Found[]> {
  const cfs = columnFormats(ws, columnIndex);
  cfs.load('items/type,items/priority');
  await ctx.sync();
  const candidates = cfs.items
    .filter((cf) => cf.type === 'CellValue')
    .map((cf) => {
      cf.cellValue.load('rule');
      cf.cellValue.format.fill.load('color');
      cf.cellValue.format.font.load('color');
      const range = cf.getRangeOrNullObject();
      range.load('address,columnIndex,columnCount');
      return { cf, range };
    });
  if (candidates.length === 0) return [];
  await ctx.sync();
  const found: Found[] = [];
  for (const { cf, range } of candidates) {
    const rule = cf.cellValue.rule;
    const fill = cf.cellValue.format.fill.color;
    const font = cf.cellValue.format.font.color;
    if (range.isNullObject || range.columnIndex !== columnIndex || range.columnCount !== 1) continue;
    if (rule?.operator !== 'EqualTo' || !TEXT_LITERAL.test(rule.formula1 ?? '') || !fill || !font || !PALETTE.has(`${fill}|${font}`.toUpperCase())) continue;
    found.push({ proxy: cf, format: { address: range.address.slice(range.address.lastIndexOf('!') + 1), formula1: rule.formula1, fill, font, priority: cf.priority } });
  }
  return found;
}

function addRule(ws: Excel.Worksheet, f: TierFormat): Excel.ConditionalFormat {
  // 'CellValue' is Excel.ConditionalFormatType.cellValue; the enum object exists only inside Office
  const cf = ws.getRange(f.address).conditionalFormats.add('CellValue');
  cf.cellValue.format.fill.color = f.fill;
  cf.cellValue.format.font.color = f.font;
  cf.cellValue.rule = { formula1: f.formula1, operator: 'EqualTo' };
  return cf;
}

/**
 * Colours the Tier column: our earlier rules go and one rule per coloured tier comes, all in one
 * request. Returns what undo needs, or null when nothing changed (no API, or a refusal that was
 * rolled back).
 */
export async function colourTierColumn(run: ExcelRun, column: TierColumn, tierNames: readonly string[]): Promise<TierFormatRecord | null> {
  if (!excelApiSupported('1.6')) return null;
  const record: TierFormatRecord = { sheetName: column.sheetName, columnIndex: column.columnIndex, added: [], removed: [] };
  const letters = columnLetter(column.columnIndex);
  const address = `${letters}${column.rowIndex + 1}:${letters}${column.rowIndex + column.rowCount}`;
  let wrote = false;
  try {
    await run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem(column.sheetName);
      const ours = await readOurs(ctx, ws, column.columnIndex);
      record.removed = ours.map((o) => o.format);
      for (const o of ours) o.proxy.delete();
      if (column.rowCount > 0) {
        for (const t of tierColourRules(tierNames)) {
          const f: TierFormat = { address, formula1: textRuleFormula(t.tier), fill: t.fill, font: t.font };
          addRule(ws, f);
          record.added.push(f);
        }
      }
      wrote = true;
      await ctx.sync();
    });
    return record;
  } catch {
    if (!wrote) return null; // refused while reading: nothing was changed
    // the write was refused part-way: put back what was there, and go on without colours
    try {
      await restoreTierFormats(run, record);
      return null;
    } catch {
      return record; // undo will try again
    }
  }
}

/**
 * Undo of `colourTierColumn`: the rules it added go, the ones it replaced come back at their
 * priorities. Idempotent: rules already gone or already back are left as they are.
 */
export async function restoreTierFormats(run: ExcelRun, record: TierFormatRecord): Promise<void> {
  await run(async (ctx) => {
    const ws = ctx.workbook.worksheets.getItemOrNullObject(record.sheetName);
    await ctx.sync();
    if (ws.isNullObject) return;
    const ours = await readOurs(ctx, ws, record.columnIndex);
    const added = new Set(record.added.map(key));
    const left = new Map<string, number>();
    for (const o of ours) {
      const k = key(o.format);
      if (added.has(k)) o.proxy.delete();
      else left.set(k, (left.get(k) ?? 0) + 1);
    }
    const back = record.removed
      .filter((f) => {
        const n = left.get(key(f)) ?? 0;
        if (n > 0) left.set(key(f), n - 1);
        return n === 0;
      })
      .sort((a, b) => (a.priority ?? 0) - (b.priority ?? 0));
    // each comes in on top and moves to its old place; in ascending order the places stay right.
    // A priority is an index into the collection the format was read from ("The priority (or
    // index) within the conditional format collection that this conditional format currently
    // exists in", https://learn.microsoft.com/javascript/api/excel/excel.conditionalformat#excel-excel-conditionalformat-priority-member):
    // the recorded ones are indexes into the whole column's collection (readOurs), so the new
    // format is found again in that collection (by id) before its priority is set — set on the
    // proxy `add` returned, it would count in the data rows' collection, which lacks a rule on the
    // header cell or below the data, and land in the wrong place.
    const column = columnFormats(ws, record.columnIndex);
    for (const f of back) {
      const cf = addRule(ws, f);
      if (f.priority === undefined) continue;
      cf.load('id');
      await ctx.sync();
      column.getItem(cf.id).priority = f.priority;
    }
    await ctx.sync();
  });
}
