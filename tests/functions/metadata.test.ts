/**
 * functions.json — what Excel reads to show the functions, their parameters and help — against
 * the golden file: the one the build generated (the bundle under test) and the one
 * custom-functions-metadata generates straight from src/functions/functions.ts.
 * After an intended change to a function's JSDoc or signature, regenerate the golden file:
 *   npm run build && node -e "require('fs').writeFileSync('tests/functions/functions.golden.json', JSON.stringify(require('./dist/functions.json'), null, 2) + '\n')"
 */
import * as path from 'path';
import { generateCustomFunctionsMetadata } from 'custom-functions-metadata';
import golden from './functions.golden.json';
import { loadBundle, ROOT } from './harness';

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

test('the built functions.json is the golden file, and the bundle associates exactly its ids', async () => {
  const bundle = await loadBundle();
  expect(bundle.functionsJson).toEqual(golden);
  expect([...bundle.ids].sort()).toEqual(fns.map((f) => f.id).sort());
}, 300000);

test('generateCustomFunctionsMetadata on src/functions/functions.ts agrees with the golden file', async () => {
  const result = await generateCustomFunctionsMetadata(path.join(ROOT, 'src/functions/functions.ts'));
  expect(result.errors).toEqual([]);
  expect(JSON.parse(result.metadataJson)).toEqual(golden);
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
