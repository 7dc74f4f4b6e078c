import { Lang } from '../core/format';
import { renderMessage } from '../core/messages';
import { parseRuleSet, RULES_SETTING_KEY, RuleSet } from '../core/rules';
import { ExcelRun } from './host';
import { toLayerError } from './errors';

/**
 * The rule set travels with the workbook in its settings (`context.workbook.settings`), so
 * CLIENTS.VIPTIER without a rules argument and the next person opening the file use the same
 * rules. What is read back is validated again: a hand-edited or older setting gives messages.
 */
export const RULES_KEY = RULES_SETTING_KEY;

/** Store a JSON-serialisable value in the workbook settings under `key`. */
export async function saveSetting(run: ExcelRun, key: string, value: unknown): Promise<void> {
  try {
    await run(async (ctx) => {
      ctx.workbook.settings.add(key, JSON.stringify(value));
      await ctx.sync();
    });
  } catch (e) {
    throw toLayerError(e);
  }
}

/** The raw value stored under `key` (usually JSON text), or undefined when there is none. */
export async function loadSetting(run: ExcelRun, key: string): Promise<unknown> {
  try {
    return await run(async (ctx) => {
      const item = ctx.workbook.settings.getItemOrNullObject(key);
      item.load('value');
      await ctx.sync();
      return item.isNullObject ? undefined : item.value;
    });
  } catch (e) {
    throw toLayerError(e);
  }
}

export async function saveRules(run: ExcelRun, rules: RuleSet): Promise<void> {
  await saveSetting(run, RULES_KEY, rules);
}

export type LoadedRules = { kind: 'none' } | { kind: 'ok'; rules: RuleSet } | { kind: 'invalid'; problems: string[] };

/** The saved rule set, validated again; problems name the field, in `lang`. */
export async function loadRules(run: ExcelRun, lang: Lang = 'en'): Promise<LoadedRules> {
  const raw = await loadSetting(run, RULES_KEY);
  if (raw === undefined || raw === null) return { kind: 'none' };
  let data: unknown = raw;
  if (typeof raw === 'string') {
    try {
      data = JSON.parse(raw);
    } catch {
      return { kind: 'invalid', problems: [renderMessage({ code: 'rules.savedNotJson' }, lang)] };
    }
  }
  const r = parseRuleSet(data, lang);
  return r.ok ? { kind: 'ok', rules: r.rules } : { kind: 'invalid', problems: r.problems };
}
