import { Lang } from '../core/format';
import { parseRuleSet, RuleSet } from '../core/rules';
import { TierBar } from '../core/tiering';
import { RULES_SETTING_KEY as RULES_KEY } from '../core/rules';

/**
 * The rule set saved in the workbook, as the task pane hands it to the custom functions:
 * `CLIENTS.VIPTIER(measure)` without a rules range uses it.
 *
 * The task pane loads its settings, validates them (core `parseRuleSet`) and calls
 * `setWorkbookRules(rules)`; rules with Pareto-share tiers need the amount bars computed from
 * the whole client table (core `tierBars`), so the pane passes those too. After a change the pane
 * should ask Excel to recalculate, since Excel does not know the functions depend on it.
 *
 * Without the pane (a workbook reopened, the pane never shown), the registry is empty: the rules
 * are then read from the workbook's settings through `Office.context.document.settings` (loaded
 * with the document, readable synchronously in the shared runtime; an assumption to check in
 * real Excel, see docs/real-excel.md). Rules with Pareto-share tiers have no bars there, so the
 * recommended form is the range: `=CLIENTS.VIPTIER(C2, ClientTiersRules)` (see rulesTable.ts).
 *
 * The registry lives on a global symbol rather than in module state: in the shared runtime the
 * task pane bundle and the functions bundle are separate scripts on one page, each with its own
 * copy of this module, and both must see the same rules.
 */
export interface WorkbookRules {
  rules: RuleSet;
  /** Amount bars per tier (same order as rules.tiers), needed when tiers use paretoShare. */
  bars?: readonly TierBar[];
  /** The workbook's results language (TIERSTATUS labels), saved with the rules. */
  lang?: Lang;
}

interface Registry {
  current: WorkbookRules | null;
  version: number;
}

const KEY = Symbol.for('client-tiers.functions.workbookRules');

function registry(): Registry {
  const g = globalThis as unknown as Record<symbol, Registry | undefined>;
  return (g[KEY] ??= { current: null, version: 0 });
}

/** Register the workbook's rule set (null forgets it), with its bars and results language when known. */
export function setWorkbookRules(rules: RuleSet | null, bars?: readonly TierBar[], lang?: Lang): void {
  const r = registry();
  r.current = rules ? { rules, bars, lang } : null;
  r.version++;
}

/** The rules saved in the workbook's settings (Office.context.document.settings), validated; null when absent or invalid. */
export function savedWorkbookRules(): WorkbookRules | null {
  try {
    const office = (globalThis as { Office?: { context?: { document?: { settings?: { get(key: string): unknown } } } } }).Office;
    const raw = office?.context?.document?.settings?.get(RULES_KEY);
    if (raw === undefined || raw === null) return null;
    const parsed = parseRuleSet(typeof raw === 'string' ? JSON.parse(raw) : raw, 'en');
    return parsed.ok ? { rules: parsed.rules } : null;
  } catch {
    return null;
  }
}

/** The registered rule set, or null. */
export function getWorkbookRules(): WorkbookRules | null {
  return registry().current;
}

/** Changes whenever the rules are set (lets callers cache what they derive from them). */
export function workbookRulesVersion(): number {
  return registry().version;
}
