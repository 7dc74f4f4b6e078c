import { parseRuleSet, RuleSet } from '../core/rules';
import { ExcelRun } from './host';
import { toLayerError } from './errors';

/**
 * The rule set travels with the workbook in its settings (`context.workbook.settings`), so
 * CLIENTS.VIPTIER without a rules argument and the next person opening the file use the same
 * rules. What is read back is validated again: a hand-edited or older setting gives messages.
 */
export const RULES_KEY = 'clientTiers.rules';

export async function saveRules(run: ExcelRun, rules: RuleSet): Promise<void> {
  try {
    await run(async (ctx) => {
      ctx.workbook.settings.add(RULES_KEY, JSON.stringify(rules));
      await ctx.sync();
    });
  } catch (e) {
    throw toLayerError(e);
  }
}

export type LoadedRules = { kind: 'none' } | { kind: 'ok'; rules: RuleSet } | { kind: 'invalid'; problems: string[] };

export async function loadRules(run: ExcelRun): Promise<LoadedRules> {
  let raw: unknown;
  try {
    raw = await run(async (ctx) => {
      const item = ctx.workbook.settings.getItemOrNullObject(RULES_KEY);
      item.load('value');
      await ctx.sync();
      return item.isNullObject ? undefined : item.value;
    });
  } catch (e) {
    throw toLayerError(e);
  }
  if (raw === undefined || raw === null) return { kind: 'none' };
  let data: unknown = raw;
  if (typeof raw === 'string') {
    try {
      data = JSON.parse(raw);
    } catch {
      return { kind: 'invalid', problems: ['The saved rules are not valid JSON.'] };
    }
  }
  const r = parseRuleSet(data);
  return r.ok ? { kind: 'ok', rules: r.rules } : { kind: 'invalid', problems: r.problems };
}
