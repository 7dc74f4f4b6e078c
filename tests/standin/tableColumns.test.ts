/**
 * Table columns in the stand-in: `TableColumnCollection.add(index, values, name)` widening the
 * table, `TableColumn.delete()` narrowing it, stable ids, `getItem` / `getItemOrNullObject`,
 * PropertyNotLoaded, request bytes, refusals, and the .xlsx round trip of a widened table.
 */
import { createStandIn, ErrorCodes, modelFromGrid, OfficeExtensionError, StandIn, WorkbookModel } from '../../src/workbench/standin';
import { modelFromXlsx, modelToXlsx } from '../../src/workbench/standin/xlsxModel';
import { failure as officeFailure } from './support';

function withTable(): { s: StandIn; model: WorkbookModel } {
  const model = modelFromGrid([{ name: 'Clients', values: [['Client', 'Revenue'], ['ACME', 100], ['Globex', 250], ['Initech', 75]] }]);
  model.addTable(model.sheet('Clients'), { r0: 0, c0: 0, r1: 3, c1: 1 }, 'ClientTable');
  return { s: createStandIn(model), model };
}


describe('TableColumnCollection.add', () => {
  it('appends a named column: the table widens to the right, header written, body empty', async () => {
    const { s, model } = withTable();
    await s.run(async (context) => {
      const t = context.workbook.tables.getItem('ClientTable');
      const col = t.columns.add(undefined, undefined, 'Tier');
      col.load('name,index,id');
      const range = t.getRange().load('address');
      await context.sync();
      expect([col.name, col.index]).toEqual(['Tier', 2]);
      expect(col.id).toBe(3);
      expect(range.address).toBe('Clients!A1:C4');
      const body = col.getDataBodyRange().load('address,values');
      const head = col.getHeaderRowRange().load('values');
      await context.sync();
      expect(body.address).toBe('Clients!C2:C4');
      expect(body.values).toEqual([[''], [''], ['']]);
      expect(head.values).toEqual([['Tier']]);
    });
    expect(model.tables[0].rect).toEqual({ r0: 0, c0: 0, r1: 3, c1: 2 });
    expect(model.sheet('Clients').read('A1:C1')).toEqual([['Client', 'Revenue', 'Tier']]);
  });

  it('takes values (header first) through the entry rules, and a name over values[0][0]', async () => {
    const { s, model } = withTable();
    await s.run(async (context) => {
      const t = context.workbook.tables.getItem('ClientTable');
      t.columns.add(null as unknown as undefined, [['Note'], ['=1+1'], ['007'], ['plain']]);
      t.columns.add(-1, [['x'], [1], [2], [3]], 'Score');
      await context.sync();
    });
    const sheet = model.sheet('Clients');
    expect(sheet.read('C1:D1')).toEqual([['Note', 'Score']]);
    expect(sheet.cell('C2').formula).toBe('=1+1');
    expect(sheet.cell('C3').value).toBe(7);
    expect(sheet.read('D2:D4')).toEqual([[1], [2], [3]]);
  });

  it('inserts at an index: later columns move right with their cells and formats', async () => {
    const { s, model } = withTable();
    model.sheet('Clients').setNumberFormat(1, 1, '#,##0.00');
    await s.run(async (context) => {
      const col = context.workbook.tables.getItem('ClientTable').columns.add(1, undefined, 'Tier').load('index');
      await context.sync();
      expect(col.index).toBe(1);
    });
    const sheet = model.sheet('Clients');
    expect(sheet.read('A1:C2')).toEqual([['Client', 'Tier', 'Revenue'], ['ACME', '', 100]]);
    expect(sheet.cell('C2').numberFormat).toBe('#,##0.00');
    expect(sheet.cell('B2').numberFormat).toBe('General');
  });

  it('makes a taken name unique and names an unnamed column ColumnN, as Excel does', async () => {
    const { s, model } = withTable();
    await s.run(async (context) => {
      const cols = context.workbook.tables.getItem('ClientTable').columns;
      cols.add(undefined, undefined, 'revenue');
      cols.add();
      await context.sync();
    });
    expect(model.sheet('Clients').read('A1:D1')).toEqual([['Client', 'Revenue', 'revenue2', 'Column4']]);
  });

  it('refuses bad arguments: index out of range, a values array of the wrong shape', async () => {
    const { s, model } = withTable();
    const e1 = await officeFailure(
      s.run(async (context) => {
        context.workbook.tables.getItem('ClientTable').columns.add(5, undefined, 'Tier');
        await context.sync();
      }),
    );
    expect(e1.code).toBe(ErrorCodes.InvalidArgument);
    const e2 = await officeFailure(
      s.run(async (context) => {
        context.workbook.tables.getItem('ClientTable').columns.add(undefined, [['Tier'], ['VIP']]);
        await context.sync();
      }),
    );
    expect(e2.code).toBe(ErrorCodes.InvalidArgument);
    expect(model.tables[0].rect.c1).toBe(1);
  });

  it('refuses to push cells beside the table (InsertDeleteConflict); the workbook is unchanged', async () => {
    const { s, model } = withTable();
    model.sheet('Clients').setValue(2, 4, 'my note');
    const e = await officeFailure(
      s.run(async (context) => {
        context.workbook.tables.getItem('ClientTable').columns.add(undefined, undefined, 'Tier');
        await context.sync();
      }),
    );
    expect(e.code).toBe(ErrorCodes.InsertDeleteConflict);
    expect(e.message).toMatch(/beside the table/);
    expect(model.tables[0].rect.c1).toBe(1);
    expect(model.sheet('Clients').cell('E3').value).toBe('my note');
    expect(model.sheet('Clients').read('C1:C1')).toEqual([['']]);
  });

  it('cells beside the table but outside its rows do not stop it; a merged area in its rows does', async () => {
    const { s, model } = withTable();
    const sheet = model.sheet('Clients');
    sheet.setValue(6, 2, 'below the table');
    await s.run(async (context) => {
      context.workbook.tables.getItem('ClientTable').columns.add(undefined, undefined, 'Tier');
      await context.sync();
    });
    expect(sheet.cell('C7').value).toBe('below the table');
    sheet.merges.push({ r0: 0, c0: 5, r1: 5, c1: 6 });
    const e = await officeFailure(
      s.run(async (context) => {
        context.workbook.tables.getItem('ClientTable').columns.add(undefined, undefined, 'ABC');
        await context.sync();
      }),
    );
    expect(e.code).toBe(ErrorCodes.InsertDeleteConflict);
  });

  it('a protected sheet is AccessDenied', async () => {
    const { s, model } = withTable();
    model.sheet('Clients').protected = true;
    const e = await officeFailure(
      s.run(async (context) => {
        context.workbook.tables.getItem('ClientTable').columns.add(undefined, undefined, 'Tier');
        await context.sync();
      }),
    );
    expect(e.code).toBe(ErrorCodes.AccessDenied);
  });

  it('counts the values it carries in the request bytes', async () => {
    const { s } = withTable();
    const long = 'x'.repeat(10_000);
    await s.run(async (context) => {
      context.workbook.tables.getItem('ClientTable').columns.add(undefined, [['Note'], [long], [long], [long]]);
      await context.sync();
    });
    expect(s.stats.requestBytes[0]).toBeGreaterThan(30_000);
    expect(s.stats.requestBytes[0]).toBeLessThan(31_000);
  });
});

describe('TableColumn', () => {
  it('throws PropertyNotLoaded for name and index until loaded and synced', async () => {
    const { s } = withTable();
    await s.run(async (context) => {
      const col = context.workbook.tables.getItem('ClientTable').columns.getItem('Revenue');
      let error: unknown;
      try {
        void col.name;
      } catch (e) {
        error = e;
      }
      expect((error as OfficeExtensionError).code).toBe(ErrorCodes.PropertyNotLoaded);
      col.load('name');
      expect(() => col.index).toThrow(OfficeExtensionError);
      await context.sync();
      expect(col.name).toBe('Revenue');
      expect(() => col.index).toThrow(OfficeExtensionError);
    });
  });

  it('getItem by name (any case) or id; getItemOrNullObject gives a null object; getItem of a missing one is ItemNotFound', async () => {
    const { s } = withTable();
    await s.run(async (context) => {
      const cols = context.workbook.tables.getItem('ClientTable').columns;
      const byName = cols.getItem('revenue').load('index');
      const byId = cols.getItem(1).load('name');
      const none = cols.getItemOrNullObject('Tier');
      await context.sync();
      expect(byName.index).toBe(1);
      expect(byId.name).toBe('Client');
      expect(none.isNullObject).toBe(true);
    });
    const e = await officeFailure(
      s.run(async (context) => {
        context.workbook.tables.getItem('ClientTable').columns.getItem('Tier');
        await context.sync();
      }),
    );
    expect(e.code).toBe(ErrorCodes.ItemNotFound);
  });

  it('delete removes the column and moves the cells right of it left; ids stay with their columns', async () => {
    const { s, model } = withTable();
    const sheet = model.sheet('Clients');
    await s.run(async (context) => {
      const cols = context.workbook.tables.getItem('ClientTable').columns;
      cols.add(1, [['Tier'], ['VIP'], ['Key'], ['Standard']]);
      await context.sync();
      const revenue = cols.getItem('Revenue').load('id,index');
      await context.sync();
      expect([revenue.id, revenue.index]).toEqual([2, 2]);
      const tier = cols.getItem('Tier');
      tier.delete();
      revenue.load('index');
      await context.sync();
      expect(revenue.index).toBe(1);
      // an object for a deleted column fails like Office
      tier.load('name');
      await expect(context.sync()).rejects.toMatchObject({ code: ErrorCodes.ItemNotFound });
    });
    expect(model.tables[0].rect).toEqual({ r0: 0, c0: 0, r1: 3, c1: 1 });
    expect(sheet.read('A1:C2')).toEqual([['Client', 'Revenue', ''], ['ACME', 100, '']]);
  });

  it('add then delete leaves the sheet exactly as it was (formats and conditional formats beside the table included)', async () => {
    const { s, model } = withTable();
    const sheet = model.sheet('Clients');
    sheet.setNumberFormat(1, 3, '0.0%');
    sheet.setFill(2, 2, '#FFF2CC');
    const cf = model.addConditionalFormat(sheet, 'CellValue', [{ r0: 1, c0: 3, r1: 3, c1: 3 }]);
    cf.rule = { formula1: '="VIP"', operator: 'EqualTo' };
    const snap = () => JSON.stringify([sheet.read('A1:H6'), [0, 1, 2, 3, 4].map((r) => [0, 1, 2, 3, 4, 5].map((c) => sheet.cell(r, c))), sheet.conditionalFormats.map((f) => f.ranges)]);
    const before = snap();
    await s.run(async (context) => {
      const cols = context.workbook.tables.getItem('ClientTable').columns;
      const a = cols.add(undefined, undefined, 'Tier');
      const b = cols.add(undefined, undefined, 'ABC');
      await context.sync();
      a.getDataBodyRange().values = [['VIP'], ['Key'], ['Standard']];
      await context.sync();
      // what was beside the table moved right by the two columns
      expect(sheet.cell('E3').fill).toBe('#FFF2CC');
      expect(sheet.cell('F2').numberFormat).toBe('0.0%');
      expect(cf.ranges).toEqual([{ r0: 1, c0: 5, r1: 3, c1: 5 }]);
      b.delete();
      a.delete();
      await context.sync();
    });
    expect(model.tables[0].rect.c1).toBe(1);
    expect(snap()).toBe(before);
  });

  it('the last column of a table cannot be deleted', async () => {
    const model = modelFromGrid([{ name: 'S', values: [['Only'], [1]] }]);
    model.addTable(model.sheet('S'), { r0: 0, c0: 0, r1: 1, c1: 0 }, 'One');
    const s = createStandIn(model);
    const e = await officeFailure(
      s.run(async (context) => {
        context.workbook.tables.getItem('One').columns.getItem('Only').delete();
        await context.sync();
      }),
    );
    expect(e.code).toBe(ErrorCodes.InvalidOperation);
  });
});

describe('.xlsx round trip', () => {
  it('keeps a widened table with its new columns and values', async () => {
    const { s, model } = withTable();
    await s.run(async (context) => {
      const cols = context.workbook.tables.getItem('ClientTable').columns;
      cols.add(undefined, [['Tier'], ['VIP'], ['Key'], ['=HYPERLINK("x")']]);
      await context.sync();
    });
    // the formula-looking text went in as a formula through values (no '@' set): entry rules
    expect(model.sheet('Clients').cell('C4').formula).toBe('=HYPERLINK("x")');
    const again = await modelFromXlsx(await modelToXlsx(model));
    expect(again.tables.map((t) => [t.name, t.rect, t.columnNames()])).toEqual([['ClientTable', { r0: 0, c0: 0, r1: 3, c1: 2 }, ['Client', 'Revenue', 'Tier']]]);
    expect(again.sheet('Clients').read('C1:C3')).toEqual([['Tier'], ['VIP'], ['Key']]);
    expect(again.sheet('Clients').cell('C4').formula).toBe('=HYPERLINK("x")');
    const s2 = createStandIn(again);
    await s2.run(async (context) => {
      const tier = context.workbook.tables.getItem('ClientTable').columns.getItem('Tier').load('index');
      await context.sync();
      expect(tier.index).toBe(2);
    });
  });
});
