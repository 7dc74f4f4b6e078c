/** @jest-environment jsdom */
import './setup';
import { WithDoor } from './door';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { unzipSync, strFromU8 } from 'fflate';
import { Analysis } from '../../src/core/analyze';
import { Lang } from '../../src/core/format';
import { buildNotices, DEFAULT_TEMPLATES, NOTICE_TYPE_LABELS, noticeCounts, noticeFor, renderNotice } from '../../src/core/notices';
import { isoToDay } from '../../src/core/parseDate';
import { NOTICE_TEMPLATES_KEY, NOTICES_SHEET, saveNoticeTemplates } from '../../src/excel/noticesSheet';
import { Notices } from '../../src/taskpane/notices';
import { noticeStrings } from '../../src/taskpane/notices/strings';
import { createStandIn, StandIn, WorkbookModel } from '../../src/workbench/standin';
import { COL, LANGS, loadSample, referenceAnalysis, SAMPLE } from './harness';

const TODAY = '2026-01-02';
const DAY = isoToDay(TODAY)!;

interface Setup {
  lang: Lang;
  model: WorkbookModel;
  standIn: StandIn;
  analysis: Analysis;
  t: ReturnType<typeof noticeStrings>;
}

/** The sample workbook in the stand-in, its client sheet analysed, optional names changed first. */
async function setup(lang: Lang, rename: (a: Analysis) => Array<[number, string]> = () => []): Promise<Setup> {
  const model = await loadSample(lang);
  const standIn = createStandIn(model);
  const sheet = SAMPLE[lang].clients;
  let analysis = await referenceAnalysis(standIn, sheet);
  const changes = rename(analysis);
  if (changes.length) {
    for (const [row, name] of changes) model.sheet(sheet).setValue(row, COL.client, name);
    analysis = await referenceAnalysis(standIn, sheet);
  }
  return { lang, model, standIn, analysis, t: noticeStrings(lang) };
}

async function show(s: Setup, props: { downloads?: boolean; moneyFormat?: string } = {}): Promise<void> {
  render(
    <FluentProvider theme={webLightTheme}>
      <WithDoor run={s.standIn.run} lang={s.lang} messageTestId="notices-message">
        {({ state, actions }) => (
          <Notices
            analysis={s.analysis}
            lang={s.lang}
            input={state.notices}
            onInput={actions.setNotices}
            busy={Boolean(state.busy)}
            onSave={actions.saveTemplates}
            onGenerate={actions.generateNotices}
            onMessage={actions.say}
            describe={actions.describe}
            today={TODAY}
            {...props}
          />
        )}
      </WithDoor>
    </FluentProvider>,
  );
  await screen.findByTestId('notices');
  // the saved templates are read first
  await waitFor(() => expect(screen.queryByText(s.t.loading)).toBeNull());
}

/** A Blob's bytes (jsdom has FileReader, not Blob.arrayBuffer). */
function blobBytes(b: Blob): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(new Uint8Array(r.result as ArrayBuffer));
    r.onerror = () => reject(r.error);
    r.readAsArrayBuffer(b);
  });
}

function value(testId: string): string {
  return (screen.getByTestId(testId) as HTMLInputElement | HTMLTextAreaElement).value;
}

describe.each(LANGS)('Notices panel (%s)', (lang) => {
  test('counts the notices of the review and previews the first one with the real figures', async () => {
    const s = await setup(lang);
    await show(s);
    const counts = noticeCounts(s.analysis);
    const items = within(screen.getByTestId('notices-counts')).getAllByRole('listitem').map((li) => li.textContent);
    expect(items).toEqual((['grace', 'down', 'stepdown', 'up'] as const).filter((k) => counts[k] > 0).map((k) => `${NOTICE_TYPE_LABELS[k][lang]}: ${counts[k]}`));
    // the first type with clients is shown, in the pane's language
    expect(value('notices-type')).toBe('grace');
    expect(value('notices-lang')).toBe(lang);
    const first = [...s.analysis.clients].sort((a, b) => a.rank - b.rank).find((c) => noticeFor(c) === 'grace')!;
    expect(value('notices-client')).toBe(first.key);
    const expected = renderNotice(first, s.analysis, DEFAULT_TEMPLATES, 'grace', { lang, day: DAY });
    expect(screen.getByTestId('notices-preview-subject').textContent).toBe(expected.subject);
    expect(screen.getByTestId('notices-preview-body').textContent).toBe(expected.body);
    // the company is not filled in yet: reported before generating, naming the template
    const warnings = await screen.findByTestId('notices-warnings');
    expect(warnings.textContent).toContain(lang === 'en' ? `Grace warning (English): {{company}} is empty for all ${counts.grace} clients` : `Предупреждение с отсрочкой (русский): нет значения {{company}} у всех ${counts.grace} клиентов`);
    fireEvent.change(screen.getByTestId('notices-company'), { target: { value: 'Northwind' } });
    await waitFor(() => expect(screen.queryByTestId('notices-warnings')).toBeNull());
    expect(screen.getByTestId('notices-preview-body').textContent).toMatch(/Northwind$/);
  });

  test('client names with <, quotes and = are shown as text, never as markup', async () => {
    const evil = '<img src=x onerror="window.__pwned=1"><b>Bold</b> & "Q"';
    const formula = '=HYPERLINK("http://evil.example","x")';
    const s = await setup(lang, (a) => {
      const grace = a.clients.filter((c) => c.decision.status === 'grace');
      return [
        [grace[0].rows[0], evil],
        [grace[1].rows[0], formula],
      ];
    });
    await show(s);
    const key = s.analysis.clients.find((c) => c.name === evil)!.key;
    fireEvent.change(screen.getByTestId('notices-client'), { target: { value: key } });
    const subject = screen.getByTestId('notices-preview-subject');
    await waitFor(() => expect(subject.textContent!.startsWith(`${evil}: `)).toBe(true));
    // the text is there verbatim, escaped in the HTML, and no element was made from it
    const preview = screen.getByTestId('notices-preview');
    expect(preview.querySelector('img, b')).toBeNull();
    expect(document.querySelector('img')).toBeNull();
    expect(subject.innerHTML).toContain('&lt;img src=x onerror="window.__pwned=1"&gt;&lt;b&gt;Bold&lt;/b&gt; &amp; "Q"');
    expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined();
    // and the same for the options of the client picker
    const option = within(screen.getByTestId('notices-client')).getAllByRole('option').find((o) => o.textContent === evil);
    expect(option).toBeTruthy();
    expect(option!.children).toHaveLength(0);
    // the formula-looking name is text in the preview too
    fireEvent.change(screen.getByTestId('notices-client'), { target: { value: s.analysis.clients.find((c) => c.name === formula)!.key } });
    await waitFor(() => expect(subject.textContent!.startsWith(`${formula}: `)).toBe(true));
  });

  test('an unknown placeholder is reported naming the template, and blocks generating and saving', async () => {
    const s = await setup(lang);
    await show(s);
    fireEvent.change(screen.getByTestId('notices-type'), { target: { value: 'down' } });
    fireEvent.change(screen.getByTestId('notices-subject'), { target: { value: '{{client}}: {{clinet}} and {{bar' } });
    const problems = await screen.findByTestId('notices-problems');
    expect(problems.getAttribute('role')).toBe('alert');
    const label = lang === 'en' ? 'Transfer (English), subject (templates.down.en.subject)' : 'Перевод (русский), тема (templates.down.ru.subject)';
    expect(problems.textContent).toContain(`${label}: ${lang === 'en' ? 'unknown placeholder {{clinet}}' : 'неизвестная подстановка {{clinet}}'}`);
    expect(problems.textContent).toContain(lang === 'en' ? '"{{bar" opens a placeholder that is never closed' : '«{{bar» открывает подстановку');
    expect((screen.getByTestId('notices-generate') as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(screen.getByTestId('notices-save'));
    expect((await screen.findByTestId('notices-message')).textContent).toBe(s.t.savedInvalid);
    expect(s.model.settings.has(NOTICE_TEMPLATES_KEY)).toBe(false);
    // the preview leaves the unknown text visible rather than dropping it
    expect(screen.getByTestId('notices-preview-subject').textContent).toContain('{{clinet}} and {{bar');
    // back to the default: the problem is gone
    fireEvent.click(screen.getByTestId('notices-reset'));
    await waitFor(() => expect(screen.queryByTestId('notices-problems')).toBeNull());
    expect(value('notices-subject')).toBe(DEFAULT_TEMPLATES.templates.down[lang].subject);
  });

  test('generate writes the Notices sheet in the stand-in, names as text', async () => {
    const formula = '=HYPERLINK("http://evil.example","x")';
    const s = await setup(lang, (a) => [[a.clients.find((c) => c.decision.status === 'up')!.rows[0], formula]]);
    await show(s);
    fireEvent.change(screen.getByTestId('notices-company'), { target: { value: 'Northwind' } });
    fireEvent.change(screen.getByTestId('notices-new-manager'), { target: { value: 'Desk A' } });
    fireEvent.click(screen.getByTestId('notices-generate'));
    const message = await screen.findByTestId('notices-message');
    const notices = buildNotices(s.analysis, { ...DEFAULT_TEMPLATES, company: 'Northwind', newManager: 'Desk A' }, { lang, day: DAY });
    expect(message.textContent).toBe(s.t.generated(notices.length, NOTICES_SHEET[lang]));
    const sheet = s.model.sheet(NOTICES_SHEET[lang]);
    expect(sheet.usedRange(true)).toEqual({ r0: 0, c0: 0, r1: notices.length, c1: 4 });
    expect(sheet.read(`A2:D${notices.length + 1}`)).toEqual(notices.map((n) => [n.client, NOTICE_TYPE_LABELS[n.type][lang], n.subject, n.body]));
    const row = notices.findIndex((n) => n.client === formula) + 1;
    expect(row).toBeGreaterThan(0);
    expect(sheet.cell(row, 0)).toMatchObject({ value: formula, formula: undefined, numberFormat: '@' });
  });

  test('save templates writes the edited set to the workbook settings', async () => {
    const s = await setup(lang);
    await show(s);
    fireEvent.change(screen.getByTestId('notices-company'), { target: { value: 'Печатница & Co' } });
    fireEvent.change(screen.getByTestId('notices-body'), { target: { value: 'Short {{client}}' } });
    fireEvent.click(screen.getByTestId('notices-save'));
    expect((await screen.findByTestId('notices-message')).textContent).toBe(s.t.saved);
    expect(JSON.parse(JSON.parse(s.model.settings.get(NOTICE_TEMPLATES_KEY)!)).company).toBe('Печатница & Co');
  });
});

describe('Notices panel details', () => {
  test('the currency comes from the amount column’s number format unless the saved set names one', async () => {
    const s = await setup('ru');
    await show(s, { moneyFormat: '#,##0.00 "₽"' });
    await waitFor(() => expect(value('notices-currency')).toBe('₽'));
    const first = [...s.analysis.clients].sort((a, b) => a.rank - b.rank).find((c) => noticeFor(c) === 'grace')!;
    const expected = renderNotice(first, s.analysis, { ...DEFAULT_TEMPLATES, currency: '₽' }, 'grace', { lang: 'ru', day: DAY });
    expect(expected.body).toMatch(/\d\u00a0₽/);
    expect(screen.getByTestId('notices-preview-body').textContent).toBe(expected.body);

    document.body.innerHTML = '';
    const saved = await setup('en');
    await saveNoticeTemplates(saved.standIn.run, { ...DEFAULT_TEMPLATES, currency: 'EUR' });
    await show(saved, { moneyFormat: '[$$-409]#,##0.00' });
    await waitFor(() => expect(value('notices-currency')).toBe('EUR'));

    document.body.innerHTML = '';
    const plain = await setup('en');
    await show(plain, { moneyFormat: '#,##0.00' });
    expect(value('notices-currency')).toBe('');
  });

  test('a saved set is loaded; an invalid one shows its problems and the defaults', async () => {
    const s = await setup('en');
    await saveNoticeTemplates(s.standIn.run, { ...DEFAULT_TEMPLATES, company: 'Saved Co' });
    await show(s);
    await waitFor(() => expect(value('notices-company')).toBe('Saved Co'));

    document.body.innerHTML = '';
    const bad = await setup('en');
    bad.model.settings.set(NOTICE_TEMPLATES_KEY, JSON.stringify(JSON.stringify({ ...DEFAULT_TEMPLATES, version: 3 })));
    await show(bad);
    const msg = await screen.findByTestId('notices-message');
    expect(msg.textContent).toContain(bad.t.loadInvalid);
    expect(msg.textContent).toContain('version: must be 1');
    expect(value('notices-company')).toBe('');
  });

  test('placeholders are inserted at the cursor of the last focused field', async () => {
    const s = await setup('en');
    await show(s);
    const body = screen.getByTestId('notices-body') as HTMLTextAreaElement;
    fireEvent.change(body, { target: { value: 'Hello  world' } });
    fireEvent.focus(body);
    body.setSelectionRange(6, 6);
    fireEvent.click(screen.getByRole('button', { name: 'Insert {{gap}}' }));
    expect(body.value).toBe('Hello {{gap}} world');
    const subject = screen.getByTestId('notices-subject') as HTMLInputElement;
    fireEvent.focus(subject);
    subject.setSelectionRange(0, subject.value.length);
    fireEvent.click(screen.getByRole('button', { name: 'Insert {{client}}' }));
    expect(subject.value).toBe('{{client}}');
    expect(screen.getByRole('button', { name: 'Insert {{graceUntil}}' }).getAttribute('title')).toBe('The status is kept until (the next review)');
  });

  test('copy uses the clipboard, and says how to copy by hand when it is not allowed', async () => {
    const s = await setup('en');
    await show(s);
    const writeText = jest.fn().mockResolvedValue(undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    fireEvent.click(screen.getByTestId('notices-copy'));
    expect((await screen.findByTestId('notices-message')).textContent).toBe(s.t.copied);
    const subject = screen.getByTestId('notices-preview-subject').textContent;
    expect(writeText).toHaveBeenCalledWith(`${subject}\n\n${screen.getByTestId('notices-preview-body').textContent}`);

    writeText.mockRejectedValue(new Error('NotAllowedError'));
    fireEvent.click(screen.getByTestId('notices-copy'));
    await screen.findByText(s.t.copyFailed);
    expect(window.getSelection()?.toString()).toContain(subject);
    Object.defineProperty(navigator, 'clipboard', { value: undefined, configurable: true });
  });

  test('download: one .docx with a page per client; unavailable downloads are said so', async () => {
    const s = await setup('ru');
    await show(s, { downloads: false });
    expect((screen.getByTestId('notices-download') as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByTestId('notices-no-download').textContent).toBe(s.t.noDownload);

    document.body.innerHTML = '';
    const blobs: Blob[] = [];
    const u = URL as unknown as { createObjectURL?: (b: Blob) => string; revokeObjectURL?: (x: string) => void };
    u.createObjectURL = (b: Blob) => {
      blobs.push(b);
      return 'blob:test';
    };
    u.revokeObjectURL = () => undefined;
    const clicks: string[] = [];
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicks.push(this.download);
    });
    jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
    try {
      const s2 = await setup('ru');
      await show(s2, { downloads: true });
      fireEvent.click(screen.getByTestId('notices-download'));
      const n = buildNotices(s2.analysis, DEFAULT_TEMPLATES, { lang: 'ru', day: DAY }).length;
      expect((await screen.findByTestId('notices-message')).textContent).toBe(s2.t.downloaded(n, 'uvedomleniya-2026-01-02.docx'));
      expect(clicks).toEqual(['uvedomleniya-2026-01-02.docx']);
      const bytes = await blobBytes(blobs[0]);
      expect(blobs[0].type).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
      const xml = strFromU8(unzipSync(bytes)['word/document.xml']);
      expect(xml.match(/<w:pageBreakBefore\/>/g)).toHaveLength(n - 1);
      act(() => jest.runOnlyPendingTimers());
    } finally {
      jest.useRealTimers();
      click.mockRestore();
      delete u.createObjectURL;
      delete u.revokeObjectURL;
    }
  });

  test('the criteria letter previews for any client; the letter language is independent of the pane', async () => {
    const s = await setup('en');
    await show(s);
    fireEvent.change(screen.getByTestId('notices-type'), { target: { value: 'criteria' } });
    fireEvent.change(screen.getByTestId('notices-lang'), { target: { value: 'ru' } });
    await waitFor(() => expect(screen.getByTestId('notices-preview-body').textContent).toMatch(/^Здравствуйте, /));
    expect(screen.getByTestId('notices-preview-body').textContent).toContain('• VIP — от ');
    expect(within(screen.getByTestId('notices-client')).getAllByRole('option').length).toBe(200);
    expect(screen.getByText(s.t.shown(200, s.analysis.clients.length))).toBeTruthy();
    fireEvent.change(screen.getByTestId('notices-find'), { target: { value: s.analysis.clients[5].key } });
    await waitFor(() => expect(value('notices-client')).toBe(s.analysis.clients[5].key));
  });
});
