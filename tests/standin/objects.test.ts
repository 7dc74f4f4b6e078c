import { createStandIn, ErrorCodes, modelFromGrid, StandIn } from '../../src/workbench/standin';
import { failure } from './support';

function book(): StandIn {
  return createStandIn(
    modelFromGrid([
      { name: 'Clients', values: [['Client', 'Revenue', 'Tier'], ['ACME', 100, 'VIP'], ['Globex', 250, 'Key'], ['Initech', 75, 'Standard']] },
      { name: 'Other', values: [['x']] },
    ]),
  );
}


describe('object identity across syncs', () => {
  it('keeps a worksheet object on the same sheet after a rename (Office re-addresses it by id)', async () => {
    const s = book();
    await s.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('Clients');
      await context.sync();
      ws.name = 'Customers';
      await context.sync();
      ws.getRange('D1').values = [['still here']];
      ws.load('name');
      await context.sync();
      expect(ws.name).toBe('Customers');
    });
    expect(s.model.sheet('Customers').cell('D1').value).toBe('still here');
  });

  it('instantiates objects where they were created in the queue', async () => {
    const s = book();
    const e = await failure(
      s.run(async (context) => {
        const early = context.workbook.worksheets.getItem('Later'); // queued before the add
        context.workbook.worksheets.add('Later');
        early.load('name');
        await context.sync();
      }),
    );
    expect(e.code).toBe(ErrorCodes.ItemNotFound);
  });

  it('makes an object returned by add() unusable after a request that never created it', async () => {
    const s = book();
    await s.run(async (context) => {
      context.workbook.worksheets.getItem('Missing'); // fails first
      const sheet = context.workbook.worksheets.add('New'); // never runs
      await expect(context.sync()).rejects.toMatchObject({ code: ErrorCodes.ItemNotFound });
      expect(() => sheet.load('name')).toThrow(expect.objectContaining({ code: ErrorCodes.InvalidObjectPath }));
    });
    expect(s.model.findSheet('New')).toBeUndefined();
  });

  it('delivers results of actions that ran before a failing one', async () => {
    const s = book();
    await s.run(async (context) => {
      const ok = context.workbook.worksheets.getItem('Clients').getRange('A2').load('values');
      context.workbook.worksheets.getItem('Nope');
      await expect(context.sync()).rejects.toMatchObject({ code: ErrorCodes.ItemNotFound });
      expect(ok.values).toEqual([['ACME']]);
    });
  });

  it('ignores writes to a null object', async () => {
    const s = book();
    await s.run(async (context) => {
      const ghost = context.workbook.worksheets.getItemOrNullObject('Ghost');
      await context.sync();
      expect(ghost.isNullObject).toBe(true);
      ghost.getRange('A1').values = [['lost']];
      ghost.delete();
      await context.sync();
    });
    expect(s.model.sheets.map((x) => x.name)).toEqual(['Clients', 'Other']);
  });

  it('refuses objects from another request context', async () => {
    const s = book();
    let outside: Excel.Range | undefined;
    await s.run(async (context) => {
      outside = context.workbook.worksheets.getItem('Clients').getRange('A1');
    });
    await s.run(async (context) => {
      const r = context.workbook.worksheets.getItem('Clients').getRange('B2');
      expect(() => r.getBoundingRect(outside as Excel.Range)).toThrow(expect.objectContaining({ code: 'InvalidRequestContext' }));
    });
  });
});

describe('range navigation and formats', () => {
  it('derives ranges like Office', async () => {
    const s = book();
    const got = await s.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('Clients');
      const used = ws.getUsedRange();
      const list = [
        used.getRow(1),
        used.getColumn(2),
        used.getCell(3, 1),
        used.getLastRow(),
        used.getEntireColumn(),
        used.getEntireRow(),
        ws.getRange('B2').getBoundingRect('D5'),
        ws.getRange('A1:C3').getIntersection('B2:D9'),
        used.getAbsoluteResizedRange(2, 2),
      ].map((r) => r.load('address'));
      const none = ws.getRange('A1').getIntersectionOrNullObject('C3');
      await context.sync();
      return [...list.map((r) => r.address), none.isNullObject];
    });
    expect(got).toEqual(['Clients!A2:C2', 'Clients!C1:C4', 'Clients!B4', 'Clients!A4:C4', 'Clients!A:C', 'Clients!1:4', 'Clients!B2:D5', 'Clients!B2:C3', 'Clients!A1:B2', true]);
  });

  it('refuses ranges off the grid and resizes to nothing', async () => {
    const s = book();
    for (const make of [
      (ws: Excel.Worksheet) => ws.getRange('A1').getOffsetRange(-1, 0),
      (ws: Excel.Worksheet) => ws.getRange('A1:B2').getResizedRange(-2, 0),
      (ws: Excel.Worksheet) => ws.getRangeByIndexes(0, 0, 0, 1),
      (ws: Excel.Worksheet) => ws.getRange('XFD1').getOffsetRange(0, 1),
    ]) {
      const e = await failure(
        s.run(async (context) => {
          make(context.workbook.worksheets.getItem('Clients'));
          await context.sync();
        }),
      );
      expect(e.code).toBe(ErrorCodes.InvalidArgument);
    }
  });

  it('reads uniform formats as values and mixed ones as null', async () => {
    const s = book();
    await s.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('Clients');
      ws.getRange('A1:C1').format.fill.color = '#d9e1f2';
      ws.getRange('A1:C1').format.font.bold = true;
      ws.getRange('A2').format.font.color = 'Red';
      ws.getRange('A:A').format.columnWidth = 150;
      const header = ws.getRange('A1:C1').format.load('columnWidth');
      header.fill.load('color');
      header.font.load('bold, color');
      const all = ws.getRange('A1:C2').format;
      all.fill.load('color');
      all.font.load('bold, color');
      const column = ws.getRange('A:A').format.load('columnWidth');
      await context.sync();
      expect([header.fill.color, header.font.bold, header.font.color, header.columnWidth]).toEqual(['#D9E1F2', true, '#000000', null]);
      expect([all.fill.color, all.font.bold, all.font.color]).toEqual([null, null, null]);
      expect(column.columnWidth).toBe(150);
      ws.getRange('A1:C1').format.fill.clear();
      const cleared = ws.getRange('A1').format.fill.load('color');
      await context.sync();
      expect(cleared.color).toBe('#FFFFFF');
    });
  });

  it('rejects colours Excel would not accept', async () => {
    const s = book();
    const e = await failure(
      s.run(async (context) => {
        context.workbook.worksheets.getItem('Clients').getRange('A1').format.fill.color = 'not-a-colour';
        await context.sync();
      }),
    );
    expect(e.code).toBe(ErrorCodes.InvalidArgument);
  });

  it('autofits columns to the displayed text', async () => {
    const s = book();
    s.model.sheet('Clients').setValue(1, 0, 'A much longer client name');
    await s.run(async (context) => context.workbook.worksheets.getItem('Clients').getRange('A:B').format.autofitColumns());
    const sheet = s.model.sheet('Clients');
    expect(sheet.getColumnWidth(0)).toBeGreaterThan(sheet.getColumnWidth(1));
    expect(sheet.getColumnWidth(0)).toBeCloseTo((25 * 7 + 5) * 0.75, 1);
  });

  it('hides columns and reports columnHidden', async () => {
    const s = book();
    await s.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('Clients');
      ws.getRange('B:B').columnHidden = true;
      const one = ws.getRange('B1').load('columnHidden');
      const two = ws.getRange('A1:B1').load('columnHidden');
      await context.sync();
      expect([one.columnHidden, two.columnHidden]).toEqual([true, null]);
    });
  });

  it('reports values, text and valueTypes together', async () => {
    const s = book();
    s.model.sheet('Clients').setNumberFormat(1, 1, '#,##0.00');
    const r = await s.run(async (context) => {
      const range = context.workbook.worksheets.getItem('Clients').getRange('A2:B2').load('values, text, valueTypes, numberFormat');
      await context.sync();
      return range;
    });
    expect(r.values).toEqual([['ACME', 100]]);
    expect(r.text).toEqual([['ACME', '100.00']]);
    expect(r.valueTypes).toEqual([['String', 'Double']]);
    expect(r.numberFormat).toEqual([['General', '#,##0.00']]);
  });
});

describe('worksheets and options', () => {
  it('hides, moves and lists sheets; refuses to activate a hidden one', async () => {
    const s = book();
    await s.run(async (context) => {
      const other = context.workbook.worksheets.getItem('Other');
      other.position = 0;
      other.visibility = 'Hidden';
      const list = context.workbook.worksheets.load('items/name, items/visibility');
      const visible = context.workbook.worksheets.getCount(true);
      await context.sync();
      expect(list.items.map((w) => [w.name, w.visibility])).toEqual([['Other', 'Hidden'], ['Clients', 'Visible']]);
      expect(visible.value).toBe(1);
      other.activate();
      await expect(context.sync()).rejects.toMatchObject({ code: ErrorCodes.InvalidOperation });
    });
  });

  it('freezes panes and reports the frozen location', async () => {
    const s = book();
    await s.run(async (context) => {
      const panes = context.workbook.worksheets.getItem('Clients').freezePanes;
      panes.freezeRows(1);
      const loc = panes.getLocationOrNullObject().load('address');
      await context.sync();
      expect(loc.address).toBe('Clients!1:1');
    });
  });

  it('uses evaluateFormula for formulas without a cached result', async () => {
    const s = createStandIn(modelFromGrid([{ name: 'S', values: [[2, 3]] }]), { evaluateFormula: (f) => (f === '=A1*B1' ? 6 : '#NAME?') });
    const v = await s.run(async (context) => {
      const r = context.workbook.worksheets.getItem('S').getRange('C1');
      r.formulas = [['=A1*B1']];
      r.load('values');
      await context.sync();
      return r.values;
    });
    expect(v).toEqual([[6]]);
  });

  it('waits latencyMs per sync when asked to', async () => {
    const s = createStandIn(modelFromGrid([{ name: 'S', values: [[1]] }]), { latencyMs: 20 });
    const t0 = Date.now();
    await s.run(async (context) => {
      context.workbook.worksheets.getItem('S').getRange('A1').load('values');
      await context.sync();
    });
    expect(Date.now() - t0).toBeGreaterThanOrEqual(18);
  });

  it('counts tables and columns, and renames a column through its header cell', async () => {
    const s = book();
    await s.run(async (context) => {
      const t = context.workbook.worksheets.getItem('Clients').tables.add('Clients!A1:C4', true);
      const count = context.workbook.tables.getCount();
      const colCount = t.columns.getCount();
      const tier = t.columns.getItem('tier');
      tier.name = 'Current tier';
      const body = tier.getDataBodyRange().load('values');
      await context.sync();
      expect([count.value, colCount.value]).toEqual([1, 3]);
      expect(body.values).toEqual([['VIP'], ['Key'], ['Standard']]);
      const overlap = context.workbook.tables.add('Clients!B2:C3', true);
      void overlap;
      await expect(context.sync()).rejects.toMatchObject({ code: ErrorCodes.InvalidOperation });
    });
    expect(s.model.sheet('Clients').cell('C1').value).toBe('Current tier');
  });
});
