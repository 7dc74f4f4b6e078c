import { rankPositive, Ranking } from './ranking';
import { RuleSet, tierIndex } from './rules';
import { formatAmount, Lang } from './format';
import { reasons as R, statusLabels, t } from './i18n';

/**
 * Tier decisions: which tier each client is proposed for, with a status and a reason in words.
 *
 * 1. **Bars.** Each tier's amount bar is the larger of its `minAmount` and, for a Pareto tier,
 *    the measure of the *marginal* client: sorting clients by the measure (largest first), the
 *    client whose cumulative share *before* it is below `paretoShare` qualifies, so the bar is the
 *    smallest such measure; clients tied with the bar qualify too (order-independent).
 * 2. **Qualified tier.** The highest tier whose criteria all hold (measure ≥ bar, orders ≥
 *    minOrders). With hysteresis h%, a client keeps its previous tier while the measure is at
 *    least bar × (1 − h/100).
 * 3. **Policy.** Upgrades take effect at once. Below the previous tier's bar, the first
 *    `graceReviews` reviews only warn (*grace*, the "deferred transfer"); the next `benefitSteps`
 *    reviews remove benefits one step at a time (*stepdown*); then the client moves *down* at most
 *    `maxStepsDown` tiers and the count starts again.
 */
export type TierStatus = 'new' | 'up' | 'keep' | 'grace' | 'stepdown' | 'down';

export const STATUSES: readonly TierStatus[] = ['new', 'up', 'keep', 'grace', 'stepdown', 'down'];

/** A status as the pane, the results column and the history sheet name it (the catalogue's `status`). */
export const STATUS_LABELS: Record<TierStatus, Record<Lang, string>> = statusLabels;

/** Status from a label in either language (as written by a previous apply), or undefined. */
export function statusFromLabel(label: string | undefined): TierStatus | undefined {
  if (!label) return undefined;
  const t = label.trim().toLowerCase();
  for (const s of STATUSES) if (STATUS_LABELS[s].en.toLowerCase() === t || STATUS_LABELS[s].ru.toLowerCase() === t || s === t) return s;
  return undefined;
}

export interface TierBar {
  tier: string;
  index: number;
  /** Amount bar on the measure; null = no amount criterion (base tier or orders-only). */
  minAmount: number | null;
  minOrders: number | null;
  paretoShare: number | null;
}

/** Bars of every tier for a population of measures (see the file comment). O(n log n). */
export function tierBars(rules: RuleSet, measures: ArrayLike<number>, keys?: ArrayLike<string>, ranked?: Ranking): TierBar[] {
  const needsPareto = rules.tiers.some((t) => t.criteria?.paretoShare !== undefined);
  const ranking = needsPareto ? (ranked ?? rankPositive(measures, keys)) : undefined;
  return rules.tiers.map((t, index) => {
    const c = t.criteria;
    let bar: number | null = c?.minAmount ?? null;
    if (c?.paretoShare !== undefined && ranking) {
      const pb = paretoBar(measures, ranking.order, ranking.total, c.paretoShare);
      bar = bar === null ? pb : Math.max(bar, pb);
    }
    return { tier: t.name, index, minAmount: bar, minOrders: c?.minOrders ?? null, paretoShare: c?.paretoShare ?? null };
  });
}

function paretoBar(measures: ArrayLike<number>, order: Uint32Array, total: number, share: number): number {
  if (order.length === 0 || !(total > 0)) return Infinity;
  let before = 0;
  let bar = Infinity;
  for (let r = 0; r < order.length; r++) {
    if (before / total >= share) break;
    bar = measures[order[r]];
    before += bar;
  }
  return bar;
}

function meets(bar: TierBar, measure: number, orders: number, tolerance = 0): boolean {
  if (bar.minAmount !== null && !(measure >= bar.minAmount * (1 - tolerance))) return false;
  if (bar.minOrders !== null && !(orders >= bar.minOrders)) return false;
  return true;
}

/** Highest tier index whose criteria hold; the base tier (last) always does. */
export function qualifiedIndex(bars: TierBar[], measure: number, orders: number): number {
  for (let i = 0; i < bars.length - 1; i++) if (meets(bars[i], measure, orders)) return i;
  return bars.length - 1;
}

export interface TierInput {
  measure: number;
  orders?: number;
  previousTier?: string;
  /** Consecutive reviews already below the previous tier's bar (0 when unknown). */
  reviewsBelow?: number;
  previousStatus?: TierStatus;
}

export interface TierDecision {
  tier: string;
  tierIndex: number;
  previousTier: string | null;
  previousIndex: number | null;
  /** What the figures alone earn, before the policy. */
  qualifiedTier: string;
  status: TierStatus;
  /** Reviews below the bar after this one (0 unless grace or step-down). */
  reviewsBelow: number;
  /** Benefits of the kept tier removed at this review (step-down). */
  benefitsRemoved: string[];
  /** The bar the reason talks about (tier to keep or to reach), null when none. */
  bar: number | null;
  /** Amount missing to keep/reach `bar` (> 0), or the margin above it (<= 0). */
  gap: number | null;
  keptByHysteresis: boolean;
  reason: Record<Lang, string>;
  /** Unknown previous tier text, kept for the message. */
  unknownPrevious?: string;
}

/**
 * What the figure is known to cover, for the reason's words: a window of months (a log, month
 * columns) or only a column (a client sheet's "Revenue 2025": the window is whatever the column
 * holds, so no months are claimed).
 */
export type FigureWindow = { months: number | 'all' } | { column: string };

export interface DecideContext {
  rules: RuleSet;
  bars: TierBar[];
  /** What the figure covers; absent: nothing is said about its window. */
  window?: FigureWindow;
  /** Money in messages: e.g. (x, lang) => formatAmount(x, lang). */
  money?: (x: number, lang: Lang) => string;
}

export function decide(input: TierInput, ctx: DecideContext): TierDecision {
  const { rules, bars } = ctx;
  const policy = rules.policy;
  const money = ctx.money ?? ((x: number, lang: Lang) => formatAmount(x, lang));
  const measure = input.measure;
  const orders = input.orders ?? 0;
  let prevIndex: number | null = null;
  let unknownPrevious: string | undefined;
  if (input.previousTier !== undefined && input.previousTier.trim() !== '') {
    const i = tierIndex(rules, input.previousTier);
    if (i >= 0) prevIndex = i;
    else unknownPrevious = input.previousTier.trim();
  }
  const strict = qualifiedIndex(bars, measure, orders);
  let qualified = strict;
  let keptByHysteresis = false;
  const tol = policy.hysteresisPct / 100;
  if (prevIndex !== null && prevIndex < strict && tol > 0 && meets(bars[prevIndex], measure, orders, tol)) {
    qualified = prevIndex;
    keptByHysteresis = true;
  }
  let below = input.reviewsBelow ?? (input.previousStatus === 'grace' || input.previousStatus === 'stepdown' ? 1 : 0);
  let status: TierStatus;
  let index: number;
  let benefitsRemoved: string[] = [];
  if (prevIndex === null) {
    status = 'new';
    index = qualified;
    below = 0;
  } else if (qualified < prevIndex) {
    status = 'up';
    index = qualified;
    below = 0;
  } else if (qualified === prevIndex) {
    status = 'keep';
    index = qualified;
    below = 0;
  } else {
    below += 1;
    if (below <= policy.graceReviews) {
      status = 'grace';
      index = prevIndex;
    } else if (below <= policy.graceReviews + policy.benefitSteps) {
      status = 'stepdown';
      index = prevIndex;
      const benefits = rules.tiers[prevIndex].benefits;
      const step = below - policy.graceReviews;
      benefitsRemoved = benefitsForStep(benefits, step, policy.benefitSteps);
    } else {
      status = 'down';
      index = Math.min(qualified, prevIndex + policy.maxStepsDown);
      below = 0;
    }
  }
  // The bar the reason speaks of: for grace/stepdown/down the previous tier's; otherwise the
  // tier's own, or for the base tier the next tier up.
  const refIndex = status === 'grace' || status === 'stepdown' || status === 'down' ? prevIndex! : index === bars.length - 1 && bars.length > 1 ? index - 1 : index;
  const ref = bars[refIndex];
  const bar = ref.minAmount !== null && Number.isFinite(ref.minAmount) ? ref.minAmount : null;
  const gap = bar !== null ? bar - measure : null;
  return new Decision(
    {
      tier: rules.tiers[index].name,
      tierIndex: index,
      previousTier: prevIndex === null ? null : rules.tiers[prevIndex].name,
      previousIndex: prevIndex,
      qualifiedTier: rules.tiers[strict].name,
      status,
      reviewsBelow: below,
      benefitsRemoved,
      bar,
      gap,
      keptByHysteresis,
      unknownPrevious,
    },
    input,
    ctx,
    ref,
    money,
  );
}

type DecisionFields = Omit<TierDecision, 'reason'>;

/** A decision whose reason text is written when first read (100,000 clients stay fast). */
class Decision implements TierDecision {
  tier!: string;
  tierIndex!: number;
  previousTier!: string | null;
  previousIndex!: number | null;
  qualifiedTier!: string;
  status!: TierStatus;
  reviewsBelow!: number;
  benefitsRemoved!: string[];
  bar!: number | null;
  gap!: number | null;
  keptByHysteresis!: boolean;
  unknownPrevious?: string;
  #input: TierInput;
  #ctx: DecideContext;
  #ref: TierBar;
  #money: (x: number, lang: Lang) => string;
  #reason?: Record<Lang, string>;

  constructor(fields: DecisionFields, input: TierInput, ctx: DecideContext, ref: TierBar, money: (x: number, lang: Lang) => string) {
    // explicit fields (not Object.assign): one hidden class, several times faster for 100,000
    this.tier = fields.tier;
    this.tierIndex = fields.tierIndex;
    this.previousTier = fields.previousTier;
    this.previousIndex = fields.previousIndex;
    this.qualifiedTier = fields.qualifiedTier;
    this.status = fields.status;
    this.reviewsBelow = fields.reviewsBelow;
    this.benefitsRemoved = fields.benefitsRemoved;
    this.bar = fields.bar;
    this.gap = fields.gap;
    this.keptByHysteresis = fields.keptByHysteresis;
    if (fields.unknownPrevious !== undefined) this.unknownPrevious = fields.unknownPrevious;
    this.#input = input;
    this.#ctx = ctx;
    this.#ref = ref;
    this.#money = money;
  }

  get reason(): Record<Lang, string> {
    if (!this.#reason) {
      this.#reason = {
        en: reasonText(this, this.#input, this.#ctx, this.#ref, 'en', this.#money),
        ru: reasonText(this, this.#input, this.#ctx, this.#ref, 'ru', this.#money),
      };
    }
    return this.#reason;
  }

  toJSON(): TierDecision {
    return { ...this, reason: this.reason };
  }
}

/** Benefits removed at step `step` of `steps`: the list split as evenly as possible, last first. */
export function benefitsForStep(benefits: string[], step: number, steps: number): string[] {
  if (steps <= 0 || benefits.length === 0) return [];
  const rev = [...benefits].reverse();
  const per = Math.ceil(rev.length / steps);
  return rev.slice((step - 1) * per, step * per);
}

/** The figure's window in words, only when it is known: " over 6 months", " (column 'Revenue 2025')"; else nothing. */
export function windowText(window: FigureWindow | undefined, lang: Lang): string {
  if (!window) return '';
  if ('column' in window) return window.column ? ` ${t(lang, R.windowColumn, { column: window.column })}` : '';
  return ` ${window.months === 'all' ? t(lang, R.windowAll) : t(lang, R.window, { count: window.months })}`;
}

/** A tier's name inside a sentence: Russian puts it in «» ("уровень «Ключевой»"), English as is. */
export function tierInText(name: string, lang: Lang): string {
  return lang === 'ru' ? `«${name}»` : name;
}

function reasonText(d: DecisionFields, input: TierInput, ctx: DecideContext, ref: TierBar, lang: Lang, money: (x: number, l: Lang) => string): string {
  const { rules } = ctx;
  const fig = t(lang, R.figure, { measure: t(lang, R.measure[rules.measure]), amount: money(input.measure, lang), window: windowText(ctx.window, lang) });
  const orders = input.orders ?? 0;
  const ordersShort = ref.minOrders !== null && orders < ref.minOrders;
  const barText = (b: TierBar) => {
    const amount = b.minAmount !== null && Number.isFinite(b.minAmount) ? money(b.minAmount, lang) : null;
    const minOrders = b.minOrders !== null ? t(lang, R.ordersBar, { count: b.minOrders }) : null;
    if (amount !== null && minOrders !== null) return t(lang, R.amountAndOrders, { amount, orders: minOrders });
    return amount ?? minOrders ?? t(lang, R.noQualifier);
  };
  const paretoNote = ref.paretoShare !== null ? t(lang, R.paretoNote, { percent: Math.round(ref.paretoShare * 100) }) : '';
  const pareto = paretoNote && !(d.gap !== null && d.gap > 0) && !ordersShort ? ` (${paretoNote})` : '';
  const gapText = () => {
    const g = d.gap;
    const bits: string[] = paretoNote ? [paretoNote] : [];
    if (g !== null && g > 0) bits.push(t(lang, R.short, { gap: money(g, lang) }));
    if (ordersShort) bits.push(t(lang, R.ordersShort, { orders, count: ref.minOrders! }));
    return bits.length > (paretoNote ? 1 : 0) ? ` (${bits.join('; ')})` : '';
  };
  const unknown = d.unknownPrevious ? t(lang, R.unknownPrevious, { tier: d.unknownPrevious }) : '';
  const tier = tierInText(ref.tier, lang);
  const to = tierInText(d.tier, lang);
  const from = d.previousTier === null ? '' : tierInText(d.previousTier, lang);
  const base = d.tierIndex === rules.tiers.length - 1;
  const hyst = d.keptByHysteresis ? t(lang, R.hysteresis, { percent: rules.policy.hysteresisPct }) : '';
  /** The bar as a sentence names it: the amount and orders, what qualifies it, what is missing. */
  const bar = () => `${barText(ref)}${pareto}${gapText()}`;
  const sentences = (...xs: string[]) => xs.filter((x) => x !== '').join(' ');
  switch (d.status) {
    case 'new':
    case 'up':
    case 'keep': {
      const head =
        d.status === 'up' ? t(lang, R.up, { from, to }) : d.status === 'new' ? t(lang, R.new, { tier: to }) : t(lang, R.keep, { tier: to });
      // the base tier, or kept below the bar: say so, with the gap, instead of "meets the bar"
      if ((base && rules.tiers.length > 1) || d.keptByHysteresis) return sentences(head, t(lang, R.below, { figure: fig, tier, bar: bar() }), hyst, unknown);
      const meets =
        d.gap !== null && d.gap <= 0
          ? t(lang, R.meetsWithMargin, { figure: fig, tier, bar: `${barText(ref)}${pareto}`, margin: money(-d.gap, lang) })
          : t(lang, R.meets, { figure: fig, tier, bar: `${barText(ref)}${pareto}` });
      return sentences(head, meets, hyst, unknown);
    }
    case 'grace':
      return t(lang, R.grace, { figure: fig, tier, bar: bar(), warning: d.reviewsBelow, of: rules.policy.graceReviews });
    case 'stepdown': {
      const benefits = d.benefitsRemoved.length ? d.benefitsRemoved.join(', ') : t(lang, R.oneBenefitStep);
      return t(lang, R.stepdown, { figure: fig, tier, bar: bar(), count: d.reviewsBelow, benefits });
    }
    case 'down':
      return t(lang, R.down, { from, to, figure: lang === 'en' ? fig.charAt(0).toLowerCase() + fig.slice(1) : fig, tier, bar: bar() });
  }
}
