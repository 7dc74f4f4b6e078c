import { createStandIn, ErrorCodes, modelFromGrid, OfficeExtensionError, StandIn } from '../../src/workbench/standin';
import { failure as officeFailure } from './support';

function clients(): StandIn {
  return createStandIn(
    modelFromGrid([
      { name: 'Clients', values: [['Client', 'Revenue'], ['ACME', 100], ['Globex', 250]] },
      { name: 'Tier history', values: [['Date', 'Tier']] },
    ]),
  );
}


describe('loading and PropertyNotLoaded', () => {
  it('throws PropertyNotLoaded, worded like Office, when a property was not loaded', async () => {
    const s = clients();
    await s.run(async (context) => {
      const range = context.workbook.worksheets.getItem('Clients').getRange('A1:B3');
      let error: unknown;
      try {
        void range.values;
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(OfficeExtensionError);
      const e = error as OfficeExtensionError;
      expect(e.code).toBe(ErrorCodes.PropertyNotLoaded);
      expect(e.name).toBe('RichApi.Error');
      expect(e.message).toBe(
        'The property \'values\' is not available. Before reading the property\'s value, call the load method on the containing object and call "context.sync()" on the associated request context.',
      );
      expect(e.debugInfo).toMatchObject({ code: 'PropertyNotLoaded', message: e.message, errorLocation: 'Range.values' });
    });
  });

  it('makes loaded values visible only after the sync settles', async () => {
    const s = clients();
    await s.run(async (context) => {
      const range = context.workbook.worksheets.getItem('Clients').getRange('A1:B3');
      range.load('values, address');
      expect(() => range.values).toThrow(/not available/);
      const pending = context.sync();
      expect(() => range.values).toThrow(/not available/); // not awaited yet
      await pending;
      expect(range.values).toEqual([['Client', 'Revenue'], ['ACME', 100], ['Globex', 250]]);
      expect(range.address).toBe('Clients!A1:B3');
      expect(() => range.numberFormat).toThrow(/'numberFormat' is not available/);
    });
  });

  it('accepts load("a,b"), load([...]), load({select}) and strict objects, including paths', async () => {
    const s = clients();
    await s.run(async (context) => {
      const r1 = context.workbook.worksheets.getItem('Clients').getRange('B2').load('values,rowIndex');
      const r2 = context.workbook.worksheets.getItem('Clients').getRange('B2').load(['values', 'columnIndex']);
      const r3 = context.workbook.worksheets.getItem('Clients').getRange('B2').load({ select: 'values, format/fill/color' });
      const r4 = context.workbook.worksheets.getItem('Clients').getRange('B2').load({ values: true, format: { font: { bold: true } }, worksheet: { name: true } });
      await context.sync();
      expect([r1.values, r1.rowIndex]).toEqual([[[100]], 1]);
      expect([r2.values, r2.columnIndex]).toEqual([[[100]], 1]);
      expect([r3.values, r3.format.fill.color]).toEqual([[[100]], '#FFFFFF']);
      expect([r4.format.font.bold, r4.worksheet.name]).toEqual([false, 'Clients']);
      expect(() => r4.format.font.color).toThrow(/not available/);
    });
  });

  it('takes a snapshot at sync: later writes do not change it until loaded again', async () => {
    const s = clients();
    await s.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Clients');
      const reader = sheet.getRange('B2');
      reader.load('values');
      await context.sync();
      sheet.getRange('B2').values = [[999]];
      await context.sync();
      expect(reader.values).toEqual([[100]]);
      reader.load('values');
      await context.sync();
      expect(reader.values).toEqual([[999]]);
    });
  });

  it('keeps a value set on the proxy itself readable without a load (as Office.js does)', async () => {
    const s = clients();
    await s.run(async (context) => {
      const r = context.workbook.worksheets.getItem('Clients').getRange('C1');
      r.values = [['Tier']];
      expect(r.values).toEqual([['Tier']]);
      expect(s.model.sheet('Clients').cell('C1').value).toBeUndefined(); // queued, not applied
    });
    expect(s.model.sheet('Clients').cell('C1').value).toBe('Tier'); // run's final sync
  });

  it('rejects a load of a property that does not exist', async () => {
    const s = clients();
    const e = await officeFailure(
      s.run(async (context) => {
        context.workbook.worksheets.getItem('Clients').getRange('A1').load('valuez');
        await context.sync();
      }),
    );
    expect(e.code).toBe(ErrorCodes.InvalidArgument);
  });

  it('loads collection items with items/name, items, or a bare property name', async () => {
    const s = clients();
    await s.run(async (context) => {
      const a = context.workbook.worksheets.load('items/name');
      const b = context.workbook.worksheets.load('name, position');
      const c = context.workbook.worksheets;
      expect(() => c.items).toThrow(/'items' is not available/);
      await context.sync();
      expect(a.items.map((w) => w.name)).toEqual(['Clients', 'Tier history']);
      expect(b.items.map((w) => [w.name, w.position])).toEqual([['Clients', 0], ['Tier history', 1]]);
      expect(() => a.items[0].visibility).toThrow(/'visibility' is not available/);
    });
  });
});

describe('queued writes', () => {
  it('applies writes in order at sync, not before', async () => {
    const s = clients();
    const sheet = s.model.sheet('Clients');
    await s.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('Clients');
      ws.getRange('C1').values = [['first']];
      ws.getRange('C1').values = [['second']];
      ws.getRange('C1:C2').numberFormat = [['0.00'], ['@']];
      ws.getRange('C1').format.fill.color = 'yellow';
      ws.getRange('C1').format.font.bold = true;
      ws.getRange('C1').format.font.color = '#ff0000';
      ws.getRange('C:C').format.columnWidth = 120;
      expect(sheet.cell('C1').value).toBeUndefined();
      await context.sync();
      expect(sheet.cell('C1')).toMatchObject({ value: 'second', numberFormat: '0.00', fill: '#FFFF00', bold: true, fontColor: '#FF0000' });
      expect(sheet.cell('C2').numberFormat).toBe('@');
      expect(sheet.getColumnWidth(2)).toBe(120);
      ws.name = 'Customers';
      ws.getRange('D1').values = [['after rename']];
      await context.sync();
    });
    expect(s.model.sheets.map((x) => x.name)).toEqual(['Customers', 'Tier history']);
    expect(s.model.sheet('Customers').cell('D1').value).toBe('after rename');
  });

  it('does the implicit final sync at the end of run, and counts only syncs with work', async () => {
    const s = clients();
    await s.run(async (context) => {
      context.workbook.worksheets.getItem('Clients').getRange('E1').values = [['x']];
    });
    expect(s.model.sheet('Clients').cell('E1').value).toBe('x');
    expect(s.stats.syncs).toBe(1);
    s.stats.reset();
    await s.run(async (context) => {
      await context.sync(); // nothing queued: no request
    });
    expect(s.stats.syncs).toBe(0);
    expect(s.stats.runs).toBe(1);
  });

  it('rejects a values array whose shape differs from the range, and leaves the cells alone', async () => {
    const s = clients();
    const e = await officeFailure(
      s.run(async (context) => {
        context.workbook.worksheets.getItem('Clients').getRange('A1:B2').values = [['only one row', 1]];
        await context.sync();
      }),
    );
    expect(e.code).toBe(ErrorCodes.InvalidArgument);
    expect(e.message).toMatch(/doesn't match the size or dimensions of the range/);
    expect(s.model.sheet('Clients').cell('A1').value).toBe('Client');
  });

  it('fills the whole range from a single value, and treats null as "leave unchanged"', async () => {
    const s = clients();
    await s.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('Clients');
      ws.getRange('D1:D3').values = 7 as unknown as unknown[][];
      ws.getRange('A2:B2').values = [[null, 101]];
    });
    expect(s.model.sheet('Clients').read('A2:D3')).toEqual([['ACME', 101, '', 7], ['Globex', 250, '', 7]]);
  });

  it('stops at the first failing action: earlier actions stay applied, later ones never run', async () => {
    const s = clients();
    const e = await officeFailure(
      s.run(async (context) => {
        const ws = context.workbook.worksheets.getItem('Clients');
        ws.getRange('C1').values = [['before']];
        ws.getRange('not an address').values = [['x']];
        ws.getRange('C2').values = [['after']];
        await context.sync();
      }),
    );
    expect(e.code).toBe(ErrorCodes.InvalidArgument);
    expect(s.model.sheet('Clients').cell('C1').value).toBe('before');
    expect(s.model.sheet('Clients').cell('C2').value).toBeUndefined();
  });

  it('clears contents, formats or both', async () => {
    const s = clients();
    const sheet = s.model.sheet('Clients');
    sheet.setNumberFormat(1, 1, '0.00');
    sheet.setFill(2, 1, '#FF0000');
    await s.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('Clients');
      ws.getRange('B2').clear('Contents');
      ws.getRange('B3').clear('Formats');
      ws.getRange('A1').clear();
    });
    expect(sheet.cell('B2')).toMatchObject({ value: undefined, numberFormat: '0.00' });
    expect(sheet.cell('B3')).toMatchObject({ value: 250, fill: undefined });
    expect(sheet.cell('A1').value).toBeUndefined();
  });
});

describe('missing items and null objects', () => {
  it('fails the sync with ItemNotFound for getItem of a missing sheet, even if the object is never used', async () => {
    const s = clients();
    const e = await officeFailure(
      s.run(async (context) => {
        context.workbook.worksheets.getItem('Nope');
        await context.sync();
      }),
    );
    expect(e.code).toBe(ErrorCodes.ItemNotFound);
    expect(e.debugInfo.errorLocation).toBe('WorksheetCollection.getItem');
  });

  it('finds sheets case-insensitively, as Excel does', async () => {
    const s = clients();
    const name = await s.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('clients').load('name');
      await context.sync();
      return ws.name;
    });
    expect(name).toBe('Clients');
  });

  it('gives a null object for getItemOrNullObject; isNullObject is readable only after sync', async () => {
    const s = clients();
    await s.run(async (context) => {
      const missing = context.workbook.worksheets.getItemOrNullObject('Nope');
      const present = context.workbook.worksheets.getItemOrNullObject('Clients');
      expect(() => missing.isNullObject).toThrow(/'isNullObject' is not available/);
      await context.sync();
      expect(missing.isNullObject).toBe(true);
      expect(present.isNullObject).toBe(false);
      missing.load('name');
      await context.sync();
      expect(missing.name).toBeUndefined(); // Office returns undefined for properties of a null object
    });
  });

  it('gives a null used range for a blank sheet, and A1 from getUsedRange', async () => {
    const s = clients();
    await s.run(async (context) => {
      const ws = context.workbook.worksheets.add('Blank');
      const orNull = ws.getUsedRangeOrNullObject(true);
      const used = ws.getUsedRange().load('address');
      await context.sync();
      expect(orNull.isNullObject).toBe(true);
      expect(used.address).toBe('Blank!A1');
    });
  });

  it('reports a deleted sheet as ItemNotFound to objects that pointed at it', async () => {
    const s = clients();
    const e = await officeFailure(
      s.run(async (context) => {
        const ws = context.workbook.worksheets.getItem('Tier history');
        const range = ws.getRange('A1');
        await context.sync();
        ws.delete();
        await context.sync();
        range.load('values');
        await context.sync();
      }),
    );
    expect(e.code).toBe(ErrorCodes.ItemNotFound);
    expect(s.model.findSheet('Tier history')).toBeUndefined();
  });

  it('refuses to delete or hide the last visible sheet', async () => {
    const s = createStandIn(modelFromGrid([{ name: 'Only', values: [[1]] }]));
    const e = await officeFailure(
      s.run(async (context) => {
        context.workbook.worksheets.getItem('Only').delete();
        await context.sync();
      }),
    );
    expect(e.code).toBe(ErrorCodes.InvalidOperation);
  });

  it('rejects a duplicate sheet name with ItemAlreadyExists and a bad one with InvalidArgument', async () => {
    const s = clients();
    const dup = await officeFailure(s.run(async (context) => void context.workbook.worksheets.add('CLIENTS')));
    expect(dup.code).toBe(ErrorCodes.ItemAlreadyExists);
    const bad = await officeFailure(s.run(async (context) => void context.workbook.worksheets.add('a/b')));
    expect(bad.code).toBe(ErrorCodes.InvalidArgument);
  });
});

describe('protected sheets', () => {
  it('denies writes with AccessDenied at sync and leaves the model unchanged', async () => {
    const s = clients();
    const sheet = s.model.sheet('Clients');
    sheet.protected = true;
    for (const write of [
      (r: Excel.Range) => (r.values = [['x']]),
      (r: Excel.Range) => (r.numberFormat = [['@']]),
      (r: Excel.Range) => (r.format.fill.color = '#FF0000'),
      (r: Excel.Range) => (r.format.font.bold = true),
      (r: Excel.Range) => r.clear(),
      (r: Excel.Range) => (r.rowHidden = true),
    ]) {
      const e = await officeFailure(
        s.run(async (context) => {
          write(context.workbook.worksheets.getItem('Clients').getRange('A2'));
          await context.sync();
        }),
      );
      expect(e.code).toBe(ErrorCodes.AccessDenied);
    }
    expect(sheet.cell('A2')).toMatchObject({ value: 'ACME', numberFormat: 'General', fill: undefined, bold: false });
    expect(sheet.isRowHidden(1)).toBe(false);
    const state = await s.run(async (context) => {
      const p = context.workbook.worksheets.getItem('Clients').protection.load('protected');
      await context.sync();
      return p.protected;
    });
    expect(state).toBe(true);
  });
});

describe('edit mode', () => {
  it('fails every sync with InvalidOperationInCellEditMode while on, and applies nothing', async () => {
    const s = clients();
    s.setEditMode(true);
    const e = await officeFailure(
      s.run(async (context) => {
        context.workbook.worksheets.getItem('Clients').getRange('A1').values = [['x']];
        await context.sync();
      }),
    );
    expect(e.code).toBe(ErrorCodes.InvalidOperationInCellEditMode);
    expect(s.model.sheet('Clients').cell('A1').value).toBe('Client');
    s.setEditMode(false);
    await s.run(async (context) => {
      context.workbook.worksheets.getItem('Clients').getRange('A1').values = [['x']];
    });
    expect(s.model.sheet('Clients').cell('A1').value).toBe('x');
  });
});

describe('text that looks like a formula or a number', () => {
  it("turns '=' strings into formulas unless the cell is formatted as text first", async () => {
    const s = clients();
    const sheet = s.model.sheet('Clients');
    await s.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('Clients');
      ws.getRange('C2').values = [['=HYPERLINK("x")']];
      const asText = ws.getRange('C3');
      asText.numberFormat = [['@']];
      asText.values = [['=HYPERLINK("x")']];
      const late = ws.getRange('C4');
      late.values = [['=1+1']];
      late.numberFormat = [['@']]; // too late: already a formula
    });
    expect(sheet.cell('C2')).toMatchObject({ formula: '=HYPERLINK("x")' });
    expect(sheet.cell('C3')).toMatchObject({ formula: undefined, value: '=HYPERLINK("x")', numberFormat: '@' });
    expect(sheet.cell('C4').formula).toBe('=1+1');
    const [values, formulas] = await s.run(async (context) => {
      const r = context.workbook.worksheets.getItem('Clients').getRange('C2:C3').load('values, formulas');
      await context.sync();
      return [r.values, r.formulas];
    });
    expect(values).toEqual([['#NAME?'], ['=HYPERLINK("x")']]); // no calculation engine: uncalculated formulas read #NAME?
    expect(formulas).toEqual([['=HYPERLINK("x")'], ['=HYPERLINK("x")']]);
  });

  it("turns '+'/'-' numbers (and '007') into numbers and other '+'/'-'/'@' text into formulas, unless '@'", async () => {
    const s = clients();
    const sheet = s.model.sheet('Clients');
    await s.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('Clients');
      ws.getRange('D1:D6').values = [['+7'], ['-12.5'], ['007'], ['-Ivanov'], ['@home'], ['12%']];
      const text = ws.getRange('E1:E4');
      text.numberFormat = [['@'], ['@'], ['@'], ['@']];
      text.values = [['+7'], ['-12.5'], ['007'], ['-Ivanov']];
    });
    expect([1, 2, 3].map((r) => sheet.cell(`D${r}`).value)).toEqual([7, -12.5, 7]);
    expect(sheet.cell('D4').formula).toBe('=-Ivanov');
    expect(sheet.cell('D5').formula).toBe('=@home');
    expect(sheet.cell('D6')).toMatchObject({ value: 0.12, numberFormat: '0%' });
    expect([1, 2, 3, 4].map((r) => sheet.cell(`E${r}`).value)).toEqual(['+7', '-12.5', '007', '-Ivanov']);
  });
});

describe('addresses, hidden rows, tables, settings', () => {
  it("reports addresses like Office, quoting sheet names that need it", async () => {
    const s = clients();
    const got = await s.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('Tier history');
      const a = ws.getRange('A1').load('address');
      const b = ws.getRange('b2:c10').load('address');
      const c = ws.getRange('A:A').load('address, rowCount, isEntireColumn');
      const d = ws.getRange('3:3').load('address');
      const e = ws.getRangeByIndexes(4, 2, 3, 2).load('address');
      const f = context.workbook.worksheets.getItem('Clients').getRange('C5').getResizedRange(2, 1).getOffsetRange(1, 0).load('address');
      await context.sync();
      return [a.address, b.address, c.address, c.rowCount, c.isEntireColumn, d.address, e.address, f.address];
    });
    expect(got).toEqual(["'Tier history'!A1", "'Tier history'!B2:C10", "'Tier history'!A:A", 1048576, true, "'Tier history'!3:3", "'Tier history'!C5:D7", 'Clients!C6:D8']);
  });

  it('reports rowHidden true / false / null (mixed) for multi-row ranges', async () => {
    const s = clients();
    s.model.sheet('Clients').setRowHidden(1, true);
    await s.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('Clients');
      const all = ws.getRange('A2:B2').load('rowHidden');
      const none = ws.getRange('A3').load('rowHidden');
      const mixed = ws.getRange('A1:B3').load('rowHidden');
      ws.getRange('A3').rowHidden = true;
      const after = ws.getRange('A2:A3').load('rowHidden');
      await context.sync();
      expect([all.rowHidden, none.rowHidden, mixed.rowHidden, after.rowHidden]).toEqual([true, false, null, true]);
    });
  });

  it('adds and reads tables with header, body and columns', async () => {
    const s = clients();
    await s.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('Clients');
      const t = ws.tables.add('A1:B3', true);
      t.name = 'ClientTable';
      await context.sync();
      const same = context.workbook.tables.getItem('clienttable').load('name');
      const body = same.getDataBodyRange().load('address, values');
      const header = same.getHeaderRowRange().load('values');
      const cols = same.columns.load('items/name, items/index');
      const sheetOfTable = same.worksheet.load('name');
      const missing = context.workbook.tables.getItemOrNullObject('Other');
      await context.sync();
      expect(same.name).toBe('ClientTable');
      expect(body.address).toBe('Clients!A2:B3');
      expect(body.values).toEqual([['ACME', 100], ['Globex', 250]]);
      expect(header.values).toEqual([['Client', 'Revenue']]);
      expect(cols.items.map((c) => [c.name, c.index])).toEqual([['Client', 0], ['Revenue', 1]]);
      expect(sheetOfTable.name).toBe('Clients');
      expect(missing.isNullObject).toBe(true);
    });
    expect(s.model.tables.map((t) => t.name)).toEqual(['ClientTable']);
  });

  it('stores settings as JSON and reads them back; missing ones are null objects', async () => {
    const s = clients();
    await s.run(async (context) => {
      context.workbook.settings.add('rules', { vip: 1000000, names: ['VIP', 'Key'] });
      await context.sync();
    });
    expect(s.model.settings.get('rules')).toBe('{"vip":1000000,"names":["VIP","Key"]}');
    await s.run(async (context) => {
      const rules = context.workbook.settings.getItemOrNullObject('rules').load('value');
      const none = context.workbook.settings.getItemOrNullObject('none').load('value');
      const all = context.workbook.settings.load('items');
      await context.sync();
      expect(rules.value).toEqual({ vip: 1000000, names: ['VIP', 'Key'] });
      expect(none.isNullObject).toBe(true);
      expect(all.items.map((i) => i.key)).toEqual(['rules']);
      rules.delete();
    });
    expect(s.model.settings.size).toBe(0);
    const e = await officeFailure(s.run(async (context) => void context.workbook.settings.getItem('rules')));
    expect(e.code).toBe(ErrorCodes.ItemNotFound);
  });

  it('activates sheets, adds them, and follows renames within a batch', async () => {
    const s = clients();
    await s.run(async (context) => {
      const ws = context.workbook.worksheets.add('Tier summary');
      ws.activate();
      ws.freezePanes.freezeRows(1);
      await context.sync();
      const active = context.workbook.worksheets.getActiveWorksheet().load('name, position');
      const count = context.workbook.worksheets.getCount();
      await context.sync();
      expect([active.name, active.position, count.value]).toEqual(['Tier summary', 2, 3]);
    });
    expect(s.model.activeSheet?.name).toBe('Tier summary');
    expect(s.model.sheet('Tier summary').frozenRows).toBe(1);
  });

  it('rejects run batches that do not return a promise', async () => {
    const s = clients();
    const bad = s.run as unknown as (b: () => unknown) => Promise<unknown>;
    await expect(bad(() => 42)).rejects.toMatchObject({ code: 'RunMustReturnPromise' });
  });
});
