/**
 * The CLIENTS.* custom functions, loaded from the built bundle and called with arguments shaped
 * as Excel passes them: ranges as 2-D arrays, blanks as null or "", error values as
 * CustomFunctions.Error-like objects or their text, omitted optional arguments as null.
 */
import fc from 'fast-check';
import { abcClasses } from '../../src/core/abcClasses';
import { DEFAULT_RULES } from '../../src/core/rules';
import { tierBars } from '../../src/core/tiering';
import { setWorkbookRules } from '../../src/functions/workbookRules';
import { setLanguageProvider } from '../../src/functions/host';
import { Bundle, column, errorOf, loadBundle, StubError } from './harness';

let f: Bundle;
const RULES = [
  ['VIP', 100000],
  ['Key', 50000],
  ['Standard', 0],
];
const NA = { code: '#N/A' };

beforeAll(async () => {
  f = await loadBundle();
}, 300000);

afterEach(() => {
  setWorkbookRules(null);
  setLanguageProvider(null);
  delete (globalThis as Record<string, unknown>).Office;
});

test('the bundle registers the twelve functions', () => {
  expect([...f.ids].sort()).toEqual(['ABCXYZ', 'CONTACTCADENCE', 'CUMSHARE', 'GINI', 'HHI', 'PARETOSEGMENT', 'REVENUESHARE', 'TIERGAP', 'TIERSTATUS', 'TOPSHARE', 'VIPTIER', 'XYZCLASS']);
});

describe('VIPTIER', () => {
  test('tier from a threshold range (bars are minimums, inclusive)', () => {
    expect(f.call('VIPTIER', 120000, RULES, null, null)).toBe('VIP');
    expect(f.call('VIPTIER', 100000, RULES, null, null)).toBe('VIP');
    expect(f.call('VIPTIER', 99999.99, RULES, null, null)).toBe('Key');
    expect(f.call('VIPTIER', 10, RULES, null, null)).toBe('Standard');
    expect(f.call('VIPTIER', -5, RULES)).toBe('Standard');
  });

  test('rules: header row, rows in any order, amounts typed as text, swapped columns, base without amount', () => {
    const table = [
      ['Tier', 'Minimum amount'],
      ['Standard', null],
      ['VIP', '1 000 000 ₽'],
      ['Key', '250 000'],
    ];
    expect(f.call('VIPTIER', 300000, table)).toBe('Key');
    const swapped = [
      [1000000, 'VIP'],
      [250000, 'Key'],
      ['', 'Standard'],
    ];
    expect(f.call('VIPTIER', 1000000, swapped)).toBe('VIP');
    expect(f.call('VIPTIER', 5, swapped)).toBe('Standard');
    const sideways = [
      ['VIP', 'Key', 'Standard'],
      [100, 50, 0],
    ];
    expect(f.call('VIPTIER', 70, sideways)).toBe('Key');
  });

  test('downgrade policy: one grace review, then one tier down at most', () => {
    expect(f.call('VIPTIER', 60000, RULES, 'VIP', null)).toBe('VIP'); // grace
    expect(f.call('VIPTIER', 60000, RULES, 'VIP', 0)).toBe('VIP');
    expect(f.call('VIPTIER', 60000, RULES, 'VIP', 1)).toBe('Key'); // down after the grace review
    expect(f.call('VIPTIER', 10, RULES, 'VIP', 1)).toBe('Key'); // one step, not straight to Standard
    expect(f.call('VIPTIER', 120000, RULES, 'Key', 0)).toBe('VIP'); // upgrades at once
    expect(f.call('VIPTIER', 120000, RULES, 'vip ', null)).toBe('VIP'); // names match case-insensitively
    expect(f.call('VIPTIER', 120000, RULES, '', null)).toBe('VIP'); // blank: new client
  });

  test('an unknown previous tier is #N/A naming the tiers', () => {
    const e = errorOf(f.call('VIPTIER', 60000, RULES, 'Gold', 0));
    expect(e.code).toBe('#N/A');
    expect(e.message).toBe('previousTier: tier "Gold" is not in the rules (VIP, Key, Standard).');
  });

  test('without a rules range it needs the rules saved by the task pane', () => {
    const e = errorOf(f.call('VIPTIER', 5000, null, null, null));
    expect(e).toEqual(new StubError('#VALUE!', 'No rules: pass a rules range or save rules in the task pane.'));
    expect(errorOf(f.call('VIPTIER', 5000)).code).toBe('#VALUE!');
  });

  test('uses the rule set registered with setWorkbookRules (shared across bundles)', () => {
    const rules = DEFAULT_RULES;
    setWorkbookRules({ ...rules, tiers: [{ name: 'Gold', criteria: { minAmount: 500 }, benefits: [] }, { name: 'Basic', criteria: null, benefits: [] }] });
    expect(f.call('VIPTIER', 600, null)).toBe('Gold');
    expect(f.call('VIPTIER', 100, null, 'Gold', 1)).toBe('Basic');
    // Pareto rules need bars from all clients …
    setWorkbookRules(DEFAULT_RULES);
    const e = errorOf(f.call('VIPTIER', 600, null));
    expect(e.code).toBe('#VALUE!');
    expect(e.message).toMatch(/first 50% of revenue/);
    // … which the task pane computes with core tierBars and registers with the rules
    const totals = [500, 300, 100, 60, 40];
    setWorkbookRules(DEFAULT_RULES, tierBars(DEFAULT_RULES, totals));
    expect(totals.map((t) => f.call('VIPTIER', t, null))).toEqual(['VIP', 'Key', 'Standard', 'Standard', 'Standard']);
    // a range still wins over the saved rules
    expect(f.call('VIPTIER', 600, RULES)).toBe('Standard');
  });

  test('errors in the measure propagate; bad values say what is wrong', () => {
    expect(errorOf(f.call('VIPTIER', NA, RULES))).toEqual(new StubError('#N/A', 'measure is #N/A.'));
    expect(errorOf(f.call('VIPTIER', '#DIV/0!', RULES)).code).toBe('#DIV/0!');
    expect(errorOf(f.call('VIPTIER', { code: '#SPILL!' }, RULES))).toEqual(new StubError('#VALUE!', 'measure is #SPILL!.'));
    expect(errorOf(f.call('VIPTIER', 'lots', RULES))).toEqual(new StubError('#VALUE!', 'measure: "lots" is not a number.'));
    expect(errorOf(f.call('VIPTIER', true, RULES)).message).toBe('measure: TRUE is not a number.');
    expect(errorOf(f.call('VIPTIER', '1,234', RULES)).message).toMatch(/could be 1,234 or 1.23/);
    expect(f.call('VIPTIER', '120 000,50', RULES)).toBe('VIP');
    expect(f.call('VIPTIER', null, RULES)).toBe('Standard'); // an empty cell counts as 0
    expect(f.call('VIPTIER', [[120000]], RULES)).toBe('VIP');
  });

  test('bad rules ranges and counts return #VALUE! with the reason', () => {
    expect(errorOf(f.call('VIPTIER', 1, [[1, 2, 3]])).message).toBe('rules must be a two-column range (got 1 × 3).');
    expect(errorOf(f.call('VIPTIER', 1, [['VIP', 10], ['Key', 'lots']])).message).toBe('rules, row 2, column 2: "lots" is not a number.');
    expect(errorOf(f.call('VIPTIER', 1, [['VIP', 'lots'], ['Key', 5]])).message).toMatch(/two tiers/); // a first text row is a header
    expect(errorOf(f.call('VIPTIER', 1, [['VIP', 10], [null, 5]])).message).toBe('rules, row 2: the name in column 1 is empty.');
    expect(errorOf(f.call('VIPTIER', 1, [['VIP', 10], ['Key', NA]])).message).toBe('rules, row 2, column 2: #N/A.');
    expect(errorOf(f.call('VIPTIER', 1, [['VIP', 10], ['vip', 5]])).message).toMatch(/^rules: .*repeats tier 1/);
    expect(errorOf(f.call('VIPTIER', 1, [['VIP', 10]])).message).toMatch(/two tiers/);
    expect(errorOf(f.call('VIPTIER', 1, [[null, null]])).message).toBe('rules has no rows.');
    expect(errorOf(f.call('VIPTIER', 1, RULES, 'VIP', -1)).message).toBe('reviewsBelow must be a whole number, 0 or more (got -1).');
    expect(errorOf(f.call('VIPTIER', 1, RULES, 'VIP', 1.5)).code).toBe('#VALUE!');
  });
});

describe('PARETOSEGMENT', () => {
  test('spills A/B/C for a column, as core abcClasses (the client crossing a cut-off is in the higher class)', () => {
    expect(f.call('PARETOSEGMENT', column([50, 30, 15, 5]), null, null)).toEqual(column(['A', 'A', 'B', 'C']));
    expect(f.call('PARETOSEGMENT', [[50, 30, 15, 5]])).toEqual([['A', 'A', 'B', 'C']]);
  });

  test('blanks, text, totals <= 0 get "", an error cell keeps its error (never #REF!) and is left out of the totals', () => {
    const out = f.call('PARETOSEGMENT', column([50, null, 'Client', NA, 30, '', -5, 0, 15, true, 5, '#REF!'])) as unknown[][];
    expect(out.map((r) => (r[0] instanceof StubError ? r[0].code : r[0]))).toEqual(['A', '', '', '#N/A', 'A', '', '', '', 'B', '', 'C', '#VALUE!']);
    expect((out[11][0] as StubError).message).toMatch(/holds #REF!; a custom function cannot return that error/);
  });

  test('cut-offs as the second argument of the range form, or the third', () => {
    // shares before each client: 0, 0.5, 0.8, 0.95
    expect(f.call('PARETOSEGMENT', column([50, 30, 15, 5]), [[0.5, 0.9]])).toEqual(column(['A', 'B', 'B', 'C']));
    expect(f.call('PARETOSEGMENT', column([50, 30, 15, 5]), null, [[0.5], [0.8]])).toEqual(column(['A', 'B', 'C', 'C']));
    expect(errorOf(f.call('PARETOSEGMENT', column([50, 30]), [[0.5, 0.9]], [[0.5, 0.9]])).message).toMatch(/leave the third empty/);
    expect(errorOf(f.call('PARETOSEGMENT', column([50, 30]), [[0.9, 0.5]])).message).toMatch(/B cut-off must be above the A cut-off/);
    expect(errorOf(f.call('PARETOSEGMENT', column([50, 30]), [[0.9, 0.95, 1]])).message).toBe('allValuesOrCutoffs must be two numbers, e.g. {0.8,0.95} (got 3).');
  });

  test('one-value form: a single cell and all values', () => {
    const all = column([50, 30, 15, 5, null, 'x']);
    expect(f.call('PARETOSEGMENT', [[50]], all, null)).toEqual([['A']]);
    expect(f.call('PARETOSEGMENT', [[15]], all)).toEqual([['B']]);
    expect(f.call('PARETOSEGMENT', 5, all)).toEqual([['C']]);
    expect(f.call('PARETOSEGMENT', [[15]], all, [[0.5, 0.6]])).toEqual([['C']]);
    expect(f.call('PARETOSEGMENT', [[0]], all)).toEqual([['']]);
    expect(f.call('PARETOSEGMENT', [[null]], all)).toEqual([['']]);
    const e = errorOf(f.call('PARETOSEGMENT', [[16]], all));
    expect(e.code).toBe('#N/A');
    expect(e.message).toBe('value 16 is not one of allValuesOrCutoffs.');
    expect(errorOf(f.call('PARETOSEGMENT', [[NA]], all)).code).toBe('#N/A');
    expect(errorOf(f.call('PARETOSEGMENT', [['#DIV/0!']], all)).code).toBe('#DIV/0!');
  });

  test('filled down, the one-value form agrees with the spill and with core (ties by position)', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.integer({ min: -3, max: 12 }), fc.constant(null), fc.constant('n/a')), { minLength: 1, maxLength: 60 }), (cells) => {
        const grid = column(cells);
        const spill = (f.call('PARETOSEGMENT', grid) as unknown[][]).map((r) => r[0]);
        const numbers = cells.filter((c): c is number => typeof c === 'number');
        const core = abcClasses(numbers).classes;
        let k = 0;
        const seen = new Set<number>();
        cells.forEach((c, i) => {
          if (typeof c !== 'number') return expect(spill[i]).toBe('');
          expect(spill[i]).toBe(core[k++] ?? '');
          if (!seen.has(c)) {
            seen.add(c); // the first client with a value: the one-value form answers for it
            expect(f.call('PARETOSEGMENT', [[c]], grid)).toEqual([[spill[i]]]);
          }
        });
      }),
      { numRuns: 150 },
    );
  });

  test('400,000 totals spill one class per cell (timing: npm run bench); a full column is refused with the reason', () => {
    const n = 400000;
    let seed = 7;
    const grid: unknown[][] = new Array(n);
    for (let i = 0; i < n; i++) {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      grid[i] = [i === 0 ? 'Revenue' : i % 10 === 0 ? null : Math.round((seed / 0x7fffffff) * 1e6) / 100];
    }
    const out = f.call('PARETOSEGMENT', grid) as unknown[][];
    expect(out).toHaveLength(n);
    expect(out[0]).toEqual(['']);
    expect(new Set(out.map((r) => r[0]))).toEqual(new Set(['', 'A', 'B', 'C']));
    const full: unknown[][] = new Array(1048575);
    for (let i = 0; i < full.length; i++) full[i] = [(i % 1000) * 1.25 + 1000];
    const e = errorOf(f.call('PARETOSEGMENT', full));
    expect(e.code).toBe('#VALUE!');
    expect(e.message).toMatch(/^values \(1,048,575 rows, about \d+(\.\d)? MB\) is over the 5 MB Excel passes to a custom function in one call/);
    full.push([1]);
    expect(errorOf(f.call('GINI', full)).message).toBe('values is a whole column: too large for Excel to pass to a custom function. Give the rows with data, e.g. C2:C100001.');
  });
});

describe('shares and concentration', () => {
  const all = column([50, 30, 15, 5, 'Total', null]);
  test('CUMSHARE and REVENUESHARE', () => {
    expect(f.call('CUMSHARE', 50, all)).toBeCloseTo(0.5, 12);
    expect(f.call('CUMSHARE', 15, all)).toBeCloseTo(0.95, 12);
    expect(f.call('CUMSHARE', 5, all)).toBe(1);
    expect(f.call('CUMSHARE', 0, all)).toBe(0);
    expect(errorOf(f.call('CUMSHARE', 7, all)).message).toBe('value 7 is not one of allValues.');
    expect(f.call('REVENUESHARE', 15, all)).toBeCloseTo(0.15, 12);
    expect(f.call('REVENUESHARE', -15, all)).toBe(0);
    expect(f.call('REVENUESHARE', 100, all)).toBe(1); // need not be one of the values
    expect(errorOf(f.call('REVENUESHARE', NA, all)).code).toBe('#N/A');
    expect(f.call('CUMSHARE', 50, [['x', 50, 50]])).toBeCloseTo(0.5, 12); // ties by position
    // an error in the range is returned, as SUM returns it
    expect(errorOf(f.call('CUMSHARE', 50, [[50, NA, 50]]))).toEqual(new StubError('#N/A', 'allValues, row 1, column 2: #N/A. Like SUM, the result is an error while the range holds one; fix that cell or leave it out (e.g. IFERROR in the source column).'));
  });

  test('CUMSHARE matches core abcClasses cumShare for the first client with a value', () => {
    const values = [12, 7, 7, 40, 1, 3, 7, 12, 0, 25];
    const core = abcClasses(values);
    for (const v of new Set(values)) {
      const i = values.indexOf(v);
      expect(f.call('CUMSHARE', v, column(values))).toBe(core.cumShare[i]);
    }
  });

  test('GINI, HHI, TOPSHARE', () => {
    expect(f.call('GINI', column([1, 2, 3, 4, 'x', null]))).toBeCloseTo(0.25, 12);
    expect(f.call('GINI', column([null]))).toBe(0);
    expect(f.call('HHI', [[50, 50]])).toBeCloseTo(5000, 9);
    expect(f.call('TOPSHARE', column([50, 30, 10, 5, 5]), null)).toBeCloseTo(0.5, 12);
    expect(f.call('TOPSHARE', column([50, 30, 10, 5, 5]), 2)).toBeCloseTo(0.8, 12);
    expect(f.call('TOPSHARE', column([50, 30, 10, 5, 5]), '40%')).toBeCloseTo(0.8, 12);
    expect(errorOf(f.call('TOPSHARE', column([50, 30]), 1.5)).message).toBe('fraction: A value of 1 or more is a number of top clients and must be a whole number (got 1.5).');
    expect(errorOf(f.call('TOPSHARE', column([50, 30]), -0.1)).message).toMatch(/above 0/);
    expect(f.call('TOPSHARE', column([50, 30, 10, 5, 5]), 0)).toBeCloseTo(0.5, 12); // 0 = a desktop blank: the default 20%
    expect(errorOf(f.call('TOPSHARE', column([50, 30]), 'most')).code).toBe('#VALUE!');
  });
});

describe('TIERGAP and TIERSTATUS', () => {
  test('TIERGAP: amount still needed, or the margin (<= 0) when already in the tier', () => {
    expect(f.call('TIERGAP', 60000, 'VIP', RULES)).toBe(40000);
    expect(f.call('TIERGAP', 60000, 'key', RULES)).toBe(-10000);
    expect(f.call('TIERGAP', 50000, 'Key', RULES)).toBe(0);
    expect(f.call('TIERGAP', 60000, 'Standard', RULES)).toBe(0);
    expect(errorOf(f.call('TIERGAP', 60000, 'Gold', RULES))).toEqual(new StubError('#N/A', 'tier: tier "Gold" is not in the rules (VIP, Key, Standard).'));
    expect(errorOf(f.call('TIERGAP', 60000, null, RULES)).message).toBe('tier is empty.');
  });

  test('TIERSTATUS: Keep / Up / Grace warning / Down / New', () => {
    expect(f.call('TIERSTATUS', 'Key', 60000, RULES, null)).toBe('Keep');
    expect(f.call('TIERSTATUS', 'Key', 160000, RULES)).toBe('Up');
    expect(f.call('TIERSTATUS', 'VIP', 60000, RULES)).toBe('Grace warning');
    expect(f.call('TIERSTATUS', 'VIP', 60000, RULES, 1)).toBe('Down');
    expect(f.call('TIERSTATUS', null, 60000, RULES)).toBe('New');
    expect(errorOf(f.call('TIERSTATUS', 'Platinum', 60000, RULES)).code).toBe('#N/A');
  });

  test('labels and messages follow Office.context.displayLanguage', () => {
    (globalThis as Record<string, unknown>).Office = { context: { displayLanguage: 'ru-RU' } };
    expect(f.call('TIERSTATUS', 'VIP', 60000, RULES)).toBe('Предупреждение');
    expect(f.call('TIERSTATUS', 'VIP', 60000, RULES, 1)).toBe('Понижение');
    expect(errorOf(f.call('VIPTIER', 1, null)).message).toBe('Нет правил: укажите диапазон правил или сохраните правила в панели надстройки.');
    expect(errorOf(f.call('XYZCLASS', [[0, 0, 0]])).message).toMatch(/^Среднее равно 0/);
    // rule-set problems from core name the field in Russian words
    expect(errorOf(f.call('VIPTIER', 1, [['VIP', 10], ['vip', 5]])).message).toBe('rules: правила не подходят: уровень 2, название: повторяет уровень 1 («vip»)');
    (globalThis as Record<string, unknown>).Office = { context: { displayLanguage: 'en-GB' } };
    expect(f.call('TIERSTATUS', 'VIP', 60000, RULES)).toBe('Grace warning');
    delete (globalThis as Record<string, unknown>).Office;
    setLanguageProvider(() => 'ru');
    expect(f.call('TIERSTATUS', 'VIP', 60000, RULES, 1)).toBe('Понижение');
  });
});

describe('XYZCLASS and ABCXYZ', () => {
  test('X / Y / Z by the coefficient of variation (STDEV.P / AVERAGE)', () => {
    expect(f.call('XYZCLASS', [[90, 110]], null)).toBe('X'); // cv = 10% exactly
    expect(f.call('XYZCLASS', [[80, 120]])).toBe('Y'); // 20%
    expect(f.call('XYZCLASS', [[75, 125]])).toBe('Y'); // 25%
    expect(f.call('XYZCLASS', [[50, 150]])).toBe('Z'); // 50%
    expect(f.call('XYZCLASS', [[100, 'n/a', 100, 100]])).toBe('X'); // text skipped
    expect(f.call('XYZCLASS', [[100, null, 100, 100]])).toBe('Z'); // a blank period is a period without sales
    expect(f.call('XYZCLASS', [[100, 0, 100, 100]])).toBe('Z'); // … the same as desktop's 0 for that blank
    expect(errorOf(f.call('XYZCLASS', [[100, NA, 100]])).code).toBe('#N/A'); // an error is returned
    expect(f.call('XYZCLASS', [[80, 120]], [[0.2, 0.5]])).toBe('X');
  });

  test('no class, with the reason, instead of #DIV/0!', () => {
    expect(errorOf(f.call('XYZCLASS', [[0, 0, 0]]))).toEqual(new StubError('#VALUE!', 'The mean is 0 — no sales in these periods, so there is no XYZ class.'));
    expect(errorOf(f.call('XYZCLASS', [[5, -15]])).message).toMatch(/mean is negative/);
    expect(errorOf(f.call('XYZCLASS', [[5, 'x']])).message).toBe('periodValues needs at least two periods with numbers (got 1).');
    expect(errorOf(f.call('XYZCLASS', [[5, 6]], [[0.3, 0.2]])).message).toMatch(/Y cut-off/);
  });

  test('ABCXYZ combines the class of the total with the steadiness of the periods', () => {
    const all = column([50, 30, 15, 5]);
    expect(f.call('ABCXYZ', 50, all, [[12, 13, 12, 13]])).toBe('AX');
    expect(f.call('ABCXYZ', 15, all, [[1, 9, 5]])).toBe('BZ');
    expect(f.call('ABCXYZ', 5, all, [[1, 1.5]])).toBe('CY'); // cv 20%
    expect(errorOf(f.call('ABCXYZ', 0, all, [[1, 1]])).message).toBe('value 0 is 0 or less, so it has no ABC class.');
    expect(errorOf(f.call('ABCXYZ', 7, all, [[1, 1]])).code).toBe('#N/A');
    expect(errorOf(f.call('ABCXYZ', 50, all, [[0, 0]])).code).toBe('#VALUE!');
  });
});

describe('CONTACTCADENCE', () => {
  test('default: VIP monthly, key / class A quarterly, everyone yearly', () => {
    expect(f.call('CONTACTCADENCE', 'VIP', null)).toBe(1);
    expect(f.call('CONTACTCADENCE', 'Key')).toBe(3);
    expect(f.call('CONTACTCADENCE', ' standard ')).toBe(12);
    expect(f.call('CONTACTCADENCE', 'A')).toBe(3);
    expect(f.call('CONTACTCADENCE', 'C')).toBe(12);
    expect(f.call('CONTACTCADENCE', 'AX')).toBe(3);
    expect(f.call('CONTACTCADENCE', 'bz')).toBe(12);
    const e = errorOf(f.call('CONTACTCADENCE', 'Gold'));
    expect(e.code).toBe('#N/A');
    expect(e.message).toBe('No contact cadence for "Gold" (known: VIP, Key, Standard, A, B, C); pass a table.');
    expect(errorOf(f.call('CONTACTCADENCE', null)).message).toBe('segmentOrTier is empty.');
    expect(errorOf(f.call('CONTACTCADENCE', NA)).code).toBe('#N/A');
  });

  test('a table of one’s own replaces the default', () => {
    const table = [
      ['Segment', 'Months'],
      ['Gold', 2],
      ['Silver', '6'],
    ];
    expect(f.call('CONTACTCADENCE', 'gold', table)).toBe(2);
    expect(f.call('CONTACTCADENCE', 'Silver', table)).toBe(6);
    expect(errorOf(f.call('CONTACTCADENCE', 'VIP', table)).code).toBe('#N/A');
    expect(errorOf(f.call('CONTACTCADENCE', 'Gold', [['Gold', 0]])).message).toMatch(/above 0 and at most 120 months/);
    expect(errorOf(f.call('CONTACTCADENCE', 'Gold', [['Gold', null]])).code).toBe('#VALUE!');
  });
});

test('no function ever throws a raw exception, whatever Excel passes', () => {
  const cell = fc.oneof(fc.double(), fc.integer(), fc.string({ maxLength: 8 }), fc.constant(null), fc.constant(''), fc.boolean(), fc.constant(NA), fc.constant('#N/A'), fc.constant({}), fc.constant(undefined));
  const grid = fc.array(fc.array(cell, { minLength: 0, maxLength: 3 }), { minLength: 0, maxLength: 4 });
  const arg = fc.oneof(cell, grid);
  fc.assert(
    fc.property(fc.constantFrom(...f.ids), fc.array(arg, { maxLength: 4 }), (id, args) => {
      const r = f.call(id, ...args); // call() rethrows anything that is not a CustomFunctions.Error
      expect(r === undefined).toBe(false);
    }),
    { numRuns: 1500 },
  );
});

describe('#VALUE! from core checks, in the language of a Russian Excel', () => {
  const ru = () => ((globalThis as Record<string, unknown>).Office = { context: { displayLanguage: 'ru-RU' } });
  const valueError = (v: unknown) => {
    const e = errorOf(v);
    expect(e.code).toBe('#VALUE!');
    return e.message;
  };

  test('PARETOSEGMENT cut-offs, in either form, name the argument', () => {
    ru();
    expect(valueError(f.call('PARETOSEGMENT', column([50, 30]), [[0.95, 0.8]]))).toBe(
      'allValuesOrCutoffs: Граница класса B должна быть больше границы класса A, равной 0,95, и не больше 1 (получено 0,8).',
    );
    expect(valueError(f.call('PARETOSEGMENT', column([50, 30]), null, [[80, 95]]))).toBe(
      'cutoffs: Граница класса A должна быть больше 0 и меньше 1, например 0,8 для 80\u00a0% (получено 80).',
    );
    expect(valueError(f.call('PARETOSEGMENT', 50, column([50, 30]), [[0.8, 1.2]]))).toBe(
      'cutoffs: Граница класса B должна быть больше границы класса A, равной 0,8, и не больше 1 (получено 1,2).',
    );
    setLanguageProvider(() => 'en-US');
    delete (globalThis as Record<string, unknown>).Office;
    expect(valueError(f.call('PARETOSEGMENT', column([50, 30]), [[0.95, 0.8]]))).toBe('allValuesOrCutoffs: The B cut-off must be above the A cut-off of 0.95 and at most 1 (got 0.8).');
  });

  test('XYZCLASS cut-offs', () => {
    ru();
    expect(valueError(f.call('XYZCLASS', [[5, 6]], [[0.3, 0.2]]))).toBe('cutoffs: Граница класса Y должна быть больше границы класса X, равной 0,3 (получено 0,2).');
    expect(valueError(f.call('XYZCLASS', [[5, 6]], [[0, 0.2]]))).toBe('cutoffs: Граница класса X должна быть больше 0, например 0,1 для 10\u00a0% (получено 0).');
  });

  test('TOPSHARE fraction', () => {
    ru();
    expect(valueError(f.call('TOPSHARE', column([50, 30]), -0.5))).toBe('fraction: Доля крупнейших клиентов должна быть больше 0 (получено -0,5).');
    expect(valueError(f.call('TOPSHARE', column([50, 30]), '2,5'))).toBe('fraction: Значение от 1 — это число крупнейших клиентов, оно должно быть целым (получено 2,5).');
  });

  test('CONTACTCADENCE table rows, by their row in the range', () => {
    ru();
    const table = [
      ['Сегмент', 'Месяцев'],
      ['Золото', 2],
      ['Серебро', 200],
    ];
    expect(valueError(f.call('CONTACTCADENCE', 'Золото', table))).toBe('table, строка 3: Интервал для «Серебро» должен быть больше 0 и не больше 120 месяцев (получено 200).');
    expect(
      valueError(
        f.call('CONTACTCADENCE', 'Золото', [
          ['Золото', null],
          ['Серебро', 6],
        ]),
      ),
    ).toBe('table, строка 1: Интервал для «Золото» должен быть больше 0 и не больше 120 месяцев (число не указано).');
    expect(valueError(f.call('CONTACTCADENCE', 'Gold', [['Gold', 0]]))).toBe('table, строка 1: Интервал для «Gold» должен быть больше 0 и не больше 120 месяцев (получено 0).');
  });
});
