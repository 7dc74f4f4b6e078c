/**
 * The built custom functions under each host profile (web / windows / mac), through the
 * workbench's evaluator of CLIENTS formulas over the Excel stand-in: blanks arrive as null (web)
 * or 0 (desktop), error arguments reach a function only with "allowErrorForDataTypeAny", input
 * is limited per call, whole columns fail on the web, and only formulas whose inputs changed are
 * recalculated (plus every formula after Application.calculate(Full)).
 *
 * The rules the pane saves reach the cells through the ClientTiersRules range (src/excel/rulesRange).
 */
import fc from 'fast-check';
import { DEFAULT_RULES, parseRuleSet, RuleSet } from '../../src/core/rules';
import { tierBars } from '../../src/core/tiering';
import { loadRulesLanguage, RULES_SHEET, writeRulesRange } from '../../src/excel/rulesRange';
import { setLanguageProvider } from '../../src/functions/host';
import { RULES_NAME } from '../../src/functions/rulesTable';
import { setWorkbookRules } from '../../src/functions/workbookRules';
import { Calculator, FunctionsMetadata, Registry, registryOf } from '../../src/workbench/formulas';
import { createStandIn, modelFromGrid } from '../../src/workbench/standin';
import { HOST_NAMES, HOST_PROFILES } from '../../src/workbench/standin/hostProfile';
import { CellError, WorkbookModel } from '../../src/workbench/standin/model';
import { modelFromXlsx, modelToXlsx } from '../../src/workbench/standin/xlsxModel';
import { Bundle, loadBundle, StubError } from './harness';

let bundle: Bundle;

beforeAll(async () => {
  bundle = await loadBundle();
}, 300000);

afterEach(() => {
  setWorkbookRules(null);
  setLanguageProvider(null);
});

function registry(allowErrors: boolean): Registry {
  const fns = new Map(bundle.ids.map((id) => [id, (...args: unknown[]) => bundle.call(id, ...args)] as const));
  const json = bundle.functionsJson as FunctionsMetadata;
  return registryOf(fns, { ...json, allowErrorForDataTypeAny: allowErrors });
}

const RULES: RuleSet = (() => {
  const r = parseRuleSet({
    name: 'Bars',
    tiers: [
      { name: 'VIP', criteria: { minAmount: 500000 } },
      { name: 'Key', criteria: { minAmount: 100000 } },
      { name: 'Standard', criteria: null },
    ],
  });
  if (!r.ok) throw new Error(r.problems.join('; '));
  return r.rules;
})();

/**
 * A client sheet: A rules (A2:B10, three tiers and spare blank rows), D the measure, E a blank
 * "previous tier", F blank "reviews below", H:M six months of sales with a blank month.
 */
function workbook(): WorkbookModel {
  return modelFromGrid([
    {
      name: 'Clients',
      values: [
        ['Tier', 'Minimum', null, 'Revenue', 'Previous', 'Below', null, 'M1', 'M2', 'M3', 'M4', 'M5', 'M6'],
        ['VIP', 500000, null, 500000, null, null, null, 100, 110, null, 90, 100, 100],
        ['Key', 100000, null, 120000, 'VIP', 1, null, 100, 100, 100, 100, 100, 100],
        ['Standard', null, null, 50, 'Key', 0, null, 50, 150, 50, 150, 50, 150],
      ],
    },
  ]);
}

function formulaValue(calc: Calculator, model: WorkbookModel, formula: string, at = { r: 20, c: 0 }): unknown {
  const sheet = model.sheet('Clients');
  sheet.setFormula(at.r, at.c, formula);
  return calc.value(formula, sheet, at.r, at.c);
}

const FORMULAS: Array<[string, unknown]> = [
  ['=CLIENTS.VIPTIER(D2, A2:B10, E2)', 'VIP'],
  ['=CLIENTS.VIPTIER(500000, A2:B10, E2)', 'VIP'], // E2 blank: a new client (desktop passes 0)
  ['=CLIENTS.VIPTIER(500000, A2:B10, 0)', 'VIP'], // a literal 0 tier name is blank too
  ['=CLIENTS.VIPTIER(D3, A2:B10, E3, F3)', 'Key'],
  ['=CLIENTS.VIPTIER(D4, A1:B10, E4, F4)', 'Key'], // grace review, header row included
  ['=CLIENTS.VIPTIER(D2, A2:B10, E2, F2)', 'VIP'],
  ['=CLIENTS.TIERSTATUS(E2, D2, A2:B10, F2)', 'New'],
  ['=CLIENTS.TIERSTATUS(E3, D3, A2:B10, F3)', 'Down'],
  ['=CLIENTS.TIERSTATUS(E4, D4, A2:B10)', 'Grace warning'],
  ['=CLIENTS.TIERGAP(D4, "Key", A2:B10)', 100000 - 50],
  ['=CLIENTS.TIERGAP(D4, A3, A2:B10)', 100000 - 50],
  ['=CLIENTS.TIERGAP(D4, "Standard", A2:B10)', 0],
  ['=CLIENTS.XYZCLASS(H3:M3)', 'X'],
  ['=CLIENTS.XYZCLASS(H4:M4)', 'Z'],
  ['=CLIENTS.XYZCLASS(H2:M2)', 'Z'], // the blank month is a month without sales on every host
  ['=CLIENTS.XYZCLASS(H3:O3)', 'Z'], // two blank trailing periods are periods without sales too
  ['=CLIENTS.CONTACTCADENCE(E3)', 1],
  ['=CLIENTS.TOPSHARE(D2:D4, F4)', (500000) / (500000 + 120000 + 50)], // F4 = 0: default 20%, top 1 of 3
  ['=CLIENTS.PARETOSEGMENT(D2:D9)', [['A'], ['B'], ['C'], [''], [''], [''], [''], ['']]],
];

describe.each(HOST_NAMES)('on %s', (host) => {
  const profile = HOST_PROFILES[host];

  test('VIPTIER, TIERSTATUS, TIERGAP, XYZCLASS and a rules range with spare rows give the same answers as on every other host', () => {
    const model = workbook();
    const calc = new Calculator(model, registry(true), profile);
    for (const [formula, expected] of FORMULAS) {
      const got = formulaValue(calc, model, formula);
      if (typeof expected === 'number') expect([formula, got]).toEqual([formula, expect.closeTo(expected, 9)]);
      else expect([formula, got]).toEqual([formula, expected]);
    }
  });

  test('an error in a range: not called without allowErrorForDataTypeAny; with it, aggregates return it and the spill keeps it on its row', () => {
    const model = workbook();
    model.sheet('Clients').setValue(4, 3, new CellError('#N/A')); // D5
    const without = new Calculator(model, registry(false), profile);
    expect(formulaValue(without, model, '=CLIENTS.GINI(D2:D5)')).toBe('#N/A');
    expect(without.calls).toBe(0);
    const withFlag = new Calculator(model, registry(true), profile);
    expect(formulaValue(withFlag, model, '=CLIENTS.GINI(D2:D5)')).toBe('#N/A');
    expect(formulaValue(withFlag, model, '=CLIENTS.HHI(D2:D5)')).toBe('#N/A');
    expect(formulaValue(withFlag, model, '=CLIENTS.CUMSHARE(D2, D2:D5)')).toBe('#N/A');
    expect(formulaValue(withFlag, model, '=CLIENTS.PARETOSEGMENT(D2:D5)')).toEqual([['A'], ['B'], ['C'], ['#N/A']]);
    expect(withFlag.calls).toBe(4);
    model.sheet('Clients').setValue(4, 3, new CellError('#REF!'));
    expect(formulaValue(withFlag, model, '=CLIENTS.TOPSHARE(D2:D5)')).toBe('#VALUE!'); // never #REF!
    expect(formulaValue(withFlag, model, '=CLIENTS.PARETOSEGMENT(D2:D5)')).toEqual([['A'], ['B'], ['C'], ['#VALUE!']]);
  });

  test('input size: over the per-call limit the function is not called; a whole column fails on the web and is refused with a reason elsewhere', () => {
    const model = workbook();
    const sheet = model.sheet('Clients');
    for (let r = 1; r < 700000; r++) sheet.setValue(r, 14, 1000 + (r % 977) * 3.125);
    const calc = new Calculator(model, registry(true), profile);
    expect(formulaValue(calc, model, '=CLIENTS.PARETOSEGMENT(O2:O700000)')).toBe('#VALUE!');
    expect(calc.calls).toBe(0);
    const small = formulaValue(calc, model, '=CLIENTS.GINI(O2:O100001)');
    expect(typeof small).toBe('number');
    const whole = formulaValue(calc, model, '=CLIENTS.GINI(O:O)');
    expect(whole).toBe('#VALUE!');
    expect(calc.calls).toBe(1); // never called with a whole column: refused by the host (web) or over the input limit (desktop)
  });

  test('rules saved by the pane: the ClientTiersRules form follows every change; the no-range form only after the full recalculation the pane requests', async () => {
    const model = workbook();
    const standIn = createStandIn(model);
    const calc = new Calculator(model, registry(true), profile);
    await writeRulesRange(standIn.run, RULES, undefined, 'en');
    setWorkbookRules(RULES, undefined, 'en');
    const sheet = model.sheet('Clients');
    const ranged = '=CLIENTS.VIPTIER(D3, ClientTiersRules)';
    const bare = '=CLIENTS.VIPTIER(D3)';
    sheet.setFormula(30, 0, ranged);
    sheet.setFormula(31, 0, bare);
    const both = () => [calc.value(ranged, sheet, 30, 0), calc.value(bare, sheet, 31, 0)];
    expect(both()).toEqual(['Key', 'Key']);
    // the rules change in the pane's memory only: Excel sees no change, nothing recalculates
    const higher = { ...RULES, tiers: RULES.tiers.map((t) => (t.name === 'Key' ? { ...t, criteria: { minAmount: 200000 } } : t)) } as RuleSet;
    setWorkbookRules(higher, undefined, 'en');
    expect(both()).toEqual(['Key', 'Key']);
    // the pane saves them: the range is rewritten (its dependents recalculate) and a full recalculation is requested
    await writeRulesRange(standIn.run, higher, undefined, 'en');
    expect(both()).toEqual(['Standard', 'Standard']);
    expect(model.findName(RULES_NAME)?.target?.sheet.name).toBe(RULES_SHEET);
    expect(model.findSheet(RULES_SHEET)?.visibility).toBe('Hidden');
  });

  test('reopened with no pane: Pareto bars, policy and language come from the saved range', async () => {
    const model = workbook();
    const standIn = createStandIn(model);
    const totals = [900, 500, 300, 200, 100, 50, 30, 20];
    const bars = tierBars(DEFAULT_RULES, totals);
    const written = await writeRulesRange(standIn.run, DEFAULT_RULES, bars, 'ru');
    expect(written.lang).toBe('ru');
    // a second save keeps the language chosen at the first one
    expect((await writeRulesRange(standIn.run, DEFAULT_RULES, bars, 'en')).lang).toBe('ru');
    const reopened = await modelFromXlsx(await modelToXlsx(model));
    setWorkbookRules(null); // no pane
    setLanguageProvider(() => 'en-US'); // whoever opens it reads English
    const calc = new Calculator(reopened, registry(true), profile);
    const sheet = reopened.sheet('Clients');
    const at = (f: string, r: number) => {
      sheet.setFormula(r, 0, f);
      return calc.value(f, sheet, r, 0);
    };
    expect(at(`=CLIENTS.VIPTIER(${bars[0].minAmount}, ClientTiersRules)`, 40)).toBe('VIP');
    expect(at(`=CLIENTS.VIPTIER(${bars[1].minAmount}, ClientTiersRules)`, 41)).toBe('Key');
    expect(at(`=CLIENTS.VIPTIER(${bars[1].minAmount! - 1}, ClientTiersRules)`, 42)).toBe('Standard');
    expect(at(`=CLIENTS.TIERSTATUS("VIP", 1, ClientTiersRules)`, 43)).toBe('Предупреждение'); // the workbook's language, not the viewer's
  });

  test('Pareto rules saved before any review are refused with the reason, not guessed', async () => {
    const model = workbook();
    await writeRulesRange(createStandIn(model).run, DEFAULT_RULES, undefined, 'en');
    const calc = new Calculator(model, registry(true), profile);
    expect(formulaValue(calc, model, '=CLIENTS.VIPTIER(D2, ClientTiersRules)')).toBe('#VALUE!');
    const e = bundle.call('VIPTIER', 5, [
      ['Client Tiers rules', 'lang=en'],
      ['VIP', 'first 50% of revenue — a review computes the bar'],
      ['Key', 100],
      ['Standard', ''],
    ]) as StubError;
    expect(e.message).toBe('rules: tier "VIP" has no amount bar (first 50% of revenue — a review computes the bar). Open the task pane and run a review so it can write the bars.');
  });
});

test('after Apply the block is only refreshed when it exists (Undo restores the sheet list); a full recalculation is requested either way', async () => {
  const model = workbook();
  const standIn = createStandIn(model);
  const sheets = model.sheets.length;
  await writeRulesRange(standIn.run, RULES, undefined, 'ru', { create: false });
  expect(model.sheets.length).toBe(sheets);
  expect(model.findName(RULES_NAME)).toBeUndefined();
  expect(model.fullCalculations).toBe(1);
  await writeRulesRange(standIn.run, RULES, undefined, 'ru');
  const higher = { ...RULES, tiers: RULES.tiers.map((t) => (t.name === 'VIP' ? { ...t, criteria: { minAmount: 900000 } } : t)) } as RuleSet;
  await writeRulesRange(standIn.run, higher, undefined, 'en', { create: false });
  expect(model.sheet(RULES_SHEET).getValue(1, 1)).toBe(900000);
  expect(model.sheet(RULES_SHEET).getValue(0, 1)).toMatch(/^lang=ru;/);
  expect(model.fullCalculations).toBe(3);
});

test('without a range and without the pane, VIPTIER reads the rules from the workbook settings (Office.context.document.settings)', () => {
  const settings = new Map<string, string>([['clientTiers.rules', JSON.stringify(RULES)]]);
  (globalThis as Record<string, unknown>).Office = { context: { displayLanguage: 'en-US', document: { settings: { get: (k: string) => settings.get(k) ?? null } } } };
  try {
    setWorkbookRules(null);
    expect(bundle.call('VIPTIER', 150000)).toBe('Key');
    expect(bundle.call('VIPTIER', 0)).toBe('Standard');
    settings.set('clientTiers.rules', JSON.stringify(DEFAULT_RULES));
    setWorkbookRules(null); // a new version: the cached rules are read again
    expect((bundle.call('VIPTIER', 150000) as StubError).message).toMatch(/^The saved rules put "VIP" at the first 50% of revenue, which needs all clients/);
  } finally {
    delete (globalThis as Record<string, unknown>).Office;
  }
});

describe('the saved rules range carries the policy', () => {
  test('two grace reviews from the header are applied', () => {
    const table = [
      ['Client Tiers rules', 'lang=en; graceReviews=2; maxStepsDown=1; hysteresisPct=0; benefitSteps=0'],
      ['VIP', 1000],
      ['Standard', 0],
      [0, 0],
      [0, 0],
    ];
    expect(bundle.call('VIPTIER', 10, table, 'VIP', 1)).toBe('VIP'); // second warning
    expect(bundle.call('VIPTIER', 10, table, 'VIP', 2)).toBe('Standard');
    expect(bundle.call('VIPTIER', 10, table.slice(0, 3).map((r, i) => (i === 0 ? ['Tier', 'Min'] : r)), 'VIP', 1)).toBe('Standard'); // a typed table: default policy
  });
});

test('no function ever returns #REF! or #NAME?, whatever errors, blanks and hostile values it is given', () => {
  const errorValue = fc.constantFrom('#REF!', '#NAME?', '#N/A', '#SPILL!', '#CALC!', '#DIV/0!').chain((code) =>
    fc.constantFrom<unknown>({ code }, { type: 'Error', basicValue: code }, { type: 'Error', errorType: 'Ref' }, code),
  );
  const cell = fc.oneof(errorValue, fc.double(), fc.integer({ min: -5, max: 2000000 }), fc.constant(0), fc.constant(null), fc.constant(''), fc.string({ maxLength: 6 }), fc.boolean(), fc.constantFrom('VIP', 'Key', 'Standard', 'A', 'AX'));
  const grid = fc.array(fc.array(cell, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 5 });
  const arg = fc.oneof(cell, grid);
  const bad = (v: unknown): boolean => {
    if (Array.isArray(v)) return v.some(bad);
    const code = (v as { code?: unknown })?.code;
    return code === '#REF!' || code === '#NAME?';
  };
  fc.assert(
    fc.property(fc.constantFrom(...bundle.ids), fc.array(arg, { maxLength: 4 }), (id, args) => {
      const r = bundle.call(id, ...args);
      expect(bad(r)).toBe(false);
    }),
    { numRuns: 3000 },
  );
});

describe('stand-in named items (workbook.names), as the rules block uses them', () => {
  test('add / getItem / getItemOrNullObject / formula / getRange, with Excel errors for bad, duplicate and missing names', async () => {
    const model = workbook();
    const { run } = createStandIn(model);
    expect(await loadRulesLanguage(run)).toBeUndefined();
    await run(async (ctx) => {
      ctx.workbook.names.add('Tiers', ctx.workbook.worksheets.getItem('Clients').getRange('A2:B4'));
      await ctx.sync();
    });
    const read = await run(async (ctx) => {
      const item = ctx.workbook.names.getItem('tiers');
      item.load('name, type, value, formula');
      const range = item.getRange();
      range.load('values, address');
      await ctx.sync();
      return { name: item.name, type: item.type, value: item.value, formula: item.formula, values: range.values, address: range.address };
    });
    expect(read).toEqual({ name: 'Tiers', type: 'Range', value: 'Clients!$A$2:$B$4', formula: '=Clients!$A$2:$B$4', values: [['VIP', 500000], ['Key', 100000], ['Standard', '']], address: 'Clients!A2:B4' });
    const code = async (batch: (ctx: Excel.RequestContext) => void) =>
      run(async (ctx) => {
        batch(ctx);
        await ctx.sync();
      }).then(
        () => 'ok',
        (e: { code?: string }) => e.code,
      );
    expect(await code((ctx) => ctx.workbook.names.add('Tiers', 'Clients!A1:B1'))).toBe('ItemAlreadyExists');
    expect(await code((ctx) => ctx.workbook.names.add('A1', 'Clients!A1:B1'))).toBe('InvalidArgument');
    expect(await code((ctx) => ctx.workbook.names.add('two words', 'Clients!A1:B1'))).toBe('InvalidArgument');
    expect(await code((ctx) => ctx.workbook.names.getItem('Missing').load('name'))).toBe('ItemNotFound');
    await writeRulesRange(run, RULES, undefined, 'ru');
    expect(await loadRulesLanguage(run)).toBe('ru');
    // the sheet deleted: the name refers to nothing (#REF!), and the next save re-points it
    model.removeSheet(model.sheet(RULES_SHEET));
    const broken = await run(async (ctx) => {
      const item = ctx.workbook.names.getItem(RULES_NAME);
      item.load('type');
      const range = item.getRangeOrNullObject();
      await ctx.sync();
      return { type: item.type, isNull: range.isNullObject };
    });
    expect(broken).toEqual({ type: 'Error', isNull: true });
    await writeRulesRange(run, RULES, undefined, 'en');
    expect(model.findName(RULES_NAME)?.target?.sheet.name).toBe(RULES_SHEET);
    expect(await loadRulesLanguage(run)).toBe('en');
  });
});
