import { parseMoney, plainNumber } from '../../src/core/parseMoney';
import { CellValue } from '../../src/core/cells';
test('plainNumber gives exactly what the regex path of parseMoney gives, on 200,000 random digit strings in each locale', () => {
  const alpha = ['0','1','2','5','9','-',',','.','0','3','7'];
  let seed = 7;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  let hits = 0;
  for (let t = 0; t < 200000; t++) {
    let s = '';
    const len = 1 + Math.floor(rnd() * 18);
    for (let i = 0; i < len; i++) s += alpha[Math.floor(rnd() * alpha.length)];
    for (const loc of [undefined, 'en', 'ru'] as const) {
      const f = plainNumber(s, loc);
      if (f === undefined) continue;
      hits++;
      const slow = (parseMoney as (v: CellValue, l?: 'en'|'ru') => unknown)(' ' + s + ' ', loc) as { kind: string; value: number };
      if (slow.kind !== 'number' || !Object.is(slow.value, f)) throw new Error(`${s} ${loc} ${f} ${JSON.stringify(slow)}`);
    }
  }
  expect(hits).toBeGreaterThan(10000);
});
