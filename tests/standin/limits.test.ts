import { createStandIn, ErrorCodes, FIVE_MB, modelFromGrid } from '../../src/workbench/standin';
import { failure } from './support';

const names = (n: number) => Array.from({ length: n }, (_, i) => [`Клиент номер ${i}`, i * 10.5, `manager${i % 50}@example.ru`]);


describe('payload limits (5 MB per request and per response)', () => {
  it('refuses a write whose request is over 5 MB, applies nothing, and accepts the same data in chunks', async () => {
    const rows = names(100_000); // ~7 MB of JSON (Cyrillic is 2 bytes a letter in UTF-8)
    const s = createStandIn(modelFromGrid([{ name: 'Data', values: [['Client', 'Revenue', 'Email']] }]));
    const e = await failure(
      s.run(async (context) => {
        const ws = context.workbook.worksheets.getItem('Data');
        ws.getRange('A1').values = [['changed']];
        ws.getRangeByIndexes(1, 0, rows.length, 3).values = rows;
        await context.sync();
      }),
    );
    expect(e.code).toBe(ErrorCodes.RequestPayloadSizeLimitExceeded);
    expect(e.message).toMatch(/request payload size has exceeded the limit/);
    expect(s.stats.requestBytes[0]).toBeGreaterThan(FIVE_MB);
    expect(s.stats.responseBytes[0]).toBe(0);
    expect(s.model.sheet('Data').cell('A1').value).toBe('Client'); // the request never ran
    expect(s.model.sheet('Data').cell('A2').value).toBeUndefined();

    s.stats.reset();
    await s.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('Data');
      const chunk = 25_000;
      for (let start = 0; start < rows.length; start += chunk) {
        ws.getRangeByIndexes(1 + start, 0, Math.min(chunk, rows.length - start), 3).values = rows.slice(start, start + chunk);
        await context.sync();
      }
    });
    expect(s.stats.syncs).toBe(4);
    expect(s.stats.maxRequestBytes).toBeLessThan(FIVE_MB);
    expect(s.stats.requestBytes).toHaveLength(4);
    expect(s.model.sheet('Data').read('A100001:C100001')).toEqual([rows[99_999]]);
  });

  it('refuses a read whose response is over 5 MB, and serves it in chunks', async () => {
    const rows = names(100_000);
    const s = createStandIn(modelFromGrid([{ name: 'Data', values: rows }]));
    const e = await failure(
      s.run(async (context) => {
        const r = context.workbook.worksheets.getItem('Data').getUsedRange().load('values');
        await context.sync();
        return r.values;
      }),
    );
    expect(e.code).toBe(ErrorCodes.ResponsePayloadSizeLimitExceeded);
    expect(s.stats.responseBytes[0]).toBeGreaterThan(FIVE_MB);

    s.stats.reset();
    const all = await s.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('Data');
      const used = ws.getUsedRange(true).load('rowCount, columnCount');
      await context.sync();
      const out: unknown[][] = [];
      for (let start = 0; start < used.rowCount; start += 30_000) {
        const r = ws.getRangeByIndexes(start, 0, Math.min(30_000, used.rowCount - start), used.columnCount).load('values');
        await context.sync();
        out.push(...r.values);
      }
      return out;
    });
    expect(all).toEqual(rows);
    expect(s.stats.maxResponseBytes).toBeLessThan(FIVE_MB);
    expect(s.stats.syncs).toBe(5);
  });

  it('counts the whole request: many small writes in one sync add up', async () => {
    const s = createStandIn(modelFromGrid([{ name: 'Data', values: [] }]), { requestLimitBytes: 10_000 });
    const e = await failure(
      s.run(async (context) => {
        const ws = context.workbook.worksheets.getItem('Data');
        for (let i = 0; i < 200; i++) ws.getRangeByIndexes(i, 0, 1, 1).values = [[`value ${i}`]];
        await context.sync();
      }),
    );
    expect(e.code).toBe(ErrorCodes.RequestPayloadSizeLimitExceeded);
  });

  it('caps a single range read at 5,000,000 cells whatever the byte limit', async () => {
    const s = createStandIn(modelFromGrid([{ name: 'Data', values: [[1]] }]), { responseLimitBytes: Number.MAX_SAFE_INTEGER });
    const e = await failure(
      s.run(async (context) => {
        context.workbook.worksheets.getItem('Data').getRange('A1:E1000001').load('values');
        await context.sync();
      }),
    );
    expect(e.code).toBe(ErrorCodes.ResponsePayloadSizeLimitExceeded);
    expect(e.message).toMatch(/5000005 cells/);
    expect(e.debugInfo.errorLocation).toBe('Range.values');
    // 5,000,000 exactly is allowed (and cheap here: the cells are blank)
    await s.run(async (context) => {
      const r = context.workbook.worksheets.getItem('Data').getRange('A1:E1000000').load('rowCount');
      await context.sync();
      expect(r.rowCount).toBe(1_000_000);
    });
  });

  it('fails a whole-column read of blanks on bytes: 1,048,576 empty strings are over 5 MB', async () => {
    const s = createStandIn(modelFromGrid([{ name: 'Data', values: [[1]] }]));
    const e = await failure(
      s.run(async (context) => {
        context.workbook.worksheets.getItem('Data').getRange('A:A').load('values');
        await context.sync();
      }),
    );
    expect(e.code).toBe(ErrorCodes.ResponsePayloadSizeLimitExceeded);
  });

  it('honours a configured limit and records per-sync sizes', async () => {
    const s = createStandIn(modelFromGrid([{ name: 'Data', values: names(10) }]), { responseLimitBytes: 200 });
    const e = await failure(
      s.run(async (context) => {
        context.workbook.worksheets.getItem('Data').getRange('A1:C10').load('values');
        await context.sync();
      }),
    );
    expect(e.code).toBe(ErrorCodes.ResponsePayloadSizeLimitExceeded);
    expect(s.stats.failedSyncs).toBe(1);
    expect(s.stats.errors).toEqual(['ResponsePayloadSizeLimitExceeded']);
    s.stats.reset();
    expect(s.stats).toMatchObject({ syncs: 0, requestBytes: [], responseBytes: [], maxRequestBytes: 0, maxResponseBytes: 0 });
  });
});
