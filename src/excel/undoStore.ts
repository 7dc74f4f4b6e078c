import { z } from 'zod';
import type { ApplyRecord } from './applyTiers';
import { ExcelRun } from './host';
import { toLayerError } from './errors';
import { UndoRecord } from './writeBlock';

/**
 * The last apply's undo record, kept in the workbook settings (`clientTiers.lastApply`), so that
 * "Undo last apply" still works after the pane was closed and opened again, or the workbook
 * saved and reopened. Workbook settings are "persisted in the document (per file, per add-in)"
 * (https://learn.microsoft.com/javascript/api/excel/excel.setting).
 *
 * Bounded: the stored text is at most `UNDO_RECORD_LIMIT` characters (2,000,000; the docs give no
 * limit for one setting, and every setting is loaded with the add-in, so we keep it modest). Rows
 * of cells are stored run-length encoded (a blank column of 100,000 rows is one run), so a first
 * apply beside a table of about 20,000 clients, or a re-apply over our own columns of about
 * 10,000, fits. Past the bound nothing is stored, the record from an earlier apply is removed (an
 * undo after reopening must never restore an older state), and the record says `persisted:
 * false`: undo then works while the pane stays open, as before.
 *
 * What is read back is validated (zod): a damaged or hand-edited record is ignored.
 */
export const LAST_APPLY_KEY = 'clientTiers.lastApply';
export const UNDO_RECORD_LIMIT = 2_000_000;
const VERSION = 1;

type Runs = Array<[number, unknown[]]>;

/** Rows as runs of equal rows: [count, row]. */
export function encodeRuns(rows: readonly unknown[][]): Runs {
  const out: Runs = [];
  let last = '';
  for (const row of rows) {
    const j = JSON.stringify(row);
    if (out.length > 0 && j === last) out[out.length - 1][0]++;
    else {
      out.push([1, row]);
      last = j;
    }
  }
  return out;
}

export function decodeRuns(runs: Runs): unknown[][] {
  const out: unknown[][] = [];
  for (const [n, row] of runs) for (let i = 0; i < n; i++) out.push([...row]);
  return out;
}

type StoredBlock = Omit<UndoRecord, 'formulas' | 'numberFormat'> & { formulas: Runs; numberFormat: Runs };

const packBlock = (u: UndoRecord): StoredBlock => ({ ...u, formulas: encodeRuns(u.formulas), numberFormat: encodeRuns(u.numberFormat) });
const unpackBlock = (b: StoredBlock): UndoRecord => ({ ...b, formulas: decodeRuns(b.formulas), numberFormat: decodeRuns(b.numberFormat) as string[][] });

const runs = z.array(z.tuple([z.number().int().positive(), z.array(z.unknown())]));
const block = z
  .object({
    sheetName: z.string(),
    rowIndex: z.number().int().nonnegative(),
    columnIndex: z.number().int().nonnegative(),
    rowCount: z.number().int().nonnegative(),
    columnCount: z.number().int().nonnegative(),
    formulas: runs,
    numberFormat: runs,
    entryFormats: z.array(z.tuple([z.number().int(), z.number().int(), z.string()])).optional(),
  })
  .refine((b) => b.formulas.reduce((n, r) => n + r[0], 0) === b.rowCount && b.numberFormat.reduce((n, r) => n + r[0], 0) === b.rowCount, 'rows do not add up');
const tierFormat = z.object({ address: z.string(), formula1: z.string(), fill: z.string(), font: z.string(), priority: z.number().int().optional() });
const stored = z.object({
  v: z.literal(VERSION),
  id: z.string(),
  undo: block,
  clientSheet: z.object({ name: z.string(), before: block.nullable().optional() }).optional(),
  history: z.object({ sheet: z.string(), fromRow: z.number().int().nonnegative(), columns: z.number().int().positive(), created: z.boolean().optional() }),
  table: z
    .object({ tableId: z.string(), sheetName: z.string(), added: z.array(z.number().int()), overwritten: z.array(block), beside: block.optional() })
    .optional(),
  tierFormats: z.object({ sheetName: z.string(), columnIndex: z.number().int().nonnegative(), added: z.array(tierFormat), removed: z.array(tierFormat) }).optional(),
  written: z.number().int().nonnegative(),
  address: z.object({ sheetName: z.string(), rowIndex: z.number().int().nonnegative(), columnIndex: z.number().int().nonnegative() }),
  cut: z.number().int().optional(),
  keys: z.object({ sheetName: z.string(), columnIndex: z.number().int().nonnegative(), rowIndex: z.number().int().nonnegative(), values: z.array(z.string()) }).optional(),
});

/** The record as stored (cells run-length encoded), or null when it has no id. */
export function packRecord(r: ApplyRecord): unknown {
  if (!r.id) return null;
  return {
    v: VERSION,
    id: r.id,
    undo: packBlock(r.undo),
    ...(r.clientSheet ? { clientSheet: { name: r.clientSheet.name, before: r.clientSheet.before ? packBlock(r.clientSheet.before) : r.clientSheet.before } } : {}),
    history: r.history,
    ...(r.table ? { table: { ...r.table, overwritten: r.table.overwritten.map(packBlock), ...(r.table.beside ? { beside: packBlock(r.table.beside) } : {}) } } : {}),
    ...(r.tierFormats ? { tierFormats: r.tierFormats } : {}),
    written: r.written,
    address: r.address,
    ...(r.cut ? { cut: r.cut } : {}),
    ...(r.keys ? { keys: r.keys } : {}),
  };
}

/** The record read back, or null when it is not a valid record of ours. */
export function unpackRecord(data: unknown): ApplyRecord | null {
  const p = stored.safeParse(data);
  if (!p.success) return null;
  const d = p.data;
  const record: ApplyRecord = {
    id: d.id,
    undo: unpackBlock(d.undo as StoredBlock),
    history: d.history,
    written: d.written,
    address: d.address,
    persisted: true,
  };
  if (d.clientSheet) record.clientSheet = { name: d.clientSheet.name, previous: [], before: d.clientSheet.before ? unpackBlock(d.clientSheet.before as StoredBlock) : d.clientSheet.before };
  if (d.table) record.table = { ...d.table, overwritten: d.table.overwritten.map((b) => unpackBlock(b as StoredBlock)), beside: d.table.beside ? unpackBlock(d.table.beside as StoredBlock) : undefined };
  if (!record.table?.beside && record.table) delete record.table.beside;
  if (d.tierFormats) record.tierFormats = d.tierFormats;
  if (d.cut) record.cut = d.cut;
  if (d.keys) record.keys = d.keys;
  return record;
}

/**
 * Keep the record in the workbook; false (and any older record removed) when it is larger than
 * the bound. The setting's value is the JSON text (one string), measured before it is sent.
 */
export async function saveApplyRecord(run: ExcelRun, record: ApplyRecord, limit = UNDO_RECORD_LIMIT): Promise<boolean> {
  const packed = packRecord(record);
  const text = packed === null ? '' : JSON.stringify(packed);
  try {
    return await run(async (ctx) => {
      if (text === '' || text.length > limit) {
        ctx.workbook.settings.getItemOrNullObject(LAST_APPLY_KEY).delete();
        await ctx.sync();
        return false;
      }
      ctx.workbook.settings.add(LAST_APPLY_KEY, text);
      await ctx.sync();
      return true;
    });
  } catch (e) {
    throw toLayerError(e);
  }
}

/** The last apply's record kept in the workbook, or null (none, or not a valid one). */
export async function loadApplyRecord(run: ExcelRun): Promise<ApplyRecord | null> {
  try {
    return await run(async (ctx) => {
      const item = ctx.workbook.settings.getItemOrNullObject(LAST_APPLY_KEY).load('value');
      await ctx.sync();
      if (item.isNullObject || typeof item.value !== 'string') return null;
      try {
        return unpackRecord(JSON.parse(item.value));
      } catch {
        return null;
      }
    });
  } catch (e) {
    throw toLayerError(e);
  }
}

/** Remove the kept record if it is the one with `id` (an undone apply's). */
export async function clearApplyRecord(run: ExcelRun, id: string): Promise<void> {
  await run(async (ctx) => {
    const item = ctx.workbook.settings.getItemOrNullObject(LAST_APPLY_KEY).load('value');
    await ctx.sync();
    if (item.isNullObject || typeof item.value !== 'string' || !item.value.includes(JSON.stringify(id))) return;
    item.delete();
    await ctx.sync();
  });
}
