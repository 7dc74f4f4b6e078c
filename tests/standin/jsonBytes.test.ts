import fc from 'fast-check';
import { CellError } from '../../src/workbench/standin/model';
import { jsonBytes, jsonOf, utf8Length } from '../../src/workbench/standin/request';

/**
 * The stand-in weighs responses without building their JSON (request.ts jsonBytes): it must give
 * exactly the bytes of the JSON text, or the 5 MB limit would be enforced at the wrong size.
 */
const weigh = (v: unknown) => utf8Length(jsonOf(v));

describe('jsonBytes', () => {
  it.each([
    ['empty array', []],
    ['null', null],
    ['undefined at the top', undefined],
    ['cells', [['Client', 'Дата', 'Amount'], ['ООО «Ромашка»', 45658, 1234.5], ['', -0, NaN], [true, false, Infinity]]],
    ['escapes', ['"quoted"\\', 'tab\tnew\nline\r\b\f', '\u0001\u001f\u007f', 'emoji 😀', 'lone \ud800 high', 'lone \udc00 low', 'end \ud83d']],
    ['errors and dates', [[new CellError('#N/A'), new Date(Date.UTC(2025, 0, 31))]]],
    ['holes and functions', [undefined, () => 1, Symbol('s')]],
    ['objects', { a: 1, b: undefined, c: () => 1, 'ключ "x"': [1, { d: null }], e: new Map([[1, 2]]) }],
    ['numbers', [1e21, 1e-7, -1.5e300, 0.1 + 0.2, Number.MAX_SAFE_INTEGER, 5e-324]],
  ])('%s: the bytes of the JSON text', (_, v) => {
    expect(jsonBytes(v)).toBe(weigh(v));
  });

  it('any JSON-like value (generated): the bytes of the JSON text', () => {
    fc.assert(
      fc.property(fc.anything({ withBoxedValues: false, withBigInt: false, withMap: true, withSet: true, withDate: false, withTypedArray: true, withSparseArray: true, withNullPrototype: true, withObjectString: true }), (v) => {
        expect(jsonBytes(v)).toBe(weigh(v));
      }),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(fc.array(fc.array(fc.oneof(fc.string({ unit: 'binary' }), fc.double(), fc.boolean(), fc.constant('')), { maxLength: 8 }), { maxLength: 30 }), (grid) => {
        expect(jsonBytes(grid)).toBe(weigh(grid));
      }),
      { numRuns: 1000 },
    );
  });
});
