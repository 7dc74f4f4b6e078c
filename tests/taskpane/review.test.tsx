/** @jest-environment jsdom */
import './setup';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { countsOf, LANGS, parseShownAmount, referenceAnalysis, renderPane, reviewClients, reviewRows, snapshotModel } from './harness';
import { STATUSES } from '../../src/core/tiering';

describe.each(LANGS)('Review step (%s)', (lang) => {
  test('counts clients per status and per tier, as core computes them', async () => {
    const p = await renderPane(lang);
    await reviewClients(p);
    const ref = await referenceAnalysis(p.standIn, p.sample.clients);

    const statuses = countsOf('status-counts');
    const expected: Record<string, number> = {};
    for (const s of STATUSES) if (ref.statuses[s] > 0) expected[p.t.statuses[s]] = ref.statuses[s];
    expect(statuses).toEqual(expected);
    // the sample has clients moving up, keeping, and warned before a downgrade
    expect(ref.statuses.up).toBeGreaterThan(0);
    expect(ref.statuses.keep).toBeGreaterThan(0);
    expect(ref.statuses.grace).toBeGreaterThan(0);
    expect(statuses[p.sample.text.grace]).toBe(ref.statuses.grace);
    expect(Object.values(statuses).reduce((a, b) => a + b, 0)).toBe(320);

    const tiers = countsOf('tier-counts');
    expect(tiers).toEqual({ VIP: ref.tiers.VIP.clients, Key: ref.tiers.Key.clients, Standard: ref.tiers.Standard.clients });
    expect(screen.getByTestId('tier-counts').textContent).toContain(`${ref.tiers.VIP.clients} ${p.t.review.clientsNoun(ref.tiers.VIP.clients)}`);

    // 50 rows a page
    expect(reviewRows()).toHaveLength(50);
    expect(screen.getByText(p.t.review.page(1, 50, 320))).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: p.t.review.nextPage }));
    await waitFor(() => expect(screen.getByText(p.t.review.page(51, 100, 320))).toBeTruthy());
  });

  test('search filters the clients', async () => {
    const p = await renderPane(lang);
    await reviewClients(p);
    const search = screen.getByLabelText(p.t.review.search);
    // the sample's client 1, typed in another case
    const name = lang === 'en' ? 'Keystone Print Group' : 'ООО «Меридиантех»';
    fireEvent.change(search, { target: { value: lang === 'en' ? 'KEYSTONE print group' : 'меридиантех' } });
    await waitFor(() => expect(reviewRows()).toHaveLength(1));
    expect(reviewRows()[0][0]).toBe(name);
    expect(screen.getByText(p.t.review.page(1, 1, 1))).toBeTruthy();

    // two spellings of one client are one row (the sample repeats client 6 in capitals)
    fireEvent.change(search, { target: { value: lang === 'en' ? 'tidewater tech llc' : 'ао «феникстрейд»' } });
    await waitFor(() => expect(reviewRows()).toHaveLength(1));

    fireEvent.change(search, { target: { value: 'no such client zzz' } });
    await waitFor(() => expect(reviewRows()).toHaveLength(0));
    expect(screen.getByText(p.t.review.page(0, 0, 0))).toBeTruthy();

    fireEvent.change(search, { target: { value: '' } });
    await waitFor(() => expect(reviewRows()).toHaveLength(50));
  });

  test('the status filter shows only clients with that status', async () => {
    const p = await renderPane(lang);
    await reviewClients(p);
    const ref = await referenceAnalysis(p.standIn, p.sample.clients);
    const filter = screen.getByLabelText(p.t.review.statusFilter) as HTMLSelectElement;
    expect(within(filter).getByRole('option', { name: `${p.t.statuses.grace} (${ref.statuses.grace})` })).toBeTruthy();

    fireEvent.change(filter, { target: { value: 'grace' } });
    await waitFor(() => expect(reviewRows()).toHaveLength(ref.statuses.grace));
    const graceNames = ref.clients.filter((c) => c.decision.status === 'grace').map((c) => c.name).sort();
    expect(reviewRows().map((r) => r[0]).sort()).toEqual(graceNames);
    for (const row of reviewRows()) expect(row[3]).toBe(p.sample.text.grace);

    fireEvent.change(filter, { target: { value: 'up' } });
    await waitFor(() => expect(reviewRows()).toHaveLength(ref.statuses.up));
    for (const row of reviewRows()) expect(row[3]).toBe(p.t.statuses.up);

    fireEvent.change(filter, { target: { value: '' } });
    await waitFor(() => expect(reviewRows()).toHaveLength(50));
  });

  test('sorts by figure, largest first, and the other way on a click', async () => {
    const p = await renderPane(lang);
    await reviewClients(p);
    const figures = () => reviewRows().map((r) => parseShownAmount(r[1], lang));
    const desc = figures();
    expect(desc.every((x) => Number.isFinite(x))).toBe(true);
    expect([...desc].sort((a, b) => b - a)).toEqual(desc);
    const ref = await referenceAnalysis(p.standIn, p.sample.clients);
    const largest = ref.clients.reduce((a, b) => (b.total > a.total ? b : a));
    expect(reviewRows()[0][0]).toBe(largest.name);

    // by figure through the sort choice (the 320 px list has no figure column of its own)
    const sortBy = screen.getByLabelText(p.t.review.sortBy) as HTMLSelectElement;
    expect(sortBy.value).toBe('figure:-1');
    fireEvent.change(sortBy, { target: { value: 'figure:1' } });
    await waitFor(() => expect(figures()[0]).toBe(0));
    const asc = figures();
    expect([...asc].sort((a, b) => a - b)).toEqual(asc);
    expect(asc[0]).toBe(0);

    // sorting by client name is alphabetical
    const clientHeader = screen.getByRole('columnheader', { name: p.t.review.columns.client });
    expect(clientHeader.getAttribute('aria-sort')).toBe('none');
    fireEvent.click(within(clientHeader).getByRole('button', { name: p.t.review.columns.client }));
    await waitFor(() => expect(clientHeader.getAttribute('aria-sort')).toBe('ascending'));
    expect(sortBy.value).toBe('client:1');
    const names = reviewRows().map((r) => r[0].trim().toLowerCase());
    expect([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))).toEqual(names);
  });

  test('reasons are in the language of the pane', async () => {
    const p = await renderPane(lang);
    await reviewClients(p);
    const ref = await referenceAnalysis(p.standIn, p.sample.clients);
    fireEvent.change(screen.getByLabelText(p.t.review.statusFilter), { target: { value: 'grace' } });
    await waitFor(() => expect(reviewRows()).toHaveLength(ref.statuses.grace));

    const reasons = within(screen.getByTestId('reasons')).getAllByRole('listitem');
    expect(reasons).toHaveLength(ref.statuses.grace);
    for (const li of reasons) {
      const text = li.textContent ?? '';
      expect(text).toMatch(p.sample.text.reasonWords);
      if (lang === 'ru') {
        expect(text).toMatch(/Выручка [\d\u00a0,]+ \(столбец «Выручка за 6 мес\.»\) ниже планки уровня «(VIP|Key)»/);
        expect(text).not.toMatch(/Revenue|bar|Warning/);
      } else {
        expect(text).toMatch(/Revenue [\d,.]+ \(column 'Revenue \(6 months\)'\) is below the (VIP|Key) bar/);
      }
    }
    // the reason of each row is also its tooltip
    const first = ref.clients.find((c) => c.decision.status === 'grace')!;
    const row = screen.getByRole('row', { name: new RegExp(escapeRegExp(first.name)) });
    expect(row.getAttribute('title')).toBe(first.decision.reason[lang]);
  });

  test('nothing is written to the workbook before Apply', async () => {
    const p = await renderPane(lang);
    const before = snapshotModel(p.model);
    await reviewClients(p);
    // search, filter and sort are view-only too
    fireEvent.change(screen.getByLabelText(p.t.review.search), { target: { value: 'a' } });
    fireEvent.click(screen.getByRole('button', { name: p.t.review.run }));
    await screen.findByTestId('status-counts');
    await waitFor(() => expect(screen.queryByTestId('busy')).toBeNull());
    expect(snapshotModel(p.model)).toEqual(before);
    expect(screen.getByRole('button', { name: p.t.review.apply })).toBeTruthy();
  });
});

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
