/** @jest-environment jsdom */
import './setup';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import {
  COL,
  countsOf,
  findMessage,
  HEADER_ROW,
  idle,
  LANGS,
  loadSample,
  ModelSnapshot,
  Pane,
  readSource,
  referenceAnalysis,
  renderPane,
  reviewClients,
  SAMPLE,
  snapshotModel,
} from './harness';
import { HISTORY_HEADERS } from '../../src/excel/applyTiers';
import { RULES_KEY } from '../../src/excel/settings';
import { WorkbookModel } from '../../src/workbench/standin';

const RESULT = COL.lastOrder + 1; // the result columns start right of the table (column J)

/**
 * Press a button once it is accessible: after the confirmation dialog closes, Fluent's focus
 * manager un-hides the rest of the page for assistive technology a moment later.
 */
async function press(name: string): Promise<void> {
  fireEvent.click(await screen.findByRole('button', { name }));
}

async function apply(p: Pane): Promise<void> {
  await press(p.t.review.apply);
}

async function undo(p: Pane): Promise<void> {
  await press(p.t.review.undo);
  await findMessage(p.t.review.undone);
  await idle();
}

/**
 * Every sheet exactly as before, cell by cell (values, formulas, number formats, fonts), and no
 * sheet the apply added. Settings are not compared: Apply saves the rules it used in the
 * workbook on purpose, and Undo keeps them.
 */
function expectRestored(model: WorkbookModel, before: ModelSnapshot): void {
  const after = snapshotModel(model);
  expect(after.sheets.map((s) => s.name)).toEqual(before.sheets.map((s) => s.name));
  expect(after.sheets).toEqual(before.sheets);
  expect(after.tables).toEqual(before.tables);
}

/** No alert or message text looks like a stack trace or a raw error. */
function expectNoStackTrace(text: string): void {
  expect(text).not.toMatch(/\bat \S+ \(|\n\s+at |Error:|OfficeExtension|debugInfo|undefined/);
}

describe.each(LANGS)('Apply and undo (%s)', (lang) => {
  test('Apply writes the result columns and the tier history; Undo restores the workbook exactly', async () => {
    const p = await renderPane(lang);
    const before = snapshotModel(p.model);
    await reviewClients(p);
    const ref = await referenceAnalysis(p.standIn, p.sample.clients);

    await apply(p);
    const message = await findMessage(new RegExp(p.sample.clients));
    expect(message.getAttribute('role')).toBe('status');
    expect(message.textContent).toContain(p.sample.history);
    await idle();

    // the result columns beside the table, headers on the header row
    const sheet = p.model.sheet(p.sample.clients);
    expect(sheet.read(`J${HEADER_ROW + 1}:O${HEADER_ROW + 1}`)[0]).toEqual(p.sample.text.resultHeaders);
    let rows = 0;
    for (const c of ref.clients) {
      for (const r of c.rows) {
        rows++;
        expect(sheet.cell(r, RESULT).value).toBe(c.decision.tier);
        expect(sheet.cell(r, RESULT + 2).value).toBe(p.t.statuses[c.decision.status]);
        expect(sheet.cell(r, RESULT + 3).value).toBe(c.decision.reason[lang]);
        expect(sheet.cell(r, RESULT + 4).value).toBe(c.decision.reviewsBelow);
        expect(sheet.cell(r, RESULT).numberFormat).toBe('@');
      }
    }
    expect(rows).toBe(321);
    const grace = ref.clients.find((c) => c.decision.status === 'grace')!;
    expect(sheet.cell(grace.rows[0], RESULT + 2).value).toBe(p.sample.text.grace);
    expect(sheet.cell(grace.rows[0], RESULT + 4).value).toBe(1);
    // the user's own columns are untouched
    const snap = snapshotModel(p.model);
    const clientsBefore = before.sheets.find((s) => s.name === p.sample.clients)!.cells;
    const clientsAfter = snap.sheets.find((s) => s.name === p.sample.clients)!.cells;
    for (const [k, cell] of Object.entries(clientsBefore)) expect(clientsAfter[k]).toEqual(cell);

    // one history row per client, appended to a new sheet
    expect(p.model.sheets.map((s) => s.name)).toEqual([...before.sheets.map((s) => s.name), p.sample.history]);
    const history = p.model.sheet(p.sample.history);
    expect(history.read('A1:M1')[0]).toEqual(HISTORY_HEADERS[lang]);
    expect(history.usedRange(true)).toEqual({ r0: 0, c0: 0, r1: 320, c1: HISTORY_HEADERS[lang].length - 1 });
    expect(history.read('B2:B321').map((r) => r[0]).sort()).toEqual(ref.clients.map((c) => c.name).sort());
    // the rules applied are kept in the workbook
    expect(p.model.settings.has(RULES_KEY)).toBe(true);

    // Undo
    await undo(p);
    expectRestored(p.model, before);
    expect(screen.queryByRole('button', { name: p.t.review.undo })).toBeNull();
  });

  test('a client list that is an Excel table gets the results as columns of the table; Undo restores it', async () => {
    const model = await loadSample(lang);
    const sheet = model.sheet(SAMPLE[lang].clients);
    const used = sheet.usedRange(true)!;
    expect(used.c1).toBe(COL.lastOrder);
    const table = model.addTable(sheet, { r0: HEADER_ROW, c0: 0, r1: used.r1, c1: COL.lastOrder }, 'ClientTable');
    const p = await renderPane(lang, model);
    const before = snapshotModel(p.model);
    const ref = await referenceAnalysis(p.standIn, p.sample.clients);

    fireEvent.change(screen.getByLabelText(p.t.source.sheet), { target: { value: 'table:ClientTable' } });
    fireEvent.click(screen.getByRole('button', { name: p.t.source.read }));
    await screen.findByText((_, el) => el?.getAttribute('role') === 'status' && el.textContent?.includes(`— ${p.sample.clients}`) === true);
    await idle();
    fireEvent.click(screen.getByRole('button', { name: p.t.source.next }));
    await screen.findByRole('heading', { name: p.t.rules.heading });
    fireEvent.click(screen.getByRole('button', { name: p.t.rules.next }));
    await screen.findByTestId('status-counts');
    await idle();

    await apply(p);
    await findMessage(new RegExp(p.sample.history));
    await idle();
    // six more columns of the table, our headers, the tiers on each client's row
    expect(table.rect).toEqual({ r0: HEADER_ROW, c0: 0, r1: used.r1, c1: COL.lastOrder + 6 });
    expect(table.columnNames().slice(-6)).toEqual(p.sample.text.resultHeaders);
    for (const c of ref.clients) for (const r of c.rows) expect(sheet.cell(r, RESULT).value).toBe(c.decision.tier);

    await undo(p);
    expect(table.rect.c1).toBe(COL.lastOrder);
    expectRestored(p.model, before);
  });

  test('grace is time, not clicks: a second review the same day repeats the warnings; one dated a period later moves them down', async () => {
    const p = await renderPane(lang);
    await reviewClients(p);
    const first = countsOf('status-counts');
    const warned = first[p.sample.text.grace];
    expect(warned).toBeGreaterThan(0);

    await apply(p);
    await findMessage(new RegExp(p.sample.history));
    await idle();
    // the same day (the same review period): the same decisions, nobody is moved down
    await press(p.t.review.run);
    await idle();
    await waitFor(() => expect(countsOf('status-counts')).toEqual(first));
    // a review dated in a later period
    fireEvent.click(screen.getByTestId('tab-source'));
    fireEvent.change(await screen.findByTestId('review-date'), { target: { value: '2099-07-01' } });
    fireEvent.click(screen.getByTestId('tab-review'));
    await press(p.t.review.run);
    await waitFor(() => expect(countsOf('status-counts')[p.sample.text.grace]).toBeUndefined());
    await idle();
    const second = countsOf('status-counts');
    expect(second[p.sample.text.down]).toBe(warned);
    expect(Object.values(second).reduce((a, b) => a + b, 0)).toBe(320);
    // the reason says so in the pane's language
    fireEvent.change(screen.getByLabelText(p.t.review.statusFilter), { target: { value: 'down' } });
    const reasons = await screen.findByTestId('reasons');
    expect(within(reasons).getAllByRole('listitem')).toHaveLength(warned);
  });

  test('when the sheet changed after the review, Apply warns and writes nothing', async () => {
    const p = await renderPane(lang);
    await reviewClients(p);
    // someone edits a revenue cell meanwhile
    p.model.sheet(p.sample.clients).setValue(HEADER_ROW + 1, COL.amount, 999999999);
    const before = snapshotModel(p.model);

    await apply(p);
    const message = await findMessage(p.t.review.changed);
    expect(message.textContent).toContain(p.sample.text.changed);
    expect(message.getAttribute('role')).toBe('alert');
    await idle();
    expect(snapshotModel(p.model)).toEqual(before);
    // the review stays on screen, but Apply waits for a new one (offered in the message)
    expect((screen.getByRole('button', { name: p.t.review.apply }) as HTMLButtonElement).disabled).toBe(true);
    expect(within(message).getByRole('button', { name: p.t.review.reviewAgain })).toBeTruthy();

    // reviewing again (it reads the sheet again) makes Apply possible, with the new figure
    await press(p.t.review.run);
    await waitFor(() => expect((screen.getByRole('button', { name: p.t.review.apply }) as HTMLButtonElement).disabled).toBe(false));
    await idle();
    await apply(p);
    await findMessage(new RegExp(p.sample.history));
    expect(p.model.sheet(p.sample.clients).cell(HEADER_ROW + 1, RESULT).value).toBe('VIP');
  });

  test('a protected sheet gives the protection message, no stack trace, and nothing is written', async () => {
    const p = await renderPane(lang);
    await reviewClients(p);
    p.model.sheet(p.sample.clients).protected = true;
    const before = snapshotModel(p.model);

    await apply(p);
    const message = await findMessage(new RegExp(p.sample.text.protectedSheet));
    expect(message.getAttribute('role')).toBe('alert');
    expectNoStackTrace(message.textContent ?? '');
    await idle();
    expect(snapshotModel(p.model)).toEqual(before);
    expect(screen.queryByRole('button', { name: p.t.review.undo })).toBeNull();
  });

  test('user data right of the table asks before overwriting; "Keep my data" writes nothing', async () => {
    const model = await loadSample(lang);
    const sheet = model.sheet(SAMPLE[lang].clients);
    // the clients as an Excel table A3:I324, with the user's notes in the column right of it
    model.addTable(sheet, { r0: HEADER_ROW, c0: 0, r1: 324, c1: COL.lastOrder }, 'ClientTable');
    sheet.setValue(HEADER_ROW, RESULT, lang === 'en' ? 'Notes' : 'Заметки');
    const note = lang === 'en' ? 'call back on Monday' : 'перезвонить в понедельник';
    sheet.setValue(HEADER_ROW + 3, RESULT, note);
    const p = await renderPane(lang, model);
    const before = snapshotModel(p.model);

    const select = screen.getByLabelText(p.t.source.sheet);
    const option = within(select).getByRole('option', { name: `${p.t.source.table} ClientTable (${p.sample.clients})` }) as HTMLOptionElement;
    fireEvent.change(select, { target: { value: option.value } });
    fireEvent.click(screen.getByRole('button', { name: p.t.source.read }));
    await screen.findByTestId('detected-shape');
    await idle();
    fireEvent.click(screen.getByRole('button', { name: p.t.source.next }));
    fireEvent.click(await screen.findByRole('button', { name: p.t.rules.next }));
    await screen.findByTestId('status-counts');
    await idle();

    await apply(p);
    const dialog = await screen.findByRole('dialog', { name: p.t.review.confirm });
    expect(dialog.textContent).toContain('J3');
    expect(dialog.textContent).toContain('J6');
    fireEvent.click(await within(dialog).findByRole('button', { name: p.t.review.confirmNo }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await idle();
    expect(snapshotModel(p.model)).toEqual(before);

    // confirmed, the columns are written; Undo brings the notes back
    await apply(p);
    const again = await screen.findByRole('dialog', { name: p.t.review.confirm });
    fireEvent.click(await within(again).findByRole('button', { name: p.t.review.confirmYes }));
    await findMessage(new RegExp(p.sample.history));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await idle();
    expect(sheet.cell(HEADER_ROW, RESULT).value).toBe(p.sample.text.resultHeaders[0]);
    expect(['VIP', 'Key', 'Standard']).toContain(sheet.cell(HEADER_ROW + 3, RESULT).value);
    // the results are columns of the table now
    expect(p.model.tables[0].rect.c1).toBe(COL.lastOrder + 6);

    await undo(p);
    expectRestored(p.model, before);
    expect(sheet.cell(HEADER_ROW + 3, RESULT).value).toBe(note);
  });

  test('a transaction log gets a per-client sheet, the log itself is never written; Undo restores the workbook exactly', async () => {
    const p = await renderPane(lang);
    const before = snapshotModel(p.model);
    await readSource(p, p.sample.sales);
    fireEvent.click(screen.getByRole('button', { name: p.t.source.next }));
    fireEvent.click(await screen.findByRole('button', { name: p.t.rules.next }));
    await screen.findByTestId('status-counts');
    await idle();

    await apply(p);
    await findMessage(new RegExp(p.sample.history));
    await idle();
    const sales = (s: ModelSnapshot) => s.sheets.find((x) => x.name === p.sample.sales);
    expect(sales(snapshotModel(p.model))).toEqual(sales(before));
    const perClient = p.model.sheet(p.sample.clientTiers);
    expect(perClient.usedRange(true)?.r1).toBeGreaterThan(100);

    await undo(p);
    expectRestored(p.model, before);
  });
});
