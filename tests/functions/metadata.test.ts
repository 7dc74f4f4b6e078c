/**
 * functions.json — what Excel reads to show the functions, their parameters and help — against
 * the golden file: the one the build generated (the bundle under test) and the one
 * custom-functions-metadata generates straight from src/functions/functions.ts.
 *
 * The build adds one top-level flag the generator cannot emit, `allowErrorForDataTypeAny: true`
 * (webpack.config.js, FunctionsJsonFlagsPlugin): without it Excel does not call a function at all
 * when one cell of an `any`/`any[][]` argument holds an error, e.g. one #N/A in the range given
 * to GINI. See "Manually create JSON metadata for custom functions", Metadata reference,
 * https://learn.microsoft.com/office/dev/add-ins/excel/custom-functions-json#allowerrorfordatatypeany
 * The golden file compares everything else, so it may be written with or without the flag.
 *
 * After an intended change to a function's JSDoc or signature, regenerate the golden file:
 *   npm run build && node -e "require('fs').writeFileSync('tests/functions/functions.golden.json', JSON.stringify(require('./dist/functions.json'), null, 2) + '\n')"
 */
import * as fs from 'fs';
import * as path from 'path';
import { generateCustomFunctionsMetadata } from 'custom-functions-metadata';
import golden from './functions.golden.json';
import { loadBundle, ROOT } from './harness';

/** The metadata without the build's own flag (compared separately). */
function withoutBuildFlags(json: unknown): Record<string, unknown> {
  const { allowErrorForDataTypeAny: _flag, ...rest } = json as Record<string, unknown>;
  return rest;
}

interface Param {
  name: string;
  description?: string;
  type?: string;
  dimensionality?: string;
  optional?: boolean;
}
interface Fn {
  id: string;
  name: string;
  description?: string;
  parameters: Param[];
  result?: { type?: string; dimensionality?: string };
}

const fns = (golden as { functions: Fn[] }).functions;

test('the built functions.json is the golden file, plus allowErrorForDataTypeAny: true at the top level; the bundle associates exactly its ids', async () => {
  const bundle = await loadBundle();
  const built = bundle.functionsJson as Record<string, unknown>;
  expect(built.allowErrorForDataTypeAny).toBe(true);
  expect(withoutBuildFlags(built)).toEqual(withoutBuildFlags(golden));
  expect([...bundle.ids].sort()).toEqual(fns.map((f) => f.id).sort());
  // the flag is top-level, beside `functions`, never inside a function (Microsoft's example)
  for (const f of built.functions as Array<Record<string, unknown>>) expect(f).not.toHaveProperty('allowErrorForDataTypeAny');
}, 300000);

test('dist/functions.json from `npm run build` (when present) carries the flag as JSON true at the top level', () => {
  const file = path.join(ROOT, 'dist', 'functions.json');
  if (!fs.existsSync(file)) return; // npm test builds dist/ first; the test above covers a fresh build
  const text = fs.readFileSync(file, 'utf8');
  const json = JSON.parse(text) as Record<string, unknown>;
  expect(json.allowErrorForDataTypeAny).toBe(true);
  expect(Object.keys(json)).toEqual(expect.arrayContaining(['allowErrorForDataTypeAny', 'functions']));
  expect(withoutBuildFlags(json)).toEqual(withoutBuildFlags(golden));
});

test('the flag reaches every range argument: all parameters are of type any (errors reach only `any`/`any[][]`)', () => {
  for (const f of fns) for (const p of f.parameters) expect([undefined, 'any']).toContain(p.type);
});

test('generateCustomFunctionsMetadata on src/functions/functions.ts agrees with the golden file (and cannot emit the flag, hence the build step)', async () => {
  const result = await generateCustomFunctionsMetadata(path.join(ROOT, 'src/functions/functions.ts'));
  expect(result.errors).toEqual([]);
  const generated = JSON.parse(result.metadataJson) as Record<string, unknown>;
  expect(generated).not.toHaveProperty('allowErrorForDataTypeAny');
  expect(generated).toEqual(withoutBuildFlags(golden));
});

test('ids, names, parameters: dimensionality and optional flags as the issue specifies', () => {
  const sig = (f: Fn) => `${f.name}(${f.parameters.map((p) => `${p.optional ? '[' : ''}${p.name}${p.dimensionality === 'matrix' ? ':range' : ''}${p.optional ? ']' : ''}`).join(', ')})`;
  expect(fns.map(sig)).toEqual([
    'VIPTIER(measure, [rules:range], [previousTier], [reviewsBelow])',
    'PARETOSEGMENT(values:range, [allValuesOrCutoffs:range], [cutoffs:range])',
    'CUMSHARE(value, allValues:range)',
    'REVENUESHARE(value, allValues:range)',
    'GINI(values:range)',
    'HHI(values:range)',
    'TOPSHARE(values:range, [fraction])',
    'TIERGAP(measure, tier, rules:range)',
    'TIERSTATUS(previousTier, measure, rules:range, [reviewsBelow])',
    'XYZCLASS(periodValues:range, [cutoffs:range])',
    'ABCXYZ(value, allValues:range, periodValues:range)',
    'CONTACTCADENCE(segmentOrTier, [table:range])',
  ]);
  for (const f of fns) {
    expect(f.id).toBe(f.name);
    expect(f.id).toMatch(/^[A-Z]+$/);
  }
  expect(fns.find((f) => f.id === 'PARETOSEGMENT')!.result).toEqual({ dimensionality: 'matrix' });
});

test('every function and parameter has help text, short enough for Excel’s formula tips', () => {
  for (const f of fns) {
    expect(f.description?.length ?? 0).toBeGreaterThan(20);
    expect(f.description!.length).toBeLessThanOrEqual(255);
    for (const p of f.parameters) {
      expect(p.description?.length ?? 0).toBeGreaterThan(10);
      expect(p.description!.length).toBeLessThanOrEqual(255);
    }
  }
});
