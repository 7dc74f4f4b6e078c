/** @jest-environment jsdom */
import './setup';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { buildNotices, DEFAULT_TEMPLATES } from '../../src/core/notices';
import { isoToDay } from '../../src/core/parseDate';
import { Lang } from '../../src/core/format';
import { noticeStrings } from '../../src/taskpane/notices/strings';
import { HOST_NAMES, HOST_PROFILES, HostName } from '../../src/workbench/standin/hostProfile';
import { referenceAnalysis, renderPane, reviewClients } from './harness';
import { todayIso } from '../../src/taskpane/notices/browser';

/**
 * The pane under each host profile where the host matters: Office on Mac ignores blob downloads
 * from add-ins (office-js #2700, closed by design), so there the Notices panel offers no .docx
 * but says why, in the pane's language, and offers the Notices sheet and "Copy all letters".
 */
const CASES: Array<[HostName, Lang]> = [...HOST_NAMES.map((h): [HostName, Lang] => [h, 'en']), ['mac', 'ru']];

describe.each(CASES)('Notices on %s (%s)', (host, lang) => {
  test(host === 'mac' ? 'no download: a clear message, and every letter can be copied' : 'the .docx download is offered', async () => {
    const writeText = jest.fn().mockResolvedValue(undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    try {
      const p = await renderPane(lang, undefined, undefined, { platform: HOST_PROFILES[host].platform });
      await reviewClients(p);
      fireEvent.click(screen.getByTestId('tab-notices'));
      await screen.findByTestId('notices');
      const t = noticeStrings(lang);
      await waitFor(() => expect(screen.queryByText(t.loading)).toBeNull());
      if (host !== 'mac') {
        expect(screen.getByTestId('notices-download')).toBeTruthy();
        expect(screen.queryByTestId('notices-mac')).toBeNull();
        expect(screen.queryByTestId('notices-copy-all')).toBeNull();
        return;
      }
      expect(screen.queryByTestId('notices-download')).toBeNull();
      const note = screen.getByTestId('notices-mac');
      expect(note.textContent).toBe(t.macNoDownload);
      expect(note.textContent).toMatch(lang === 'en' ? /Excel on Mac does not let add-ins save files/ : /Excel для Mac не позволяет надстройкам сохранять файлы/);
      const copyAll = screen.getByTestId('notices-copy-all') as HTMLButtonElement;
      expect(copyAll.getAttribute('aria-describedby')).toBe('notices-mac');
      const ref = await referenceAnalysis(p.standIn, p.sample.clients);
      const letters = buildNotices(ref, { ...DEFAULT_TEMPLATES }, { lang, day: isoToDay(todayIso())! });
      expect(letters.length).toBeGreaterThan(1);
      fireEvent.click(copyAll);
      await screen.findByText(t.copiedAll(letters.length));
      expect(writeText).toHaveBeenCalledTimes(1);
      const text = writeText.mock.calls[0][0] as string;
      for (const l of letters) expect(text).toContain(l.subject);
      // refused clipboard: says what to do instead
      writeText.mockRejectedValueOnce(new Error('NotAllowedError'));
      fireEvent.click(copyAll);
      await screen.findByText(t.copyAllFailed);
      // the Notices sheet still works on a Mac
      expect((screen.getByTestId('notices-generate') as HTMLButtonElement).disabled).toBe(false);
    } finally {
      Object.defineProperty(navigator, 'clipboard', { value: undefined, configurable: true });
    }
  });
});
