/**
 * The command line on the hostile corpus (tests/corpus/hostileFiles.ts): files as managers have
 * them — CSVs in Windows-1251 / UTF-16 / UTF-8 with a BOM, `;` with decimal commas, title blocks,
 * subtotal rows in both languages, stacked tables, headers over two rows, workbooks with
 * formulas but no saved results, typed dates, "1,234" amounts. Every file gives the exact
 * totals per client, or exit code 1 with the message that says why — never a wrong figure
 * with exit code 0.
 */
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { cli } from '../helpers';
import { pickSheet, readInput } from '../../src/cli/readInput';
import { analyzeGrid, NumberLocale } from '../../src/core';
import { CorpusFile, hostileCorpus } from '../corpus/hostileFiles';

let tmp: string;
let corpus: CorpusFile[];

beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'client-tiers-corpus-'));
  corpus = await hostileCorpus();
  for (const f of corpus) await fs.writeFile(path.join(tmp, f.name), f.bytes);
});
afterAll(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

const KINDS: Array<CorpusFile['kind']> = ['encoding', 'subtotals', 'stacked', 'twoRowHeader', 'formulas', 'dates', 'thousands'];

function arg(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

async function check(f: CorpusFile): Promise<void> {
  const file = path.join(tmp, f.name);
  const r = await cli(['analyze', file, '--json', ...f.args]);
  if ('refused' in f.expect) {
    expect({ file: f.name, code: r.code }).toEqual({ file: f.name, code: 1 });
    expect(r.out).toBe('');
    expect(r.err).toMatch(f.expect.refused);
    const ru = await cli(['analyze', file, '--lang', 'ru', ...f.args]);
    expect(ru.code).toBe(1);
    expect(ru.err).toMatch(f.expect.refusedRu);
    return;
  }
  const want = f.expect.ok;
  expect({ file: f.name, code: r.code, err: r.err }).toEqual({ file: f.name, code: 0, err: '' });
  const j = JSON.parse(r.out);
  const names = Object.keys(want.clients);
  const total = Object.values(want.clients).reduce((a, b) => a + b, 0);
  expect(j.clients).toBe(names.length);
  expect(j.excluded).toBe(0);
  expect(j.total).toBeCloseTo(total, 2);
  if (want.rowsUsed !== undefined) expect(j.rowsUsed).toBe(want.rowsUsed);
  for (const re of want.notes ?? []) expect(j.notes.some((n: string) => re.test(n))).toBe(true);
  // no note about the encoding unless one is expected (plain UTF-8 needs none)
  if (!(want.notes ?? []).some((re) => /read as/.test(re.source))) expect(j.notes.filter((n: string) => /read as/.test(n))).toEqual([]);
  for (const re of want.issues ?? []) expect(j.issueSamples.some((s: string) => re.test(s))).toBe(true);
  // the same reading, client by client (what the CLI analysed, through the same functions)
  const input = await readInput(file);
  const sheet = pickSheet(input);
  const wm = arg(f.args, '--window-months');
  const a = analyzeGrid(sheet.grid, {
    numberLocale: arg(f.args, '--number-locale') as NumberLocale | undefined,
    windowMonths: wm === undefined ? undefined : wm === 'all' ? 'all' : +wm,
    formulasWithoutValue: sheet.formulasWithoutValue,
    inputNotes: sheet.notes,
  });
  const got = Object.fromEntries(a.clients.map((c) => [c.name, Math.round(c.total * 1000) / 1000]));
  const expected = Object.fromEntries(names.map((n) => [n.replace(/\s+/g, ' ').trim(), Math.round(want.clients[n] * 1000) / 1000]));
  expect({ file: f.name, clients: got }).toEqual({ file: f.name, clients: expected });
}

describe('the hostile corpus', () => {
  it('covers every class in both languages', () => {
    for (const kind of KINDS) {
      const files = corpus.filter((f) => f.kind === kind);
      expect(files.some((f) => /-ru-/.test(f.name))).toBe(true);
      expect(files.some((f) => /-en-/.test(f.name))).toBe(true);
    }
  });

  for (const kind of KINDS) {
    it(`${kind}: exact totals per client, or exit 1 with the reason`, async () => {
      const files = corpus.filter((f) => f.kind === kind);
      expect(files.length).toBeGreaterThan(0);
      for (const f of files) await check(f);
    });
  }
});
