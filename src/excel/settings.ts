import { z } from 'zod';
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

/**
 * What the user has typed and not yet saved on purpose: the rules editor's fields (kept as typed,
 * so a half-finished value such as "1 000 0" survives) and the notice letter details. The pane
 * keeps them while the user moves between its steps and stores them in the workbook settings
 * beside the rules and the notice templates, so closing the pane or the file loses nothing.
 * Office keeps add-in settings in the document itself (learn.microsoft.com, "Persist add-in state
 * and settings": "settings … are persisted in the document"); read back, they are validated again.
 */
export const PANE_DRAFT_KEY = 'clientTiers.paneDraft';

const text = z.string().max(10_000);
const rulesDraftSchema = z.object({
  name: text,
  measure: z.enum(['revenue', 'margin']),
  windowMonths: text,
  tiers: z.array(z.object({ name: text, kind: z.enum(['minAmount', 'paretoShare', 'minOrders', 'base']), value: text, benefits: z.array(text).max(50) })).max(20),
  graceReviews: text,
  maxStepsDown: text,
  hysteresisPct: text,
  benefitSteps: text,
});

const noticeDraftSchema = z.object({
  company: text.optional(),
  newManager: text.optional(),
  currency: text.optional(),
  letterDate: text.optional(),
  effectiveDate: text.nullable().optional(),
  criteria: z.boolean().optional(),
});

const paneDraftSchema = z.object({ version: z.literal(1), rules: rulesDraftSchema.nullable().optional(), notices: noticeDraftSchema.optional() });

/** The rules editor's fields as typed (strings: a half-typed number is kept as it is). */
export type RulesDraft = z.infer<typeof rulesDraftSchema>;
/** The notice letter details as typed. */
export type NoticeDraft = z.infer<typeof noticeDraftSchema>;
export type PaneDraft = z.infer<typeof paneDraftSchema>;

export async function savePaneDraft(run: ExcelRun, draft: Omit<PaneDraft, 'version'>): Promise<void> {
  await saveSetting(run, PANE_DRAFT_KEY, { version: 1, ...draft });
}

/** The saved draft, or null when there is none or it is not one (a draft is never worth an error). */
export async function loadPaneDraft(run: ExcelRun): Promise<PaneDraft | null> {
  const raw = await loadSetting(run, PANE_DRAFT_KEY);
  if (typeof raw !== 'string') return null;
  try {
    const r = paneDraftSchema.safeParse(JSON.parse(raw));
    return r.success ? r.data : null;
  } catch {
    return null;
  }
}
