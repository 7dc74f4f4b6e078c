/**
 * Test harness for the task pane: the real sample workbooks (samples/*.xlsx) loaded into the
 * workbench's strict Office.js stand-in, the pane rendered over it, and helpers to walk the
 * steps the way a manager does. Nothing of src/excel is mocked: the pane talks to the stand-in
 * through the same `ExcelRun` door it uses inside Excel.
 */
import * as fs from 'fs';
import * as path from 'path';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App, PaneEnvironment } from '../../src/taskpane/App';
import { hostProfile } from '../../src/workbench/standin/hostProfile';
import { strings, Strings } from '../../src/taskpane/i18n';
import { Lang } from '../../src/core/format';
import { createStandIn, ExcelRun, StandIn, WorkbookModel } from '../../src/workbench/standin';
import { CellError } from '../../src/workbench/standin';
import { modelFromXlsx } from '../../src/workbench/standin/xlsxModel';
import { readSheet } from '../../src/excel/readSheet';
import { analyzeGrid, Analysis } from '../../src/core/analyze';
import { detectTable } from '../../src/core/table';
import { DEFAULT_RULES, RuleSet } from '../../src/core/rules';

export const LANGS: Lang[] = ['en', 'ru'];

/** What each sample workbook holds (see scripts/makeSample.ts). */
export const SAMPLE = {
  en: {
    file: 'clients-en.xlsx',
    clients: 'Clients',
    sales: 'Sales',
    about: 'About',
    history: 'Tier history',
    clientTiers: 'Client tiers',
    /** Literal texts the manager should see (not taken from i18n.ts, to catch bad strings). */
    text: {
      oneRowPerClient: 'One row per client',
      transactions: 'Transaction log (date, client, amount)',
      headerRow3: 'Header row: 3',
      empty: 'The sheet is empty',
      notFound: 'looks in the first 20 rows for a header with a client column',
      resultHeaders: ['Tier', 'ABC', 'Tier status', 'Reason', 'Reviews below', 'Next review'],
      grace: 'Grace warning',
      down: 'Down',
      protectedSheet: 'The sheet is protected',
      changed: 'The sheet changed since the review',
      // the sample's figure is a column; its window is named by the column, not claimed
      reasonWords: /\(column 'Revenue \(6 months\)'\)/,
    },
  },
  ru: {
    file: 'clients-ru.xlsx',
    clients: 'Клиенты',
    sales: 'Продажи',
    about: 'О файле',
    history: 'История уровней',
    clientTiers: 'Уровни клиентов',
    text: {
      oneRowPerClient: 'Строка на клиента',
      transactions: 'Журнал продаж (дата, клиент, сумма)',
      headerRow3: 'Строка заголовков: 3',
      empty: 'Лист пуст',
      notFound: 'ищет в первых 20 строках заголовок со столбцом клиента',
      resultHeaders: ['Уровень', 'ABC', 'Статус пересмотра', 'Причина', 'Пересмотров ниже', 'Следующий пересмотр'],
      grace: 'Предупреждение',
      down: 'Понижение',
      protectedSheet: 'Лист защищён',
      changed: 'Лист изменился после пересмотра',
      reasonWords: /\(столбец «Выручка за 6 мес\.»\)/,
    },
  },
} as const;

/** Zero-based columns of the client sheet (both samples share the layout; header on row 3). */
export const COL = { client: 0, manager: 1, contact: 2, email: 3, tier: 4, amount: 5, margin: 6, orders: 7, lastOrder: 8 } as const;
export const HEADER_ROW = 2;

// ---- workbooks ----------------------------------------------------------------------------------

const parsed = new Map<Lang, Promise<WorkbookModel>>();

/**
 * A fresh model of the sample workbook: the .xlsx is read with `modelFromXlsx` once per test file
 * and language (ExcelJS takes a second or two), and each test gets its own deep copy.
 */
export async function loadSample(lang: Lang): Promise<WorkbookModel> {
  let p = parsed.get(lang);
  if (!p) {
    p = modelFromXlsx(fs.readFileSync(path.join(__dirname, '..', '..', 'samples', SAMPLE[lang].file)));
    parsed.set(lang, p);
  }
  return cloneModel(await p);
}

/** A deep copy of a model through its public API: cells, formats, sheets, tables, settings. */
export function cloneModel(src: WorkbookModel): WorkbookModel {
  const out = new WorkbookModel();
  out.date1904 = src.date1904;
  out.name = src.name;
  for (const s of src.sheets) {
    const d = out.addSheet(s.name);
    d.visibility = s.visibility;
    d.protected = s.protected;
    d.frozenRows = s.frozenRows;
    d.frozenColumns = s.frozenColumns;
    d.tabColor = s.tabColor;
    for (const [c, w] of s.columnWidths) d.setColumnWidth(c, w);
    for (const c of s.hiddenColumns) d.setColumnHidden(c, true);
    d.merges.push(...s.merges.map((m) => ({ ...m })));
    for (const r of s.hiddenRowIndices()) d.setRowHidden(r, true);
    const used = s.usedRange(false);
    if (used) {
      for (let r = used.r0; r <= used.r1; r++) {
        for (let c = used.c0; c <= used.c1; c++) {
          const x = s.cell(r, c);
          if (x.formula !== undefined) d.setFormula(r, c, x.formula, x.value);
          else if (x.value !== undefined) d.setValue(r, c, x.value);
          if (x.numberFormat !== 'General') d.setNumberFormat(r, c, x.numberFormat);
          if (x.fill) d.setFill(r, c, x.fill);
          if (x.fontColor) d.setFontColor(r, c, x.fontColor);
          if (x.bold) d.setBold(r, c, true);
          if (x.italic) d.setItalic(r, c, true);
        }
      }
    }
  }
  for (const t of src.tables) {
    const copy = out.addTable(out.sheet(t.sheet.name), { ...t.rect }, t.name, t.showHeaders);
    copy.showTotals = t.showTotals;
    copy.style = t.style;
  }
  for (const [k, v] of src.settings) out.settings.set(k, v);
  if (src.activeSheet) out.activeSheet = out.sheet(src.activeSheet.name);
  return out;
}

export interface SheetSnapshot {
  name: string;
  visibility: string;
  protected: boolean;
  frozen: [number, number];
  columnWidths: Array<[number, number]>;
  hiddenRows: number[];
  /** Every cell that is not blank and unformatted, by A1-style "row,col". */
  cells: Record<string, { value?: string | number | boolean; formula?: string; numberFormat: string; fill?: string; fontColor?: string; bold: boolean; italic: boolean }>;
}

export interface ModelSnapshot {
  sheets: SheetSnapshot[];
  tables: Array<{ name: string; sheet: string; rect: unknown }>;
  settings: Array<[string, string]>;
}

/** Everything the pane could change, as plain data for a deep `toEqual`. */
export function snapshotModel(m: WorkbookModel): ModelSnapshot {
  return {
    sheets: m.sheets.map((s) => snapshotSheet(m, s.name)),
    tables: m.tables.map((t) => ({ name: t.name, sheet: t.sheet.name, rect: { ...t.rect } })),
    settings: [...m.settings.entries()].sort(),
  };
}

export function snapshotSheet(m: WorkbookModel, name: string): SheetSnapshot {
  const s = m.sheet(name);
  const cells: SheetSnapshot['cells'] = {};
  const used = s.usedRange(false);
  if (used) {
    for (let r = used.r0; r <= used.r1; r++) {
      for (let c = used.c0; c <= used.c1; c++) {
        const x = s.cell(r, c);
        if (x.value === undefined && x.formula === undefined && x.numberFormat === 'General' && !x.fill && !x.fontColor && !x.bold && !x.italic) continue;
        cells[`${r},${c}`] = {
          ...(x.value !== undefined ? { value: x.value instanceof CellError ? x.value.code : x.value } : {}),
          ...(x.formula !== undefined ? { formula: x.formula } : {}),
          numberFormat: x.numberFormat,
          ...(x.fill ? { fill: x.fill } : {}),
          ...(x.fontColor ? { fontColor: x.fontColor } : {}),
          bold: x.bold,
          italic: x.italic,
        };
      }
    }
  }
  return {
    name: s.name,
    visibility: s.visibility,
    protected: s.protected,
    frozen: [s.frozenRows, s.frozenColumns],
    columnWidths: [...s.columnWidths.entries()].sort((a, b) => a[0] - b[0]),
    hiddenRows: s.hiddenRowIndices(),
    cells,
  };
}

/** The analysis core makes of the sheet with these rules: the reference the pane must show. */
export async function referenceAnalysis(standIn: StandIn, sheet: string, rules: RuleSet = DEFAULT_RULES): Promise<Analysis> {
  const data = await readSheet(standIn.run, { sheet });
  const table = detectTable(data.values);
  return analyzeGrid(data.values, { rules, detect: { headerRow: table.headerRow } });
}

// ---- the pane -------------------------------------------------------------------------------

export interface Pane {
  lang: Lang;
  t: Strings;
  standIn: StandIn;
  model: WorkbookModel;
  sample: (typeof SAMPLE)[Lang];
}

/**
 * Render the pane over a model (the sample workbook by default) and wait for its sheet list.
 * `wrap` may put something between the pane and the stand-in (e.g. a gate that holds requests).
 * `env` adds to the pane's environment (e.g. a worker to analyse in). The platform is the host
 * profile's named by CLIENT_TIERS_HOST (web by default), so the whole suite can run as on a Mac:
 * `CLIENT_TIERS_HOST=mac npx jest tests/taskpane`.
 */
export async function renderPane(lang: Lang, model?: WorkbookModel, wrap: (run: ExcelRun) => ExcelRun = (run) => run, env: Partial<PaneEnvironment> = {}): Promise<Pane> {
  const m = model ?? (await loadSample(lang));
  const standIn = createStandIn(m);
  render(<App env={{ lang, dark: false, inOffice: false, run: wrap(standIn.run), platform: hostProfile().platform, ...env }} />);
  const t = strings(lang);
  // init() lists the sheets: wait until the first one is an option
  await within(screen.getByLabelText(t.source.sheet)).findByRole('option', { name: m.sheets[0].name });
  return { lang, t, standIn, model: m, sample: SAMPLE[lang] };
}

/** Choose a sheet in step 1 and press "Read the sheet"; resolves when reading is over. */
export async function readSource(p: Pane, sheet: string): Promise<void> {
  fireEvent.change(screen.getByLabelText(p.t.source.sheet), { target: { value: `sheet:${sheet}` } });
  fireEvent.click(screen.getByRole('button', { name: p.t.source.read }));
  // the status line names the sheet read
  await screen.findByText((_, el) => el?.getAttribute('role') === 'status' && el.textContent?.includes(`— ${sheet}`) === true);
  await idle();
}

/** Wait until no work is in progress (the busy region is gone). */
export async function idle(): Promise<void> {
  await waitFor(() => expect(screen.queryByTestId('busy')).toBeNull());
}

/** Step 1 → 2 → 3 on the client sheet and wait for the first review. */
export async function reviewClients(p: Pane): Promise<void> {
  await readSource(p, p.sample.clients);
  fireEvent.click(screen.getByRole('button', { name: p.t.source.next }));
  await screen.findByRole('heading', { name: p.t.rules.heading });
  fireEvent.click(screen.getByRole('button', { name: p.t.rules.next }));
  await screen.findByTestId('status-counts');
  await idle();
}

/** The pane's message bar (success, warning, error), once it shows this text. */
export async function findMessage(text: string | RegExp): Promise<HTMLElement> {
  const body = await screen.findByText(text, { selector: '[data-testid="message"] *' });
  return body.closest('[data-testid="message"]') as HTMLElement;
}

/** The review list's fields of a row, in this order (the figure shows under the client's name). */
export const REVIEW_FIELDS = ['client', 'figure', 'proposed', 'status'] as const;

/** Rows of the review list as [client, figure, proposed, status] texts (header and opened details excluded). */
export function reviewRows(): string[][] {
  // plain DOM queries: role queries over hundreds of cells are slow in jsdom
  const table = screen.getByTestId('review-table');
  return Array.from(table.querySelectorAll('tbody tr'))
    .filter((row) => row.getAttribute('data-testid') !== 'client-details-row')
    .map((row) =>
      REVIEW_FIELDS.map((f) => {
        const el = row.querySelector(`[data-col="${f}"]`);
        // the client cell also holds the figure: its name is the button's text
        const own = f === 'client' ? el?.querySelector('button') : el;
        return own?.textContent ?? '';
      }),
    );
}

/** "Up: 8" items of a counts list as { label: count }. */
export function countsOf(testId: 'status-counts' | 'tier-counts'): Record<string, number> {
  const out: Record<string, number> = {};
  for (const li of within(screen.getByTestId(testId)).getAllByRole('listitem')) {
    const text = li.textContent ?? '';
    const at = text.indexOf(':');
    out[text.slice(0, at)] = Number(li.querySelector('strong')?.textContent);
  }
  return out;
}

/** An amount as the pane formats it ("48,182" / "48 182,5") back to a number. */
export function parseShownAmount(s: string, lang: Lang): number {
  const t = lang === 'ru' ? s.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.') : s.replace(/,/g, '');
  return Number(t.replace('−', '-'));
}

/** The select in step 1 that maps a role to a column. */
export function mapping(p: Pane, role: string): HTMLSelectElement {
  return screen.getByLabelText(p.t.source.roles[role]) as HTMLSelectElement;
}

/** Text of the selected option of a native select. */
export function selectedText(select: HTMLSelectElement): string {
  return select.selectedOptions[0]?.textContent ?? '';
}
