import { csvField, detectDelimiter, parseCsv } from '../../src/core/csv';

describe('detectDelimiter', () => {
  it('picks the most frequent of , ; tab on the first lines, ignoring quoted ones', () => {
    expect(detectDelimiter('Клиент;Сумма;Дата\n"a";1,5;2')).toBe(';');
    expect(detectDelimiter('a,b,c\n1,2,3\n4;5')).toBe(',');
    // a title line above a semicolon table does not decide
    expect(detectDelimiter('Отчёт о продажах\nКлиент;Сумма;Дата\nА;1 234,5;01.02.2025\nБ;2;03.02.2025')).toBe(';');
    expect(detectDelimiter('a\tb\tc')).toBe('\t');
    expect(detectDelimiter('"a;b;c",d\n')).toBe(',');
    expect(detectDelimiter('single')).toBe(',');
  });
});

describe('parseCsv', () => {
  it('semicolons (Russian Excel) with comma decimals kept as text', () => {
    expect(parseCsv('Клиент;Сумма\nООО Ромашка;1 234,50\n')).toEqual([
      ['Клиент', 'Сумма'],
      ['ООО Ромашка', '1 234,50'],
    ]);
  });

  it('commas', () => {
    expect(parseCsv('a,b,c\n1,2,3')).toEqual([
      ['a', 'b', 'c'],
      ['1', '2', '3'],
    ]);
  });

  it('quoted fields with the delimiter, doubled quotes and line breaks', () => {
    expect(parseCsv('a;b\n"x;1";2')).toEqual([
      ['a', 'b'],
      ['x;1', '2'],
    ]);
    expect(parseCsv('name,note\n"ООО ""Ромашка""","line 1\nline 2"\n"a,b",""')).toEqual([
      ['name', 'note'],
      ['ООО "Ромашка"', 'line 1\nline 2'],
      ['a,b', ''],
    ]);
    expect(parseCsv('a,b\r\n"1\r\n2",3\r\n')).toEqual([
      ['a', 'b'],
      ['1\r\n2', '3'],
    ]);
  });

  it('strips a BOM', () => {
    const rows = parseCsv('\ufeffКлиент;Сумма\r\nA;1\r\n');
    expect(rows[0][0]).toBe('Клиент');
    expect(rows).toEqual([
      ['Клиент', 'Сумма'],
      ['A', '1'],
    ]);
  });

  it('CRLF, LF and lone CR line ends, with or without a final line break', () => {
    const want = [
      ['a', 'b'],
      ['1', '2'],
    ];
    expect(parseCsv('a,b\r\n1,2\r\n')).toEqual(want);
    expect(parseCsv('a,b\r\n1,2')).toEqual(want);
    expect(parseCsv('a,b\n1,2\n')).toEqual(want);
    expect(parseCsv('a,b\r1,2')).toEqual(want);
  });

  it('keeps a trailing empty field, at a line end and at the end of the text', () => {
    expect(parseCsv('a;b;\n1;2;\n')).toEqual([
      ['a', 'b', ''],
      ['1', '2', ''],
    ]);
    expect(parseCsv('a,b\n1,')).toEqual([
      ['a', 'b'],
      ['1', ''],
    ]);
    expect(parseCsv(',,')).toEqual([['', '', '']]);
  });

  it('empty fields and empty text', () => {
    expect(parseCsv('a,,c')).toEqual([['a', '', 'c']]);
    expect(parseCsv('')).toEqual([]);
    expect(parseCsv('\ufeff')).toEqual([]);
  });

  it('an explicit delimiter wins', () => {
    expect(parseCsv('a;b,c\n1;2,3', ';')).toEqual([
      ['a', 'b,c'],
      ['1', '2,3'],
    ]);
  });

  it('tolerates an unterminated quote and text after a closing quote', () => {
    expect(parseCsv('"unterminated,x')).toEqual([['unterminated,x']]);
    expect(parseCsv('"a"b,c')).toEqual([['ab', 'c']]);
  });

  it('csvField ↔ parseCsv round trip', () => {
    const rows = [
      ['Клиент', 'Сумма', 'Примечание'],
      ['ООО "Ромашка"', '1 234,50', 'a;b'],
      ['x,y', '', 'two\nlines'],
      ['=1+2', '-5', '\r'],
    ];
    for (const d of [',', ';']) {
      const text = rows.map((r) => r.map((v) => csvField(v, d)).join(d)).join('\r\n');
      expect(parseCsv(text, d)).toEqual(rows);
    }
  });

  it('csvField quotes only when needed', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('a;b')).toBe('a;b');
    expect(csvField('a;b', ';')).toBe('"a;b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('x\ny')).toBe('"x\ny"');
    expect(csvField(12.5)).toBe('12.5');
    expect(csvField(null)).toBe('');
    expect(csvField(undefined)).toBe('');
  });
});
