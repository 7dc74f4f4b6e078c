import { dayToIso, isoToDay } from '../../src/core/parseDate';
import { anchorProblem, laterPeriod, nextPeriodStart, periodLabel, periodOf, periodStartFromLabel, reviewCalendar, reviewDates, samePeriod } from '../../src/core/reviewPeriod';
import { DEFAULT_RULES, parseRuleSet, ruleProblemText } from '../../src/core/rules';
import { seededRandom } from '../../src/core/seededRandom';

const d = (iso: string) => isoToDay(iso)!;
const iso = (day: number) => dayToIso(day);

describe('review periods: calendar half-years by default', () => {
  const cal = reviewCalendar(DEFAULT_RULES);

  it('January–June and July–December', () => {
    const h1 = periodOf(d('2026-05-31'), cal);
    expect([iso(h1.startDay), iso(h1.endDay)]).toEqual(['2026-01-01', '2026-06-30']);
    const h2 = periodOf(d('2026-07-01'), cal);
    expect([iso(h2.startDay), iso(h2.endDay)]).toEqual(['2026-07-01', '2026-12-31']);
    expect(h2.index).toBe(h1.index + 1);
    expect(iso(periodOf(d('1999-12-31'), cal).startDay)).toBe('1999-07-01'); // before the anchor too
  });

  it('a review run early (5 months after the last) belongs to the period its date is in', () => {
    expect(laterPeriod(d('2026-02-01'), d('2026-07-01'), cal)).toBe(true);
    expect(samePeriod(d('2026-01-01'), d('2026-06-30'), cal)).toBe(true);
    expect(laterPeriod(d('2026-06-30'), d('2026-01-01'), cal)).toBe(false);
  });

  it('grace lasts to the end of the review period; the next review is the next period', () => {
    const r = reviewDates(d('2026-03-15'), cal);
    expect(iso(r.graceUntilDay)).toBe('2026-06-30');
    expect(iso(r.nextReviewDay)).toBe('2026-07-01');
    expect(r.graceUntilDay).toBeGreaterThanOrEqual(r.day);
    expect(iso(nextPeriodStart(d('2026-12-31'), cal))).toBe('2027-01-01');
  });

  it('labels in both languages read back to the period start', () => {
    const p = periodOf(d('2026-08-08'), cal);
    expect(periodLabel(p, 'en')).toBe('1 Jul 2026 – 31 Dec 2026');
    expect(periodLabel(p, 'ru')).toBe('01.07.2026 – 31.12.2026');
    expect(periodStartFromLabel(periodLabel(p, 'en'))).toBe(p.startDay);
    expect(periodStartFromLabel(periodLabel(p, 'ru'))).toBe(p.startDay);
    expect(periodStartFromLabel('')).toBeUndefined();
    expect(periodStartFromLabel('H1 2026')).toBeUndefined();
  });
});

describe('review periods: other intervals and anchors', () => {
  it('quarters from 1 April', () => {
    const cal = reviewCalendar({ reviewEveryMonths: 3, reviewAnchor: '2020-04-01' });
    const p = periodOf(d('2026-02-14'), cal);
    expect([iso(p.startDay), iso(p.endDay)]).toEqual(['2026-01-01', '2026-03-31']);
    expect(iso(periodOf(d('2026-04-01'), cal).startDay)).toBe('2026-04-01');
  });

  it('an anchor mid-month: periods run from the 15th', () => {
    const cal = reviewCalendar({ reviewEveryMonths: 6, reviewAnchor: '2026-03-15' });
    expect(iso(periodOf(d('2026-03-14'), cal).startDay)).toBe('2025-09-15');
    expect(iso(periodOf(d('2026-03-15'), cal).startDay)).toBe('2026-03-15');
    expect(iso(periodOf(d('2026-09-14'), cal).endDay)).toBe('2026-09-14');
  });

  it('every day of 30 years is in exactly one period, periods tile without gaps (random calendars)', () => {
    const rnd = seededRandom(12);
    for (let k = 0; k < 20; k++) {
      const months = 1 + Math.floor(rnd() * 24);
      const anchor = `${2000 + Math.floor(rnd() * 40)}-${String(1 + Math.floor(rnd() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rnd() * 28)).padStart(2, '0')}`;
      const cal = reviewCalendar({ reviewEveryMonths: months, reviewAnchor: anchor });
      let prev = periodOf(d('2010-01-01') - 1, cal);
      for (let day = d('2010-01-01'); day < d('2040-01-01'); day += 1 + Math.floor(rnd() * 20)) {
        const p = periodOf(day, cal);
        expect(p.startDay).toBeLessThanOrEqual(day);
        expect(p.endDay).toBeGreaterThanOrEqual(day);
        expect(p.index).toBeGreaterThanOrEqual(prev.index);
        if (p.index === prev.index + 1) expect(p.startDay).toBe(prev.endDay + 1);
        if (p.index === prev.index) expect(p.startDay).toBe(prev.startDay);
        prev = p;
      }
    }
  });
});

describe('rules: review interval and anchor are validated in both languages', () => {
  it('accepts the defaults and a custom calendar; rules saved without them stay valid', () => {
    expect(parseRuleSet({ ...DEFAULT_RULES, reviewEveryMonths: 3, reviewAnchor: '2026-04-01' }).ok).toBe(true);
    const { reviewEveryMonths: _m, ...old } = DEFAULT_RULES;
    const r = parseRuleSet(old);
    expect(r.ok && reviewCalendar(r.rules).months).toBe(6);
  });

  it.each([
    [{ reviewAnchor: '2026-02-30' }, 'reviewAnchor: must be a date YYYY-MM-DD (e.g. 2026-01-01)', 'начало периода пересмотра: должно быть датой в виде ГГГГ-ММ-ДД (например, 2026-01-01)'],
    [{ reviewAnchor: '1 Jan' }, 'reviewAnchor: must be a date YYYY-MM-DD (e.g. 2026-01-01)', 'начало периода пересмотра: должно быть датой в виде ГГГГ-ММ-ДД (например, 2026-01-01)'],
    [{ reviewAnchor: '2026-01-31' }, 'reviewAnchor: a review period must start on day 1 to 28 of a month', 'начало периода пересмотра: период пересмотра должен начинаться с 1-го по 28-е число месяца'],
    [{ reviewEveryMonths: 0 }, 'reviewEveryMonths: must be 1 or more', 'период пересмотра, месяцев: должно быть 1 или больше'],
    [{ reviewEveryMonths: 2.5 }, 'reviewEveryMonths: must be a whole number of months', 'период пересмотра, месяцев: должно быть целым числом месяцев'],
  ])('%j', (patch, en, ru) => {
    const r = parseRuleSet({ ...DEFAULT_RULES, ...patch });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(ruleProblemText(r.issues[0], 'en')).toBe(en);
    expect(ruleProblemText(r.issues[0], 'ru')).toBe(ru);
  });

  it('anchorProblem', () => {
    expect(anchorProblem('2026-01-28')).toBeNull();
    expect(anchorProblem('2026-13-01')).toBe('notDate');
    expect(anchorProblem('2026-01-29')).toBe('dayAfter28');
  });
});
