/**
 * Range.conditionalFormats in the stand-in: Office's load/sync semantics, add / clearAll /
 * delete / priority, the ApiNotFound of a host without ExcelApi 1.6, and the .xlsx round trip.
 */
import ExcelJS from 'exceljs';
import { createStandIn, ErrorCodes, modelFromGrid, StandIn } from '../../src/workbench/standin';
import { formatRef } from '../../src/workbench/standin/address';
import { modelFromXlsx, modelToXlsx } from '../../src/workbench/standin/xlsxModel';
import { failure } from './support';

function book(options = {}): StandIn {
  const values = [['Client', 'Tier'], ['ACME', 'VIP'], ['Beta', 'Key'], ['Gamma', 'Standard'], ['Delta', 'VIP']];
  return createStandIn(modelFromGrid([{ name: 'Clients', values }, { name: 'Other', values: [['x']] }]), options);
}


/** Adds a CellValue "= text" rule with a fill on `address` of Clients. */
async function addEqualTo(s: StandIn, address: string, text: string, fill: string): Promise<void> {
  await s.run(async (context) => {
    const cf = context.workbook.worksheets.getItem('Clients').getRange(address).conditionalFormats.add('CellValue');
    cf.cellValue.format.fill.color = fill;
    cf.cellValue.rule = { formula1: `="${text}"`, operator: 'EqualTo' };
    await context.sync();
  });
}

const describeSheet = (s: StandIn) => s.model.sheet('Clients').conditionalFormats.map((cf) => `${cf.type} ${cf.ranges.map(formatRef).join(' ')} ${cf.rule?.formula1 ?? cf.formula} ${cf.style.fill}`);

describe('Range.conditionalFormats', () => {
  it('adds a CellValue rule: writes are queued until sync, properties throw until loaded and synced', async () => {
    const s = book();
    await s.run(async (context) => {
      const range = context.workbook.worksheets.getItem('Clients').getRange('B2:B5');
      const cf = range.conditionalFormats.add('CellValue');
      cf.cellValue.format.fill.color = '#f4d35e';
      cf.cellValue.format.font.color = 'black';
      cf.cellValue.rule = { formula1: '="VIP"', operator: 'EqualTo' };
      // a value set on the proxy reads back at once; nothing is in the model yet
      expect(cf.cellValue.format.fill.color).toBe('#f4d35e');
      expect(s.model.sheet('Clients').conditionalFormats).toHaveLength(0);
      expect(() => cf.type).toThrow(/not available|load/i);
      await context.sync();
      expect(s.model.sheet('Clients').conditionalFormats).toHaveLength(1);
      expect(() => cf.priority).toThrow(/not available|load/i);
      cf.load('id,type,priority');
      cf.cellValue.load('rule');
      await context.sync();
      expect(cf.type).toBe('CellValue');
      expect(cf.priority).toBe(0);
      expect(cf.id).toMatch(/^\{CF-\d+\}$/);
      expect(cf.cellValue.rule).toEqual({ formula1: '="VIP"', operator: 'EqualTo' });
    });
    const [cf] = s.model.sheet('Clients').conditionalFormats;
    expect(cf.ranges).toEqual([{ r0: 1, c0: 1, r1: 4, c1: 1 }]);
    expect(cf.style).toEqual({ fill: '#F4D35E', fontColor: '#000000', bold: null, italic: null });
  });

  it('lists the formats that touch the range, top priority first; items need load; getCount, getItemAt, getItem', async () => {
    const s = book();
    await addEqualTo(s, 'B2:B5', 'VIP', '#F4D35E');
    await addEqualTo(s, 'B2:B5', 'Key', '#9DC3E6');
    await addEqualTo(s, 'D1:D3', 'x', '#FF0000');
    await s.run(async (context) => {
      const col = context.workbook.worksheets.getItem('Clients').getRange('B:B');
      const cfs = col.conditionalFormats;
      expect(() => cfs.items).toThrow(/not available|load/i);
      const count = cfs.getCount();
      cfs.load('items/type,items/priority,items/id');
      await context.sync();
      expect(count.value).toBe(2);
      // priorities are indexes within this collection (B:B), not the sheet's order, where the D
      // rule, added last, is on top (ConditionalFormat.priority on learn.microsoft.com)
      expect(cfs.items.map((i) => [i.type, i.priority])).toEqual([
        ['CellValue', 0],
        ['CellValue', 1],
      ]);
      // the newest rule is on top
      const first = cfs.getItemAt(0);
      first.cellValue.load('rule');
      first.cellValue.format.fill.load('color');
      const byId = cfs.getItem(cfs.items[1].id);
      byId.cellValue.load('rule');
      await context.sync();
      expect(first.cellValue.rule.formula1).toBe('="Key"');
      expect(first.cellValue.format.fill.color).toBe('#9DC3E6');
      expect(byId.cellValue.rule.formula1).toBe('="VIP"');
      cfs.getItemAt(5);
      expect((await failure(context.sync())).code).toBe(ErrorCodes.itemNotFound);
    });
  });

  it('priority is relative to the collection the format was read from, for reading and for setting', async () => {
    const s = book();
    await addEqualTo(s, 'B1', 'Tier', '#FF0000'); // a rule on the header cell only
    await addEqualTo(s, 'B2:B5', 'VIP', '#F4D35E');
    await addEqualTo(s, 'A2:A5', 'x', '#00B050'); // elsewhere, on top of the sheet
    await addEqualTo(s, 'B2:B5', 'Key', '#9DC3E6');
    expect(describeSheet(s)).toEqual(['CellValue B2:B5 ="Key" #9DC3E6', 'CellValue A2:A5 ="x" #00B050', 'CellValue B2:B5 ="VIP" #F4D35E', 'CellValue B1 ="Tier" #FF0000']);
    await s.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('Clients');
      const column = ws.getRange('B:B').conditionalFormats.load('items/priority');
      const body = ws.getRange('B2:B5').conditionalFormats.load('items/priority');
      const sheet = ws.getRange().conditionalFormats.load('items/priority');
      await context.sync();
      expect(column.items.map((c) => c.priority)).toEqual([0, 1, 2]); // Key, VIP, Tier
      expect(body.items.map((c) => c.priority)).toEqual([0, 1]); // Key, VIP
      expect(sheet.items.map((c) => c.priority)).toEqual([0, 1, 2, 3]);
      // the same format, read through two collections: VIP is 1 in B:B and 2 in the sheet's
      // move the header rule to index 0 of B:B: above Key, not to the sheet's top
      column.items[2].priority = 0;
      await context.sync();
      expect(describeSheet(s)).toEqual(['CellValue B1 ="Tier" #FF0000', 'CellValue B2:B5 ="Key" #9DC3E6', 'CellValue A2:A5 ="x" #00B050', 'CellValue B2:B5 ="VIP" #F4D35E']);
      // a format added over B2:B5 and given priority 1 there goes between Key and VIP in that
      // collection; in the sheet's order (on which the docs are silent) right above VIP
      const added = ws.getRange('B2:B5').conditionalFormats.add('CellValue');
      added.cellValue.rule = { formula1: '="New"', operator: 'EqualTo' };
      added.cellValue.format.fill.color = '#000000';
      added.priority = 1;
      await context.sync();
      expect(describeSheet(s)).toEqual([
        'CellValue B1 ="Tier" #FF0000',
        'CellValue B2:B5 ="Key" #9DC3E6',
        'CellValue A2:A5 ="x" #00B050',
        'CellValue B2:B5 ="New" #000000',
        'CellValue B2:B5 ="VIP" #F4D35E',
      ]);
    });
  });

  it('reading cellValue of a format of another type fails the sync; cellValueOrNullObject is a null object', async () => {
    const s = book();
    await s.run(async (context) => {
      const range = context.workbook.worksheets.getItem('Clients').getRange('A2:A5');
      const custom = range.conditionalFormats.add('Custom');
      custom.custom.rule.formula = '=LEN(A2)>4';
      custom.custom.format.font.bold = true;
      await context.sync();
      const asCellValue = custom.cellValueOrNullObject;
      asCellValue.load('rule');
      custom.custom.rule.load('formula');
      await context.sync();
      expect(asCellValue.isNullObject).toBe(true);
      expect(custom.custom.rule.formula).toBe('=LEN(A2)>4');
      // as office-js issue #2180: loading items/cellValue over a collection with other types fails
      range.conditionalFormats.load('items/cellValue/rule');
      const e = await failure(context.sync());
      expect(e.code).toBe(ErrorCodes.invalidOperation);
    });
  });

  it('refuses bad rules and colours with InvalidArgument, and unmodelled types with NotImplemented', async () => {
    const s = book();
    await s.run(async (context) => {
      const range = context.workbook.worksheets.getItem('Clients').getRange('B2:B5');
      const cf = range.conditionalFormats.add('CellValue');
      cf.cellValue.rule = { formula1: '="A"B"', operator: 'EqualTo' }; // unescaped quote
      expect((await failure(context.sync())).code).toBe(ErrorCodes.invalidArgument);
      const cf2 = range.conditionalFormats.add('CellValue');
      cf2.cellValue.format.fill.color = 'not a colour';
      expect((await failure(context.sync())).code).toBe(ErrorCodes.invalidArgument);
      range.conditionalFormats.add('DataBar');
      expect((await failure(context.sync())).code).toBe(ErrorCodes.notImplemented);
      range.conditionalFormats.add('Sparkles' as Excel.ConditionalFormatType);
      expect((await failure(context.sync())).code).toBe(ErrorCodes.invalidArgument);
    });
    // the two adds ran before their failing property writes (Office keeps what ran)
    expect(s.model.sheet('Clients').conditionalFormats.map((c) => c.rule)).toEqual([null, null]);
  });

  it('delete removes one format; clearAll takes the range out of every format; priority moves a format', async () => {
    const s = book();
    await addEqualTo(s, 'B2:B5', 'VIP', '#F4D35E');
    await addEqualTo(s, 'B2:B5', 'Key', '#9DC3E6');
    await addEqualTo(s, 'D2:D5', 'x', '#FF0000');
    expect(describeSheet(s)).toEqual(['CellValue D2:D5 ="x" #FF0000', 'CellValue B2:B5 ="Key" #9DC3E6', 'CellValue B2:B5 ="VIP" #F4D35E']);
    await s.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('Clients');
      // alone in the D2 collection: a priority set there moves nothing
      const alone = ws.getRange('D2').conditionalFormats.getItemAt(0);
      alone.priority = -1;
      await context.sync();
      expect(describeSheet(s)[0]).toBe('CellValue D2:D5 ="x" #FF0000');
      // in the whole sheet's collection -1 is the end
      const top = ws.getRange().conditionalFormats.getItemAt(0);
      top.priority = -1;
      await context.sync();
      expect(describeSheet(s)[2]).toBe('CellValue D2:D5 ="x" #FF0000');
      ws.getRange('B2:B5').conditionalFormats.getItemAt(0).delete();
      await context.sync();
      expect(describeSheet(s)).toEqual(['CellValue B2:B5 ="VIP" #F4D35E', 'CellValue D2:D5 ="x" #FF0000']);
      // clearing the middle rows splits the rule; clearing D takes that rule away
      ws.getRange('B3:B4').conditionalFormats.clearAll();
      ws.getRange('D:D').conditionalFormats.clearAll();
      await context.sync();
    });
    expect(describeSheet(s)).toEqual(['CellValue B2 B5 ="VIP" #F4D35E']);
    await s.run(async (context) => {
      const cf = context.workbook.worksheets.getItem('Clients').getRange('B2').conditionalFormats.getItemAt(0);
      const range = cf.getRangeOrNullObject();
      cf.getRange();
      await failure(context.sync());
      await context.sync();
      expect(range.isNullObject).toBe(true);
    });
  });

  it('clearing formats of cells removes them from conditional formats; deleting a sheet deletes its formats', async () => {
    const s = book();
    await addEqualTo(s, 'B2:B5', 'VIP', '#F4D35E');
    await s.run(async (context) => {
      context.workbook.worksheets.getItem('Clients').getRange('B4:B5').clear('Contents');
      await context.sync();
      expect(describeSheet(s)).toEqual(['CellValue B2:B5 ="VIP" #F4D35E']);
      context.workbook.worksheets.getItem('Clients').getRange('B4:B5').clear('Formats');
      await context.sync();
    });
    expect(describeSheet(s)).toEqual(['CellValue B2:B3 ="VIP" #F4D35E']);
    const cf = s.model.sheet('Clients').conditionalFormats[0];
    await s.run(async (context) => {
      context.workbook.worksheets.getItem('Clients').delete();
      await context.sync();
    });
    expect(cf.deleted).toBe(true);
  });

  it('a protected sheet refuses conditional-format writes with AccessDenied', async () => {
    const s = book();
    s.model.sheet('Clients').protected = true;
    const e = await failure(addEqualTo(s, 'B2:B5', 'VIP', '#F4D35E'));
    expect(e.code).toBe(ErrorCodes.accessDenied);
    expect(s.model.sheet('Clients').conditionalFormats).toHaveLength(0);
  });

  it('a host without ExcelApi 1.6 fails the sync with ApiNotFound and changes nothing', async () => {
    const s = book({ unsupportedApis: ['ExcelApi 1.6'] });
    const e = await failure(addEqualTo(s, 'B2:B5', 'VIP', '#F4D35E'));
    expect(e.code).toBe('ApiNotFound');
    expect(s.model.sheet('Clients').conditionalFormats).toHaveLength(0);
  });

  it('counts the rule and colours in the request bytes', async () => {
    const s = book();
    await addEqualTo(s, 'B2:B5', 'VIP', '#F4D35E');
    const small = s.stats.requestBytes[0];
    s.stats.reset();
    await addEqualTo(s, 'B2:B5', 'V'.repeat(2000), '#F4D35E');
    expect(s.stats.requestBytes[0] - small).toBeGreaterThanOrEqual(1997);
  });
});

describe('conditionalStyleAt (what the workbench grid shows)', () => {
  it('gives the first matching constant EqualTo rule, text compared ignoring case; others are not evaluated', async () => {
    const s = book();
    await addEqualTo(s, 'B2:B5', 'vip', '#F4D35E');
    await addEqualTo(s, 'B2:B3', 'VIP', '#FF0000'); // on top, but only on B2:B3
    await s.run(async (context) => {
      const cf = context.workbook.worksheets.getItem('Clients').getRange('B2:B5').conditionalFormats.add('CellValue');
      cf.cellValue.format.fill.color = '#00FF00';
      cf.cellValue.rule = { formula1: '=$A$1', operator: 'EqualTo' }; // needs a calculation: ignored
      await context.sync();
    });
    const sheet = s.model.sheet('Clients');
    expect(sheet.conditionalStyleAt(1, 1)).toEqual({ fill: '#FF0000', fontColor: null }); // B2 VIP
    expect(sheet.conditionalStyleAt(4, 1)).toEqual({ fill: '#F4D35E', fontColor: null }); // B5 VIP
    expect(sheet.conditionalStyleAt(2, 1)).toBeUndefined(); // B3 Key
    expect(sheet.conditionalStyleAt(1, 0)).toBeUndefined(); // A2, outside every rule
  });
});

describe('conditional formats in .xlsx', () => {
  it('save then load keeps the rules, their order, areas, fills and fonts', async () => {
    const s = book();
    await addEqualTo(s, 'B2:B5', 'VIP', '#F4D35E');
    await s.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('Clients');
      const cf = ws.getRange('B2:B5').conditionalFormats.add('CellValue');
      cf.cellValue.format.fill.color = '#9DC3E6';
      cf.cellValue.format.font.color = '#000000';
      cf.cellValue.rule = { formula1: '="Say ""hi"""', operator: 'EqualTo' };
      const between = ws.getRange('C2:C5').conditionalFormats.add('CellValue');
      between.cellValue.format.font.italic = true;
      between.cellValue.rule = { formula1: '=1', formula2: '=10', operator: 'Between' };
      const custom = ws.getRange('A2:A5').conditionalFormats.add('Custom');
      custom.custom.rule.formula = '=LEN(A2)>4';
      custom.custom.format.font.bold = true;
      await context.sync();
    });
    s.model.sheet('Clients').conditionalFormats[0].ranges.push({ r0: 9, c0: 0, r1: 10, c1: 0 }); // two areas
    const before = s.model.sheet('Clients').conditionalFormats.map((cf) => ({ type: cf.type, ranges: cf.ranges, rule: cf.rule, formula: cf.formula, style: cf.style }));
    const loaded = await modelFromXlsx(await modelToXlsx(s.model));
    const after = loaded.sheet('Clients').conditionalFormats.map((cf) => ({ type: cf.type, ranges: cf.ranges, rule: cf.rule, formula: cf.formula, style: cf.style }));
    expect(after).toEqual(before);
    expect(after.map((c) => c.type)).toEqual(['Custom', 'CellValue', 'CellValue', 'CellValue']);
    expect(loaded.sheet('Other').conditionalFormats).toHaveLength(0);

    // and what ExcelJS (so Excel) sees in the file: a cellIs rule with its dxf fill
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await modelToXlsx(loaded)) as unknown as ArrayBuffer);
    const cfs = (wb.getWorksheet('Clients') as unknown as { conditionalFormattings: Array<{ ref: string; rules: Array<Record<string, unknown>> }> }).conditionalFormattings;
    const vip = cfs.find((c) => (c.rules[0].formulae as string[])[0] === '"VIP"')!;
    expect(vip.ref).toBe('B2:B5');
    expect(vip.rules[0]).toMatchObject({ type: 'cellIs', operator: 'equal', priority: 4 });
    expect((vip.rules[0].style as { fill: { bgColor: { argb: string } } }).fill.bgColor.argb).toBe('FFF4D35E');
  });

  it('rules of kinds it does not model (a data bar) survive a load and save unchanged', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Data');
    ws.addRow([1]);
    ws.addRow([5]);
    ws.addConditionalFormatting({ ref: 'A1:A2', rules: [{ type: 'dataBar', priority: 1, cfvo: [{ type: 'min' }, { type: 'max' }], color: { argb: 'FF638EC6' } } as unknown as ExcelJS.ConditionalFormattingRule] });
    ws.addConditionalFormatting({ ref: 'A1:A2', rules: [{ type: 'cellIs', operator: 'greaterThan', formulae: ['3'], priority: 2, style: { font: { color: { argb: 'FFFF0000' } } } }] });
    const model = await modelFromXlsx((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    const cfs = model.sheet('Data').conditionalFormats;
    expect(cfs.map((c) => c.type)).toEqual(['DataBar', 'CellValue']);
    expect(cfs[1].rule).toEqual({ formula1: '=3', operator: 'GreaterThan' });
    expect(cfs[1].style.fontColor).toBe('#FF0000');
    const again = new ExcelJS.Workbook();
    await again.xlsx.load((await modelToXlsx(model)) as unknown as ArrayBuffer);
    const rules = (again.getWorksheet('Data') as unknown as { conditionalFormattings: Array<{ rules: Array<{ type: string; cfvo?: unknown }> }> }).conditionalFormattings.flatMap((c) => c.rules);
    expect(rules.map((r) => r.type)).toEqual(['dataBar', 'cellIs']);
    expect(rules[0].cfvo).toEqual([{ type: 'min' }, { type: 'max' }]);
  });
});
