import { RuleSet } from '../core/rules';
import { TierBar } from '../core/tiering';

/**
 * The rule set saved in the workbook, as the task pane hands it to the custom functions:
 * `CLIENTS.VIPTIER(measure)` without a rules range uses it.
 *
 * The task pane loads its settings, validates them (core `parseRuleSet`) and calls
 * `setWorkbookRules(rules)`; rules with Pareto-share tiers need the amount bars computed from
 * the whole client table (core `tierBars`), so the pane passes those too. After a change the pane
 * should ask Excel to recalculate, since Excel does not know the functions depend on it.
 *
 * The registry lives on a global symbol rather than in module state: in the shared runtime the
 * task pane bundle and the functions bundle are separate scripts on one page, each with its own
 * copy of this module, and both must see the same rules.
 */
export interface WorkbookRules {
  rules: RuleSet;
  /** Amount bars per tier (same order as rules.tiers), needed when tiers use paretoShare. */
  bars?: readonly TierBar[];
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

/** Register the workbook's rule set (null forgets it). */
export function setWorkbookRules(rules: RuleSet | null, bars?: readonly TierBar[]): void {
  const r = registry();
  r.current = rules ? { rules, bars } : null;
  r.version++;
}

/** The registered rule set, or null. */
export function getWorkbookRules(): WorkbookRules | null {
  return registry().current;
}

/** Changes whenever the rules are set (lets callers cache what they derive from them). */
export function workbookRulesVersion(): number {
  return registry().version;
}
