import { ClientAgg } from '../../src/core/aggregate';
import { analyzeClients } from '../../src/core/analyze';
import { analysisSegments } from '../../src/core/dashboard';
import { MessageError, renderMessage } from '../../src/core/messages';
import { DEFAULT_PROGRAMME, programmePlan, programmeSegments, ProgrammeSettings, validateProgramme, WEEKS_PER_MONTH } from '../../src/core/programmePlan';
import { DEFAULT_RULES } from '../../src/core/rules';

const client = (key: string, total: number): ClientAgg => ({ key, name: key, total, revenue: total, orders: 1, lastDay: null, rows: [] });

describe('programmeSegments', () => {
  it('top tier monthly, the rest of the top 20% quarterly, everyone else yearly (disjoint)', () => {
    const clients = [
      { rank: 1, decision: { tier: 'VIP' } },
      { rank: 2, decision: { tier: 'Key' } },
      { rank: 3, decision: { tier: 'Key' } },
      ...Array.from({ length: 12 }, (_, i) => ({ rank: 4 + i, decision: { tier: 'Standard' } })),
      { rank: 0, decision: { tier: 'Standard' } }, // no revenue: still met once a year
    ];
    // 15 positive clients: top 20% = 3
    expect(programmeSegments(clients, 'VIP')).toEqual({ mostValuable: 1, key: 2, others: 13 });
    expect(programmeSegments(clients, 'VIP', 0.5)).toEqual({ mostValuable: 1, key: 7, others: 8 });
    expect(programmeSegments(clients, undefined)).toEqual({ mostValuable: 0, key: 3, others: 13 });
  });

  it('from an analysis: the rules’ first tier is the most valuable segment', () => {
    const a = analyzeClients(
      Array.from({ length: 100 }, (_, i) => client(`c${i}`, Math.round(1e5 / (i + 1)))),
      DEFAULT_RULES,
    );
    const s = analysisSegments(a);
    expect(s.mostValuable).toBe(a.tiers.VIP.clients);
    expect(s.mostValuable + s.key + s.others).toBe(100);
    expect(s.mostValuable + s.key).toBe(Math.max(20, a.tiers.VIP.clients));
  });
});

describe('programmePlan', () => {
  it('meetings a month by segment and the staff needed (the documented example)', () => {
    const p = programmePlan({ mostValuable: 10, key: 54, others: 256 });
    expect(p.segments.map((s) => [s.id, s.clients, s.every, s.meetingsPerMonth])).toEqual([
      ['mostValuable', 10, 1, 10],
      ['key', 54, 3, 18],
      ['others', 256, 12, 256 / 12],
    ]);
    expect(p.meetingsPerMonth).toBeCloseTo(49.333, 3);
    expect(p.meetingsPerWeek).toBeCloseTo(49.333 / WEEKS_PER_MONTH, 3); // ≈ 11.4
    expect(p.regular).toEqual({ perWeek: p.meetingsPerWeek, fullTimeOnly: 1, partTimeOnly: 3 });
    // the yearly pass: 320 questionnaires in 3 months = 13 weeks ≈ 24.6 a week
    expect(p.pass.weeks).toBeCloseTo(13, 12);
    expect(p.pass.perWeek).toBeCloseTo(320 / 13, 12);
    expect(p.pass.fullTimeOnly).toBe(2);
    expect(p.pass.partTimeOnly).toBe(5);
    expect(p.pass.partTime).toBe(5);
  });

  it('editable: rates, pass length and full-time staff change the answer', () => {
    const s: ProgrammeSettings = { ...DEFAULT_PROGRAMME, every: { ...DEFAULT_PROGRAMME.every }, passMonths: 2, passFullTime: 1 };
    const p = programmePlan({ mostValuable: 10, key: 54, others: 256 }, s);
    // 320 in 8.67 weeks ≈ 36.9 a week; one full-time does 15, 21.9 left → 5 part-time
    expect(p.pass.perWeek).toBeCloseTo(320 / (2 * WEEKS_PER_MONTH), 9);
    expect(p.pass.fullTime).toBe(1);
    expect(p.pass.partTime).toBe(5);
    const faster = programmePlan({ mostValuable: 10, key: 54, others: 256 }, { ...s, partTimeRate: 10, fullTimeRate: 30 });
    expect(faster.pass.partTime).toBe(1);
    expect(faster.pass.fullTimeOnly).toBe(2);
    const monthly = programmePlan({ mostValuable: 0, key: 30, others: 0 }, { ...s, every: { mostValuable: 1, key: 1, others: 12 } });
    expect(monthly.meetingsPerMonth).toBe(30);
  });

  it('exact multiples need no extra person; an empty book needs nobody', () => {
    // 65 meetings a month = exactly 15 a week
    const p = programmePlan({ mostValuable: 65, key: 0, others: 0 });
    expect(p.meetingsPerWeek).toBeCloseTo(15, 12);
    expect(p.regular.fullTimeOnly).toBe(1);
    expect(p.regular.partTimeOnly).toBe(3);
    const none = programmePlan({ mostValuable: 0, key: 0, others: 0 });
    expect(none.regular).toEqual({ perWeek: 0, fullTimeOnly: 0, partTimeOnly: 0 });
    expect(none.pass.fullTimeOnly).toBe(0);
  });

  it('rejects unusable settings with the problems in words', () => {
    const bad: ProgrammeSettings = { ...DEFAULT_PROGRAMME, every: { mostValuable: 0, key: 3, others: 12 }, partTimeRate: -1, passMonths: 13, passFullTime: 1.5 };
    const problems = validateProgramme(bad);
    expect(problems.map((p) => p.field)).toEqual(['mostValuable', 'partTimeRate', 'passMonths', 'passFullTime']);
    expect(problems[0].message).toEqual({ code: 'programme.interval', params: { segment: 'mostValuable', months: 0 } });
    expect(renderMessage(problems[0].message, 'ru')).toBe('Интервал между встречами с самыми ценными клиентами должен быть больше 0 и не больше 120 месяцев (получено 0).');
    expect(validateProgramme({ ...DEFAULT_PROGRAMME, keyShare: 0.07 * 30 })[0].message).toEqual({ code: 'programme.keyShare', params: { percent: 210 } });
    expect(() => programmePlan({ mostValuable: 1, key: 1, others: 1 }, bad)).toThrow(MessageError);
    expect(() => programmePlan({ mostValuable: 1, key: 1, others: 1 }, bad)).toThrow('The interval between meetings with the most valuable clients must be above 0 and at most 120 months (got 0).');
    expect(validateProgramme(DEFAULT_PROGRAMME)).toEqual([]);
  });
});
