/** @jest-environment jsdom */
import './setup';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { STATUSES } from '../../src/core/tiering';
import { countsOf, findMessage, idle, LANGS, readSource, referenceAnalysis, renderPane } from './harness';
import { fakeSpawner } from './fakeWorker';

/**
 * The pane with its analysis in a worker (the real worker code behind a structured-clone
 * boundary, tests/taskpane/fakeWorker.ts): the sheet's rows go to the worker while they are read,
 * the review shows core's figures and reasons, the progress bar is indeterminate while the worker
 * computes, and Cancel ends the worker; the next review starts a new one.
 */
describe.each(LANGS)('Review through the analysis worker (%s)', (lang) => {
  test('rows streamed while read; counts and reasons as core computes them; Cancel ends the worker', async () => {
    const { spawn, workers } = fakeSpawner();
    const p = await renderPane(lang, undefined, undefined, { spawnWorker: spawn });
    await readSource(p, p.sample.clients);
    // the rows went to the worker during the read, once
    expect(workers).toHaveLength(1);
    const sent = workers[0].received.filter((m) => m.kind === 'rows');
    expect(sent.length).toBeGreaterThan(0);
    expect(sent.reduce((n, m) => n + (m.kind === 'rows' ? (JSON.parse(m.json) as unknown[]).length : 0), 0)).toBe(p.model.sheet(p.sample.clients).usedRange(false)!.r1 + 1);

    // ---- a review cancelled while the worker computes ----
    fireEvent.click(screen.getByRole('button', { name: p.t.source.next }));
    await screen.findByRole('heading', { name: p.t.rules.heading });
    workers[0].hold();
    fireEvent.click(screen.getByRole('button', { name: p.t.rules.next }));
    const busy = await screen.findByTestId('busy');
    // the amount of work left is unknown while the worker computes: an indeterminate bar
    await waitFor(() => expect(workers[0].sent.some((m) => m.kind === 'done')).toBe(true));
    const bar = within(busy).getByRole('progressbar', { name: p.t.busy.analyze });
    expect(bar.getAttribute('aria-valuenow')).toBeNull();
    fireEvent.click(within(busy).getByRole('button', { name: p.t.review.cancel }));
    await findMessage(lang === 'en' ? 'Cancelled.' : 'Отменено.');
    expect(workers[0].terminated).toBe(true);
    workers[0].release();
    expect(screen.queryByTestId('status-counts')).toBeNull();

    // ---- the next review: a new worker, the grid sent again, core's figures ----
    fireEvent.click(screen.getByTestId('review'));
    await screen.findByTestId('status-counts');
    await idle();
    expect(workers).toHaveLength(2);
    const ref = await referenceAnalysis(p.standIn, p.sample.clients);
    const expected: Record<string, number> = {};
    for (const s of STATUSES) if (ref.statuses[s] > 0) expected[p.t.statuses[s]] = ref.statuses[s];
    expect(countsOf('status-counts')).toEqual(expected);
    // every row of the table carries its reason (core writes it lazily; it must survive the worker)
    const byKey = new Map(ref.clients.map((c) => [c.name, c.decision.reason[lang]]));
    const rows = Array.from(screen.getByTestId('review-table').querySelectorAll('tbody tr'));
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      // the client's name is its button's text (the figure shows under it)
      const name = row.querySelector('[data-col="client"] button')?.textContent ?? '';
      expect(row.getAttribute('title')).toBe(byKey.get(name));
      expect(row.getAttribute('title')).toMatch(p.sample.text.reasonWords);
    }
  });
});
