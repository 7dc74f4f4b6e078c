import fc from 'fast-check';
import {
  addMonths,
  dayFromParts,
  dayParts,
  dayToIso,
  dayToSerial,
  EXCEL_EPOCH_OFFSET,
  inferDateOrder,
  isoToDay,
  monthIndex,
  parseDate,
  serialToDay,
} from '../../src/core/parseDate';

const iso = (s: string) => {
  const d = isoToDay(s);
  if (d === undefined) throw new Error(`bad test date ${s}`);
  return d;
};
const dateOf = (v: Parameters<typeof parseDate>[0], order?: 'dmy' | 'mdy') => {
  const r = parseDate(v, order);
  return r.kind === 'date' ? dayToIso(r.day) : r;
};

describe('day numbers', () => {
  it('count days since 1970-01-01 UTC', () => {
    expect(iso('1970-01-01')).toBe(0);
    expect(iso('1970-01-02')).toBe(1);
    expect(iso('2024-12-31')).toBe(20088);
    expect(iso('2025-12-31')).toBe(20453);
  });

  it('dayToIso / isoToDay round-trip over 1900..2200', () => {
    for (let d = iso('1900-01-01'); d <= iso('2200-12-31'); d += 7) expect(isoToDay(dayToIso(d))).toBe(d);
    fc.assert(fc.property(fc.integer({ min: iso('1900-01-01'), max: iso('9999-12-31') }), (d) => isoToDay(dayToIso(d)) === d));
  });

  it('isoToDay is strict', () => {
    expect(isoToDay('2025-02-29')).toBeUndefined();
    expect(isoToDay('2025-1-1')).toBeUndefined();
    expect(isoToDay('2025-13-01')).toBeUndefined();
    expect(isoToDay('31.12.2025')).toBeUndefined();
    expect(isoToDay('2024-02-29')).toBe(iso('2024-02-29'));
  });

  it('dayFromParts rejects dates that do not exist', () => {
    expect(dayFromParts(2025, 2, 29)).toBeUndefined();
    expect(dayFromParts(1900, 2, 29)).toBeUndefined(); // 1900 is not a leap year
    expect(dayFromParts(2000, 2, 29)).toBe(iso('2000-02-29'));
    expect(dayFromParts(2025, 4, 31)).toBeUndefined();
    expect(dayFromParts(2025, 0, 1)).toBeUndefined();
    expect(dayFromParts(1899, 12, 31)).toBeUndefined();
  });

  it('dayParts and monthIndex', () => {
    expect(dayParts(iso('2024-02-29'))).toEqual({ year: 2024, month: 2, day: 29 });
    expect(monthIndex(iso('2025-01-15'))).toBe(2025 * 12);
    expect(monthIndex(iso('2025-12-31'))).toBe(2025 * 12 + 11);
  });
});

describe('Excel serials', () => {
  it('45657 is 2024-12-31', () => {
    expect(parseDate(45657)).toEqual({ kind: 'date', day: 20088 });
    expect(dayToSerial(20088)).toBe(45657);
    expect(EXCEL_EPOCH_OFFSET).toBe(25569);
    expect(dateOf(25569)).toBe('1970-01-01');
  });

  it('serial 1 is 1900-01-01 and the phantom 29 Feb 1900 is handled', () => {
    expect(dateOf(1)).toBe('1900-01-01');
    expect(dateOf(31)).toBe('1900-01-31');
    expect(dateOf(59)).toBe('1900-02-28');
    expect(dateOf(60)).toBe('1900-02-28'); // Excel's non-existent 29 Feb 1900
    expect(dateOf(61)).toBe('1900-03-01');
    expect(dayToSerial(iso('1900-01-01'))).toBe(1);
    expect(dayToSerial(iso('1900-02-28'))).toBe(59);
    expect(dayToSerial(iso('1900-03-01'))).toBe(61);
  });

  it('serial → day → serial round-trips (except the phantom 60)', () => {
    for (let s = 1; s < 400; s++) if (s !== 60) expect(dayToSerial(serialToDay(s))).toBe(s);
    fc.assert(fc.property(fc.integer({ min: 61, max: 2958465 }), (s) => dayToSerial(serialToDay(s)) === s));
  });

  it('a fractional serial keeps the day and drops the time', () => {
    expect(dateOf(45657.75)).toBe('2024-12-31');
    expect(dateOf(45657.999999)).toBe('2024-12-31');
    expect(dateOf('45657.5')).toBe('2024-12-31');
    expect(dateOf('45657')).toBe('2024-12-31');
  });

  it('the last valid serial is 9999-12-31; out of range is #NUM!', () => {
    expect(dateOf(2958465)).toBe('9999-12-31');
    for (const v of [0, 0.5, -1, 2958466, NaN, Infinity]) expect(parseDate(v)).toEqual({ kind: 'error', code: '#NUM!' });
  });
});

describe('parseDate', () => {
  it('reads Date objects by their UTC day, ignoring the time', () => {
    expect(dateOf(new Date(Date.UTC(2025, 11, 31)))).toBe('2025-12-31');
    expect(dateOf(new Date(Date.UTC(2025, 11, 31, 23, 59)))).toBe('2025-12-31');
    expect(parseDate(new Date('nonsense'))).toEqual({ kind: 'error', code: '#VALUE!' });
  });

  it.each([
    ['31.12.2025', '2025-12-31'],
    ['31.12.25', '2025-12-31'],
    ['1.1.2025', '2025-01-01'],
    ['01.01.49', '2049-01-01'],
    ['01.01.50', '1950-01-01'],
    ['31.12.2025 г.', '2025-12-31'],
    ['31.12.2025 14:05', '2025-12-31'],
    ['2025-12-31', '2025-12-31'],
    ['2025-12-31 14:05', '2025-12-31'],
    ['2025-12-31T14:05:00Z', '2025-12-31'],
    ['2025-12-31T14:05:00.123+03:00', '2025-12-31'],
    ['  2025-01-05  ', '2025-01-05'],
    ['12/31/2025', '2025-12-31'],
    ['31/12/2025', '2025-12-31'],
    ['03/03/2025', '2025-03-03'],
    ['29.02.2024', '2024-02-29'],
  ])('%p → %s', (text, want) => {
    expect(dateOf(text)).toBe(want);
  });

  it('03/04/2025 is ambiguous without an order, with both readings', () => {
    const r = parseDate('03/04/2025');
    expect(r.kind).toBe('ambiguous');
    if (r.kind === 'ambiguous') expect(r.candidates.map(dayToIso)).toEqual(['2025-04-03', '2025-03-04']);
  });

  it('an order hint resolves slash dates', () => {
    expect(dateOf('03/04/2025', 'dmy')).toBe('2025-04-03');
    expect(dateOf('03/04/2025', 'mdy')).toBe('2025-03-04');
    expect(dateOf('1/2/25 3:04 PM', 'mdy')).toBe('2025-01-02');
    // a hint that contradicts the text gives text, not a wrong date
    expect(parseDate('12/31/2025', 'dmy')).toEqual({ kind: 'text', text: '12/31/2025' });
    expect(parseDate('31/12/2025', 'mdy')).toEqual({ kind: 'text', text: '31/12/2025' });
  });

  it('the order hint does not affect dotted and ISO dates', () => {
    expect(dateOf('03.04.2025', 'mdy')).toBe('2025-04-03');
    expect(dateOf('2025-04-03', 'mdy')).toBe('2025-04-03');
  });

  it.each([['31.02.2025'], ['29.02.2025'], ['2025-13-01'], ['2025-02-30'], ['32/01/2025'], ['13/13/2025'], ['foo'], ['2025-12'], ['31.12.2025.']])(
    'invalid %p → text',
    (t) => {
      expect(parseDate(t)).toEqual({ kind: 'text', text: t });
    },
  );

  it('blanks, errors and booleans', () => {
    expect(parseDate(null)).toEqual({ kind: 'blank' });
    expect(parseDate(undefined)).toEqual({ kind: 'blank' });
    expect(parseDate('')).toEqual({ kind: 'blank' });
    expect(parseDate('   ')).toEqual({ kind: 'blank' });
    expect(parseDate('#N/A')).toEqual({ kind: 'error', code: '#N/A' });
    expect(parseDate('#VALUE!')).toEqual({ kind: 'error', code: '#VALUE!' });
    expect(parseDate(true)).toEqual({ kind: 'text', text: 'true' });
  });
});

describe('addMonths', () => {
  it.each([
    ['2025-08-31', -6, '2025-02-28'],
    ['2024-08-31', -6, '2024-02-29'], // leap year
    ['2025-03-31', -1, '2025-02-28'],
    ['2024-03-31', -1, '2024-02-29'],
    ['2025-01-31', 1, '2025-02-28'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2025-12-31', -6, '2025-06-30'],
    ['2025-06-30', -6, '2024-12-30'],
    ['2024-02-29', 12, '2025-02-28'],
    ['2024-02-29', -12, '2023-02-28'],
    ['2024-02-29', 48, '2028-02-29'],
    ['2025-01-15', -13, '2023-12-15'],
    ['2025-01-15', 0, '2025-01-15'],
    ['2025-10-31', 4, '2026-02-28'],
    ['2100-03-31', -1, '2100-02-28'], // 2100 is not a leap year
  ])('%s %+d months → %s', (from, m, want) => {
    expect(dayToIso(addMonths(iso(from), m))).toBe(want);
  });

  it('never lands after the same day-of-month and always in the target month', () => {
    fc.assert(
      fc.property(fc.integer({ min: iso('1950-01-01'), max: iso('2150-12-31') }), fc.integer({ min: -240, max: 240 }), (d, m) => {
        const r = addMonths(d, m);
        const p = dayParts(d);
        const q = dayParts(r);
        return monthIndex(r) === monthIndex(d) + m && q.day <= p.day && (q.day === p.day || dayParts(r + 1).day === 1);
      }),
    );
  });
});

describe('inferDateOrder', () => {
  it('a first part above 12 means dmy, a second part above 12 means mdy', () => {
    expect(inferDateOrder(['13/01/2025', '01/02/2025'])).toBe('dmy');
    expect(inferDateOrder(['01/13/2025', '01/02/2025'])).toBe('mdy');
  });

  it('no evidence or contradicting evidence gives undefined', () => {
    expect(inferDateOrder(['01/02/2025', '03/04/2025'])).toBeUndefined();
    expect(inferDateOrder(['13/01/2025', '01/13/2025'])).toBeUndefined();
    expect(inferDateOrder([45000, null, new Date(0), '31.12.2025', '2025-12-31'])).toBeUndefined();
  });

  it('stops after `limit` text cells', () => {
    expect(inferDateOrder(['01/02/2025', '01/02/2025', '13/01/2025'], 2)).toBeUndefined();
    expect(inferDateOrder(['01/02/2025', '01/02/2025', '13/01/2025'])).toBe('dmy');
  });
});
