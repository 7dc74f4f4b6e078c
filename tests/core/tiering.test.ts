import fc from 'fast-check';
import { formatAmount } from '../../src/core/format';
import { DEFAULT_RULES, parseRuleSet, RuleSet, RuleSetInput } from '../../src/core/rules';
import {
  benefitsForStep,
  decide,
  qualifiedIndex,
  STATUS_LABELS,
  statusFromLabel,
  STATUSES,
  TierInput,
  tierBars,
} from '../../src/core/tiering';
import { clientsArb, permute } from './helpers/arbitraries';

const NB = '\u00a0';

function rules(input: Partial<RuleSetInput> & Pick<RuleSetInput, 'tiers'>): RuleSet {
  const r = parseRuleSet(input);
  if (!r.ok) throw new Error(r.problems.join('; '));
  return r.rules;
}

/** VIP ≥ 1,000,000 and ≥ 10 orders; Key ≥ 300,000; Standard. */
const amountRules = (policy: RuleSetInput['policy'] = {}) =>
  rules({
    name: 'Amounts',
    tiers: [
      { name: 'VIP', criteria: { minAmount: 1_000_000, minOrders: 10 }, benefits: ['Personal manager', 'Priority delivery', 'Payment terms', 'Gifts'] },
      { name: 'Key', criteria: { minAmount: 300_000 }, benefits: ['Account desk'] },
      { name: 'Standard' },
    ],
    policy,
  });

const decideWith = (rs: RuleSet, input: TierInput) => decide(input, { rules: rs, bars: tierBars(rs, [1]), window: { months: rs.windowMonths } });

describe('tierBars: Pareto bars', () => {
  it('the marginal client (the one crossing the share) qualifies', () => {
    // totals 40, 35, 15, 10: before-shares 0, .40, .75, .90
    const bars = tierBars(DEFAULT_RULES, [10, 40, 15, 35]);
    expect(bars.map((b) => b.minAmount)).toEqual([35, 15, null]);
    expect(bars.map((b) => b.paretoShare)).toEqual([0.5, 0.8, null]);
    expect(bars.map((b) => b.tier)).toEqual(['VIP', 'Key', 'Standard']);
    expect(qualifiedIndex(bars, 40, 0)).toBe(0);
    expect(qualifiedIndex(bars, 35, 0)).toBe(0);
    expect(qualifiedIndex(bars, 15, 0)).toBe(1);
    expect(qualifiedIndex(bars, 10, 0)).toBe(2);
  });

  it('a share reached exactly stops before the next client', () => {
    // 50, 30, 15, 5: VIP is 50 alone (50% reached exactly), Key adds 30 (80% exactly)
    expect(tierBars(DEFAULT_RULES, [50, 30, 15, 5]).map((b) => b.minAmount)).toEqual([50, 30, null]);
  });

  it('clients tied with the bar qualify too', () => {
    const bars = tierBars(DEFAULT_RULES, [40, 35, 35, 10]);
    expect(bars[0].minAmount).toBe(35);
    expect([40, 35, 35, 10].map((m) => qualifiedIndex(bars, m, 0))).toEqual([0, 0, 0, 2]);
  });

  it('with no positive total no one reaches a Pareto tier', () => {
    const bars = tierBars(DEFAULT_RULES, [0, -5]);
    expect(bars[0].minAmount).toBe(Infinity);
    expect(qualifiedIndex(bars, 0, 0)).toBe(2);
    expect(tierBars(DEFAULT_RULES, [])[0].minAmount).toBe(Infinity);
  });

  it('a tier with both minAmount and paretoShare takes the larger bar', () => {
    const rs = rules({ tiers: [{ name: 'VIP', criteria: { minAmount: 45, paretoShare: 0.5 } }, { name: 'Std' }] });
    expect(tierBars(rs, [40, 35, 15, 10])[0].minAmount).toBe(45);
    const rs2 = rules({ tiers: [{ name: 'VIP', criteria: { minAmount: 20, paretoShare: 0.5 } }, { name: 'Std' }] });
    expect(tierBars(rs2, [40, 35, 15, 10])[0].minAmount).toBe(35);
  });

  it('plain amount bars do not depend on the population', () => {
    const bars = tierBars(amountRules(), [1, 2, 3]);
    expect(bars).toEqual([
      { tier: 'VIP', index: 0, minAmount: 1_000_000, minOrders: 10, paretoShare: null },
      { tier: 'Key', index: 1, minAmount: 300_000, minOrders: null, paretoShare: null },
      { tier: 'Standard', index: 2, minAmount: null, minOrders: null, paretoShare: null },
    ]);
  });

  it('bars do not depend on the input order', () => {
    fc.assert(
      fc.property(clientsArb(), fc.integer(), fc.constantFrom(0.2, 0.5, 0.8, 1), (clients, seed, share) => {
        const rs = rules({ tiers: [{ name: 'VIP', criteria: { paretoShare: share } }, { name: 'Key', criteria: { paretoShare: 1 } }, { name: 'Std' }] });
        const p = permute(clients, seed);
        const a = tierBars(
          rs,
          clients.map((c) => c.total),
          clients.map((c) => c.key),
        );
        const b = tierBars(
          rs,
          p.map((c) => c.total),
          p.map((c) => c.key),
        );
        expect(b).toEqual(a);
      }),
    );
  });

  it('the qualified share is at least paretoShare, and without the marginal client below it', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 1000 }), { minLength: 1, maxLength: 80 }), fc.double({ min: 0.05, max: 1, noNaN: true }), (values, share) => {
        const rs = rules({ tiers: [{ name: 'Top', criteria: { paretoShare: share } }, { name: 'Rest' }] });
        const bar = tierBars(rs, values)[0].minAmount!;
        const total = values.reduce((s, v) => s + v, 0);
        const inTop = values.filter((v) => v >= bar).reduce((s, v) => s + v, 0);
        const above = values.filter((v) => v > bar).reduce((s, v) => s + v, 0);
        expect(inTop / total).toBeGreaterThanOrEqual(share - 1e-12);
        expect(above / total).toBeLessThan(share + 1e-12);
      }),
    );
  });
});

describe('decide: criteria', () => {
  const rs = amountRules();

  it('minAmount and minOrders must both hold (AND)', () => {
    expect(decideWith(rs, { measure: 1_500_000, orders: 12 }).tier).toBe('VIP');
    expect(decideWith(rs, { measure: 1_500_000, orders: 9 }).tier).toBe('Key');
    expect(decideWith(rs, { measure: 999_999, orders: 50 }).tier).toBe('Key');
    expect(decideWith(rs, { measure: 1_000_000, orders: 10 }).tier).toBe('VIP'); // bars are inclusive
    expect(decideWith(rs, { measure: 299_999.99, orders: 50 }).tier).toBe('Standard');
    expect(decideWith(rs, { measure: 1_500_000 }).tier).toBe('Key'); // orders unknown = 0
  });

  it('a new client takes what it qualifies for, with no grace', () => {
    const d = decideWith(rs, { measure: 500_000, orders: 1 });
    expect(d).toMatchObject({ tier: 'Key', tierIndex: 1, status: 'new', previousTier: null, previousIndex: null, qualifiedTier: 'Key', reviewsBelow: 0, bar: 300_000, gap: -200_000 });
  });

  it('upgrades take effect at once, several tiers up if earned', () => {
    const d = decideWith(rs, { measure: 2_000_000, orders: 20, previousTier: 'Standard', reviewsBelow: 3 });
    expect(d).toMatchObject({ tier: 'VIP', status: 'up', previousTier: 'Standard', reviewsBelow: 0 });
  });

  it('keeping the tier resets the count below the bar', () => {
    const d = decideWith(rs, { measure: 1_200_000, orders: 10, previousTier: 'vip', reviewsBelow: 1, previousStatus: 'grace' });
    expect(d).toMatchObject({ tier: 'VIP', status: 'keep', previousTier: 'VIP', reviewsBelow: 0 });
  });

  it('an unknown previous tier is treated as new and named in the reason', () => {
    const d = decideWith(rs, { measure: 100_000, orders: 1, previousTier: ' Gold ' });
    expect(d).toMatchObject({ tier: 'Standard', status: 'new', previousTier: null, unknownPrevious: 'Gold' });
    expect(d.reason.en).toContain('"Gold" is not in the rules; treated as new');
    expect(d.reason.ru).toContain('«Gold»');
    const blank = decideWith(rs, { measure: 100_000, previousTier: '  ' });
    expect(blank.status).toBe('new');
    expect(blank.unknownPrevious).toBeUndefined();
  });
});

describe('decide: downgrade policy', () => {
  const below = { measure: 850_000, orders: 12, previousTier: 'VIP' };

  it('graceReviews 1: one warning, then down', () => {
    const rs = amountRules({ graceReviews: 1 });
    expect(decideWith(rs, { ...below, reviewsBelow: 0 })).toMatchObject({ tier: 'VIP', status: 'grace', reviewsBelow: 1, qualifiedTier: 'Key' });
    expect(decideWith(rs, { ...below, reviewsBelow: 1 })).toMatchObject({ tier: 'Key', status: 'down', reviewsBelow: 0 });
  });

  it('graceReviews 2: two warnings, then down', () => {
    const rs = amountRules({ graceReviews: 2 });
    expect(decideWith(rs, { ...below })).toMatchObject({ tier: 'VIP', status: 'grace', reviewsBelow: 1 });
    expect(decideWith(rs, { ...below, reviewsBelow: 1 })).toMatchObject({ tier: 'VIP', status: 'grace', reviewsBelow: 2 });
    expect(decideWith(rs, { ...below, reviewsBelow: 2 })).toMatchObject({ tier: 'Key', status: 'down', reviewsBelow: 0 });
  });

  it('graceReviews 0: down at once', () => {
    expect(decideWith(amountRules({ graceReviews: 0 }), below)).toMatchObject({ tier: 'Key', status: 'down' });
  });

  it('a previous grace/stepdown status counts as one review below when the count is unknown', () => {
    const rs = amountRules({ graceReviews: 1 });
    expect(decideWith(rs, { ...below, previousStatus: 'grace' }).status).toBe('down');
    expect(decideWith(rs, { ...below, previousStatus: 'stepdown' }).status).toBe('down');
    expect(decideWith(rs, { ...below, previousStatus: 'keep' }).status).toBe('grace');
    // an explicit count wins
    expect(decideWith(rs, { ...below, previousStatus: 'grace', reviewsBelow: 0 }).status).toBe('grace');
  });

  it('benefitSteps remove benefits step by step (last first) after the grace period, then down', () => {
    const rs = amountRules({ graceReviews: 1, benefitSteps: 2 });
    expect(decideWith(rs, { ...below, reviewsBelow: 0 })).toMatchObject({ status: 'grace', tier: 'VIP', benefitsRemoved: [] });
    expect(decideWith(rs, { ...below, reviewsBelow: 1 })).toMatchObject({ status: 'stepdown', tier: 'VIP', reviewsBelow: 2, benefitsRemoved: ['Gifts', 'Payment terms'] });
    expect(decideWith(rs, { ...below, reviewsBelow: 2 })).toMatchObject({ status: 'stepdown', tier: 'VIP', reviewsBelow: 3, benefitsRemoved: ['Priority delivery', 'Personal manager'] });
    expect(decideWith(rs, { ...below, reviewsBelow: 3 })).toMatchObject({ status: 'down', tier: 'Key', reviewsBelow: 0, benefitsRemoved: [] });
  });

  it('maxStepsDown 1: a VIP at the Standard level goes only to Key', () => {
    const rs = amountRules({ graceReviews: 1, maxStepsDown: 1 });
    const d = decideWith(rs, { measure: 10_000, orders: 1, previousTier: 'VIP', reviewsBelow: 1 });
    expect(d).toMatchObject({ tier: 'Key', status: 'down', qualifiedTier: 'Standard' });
    // the next review, still at that level: Key has its own grace first
    const next = decideWith(rs, { measure: 10_000, orders: 1, previousTier: 'Key', reviewsBelow: 0 });
    expect(next).toMatchObject({ tier: 'Key', status: 'grace' });
  });

  it('maxStepsDown 2 lets the same client fall to Standard', () => {
    const d = decideWith(amountRules({ graceReviews: 1, maxStepsDown: 2 }), { measure: 10_000, orders: 1, previousTier: 'VIP', reviewsBelow: 1 });
    expect(d).toMatchObject({ tier: 'Standard', status: 'down' });
  });

  it('hysteresis 10% keeps a tier at 95% (and at exactly 90%) of its bar, not at 89%', () => {
    const rs = amountRules({ hysteresisPct: 10 });
    const kept = decideWith(rs, { measure: 950_000, orders: 12, previousTier: 'VIP' });
    expect(kept).toMatchObject({ tier: 'VIP', status: 'keep', keptByHysteresis: true, qualifiedTier: 'Key', bar: 1_000_000, gap: 50_000 });
    expect(decideWith(rs, { measure: 900_000, orders: 12, previousTier: 'VIP' })).toMatchObject({ status: 'keep', keptByHysteresis: true });
    expect(decideWith(rs, { measure: 890_000, orders: 12, previousTier: 'VIP' })).toMatchObject({ status: 'grace', keptByHysteresis: false });
  });

  it('hysteresis does not help a new client, a client from a lower tier, or missing orders', () => {
    const rs = amountRules({ hysteresisPct: 10 });
    expect(decideWith(rs, { measure: 950_000, orders: 12 }).tier).toBe('Key');
    expect(decideWith(rs, { measure: 950_000, orders: 12, previousTier: 'Key' })).toMatchObject({ tier: 'Key', status: 'keep', keptByHysteresis: false });
    expect(decideWith(rs, { measure: 1_200_000, orders: 9, previousTier: 'VIP' })).toMatchObject({ status: 'grace' });
  });
});

describe('decide: reasons state the figure, the bar and the gap', () => {
  const rs = amountRules({ graceReviews: 1, benefitSteps: 1, hysteresisPct: 10 });
  const fmt = { en: (x: number) => formatAmount(x, 'en'), ru: (x: number) => formatAmount(x, 'ru') };

  it('grace: figure, bar, gap and the window in both languages', () => {
    const d = decideWith(rs, { measure: 850_000.4, orders: 12, previousTier: 'VIP' });
    expect(d.status).toBe('grace');
    expect(d.gap).toBeCloseTo(149_999.6, 6);
    expect(d.reason.en).toContain('Revenue 850,000 over 6 months');
    expect(d.reason.en).toContain('below the VIP bar of 1,000,000 and 10 orders');
    expect(d.reason.en).toContain('short by 150,000');
    expect(d.reason.en).toContain('Warning 1 of 1');
    expect(d.reason.ru).toContain(`Выручка 850${NB}000 за 6 месяцев`);
    expect(d.reason.ru).toContain(`ниже планки уровня «VIP» — 1${NB}000${NB}000 и 10 заказов`);
    expect(d.reason.ru).toContain(`не хватает 150${NB}000`);
    expect(d.reason.ru).not.toMatch(/\d \d/); // groups use U+00A0, never a plain space
  });

  it('small amounts keep decimals with "," in Russian', () => {
    const small = rules({ tiers: [{ name: 'VIP', criteria: { minAmount: 100.5 } }, { name: 'Std' }], windowMonths: 1 });
    const d = decideWith(small, { measure: 99.25, previousTier: 'VIP' });
    expect(d.reason.en).toContain('Revenue 99.25 over 1 month is below the VIP bar of 100.5 (short by 1.25)');
    expect(d.reason.ru).toContain('Выручка 99,25 за 1 месяц ниже планки уровня «VIP» — 100,5 (не хватает 1,25)');
  });

  it('orders short is stated as "n of m orders"', () => {
    const d = decideWith(rs, { measure: 1_500_000, orders: 4, previousTier: 'VIP' });
    expect(d.status).toBe('grace');
    expect(d.reason.en).toContain('4 of 10 orders');
    expect(d.reason.en).not.toContain('short by');
    expect(d.reason.ru).toContain('4 из 10 заказов');
  });

  it('stepdown names the paused benefits', () => {
    const d = decideWith(rs, { measure: 850_000, orders: 12, previousTier: 'VIP', reviewsBelow: 1 });
    expect(d.status).toBe('stepdown');
    expect(d.benefitsRemoved).toEqual(['Gifts', 'Payment terms', 'Priority delivery', 'Personal manager']);
    expect(d.reason.en).toContain('Gifts, Payment terms, Priority delivery, Personal manager paused');
    expect(d.reason.en).toContain(`short by ${fmt.en(150_000)}`);
    expect(d.reason.ru).toContain('приостановлено: Gifts');
  });

  it('down says from/to, the bar and how to come back', () => {
    const d = decideWith(rs, { measure: 850_000, orders: 12, previousTier: 'VIP', reviewsBelow: 2 });
    expect(d.status).toBe('down');
    expect(d.reason.en).toMatch(/^Down from VIP to Key: revenue 850,000 over 6 months stayed below the VIP bar of 1,000,000 and 10 orders \(short by 150,000\)/);
    expect(d.reason.en).toContain('Reaching the bar brings VIP back');
    expect(d.reason.ru).toMatch(/^Понижение: «VIP» → «Key»\. Выручка 850\u00a0000 за 6 месяцев осталась ниже планки уровня «VIP» — 1\u00a0000\u00a0000/);
  });

  it('keep/new/up state the margin above the bar', () => {
    const d = decideWith(rs, { measure: 1_234_567.891, orders: 12, previousTier: 'Key' });
    expect(d.status).toBe('up');
    expect(d.reason.en).toBe('Up from Key to VIP. Revenue 1,234,568 over 6 months meets the VIP bar of 1,000,000 and 10 orders, 234,568 above it.');
    expect(d.reason.ru).toBe(`Повышение: «Key» → «VIP». Выручка 1${NB}234${NB}568 за 6 месяцев не ниже планки уровня «VIP» — 1${NB}000${NB}000 и 10 заказов, запас 234${NB}568.`);
  });

  it('the base tier is told the bar of the next tier up and the gap to it', () => {
    const d = decideWith(rs, { measure: 100_000, orders: 1, previousTier: 'Standard' });
    expect(d).toMatchObject({ status: 'keep', tier: 'Standard', bar: 300_000, gap: 200_000 });
    expect(d.reason.en).toBe('Keeps Standard. Revenue 100,000 over 6 months is below the Key bar of 300,000 (short by 200,000).');
    expect(d.reason.ru).toBe(`Сохраняет уровень «Standard». Выручка 100${NB}000 за 6 месяцев ниже планки уровня «Key» — 300${NB}000 (не хватает 200${NB}000).`);
  });

  it('kept by hysteresis: says it is below the bar, with the gap, and the tolerance', () => {
    const d = decideWith(rs, { measure: 950_000, orders: 12, previousTier: 'VIP' });
    expect(d.keptByHysteresis).toBe(true);
    expect(d.reason.en).toContain('below the VIP bar of 1,000,000');
    expect(d.reason.en).toContain('short by 50,000');
    expect(d.reason.en).toContain('10% tolerance');
    expect(d.reason.en).not.toContain('meets');
    expect(d.reason.ru).toContain(`не хватает 50${NB}000`);
    expect(d.reason.ru).not.toContain('не ниже планки');
  });

  it('margin rules say Margin / Маржа and Pareto tiers name the share', () => {
    const m = rules({ measure: 'margin', windowMonths: 12, tiers: [{ name: 'VIP', criteria: { paretoShare: 0.5 } }, { name: 'Std' }] });
    const d = decide({ measure: 20, previousTier: 'VIP' }, { rules: m, bars: tierBars(m, [60, 20, 20]), window: { months: 12 } });
    expect(d.reason.en).toContain('Margin 20 over 12 months is below the VIP bar of 60');
    expect(d.reason.en).toContain('first 50% of revenue');
    expect(d.reason.en).toContain('short by 40');
    expect(d.reason.ru).toContain('Маржа 20 за 12 месяцев ниже планки уровня «VIP» — 60');
    expect(d.reason.ru).toContain('первые 50% выручки');
    expect(d.reason.ru).toContain('не хватает 40');
  });

  it('a custom money formatter is used in every figure', () => {
    const d = decide({ measure: 850_000, orders: 12, previousTier: 'VIP' }, { rules: rs, bars: tierBars(rs, [1]), money: (x, l) => `<${l}:${x}>` });
    expect(d.reason.en).toContain('<en:850000>');
    expect(d.reason.en).toContain('<en:1000000>');
    expect(d.reason.en).toContain('<en:150000>');
    expect(d.reason.ru).toContain('<ru:150000>');
  });

  it('every reason is non-empty in both languages for every status', () => {
    const cases: TierInput[] = [
      { measure: 2e6, orders: 20 },
      { measure: 2e6, orders: 20, previousTier: 'Key' },
      { measure: 2e6, orders: 20, previousTier: 'VIP' },
      { measure: 1e5, previousTier: 'VIP' },
      { measure: 1e5, previousTier: 'VIP', reviewsBelow: 1 },
      { measure: 1e5, previousTier: 'VIP', reviewsBelow: 2 },
    ];
    const seen = new Set(cases.map((c) => decideWith(rs, c).status));
    expect([...seen].sort()).toEqual([...STATUSES].sort());
    for (const c of cases) {
      const d = decideWith(rs, c);
      expect(d.reason.en.length).toBeGreaterThan(20);
      expect(d.reason.ru.length).toBeGreaterThan(20);
    }
  });
});

describe('benefitsForStep', () => {
  it('splits the list as evenly as possible, last benefits first', () => {
    expect(benefitsForStep(['a', 'b', 'c', 'd', 'e'], 1, 2)).toEqual(['e', 'd', 'c']);
    expect(benefitsForStep(['a', 'b', 'c', 'd', 'e'], 2, 2)).toEqual(['b', 'a']);
    expect(benefitsForStep(['a', 'b'], 1, 3)).toEqual(['b']);
    expect(benefitsForStep(['a', 'b'], 3, 3)).toEqual([]);
    expect(benefitsForStep(['a'], 1, 0)).toEqual([]);
    expect(benefitsForStep([], 1, 2)).toEqual([]);
  });
});

describe('status labels', () => {
  it('read back in either language or as the code', () => {
    for (const s of STATUSES) {
      expect(statusFromLabel(STATUS_LABELS[s].en)).toBe(s);
      expect(statusFromLabel(STATUS_LABELS[s].ru.toUpperCase())).toBe(s);
      expect(statusFromLabel(` ${s} `)).toBe(s);
    }
    expect(statusFromLabel('Предупреждение')).toBe('grace');
    expect(statusFromLabel('whatever')).toBeUndefined();
    expect(statusFromLabel(undefined)).toBeUndefined();
    expect(statusFromLabel('')).toBeUndefined();
  });
});
