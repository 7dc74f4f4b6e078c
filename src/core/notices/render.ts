import type { Analysis, ClientResult } from '../analyze';
import { formatAmount, formatDay, Lang, ruPlural } from '../format';
import type { RuleSet } from '../rules';
import { benefitsForStep, FigureWindow } from '../tiering';
import { periodOf, ReviewCalendar, reviewCalendar, ReviewDates, reviewDates } from '../reviewPeriod';
import { fillPlaceholders, missingValues, PlaceholderName, PlaceholderValues, PLACEHOLDER_NAMES } from './placeholders';
import { NOTICE_TYPE_LABELS, NoticeTemplates, NoticeType, TemplateText, templateLabel } from './templates';

/**
 * Rendering notices: the figures of one client in the analysis become placeholder values (money
 * and dates in the letter's language through format.ts), a template becomes a subject and a body.
 *
 * Which notice a client gets follows the review status: grace → grace warning, stepdown → benefit
 * step-down, down → transfer, up → upgrade; new and keep get none. The criteria letter is sent on
 * demand (to anyone).
 *
 * @example
 * const a = analyzeGrid(grid);
 * const c = a.clients.find((x) => noticeFor(x) === 'grace')!;
 * render(DEFAULT_TEMPLATES.templates.grace.en, noticeValues(c, a, DEFAULT_TEMPLATES, { lang: 'en', day: 20460 }));
 * // { subject: 'Keystone Print Group: your Key status stays until 30 Apr 2026', body: 'Dear Peter Clark, …', missing: ['company'] }
 */
export interface NoticeOptions {
  /** Language of the letters (money, dates and the words the values use). */
  lang: Lang;
  /**
   * Day number of the letter (days since 1970-01-01); default: the review's day (the analysis's
   * `review`), which is also what the grace-until and next-review dates follow from. A letter
   * dated after the grace it promises is reported by `missingReport` (placeholder graceUntil).
   */
  day?: number;
  /** Day a transfer or benefit change takes effect; default: the letter day + NOTICE_PERIOD_DAYS. */
  effectiveDay?: number;
}

/** Default notice period between the letter and a transfer or benefit change taking effect. */
export const NOTICE_PERIOD_DAYS = 30;

export interface RenderedText {
  subject: string;
  body: string;
  /** Placeholders used by the template with no value for this client (left as `{{name}}`). */
  missing: PlaceholderName[];
}

/**
 * A template with the values put in. The subject is one line (line breaks in values become spaces);
 * text is plain text — nothing here is markup, and nothing is escaped: each output escapes for its
 * own medium (XML in the .docx, text cells in the sheet, text nodes in the pane).
 *
 * @example render({ subject: '{{client}}', body: 'Dear {{contact}}' }, { ...values, client: 'A "B" <C>', contact: '' })
 * // { subject: 'A "B" <C>', body: 'Dear {{contact}}', missing: ['contact'] }
 */
export function render(template: TemplateText, values: PlaceholderValues): RenderedText {
  const subject = fillPlaceholders(template.subject, values).replace(/\s*[\r\n]+\s*/g, ' ').trim();
  const body = fillPlaceholders(template.body, values).replace(/\r\n?/g, '\n');
  return { subject, body, missing: missingValues([template.subject, template.body], values) };
}

/**
 * The notice a client's review status calls for, or null (new clients and clients keeping their
 * tier get none; the criteria letter is on demand).
 *
 * @example noticeFor({ decision: { status: 'grace' } }) // 'grace'
 */
export function noticeFor(client: { decision: Pick<ClientResult['decision'], 'status'> }): Exclude<NoticeType, 'criteria'> | null {
  switch (client.decision.status) {
    case 'grace':
      return 'grace';
    case 'stepdown':
      return 'stepdown';
    case 'down':
      return 'down';
    case 'up':
      return 'up';
    default:
      return null;
  }
}

/** Russian names of the default rule set's benefits, so a Russian letter does not list English words. */
const BENEFITS_RU: Record<string, string> = {
  'personal manager': 'Персональный менеджер',
  'priority delivery': 'Приоритетная доставка',
  'extended payment terms': 'Отсрочка платежа',
  'named account desk': 'Закреплённая группа обслуживания',
  'quarterly review meeting': 'Ежеквартальная встреча по итогам работы',
};

function benefitName(b: string, lang: Lang): string {
  return lang === 'ru' ? (BENEFITS_RU[b.trim().toLowerCase()] ?? b) : b;
}

/** A list as lines "• item" (empty list: ''). */
function lines(items: ReadonlyArray<string>, lang: Lang): string {
  return items.map((b) => `• ${benefitName(b, lang)}`).join('\n');
}

/** An amount in the letter's language, with the currency when one is set: `$1,234`, `1 234 ₽`. */
export function money(x: number | null | undefined, lang: Lang, currency = ''): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '';
  const s = formatAmount(x, lang);
  const c = currency.trim();
  if (!c) return s;
  // a one-character symbol goes before the number in English ($1,234); everything else after it
  if (lang === 'en' && c.length === 1 && !/\p{L}/u.test(c)) return s.startsWith('−') ? `−${c}${s.slice(1)}` : `${c}${s}`;
  return `${s}\u00a0${c}`;
}

/** What is measured, as a client reads it (masculine in Russian, so "составил" agrees either way). */
export function measureWord(measure: RuleSet['measure'], lang: Lang): string {
  if (measure === 'margin') return lang === 'en' ? 'gross margin on your orders' : 'маржинальный доход по вашим заказам';
  return lang === 'en' ? 'order volume' : 'объём заказов';
}

/**
 * The review window in words: "6 months" / "6 месяцев", "the whole period" / "весь период"; for a
 * figure whose window is unknown (a client sheet's "Revenue 2025"), the column it comes from:
 * "period in column "Revenue 2025"" / "период в столбце «Выручка 2025»" (templates say "Over the
 * {{window}}" / "За {{window}}").
 */
export function windowWords(months: number | 'all' | { column: string }, lang: Lang): string {
  if (typeof months === 'object') return lang === 'en' ? `period in column "${months.column}"` : `период в столбце «${months.column}»`;
  if (months === 'all') return lang === 'en' ? 'the whole period' : 'весь период';
  return lang === 'en' ? `${months} month${months === 1 ? '' : 's'}` : `${months} ${ruPlural(months, ['месяц', 'месяца', 'месяцев'])}`;
}

/** Last day of the reviewed period: the window's end, or for a client sheet the latest last order. */
export function reviewEndDay(a: Pick<Analysis, 'aggregation' | 'clients'>): number | null {
  if (a.aggregation.window) return a.aggregation.window.toDay;
  let end: number | null = null;
  for (const c of a.clients) if (c.lastDay !== null && (end === null || c.lastDay > end)) end = c.lastDay;
  return end;
}

function windowMonthsOf(a: Pick<Analysis, 'aggregation' | 'rules'> & { figureWindow?: FigureWindow }): number | 'all' | { column: string } {
  if (a.aggregation.window) return a.aggregation.window.months;
  const w = a.figureWindow;
  if (w && 'column' in w && w.column) return { column: w.column };
  if (w && 'months' in w) return w.months;
  return a.rules.windowMonths;
}

/**
 * The tier rules in words, one tier per line, with the bars of this review:
 * "• VIP — from 372,208 over 6 months (the bar is recalculated at each review)".
 */
export function tierRulesText(a: Pick<Analysis, 'rules' | 'bars' | 'aggregation' | 'figureWindow'>, lang: Lang, currency = ''): string {
  const en = lang === 'en';
  const months = windowMonthsOf(a);
  const win = (typeof months === 'object' ? (en ? 'the ' : '') : '') + windowWords(months, lang);
  const last = a.rules.tiers.length - 1;
  return a.rules.tiers
    .map((t, i) => {
      if (i === last) return en ? `• ${t.name} — every other client` : `• ${t.name} — все остальные клиенты`;
      const bar = a.bars[i];
      const parts: string[] = [];
      if (bar?.minAmount !== null && bar?.minAmount !== undefined && Number.isFinite(bar.minAmount)) parts.push(en ? `from ${money(bar.minAmount, lang, currency)}` : `от ${money(bar.minAmount, lang, currency)}`);
      if (bar?.minOrders !== null && bar?.minOrders !== undefined) parts.push(en ? `at least ${bar.minOrders} order${bar.minOrders === 1 ? '' : 's'}` : `не менее ${bar.minOrders} ${ruPlural(bar.minOrders, ['заказа', 'заказов', 'заказов'])}`);
      const what = parts.length ? parts.join(en ? ' and ' : ' и ') : en ? 'the rule of this tier' : 'правило уровня';
      const pareto = t.criteria?.paretoShare !== undefined ? (en ? ' (the bar is recalculated at each review)' : ' (планка пересчитывается при каждом пересмотре)') : '';
      return en ? `• ${t.name} — ${what} over ${win}${pareto}` : `• ${t.name} — ${what} за ${win}${pareto}`;
    })
    .join('\n');
}

/** How grace periods, benefit steps and changes of tier work under the rules' policy, one rule per line. */
export function policyText(rules: RuleSet, lang: Lang): string {
  const en = lang === 'en';
  const p = rules.policy;
  const m = measureWord(rules.measure, lang);
  const out: string[] = [];
  if (p.graceReviews > 0) {
    const n = p.graceReviews;
    out.push(
      en
        ? `• If ${m} falls below the bar of your level, we first let you know and keep the level until the next review${n > 1 ? ` (for up to ${n} reviews)` : ''}.`
        : `• Если ${m} опускается ниже планки вашего уровня, мы сначала предупреждаем вас и сохраняем уровень до следующего пересмотра${n > 1 ? ` (до ${n} ${ruPlural(n, ['пересмотра', 'пересмотров', 'пересмотров'])})` : ''}.`,
    );
  }
  if (p.benefitSteps > 0) {
    const n = p.benefitSteps;
    out.push(
      en
        ? `• If it is still below after that, some benefits pause step by step${n > 1 ? ` (over up to ${n} reviews)` : ''}, while the level itself stays.`
        : `• Если и после этого он ниже планки, часть привилегий приостанавливается постепенно${n > 1 ? ` (за ${n} ${ruPlural(n, ['пересмотр', 'пересмотра', 'пересмотров'])})` : ''}, а сам уровень сохраняется.`,
    );
  }
  const steps = p.maxStepsDown;
  const first = p.graceReviews === 0 && p.benefitSteps === 0;
  out.push(
    en
      ? `• ${first ? `If ${m} is below the bar at a review, the level changes` : 'Only then does the level change'}, by ${steps === 1 ? 'one step' : `${steps} steps`} at most per review.`
      : `• ${first ? `Если на пересмотре ${m} ниже планки, уровень меняется` : 'Только после этого уровень меняется'} — не более чем на ${steps === 1 ? 'одну ступень' : `${steps} ${ruPlural(steps, ['ступень', 'ступени', 'ступеней'])}`} за пересмотр.`,
  );
  if (p.hysteresisPct > 0) {
    out.push(en ? `• A level is kept while the figure is less than ${p.hysteresisPct}% below its bar.` : `• Уровень сохраняется, пока показатель ниже планки не более чем на ${p.hysteresisPct}\u00a0%.`);
  }
  out.push(
    en
      ? '• A higher level applies as soon as a review shows the figure for it; a level that changed comes back the same way.'
      : '• Более высокий уровень присваивается, как только пересмотр покажет нужный показатель; так же возвращается и прежний уровень.',
  );
  return out.join('\n');
}

/** Benefits paused so far (steps 1..step) for a client in step-down. */
function pausedSoFar(rules: RuleSet, tierIndex: number, reviewsBelow: number): string[] {
  const benefits = rules.tiers[tierIndex]?.benefits ?? [];
  const step = reviewsBelow - rules.policy.graceReviews;
  const out: string[] = [];
  for (let s = 1; s <= step; s++) for (const b of benefitsForStep(benefits, s, rules.policy.benefitSteps)) out.push(b);
  return out;
}

/** Per-analysis values computed once (tier rules, policy, dates) and shared by every client. */
interface Shared {
  lang: Lang;
  set: NoticeTemplates;
  tierRules: string;
  policy: string;
  measure: string;
  window: string;
  reviewEnd: string;
  nextReview: string;
  date: string;
  effectiveDate: string;
  /** The review's dates (its day is the letter's default date). */
  review: ReviewDates;
  cal: ReviewCalendar;
  /** Grace-until text by the number of warnings left after this one (0: the end of the review's period). */
  graceUntil: Map<number, string>;
}

const shared = new WeakMap<Analysis, Map<string, Shared>>();

/** The review's dates: the analysis's, else those of the letter's day under the rules' calendar. */
export function noticeReview(a: Pick<Analysis, 'review' | 'rules'>, day?: number): ReviewDates {
  if (a.review) return a.review;
  return reviewDates(day ?? 0, reviewCalendar(a.rules));
}

/** The letter's day: the one asked for, else the review's. */
export function letterDay(a: Pick<Analysis, 'review' | 'rules'>, options: Pick<NoticeOptions, 'day'>): number {
  return options.day ?? noticeReview(a, options.day).day;
}

/**
 * The last day a grace warning keeps the tier: the end of the review's period, or, with warnings
 * left (graceReviews > 1), the end of the period as many periods later. Never before the review.
 */
export function graceUntilDay(review: ReviewDates, cal: ReviewCalendar, warningsLeft: number): number {
  let end = review.period.endDay;
  for (let i = 0; i < warningsLeft; i++) end = periodOf(end + 1, cal).endDay;
  return end;
}

function sharedValues(a: Analysis, set: NoticeTemplates, options: NoticeOptions): Shared {
  const lang = options.lang;
  const day = letterDay(a, options);
  const effective = options.effectiveDay ?? day + NOTICE_PERIOD_DAYS;
  const key = `${lang}|${day}|${effective}|${set.currency}`;
  let byKey = shared.get(a);
  if (!byKey) shared.set(a, (byKey = new Map()));
  let s = byKey.get(key);
  if (!s || s.set !== set) {
    const end = reviewEndDay(a);
    const review = noticeReview(a, options.day);
    s = {
      lang,
      set,
      tierRules: tierRulesText(a, lang, set.currency),
      policy: policyText(a.rules, lang),
      measure: measureWord(a.rules.measure, lang),
      window: windowWords(windowMonthsOf(a), lang),
      reviewEnd: end === null ? '' : formatDay(end, lang),
      nextReview: formatDay(review.nextReviewDay, lang),
      date: formatDay(day, lang),
      effectiveDate: formatDay(effective, lang),
      review,
      cal: reviewCalendar(a.rules),
      graceUntil: new Map(),
    };
    byKey.set(key, s);
  }
  return s;
}

/** Grace-until for a client: warnings left after this review decide how many periods it lasts. */
function clientGraceUntil(s: Shared, a: Analysis, reviewsBelow: number): string {
  const left = Math.max(0, a.rules.policy.graceReviews - reviewsBelow);
  let text = s.graceUntil.get(left);
  if (text === undefined) s.graceUntil.set(left, (text = formatDay(graceUntilDay(s.review, s.cal, left), s.lang)));
  return text;
}

/**
 * Every placeholder's value for one client of the analysis; '' where the client has none (no
 * contact, no shortfall, no benefits), which the checks report as missing.
 *
 * @example noticeValues(client, analysis, DEFAULT_TEMPLATES, { lang: 'ru', day: 20460 }).figure // '3 549 657'
 */
export function noticeValues(client: ClientResult, a: Analysis, set: NoticeTemplates, options: NoticeOptions): PlaceholderValues {
  const s = sharedValues(a, set, options);
  const lang = options.lang;
  const d = client.decision;
  const tier = a.rules.tiers[d.tierIndex];
  const removed = d.benefitsRemoved;
  const paused = d.status === 'stepdown' ? pausedSoFar(a.rules, d.tierIndex, d.reviewsBelow) : [];
  const kept = (tier?.benefits ?? []).filter((b) => !paused.includes(b));
  return {
    client: client.name,
    contact: client.contact ?? '',
    email: client.email ?? '',
    manager: client.manager ?? '',
    newManager: set.newManager,
    company: set.company,
    currentTier: d.previousTier ?? d.tier,
    newTier: d.tier,
    figure: money(client.total, lang, set.currency),
    bar: money(d.bar, lang, set.currency),
    gap: d.gap !== null && d.gap > 0 ? money(d.gap, lang, set.currency) : '',
    measure: s.measure,
    window: s.window,
    reviewEnd: s.reviewEnd,
    graceUntil: d.status === 'grace' ? clientGraceUntil(s, a, d.reviewsBelow) : formatDay(s.review.period.endDay, lang),
    nextReview: s.nextReview,
    effectiveDate: s.effectiveDate,
    date: s.date,
    benefits: lines(tier?.benefits ?? [], lang),
    benefitsRemoved: lines(removed, lang),
    benefitsKept: lines(kept, lang),
    tierRules: s.tierRules,
    policy: s.policy,
  };
}

/** One generated notice. */
export interface Notice {
  client: string;
  /** The client as in the source cell: a numeric id stays a number in the Notices sheet. */
  id?: string | number;
  key: string;
  email: string;
  type: NoticeType;
  lang: Lang;
  subject: string;
  body: string;
  /** Day number of the letter. */
  day: number;
  missing: PlaceholderName[];
}

/** Render one notice of a given type for a client. */
export function renderNotice(client: ClientResult, a: Analysis, set: NoticeTemplates, type: NoticeType, options: NoticeOptions): Notice {
  const values = noticeValues(client, a, set, options);
  const r = render(set.templates[type][options.lang], values);
  return { client: client.name, id: client.id, key: client.key, email: client.email ?? '', type, lang: options.lang, subject: r.subject, body: r.body, day: letterDay(a, options), missing: r.missing };
}

export interface BuildOptions extends NoticeOptions {
  /** Also a criteria letter for every client who gets a notice (default false). */
  criteria?: boolean;
}

/**
 * The notices of a review: one per client whose status calls for one (in the order of the
 * analysis: by rank), plus criteria letters when asked.
 */
export function buildNotices(a: Analysis, set: NoticeTemplates, options: BuildOptions): Notice[] {
  const out: Notice[] = [];
  for (const c of orderedClients(a)) {
    const type = noticeFor(c);
    if (!type) continue;
    out.push(renderNotice(c, a, set, type, options));
    if (options.criteria) out.push(renderNotice(c, a, set, 'criteria', options));
  }
  return out;
}

/** Clients by rank (largest first; clients without a positive total after, by name). */
export function orderedClients(a: Analysis): ClientResult[] {
  return [...a.clients].sort((x, y) => (x.rank || Infinity) - (y.rank || Infinity) || (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
}

/** Counts of the notices a review calls for, by type. */
export function noticeCounts(a: Analysis): Record<Exclude<NoticeType, 'criteria'>, number> {
  const n = { grace: 0, down: 0, stepdown: 0, up: 0 };
  for (const c of a.clients) {
    const t = noticeFor(c);
    if (t) n[t]++;
  }
  return n;
}

/** A value missing from notices: which template, which placeholder, for which clients. */
export interface MissingReport {
  type: NoticeType;
  letterLang: Lang;
  placeholder: PlaceholderName;
  clients: string[];
  /** Clients of this notice type in all (to tell "every client" from "some"). */
  of: number;
  text: Record<Lang, string>;
}

/** What to do about a missing value, per placeholder. */
const HINTS: Partial<Record<PlaceholderName, Record<Lang, string>>> = {
  company: { en: 'fill in the Company field', ru: 'заполните поле «Компания»' },
  newManager: { en: 'fill in the New manager or desk field', ru: 'заполните поле «Новый менеджер или отдел»' },
  contact: { en: 'add a Contact column or fill it in', ru: 'добавьте или заполните столбец «Контактное лицо»' },
  manager: { en: 'add a Manager column or fill it in', ru: 'добавьте или заполните столбец «Менеджер»' },
  email: { en: 'add an Email column or fill it in', ru: 'добавьте или заполните столбец E-mail' },
  benefits: { en: 'list the benefits of the tier in the rules', ru: 'перечислите привилегии уровня в правилах' },
  benefitsRemoved: { en: 'list the benefits of the tier in the rules', ru: 'перечислите привилегии уровня в правилах' },
  benefitsKept: { en: 'every benefit of the tier is paused', ru: 'все привилегии уровня приостановлены' },
  gap: { en: 'the figure is not below the bar', ru: 'показатель не ниже планки' },
  bar: { en: 'the tier has no amount bar in this review', ru: 'у уровня нет планки по сумме в этом пересмотре' },
  reviewEnd: { en: 'no dates in the sheet: set the review end in step 1', ru: 'в листе нет дат: укажите конец периода на шаге 1' },
  nextReview: { en: 'no dates in the sheet: set the review end in step 1', ru: 'в листе нет дат: укажите конец периода на шаге 1' },
  graceUntil: { en: 'no dates in the sheet: set the review end in step 1', ru: 'в листе нет дат: укажите конец периода на шаге 1' },
};

/** Names for a message: the first few in quotes, then "and N more". */
export function clientList(names: ReadonlyArray<string>, lang: Lang, shown = 5): string {
  const q = (s: string) => (lang === 'en' ? `"${s.length > 60 ? `${s.slice(0, 59)}…` : s}"` : `«${s.length > 60 ? `${s.slice(0, 59)}…` : s}»`);
  const head = names.slice(0, shown).map(q).join(', ');
  const more = names.length - shown;
  if (more <= 0) return head;
  return lang === 'en' ? `${head} and ${more} more` : `${head} и ещё ${more}`;
}

/**
 * Missing values of the notices a review would generate (and of the criteria letter when asked),
 * grouped by template and placeholder, each naming the template and the clients — reported
 * before anything is written.
 *
 * @example missingReport(a, DEFAULT_TEMPLATES, { lang: 'en', day })[0].text.en
 * // 'Grace warning (English): {{company}} is empty for all 17 clients — fill in the Company field.'
 */
export function missingReport(a: Analysis, set: NoticeTemplates, options: BuildOptions): MissingReport[] {
  const groups = new Map<string, MissingReport>();
  const counts = new Map<NoticeType, number>();
  const add = (type: NoticeType, c: ClientResult) => {
    counts.set(type, (counts.get(type) ?? 0) + 1);
    const t = set.templates[type][options.lang];
    const missing = missingValues([t.subject, t.body], noticeValues(c, a, set, options));
    for (const p of missing) {
      const k = `${type}|${p}`;
      let g = groups.get(k);
      if (!g) groups.set(k, (g = { type, letterLang: options.lang, placeholder: p, clients: [], of: 0, text: { en: '', ru: '' } }));
      g.clients.push(c.name);
    }
  };
  // a grace letter dated after the grace it promises (the letter date moved past the review's period)
  const day = letterDay(a, options);
  const review = noticeReview(a, options.day);
  const cal = reviewCalendar(a.rules);
  const late: ClientResult[] = [];
  let lastGrace = -Infinity;
  for (const c of orderedClients(a)) {
    const type = noticeFor(c);
    if (!type) continue;
    add(type, c);
    if (options.criteria) add('criteria', c);
    if (type === 'grace') {
      const until = graceUntilDay(review, cal, Math.max(0, a.rules.policy.graceReviews - c.decision.reviewsBelow));
      if (until < day) {
        late.push(c);
        lastGrace = Math.max(lastGrace, until);
      }
    }
  }
  const out = [...groups.values()];
  for (const g of out) {
    g.of = counts.get(g.type) ?? 0;
    for (const lang of ['en', 'ru'] as const) {
      const label = templateLabel(g.type, g.letterLang, lang);
      const all = g.clients.length === g.of && g.of > 1;
      const who = all
        ? lang === 'en'
          ? `all ${g.of} clients`
          : `всех ${g.of} ${ruPlural(g.of, ['клиента', 'клиентов', 'клиентов'])}`
        : clientList(g.clients, lang);
      const hint = HINTS[g.placeholder]?.[lang];
      g.text[lang] =
        lang === 'en'
          ? `${label}: {{${g.placeholder}}} is empty for ${who}${hint ? ` — ${hint}` : ''}. It stays as {{${g.placeholder}}} in the letter.`
          : `${label}: нет значения {{${g.placeholder}}} у ${who}${hint ? ` — ${hint}` : ''}. В письме останется {{${g.placeholder}}}.`;
    }
  }
  if (late.length) {
    const g: MissingReport = { type: 'grace', letterLang: options.lang, placeholder: 'graceUntil', clients: late.map((c) => c.name), of: counts.get('grace') ?? late.length, text: { en: '', ru: '' } };
    for (const lang of ['en', 'ru'] as const) {
      const label = templateLabel('grace', g.letterLang, lang);
      g.text[lang] =
        lang === 'en'
          ? `${label}: the letter date ${formatDay(day, lang)} is after the grace it promises (until ${formatDay(lastGrace, lang)}) for ${clientList(g.clients, lang)} — date the letters on the review date (${formatDay(review.day, lang)}) or review again.`
          : `${label}: дата письма ${formatDay(day, lang)} позже конца отсрочки, которую оно обещает (до ${formatDay(lastGrace, lang)}), у ${clientList(g.clients, lang)} — поставьте дату пересмотра (${formatDay(review.day, lang)}) или проведите пересмотр заново.`;
    }
    out.push(g);
  }
  // the template order, then the placeholder order
  const typeOrder = Object.keys(NOTICE_TYPE_LABELS);
  out.sort((x, y) => typeOrder.indexOf(x.type) - typeOrder.indexOf(y.type) || PLACEHOLDER_NAMES.indexOf(x.placeholder) - PLACEHOLDER_NAMES.indexOf(y.placeholder));
  return out;
}
