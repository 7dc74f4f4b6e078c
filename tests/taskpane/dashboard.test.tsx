/** @jest-environment jsdom */
import './setup';
import { WithDoor } from './door';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { FluentProvider, webDarkTheme, webLightTheme } from '@fluentui/react-components';
import { LANGS, loadSample, SAMPLE } from './harness';
import { pngBase64 } from '../standin/png';
import { Analysis, analyzeGrid } from '../../src/core/analyze';
import { CellValue } from '../../src/core/cells';
import { buildDashboard } from '../../src/core/dashboard';
import { dashboardKpis } from '../../src/core/dashboardKpis';
import { formatPercent, Lang } from '../../src/core/format';
import { detectTable } from '../../src/core/table';
import { readSheet, SheetData } from '../../src/excel/readSheet';
import { PICTURE_PREFIX } from '../../src/excel/dashboardSheet';
import { createStandIn, StandIn } from '../../src/workbench/standin';
import { Dashboard, moneyFormatOf } from '../../src/taskpane/dashboard';
import { lorenzConfig, paretoConfig, tierMixConfig } from '../../src/taskpane/dashboard/chartConfigs';
import { formatters } from '../../src/taskpane/dashboard/format';
import { chartPalette, contrastRatio } from '../../src/taskpane/dashboard/palette';
import { dashboardStrings } from '../../src/taskpane/dashboard/strings';

/**
 * The dashboard over the real sample workbooks, in jsdom. jsdom has no canvas: getContext
 * returns null here, so the chart wrapper draws nothing and the tests check what the charts are
 * built from (configurations), their text alternatives, the tables, the plan editor, and the
 * "Insert into workbook" path against the stand-in (pictures from an injected renderer).
 */
let getContext: jest.SpyInstance;
beforeEach(() => {
  getContext = jest.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null);
});
afterEach(() => getContext.mockRestore());

interface Book {
  standIn: StandIn;
  data: SheetData;
  analysis: Analysis;
}

async function sampleAnalysis(lang: Lang, sheet: 'clients' | 'sales'): Promise<Book> {
  const standIn = createStandIn(await loadSample(lang));
  const data = await readSheet(standIn.run, { sheet: SAMPLE[lang][sheet] });
  const table = detectTable(data.values);
  const analysis = analyzeGrid(data.values, { detect: { headerRow: table.headerRow }, periods: true, windowMonths: sheet === 'sales' ? 12 : undefined });
  return { standIn, data, analysis };
}

function show(b: Book, lang: Lang, props: Partial<Parameters<typeof Dashboard>[0]> = {}, dark = false) {
  return render(
    <FluentProvider theme={dark ? webDarkTheme : webLightTheme}>
      <WithDoor run={b.standIn.run} lang={lang} messageTestId="dashboard-message" init={false}>
        {({ state, actions }) => (
          <Dashboard analysis={b.analysis} lang={lang} dark={dark} busy={Boolean(state.busy)} onInsert={actions.insertDashboard} moneyFormat={moneyFormatOf(b.data, b.analysis)} {...props} />
        )}
      </WithDoor>
    </FluentProvider>,
  );
}

const stubPng = () => pngBase64(64, 36);

describe.each(LANGS)('Dashboard on the sample workbook (%s)', (lang) => {
  const s = dashboardStrings(lang);

  test('KPI cards show the review’s figures; the top shares lead for a book of 320', async () => {
    const b = await sampleAnalysis(lang, 'clients');
    show(b, lang);
    const root = screen.getByTestId('dashboard');
    expect(within(root).getByRole('heading', { name: s.heading })).toBeTruthy();
    const k = dashboardKpis(b.analysis);
    const card = (id: string) => screen.getByTestId(`kpi-${id}`);
    expect(card('clients').textContent).toContain(String(k.clients));
    expect(card('top20').textContent).toContain(formatPercent(k.top20Share, lang));
    expect(card('top10').textContent).toContain(formatPercent(k.top10Share, lang));
    expect(card('at-risk').querySelector('strong')?.textContent).toBe(String(b.analysis.statuses.grace));
    expect(card('downgrades').querySelector('strong')?.textContent).toBe(String(b.analysis.statuses.down));
    expect(card('gini').textContent).toContain(k.gini.toFixed(3).replace('.', lang === 'ru' ? ',' : '.'));
    // 320 clients: the top shares are the headline; HHI says why it is small
    expect(card('top20').dataset.headline).toBe('true');
    expect(card('hhi').dataset.headline).toBeUndefined();
    expect(card('hhi').textContent).toContain(s.kpi.hhiSmall);
    // money in the workbook's currency ($ or ₽ from the amount column's format)
    expect(card('revenue').textContent).toContain(lang === 'ru' ? '₽' : '$');
    // cards come in a labelled list
    expect(screen.getByRole('list', { name: s.kpi.region })).toBeTruthy();
  });

  test('each chart has a text alternative (aria-label = caption); nothing drawn without a canvas', async () => {
    const b = await sampleAnalysis(lang, 'clients');
    show(b, lang);
    const k = dashboardKpis(b.analysis);
    const pareto = screen.getByTestId('chart-pareto');
    const img = within(pareto).getByRole('img');
    const label = img.getAttribute('aria-label') ?? '';
    expect(pareto.querySelector('figcaption')?.textContent).toBe(label);
    expect(label).toContain(lang === 'ru' ? `топ-20% клиентов дают ${formatPercent(k.top20Share, lang)} выручки` : `top 20% of clients make ${formatPercent(k.top20Share, lang)} of revenue`);
    expect(pareto.dataset.drawn).toBe('false');
    const lorenz = within(screen.getByTestId('chart-lorenz')).getByRole('img');
    expect(lorenz.getAttribute('aria-label')).toContain(k.gini.toFixed(3).replace('.', lang === 'ru' ? ',' : '.'));
    const mix = within(screen.getByTestId('chart-tier-mix')).getByRole('img');
    for (const tier of ['VIP', 'Key', 'Standard']) expect(mix.getAttribute('aria-label')).toContain(`${tier}: ${b.analysis.tiers[tier].clients}`);
    // the Pareto data: one row per band, at most 40
    const rows = within(screen.getByTestId('pareto-table')).getAllByRole('row');
    const d = buildDashboard(b.analysis);
    expect(rows.length - 1).toBe(d.pareto.bands.length);
    expect(d.pareto.bands.length).toBeLessThanOrEqual(40);
  });

  test('tier mix: clients and revenue per tier; movements against the sheet’s tiers, then the history', async () => {
    const b = await sampleAnalysis(lang, 'clients');
    const view = show(b, lang);
    const table = screen.getByTestId('tier-mix-table');
    for (const tier of ['VIP', 'Key', 'Standard']) {
      const row = within(table).getByRole('row', { name: new RegExp(`^${tier}`) });
      expect(within(row).getAllByRole('cell')[0].textContent).toBe(String(b.analysis.tiers[tier].clients));
    }
    const d = buildDashboard(b.analysis);
    expect(d.tierMix.movements.source).toBe('review');
    expect(screen.getByTestId('movements').textContent).toContain(s.mix.fromSheet);
    expect(screen.getByTestId('movements').textContent).toContain(s.mix.counts(d.tierMix.movements.up, d.tierMix.movements.down, d.tierMix.movements.same, d.tierMix.movements.new, 0));
    view.unmount();
    // with a Tier history: the last review's date and a client who left
    const history: CellValue[][] = [
      ['Review date', 'Client', 'From', 'To', 'Status', 'Figure', 'Bar', 'Reviews below', 'Rule set'],
      [46022, 'Gone Away Ltd', '', 'Key', 'New', 1000, '', 0, 'x'],
    ];
    show(b, lang, { history });
    const line = screen.getByTestId('movements').textContent ?? '';
    expect(line).toContain(lang === 'ru' ? '31.12.2025' : '31 Dec 2025');
    expect(line).toMatch(lang === 'ru' ? /выбыло 1/ : /1 left/);
    expect(screen.getByTestId('reviews-table')).toBeTruthy();
  });

  test('ABC × XYZ: a matrix from the transaction log, a note for a sheet without months', async () => {
    const clients = await sampleAnalysis(lang, 'clients');
    const view = show(clients, lang);
    expect(screen.getByTestId('abc-xyz-none').textContent).toBe(s.matrix.none);
    view.unmount();
    const sales = await sampleAnalysis(lang, 'sales');
    show(sales, lang);
    const m = buildDashboard(sales.analysis).matrix;
    expect(m.available).toBe(true);
    // the sample's twelve months of sales, the last one cut by the as-of date: complete months only
    expect(m.span!.count).toBeGreaterThanOrEqual(11);
    expect(screen.getByTestId('abc-xyz').querySelector('caption')?.textContent).toBe(s.matrix.caption(m.span!.count, 'month', 10, 25));
    expect(screen.getByTestId('abc-xyz-AX').textContent).toMatch(new RegExp(`^${m.cells.A.X.clients} \\(`));
    expect(screen.getByTestId('abc-xyz-CZ').textContent).toMatch(new RegExp(`^${m.cells.C.Z.clients} \\(`));
    expect(screen.getByTestId('xyz-periods').textContent).toContain(String(m.periodsPerClient!.median));

    // the XYZ settings: by quarter, then wider cut-offs; a bad value is marked and the matrix stays
    const cellsOf = () => Object.fromEntries((['A', 'B', 'C'] as const).flatMap((a) => (['X', 'Y', 'Z'] as const).map((x) => [a + x, Number(/^\d+/.exec(screen.getByTestId(`abc-xyz-${a}${x}`).textContent ?? '')?.[0])])));
    const expected = (xyz: { x: number; y: number; period: 'month' | 'quarter' }) => {
      const q = buildDashboard(sales.analysis, { xyz }).matrix;
      return Object.fromEntries((['A', 'B', 'C'] as const).flatMap((a) => (['X', 'Y', 'Z'] as const).map((x) => [a + x, q.cells[a][x].clients])));
    };
    fireEvent.change(screen.getByTestId('xyz-period'), { target: { value: 'quarter' } });
    await waitFor(() => expect(cellsOf()).toEqual(expected({ x: 0.1, y: 0.25, period: 'quarter' })));
    const q = buildDashboard(sales.analysis, { xyz: { x: 0.1, y: 0.25, period: 'quarter' } }).matrix;
    expect(screen.getByTestId('abc-xyz').querySelector('caption')?.textContent).toBe(s.matrix.caption(q.span!.count, 'quarter', 10, 25));
    fireEvent.change(screen.getByTestId('xyz-y'), { target: { value: '60' } });
    fireEvent.change(screen.getByTestId('xyz-x'), { target: { value: '30' } });
    await waitFor(() => expect(cellsOf()).toEqual(expected({ x: 0.3, y: 0.6, period: 'quarter' })));
    fireEvent.change(screen.getByTestId('xyz-y'), { target: { value: '20' } });
    expect(await screen.findByText(lang === 'en' ? 'Type a percentage above the X cut-off (30), e.g. 25.' : 'Введите процент больше границы X (30), например 25.')).toBeTruthy();
    expect(cellsOf()).toEqual(expected({ x: 0.3, y: 0.6, period: 'quarter' }));
  });

  test('programme plan: labelled inputs change the staff needed; a bad value is marked and ignored', async () => {
    const b = await sampleAnalysis(lang, 'clients');
    show(b, lang);
    const plan = buildDashboard(b.analysis).plan;
    expect(screen.getByTestId('plan-pass').textContent).toContain(s.plan.pass(plan.pass.clients, '3', plan.pass.perWeek.toFixed(1).replace('.', lang === 'ru' ? ',' : '.'), plan.pass.fullTimeOnly, plan.pass.partTimeOnly));
    const rate = screen.getByLabelText(s.plan.fullTimeRate) as HTMLInputElement;
    expect(rate.value).toBe('15');
    // 30 questionnaires a week full-time: half the people for the pass
    fireEvent.change(rate, { target: { value: '30' } });
    const perWeek = plan.pass.perWeek;
    await waitFor(() => expect(screen.getByTestId('plan-pass').textContent).toContain(s.plan.pass(plan.pass.clients, '3', perWeek.toFixed(1).replace('.', lang === 'ru' ? ',' : '.'), Math.ceil(perWeek / 30), plan.pass.partTimeOnly)));
    // a 2-month pass, with comma decimals accepted
    fireEvent.change(screen.getByLabelText(s.plan.passMonths), { target: { value: '2,5' } });
    await waitFor(() => expect(screen.getByTestId('plan-pass').textContent).toContain(lang === 'ru' ? 'за 2,5 мес.' : 'in 2.5 months'));
    const before = screen.getByTestId('plan-pass').textContent;
    // an unusable value says what is wrong, in the pane's language, under its own field
    const messageOf = (label: string) => {
      const ids = (screen.getByLabelText(label).getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean);
      return ids.map((id) => document.getElementById(id)?.textContent ?? '').join('') || null;
    };
    fireEvent.change(screen.getByLabelText(s.plan.partTimeRate), { target: { value: '0' } });
    await waitFor(() =>
      expect(messageOf(s.plan.partTimeRate)).toBe(
        lang === 'ru'
          ? 'Число анкет в неделю у менеджера, который и продаёт, должно быть больше 0 и не больше 200 (получено 0).'
          : 'Questionnaires a week of a manager who also sells must be above 0 and at most 200 (got 0).',
      ),
    );
    expect(screen.getByTestId('plan-pass').textContent).toBe(before);
    fireEvent.change(screen.getByLabelText(s.plan.partTimeRate), { target: { value: '5' } });
    await waitFor(() => expect(messageOf(s.plan.partTimeRate)).toBeNull());
    // the share is typed in percent and reported in percent; a word is no number
    fireEvent.change(screen.getByLabelText(s.plan.keyShare), { target: { value: '150' } });
    await waitFor(() =>
      expect(messageOf(s.plan.keyShare)).toBe(
        lang === 'ru' ? 'Доля крупнейших клиентов должна быть больше 0 и не больше 100\u00a0% (получено 150\u00a0%).' : 'The top share of clients must be above 0% and at most 100% (got 150%).',
      ),
    );
    fireEvent.change(screen.getByLabelText(s.plan.keyShare), { target: { value: '20' } });
    fireEvent.change(screen.getByLabelText(s.plan.passFullTime), { target: { value: 'два' } });
    await waitFor(() =>
      expect(messageOf(s.plan.passFullTime)).toBe(
        lang === 'ru' ? 'Число занятых полностью на проходе должно быть целым, 0 или больше (число не указано).' : 'Full-time people on the pass must be a whole number, 0 or more (no number given).',
      ),
    );
    expect(messageOf(s.plan.keyShare)).toBeNull();
    fireEvent.change(screen.getByLabelText(s.plan.passFullTime), { target: { value: '0' } });
    await waitFor(() => expect(messageOf(s.plan.passFullTime)).toBeNull());
    expect(screen.getByTestId('plan-pass').textContent).toBe(before);
    // the top-tier interval: monthly → every 2 months halves that segment's meetings
    const vip = plan.segments[0];
    fireEvent.change(screen.getByLabelText(s.plan.every(s.plan.segment.mostValuable)), { target: { value: '2' } });
    await waitFor(() => expect(screen.getByTestId('plan-meetings').textContent).toBe((plan.meetingsPerMonth - vip.clients / 2).toFixed(1).replace('.', lang === 'ru' ? ',' : '.')));
  });

  test('Insert into workbook: the Dashboard sheet with the KPIs and three pictures, refreshed in place', async () => {
    const b = await sampleAnalysis(lang, 'clients');
    const renderPng = jest.fn(stubPng);
    show(b, lang, { renderPng });
    const button = screen.getByRole('button', { name: s.insert });
    await act(async () => {
      fireEvent.click(button);
    });
    const msg = await screen.findByTestId('dashboard-message');
    const sheetName = lang === 'ru' ? 'Панель' : 'Dashboard';
    expect(msg.textContent).toBe(s.inserted(sheetName, 3));
    expect(renderPng).toHaveBeenCalledTimes(3);
    const ws = b.standIn.model.sheet(sheetName);
    expect(ws.shapes.map((x) => x.name)).toEqual(['Pareto', 'Lorenz', 'TierMix'].map((n) => PICTURE_PREFIX + n));
    expect(ws.shapes[0].altTextDescription).toBe(within(screen.getByTestId('chart-pareto')).getByRole('img').getAttribute('aria-label'));
    // KPI table: clients and the top-20% share as numbers with formats
    const k = dashboardKpis(b.analysis);
    expect(ws.cell('A4').value).toBe(s.kpi.region);
    expect(ws.cell('B6')).toMatchObject({ value: k.clients, numberFormat: '#,##0' });
    expect(ws.cell('B7').numberFormat).toBe(lang === 'ru' ? '#,##0.00 "₽"' : '#,##0.00 [$$-409]');
    expect(ws.cell('B8')).toMatchObject({ value: k.top20Share, numberFormat: '0.0%' });
    // the second insert replaces, never duplicates
    await act(async () => {
      fireEvent.click(button);
    });
    await waitFor(() => expect(renderPng).toHaveBeenCalledTimes(6));
    await waitFor(() => expect((screen.getByRole('button', { name: s.insert }) as HTMLButtonElement).disabled).toBe(false));
    expect(b.standIn.model.sheet(sheetName).shapes).toHaveLength(3);
    expect(b.standIn.model.sheets.filter((x) => x.name === sheetName)).toHaveLength(1);
  });

  test('without a canvas the insert writes the figures and says the charts are missing', async () => {
    const b = await sampleAnalysis(lang, 'clients');
    show(b, lang);
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: s.insert }));
    });
    const msg = await screen.findByTestId('dashboard-message');
    expect(msg.textContent).toBe(s.insertedNoPictures(lang === 'ru' ? 'Панель' : 'Dashboard'));
    expect(b.standIn.model.sheet(lang === 'ru' ? 'Панель' : 'Dashboard').shapes).toHaveLength(0);
  });
});

describe('HHI bands and the headline for a small key-account book', () => {
  function keyAccounts(): Book {
    // five accounts: HHI = 30² + 30² + 20² + 10² + 10² = 2400
    const grid: CellValue[][] = [['Client', 'Revenue'], ['A', 300], ['B', 300], ['C', 200], ['D', 100], ['E', 100]];
    const standIn = createStandIn();
    const analysis = analyzeGrid(grid);
    return { standIn, analysis, data: { formats: [] } as unknown as SheetData };
  }

  test('2023 guidelines: highly concentrated; 2010 (option): moderately; HHI leads', async () => {
    const s = dashboardStrings('en');
    show(keyAccounts(), 'en');
    const hhi = screen.getByTestId('kpi-hhi');
    expect(hhi.dataset.headline).toBe('true');
    expect(hhi.querySelector('strong')?.textContent).toBe('2,400');
    expect(screen.getByTestId('kpi-hhi-band').textContent).toBe('highly concentrated');
    fireEvent.change(screen.getByLabelText(s.guidelines), { target: { value: '2010' } });
    await waitFor(() => expect(screen.getByTestId('kpi-hhi-band').textContent).toBe('moderately concentrated'));
    expect(screen.getByTestId('kpi-hhi').textContent).toContain('as concentrated as 4 equal clients');
  });
});

describe('an empty book', () => {
  test('no client with a positive total: cards with zeros, no Pareto or Lorenz chart, the note says why', () => {
    const s = dashboardStrings('en');
    const analysis = analyzeGrid([['Client', 'Revenue'], ['A', 0], ['B', -5]]);
    render(
      <FluentProvider theme={webLightTheme}>
        <Dashboard analysis={analysis} lang="en" dark={false} onInsert={() => undefined} />
      </FluentProvider>,
    );
    expect(screen.getByTestId('dashboard-empty').textContent).toBe(s.noClients);
    expect(screen.queryByTestId('chart-pareto')).toBeNull();
    expect(screen.getByTestId('kpi-clients').querySelector('strong')?.textContent).toBe('0');
    expect(screen.getByTestId('plan-table')).toBeTruthy();
  });
});

describe('chart configurations', () => {
  const grid: CellValue[][] = [['Client', 'Revenue'], ...Array.from({ length: 5000 }, (_, i) => [`C${i}`, Math.round(1e6 / (i + 1))])];
  const analysis = analyzeGrid(grid);
  const d = buildDashboard(analysis, { maxBands: 40 });

  test.each(LANGS)('Pareto (%s): banded bars, the exact line, the 80% mark, labels in the language, no animation', (lang) => {
    const s = dashboardStrings(lang);
    const f = formatters(lang, '#,##0 "₽"');
    const c = paretoConfig(d.pareto, chartPalette(false), { s, of: s.ofMeasure.revenue, percent: f.percent, money: f.money, compact: f.compact, count: f.count, decimal: f.decimal });
    expect(c.options?.animation).toBe(false);
    const [bars, line, mark, crossing] = c.data.datasets;
    expect(bars.label).toBe(s.pareto.barsBanded);
    expect(bars.data.length).toBe(d.pareto.bands.length + 1);
    expect(d.pareto.bands.length).toBeLessThanOrEqual(40);
    expect(line.data).toBe(d.pareto.line);
    expect(line.data[0]).toEqual({ x: 0, y: 0 });
    expect(line.data[line.data.length - 1]).toEqual({ x: 1, y: 1 });
    expect(mark.data).toEqual([
      { x: 0, y: 0.8 },
      { x: 1, y: 0.8 },
    ]);
    expect(crossing.data[1]).toEqual({ x: d.pareto.crossing!.x, y: d.pareto.crossing!.y });
    expect(line.data).toContainEqual({ x: d.pareto.crossing!.x, y: d.pareto.crossing!.y });
    const x = c.options?.scales?.x as { title: { text: string } };
    expect(x.title.text).toBe(s.pareto.xAxis);
    const y = c.options?.scales?.y as { ticks: { callback: (v: number) => string } };
    expect(y.ticks.callback(2_500_000)).toBe(lang === 'ru' ? '2,5\u00a0млн ₽' : '2.5M ₽');
  });

  test('Lorenz and tier mix', () => {
    const s = dashboardStrings('en');
    const f = formatters('en');
    const tx = { s, of: s.ofMeasure.revenue, percent: f.percent, money: f.money, compact: f.compact, count: f.count, decimal: f.decimal };
    const l = lorenzConfig(d.lorenz, chartPalette(true), tx);
    expect(l.data.datasets.map((x) => x.label)).toEqual([s.lorenz.equality, `${s.lorenz.curve} (Gini ${d.lorenz.gini.toFixed(3)})`]);
    expect(l.data.datasets[1].data).toBe(d.lorenz.line);
    const m = tierMixConfig(d.tierMix, chartPalette(false), tx);
    expect(m.data.labels).toEqual(['VIP', 'Key', 'Standard']);
    expect(m.data.datasets[0].data.reduce((a, v) => a + v, 0)).toBeCloseTo(1, 12);
  });

  test('colours keep at least 3:1 contrast against the background in light and dark themes', () => {
    for (const dark of [false, true]) {
      const p = chartPalette(dark);
      for (const c of [p.bars, p.line, p.mark, p.muted, ...p.series.slice(0, 2)]) expect(contrastRatio(c, p.background)).toBeGreaterThanOrEqual(3);
      expect(contrastRatio(p.text, p.background)).toBeGreaterThanOrEqual(7);
    }
  });
});
