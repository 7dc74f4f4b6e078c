import { loadRules, RULES_KEY, saveRules } from '../../src/excel/settings';
import { DEFAULT_RULES, parseRuleSet, RuleSet } from '../../src/core/rules';
import { createStandIn, modelFromGrid } from '../../src/workbench/standin';
import { layerError } from './support';

const CUSTOM: RuleSet = (() => {
  const r = parseRuleSet({
    name: 'Пороги 2025',
    measure: 'margin',
    windowMonths: 12,
    tiers: [
      { name: 'VIP', criteria: { minAmount: 5_000_000, minOrders: 6 }, benefits: ['Персональный менеджер'] },
      { name: 'Ключевой', criteria: { minAmount: 1_000_000 } },
      { name: 'Стандарт', criteria: null },
    ],
    policy: { graceReviews: 2, maxStepsDown: 1, hysteresisPct: 10, benefitSteps: 1 },
  });
  if (!r.ok) throw new Error(r.problems.join('; '));
  return r.rules;
})();

function standIn() {
  return createStandIn(modelFromGrid([{ name: 'Clients', values: [['Client']] }]));
}

describe('saveRules / loadRules', () => {
  it('is { kind: "none" } before anything was saved', async () => {
    expect(await loadRules(standIn().run)).toEqual({ kind: 'none' });
  });

  it('round-trips a rule set through the workbook settings', async () => {
    const s = standIn();
    await saveRules(s.run, CUSTOM);
    expect(s.model.settings.has(RULES_KEY)).toBe(true);
    expect(JSON.parse(JSON.parse(s.model.settings.get(RULES_KEY)!))).toEqual(CUSTOM);
    expect(await loadRules(s.run)).toEqual({ kind: 'ok', rules: CUSTOM });
    // saving again replaces it
    await saveRules(s.run, DEFAULT_RULES);
    expect(await loadRules(s.run)).toEqual({ kind: 'ok', rules: DEFAULT_RULES });
    expect([...s.model.settings.keys()]).toEqual([RULES_KEY]);
    expect(s.stats.syncs).toBe(4);
  });

  it('accepts a setting stored as an object rather than JSON text', async () => {
    const s = standIn();
    s.model.settings.set(RULES_KEY, JSON.stringify(CUSTOM));
    expect(await loadRules(s.run)).toEqual({ kind: 'ok', rules: CUSTOM });
  });

  it('saved text that is not JSON is { kind: "invalid" } with a message', async () => {
    const s = standIn();
    s.model.settings.set(RULES_KEY, JSON.stringify('{"name": "cut off'));
    expect(await loadRules(s.run)).toEqual({ kind: 'invalid', problems: ['The saved rules are not valid JSON.'] });
  });

  it('a hand-edited rule set is { kind: "invalid" } with problems naming the fields', async () => {
    const s = standIn();
    const edited = {
      ...CUSTOM,
      windowMonths: 1.5,
      tiers: [
        { name: 'VIP', criteria: { minAmount: -1 } },
        { name: 'VIP', criteria: { minAmount: 10 } },
        { name: 'Base', criteria: { minOrders: 1 } },
      ],
      policy: { ...CUSTOM.policy, graceReviews: 'two' },
    };
    s.model.settings.set(RULES_KEY, JSON.stringify(JSON.stringify(edited)));
    const r = await loadRules(s.run);
    expect(r.kind).toBe('invalid');
    const problems = (r as { problems: string[] }).problems;
    const text = problems.join('\n');
    expect(text).toMatch(/^windowMonths: must be a whole number of months$/m);
    expect(text).toMatch(/^tiers\[1\]\.criteria\.minAmount: must be 0 or more$/m);
    expect(text).toMatch(/^policy\.graceReviews: /m);
    expect(problems.length).toBeGreaterThanOrEqual(3);
  });

  it('an unknown field and too few tiers are named too', async () => {
    const s = standIn();
    s.model.settings.set(RULES_KEY, JSON.stringify(JSON.stringify({ tiers: [{ name: 'Only' }], colour: 'red' })));
    const r = await loadRules(s.run);
    expect(r.kind).toBe('invalid');
    const text = (r as { problems: string[] }).problems.join('\n');
    expect(text).toMatch(/^tiers: needs at least two tiers$/m);
    expect(text).toMatch(/colour/);
  });

  it('Office errors become layer errors on save and on load', async () => {
    const s = standIn();
    s.setEditMode(true);
    await layerError(saveRules(s.run, CUSTOM), 'InvalidOperationInCellEditMode');
    await layerError(loadRules(s.run), 'InvalidOperationInCellEditMode');
    expect(s.model.settings.size).toBe(0);
  });
});
