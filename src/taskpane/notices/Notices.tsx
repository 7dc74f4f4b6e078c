import { currencySymbol } from '../../core/moneyFormat';
import {
  Body1,
  Button,
  Caption1,
  Checkbox,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Select,
  Subtitle2,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useCallback, useDeferredValue, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { Analysis, ClientResult } from '../../core/analyze';
import type { Lang } from '../../core/format';
import { dayToIso, isoToDay } from '../../core/parseDate';
import {
  buildDocx,
  buildNotices,
  DEFAULT_TEMPLATES,
  DOCX_MIME,
  LANG_LABELS,
  missingReport,
  NOTICE_PERIOD_DAYS,
  NOTICE_TYPE_LABELS,
  NOTICE_TYPES,
  noticeCounts,
  noticeFor,
  NoticeTemplates,
  NoticeType,
  orderedClients,
  parseNoticeTemplates,
  PLACEHOLDER_NAMES,
  PLACEHOLDERS,
  PlaceholderName,
  renderNotice,
} from '../../core/notices';
import type { Notice } from '../../core/notices';
import type { NoticesInput, PaneMessage } from '../usePane';
import { copyText, downloadBytes, downloadsAvailable, selectContents, todayIso } from './browser';
import { noticeStrings } from './strings';
import { blobDownloadsWork, OfficePlatform } from '../platform';

export interface NoticesProps {
  /** The reviewed analysis (the pane's step 3). */
  analysis: Analysis;
  /** Language of the pane (labels, messages, the Notices sheet); letters have their own selector. */
  lang: Lang;
  /**
   * What the user typed (templates, company, new manager, currency, dates), held by the pane's
   * workbook hook so it survives moving between steps and is saved with the workbook.
   */
  input: NoticesInput;
  onInput: (p: Partial<NoticesInput>) => void;
  /** The workbook is busy (the buttons that need it wait). */
  busy?: boolean;
  /** Save the templates in the workbook; write the notices to the Notices sheet (the pane reports the outcome). */
  onSave: () => Promise<void> | void;
  onGenerate: (notices: Notice[]) => Promise<void> | void;
  /** A message for the pane's message bar (copying, downloading). */
  onMessage: (m: PaneMessage | null) => void;
  /** An error in words, in the pane's language. */
  describe: (e: unknown) => string;
  /** Whether this host lets the add-in download files; default: detected from the browser. */
  downloads?: boolean;
  /**
   * The Office platform (Office.context.platform). On Mac, Office ignores blob downloads from
   * add-ins (office-js #2700), so the pane offers the Notices sheet and "Copy all letters" there.
   */
  platform?: OfficePlatform;
  /** Date of the letters as YYYY-MM-DD; default today (tests pass a fixed one). */
  today?: string;
  /** The amount column's Excel number format: its currency fills an empty Currency field. */
  moneyFormat?: string;
}

type Field = 'subject' | 'body';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'end' },
  grow: { flex: 1, minWidth: '140px' },
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, '& select': { maxWidth: '100%' } },
  chips: { display: 'flex', gap: '4px', flexWrap: 'wrap' },
  preview: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalS,
    backgroundColor: tokens.colorNeutralBackground2,
    maxHeight: '420px',
    overflowY: 'auto',
  },
  subject: { fontWeight: tokens.fontWeightSemibold, marginBottom: tokens.spacingVerticalS, overflowWrap: 'anywhere' },
  body: { margin: 0, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', fontFamily: tokens.fontFamilyBase, fontSize: tokens.fontSizeBase300 },
  list: { margin: 0, paddingLeft: '16px' },
});

/** The notice type to show first: the first one this review calls for. */
function firstType(a: Analysis): NoticeType {
  const counts = noticeCounts(a);
  return (['grace', 'down', 'stepdown', 'up'] as const).find((k) => counts[k] > 0) ?? 'criteria';
}

const MAX_OPTIONS = 200;

/**
 * The Notices panel: edit the templates (type and language, subject and text, placeholders to
 * insert), fill in the company and the new manager, preview the letter for a chosen client, see
 * problems before generating, then save the templates, write the Notices sheet, copy one letter or
 * download all as a .docx. Client text is only ever rendered as text (React text nodes), never as
 * markup.
 *
 * @example <Notices analysis={state.analysis} lang={lang} input={state.notices} onInput={actions.setNotices} … />
 */
export function Notices({ analysis, lang, input, onInput, busy: workbookBusy = false, onSave, onGenerate, onMessage, describe, downloads, platform, today, moneyFormat }: NoticesProps) {
  const t = noticeStrings(lang);
  const styles = useStyles();
  const set = input.set;
  const setSet = useCallback((f: (s: NoticeTemplates) => NoticeTemplates) => onInput({ set: f(input.set) }), [onInput, input.set]);
  const loading = !input.loaded;
  const [type, setType] = useState<NoticeType>(() => firstType(analysis));
  const [letterLang, setLetterLang] = useState<Lang>(lang);
  const letterDate = input.letterDate || today || todayIso();
  const setLetterDate = (v: string) => onInput({ letterDate: v });
  const effectiveDate = input.effectiveDate;
  const setEffectiveDate = (v: string | null) => onInput({ effectiveDate: v });
  const criteria = input.criteria;
  const setCriteria = (v: boolean) => onInput({ criteria: v });
  const [query, setQuery] = useState('');
  const [clientKey, setClientKey] = useState<string | null>(null);
  const setMessage = onMessage;
  const blobsIgnored = !blobDownloadsWork(platform);
  const canDownload = useMemo(() => !blobsIgnored && (downloads ?? downloadsAvailable()), [downloads, blobsIgnored]);

  // money in the workbook's currency unless the saved templates name one (once the templates are read)
  const symbol = currencySymbol(moneyFormat);
  const filled = useRef(false);
  useEffect(() => {
    if (!input.loaded || filled.current) return;
    filled.current = true;
    if (input.set.currency === '' && symbol) onInput({ set: { ...input.set, currency: symbol } });
  }, [input.loaded, input.set, symbol, onInput]);

  // ---- dates and options ----
  const day = isoToDay(letterDate) ?? isoToDay(todayIso())!;
  const effectiveDay = (effectiveDate !== null ? isoToDay(effectiveDate) : undefined) ?? day + NOTICE_PERIOD_DAYS;
  const options = useMemo(() => ({ lang: letterLang, day, effectiveDay, criteria }), [letterLang, day, effectiveDay, criteria]);

  // ---- checks: template errors at once, missing values (heavier) deferred while typing ----
  const parsed = useMemo(() => parseNoticeTemplates(set), [set]);
  const errors = parsed.ok ? [] : parsed.problems.map((p) => p.text[lang]);
  const deferredSet = useDeferredValue(set);
  const warnings = useMemo(() => missingReport(analysis, deferredSet, options).map((r) => r.text[lang]), [analysis, deferredSet, options, lang]);
  const counts = useMemo(() => noticeCounts(analysis), [analysis]);
  const total = counts.grace + counts.down + counts.stepdown + counts.up;

  // ---- preview client ----
  const ordered = useMemo(() => orderedClients(analysis), [analysis]);
  const ofType = useMemo(() => (type === 'criteria' ? ordered : ordered.filter((c) => noticeFor(c) === type)), [ordered, type]);
  const pool = ofType.length > 0 ? ofType : ordered;
  const candidates = useMemo(() => {
    const q = query.trim().toLowerCase();
    return q ? pool.filter((c) => c.key.includes(q)) : pool;
  }, [pool, query]);
  const listed = candidates.slice(0, MAX_OPTIONS);
  const client: ClientResult | undefined = listed.find((c) => c.key === clientKey) ?? pool.find((c) => c.key === clientKey) ?? listed[0];
  const preview = useMemo(() => (client ? renderNotice(client, analysis, set, type, options) : null), [client, analysis, set, type, options]);
  const previewRef = useRef<HTMLDivElement>(null);

  // ---- editing ----
  const template = set.templates[type][letterLang];
  const subjectRef = useRef<HTMLInputElement>(null);
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  const lastField = useRef<Field>('body');
  const caret = useRef<{ field: Field; pos: number } | null>(null);
  useLayoutEffect(() => {
    const c = caret.current;
    if (!c) return;
    caret.current = null;
    const el = c.field === 'subject' ? subjectRef.current : bodyRef.current;
    el?.focus();
    el?.setSelectionRange(c.pos, c.pos);
  });
  const edit = useCallback(
    (field: Field, value: string) =>
      setSet((s) => ({ ...s, templates: { ...s.templates, [type]: { ...s.templates[type], [letterLang]: { ...s.templates[type][letterLang], [field]: value } } } })),
    [type, letterLang, setSet],
  );
  const insert = (name: PlaceholderName) => {
    const field = lastField.current;
    const el = field === 'subject' ? subjectRef.current : bodyRef.current;
    const current = template[field];
    const start = el?.selectionStart ?? current.length;
    const end = el?.selectionEnd ?? start;
    const text = `{{${name}}}`;
    edit(field, current.slice(0, start) + text + current.slice(end));
    caret.current = { field, pos: start + text.length };
  };
  const reset = () => setSet((s) => ({ ...s, templates: { ...s.templates, [type]: { ...s.templates[type], [letterLang]: { ...DEFAULT_TEMPLATES.templates[type][letterLang] } } } }));

  // ---- actions ----
  const save = async () => {
    if (!parsed.ok) {
      setMessage({ intent: 'error', text: t.savedInvalid });
      return;
    }
    await onSave();
  };

  const generate = async () => {
    if (!parsed.ok) return;
    await onGenerate(buildNotices(analysis, parsed.templates, options));
  };

  const copy = async () => {
    if (!preview) return;
    const ok = await copyText(`${preview.subject}\n\n${preview.body}`);
    if (ok) setMessage({ intent: 'success', text: t.copied });
    else {
      selectContents(previewRef.current);
      setMessage({ intent: 'warning', text: t.copyFailed });
    }
  };

  /** Every letter as plain text, for the clipboard (where files cannot be saved: Office on Mac). */
  const copyAll = async () => {
    if (!parsed.ok) return;
    const notices = buildNotices(analysis, parsed.templates, options);
    if (notices.length === 0) {
      setMessage({ intent: 'info', text: t.nothingToGenerate });
      return;
    }
    const text = notices.map((n) => `${n.subject}\n\n${n.body}`).join(`\n\n${'—'.repeat(24)}\n\n`);
    const ok = await copyText(text);
    setMessage(ok ? { intent: 'success', text: t.copiedAll(notices.length) } : { intent: 'warning', text: t.copyAllFailed });
  };

  const download = () => {
    if (!parsed.ok || !canDownload) return;
    const notices = buildNotices(analysis, parsed.templates, options);
    if (notices.length === 0) {
      setMessage({ intent: 'info', text: t.nothingToGenerate });
      return;
    }
    const file = `${letterLang === 'ru' ? 'uvedomleniya' : 'notices'}-${dayToIso(day)}.docx`;
    try {
      downloadBytes(buildDocx(notices, { lang: letterLang, day }), file, DOCX_MIME);
      setMessage({ intent: 'success', text: t.downloaded(notices.length, file) });
    } catch (e) {
      setMessage({ intent: 'error', text: describe(e) });
    }
  };

  const disabled = loading || workbookBusy;

  return (
    <section className={styles.root} aria-labelledby="notices-heading" data-testid="notices">
      <Subtitle2 as="h2" id="notices-heading">
        {t.heading}
      </Subtitle2>
      <Caption1 as="p">{t.intro}</Caption1>
      {loading && <Caption1 role="status">{t.loading}</Caption1>}
      <div>
        <Body1 as="p">{t.summary(total)}</Body1>
        {total > 0 && (
          <ul className={styles.list} data-testid="notices-counts">
            {(['grace', 'down', 'stepdown', 'up'] as const)
              .filter((k) => counts[k] > 0)
              .map((k) => (
                <li key={k}>
                  {NOTICE_TYPE_LABELS[k][lang]}: <strong>{counts[k]}</strong>
                </li>
              ))}
          </ul>
        )}
      </div>

      <Subtitle2 as="h3">{t.details}</Subtitle2>
      <div className={styles.stack}>
        <Field label={t.company}>
          <Input value={set.company} onChange={(_, d) => setSet((s) => ({ ...s, company: d.value }))} data-testid="notices-company" />
        </Field>
        <Field label={t.newManager} hint={t.newManagerHint}>
          <Input value={set.newManager} onChange={(_, d) => setSet((s) => ({ ...s, newManager: d.value }))} data-testid="notices-new-manager" />
        </Field>
      </div>
      <div className={styles.row}>
        <Field label={t.currency} hint={t.currencyHint} className={styles.grow}>
          <Input value={set.currency} onChange={(_, d) => setSet((s) => ({ ...s, currency: d.value }))} data-testid="notices-currency" />
        </Field>
        <Field label={t.letterDate}>
          <Input type="date" value={letterDate} onChange={(_, d) => setLetterDate(d.value)} data-testid="notices-date" />
        </Field>
        <Field label={t.effectiveDate}>
          <Input type="date" value={effectiveDate ?? dayToIso(effectiveDay)} onChange={(_, d) => setEffectiveDate(d.value || null)} data-testid="notices-effective" />
        </Field>
      </div>
      <Checkbox checked={criteria} onChange={(_, d) => setCriteria(Boolean(d.checked))} label={t.criteria} data-testid="notices-criteria" />

      <Subtitle2 as="h3">{t.editor}</Subtitle2>
      <div className={styles.row}>
        <Field label={t.type} className={styles.grow}>
          <Select value={type} onChange={(_, d) => setType(d.value as NoticeType)} data-testid="notices-type">
            {NOTICE_TYPES.map((k) => (
              <option key={k} value={k}>
                {NOTICE_TYPE_LABELS[k][lang]}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t.letterLang}>
          <Select value={letterLang} onChange={(_, d) => setLetterLang(d.value as Lang)} data-testid="notices-lang">
            {(['en', 'ru'] as const).map((l) => (
              <option key={l} value={l}>
                {LANG_LABELS[l][lang]}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <Field label={t.subject}>
        <Input
          ref={subjectRef}
          value={template.subject}
          onFocus={() => (lastField.current = 'subject')}
          onChange={(_, d) => edit('subject', d.value)}
          data-testid="notices-subject"
        />
      </Field>
      <Field label={t.body}>
        <Textarea
          ref={bodyRef}
          value={template.body}
          rows={14}
          resize="vertical"
          onFocus={() => (lastField.current = 'body')}
          onChange={(_, d) => edit('body', d.value)}
          data-testid="notices-body"
        />
      </Field>
      <div>
        <Caption1 id="notices-placeholders">{t.placeholders}</Caption1>
        <div className={styles.chips} role="group" aria-labelledby="notices-placeholders" data-testid="notices-placeholders">
          {PLACEHOLDER_NAMES.map((n) => (
            <Button key={n} size="small" appearance="outline" title={PLACEHOLDERS[n][lang]} aria-label={t.insert(`{{${n}}}`)} onClick={() => insert(n)}>
              {`{{${n}}}`}
            </Button>
          ))}
        </div>
      </div>
      <div>
        <Button size="small" appearance="subtle" onClick={reset} data-testid="notices-reset">
          {t.reset}
        </Button>
      </div>

      <Subtitle2 as="h3">{t.preview}</Subtitle2>
      {ordered.length === 0 ? (
        <Caption1>{t.noClients}</Caption1>
      ) : (
        <>
          <div className={styles.stack}>
            <Field label={t.find}>
              <Input type="search" value={query} onChange={(_, d) => setQuery(d.value)} data-testid="notices-find" />
            </Field>
            <Field label={t.previewClient}>
              <Select value={client?.key ?? ''} onChange={(_, d) => setClientKey(d.value)} data-testid="notices-client">
                {listed.map((c) => (
                  <option key={c.key} value={c.key}>
                    {c.name.length > 80 ? `${c.name.slice(0, 79)}…` : c.name}
                  </option>
                ))}
              </Select>
            </Field>
          </div>
          {ofType.length === 0 && <Caption1>{t.noneOfType}</Caption1>}
          {candidates.length > MAX_OPTIONS && <Caption1>{t.shown(MAX_OPTIONS, candidates.length)}</Caption1>}
          {preview && (
            <div className={styles.preview} ref={previewRef} data-testid="notices-preview" lang={letterLang}>
              <div className={styles.subject} data-testid="notices-preview-subject">
                {preview.subject}
              </div>
              <pre className={styles.body} data-testid="notices-preview-body">
                {preview.body}
              </pre>
            </div>
          )}
        </>
      )}

      {errors.length > 0 && (
        <MessageBar intent="error" role="alert" data-testid="notices-problems">
          <MessageBarBody>
            {t.problems}
            <ul className={styles.list}>
              {errors.map((p, i) => (
                <li key={i}>{p}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      {errors.length === 0 && warnings.length > 0 && (
        <MessageBar intent="warning" data-testid="notices-warnings">
          <MessageBarBody>
            {t.warnings}
            <ul className={styles.list}>
              {warnings.map((p, i) => (
                <li key={i}>{p}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}

      <div className={styles.row}>
        <Button onClick={() => void save()} disabled={disabled} data-testid="notices-save">
          {t.save}
        </Button>
        <Button appearance="primary" onClick={() => void generate()} disabled={disabled || errors.length > 0 || total === 0} data-testid="notices-generate">
          {t.generate}
        </Button>
        <Button onClick={() => void copy()} disabled={!preview} data-testid="notices-copy">
          {t.copy}
        </Button>
        {blobsIgnored ? (
          <Button onClick={() => void copyAll()} disabled={disabled || errors.length > 0 || total === 0} aria-describedby="notices-mac" data-testid="notices-copy-all">
            {t.copyAll}
          </Button>
        ) : (
          <Button onClick={download} disabled={disabled || !canDownload || errors.length > 0 || total === 0} data-testid="notices-download">
            {t.download}
          </Button>
        )}
      </div>
      {blobsIgnored ? (
        <Caption1 id="notices-mac" data-testid="notices-mac">
          {t.macNoDownload}
        </Caption1>
      ) : (
        !canDownload && <Caption1 data-testid="notices-no-download">{t.noDownload}</Caption1>
      )}
    </section>
  );
}
