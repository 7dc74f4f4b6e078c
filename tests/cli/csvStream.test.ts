/**
 * The streamed CSV read (src/cli/csvStream.ts) against reading the whole text as a grid: the same
 * analysis — figures, clients, issues, notes — on the hostile corpus and on generated hostile
 * logs long enough to stream, with chunks small enough to cut quoted fields, multibyte UTF-8,
 * CRLF pairs and Windows-1251 text anywhere; and the bounds: a file beyond what the reader should
 * hold stops with a message naming the rows read, never an out-of-memory abort.
 */
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { gzipSync } from 'zlib';
import { analyzeCsv, CsvLimits } from '../../src/cli/csvStream';
import { InputError } from '../../src/cli/readInput';
import { analysisSummary, analyzeGrid, Analysis, AnalyzeOptions } from '../../src/core/analyze';
import { detectDelimiter, parseCsv } from '../../src/core/csv';
import { msg } from '../../src/core/messages';
import { decodeText } from '../../src/core/decodeText';
import { hostileCorpus, encode } from '../corpus/hostileFiles';
import { hostileLogCsv } from '../core/helpers/hostileLogs';

let tmp: string;
beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'client-tiers-stream-'));
});
afterAll(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

/** All an analysis says, as plain data (Maps as arrays). */
function plain(a: Analysis): unknown {
  return JSON.parse(
    JSON.stringify({ summary: analysisSummary(a, 'en'), clients: a.clients, issues: a.aggregation.issues, table: a.table, window: a.aggregation.window }, (_k, v) =>
      v instanceof Map ? [...v] : typeof v === 'number' && !Number.isFinite(v) ? String(v) : v,
    ),
  );
}

/** The whole file decoded and parsed at once (what the command line did before streaming). */
function byGrid(bytes: Buffer, options: AnalyzeOptions): unknown {
  const { text, encoding } = decodeText(bytes);
  const delimiter = detectDelimiter(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  const grid = parseCsv(text, delimiter);
  try {
    return plain(analyzeGrid(grid, { ...options, inputNotes: encoding === 'utf-8' ? [] : [msg('input.encoding', { encoding, delimiter })] }));
  } catch (e) {
    return `refused: ${(e as Error).message}`;
  }
}

async function byStream(file: string, options: AnalyzeOptions, limits: CsvLimits): Promise<{ result: unknown; streamed: boolean }> {
  try {
    const r = await analyzeCsv(file, (sheet) => ({ ...options, inputNotes: sheet.notes }), undefined, limits);
    return { result: plain(r.analysis), streamed: r.streamed };
  } catch (e) {
    return { result: `refused: ${(e as Error).message.replace(/^Sheet "[^"]*": /, '')}`, streamed: false };
  }
}

function sameReading(a: unknown, b: unknown): void {
  expect(a).toEqual(b);
}

describe('streamed CSV read = whole-grid read', () => {
  it('on every CSV of the hostile corpus, in 7-byte chunks (quotes, UTF-8, UTF-16, CRLF and 1251 cut anywhere)', async () => {
    const corpus = (await hostileCorpus()).filter((f) => /\.(csv|tsv|txt)$/i.test(f.name));
    expect(corpus.length).toBeGreaterThan(5);
    for (const f of corpus) {
      const file = path.join(tmp, f.name);
      await fs.writeFile(file, f.bytes);
      const s = await byStream(file, {}, { chunkBytes: 7 });
      sameReading({ file: f.name, r: s.result }, { file: f.name, r: byGrid(f.bytes, {}) });
    }
  });

  const logs: Array<[string, Parameters<typeof hostileLogCsv>[0]]> = [
    ['ru, orders, manager, sorted dates', { rows: 26000, seed: 11, format: 'ru', orders: true, manager: true, mess: 0.05 }],
    ['en, margin, shuffled dates', { rows: 25500, seed: 12, format: 'en', margin: true, shuffled: true, mess: 0.08 }],
    ['slash dates, LF line ends, orders', { rows: 25200, seed: 13, format: 'slash', orders: true, eol: '\n', mess: 0.03 }],
  ];
  for (const [name, o] of logs) {
    it(`on a generated hostile log (${name}), streamed in 1,000-byte chunks, every window`, async () => {
      const text = hostileLogCsv(o);
      const bytes = Buffer.from(text, 'utf8');
      const file = path.join(tmp, `log-${o.seed}.csv`);
      await fs.writeFile(file, bytes);
      for (const options of [{}, { windowMonths: 'all' as const }, { windowMonths: 1 }, { asOfDay: 20300, periods: true }]) {
        const s = await byStream(file, options, { chunkBytes: 1000 });
        expect(s.streamed).toBe(true);
        sameReading(s.result, byGrid(bytes, options));
      }
    });
  }

  it('a file in a one-byte code page whose first non-ASCII byte comes after the first chunks is read again in the code page', async () => {
    const text = hostileLogCsv({ rows: 25000, seed: 21, format: 'ru', mess: 0 }).replace(/Клиент|Дата|Сумма/g, (w) => ({ Клиент: 'Client', Дата: 'Date', Сумма: 'Amount' })[w]!);
    // ASCII names first, Cyrillic later: the UTF-8 check fails only deep in the file
    const lines = text.split('\r\n');
    const ascii = lines.map((l, i) => (i < 20000 ? l.replace(/[^ -~\r\n\t]/g, 'x') : l)).join('\r\n');
    const bytes = encode(ascii, 'windows-1251');
    const file = path.join(tmp, 'late-1251.csv');
    await fs.writeFile(file, bytes);
    const s = await byStream(file, {}, { chunkBytes: 4093 });
    expect(s.streamed).toBe(true);
    sameReading(s.result, byGrid(bytes, {}));
    // the code page is guessed on the first 64 KiB, as decodeText guesses it on the whole file
    expect((s.result as { summary: { notes: string[] } }).summary.notes[0]).toMatch(/read as windows-125[12] text/);
  });

  it('a .csv.gz streams through gunzip', async () => {
    const bytes = Buffer.from(hostileLogCsv({ rows: 25000, seed: 31, format: 'en', orders: true }), 'utf8');
    const file = path.join(tmp, 'log.csv.gz');
    await fs.writeFile(file, gzipSync(bytes));
    const s = await byStream(file, { windowMonths: 'all' }, {});
    expect(s.streamed).toBe(true);
    sameReading(s.result, byGrid(bytes, { windowMonths: 'all' }));
  });

  it('a second table under a long log: the grid path decides (no figure from the wrong rows)', async () => {
    const log = hostileLogCsv({ rows: 25000, seed: 41, format: 'ru', mess: 0 });
    const text = log.trimEnd() + '\r\n\r\nДата;Клиент;Сумма\r\n01.01.2025;Другой;5\r\n';
    const bytes = Buffer.from(text, 'utf8');
    const file = path.join(tmp, 'stacked.csv');
    await fs.writeFile(file, bytes);
    const s = await byStream(file, {}, {});
    expect(s.streamed).toBe(false);
    sameReading(s.result, byGrid(bytes, {}));
    expect(JSON.stringify(s.result)).not.toMatch(/Другой/);
  });
});

describe('bounds: a clear refusal, never an abort', () => {
  const log = () => Buffer.from(hostileLogCsv({ rows: 30000, seed: 51, format: 'ru', mess: 0 }), 'utf8');

  it('more clients than the streamed log may hold: the rows read and the next step, in both languages', async () => {
    const file = path.join(tmp, 'many-clients.csv');
    await fs.writeFile(file, log());
    const e = await analyzeCsv(file, () => ({}), undefined, { maxClients: 50 }).then(
      () => undefined,
      (x: unknown) => x,
    );
    expect(e).toBeInstanceOf(InputError);
    const m = (e as InputError).messages!;
    expect(m.en).toMatch(/too large for the in-memory reader: stopped after [\d,]+ rows \(more than 50 distinct clients\)\. Split the file/);
    expect(m.ru).toMatch(/слишком велик.*остановлено после [\d ]+ строк.*больше 50 разных клиентов.*Разделите файл/);
  });

  it('a table read whole beyond its cell bound (the >512 MiB class, with a small bound)', async () => {
    // one row per client is read whole as a grid
    const rows = ['Клиент;Выручка', ...Array.from({ length: 30000 }, (_, i) => `Клиент ${i};${i + 1},50`)].join('\r\n');
    const file = path.join(tmp, 'clients.csv');
    await fs.writeFile(file, rows);
    const e = (await analyzeCsv(file, () => ({}), undefined, { maxGridCells: 40000 }).catch((x: unknown) => x)) as InputError;
    expect(e).toBeInstanceOf(InputError);
    expect(e.messages!.en).toMatch(/stopped after 20,000 rows \(a table that is read whole holds at most 40,000 cells\)/);
    // within the bound the same file is analysed
    const ok = await analyzeCsv(file, () => ({}), undefined, { maxGridCells: 70000 });
    expect(ok.analysis.concentration.clients).toBe(30000);
  });

  it('a quote that never closes stops at the row bound with the row number', async () => {
    const text = 'Дата;Клиент;Сумма\r\n01.01.2025;"Незакрытая;10\r\n' + '02.01.2025;Б;5\r\n'.repeat(5000);
    const file = path.join(tmp, 'open-quote.csv');
    await fs.writeFile(file, text);
    const e = (await analyzeCsv(file, () => ({}), undefined, { maxRowChars: 10000, chunkBytes: 4096 }).catch((x: unknown) => x)) as InputError;
    expect(e).toBeInstanceOf(InputError);
    expect(e.messages!.en).toMatch(/row 2 runs on for more than .* a quote \(”?"?\)? that is never closed/);
    expect(e.messages!.ru).toMatch(/строка 2 тянется/);
  });
});
