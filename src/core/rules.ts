import type { z } from 'zod';
import { Lang } from './format';
import { isMessageCode, Message, msg, renderMessage } from './messages';
import { anchorProblem } from './reviewPeriod';

/**
 * Rule sets: ordered tiers from the highest to the lowest (the last one is the base tier
 * everybody else falls into), each with criteria on a measure over a review window, and a
 * downgrade policy. Criteria within a tier all have to hold (AND):
 *
 * - `minAmount`: the measure (revenue or margin) over the window is at least this amount;
 * - `minOrders`: at least this many orders in the window;
 * - `paretoShare`: the client is among those making the first `paretoShare` of the total
 *   (the client that crosses the share still qualifies, see `tierBars`).
 *
 * Policy (from the source documents: "deferred transfer", gradual benefit reduction):
 * `graceReviews` reviews below the bar only warn; then up to `benefitSteps` reviews remove
 * benefits progressively; then the client moves down at most `maxStepsDown` tiers.
 * `hysteresisPct` keeps a tier while the measure stays within that percentage below its bar.
 *
 * Reviews are counted in periods, not clicks (see reviewPeriod.ts): `reviewEveryMonths` (default 6)
 * long, starting on `reviewAnchor` (a date YYYY-MM-DD with the day 1..28; default 1 January, so
 * January–June and July–December). Only a review in a later period than the last counted one
 * advances "reviews below the bar"; a re-review in the same period replaces that period's decision.
 *
 * Validation messages are message codes (core/messages.ts), not text: a problem is rendered in
 * the user's language with the field named in that language (`ruleProblemText`).
 */
/**
 * zod is loaded, and the schemas built, on first use: most runs of the command line (a CSV with the
 * default rules) never validate a rule set, and loading zod was most of core's start-up (issue 17).
 */
function buildSchemas() {
  const { z } = require('zod') as typeof import('zod');
  const TierSchema = z
    .object({
      name: z.string().trim().min(1, 'rules.tierNameEmpty').max(40, 'rules.tierNameTooLong'),
      criteria: z
        .object({
          minAmount: z.number().finite().nonnegative().optional(),
          minOrders: z.number().int().nonnegative().optional(),
          paretoShare: z.number().gt(0).max(1, 'rules.shareAtMost1').optional(),
        })
        .strict()
        .nullable()
        .default(null),
      benefits: z.array(z.string().trim().min(1)).default([]),
    })
    .strict();

  const PolicySchema = z
    .object({
      graceReviews: z.number().int().min(0).max(12).default(1),
      maxStepsDown: z.number().int().min(1).max(10).default(1),
      hysteresisPct: z.number().min(0).max(50).default(0),
      benefitSteps: z.number().int().min(0).max(12).default(0),
    })
    .strict();

  const RuleSetSchema = z
    .object({
      version: z.literal(1).default(1),
      name: z.string().trim().min(1).max(80).default('Rules'),
      measure: z.enum(['revenue', 'margin']).default('revenue'),
      windowMonths: z.number().int('rules.wholeMonths').min(1).max(120).default(6),
      // optional (absent: DEFAULT_REVIEW_MONTHS, see reviewCalendar): rules saved before periods stay equal on a round trip
      reviewEveryMonths: z.number().int('rules.wholeMonths').min(1).max(24).optional(),
      reviewAnchor: z
        .string()
        .trim()
        .superRefine((s, ctx) => {
          const p = anchorProblem(s);
          if (p) ctx.addIssue({ code: 'custom', message: p === 'notDate' ? 'rules.anchorNotDate' : 'rules.anchorDayAfter28' });
        })
        .optional(),
      tiers: z.array(TierSchema).min(2, 'rules.tooFewTiers').max(10, 'rules.tooManyTiers'),
      policy: PolicySchema.default({ graceReviews: 1, maxStepsDown: 1, hysteresisPct: 0, benefitSteps: 0 }),
    })
    .strict()
    .superRefine((rs, ctx) => {
      const seen = new Map<string, number>();
      rs.tiers.forEach((t, i) => {
        const key = t.name.toLowerCase();
        if (seen.has(key)) ctx.addIssue({ code: 'custom', path: ['tiers', i, 'name'], ...custom(msg('rules.repeatsTier', { tier: seen.get(key)! + 1, name: t.name })) });
        seen.set(key, i);
        const last = i === rs.tiers.length - 1;
        const c = t.criteria;
        const empty = !c || (c.minAmount === undefined && c.minOrders === undefined && c.paretoShare === undefined);
        if (last && !empty) ctx.addIssue({ code: 'custom', path: ['tiers', i, 'criteria'], ...custom(msg('rules.baseTakesNoCriteria')) });
        if (!last && empty) ctx.addIssue({ code: 'custom', path: ['tiers', i, 'criteria'], ...custom(msg('rules.needsCriterion')) });
      });
      // higher tiers must be at least as demanding as lower ones
      for (let i = 1; i < rs.tiers.length - 1; i++) {
        const hi = rs.tiers[i - 1].criteria;
        const lo = rs.tiers[i].criteria;
        if (hi?.minAmount !== undefined && lo?.minAmount !== undefined && lo.minAmount > hi.minAmount) {
          ctx.addIssue({ code: 'custom', path: ['tiers', i, 'criteria', 'minAmount'], ...custom(msg('rules.aboveHigherBar', { higher: rs.tiers[i - 1].name })) });
        }
        if (hi?.paretoShare !== undefined && lo?.paretoShare !== undefined && lo.paretoShare < hi.paretoShare) {
          ctx.addIssue({ code: 'custom', path: ['tiers', i, 'criteria', 'paretoShare'], ...custom(msg('rules.belowHigherShare', { higher: rs.tiers[i - 1].name })) });
        }
      }
    });
  return { TierSchema, PolicySchema, RuleSetSchema };
}

type Schemas = ReturnType<typeof buildSchemas>;
let built: Schemas | undefined;
const schemas = (): Schemas => (built ??= buildSchemas());

/** A schema that is built when first used (`.parse`, `.safeParse`, …). */
function lazySchema<K extends keyof Schemas>(key: K): Schemas[K] {
  return new Proxy({} as Schemas[K], {
    get: (_t, prop) => {
      const real = schemas()[key];
      const v = Reflect.get(real, prop, real) as unknown;
      return typeof v === 'function' ? (v as (...args: unknown[]) => unknown).bind(real) : v;
    },
    has: (_t, prop) => prop in schemas()[key],
  });
}

export const TierSchema = lazySchema('TierSchema');
export const PolicySchema = lazySchema('PolicySchema');
export const RuleSetSchema = lazySchema('RuleSetSchema');

export type Tier = z.output<typeof TierSchema>;
export type Policy = z.output<typeof PolicySchema>;
export type RuleSet = z.output<typeof RuleSetSchema>;
export type RuleSetInput = z.input<typeof RuleSetSchema>;

/** Default tier names and benefits per language: a Russian workbook does not get "Key / Standard". */
export const DEFAULT_TIER_TEXT: Record<Lang, { name: string; tiers: ReadonlyArray<{ name: string; benefits: readonly string[] }> }> = {
  en: {
    name: 'Pareto 50/80',
    tiers: [
      { name: 'VIP', benefits: ['Personal manager', 'Priority delivery', 'Extended payment terms'] },
      { name: 'Key', benefits: ['Named account desk', 'Quarterly review meeting'] },
      { name: 'Standard', benefits: [] },
    ],
  },
  ru: {
    name: 'Парето 50/80',
    tiers: [
      { name: 'VIP', benefits: ['Персональный менеджер', 'Приоритетная доставка', 'Отсрочка платежа'] },
      { name: 'Ключевой', benefits: ['Закреплённая группа обслуживания', 'Ежеквартальная встреча по итогам работы'] },
      { name: 'Базовый', benefits: [] },
    ],
  },
};

/** The three default tiers with these criteria (the last tier's is null), named in `lang`. */
export function defaultTiers(lang: Lang, criteria: ReadonlyArray<Tier['criteria']>): Tier[] {
  return DEFAULT_TIER_TEXT[lang].tiers.map((t, i) => ({ name: t.name, criteria: criteria[i] ?? null, benefits: [...t.benefits] }));
}

/**
 * The scale-free default: VIP = first 50% of revenue, Key = up to 80%, Standard = the rest; in a
 * Russian workbook VIP / Ключевой / Базовый. Rules saved in a workbook keep their own names.
 */
export function defaultRules(lang: Lang = 'en'): RuleSet {
  return (DEFAULTS[lang] ??= makeDefaultRules(lang));
}

/** One frozen default per language (so "still the default" is an identity test). */
const DEFAULTS: Partial<Record<Lang, RuleSet>> = {};

function makeDefaultRules(lang: Lang): RuleSet {
  return Object.freeze({
    version: 1,
    name: DEFAULT_TIER_TEXT[lang].name,
    measure: 'revenue',
    windowMonths: 6,
    tiers: defaultTiers(lang, [{ paretoShare: 0.5 }, { paretoShare: 0.8 }, null]),
    policy: { graceReviews: 1, maxStepsDown: 1, hysteresisPct: 0, benefitSteps: 0 },
  }) as RuleSet;
}

/** The English default (see `defaultRules`). */
export const DEFAULT_RULES: RuleSet = defaultRules('en');

/**
 * The language of the default rules for a sheet: the one whose default tier names the sheet's
 * own Tier column already uses ("Key", "Standard" from an earlier English review keep the English
 * names), else `lang` (the sheet's or the pane's language).
 */
export function defaultRulesLang(lang: Lang, tierCells: Iterable<unknown>): Lang {
  const names = (l: Lang) => new Set(DEFAULT_TIER_TEXT[l].tiers.slice(1).map((t) => t.name.toLowerCase()));
  const en = names('en');
  const ru = names('ru');
  for (const v of tierCells) {
    if (typeof v !== 'string') continue;
    const k = v.trim().toLowerCase();
    if (en.has(k)) return 'en';
    if (ru.has(k)) return 'ru';
  }
  return lang;
}

/** The language a rule set's tier names are in: Russian when any holds Cyrillic letters. */
export function rulesLang(rules: Pick<RuleSet, 'tiers'>): Lang {
  return rules.tiers.some((t) => /[а-яё]/i.test(t.name)) ? 'ru' : 'en';
}

/** A rule-set problem: the field (null: the text as a whole) and what is wrong with it. */
export interface RuleProblem {
  /** The zod path of the field; null when the problem is not about one field (e.g. bad JSON). */
  path: ReadonlyArray<PropertyKey> | null;
  /** The field as `tiers[2].criteria.minAmount` (the same in every language; '' when `path` is null). */
  field: string;
  message: Message;
}

/** A problem as the user reads it: `tiers[2].criteria.minAmount: must be 0 or more` / `уровень 2, критерий «минимальная сумма»: должно быть 0 или больше`. */
export function ruleProblemText(p: RuleProblem, lang: Lang): string {
  const text = renderMessage(p.message, lang);
  return p.path === null ? text : `${ruleFieldLabel(p.path, lang)}: ${text}`;
}

export class RuleSetError extends Error {
  /** The problems in English (as before the messages were bilingual). */
  public readonly problems: string[];
  /** The whole message in both languages, for `userMessage` in the pane. */
  public readonly messages: Record<Lang, string>;
  constructor(public readonly issues: RuleProblem[]) {
    const en = issues.map((p) => ruleProblemText(p, 'en'));
    super(`The rule set is not valid:\n- ${en.join('\n- ')}`);
    this.name = 'RuleSetError';
    this.problems = en;
    this.messages = { en: this.message, ru: `Правила заданы неверно:\n- ${this.problemsIn('ru').join('\n- ')}` };
  }

  /** The problems in a language, each naming its field. */
  problemsIn(lang: Lang): string[] {
    return this.issues.map((p) => ruleProblemText(p, lang));
  }
}

/** Render a zod path such as ['tiers', 1, 'criteria', 'minAmount'] as `tiers[2].criteria.minAmount`. */
export function fieldName(path: ReadonlyArray<PropertyKey>): string {
  let s = '';
  for (const p of path) s += typeof p === 'number' ? `[${p + 1}]` : (s ? '.' : '') + String(p);
  return s || '(rule set)';
}

const RU_FIELDS: Record<string, string> = {
  version: 'версия формата',
  name: 'название правил',
  measure: 'показатель',
  windowMonths: 'окно пересмотра',
  reviewEveryMonths: 'период пересмотра, месяцев',
  reviewAnchor: 'начало периода пересмотра',
  tiers: 'уровни',
  policy: 'правила понижения',
};
const RU_TIER_FIELDS: Record<string, string> = { name: 'название', criteria: 'критерии', benefits: 'привилегии' };
const RU_CRITERIA: Record<string, string> = { minAmount: 'минимальная сумма', minOrders: 'минимум заказов', paretoShare: 'доля Парето' };
const RU_POLICY: Record<string, string> = {
  graceReviews: 'пересмотров с предупреждением',
  maxStepsDown: 'не более уровней вниз за пересмотр',
  hysteresisPct: 'сохранять уровень при отставании до X%',
  benefitSteps: 'ступеней сокращения привилегий',
};

/**
 * The field of a rule set as a user reads it: English keeps the path (`tiers[2].criteria.minAmount`,
 * the names in the JSON file), Russian says it in words (`уровень 2, критерий «минимальная сумма»`).
 */
export function ruleFieldLabel(path: ReadonlyArray<PropertyKey>, lang: Lang): string {
  if (lang === 'en') return fieldName(path);
  if (path.length === 0) return '(правила)';
  const [head, ...rest] = path.map((p) => (typeof p === 'number' ? p : String(p)));
  if (head === 'tiers' && typeof rest[0] === 'number') {
    let s = `уровень ${rest[0] + 1}`;
    const [field, sub] = rest.slice(1);
    if (field === 'criteria' && typeof sub === 'string') s += `, критерий «${RU_CRITERIA[sub] ?? sub}»`;
    else if (field === 'benefits' && typeof sub === 'number') s += `, привилегия ${sub + 1}`;
    else if (field !== undefined) s += `, ${RU_TIER_FIELDS[String(field)] ?? String(field)}`;
    return s;
  }
  if (head === 'policy' && typeof rest[0] === 'string') return `правила понижения, «${RU_POLICY[rest[0]] ?? rest[0]}»`;
  const label = RU_FIELDS[String(head)];
  return label ? label : fieldName(path);
}

/** The custom-issue fields that carry a message code and its parameters through zod. */
function custom(m: Message): { message: string; params?: Record<string, unknown> } {
  return m.params ? { message: m.code, params: { ...m.params } } : { message: m.code };
}

/** A zod issue as a message: our own codes (schema messages, custom issues) or zod's issue kinds. */
function issueMessage(issue: z.core.$ZodIssue): Message {
  const i = issue as z.core.$ZodIssue & { minimum?: number | bigint; maximum?: number | bigint; params?: Record<string, unknown> };
  if (isMessageCode(issue.message)) {
    const params = { ...(i.params ?? {}), ...(i.minimum !== undefined ? { min: Number(i.minimum) } : {}), ...(i.maximum !== undefined ? { max: Number(i.maximum) } : {}) };
    return { code: issue.message, params } as Message;
  }
  switch (issue.code) {
    case 'invalid_type':
      if (/received undefined/.test(issue.message)) return msg('value.missing');
      switch (issue.expected) {
        case 'number':
          return msg('value.number');
        case 'int':
          return msg('value.whole');
        case 'string':
          return msg('value.text');
        case 'object':
          return msg('value.group');
        case 'array':
          return msg('value.list');
        default:
          return msg('value.type', { expected: String(issue.expected) });
      }
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'string') return min <= 1 ? msg('value.empty') : msg('value.tooShort', { min });
      if (issue.origin === 'array') return msg('value.tooFewItems', { min });
      return issue.inclusive === false ? msg('value.above', { min }) : msg('value.atLeast', { min });
    }
    case 'too_big': {
      const max = Number(issue.maximum);
      if (issue.origin === 'string') return msg('value.tooLong', { max });
      if (issue.origin === 'array') return msg('value.tooManyItems', { max });
      return issue.inclusive === false ? msg('value.below', { max }) : msg('value.atMost', { max });
    }
    case 'invalid_value':
      return msg('value.oneOf', { values: issue.values.map((v) => JSON.stringify(v)) });
    case 'unrecognized_keys':
      return msg('value.unknownFields', { keys: issue.keys });
    default:
      return msg('value.invalid', { detail: issue.message });
  }
}

function toProblem(issue: z.core.$ZodIssue): RuleProblem {
  return { path: issue.path, field: fieldName(issue.path), message: issueMessage(issue) };
}

export type ParseResult = { ok: true; rules: RuleSet } | { ok: false; problems: string[]; issues: RuleProblem[] };

/**
 * Validate an object (e.g. parsed JSON) as a rule set. `problems` are rendered in `lang`
 * (English by default) and name the field; `issues` carry field paths and message codes.
 */
export function parseRuleSet(input: unknown, lang: Lang = 'en'): ParseResult {
  const r = RuleSetSchema.safeParse(input);
  if (r.success) return { ok: true, rules: r.data };
  const issues = r.error.issues.map(toProblem);
  return { ok: false, problems: issues.map((p) => ruleProblemText(p, lang)), issues };
}

/** Parse rule-set JSON text; throws RuleSetError with field-named problems. */
export function ruleSetFromJson(text: string): RuleSet {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new RuleSetError([{ path: null, field: '', message: msg('rules.notJson', { detail: (e as Error).message }) }]);
  }
  const r = parseRuleSet(data);
  if (!r.ok) throw new RuleSetError(r.issues);
  return r.rules;
}

export function ruleSetToJson(rules: RuleSet): string {
  return JSON.stringify(rules, null, 2);
}

/** Index of a tier by name (case-insensitive, trimmed), or -1. */
export function tierIndex(rules: RuleSet, name: string): number {
  const k = name.trim().toLowerCase();
  return rules.tiers.findIndex((t) => t.name.toLowerCase() === k);
}

/**
 * A rule set from a two-column table "tier name | minimum amount" in any order (as typed in a
 * sheet for CLIENTS.VIPTIER). Rows with a blank name are skipped; the tier with the lowest
 * bar (or no bar) becomes the base tier.
 */
export function ruleSetFromThresholds(rows: Array<{ name: string; minAmount: number | null }>, base?: Partial<RuleSet>): RuleSet {
  const sorted = rows.filter((r) => r.name.trim() !== '').sort((a, b) => (b.minAmount ?? -Infinity) - (a.minAmount ?? -Infinity));
  const tiers = sorted.map((r, i) => ({
    name: r.name,
    criteria: i === sorted.length - 1 ? null : { minAmount: r.minAmount ?? 0 },
    benefits: [],
  }));
  const r = parseRuleSet({ ...DEFAULT_RULES, ...base, name: base?.name ?? 'Thresholds', tiers });
  if (!r.ok) throw new RuleSetError(r.issues);
  return r.rules;
}

/**
 * The workbook setting that holds the saved rule set (`Office.context.document.settings` /
 * `workbook.settings`): written by the pane (src/excel/settings), read by the custom functions
 * when no rules range is given. One key, kept here so both read the same one without the
 * functions importing the Excel layer.
 */
export const RULES_SETTING_KEY = 'clientTiers.rules';
