import { CsvRowTooLongError, CsvScanner, parseCsv } from '../../src/core/csv';
import { seededRandom } from '../../src/core/seededRandom';

/** The rows of `text` fed to a scanner in pieces of 1..maxPiece characters. */
function inPieces(text: string, d: string, rnd: () => number, maxPiece: number): string[][] {
  const rows: string[][] = [];
  const sc = CsvScanner.of(d);
  const take = (r: { fields(): string[] }) => {
    rows.push(r.fields());
  };
  for (let i = 0; i < text.length; ) {
    const k = 1 + Math.floor(rnd() * maxPiece);
    sc.push(text.slice(i, i + k), false, take);
    i += k;
  }
  sc.push('', true, take);
  return rows;
}

describe('CsvScanner: pieces cut anywhere read as the whole text', () => {
  it('random texts of quotes, doubled quotes, delimiters, CR, LF, CRLF and Cyrillic, in 1-5 character pieces', () => {
    const rnd = seededRandom(5);
    const alphabet = ['a', 'я', '"', '""', ';', ',', '\n', '\r', '\r\n', ' ', '\t', '😀'];
    for (let t = 0; t < 20000; t++) {
      let s = '';
      const n = Math.floor(rnd() * 24);
      for (let i = 0; i < n; i++) s += alphabet[Math.floor(rnd() * alphabet.length)];
      expect(inPieces(s, ';', rnd, 5)).toEqual(parseCsv(s, ';'));
    }
  });

  it('a field is sliced only when asked for, and missing fields read as undefined', () => {
    const got: Array<[number, string | undefined, string | undefined]> = [];
    CsvScanner.of(',').push('a,"b ""q""",c\nx\n', true, (r) => {
      got.push([r.length, r.field(1), r.field(5)]);
    });
    expect(got).toEqual([
      [3, 'b "q"', undefined],
      [1, undefined, undefined],
    ]);
  });

  it('onRow returning false stops; the next push goes on from the row after', () => {
    const sc = CsvScanner.of(';');
    const a: string[][] = [];
    sc.push('1;2\n3;4\n5;6', false, (r) => {
      a.push(r.fields());
      return false;
    });
    sc.push('\n', true, (r) => {
      a.push(r.fields());
    });
    expect(a).toEqual([['1', '2'], ['3', '4'], ['5', '6']]);
  });

  it('a row longer than the bound (a quote never closed) stops with the row number', () => {
    const sc = CsvScanner.of(';', 100);
    let rows = 0;
    expect(() => {
      sc.push('a;b\n"open', false, () => {
        rows++;
      });
      for (let i = 0; i < 50; i++) sc.push('x;y\n', false, () => void rows++);
    }).toThrow(CsvRowTooLongError);
    expect(rows).toBe(1);
    expect(() => CsvScanner.of(';', 10).push('"' + 'x'.repeat(50), false, () => undefined)).toThrow(/CSV row 1 is longer than 10 characters/);
  });
});
