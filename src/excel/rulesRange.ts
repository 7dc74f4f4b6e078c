import { Lang } from '../core/format';
import { RuleSet } from '../core/rules';
import { TierBar } from '../core/tiering';
import { RULES_NAME, rulesTableHeader, rulesTableRows } from '../functions/rulesTable';
import { ExcelRun } from './host';
import { toLayerError } from './errors';

/**
 * The rules where Excel can see them: the pane writes the rule set (with the Pareto bars of the
 * last review, the downgrade policy and the workbook's results language; format in
 * src/functions/rulesTable.ts) into a block it owns on a hidden sheet, under the workbook name
 * `ClientTiersRules`. `=CLIENTS.VIPTIER(C2, ClientTiersRules)` then depends on those cells:
 * rewriting them recalculates every formula that uses them, and a reopened workbook computes the
 * same tiers with no pane open (custom functions recalculate when a referenced cell changes —
 * learn.microsoft.com/office/dev/add-ins/excel/custom-functions-overview).
 *
 * The name always refers to the whole block (a header and room for the 10 tiers a rule set may
 * have), so it never needs re-pointing; unused rows are blank (Excel desktop passes them to the
 * functions as [0, 0], which they read as spare rows). Text goes into '@' cells so a tier name
 * never becomes a formula. After writing, the pane asks for a full recalculation
 * (`Application.calculate(Full)`, ExcelApi 1.1: "Full: This will mark all cells as dirty and then
 * recalculate them") so the older form `=CLIENTS.VIPTIER(C2)`, which reads rules Excel cannot see,
 * is refreshed too.
 *
 * The write is one request, after reading whether the sheet and the name exist and, when the
 * sheet does, the language already saved (chosen once, at the first save, from the display
 * language).
 */
export const RULES_SHEET = 'Client Tiers rules';
/** Header + at most 10 tiers (core RuleSetSchema). */
export const RULES_BLOCK_ROWS = 11;
const ADDRESS = `A1:B${RULES_BLOCK_ROWS}`;
const REFERENCE = `'${RULES_SHEET}'!$A$1:$B$${RULES_BLOCK_ROWS}`;

export interface WrittenRules {
  /** The results language in force (already saved, or `fallbackLang` on the first save). */
  lang: Lang;
  /** `'Client Tiers rules'!$A$1:$B$11`, what the name refers to. */
  reference: string;
}

/**
 * Write the rules block and (re)define `ClientTiersRules`. `bars` are the amount bars of the last
 * review (needed for Pareto-share tiers); `fallbackLang` is used only when the workbook has no
 * results language yet. With `create: false` (after Apply) a workbook without the block is left
 * as it is — the pane's "Save rules" creates it — and only the recalculation is requested.
 */
export async function writeRulesRange(
  run: ExcelRun,
  rules: RuleSet,
  bars: readonly TierBar[] | undefined,
  fallbackLang: Lang,
  options: { create?: boolean } = {},
): Promise<WrittenRules> {
  const create = options.create ?? true;
  try {
    return await run(async (ctx) => {
      const wb = ctx.workbook;
      const existing = wb.worksheets.getItemOrNullObject(RULES_SHEET);
      existing.load('name');
      const name = wb.names.getItemOrNullObject(RULES_NAME);
      name.load('name');
      await ctx.sync();
      let saved: ReturnType<typeof rulesTableHeader>;
      if (!existing.isNullObject) {
        const header = existing.getRange('A1:B1');
        header.load('values');
        await ctx.sync();
        saved = rulesTableHeader(header.values as never);
      }
      const lang = saved?.lang ?? fallbackLang;
      if (existing.isNullObject && !create) {
        // only refresh an existing block (Apply: its Undo restores the sheet list exactly); still recalculate
        wb.application.calculate('Full' as Excel.CalculationType);
        await ctx.sync();
        return { lang, reference: REFERENCE };
      }
      let ws: Excel.Worksheet = existing;
      if (existing.isNullObject) {
        ws = wb.worksheets.add(RULES_SHEET);
        ws.visibility = 'Hidden';
      }
      const rows = rulesTableRows(rules, bars, lang);
      const values: Array<Array<string | number>> = [];
      const formats: string[][] = [];
      for (let i = 0; i < RULES_BLOCK_ROWS; i++) {
        const row = rows[i] ?? ['', ''];
        values.push([row[0], row[1]]);
        formats.push(['@', typeof row[1] === 'number' ? 'General' : '@']);
      }
      const block = ws.getRange(ADDRESS);
      block.numberFormat = formats;
      block.values = values;
      // an existing name is re-pointed, not deleted: deleting would turn every formula using it into #NAME? (ExcelApi 1.7 NamedItem.formula)
      if (name.isNullObject) wb.names.add(RULES_NAME, block, 'Client Tiers: the rules for CLIENTS.VIPTIER / TIERGAP / TIERSTATUS (written by the task pane)');
      else name.formula = `=${REFERENCE}`;
      wb.application.calculate('Full' as Excel.CalculationType);
      await ctx.sync();
      return { lang, reference: REFERENCE };
    });
  } catch (e) {
    throw toLayerError(e);
  }
}

/** The results language saved in the workbook's rules block, or undefined when there is none yet. */
export async function loadRulesLanguage(run: ExcelRun): Promise<Lang | undefined> {
  try {
    return await run(async (ctx) => {
      const item = ctx.workbook.names.getItemOrNullObject(RULES_NAME);
      item.load('name');
      await ctx.sync();
      if (item.isNullObject) return undefined;
      const range = item.getRangeOrNullObject();
      range.load('values');
      await ctx.sync();
      if (range.isNullObject) return undefined;
      return rulesTableHeader(range.values as never)?.lang;
    });
  } catch (e) {
    throw toLayerError(e);
  }
}
