/** @jest-environment jsdom */
/**
 * The flow holds (issue 12), in the pane over the stand-in: it sticks to the sheet it reviewed
 * (another active sheet does not matter to Apply or Undo), a second Apply after a successful one
 * says it is already applied, and what is typed (rule fields, notice details) survives moving
 * between steps and a change of language, and goes to the workbook's settings.
 */
import './setup';
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { findMessage, HEADER_ROW, idle, LANGS, renderPane, reviewClients } from './harness';
import { PANE_DRAFT_KEY } from '../../src/excel/settings';
import { NOTICE_TEMPLATES_KEY } from '../../src/excel/noticesSheet';

jest.setTimeout(180000);

const RESULT = 9; // column J: the first result column beside the sample's table

async function press(name: string): Promise<void> {
  fireEvent.click(screen.getByRole('button', { name }));
}

describe.each(LANGS)('the flow (%s)', (lang) => {
  test('Apply and Undo work on the reviewed sheet while another is active; Apply twice is already applied', async () => {
    const p = await renderPane(lang);
    await reviewClients(p);
    const sheet = p.model.sheet(p.sample.clients);
    // the user looks at another sheet
    p.model.activeSheet = p.model.sheet(p.sample.sales);
    await press(p.t.review.apply);
    await findMessage(new RegExp(p.sample.history));
    await idle();
    expect(sheet.cell(HEADER_ROW, RESULT).value).toBe(p.sample.text.resultHeaders[0]);
    expect(p.model.sheet(p.sample.sales).usedRange(true)!.c1).toBeLessThan(RESULT);

    p.model.activeSheet = p.model.sheet(p.sample.about);
    await press(p.t.review.apply);
    await findMessage(p.t.review.alreadyApplied);
    await idle();
    expect(screen.getByTestId('status-counts')).toBeTruthy();

    await press(p.t.review.undo);
    await findMessage(p.t.review.undone);
    await idle();
    expect(sheet.cell(HEADER_ROW, RESULT).value).toBeUndefined();
  });

  test('rule fields and notice details survive moving between steps and a language switch, and are saved in the workbook', async () => {
    const p = await renderPane(lang);
    await reviewClients(p);
    fireEvent.click(screen.getByTestId('tab-notices'));
    fireEvent.change(await screen.findByTestId('notices-company'), { target: { value: 'Северный ветер & Co' } });
    fireEvent.change(screen.getByTestId('notices-new-manager'), { target: { value: 'Anna Smirnova' } });
    fireEvent.click(screen.getByTestId('tab-rules'));
    // half-typed: not a number yet (the review stays), kept as typed
    fireEvent.change(await screen.findByTestId('window-months'), { target: { value: '1 2x' } });
    fireEvent.click(screen.getByTestId('tab-source'));
    // the pane's own language control
    fireEvent.change(screen.getByTestId('pane-lang'), { target: { value: lang === 'en' ? 'ru' : 'en' } });
    fireEvent.click(screen.getByTestId('tab-rules'));
    expect((screen.getByTestId('window-months') as HTMLInputElement).value).toBe('1 2x');
    fireEvent.click(screen.getByTestId('tab-notices'));
    expect((screen.getByTestId('notices-company') as HTMLInputElement).value).toBe('Северный ветер & Co');
    expect((screen.getByTestId('notices-new-manager') as HTMLInputElement).value).toBe('Anna Smirnova');
    // the review is still there
    fireEvent.click(screen.getByTestId('tab-review'));
    expect(screen.getByTestId('status-counts')).toBeTruthy();
    // in the workbook a moment later
    await act(() => new Promise((r) => setTimeout(r, 900)));
    await waitFor(() => expect(p.model.settings.get(PANE_DRAFT_KEY) ?? '').toContain('Anna Smirnova'));
    const draft = JSON.parse(JSON.parse(p.model.settings.get(PANE_DRAFT_KEY)!));
    expect(draft.rules.windowMonths).toBe('1 2x');
    expect(draft.notices.company).toBe('Северный ветер & Co');
    expect(JSON.parse(JSON.parse(p.model.settings.get(NOTICE_TEMPLATES_KEY)!)).company).toBe('Северный ветер & Co');
  });
});
