import {
  DEFAULT_RULES,
  fieldName,
  parseRuleSet,
  RuleSet,
  RuleSetError,
  ruleSetFromJson,
  ruleSetFromThresholds,
  ruleSetToJson,
  tierIndex,
} from '../../src/core/rules';

const problemsOf = (input: unknown): string[] => {
  const r = parseRuleSet(input);
  if (r.ok) throw new Error('expected problems, got a valid rule set');
  return r.problems;
};

const threeTiers = (vip: object | null, key: object | null, std: object | null = null) => ({
  tiers: [
    { name: 'VIP', criteria: vip },
    { name: 'Key', criteria: key },
    { name: 'Standard', criteria: std },
  ],
});

describe('DEFAULT_RULES', () => {
  it('is valid and unchanged by validation', () => {
    const r = parseRuleSet(DEFAULT_RULES);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.rules).toEqual(DEFAULT_RULES);
  });

  it('is the Pareto 50/80 set with a base tier last', () => {
    expect(DEFAULT_RULES.tiers.map((t) => t.name)).toEqual(['VIP', 'Key', 'Standard']);
    expect(DEFAULT_RULES.tiers[0].criteria).toEqual({ paretoShare: 0.5 });
    expect(DEFAULT_RULES.tiers[1].criteria).toEqual({ paretoShare: 0.8 });
    expect(DEFAULT_RULES.tiers[2].criteria).toBeNull();
    expect(DEFAULT_RULES.windowMonths).toBe(6);
    expect(DEFAULT_RULES.policy).toEqual({ graceReviews: 1, maxStepsDown: 1, hysteresisPct: 0, benefitSteps: 0 });
  });

  it('cannot be changed by accident', () => {
    expect(Object.isFrozen(DEFAULT_RULES)).toBe(true);
  });
});

describe('JSON round trip', () => {
  it('ruleSetToJson → ruleSetFromJson gives an equal rule set', () => {
    expect(ruleSetFromJson(ruleSetToJson(DEFAULT_RULES))).toEqual(DEFAULT_RULES);
    const custom: RuleSet = {
      version: 1,
      name: 'Маржа 2025',
      measure: 'margin',
      windowMonths: 12,
      tiers: [
        { name: 'VIP', criteria: { minAmount: 1_000_000, minOrders: 10 }, benefits: ['Персональный менеджер', 'Отсрочка платежа'] },
        { name: 'Ключевой', criteria: { minAmount: 300_000, paretoShare: 0.9 }, benefits: [] },
        { name: 'Стандарт', criteria: null, benefits: [] },
      ],
      policy: { graceReviews: 2, maxStepsDown: 2, hysteresisPct: 10, benefitSteps: 3 },
    };
    const text = ruleSetToJson(custom);
    expect(ruleSetFromJson(text)).toEqual(custom);
    expect(JSON.parse(text)).toEqual(custom);
  });

  it('fills defaults for a minimal set', () => {
    const r = ruleSetFromJson('{"tiers":[{"name":"VIP","criteria":{"minAmount":100}},{"name":"Standard"}]}');
    expect(r).toEqual({
      version: 1,
      name: 'Rules',
      measure: 'revenue',
      windowMonths: 6,
      tiers: [
        { name: 'VIP', criteria: { minAmount: 100 }, benefits: [] },
        { name: 'Standard', criteria: null, benefits: [] },
      ],
      policy: { graceReviews: 1, maxStepsDown: 1, hysteresisPct: 0, benefitSteps: 0 },
    });
  });

  it('trims tier names', () => {
    const r = ruleSetFromJson('{"tiers":[{"name":"  VIP ","criteria":{"minOrders":3}},{"name":"Std"}]}');
    expect(r.tiers[0].name).toBe('VIP');
  });
});

describe('invalid rule sets: problems name the field', () => {
  it('a negative minAmount on the second tier → tiers[2].criteria.minAmount', () => {
    const p = problemsOf(threeTiers({ minAmount: 100 }, { minAmount: -5 }));
    expect(p).toEqual(['tiers[2].criteria.minAmount: must be 0 or more']);
  });

  it('a lower tier above the bar of the higher one → tiers[2].criteria.minAmount', () => {
    const p = problemsOf(threeTiers({ minAmount: 100 }, { minAmount: 500 }));
    expect(p).toHaveLength(1);
    expect(p[0]).toMatch(/^tiers\[2\]\.criteria\.minAmount: .*"VIP"/);
  });

  it('a lower tier with a smaller Pareto share → tiers[2].criteria.paretoShare', () => {
    const p = problemsOf(threeTiers({ paretoShare: 0.8 }, { paretoShare: 0.5 }));
    expect(p).toHaveLength(1);
    expect(p[0]).toMatch(/^tiers\[2\]\.criteria\.paretoShare: /);
  });

  it('duplicate names (case-insensitive) → tiers[2].name names the first', () => {
    const p = problemsOf({ tiers: [{ name: 'VIP', criteria: { minAmount: 100 } }, { name: 'vip', criteria: { minAmount: 50 } }, { name: 'Std' }] });
    expect(p).toEqual(['tiers[2].name: repeats tier 1 ("vip")']);
  });

  it('a base tier with criteria → tiers[N].criteria', () => {
    const p = problemsOf({ tiers: [{ name: 'VIP', criteria: { minAmount: 100 } }, { name: 'Std', criteria: { minAmount: 1 } }] });
    expect(p).toEqual(['tiers[2].criteria: the last tier is the base tier and takes no criteria']);
  });

  it.each([[undefined], [null], [{}]])('a non-base tier without criteria (%p) → tiers[1].criteria', (criteria) => {
    const p = problemsOf({ tiers: [{ name: 'VIP', criteria }, { name: 'Std' }] });
    expect(p).toEqual(['tiers[1].criteria: needs a criterion (minAmount, minOrders or paretoShare)']);
  });

  it('other field problems', () => {
    const base = { tiers: [{ name: 'VIP', criteria: { minAmount: 1 } }, { name: 'Std' }] };
    expect(problemsOf({ tiers: [{ name: 'VIP', criteria: { paretoShare: 1.5 } }, { name: 'Std' }] })).toEqual(['tiers[1].criteria.paretoShare: must be at most 1 (100%)']);
    expect(problemsOf({ tiers: [{ name: 'VIP', criteria: { paretoShare: 0 } }, { name: 'Std' }] })).toEqual(['tiers[1].criteria.paretoShare: must be above 0']);
    expect(problemsOf({ tiers: [{ name: 'VIP', criteria: { minOrders: 2.5 } }, { name: 'Std' }] })).toEqual(['tiers[1].criteria.minOrders: must be a whole number']);
    expect(problemsOf({ tiers: [{ name: 'VIP', criteria: { minAmount: 1, bonus: 2 } }, { name: 'Std' }] })[0]).toMatch(/^tiers\[1\]\.criteria: .*bonus/);
    expect(problemsOf({ tiers: [{ name: 'Std' }] })).toEqual(['tiers: needs at least two tiers']);
    expect(problemsOf({ tiers: [{ name: '   ', criteria: { minAmount: 1 } }, { name: 'Std' }] })).toContain('tiers[1].name: Tier name is empty');
    expect(problemsOf({ tiers: [{ name: 'x'.repeat(41), criteria: { minAmount: 1 } }, { name: 'Std' }] })).toEqual(['tiers[1].name: Tier name is longer than 40 characters']);
    expect(problemsOf({ ...base, windowMonths: 2.5 })).toEqual(['windowMonths: must be a whole number of months']);
    expect(problemsOf({ ...base, windowMonths: 0 })[0]).toMatch(/^windowMonths: /);
    expect(problemsOf({ ...base, measure: 'profit' })[0]).toMatch(/^measure: /);
    expect(problemsOf({ ...base, policy: { hysteresisPct: 60 } })).toEqual(['policy.hysteresisPct: must be at most 50']);
    expect(problemsOf({ ...base, policy: { graceReviews: 1.5 } })).toEqual(['policy.graceReviews: must be a whole number']);
    expect(problemsOf({ ...base, policy: { maxStepsDown: 0 } })[0]).toMatch(/^policy\.maxStepsDown: /);
    expect(problemsOf({ ...base, version: 2 })[0]).toMatch(/^version: /);
    expect(problemsOf({ ...base, extra: 1 })[0]).toMatch(/^\(rule set\): .*extra/);
    expect(problemsOf(null)[0]).toMatch(/^\(rule set\): /);
  });

  it('reports several problems at once', () => {
    const p = problemsOf({ tiers: [{ name: 'VIP', criteria: { minAmount: -1 } }, { name: 'vip', criteria: { minAmount: 5 } }, { name: 'Std', criteria: { minOrders: 1 } }] });
    expect(p).toEqual(
      expect.arrayContaining([
        'tiers[1].criteria.minAmount: must be 0 or more',
        expect.stringMatching(/^tiers\[2\]\.name: repeats tier 1/),
        'tiers[3].criteria: the last tier is the base tier and takes no criteria',
      ]),
    );
  });

  it('ruleSetFromJson throws RuleSetError listing the problems', () => {
    let err: unknown;
    try {
      ruleSetFromJson(JSON.stringify(threeTiers({ minAmount: 100 }, { minAmount: -5 })));
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(RuleSetError);
    const e = err as RuleSetError;
    expect(e.name).toBe('RuleSetError');
    expect(e.problems).toEqual(['tiers[2].criteria.minAmount: must be 0 or more']);
    expect(e.message).toBe('The rule set is not valid:\n- tiers[2].criteria.minAmount: must be 0 or more');
  });

  it('bad JSON is a RuleSetError saying so', () => {
    expect(() => ruleSetFromJson('{bad')).toThrow(RuleSetError);
    expect(() => ruleSetFromJson('{bad')).toThrow(/not valid JSON/);
    expect(() => ruleSetFromJson('')).toThrow(/not valid JSON/);
  });
});

describe('fieldName and tierIndex', () => {
  it('renders zod paths one-based', () => {
    expect(fieldName(['tiers', 1, 'criteria', 'minAmount'])).toBe('tiers[2].criteria.minAmount');
    expect(fieldName(['policy', 'graceReviews'])).toBe('policy.graceReviews');
    expect(fieldName([])).toBe('(rule set)');
  });

  it('finds tiers by name, trimmed and case-insensitive', () => {
    expect(tierIndex(DEFAULT_RULES, ' vip ')).toBe(0);
    expect(tierIndex(DEFAULT_RULES, 'KEY')).toBe(1);
    expect(tierIndex(DEFAULT_RULES, 'standard')).toBe(2);
    expect(tierIndex(DEFAULT_RULES, 'Gold')).toBe(-1);
  });
});

describe('ruleSetFromThresholds', () => {
  const expectedTiers = [
    { name: 'VIP', criteria: { minAmount: 1_000_000 }, benefits: [] },
    { name: 'Key', criteria: { minAmount: 300_000 }, benefits: [] },
    { name: 'Standard', criteria: null, benefits: [] },
  ];

  it.each([
    [
      [
        { name: 'VIP', minAmount: 1_000_000 },
        { name: 'Key', minAmount: 300_000 },
        { name: 'Standard', minAmount: 0 },
      ],
    ],
    [
      [
        { name: 'Standard', minAmount: 0 },
        { name: 'VIP', minAmount: 1_000_000 },
        { name: 'Key', minAmount: 300_000 },
      ],
    ],
    [
      [
        { name: 'Key', minAmount: 300_000 },
        { name: 'Standard', minAmount: null },
        { name: 'VIP', minAmount: 1_000_000 },
      ],
    ],
  ])('sorts rows given in any order (%#)', (rows) => {
    const r = ruleSetFromThresholds(rows);
    expect(r.tiers).toEqual(expectedTiers);
    expect(r.name).toBe('Thresholds');
    expect(r.policy).toEqual(DEFAULT_RULES.policy);
  });

  it('skips rows with a blank name (blank rows of the sheet range)', () => {
    const r = ruleSetFromThresholds([
      { name: 'Key', minAmount: 300_000 },
      { name: '', minAmount: null },
      { name: 'VIP', minAmount: 1_000_000 },
      { name: '  ', minAmount: 5 },
      { name: 'Standard', minAmount: 0 },
    ]);
    expect(r.tiers).toEqual(expectedTiers);
  });

  it('keeps base options and a given name', () => {
    const r = ruleSetFromThresholds(
      [
        { name: 'A', minAmount: 5 },
        { name: 'B', minAmount: 1 },
      ],
      { windowMonths: 12, name: 'Mine', measure: 'margin' },
    );
    expect(r.windowMonths).toBe(12);
    expect(r.name).toBe('Mine');
    expect(r.measure).toBe('margin');
    expect(r.tiers).toEqual([
      { name: 'A', criteria: { minAmount: 5 }, benefits: [] },
      { name: 'B', criteria: null, benefits: [] },
    ]);
  });

  it('throws RuleSetError for duplicate names or a single tier', () => {
    expect(() =>
      ruleSetFromThresholds([
        { name: 'VIP', minAmount: 5 },
        { name: 'vip', minAmount: 1 },
      ]),
    ).toThrow(RuleSetError);
    expect(() => ruleSetFromThresholds([{ name: 'VIP', minAmount: 5 }])).toThrow(/at least two tiers/);
  });
});
