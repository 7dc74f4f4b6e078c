import { analyzeGrid } from '../../src/core/analyze';
import { CellValue } from '../../src/core/cells';
import { dayToSerial, isoToDay } from '../../src/core/parseDate';
import { CLIENT_SHEET_HEADERS, clientSheetRow, RESULT_HEADERS, resultRow, summaryRows } from '../../src/core/resultColumns';
import { STATUS_LABELS } from '../../src/core/tiering';
import { detectTable } from '../../src/core/table';

const sheet = (rows: Array<[string, number, string?]>, header = ['Клиент', 'Выручка', 'Статус клиента']): CellValue[][] => [header, ...rows.map((r) => [r[0], r[1], r[2] ?? ''])];

describe('result columns', () => {
  const grid = sheet([
    ['Альфа', 500_000, 'VIP'],
    ['Бета', 300_000, 'VIP'],
    ['Гамма', 200_000, ''],
    ['Дельта', 0, ''],
  ]);
  const a = analyzeGrid(grid, { asOfDay: isoToDay('2025-12-31') });
  const byName = Object.fromEntries(a.clients.map((c) => [c.name, c]));

  it('headers in both languages have the same columns', () => {
    expect(RESULT_HEADERS.en).toHaveLength(6);
    expect(RESULT_HEADERS.ru).toHaveLength(6);
    expect(CLIENT_SHEET_HEADERS.en).toHaveLength(13);
    expect(CLIENT_SHEET_HEADERS.ru).toHaveLength(13);
  });

  it('resultRow: tier, ABC, status label, reason, reviews below, next review serial', () => {
    // as of 31 Dec 2025 (H2 2025): the next review is the first day of the next period
    const next = dayToSerial(isoToDay('2026-01-01')!);
    const b = byName['Бета'];
    expect(resultRow(b, a, 'en')).toEqual(['VIP', 'A', STATUS_LABELS.grace.en, b.decision.reason.en, 1, next]);
    expect(resultRow(b, a, 'ru')).toEqual(['VIP', 'A', 'Предупреждение', b.decision.reason.ru, 1, next]);
    expect(resultRow(byName['Дельта'], a, 'en')[1]).toBe('—'); // no ABC class for total 0
  });

  it('clientSheetRow: figures rounded to cents, last order as a serial', () => {
    const row = clientSheetRow(byName['Альфа'], a, 'en');
    expect(row.slice(0, 7)).toEqual(['Альфа', 500_000, 500_000, 0, null, 0.5, 0.5]);
    expect(row.slice(7)).toEqual(resultRow(byName['Альфа'], a, 'en'));
  });

  it('summaryRows keep numbers as numbers', () => {
    const en = Object.fromEntries(summaryRows(a, 'en'));
    expect(en['Rule set']).toBe('Pareto 50/80');
    expect(en['Total']).toBe(1_000_000);
    expect(en['Clients with revenue > 0']).toBe(3);
    expect(en['Excluded (total ≤ 0)']).toBe(1);
    expect(en['VIP: bar']).toBe(500_000);
    expect(en['Key: bar']).toBe(300_000);
    expect(en['Class A: clients']).toBe(2);
    expect(en['Status: Grace warning']).toBe(1);
    expect(en['Review window']).toBe('as in the sheet');
    const ru = Object.fromEntries(summaryRows(a, 'ru'));
    expect(ru['Итого']).toBe(1_000_000);
    expect(ru['Статус: Предупреждение']).toBe(1);
  });

  it('the review window in words for a transaction log', () => {
    const log = analyzeGrid([
      ['Date', 'Client', 'Amount'],
      ['2025-07-01', 'A', 1],
      ['2025-12-31', 'A', 1],
    ]);
    expect(Object.fromEntries(summaryRows(log, 'ru'))['Окно пересмотра']).toBe('01.07.2025 – 31.12.2025');
    expect(Object.fromEntries(summaryRows(log, 'en'))['Review window']).toBe('1 Jul 2025 – 31 Dec 2025');
  });
});

describe('the state travels with the workbook', () => {
  /** Append the result columns to a client sheet as an apply would. */
  function apply(grid: CellValue[][], lang: 'en' | 'ru'): CellValue[][] {
    const a = analyzeGrid(grid);
    const out = grid.map((r) => [...r]);
    out[a.table.headerRow].push(...RESULT_HEADERS[lang]);
    for (const c of a.clients) for (const r of c.rows) out[r].push(...resultRow(c, a, lang));
    return out;
  }

  it.each(['en', 'ru'] as const)('result headers are recognised again (%s)', (lang) => {
    const grid = apply(
      sheet([
        ['A', 100],
        ['B', 50],
      ]),
      lang,
    );
    const t = detectTable(grid);
    expect(t.columns.tier!.header).toBe(RESULT_HEADERS[lang][0]);
    expect(t.columns.status!.header).toBe(RESULT_HEADERS[lang][2]);
    expect(t.columns.reviewsBelow!.header).toBe(RESULT_HEADERS[lang][4]);
  });

  it.each(['en', 'ru'] as const)('grace, then down at the next review, then the client stays down (%s)', (lang) => {
    // review 1: Бета falls below VIP → grace
    const first = sheet(
      [
        ['Альфа', 500_000],
        ['Бета', 300_000, 'VIP'],
        ['Гамма', 200_000],
      ],
      lang === 'en' ? ['Client', 'Revenue', 'Category'] : undefined,
    );
    const r1 = apply(first, lang);
    const betaRow = r1.find((row) => row[0] === 'Бета')!;
    expect(betaRow.slice(3, 6)).toEqual(['VIP', 'A', STATUS_LABELS.grace[lang]]);
    expect(betaRow[7]).toBe(1);
    // review 2 reads the written columns: still below → down to Key
    const a2 = analyzeGrid(r1);
    const beta2 = a2.clients.find((c) => c.name === 'Бета')!;
    expect(beta2.reviewsBelow).toBe(1);
    expect(beta2.decision).toMatchObject({ tier: 'Key', status: 'down' });
    // review 3 from the sheet written after review 2: the written tier (Key) wins over the
    // client's own column, which still says VIP
    const r2 = r1.map((row) => [...row]);
    const tierCol = r2[0].indexOf(RESULT_HEADERS[lang][0]);
    for (const c of a2.clients) for (const r of c.rows) resultRow(c, a2, lang).forEach((v, k) => (r2[r][tierCol + k] = v));
    const beta3 = analyzeGrid(r2).clients.find((c) => c.name === 'Бета')!;
    expect(beta3.previousTier).toBe('Key');
    expect(beta3.decision.status).toBe('keep');
  });
});
