import { dayToIso, isoToDay } from './parseDate';
import { formatDay, Lang } from './format';

/**
 * Review periods: the calendar a downgrade policy counts reviews in ("grace is time, not clicks").
 *
 * The rules say how often clients are reviewed (`reviewEveryMonths`, default 6) and, optionally,
 * the day a period starts (`reviewAnchor`, default 1 January). Periods are the consecutive spans
 * of that many months from the anchor, backwards and forwards: with the defaults January–June and
 * July–December; every 3 months from 1 April gives Apr–Jun, Jul–Sep, Oct–Dec, Jan–Mar. A review
 * belongs to the period its date is in (a review run early, 5 months after the last, is still in
 * the next period when its date is). The source documents review the totals once a half-year
 * (seeds/000: «анализируем раз в полгода суммарный итог») and warn before a transfer
 * ("deferred transfer"); the warning lasts until the end of the review's period.
 *
 * Days are day numbers (days since 1970-01-01, UTC) as everywhere in core.
 *
 * @example
 * const cal = reviewCalendar({ reviewEveryMonths: 6 });
 * periodOf(isoToDay('2026-05-31')!, cal) // { index: 53, startDay: 2026-01-01, endDay: 2026-06-30 }
 * nextPeriodStart(isoToDay('2026-05-31')!, cal) // 2026-07-01
 */
export interface ReviewCalendar {
  /** Months per period (1..24). */
  months: number;
  /** Anchor: year, zero-based month and day of month (1..28) a period starts on. */
  anchorYear: number;
  anchorMonth: number;
  anchorDate: number;
}

export interface ReviewPeriod {
  /** Periods since the anchor (negative before it); equal index = same period under one calendar. */
  index: number;
  /** First day of the period. */
  startDay: number;
  /** Last day of the period (inclusive). */
  endDay: number;
}

export const DEFAULT_REVIEW_MONTHS = 6;
/** The default anchor: periods aligned to the calendar year (1 January). */
export const DEFAULT_REVIEW_ANCHOR = '2000-01-01';

/** The calendar of a rule set (fields absent in rules saved before periods existed: the defaults). */
export function reviewCalendar(rules: { reviewEveryMonths?: number; reviewAnchor?: string }): ReviewCalendar {
  const months = rules.reviewEveryMonths ?? DEFAULT_REVIEW_MONTHS;
  const day = isoToDay(rules.reviewAnchor ?? DEFAULT_REVIEW_ANCHOR) ?? isoToDay(DEFAULT_REVIEW_ANCHOR)!;
  const d = new Date(day * 86400000);
  return { months, anchorYear: d.getUTCFullYear(), anchorMonth: d.getUTCMonth(), anchorDate: Math.min(28, d.getUTCDate()) };
}

/** Whether an anchor text is a date a period can start on: YYYY-MM-DD with the day 1..28. */
export function anchorProblem(iso: string): 'notDate' | 'dayAfter28' | null {
  const day = isoToDay(iso);
  if (day === undefined || dayToIso(day) !== iso) return 'notDate';
  return new Date(day * 86400000).getUTCDate() > 28 ? 'dayAfter28' : null;
}

function startOf(index: number, cal: ReviewCalendar): number {
  return Date.UTC(cal.anchorYear, cal.anchorMonth + index * cal.months, cal.anchorDate) / 86400000;
}

/** The period a day belongs to. */
export function periodOf(day: number, cal: ReviewCalendar): ReviewPeriod {
  const d = new Date(day * 86400000);
  const months = (d.getUTCFullYear() - cal.anchorYear) * 12 + d.getUTCMonth() - cal.anchorMonth - (d.getUTCDate() < cal.anchorDate ? 1 : 0);
  const index = Math.floor(months / cal.months);
  return { index, startDay: startOf(index, cal), endDay: startOf(index + 1, cal) - 1 };
}

/** Whether two days fall in the same review period. */
export function samePeriod(a: number, b: number, cal: ReviewCalendar): boolean {
  return periodOf(a, cal).index === periodOf(b, cal).index;
}

/** Whether day `b` falls in a later review period than day `a`. */
export function laterPeriod(a: number, b: number, cal: ReviewCalendar): boolean {
  return periodOf(b, cal).index > periodOf(a, cal).index;
}

/** First day of the period after the one `day` is in: the next review's date. */
export function nextPeriodStart(day: number, cal: ReviewCalendar): number {
  return periodOf(day, cal).endDay + 1;
}

/** The period as people read it: "1 Jan 2026 – 30 Jun 2026" / "01.01.2026 – 30.06.2026". */
export function periodLabel(p: ReviewPeriod, lang: Lang): string {
  return `${formatDay(p.startDay, lang)} – ${formatDay(p.endDay, lang)}`;
}

/**
 * The first day of a period label written by `periodLabel` (either language), or undefined: the
 * history sheet records periods in words and reads them back by their start.
 */
export function periodStartFromLabel(label: string): number | undefined {
  const first = label.split('–')[0]?.trim() ?? '';
  let m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(first);
  if (m) return Date.UTC(+m[3], +m[2] - 1, +m[1]) / 86400000;
  m = /^(\d{1,2}) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) (\d{4})$/.exec(first);
  if (m) return Date.UTC(+m[3], 'JanFebMarAprMayJunJulAugSepOctNovDec'.indexOf(m[2]) / 3, +m[1]) / 86400000;
  return undefined;
}

/** What a review's dates are: its day, its period, how long a grace warning lasts, the next review. */
export interface ReviewDates {
  day: number;
  period: ReviewPeriod;
  /** A grace warning given at this review keeps the tier until the end of the review's period. */
  graceUntilDay: number;
  /** The next review: the first day of the next period. */
  nextReviewDay: number;
}

export function reviewDates(day: number, cal: ReviewCalendar): ReviewDates {
  const period = periodOf(day, cal);
  return { day, period, graceUntilDay: period.endDay, nextReviewDay: period.endDay + 1 };
}
