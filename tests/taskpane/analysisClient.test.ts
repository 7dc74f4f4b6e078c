/**
 * The pane's analysis client: the worker path (the real worker code behind a structured-clone
 * boundary, see fakeWorker.ts) gives exactly core's analysis, in bounded messages; Cancel ends
 * the worker and the next job starts a new one; errors keep both languages; a worker that cannot
 * start falls back to the inline path.
 */
import { Analysis, analyzeGrid } from '../../src/core/analyze';
import { CellValue } from '../../src/core/cells';
import { seededRandom } from '../../src/core/seededRandom';
import { userMessage } from '../../src/excel/errors';
import { CancelledError } from '../../src/excel/host';
import { createAnalysisClient, InlineAnalysis, WorkerAnalysis } from '../../src/taskpane/analysis/client';
import { detectTable, TableNotFoundError } from '../../src/core/table';
import { AnalyzeRequest, CLIENTS_PER_MESSAGE, ROWS_PER_MESSAGE } from '../../src/taskpane/analysis/protocol';
import { DEFAULT_RULES } from '../../src/core/rules';
import { fakeSpawner, FakeWorker } from './fakeWorker';

/**
 * A transaction log in both number styles: Russian text amounts ("1 234,50"), English numbers,
 * negatives (returns), blanks, text in the amount column, duplicated clients in both cases.
 */
function log(rows: number, clients: number, seed = 7): CellValue[][] {
  const rnd = seededRandom(seed);
  const grid: CellValue[][] = [['Дата', 'Клиент', 'Сумма']];
  for (let i = 0; i < rows; i++) {
    const c = Math.floor(clients * Math.pow(rnd(), 1.5));
    const amount = Math.round(rnd() * 500000) / 100;
    const kind = i % 10;
    const cell: CellValue =
      kind === 0 ? amount.toFixed(2).replace('.', ',').replace(/\B(?=(\d{3})+(?!\d))/g, ' ') : kind === 1 ? -amount : kind === 2 ? '' : kind === 3 && i % 1000 === 3 ? 'n/a' : amount;
    grid.push([45292 + Math.floor(rnd() * 700), (i % 2 ? 'ООО Клиент ' : 'ооо клиент ') + c, cell]);
  }
  return grid;
}

const REQUEST: AnalyzeRequest = { rules: DEFAULT_RULES, windowMonths: 'all', periods: true, previous: new Map([['ооо клиент 1', { tier: 'VIP', reviewsBelow: 1 }]]) };

/**
 * Equal to core's analysis, down to every decision's reason text (a lazy getter in core, which
 * toEqual would not compare).
 */
function expectSame(a: Analysis, expected: Analysis): void {
  const data = (x: Analysis) => ({ ...x, clients: x.clients.map((c) => ({ ...c, decision: { ...c.decision, reason: undefined } })) });
  expect(data(a)).toEqual(data(expected));
  expect(a.clients.map((c) => c.decision.reason)).toEqual(expected.clients.map((c) => c.decision.reason));
}

const rowsOf = (json: string) => JSON.parse(json) as CellValue[][];

function chunks(values: CellValue[][], size: number): Array<[number, CellValue[][]]> {
  const out: Array<[number, CellValue[][]]> = [];
  for (let s = 0; s < values.length; s += size) out.push([s, values.slice(s, s + size)]);
  return out;
}

describe('analysis in a worker', () => {
  const grid = log(45000, 9000);
  const expected = analyzeGrid(grid, REQUEST);

  test('rows streamed while read: the same analysis as core, clients back in slices', async () => {
    const { spawn, workers } = fakeSpawner();
    const client = createAnalysisClient(spawn);
    expect(client.mode).toBe('worker');
    const stream = client.stream();
    for (const [start, rows] of chunks(grid, 7000)) stream.add(start, rows);
    stream.finish(grid);
    const progress: Array<number | undefined> = [];
    const a = await client.analyze(grid, REQUEST, { onProgress: (d) => progress.push(d) });
    expectSame(a, expected);
    expect(a.clients.length).toBeGreaterThan(CLIENTS_PER_MESSAGE);
    const w = workers[0];
    // the grid went once, as read; no second copy for the analysis
    expect(w.received.filter((m) => m.kind === 'rows').map((m) => (m.kind === 'rows' ? rowsOf(m.json).length : 0))).toEqual(chunks(grid, 7000).map(([, r]) => r.length));
    const slices = w.sent.filter((m) => m.kind === 'clients');
    expect(slices).toHaveLength(Math.ceil(a.clients.length / CLIENTS_PER_MESSAGE));
    for (const m of slices) if (m.kind === 'clients') expect(m.clients.length).toBeLessThanOrEqual(CLIENTS_PER_MESSAGE);
    // unknown while the worker computes, then rising to 1 as the slices arrive
    expect(progress[0]).toBeUndefined();
    const known = progress.filter((p): p is number => p !== undefined);
    expect(known[known.length - 1]).toBe(1);
    expect([...known].sort((x, y) => x - y)).toEqual(known);
    client.dispose();
    expect(w.terminated).toBe(true);
  });

  test('a grid the worker does not hold is sent in slices of at most ROWS_PER_MESSAGE rows, covering every row once', async () => {
    const { spawn, workers } = fakeSpawner();
    const client = new WorkerAnalysis(spawn);
    const a = await client.analyze(grid, REQUEST);
    expectSame(a, expected);
    const rows = workers[0].received.filter((m) => m.kind === 'rows');
    expect(rows).toHaveLength(Math.ceil(grid.length / ROWS_PER_MESSAGE));
    let next = 0;
    for (const m of rows) {
      if (m.kind !== 'rows') continue;
      expect(m.start).toBe(next);
      const rows = rowsOf(m.json);
      expect(rows.length).toBeLessThanOrEqual(ROWS_PER_MESSAGE);
      expect(rows).toEqual(grid.slice(m.start, m.start + rows.length));
      next += rows.length;
    }
    expect(next).toBe(grid.length);
    // a second review of the same grid sends no rows again
    const before = workers[0].received.length;
    await client.analyze(grid, { ...REQUEST, rules: { ...DEFAULT_RULES, windowMonths: 12 } });
    expect(workers[0].received.slice(before).map((m) => m.kind)).toEqual(['analyze']);
  });

  test('Cancel during the analysis ends the worker; the next review starts a new one and sends the grid again', async () => {
    const { spawn, workers } = fakeSpawner();
    const client = new WorkerAnalysis(spawn);
    const stream = client.stream();
    for (const [start, rows] of chunks(grid, 10000)) stream.add(start, rows);
    stream.finish(grid);
    workers[0].hold();
    const ctrl = new AbortController();
    const job = client.analyze(grid, REQUEST, { signal: ctrl.signal });
    await new Promise((r) => setTimeout(r, 20));
    ctrl.abort();
    await expect(job).rejects.toBeInstanceOf(CancelledError);
    expect(workers[0].terminated).toBe(true);
    workers[0].release(); // a late answer of the ended worker changes nothing
    const again = await client.analyze(grid, REQUEST);
    expectSame(again, expected);
    expect(workers).toHaveLength(2);
    // the new worker gets the texts the grid was streamed in, not a new JSON of the rows
    const texts = (w: number) => workers[w].received.filter((m) => m.kind === 'rows').map((m) => (m.kind === 'rows' ? [m.start, m.json] : []));
    expect(texts(1)).toEqual(texts(0));
    expect(texts(1)).toHaveLength(Math.ceil(grid.length / 10000));
  });

  test('the table is found in the worker when it holds the grid (the same detection as core), here otherwise', async () => {
    const { spawn, workers } = fakeSpawner();
    const client = new WorkerAnalysis(spawn);
    const other = grid.slice(0, 100);
    // not streamed: found here, nothing sent
    expect(await client.detect(other, {})).toEqual(detectTable(other, {}));
    expect(workers.length === 0 || workers[0].received.every((m) => m.kind !== 'detect')).toBe(true);
    const stream = client.stream();
    for (const [start, rows] of chunks(grid, 9000)) stream.add(start, rows);
    stream.finish(grid);
    expect(await client.detect(grid, { today: 20000 })).toEqual(detectTable(grid, { today: 20000 }));
    expect(workers[0].received.filter((m) => m.kind === 'detect')).toHaveLength(1);
    // a grid with no table: core's own error (TableNotFoundError), as the pane checks for it
    const none: CellValue[][] = [['x'], ['y']];
    const s2 = client.stream();
    s2.add(0, none);
    s2.finish(none);
    await expect(client.detect(none, {})).rejects.toBeInstanceOf(TableNotFoundError);
    expect(workers[0].received.filter((m) => m.kind === 'detect')).toHaveLength(2);
  });

  test("the clients' periods come back packed and read as core's maps", async () => {
    const { spawn, workers } = fakeSpawner();
    const client = new WorkerAnalysis(spawn);
    const request = { ...REQUEST, periods: true };
    const a = await client.analyze(grid, request);
    const ref = analyzeGrid(grid, request);
    const slices = workers[0].sent.filter((m) => m.kind === 'clients');
    // no Map crosses the boundary: the amounts travel in typed arrays
    // (the pane has since put lazy getters on these very objects: look at the data property)
    for (const m of slices) if (m.kind === 'clients') expect(m.clients.filter((c) => Object.getOwnPropertyDescriptor(c, 'periods')?.value !== undefined).length).toBe(0);
    expect(slices.filter((m) => m.kind === 'clients' && m.periods !== undefined).length).toBeGreaterThan(1);
    expect(a.clients.length).toBe(ref.clients.length);
    let withPeriods = 0;
    for (let i = 0; i < ref.clients.length; i++) {
      expect(a.clients[i].periods).toEqual(ref.clients[i].periods);
      expect(a.clients[i].firstMonth).toBe(ref.clients[i].firstMonth);
      if (ref.clients[i].periods) withPeriods++;
    }
    expect(withPeriods).toBeGreaterThan(CLIENTS_PER_MESSAGE);
  });

  test('Cancel while the grid is being sent stops before the analysis', async () => {
    const { spawn, workers } = fakeSpawner();
    const client = new WorkerAnalysis(spawn);
    const ctrl = new AbortController();
    const job = client.analyze(grid, REQUEST, { signal: ctrl.signal, onProgress: (d) => d !== undefined && d > 0 && ctrl.abort() });
    await expect(job).rejects.toBeInstanceOf(CancelledError);
    expect(workers[0].received.some((m) => m.kind === 'analyze')).toBe(false);
  });

  test('an analysis error comes back in both languages, as the pane would have shown it', async () => {
    const { spawn } = fakeSpawner();
    const client = new WorkerAnalysis(spawn);
    const bad: CellValue[][] = [['Nothing', 'here'], [1, 2]];
    let direct: unknown;
    try {
      analyzeGrid(bad, REQUEST);
    } catch (e) {
      direct = e;
    }
    expect(direct).toBeDefined();
    const err = await client.analyze(bad, REQUEST).catch((e: unknown) => e);
    expect(userMessage(err, 'en')).toBe(userMessage(direct, 'en'));
    expect(userMessage(err, 'ru')).toBe(userMessage(direct, 'ru'));
    expect(userMessage(err, 'ru')).not.toBe(userMessage(err, 'en'));
  });

  test('a worker that cannot run (script blocked) falls back to the inline analysis, then stays inline', async () => {
    const workers: FakeWorker[] = [];
    const client = new WorkerAnalysis(() => {
      const w = new FakeWorker();
      // the worker script fails to load: an error event, no answers
      w.postMessage = () => setTimeout(() => w.onerror?.({ preventDefault: () => undefined } as ErrorEvent), 0);
      workers.push(w);
      return w;
    });
    expectSame(await client.analyze(grid, REQUEST), expected);
    expectSame(await client.analyze(grid, REQUEST), expected);
    expect(workers).toHaveLength(1);
    expect(workers[0].terminated).toBe(true);
  });

  test('no Worker at all: the inline client gives core’s analysis and honours Cancel between steps', async () => {
    const client = createAnalysisClient(undefined);
    expect(client).toBeInstanceOf(InlineAnalysis);
    expectSame(await client.analyze(grid, REQUEST), expected);
    const ctrl = new AbortController();
    const job = client.analyze(grid, REQUEST, { signal: ctrl.signal });
    ctrl.abort();
    await expect(job).rejects.toBeInstanceOf(CancelledError);
    // a spawn function that gives nothing (no Worker in this host) is the same
    expectSame(await new WorkerAnalysis(() => undefined).analyze(grid, REQUEST), expected);
  });
});
