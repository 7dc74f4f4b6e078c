import { allTierColours, contrastRatio, tierColourRules, tierColours } from '../../src/core/tierColours';

describe('tierColours', () => {
  it('gives the highest tiers gold, blue, light blue-grey, light green; the base tier and tiers past four none', () => {
    expect(tierColours(0, 3)).toEqual({ fill: '#F4D35E', font: '#000000' });
    expect(tierColours(1, 3)).toEqual({ fill: '#9DC3E6', font: '#000000' });
    expect(tierColours(2, 3)).toBeNull(); // base
    expect(tierColours(2, 4)).toEqual({ fill: '#D9E1F2', font: '#000000' });
    expect(tierColours(3, 6)).toEqual({ fill: '#E2EFDA', font: '#000000' });
    expect(tierColours(4, 6)).toBeNull();
    expect(tierColours(-1, 3)).toBeNull();
    expect(tierColours(0.5, 3)).toBeNull();
  });

  it('keeps text readable: contrast of at least 4.5:1 on every fill', () => {
    for (const c of allTierColours()) expect(contrastRatio(c.font, c.fill)).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio('#000000', '#FFFFFF')).toBeCloseTo(21, 5);
    expect(contrastRatio('#777777', '#FFFFFF')).toBeCloseTo(4.48, 2);
    expect(() => contrastRatio('black', '#FFFFFF')).toThrow(/colour/);
  });

  it('lists the coloured tiers of a rule set by name', () => {
    expect(tierColourRules(['VIP', 'Key', 'Standard'])).toEqual([
      { tier: 'VIP', index: 0, fill: '#F4D35E', font: '#000000' },
      { tier: 'Key', index: 1, fill: '#9DC3E6', font: '#000000' },
    ]);
  });
});
