import { DASHBOARD_SHEET, DASHBOARD_TITLE, DashboardSheetContent, PICTURE_PREFIX, stripDataUrl, writeDashboardSheet } from '../../src/excel/dashboardSheet';
import { ExcelLayerError } from '../../src/excel/errors';
import { createStandIn, modelFromGrid, StandIn } from '../../src/workbench/standin';
import { pngBase64 } from '../standin/png';
import { layerError } from './support';

function book(): StandIn {
  return createStandIn(modelFromGrid([{ name: 'Clients', values: [['Client', 'Revenue'], ['ACME', 100]] }]));
}

function content(lang: 'en' | 'ru' = 'en', extra: Partial<DashboardSheetContent> = {}): DashboardSheetContent {
  return {
    lang,
    subtitle: 'Rules: Pareto 50/80',
    blocks: [
      {
        title: 'Key figures',
        headers: ['Indicator', 'Value', 'Note'],
        rows: [
          ['Clients', 320, 'all with a positive total'],
          ['Revenue', 12345678.9, ''],
          ['Top 20% share', 0.735, '64 largest clients'],
          ['Gini', 0.6234, ''],
        ],
        formats: [
          ['@', '#,##0', '@'],
          ['@', '#,##0.00 [$$-409]', '@'],
          ['@', '0.0%', '@'],
          ['@', '0.000', '@'],
        ],
      },
      {
        title: 'Tier mix',
        headers: ['Tier', 'Clients'],
        rows: [
          ['=VIP', 12],
          ['Key', 50],
          ['Standard', 258],
        ],
        columnFormats: ['@', '#,##0'],
      },
    ],
    pictures: [
      { name: 'Pareto', base64: `data:image/png;base64,${pngBase64(640, 360)}`, width: 480, height: 270, title: 'Pareto chart', description: 'Top 20% of clients make 73.5% of revenue' },
      { name: 'Lorenz', base64: pngBase64(640, 360), width: 480, height: 270, title: 'Lorenz curve', description: 'Gini 0.623' },
    ],
    ...extra,
  };
}

describe('writeDashboardSheet', () => {
  it('creates the Dashboard sheet: title, KPI table with formats, pictures named and described', async () => {
    const s = book();
    const r = await writeDashboardSheet(s.run, content());
    expect(r).toMatchObject({ sheet: 'Dashboard', created: true, pictures: 2, removedPictures: 0, skippedPictures: [] });
    const ws = s.model.sheet('Dashboard');
    expect(ws.cell('A1')).toMatchObject({ value: DASHBOARD_TITLE.en, bold: true, numberFormat: '@' });
    expect(ws.cell('A2').value).toBe('Rules: Pareto 50/80');
    // blocks from row 4: title, header, rows
    expect(ws.cell('A4')).toMatchObject({ value: 'Key figures', bold: true });
    expect(ws.read('A5:C5')).toEqual([['Indicator', 'Value', 'Note']]);
    expect(ws.cell('A5').bold).toBe(true);
    expect(ws.cell('B6')).toMatchObject({ value: 320, numberFormat: '#,##0' });
    expect(ws.cell('B7')).toMatchObject({ value: 12345678.9, numberFormat: '#,##0.00 [$$-409]' });
    expect(ws.cell('B8')).toMatchObject({ value: 0.735, numberFormat: '0.0%' });
    expect(ws.cell('C8')).toMatchObject({ value: '64 largest clients', numberFormat: '@' });
    // client text that looks like a formula stays text
    expect(ws.cell('A13')).toMatchObject({ value: '=VIP', formula: undefined, numberFormat: '@' });
    expect(ws.cell('B13').value).toBe(12);
    // pictures: our names, the alt text, right of the tables, one under the other
    expect(ws.shapes.map((x) => x.name)).toEqual([`${PICTURE_PREFIX}Pareto`, `${PICTURE_PREFIX}Lorenz`]);
    const [pareto, lorenz] = ws.shapes;
    expect(pareto).toMatchObject({ width: 480, height: 270, altTextTitle: 'Pareto chart', altTextDescription: 'Top 20% of clients make 73.5% of revenue' });
    expect(pareto.image.base64).toBe(stripDataUrl(content().pictures[0].base64));
    expect(pareto.left).toBeGreaterThan(200 + 90);
    expect(lorenz.left).toBe(pareto.left);
    expect(lorenz.top).toBeGreaterThanOrEqual(pareto.top + 270);
    expect(s.model.activeSheet?.name).toBe('Dashboard');
  });

  it('refreshes in place: same sheet, old cells cleared, our pictures replaced (no duplicates), other shapes kept', async () => {
    const s = book();
    await writeDashboardSheet(s.run, content());
    const ws = s.model.sheet('Dashboard');
    const id = ws.id;
    // the user adds a logo of their own
    await s.run(async (ctx) => {
      const logo = ctx.workbook.worksheets.getItem('Dashboard').shapes.addImage(pngBase64(10, 10));
      logo.name = 'Logo';
      await ctx.sync();
    });
    const smaller = content('en', { blocks: [{ title: 'Key figures', headers: ['Indicator', 'Value'], rows: [['Clients', 300]] }] });
    s.stats.reset();
    const r = await writeDashboardSheet(s.run, smaller);
    expect(r).toMatchObject({ created: false, pictures: 2, removedPictures: 2 });
    expect(s.model.sheets.map((x) => x.name)).toEqual(['Clients', 'Dashboard']);
    expect(s.model.sheet('Dashboard').id).toBe(id);
    expect(ws.cell('B6').value).toBe(300);
    // rows of the first insert that the second does not write are gone, formats too
    expect(ws.cell('A7').value).toBeUndefined();
    expect(ws.cell('B8')).toMatchObject({ value: undefined, numberFormat: 'General' });
    expect(ws.cell('A13').value).toBeUndefined();
    expect(ws.shapes.map((x) => x.name).sort()).toEqual(['ClientTiers.Lorenz', 'ClientTiers.Pareto', 'Logo']);
    // a third insert still has exactly one of each
    await writeDashboardSheet(s.run, smaller);
    expect(ws.shapes.filter((x) => x.name.startsWith(PICTURE_PREFIX))).toHaveLength(2);
  });

  it('a sheet of that name that is the user’s is not touched: ours goes to "Dashboard (2)", refreshed there next time', async () => {
    const s = createStandIn(modelFromGrid([{ name: 'Dashboard', values: [['My own figures', 42]] }]));
    const r = await writeDashboardSheet(s.run, content());
    expect(r).toMatchObject({ sheet: 'Dashboard (2)', created: true });
    expect(s.model.sheet('Dashboard').cell('A1').value).toBe('My own figures');
    expect(s.model.sheet('Dashboard').shapes).toHaveLength(0);
    expect(s.model.sheet('Dashboard (2)').cell('A1').value).toBe(DASHBOARD_TITLE.en);
    // the next insert refreshes ours, even after the user renamed it
    s.model.sheet('Dashboard (2)').name = 'Board';
    const again = await writeDashboardSheet(s.run, content());
    expect(again).toMatchObject({ sheet: 'Board', created: false });
    expect(s.model.sheets.map((x) => x.name)).toEqual(['Dashboard', 'Board']);
    // only when the user confirms is their sheet taken over
    await writeDashboardSheet(createStandIn(s.model).run, content(), { overwriteConfirmed: true });
    // (ours is found first: the confirmation is for a workbook without one)
    expect(s.model.sheet('Dashboard').cell('A1').value).toBe('My own figures');
    // an empty sheet of that name is fine
    const empty = createStandIn(modelFromGrid([{ name: 'Clients', values: [['x']] }, { name: 'Dashboard', values: [] }]));
    await expect(writeDashboardSheet(empty.run, content())).resolves.toMatchObject({ sheet: 'Dashboard', created: false });
    // a dashboard made before sheets were marked (our title in A1) is refreshed in place
    const old = createStandIn(modelFromGrid([{ name: 'Dashboard', values: [[DASHBOARD_TITLE.en], ['old']] }]));
    await expect(writeDashboardSheet(old.run, content())).resolves.toMatchObject({ sheet: 'Dashboard', created: false });
  });

  it('Russian: the "Панель" sheet with the Russian title', async () => {
    const s = book();
    const r = await writeDashboardSheet(s.run, content('ru'));
    expect(r.sheet).toBe(DASHBOARD_SHEET.ru);
    expect(s.model.sheet('Панель').cell('A1').value).toBe('Уровни клиентов — панель');
  });

  it('batches requests under the budget; a picture too large for one request is left out, and said so', async () => {
    const s = book();
    const rows = Array.from({ length: 400 }, (_, i) => [`Client ${i}`, i * 1000.5, 'some note text']);
    const big = pngBase64(16, 16, 30_000);
    const c = content('en', {
      blocks: [{ title: 'Many', headers: ['A', 'B', 'C'], rows, columnFormats: ['@', '#,##0.00', '@'] }],
      pictures: [
        { name: 'Small', base64: pngBase64(64, 36), width: 48, height: 27 },
        { name: 'Big', base64: big, width: 48, height: 27 },
      ],
    });
    const budget = 20_000;
    const r = await writeDashboardSheet(s.run, c, { budgetBytes: budget });
    expect(r.skippedPictures).toEqual(['Big']);
    expect(r.pictures).toBe(1);
    expect(s.stats.syncs).toBeGreaterThan(3);
    // every request stays near the budget (one block slice or one picture at most over it)
    expect(s.stats.maxRequestBytes).toBeLessThan(budget * 2);
    expect(s.model.sheet('Dashboard').cell('A405').value).toBe('Client 399');
    expect(s.model.sheet('Dashboard').cell('B405').value).toBe(399 * 1000.5);
  });

  it('default budget: one sheet of KPIs and three pictures in a handful of syncs', async () => {
    const s = book();
    const c = content('en', { pictures: ['Pareto', 'Lorenz', 'TierMix'].map((name) => ({ name, base64: pngBase64(1280, 720), width: 480, height: 270 })) });
    const r = await writeDashboardSheet(s.run, c);
    expect(r.pictures).toBe(3);
    expect(s.stats.syncs).toBeLessThanOrEqual(4);
  });

  it('a protected Dashboard sheet gives the protected-sheet message', async () => {
    const s = book();
    await writeDashboardSheet(s.run, content());
    s.model.sheet('Dashboard').protected = true;
    const e = await layerError(writeDashboardSheet(s.run, content()), 'AccessDenied');
    expect(e).toBeInstanceOf(ExcelLayerError);
    expect(e.messages.en).toMatch(/protected/);
  });
});
