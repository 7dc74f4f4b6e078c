/** @jest-environment jsdom */
import './setup';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { findMessage, idle, LANGS, Pane, readSource, renderPane, reviewClients } from './harness';
import { ExcelRun } from '../../src/workbench/standin';

/** The accessible name of a form control from its label, aria-labelledby or aria-label. */
function labelOf(el: HTMLElement): string {
  const byAria = el.getAttribute('aria-label');
  if (byAria?.trim()) return byAria.trim();
  const ids = el.getAttribute('aria-labelledby');
  if (ids) {
    const text = ids
      .split(/\s+/)
      .map((id) => document.getElementById(id)?.textContent ?? '')
      .join(' ')
      .trim();
    if (text) return text;
  }
  const labels = (el as HTMLInputElement).labels;
  return labels ? Array.from(labels, (l) => l.textContent ?? '').join(' ').trim() : '';
}

/** Every input, select and textarea on screen has a name, and getByLabelText finds it by that name. */
function expectAllControlsLabelled(): string[] {
  const controls = Array.from(document.querySelectorAll<HTMLElement>('main input, main select, main textarea'));
  expect(controls.length).toBeGreaterThan(0);
  const names: string[] = [];
  for (const el of controls) {
    const name = labelOf(el);
    if (!name) throw new Error(`A control has no label: ${el.outerHTML.slice(0, 200)}`);
    names.push(name);
  }
  return names;
}

/** Holds every request to the workbook while `hold` is on: long work stays visible. */
function gated(): { wrap: (run: ExcelRun) => ExcelRun; hold: () => void; release: () => void } {
  let gate: Promise<void> | null = null;
  let open: () => void = () => undefined;
  return {
    wrap: (run) => (async (batch) => {
      if (gate) await gate;
      return run(batch);
    }) as ExcelRun,
    hold: () => {
      gate = new Promise<void>((resolve) => (open = resolve));
    },
    release: () => {
      gate = null;
      open();
    },
  };
}

describe.each(LANGS)('Accessibility basics (%s)', (lang) => {
  test('every control of every step has a label', async () => {
    const p = await renderPane(lang);
    expect(screen.getByRole('heading', { level: 1, name: p.t.title })).toBeTruthy();
    expect(screen.getByRole('tablist', { name: p.t.title })).toBeTruthy();
    expect(screen.getByRole('heading', { level: 2, name: p.t.source.heading })).toBeTruthy();

    // step 1 with the transaction log (the most controls: mapping, as-of, window)
    await readSource(p, p.sample.sales);
    const source = expectAllControlsLabelled();
    for (const label of [p.t.source.sheet, p.t.source.asOf, p.t.source.window, ...['client', 'amount', 'date', 'orderId'].map((r) => p.t.source.roles[r])]) {
      expect(source).toContain(label);
      expect(screen.getByLabelText(label)).toBeTruthy();
    }

    // step 2 with the JSON box open
    fireEvent.click(screen.getByRole('button', { name: p.t.source.next }));
    await screen.findByRole('heading', { level: 2, name: p.t.rules.heading });
    fireEvent.click(screen.getByRole('button', { name: p.t.rules.exportJson }));
    await screen.findByLabelText(p.t.rules.jsonLabel);
    const rules = expectAllControlsLabelled();
    for (const label of [p.t.rules.preset, p.t.rules.name, p.t.rules.measure, p.t.rules.windowMonths, p.t.rules.graceReviews, p.t.rules.maxStepsDown, p.t.rules.hysteresisPct, p.t.rules.benefitSteps, p.t.rules.jsonLabel]) {
      expect(rules).toContain(label);
      expect(screen.getByLabelText(label)).toBeTruthy();
    }
    // the three tier rows each have name, criterion and value (base tier: no value)
    expect(screen.getAllByLabelText(p.t.rules.tierName)).toHaveLength(3);
    expect(screen.getAllByLabelText(p.t.rules.criterion)).toHaveLength(3);
    expect(screen.getAllByLabelText(p.t.rules.value)).toHaveLength(2);

    // step 3
    fireEvent.click(screen.getByRole('button', { name: p.t.rules.next }));
    await screen.findByTestId('status-counts');
    await idle();
    const review = expectAllControlsLabelled();
    expect(review).toEqual(expect.arrayContaining([p.t.review.search, p.t.review.statusFilter]));
    expect(screen.getByRole('table', { name: p.t.review.heading })).toBeTruthy();
    // sorting is reachable by keyboard: the sortable headers are buttons
    for (const col of [p.t.review.columns.client, p.t.review.columns.proposed, p.t.review.columns.status]) {
      const header = screen.getByRole('columnheader', { name: col });
      expect(within(header).getByRole('button', { name: col }).getAttribute('tabindex')).toBe('0');
    }
    expect(screen.getByRole('button', { name: p.t.review.prev })).toBeTruthy();
    expect(screen.getByRole('button', { name: p.t.review.nextPage })).toBeTruthy();
  });

  test('messages are announced: status for results and progress, alert for problems', async () => {
    const p = await renderPane(lang);
    // the "rows read" line is a status
    await readSource(p, p.sample.about);
    expect(screen.getByRole('status').textContent).toContain(p.sample.about);
    expect(screen.getByRole('alert').textContent).toBe(p.t.source.notFound);

    await reviewClients(p);
    fireEvent.click(screen.getByRole('button', { name: p.t.review.apply }));
    const applied = await findMessage(new RegExp(p.sample.history));
    expect(applied.getAttribute('role')).toBe('status');
    await idle();
    // a problem is an alert (here: the sheet became protected)
    p.model.sheet(p.sample.clients).protected = true;
    fireEvent.click(screen.getByRole('button', { name: p.t.review.run }));
    await idle();
    fireEvent.click(await screen.findByRole('button', { name: p.t.review.apply }));
    const problem = await findMessage(new RegExp(p.sample.text.protectedSheet));
    expect(problem.getAttribute('role')).toBe('alert');
    expect(screen.getAllByRole('alert')).toContain(problem);
  });

  test('long work shows a labelled progress status with Cancel; cancelling is reported politely', async () => {
    const g = gated();
    const p: Pane = await renderPane(lang, undefined, g.wrap);
    fireEvent.change(screen.getByLabelText(p.t.source.sheet), { target: { value: `sheet:${p.sample.clients}` } });
    g.hold();
    fireEvent.click(screen.getByRole('button', { name: p.t.source.read }));

    const busy = await screen.findByTestId('busy');
    expect(busy.getAttribute('role')).toBe('status');
    expect(busy.getAttribute('aria-live')).toBe('polite');
    expect(within(busy).getByRole('progressbar', { name: p.t.busy.read })).toBeTruthy();
    expect(screen.getByRole('button', { name: p.t.source.read })).toHaveProperty('disabled', true);

    fireEvent.click(within(busy).getByRole('button', { name: p.t.review.cancel }));
    g.release();
    const cancelled = await findMessage(lang === 'en' ? 'Cancelled.' : 'Отменено.');
    expect(cancelled.getAttribute('role')).toBe('status');
    await waitFor(() => expect(screen.queryByTestId('busy')).toBeNull());
    expect(screen.queryByTestId('detected-shape')).toBeNull();
    expect(screen.getByRole('button', { name: p.t.source.read })).toHaveProperty('disabled', false);
  });
});
