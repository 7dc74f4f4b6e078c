/** @jest-environment jsdom */
import './setup';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { COL, LANGS, loadSample, mapping, readSource, renderPane, reviewClients, selectedText, snapshotModel, cloneModel, countsOf } from './harness';
import { modelFromXlsx } from '../../src/workbench/standin/xlsxModel';
import * as fs from 'fs';
import * as path from 'path';

describe.each(LANGS)('Source step (%s)', (lang) => {
  test('the copy of the sample workbook the tests use equals the file', async () => {
    const fresh = await modelFromXlsx(fs.readFileSync(path.join(__dirname, '..', '..', 'samples', `clients-${lang}.xlsx`)));
    const copy = await loadSample(lang);
    expect(snapshotModel(copy)).toEqual(snapshotModel(fresh));
    expect(snapshotModel(cloneModel(copy))).toEqual(snapshotModel(fresh));
  });

  test('lists the visible sheets of the workbook, the active one first', async () => {
    const p = await renderPane(lang);
    const select = screen.getByLabelText(p.t.source.sheet);
    const options = within(select)
      .getAllByRole('option')
      .map((o) => o.textContent);
    const visible = p.model.sheets.filter((s) => s.visibility === 'Visible').map((s) => s.name);
    expect(options).toEqual([`${p.t.source.active} (${p.sample.clients})`, ...visible]);
    expect(visible).toEqual(expect.arrayContaining([p.sample.clients, p.sample.sales, p.sample.about]));
  });

  test('"Read the sheet" on the client sheet shows the shape, header row 3 and the detected columns', async () => {
    const p = await renderPane(lang);
    await readSource(p, p.sample.clients);

    expect(screen.getByRole('status')).toHaveProperty('textContent', `${p.t.source.rows(325)} — ${p.sample.clients}`);
    const shape = screen.getByTestId('detected-shape');
    expect(shape.textContent).toContain(p.sample.text.oneRowPerClient);
    expect(shape.textContent).toContain(p.sample.text.headerRow3);

    // every mapping dropdown shows the column found for it
    expect(mapping(p, 'client').value).toBe(String(COL.client));
    expect(mapping(p, 'amount').value).toBe(String(COL.amount));
    expect(mapping(p, 'margin').value).toBe(String(COL.margin));
    expect(mapping(p, 'orders').value).toBe(String(COL.orders));
    expect(mapping(p, 'tier').value).toBe(String(COL.tier));
    expect(mapping(p, 'manager').value).toBe(String(COL.manager));
    expect(mapping(p, 'lastOrder').value).toBe(String(COL.lastOrder));
    expect(mapping(p, 'date').value).toBe('');
    expect(mapping(p, 'orderId').value).toBe('');
    // options name the column letter and its header
    expect(selectedText(mapping(p, 'client'))).toBe(lang === 'en' ? 'A — Client' : 'A — Клиент');
    expect(selectedText(mapping(p, 'amount'))).toBe(lang === 'en' ? 'F — Revenue (6 months)' : 'F — Выручка за 6 мес.');
    expect(selectedText(mapping(p, 'tier'))).toBe(lang === 'en' ? 'E — Current tier' : 'E — Статус клиента');
    expect(selectedText(mapping(p, 'date'))).toBe(p.t.source.notUsed);
    // a guessed (not certain) column says how sure the guess is
    expect(screen.getByText(`${p.t.source.confidence} 80%`)).toBeTruthy();
    expect(screen.getByRole('button', { name: p.t.source.next })).toHaveProperty('disabled', false);
  });

  test('changing a mapping dropdown detects the table again with the correction', async () => {
    const p = await renderPane(lang);
    await readSource(p, p.sample.clients);

    // use the margin column as the amount: it stops being the margin, and is certain now
    fireEvent.change(mapping(p, 'amount'), { target: { value: String(COL.margin) } });
    await waitFor(() => expect(mapping(p, 'amount').value).toBe(String(COL.margin)));
    expect(mapping(p, 'margin').value).toBe('');
    expect(screen.queryByText(`${p.t.source.confidence} 80%`)).toBeNull();
    expect(screen.getByTestId('detected-shape').textContent).toContain(p.sample.text.headerRow3);

    // no current tier: every client is new in the review
    fireEvent.change(mapping(p, 'tier'), { target: { value: '' } });
    await waitFor(() => expect(mapping(p, 'tier').value).toBe(''));
    fireEvent.click(screen.getByRole('button', { name: p.t.source.next }));
    fireEvent.click(await screen.findByRole('button', { name: p.t.rules.next }));
    await screen.findByTestId('status-counts');
    expect(countsOf('status-counts')).toEqual({ [p.t.statuses.new]: 320 });
  });

  test('an empty sheet shows the empty message', async () => {
    const model = await loadSample(lang);
    const empty = lang === 'en' ? 'Empty' : 'Пустой';
    model.addSheet(empty);
    const p = await renderPane(lang, model);
    await readSource(p, empty);
    const alert = screen.getByTestId('detection-error');
    expect(alert.getAttribute('role')).toBe('alert');
    expect(alert.textContent).toBe(p.t.source.empty);
    expect(alert.textContent).toContain(p.sample.text.empty);
    expect(screen.queryByTestId('detected-shape')).toBeNull();
    expect(screen.getByRole('button', { name: p.t.source.next })).toHaveProperty('disabled', true);
  });

  test('a sheet without a client table says what the pane looked for', async () => {
    const p = await renderPane(lang);
    await readSource(p, p.sample.about);
    const alert = screen.getByTestId('detection-error');
    expect(alert.getAttribute('role')).toBe('alert');
    expect(alert.textContent).toBe(p.t.source.notFound);
    expect(alert.textContent).toContain(p.sample.text.notFound);
    expect(screen.getByRole('button', { name: p.t.source.next })).toHaveProperty('disabled', true);
    // the columns can still be chosen by hand
    expect(mapping(p, 'client').value).toBe('');
  });

  test('the transaction log shows the as-of date and window inputs, and the review uses them', async () => {
    const p = await renderPane(lang);
    await readSource(p, p.sample.sales);
    expect(screen.getByTestId('detected-shape').textContent).toContain(p.sample.text.transactions);
    expect(mapping(p, 'date').value).toBe('0');
    expect(mapping(p, 'orderId').value).toBe('1');
    expect(mapping(p, 'client').value).toBe('2');
    expect(mapping(p, 'amount').value).toBe('3');

    const asOf = screen.getByLabelText(p.t.source.asOf) as HTMLInputElement;
    const windowMonths = screen.getByLabelText(p.t.source.window) as HTMLInputElement;
    expect(asOf.type).toBe('date');
    expect(windowMonths.placeholder).toBe('6');
    fireEvent.change(asOf, { target: { value: '2025-06-30' } });
    fireEvent.change(windowMonths, { target: { value: '3' } });
    await waitFor(() => expect(windowMonths.value).toBe('3'));
    expect(asOf.value).toBe('2025-06-30');

    fireEvent.click(screen.getByRole('button', { name: p.t.source.next }));
    fireEvent.click(await screen.findByRole('button', { name: p.t.rules.next }));
    await screen.findByTestId('status-counts');
    const expected = lang === 'en' ? 'Window: 1 Apr 2025 – 30 Jun 2025' : 'Окно: 01.04.2025 – 30.06.2025';
    expect(screen.getByText((_, el) => el?.tagName === 'P' && (el.textContent ?? '').startsWith(expected))).toBeTruthy();
  });

  test('reading the sheet again after a review drops the review until the next one', async () => {
    const p = await renderPane(lang);
    await reviewClients(p);
    fireEvent.click(screen.getByRole('tab', { name: new RegExp(p.t.steps.source) }));
    fireEvent.click(await screen.findByRole('button', { name: p.t.source.reread }));
    await waitFor(() => expect(screen.queryByTestId('busy')).toBeNull());
    expect(screen.getByTestId('detected-shape').textContent).toContain(p.sample.text.oneRowPerClient);
    fireEvent.click(screen.getByRole('tab', { name: new RegExp(p.t.steps.review) }));
    expect(await screen.findByText(p.t.review.nothing)).toBeTruthy();
    expect(screen.queryByRole('button', { name: p.t.review.apply })).toBeNull();
  });
});

describe.each(LANGS)('Messages from core in the language of the pane (%s)', (lang) => {
  /** A sales log without an invoice column: Russian headers and Russian-format cells. */
  async function withLog() {
    const model = await loadSample(lang);
    const name = lang === 'en' ? 'Log' : 'Журнал';
    const sheet = model.addSheet(name);
    const rows = [
      ['Дата', 'Клиент', 'Сумма'],
      ['01.12.2025', 'ООО Альфа', '1 200,50'],
      ['02.12.2025', 'ООО Бета', '#Н/Д'],
      ['03.12.2025', 'ООО Альфа', '300'],
      ['04.12.2025', 'Итого', '1 500,50'],
    ];
    rows.forEach((row, r) => row.forEach((v, c) => sheet.setValue(r, c, v)));
    return { model, name };
  }

  test('a detection note in step 1 and the cells left out in step 3', async () => {
    const { model, name } = await withLog();
    const p = await renderPane(lang, model);
    await readSource(p, name);
    expect(screen.getByTestId('detected-shape').textContent).toContain(p.sample.text.transactions);
    expect(screen.getAllByTestId('detection-note').map((n) => n.textContent)).toEqual([
      lang === 'en'
        ? 'No order/invoice number column: every row with a positive amount counts as one order.'
        : 'Нет столбца с номером заказа или счёта: каждая строка с положительной суммой считается одним заказом.',
    ]);

    fireEvent.click(screen.getByRole('button', { name: p.t.source.next }));
    fireEvent.click(await screen.findByRole('button', { name: p.t.rules.next }));
    await screen.findByTestId('status-counts');
    const summary = await screen.findByText(p.t.review.issues(2));
    const items = within(summary.closest('details') as HTMLElement)
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(items).toEqual(
      lang === 'en'
        ? ['C3: "#Н/Д" — Excel error #N/A', 'B5: "Итого" — a total row, left out']
        : ['C3: "#Н/Д" — ошибка Excel #Н/Д', 'B5: "Итого" — строка итогов, пропущена'],
    );
  });
});
