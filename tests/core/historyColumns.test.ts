/**
 * The previous state a review starts from, read back from the Tier history: by source, by rule
 * set and by review period ("grace is time, not clicks"). The simulation drives many reviews
 * through the written history rows — re-reviews in the same period, early reviews, reviews a
 * period later, both languages' sheets — and checks every decision against the policy counted
 * per period.
 */
import { CellValue } from '../../src/core/cells';
import { Lang } from '../../src/core/format';
import { HISTORY_HEADERS, historyRows, HistorySource, LEGACY_HISTORY_COLUMNS, previousState, readHistoryRows, rulesFingerprint } from '../../src/core/historyColumns';
import { dayToSerial, isoToDay } from '../../src/core/parseDate';
import { periodOf, reviewCalendar } from '../../src/core/reviewPeriod';
import { DEFAULT_RULES, parseRuleSet, RuleSet } from '../../src/core/rules';
import { seededRandom } from '../../src/core/seededRandom';
import { decide, TierDecision, tierBars } from '../../src/core/tiering';

const d = (iso: string) => isoToDay(iso)!;
const SOURCE: HistorySource = { sheet: 'Clients', keyColumn: 'Client' };

function amountRules(policy: Partial<RuleSet['policy']> = {}, extra: Partial<RuleSet> = {}): RuleSet {
  const r = parseRuleSet({
    name: 'Amounts',
    tiers: [
      { name: 'VIP', criteria: { minAmount: 1000 }, benefits: ['A', 'B', 'C'] },
      { name: 'Key', criteria: { minAmount: 300 } },
      { name: 'Standard' },
    ],
    policy: { graceReviews: 1, maxStepsDown: 1, hysteresisPct: 0, benefitSteps: 0, ...policy },
    ...extra,
  });
  if (!r.ok) throw new Error(r.problems.join('; '));
  return r.rules;
}

interface Client {
  key: string;
  id: string | number;
}

/** One review through the history: previous state from the rows, decisions, rows appended. */
function review(grid: CellValue[][], rules: RuleSet, day: number, figures: Map<string, number>, clients: Client[], lang: Lang, source = SOURCE, mode?: 'continue' | 'restart') {
  const st = previousState(readHistoryRows(grid), { rules, source, reviewDay: day, mode });
  const ctx = { rules, bars: tierBars(rules, [1]) };
  const decisions = new Map<string, TierDecision>();
  for (const c of clients) {
    const p = st.previous.get(c.key);
    decisions.set(c.key, decide({ measure: figures.get(c.key)!, previousTier: p?.tier, reviewsBelow: p?.reviewsBelow }, ctx));
  }
  const rows = historyRows(
    clients.map((c) => ({ name: String(c.id), id: c.id, total: figures.get(c.key)!, decision: decisions.get(c.key)! })),
    { day, period: periodOf(day, reviewCalendar(rules)), source, rules },
    lang,
  );
  grid.push(...rows);
  return { st, decisions };
}

const header = (lang: Lang): CellValue[][] => [[...HISTORY_HEADERS[lang]]];

describe('grace is time, not clicks', () => {
  const rules = amountRules();
  const clients: Client[] = [{ key: 'acme', id: 'Acme' }];
  const fig = (x: number) => new Map([['acme', x]]);

  it('review, apply, review again the same day: the warning is repeated, not used up', () => {
    const grid = header('en');
    // H2 2025: VIP
    expect(review(grid, rules, d('2025-09-01'), fig(2000), clients, 'en').decisions.get('acme')!.status).toBe('new');
    // H1 2026: below the bar → grace
    const r1 = review(grid, rules, d('2026-01-10'), fig(500), clients, 'en');
    expect(r1.decisions.get('acme')).toMatchObject({ status: 'grace', tier: 'VIP', reviewsBelow: 1 });
    // a minute later, and a month later: same period, the same decision (no new data, no downgrade)
    for (const day of [d('2026-01-10'), d('2026-02-10'), d('2026-06-30')]) {
      const r = review(grid, rules, day, fig(500), clients, 'en');
      expect(r.st.rereview).toBe(true);
      expect(r.decisions.get('acme')).toMatchObject({ status: 'grace', tier: 'VIP', reviewsBelow: 1 });
    }
    // a review dated in the next period: one step down
    const r3 = review(grid, rules, d('2026-07-01'), fig(500), clients, 'en');
    expect(r3.decisions.get('acme')).toMatchObject({ status: 'down', tier: 'Key' });
    // and re-running that one keeps the same result
    expect(review(grid, rules, d('2026-07-02'), fig(500), clients, 'en').decisions.get('acme')).toMatchObject({ status: 'down', tier: 'Key', previousTier: 'VIP' });
  });

  it('a re-review replaces its period: better figures in the same period undo the warning', () => {
    const grid = header('ru');
    review(grid, rules, d('2025-09-01'), fig(2000), clients, 'ru');
    review(grid, rules, d('2026-01-10'), fig(500), clients, 'ru');
    const fixed = review(grid, rules, d('2026-01-11'), fig(1500), clients, 'ru');
    expect(fixed.decisions.get('acme')).toMatchObject({ status: 'keep', tier: 'VIP', reviewsBelow: 0 });
    // next period below again: the first warning, not a transfer
    expect(review(grid, rules, d('2026-08-01'), fig(500), clients, 'ru').decisions.get('acme')).toMatchObject({ status: 'grace', reviewsBelow: 1 });
  });

  it('the first review repeated stays "new" (the sheet’s own Tier column written by the first apply is not a baseline)', () => {
    const grid = header('en');
    review(grid, rules, d('2026-01-10'), fig(2000), clients, 'en');
    const again = review(grid, rules, d('2026-01-10'), fig(2000), clients, 'en');
    expect(again.st.previous.get('acme')).toEqual({});
    expect(again.decisions.get('acme')!.status).toBe('new');
  });

  /**
   * The class, not the example: random reviews (several per period, some early, some in both
   * languages' sheets, random calendars and policies). Every decision must equal the policy
   * applied once per period: decide(this review's figures, the state the *last* review of the
   * previous reviewed period left).
   */
  it('random review sequences: each decision = the policy counted once per period', () => {
    const rnd = seededRandom(2026);
    for (let run = 0; run < 60; run++) {
      const months = [1, 3, 4, 6, 12][Math.floor(rnd() * 5)];
      const rs = amountRules(
        { graceReviews: Math.floor(rnd() * 3), benefitSteps: Math.floor(rnd() * 3), maxStepsDown: 1 + Math.floor(rnd() * 2) },
        { reviewEveryMonths: months, reviewAnchor: `2020-${String(1 + Math.floor(rnd() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rnd() * 28)).padStart(2, '0')}` },
      );
      const cal = reviewCalendar(rs);
      // numeric ids and text names; the key is core's (clientKey of the text)
      const cs: Client[] = Array.from({ length: 6 }, (_, i) => (i % 2 ? { key: String(18100 + i), id: 18100 + i } : { key: `client ${i}`, id: `Client ${i}` }));
      const grid = header(rnd() < 0.5 ? 'en' : 'ru');
      const ctx = { rules: rs, bars: tierBars(rs, [1]) };
      // the reference: the state at the end of each period (the last review of it decides)
      const endOf = new Map<number, Map<string, TierDecision>>();
      let day = d('2024-01-01');
      for (let k = 0; k < 25; k++) {
        day += rnd() < 0.5 ? Math.floor(rnd() * 3) : Math.floor(rnd() * months * 40);
        const figures = new Map(cs.map((c) => [c.key, [50, 500, 1500, 5000][Math.floor(rnd() * 4)]]));
        const lang: Lang = rnd() < 0.5 ? 'en' : 'ru';
        const { decisions } = review(grid, rs, day, figures, cs, lang);
        const p = periodOf(day, cal).index;
        const earlier = [...endOf.keys()].filter((i) => i < p);
        const base = earlier.length ? endOf.get(Math.max(...earlier)) : undefined;
        for (const c of cs) {
          const b = base?.get(c.key);
          const want = decide({ measure: figures.get(c.key)!, previousTier: b?.tier, reviewsBelow: b?.reviewsBelow }, ctx);
          const got = decisions.get(c.key)!;
          expect({ run, k, client: c.key, tier: got.tier, status: got.status, below: got.reviewsBelow }).toEqual({ run, k, client: c.key, tier: want.tier, status: want.status, below: want.reviewsBelow });
        }
        endOf.set(p, decisions);
      }
    }
  });
});

describe('history per source and rule set', () => {
  const rules = amountRules();
  const clients: Client[] = [{ key: 'acme', id: 'Acme' }];
  const fig = (x: number) => new Map([['acme', x]]);

  it("a log's first review does not inherit another sheet's tiers", () => {
    const grid = header('en');
    review(grid, rules, d('2025-09-01'), fig(2000), clients, 'en', { sheet: 'Clients', keyColumn: 'Client' });
    const log = review(grid, rules, d('2026-01-10'), fig(500), clients, 'en', { sheet: 'Orders', keyColumn: 'Customer' });
    expect(log.st.rowsUsed).toBe(0);
    expect(log.decisions.get('acme')!.status).toBe('new');
    // the same sheet with the client column renamed is another source too (the key changed)
    expect(previousState(readHistoryRows(grid), { rules, source: { sheet: 'clients', keyColumn: 'CLIENT' }, reviewDay: d('2026-07-01') }).rowsUsed).toBe(1);
  });

  it('rules changed since the last review of the source: reported; continue or restart', () => {
    const grid = header('en');
    review(grid, rules, d('2025-09-01'), fig(2000), clients, 'en');
    const other = amountRules({ graceReviews: 2 }, { name: 'Stricter' });
    expect(rulesFingerprint(other)).not.toBe(rulesFingerprint(rules));
    expect(rulesFingerprint({ ...rules, name: 'Renamed' })).toBe(rulesFingerprint(rules));
    const cont = previousState(readHistoryRows(grid), { rules: other, source: SOURCE, reviewDay: d('2026-01-10') });
    expect(cont.rulesChanged).toEqual({ name: 'Amounts', id: rulesFingerprint(rules), day: d('2025-09-01') });
    expect(cont.previous.get('acme')).toMatchObject({ tier: 'VIP', reviewsBelow: 0 });
    const restart = previousState(readHistoryRows(grid), { rules: other, source: SOURCE, reviewDay: d('2026-01-10'), mode: 'restart' });
    expect(restart.previous.size).toBe(0);
    expect(restart.rulesChanged).not.toBeNull();
    // after the restart's own review, the same rules are no change
    review(grid, other, d('2026-01-10'), fig(500), clients, 'en', SOURCE, 'restart');
    const next = previousState(readHistoryRows(grid), { rules: other, source: SOURCE, reviewDay: d('2026-01-11') });
    expect(next.rulesChanged).toBeNull();
    expect(next.previous.get('acme')).toEqual({}); // the restart review was "new": so is its re-review
  });

  it('old history sheets (nine columns): read, adopted only by a source with no rows and the same rule-set name', () => {
    const old: CellValue[][] = [
      HISTORY_HEADERS.ru.slice(0, LEGACY_HISTORY_COLUMNS),
      [dayToSerial(d('2025-09-01')), 'Acme', '', 'VIP', 'Новый', 2000, 1000, 0, 'Amounts'],
      [dayToSerial(d('2026-01-10')), 'Acme', 'VIP', 'VIP', 'Предупреждение', 500, 1000, 1, 'Amounts'],
    ];
    const rows = readHistoryRows(old);
    expect(rows.map((r) => [r.source, r.periodStart, r.status])).toEqual([
      [undefined, undefined, 'new'],
      [undefined, undefined, 'grace'],
    ]);
    // same rules name: the old history continues; its rows' periods come from their dates
    const same = previousState(rows, { rules, source: SOURCE, reviewDay: d('2026-03-01') });
    expect(same.legacy).toBe(true);
    expect(same.rereview).toBe(true);
    expect(same.previous.get('acme')).toEqual({ tier: 'VIP', reviewsBelow: 0, status: 'new' });
    expect(previousState(rows, { rules, source: SOURCE, reviewDay: d('2026-07-01') }).previous.get('acme')).toMatchObject({ tier: 'VIP', reviewsBelow: 1 });
    // other rules: not adopted
    expect(previousState(rows, { rules: { ...rules, name: 'Pareto 50/80' }, source: SOURCE, reviewDay: d('2026-07-01') }).rowsUsed).toBe(0);
    // once a source has rows of its own, legacy rows are no longer adopted for it
    const grid: CellValue[][] = [...old.map((r) => [...r])];
    grid[0] = [...HISTORY_HEADERS.ru];
    review(grid, rules, d('2026-07-01'), fig(500), clients, 'ru');
    const now = previousState(readHistoryRows(grid), { rules, source: SOURCE, reviewDay: d('2027-01-01') });
    expect(now.legacy).toBe(false);
    expect(now.rowsUsed).toBe(1);
  });

  it('numeric client ids are written as numbers, text as text', () => {
    const rows = historyRows(
      [
        { name: '18102', id: 18102, total: 5, decision: { previousTier: null, tier: 'VIP', status: 'new', bar: null, reviewsBelow: 0 } },
        { name: 'Acme', id: 'Acme', total: 5, decision: { previousTier: null, tier: 'VIP', status: 'new', bar: null, reviewsBelow: 0 } },
      ],
      { day: d('2026-01-01'), period: periodOf(d('2026-01-01'), reviewCalendar(DEFAULT_RULES)), source: SOURCE, rules: DEFAULT_RULES },
      'en',
    );
    expect(rows.map((r) => r[1])).toEqual([18102, 'Acme']);
    // read back under the same key as the text spelling
    expect(readHistoryRows([[...HISTORY_HEADERS.en], ...rows]).map((r) => r.key)).toEqual(['18102', 'acme']);
  });
});
