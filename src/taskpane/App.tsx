import { HistoryQuestion } from './HistoryQuestion';
import {
  Button,
  FluentProvider,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Select,
  ProgressBar,
  Tab,
  TabList,
  Title3,
  Caption1,
  makeStyles,
  tokens,
  webDarkTheme,
  webLightTheme,
} from '@fluentui/react-components';
import { useEffect, useMemo, useRef, useState } from 'react';
import { Lang } from '../core/format';
import type { ExcelRun } from '../excel/host';
import { RulesStep } from './RulesStep';
import { ReviewStep } from './ReviewStep';
import { SourceStep } from './SourceStep';
import { strings } from './i18n';
import { presetFigures, Step, usePane } from './usePane';
import { Notices } from './notices';
import { Dashboard, moneyFormatOf } from './dashboard';
import { createAnalysisClient, WorkerLike } from './analysis/client';
import { OfficePlatform } from './platform';

export interface PaneEnvironment {
  lang: Lang;
  dark: boolean;
  /** True inside an Office host (false in a plain browser or the workbench). */
  inOffice: boolean;
  /** The door to Excel: Excel.run in Office, the stand-in in the workbench. */
  run?: ExcelRun;
  /**
   * Starts the analysis worker (analysis/spawn.ts in the entry points). Without it the analysis
   * runs in the pane's thread (tests under jsdom).
   */
  spawnWorker?: () => WorkerLike | undefined;
  /** Office.context.platform (the workbench: its host profile's); decides e.g. whether downloads work. */
  platform?: OfficePlatform;
}

const useStyles = makeStyles({
  root: {
    minHeight: '100%',
    boxSizing: 'border-box',
    padding: tokens.spacingHorizontalM,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    '& section': { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
    // a 320 px pane: no control is wider than the pane (a native select is as wide as its
    // longest option unless told otherwise; long words wrap)
    '& .fui-Field, & .fui-Select, & .fui-Input, & .fui-Textarea, & .fui-Combobox': { maxWidth: '100%', minWidth: 0 },
    '& select': { maxWidth: '100%', minWidth: 0, textOverflow: 'ellipsis' },
    '& .fui-Button': { maxWidth: '100%', minWidth: 0, whiteSpace: 'normal', height: 'auto' },
    '& .fui-Label, & .fui-Field__hint, & .fui-Field__validationMessage, & p, & li, & summary, & legend': { overflowWrap: 'anywhere' },
  },
  head: { display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  lang: { width: '7.5rem', maxWidth: '100%' },
  // a task pane is ~320-350 px wide: the five tabs wrap onto a second line rather than run off it
  tabs: { flexWrap: 'wrap', '& button': { minWidth: 0 } },
  status: {
    position: 'sticky',
    top: 0,
    zIndex: 1,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    backgroundColor: tokens.colorNeutralBackground1,
    paddingBottom: tokens.spacingVerticalXS,
  },
  items: { margin: 0, paddingLeft: '16px' },
});

export function App({ env }: { env: PaneEnvironment }) {
  return (
    <FluentProvider theme={env.dark ? webDarkTheme : webLightTheme} style={{ height: '100%' }}>
      {env.run ? <Pane env={env} run={env.run} /> : <Outside env={env} />}
    </FluentProvider>
  );
}

function Outside({ env }: { env: PaneEnvironment }) {
  const styles = useStyles();
  return (
    <main className={styles.root} lang={env.lang}>
      <Title3 as="h1">{strings(env.lang).title}</Title3>
      <Caption1>{strings(env.lang).outside}</Caption1>
    </main>
  );
}

function Pane({ env, run }: { env: PaneEnvironment; run: ExcelRun }) {
  const styles = useStyles();
  const analysis = useMemo(() => createAnalysisClient(env.spawnWorker), [env.spawnWorker]);
  useEffect(() => () => analysis.dispose(), [analysis]);
  // the pane's language: Office's display language at first, then the user's choice; switching
  // it keeps everything (the state lives in usePane, which does not restart)
  const [lang, setLang] = useState<Lang>(env.lang);
  useEffect(() => setLang(env.lang), [env.lang]);
  const { state, actions, t } = usePane(run, lang, analysis);
  // once per workbook door: a language switch must not read the rules again over the user's edits
  const init = useRef(actions.init);
  init.current = actions.init;
  useEffect(() => {
    void init.current();
  }, [run]);
  const busy = Boolean(state.busy);
  return (
    <main className={styles.root} lang={lang}>
      <div className={styles.head}>
        <Title3 as="h1">{t.title}</Title3>
        <Select
          size="small"
          value={lang}
          onChange={(_, d) => setLang(d.value as Lang)}
          aria-label={t.language}
          data-testid="pane-lang"
          className={styles.lang}
        >
          <option value="en">English</option>
          <option value="ru">Русский</option>
        </Select>
      </div>
      <TabList selectedValue={state.step} onTabSelect={(_, d) => actions.patch({ step: d.value as Step })} aria-label={t.title} className={styles.tabs} size="small">
        <Tab value="source" data-testid="tab-source">
          1. {t.steps.source}
        </Tab>
        <Tab value="rules" data-testid="tab-rules">
          2. {t.steps.rules}
        </Tab>
        <Tab value="review" data-testid="tab-review">
          3. {t.steps.review}
        </Tab>
        <Tab value="dashboard" data-testid="tab-dashboard" disabled={!state.analysis}>
          {t.steps.dashboard}
        </Tab>
        <Tab value="notices" data-testid="tab-notices" disabled={!state.analysis}>
          {t.steps.notices}
        </Tab>
      </TabList>
      {(state.busy || state.message) && (
        // one progress bar, one Cancel, one message bar for everything the pane does in the workbook;
        // kept in view while the step below scrolls
        <div className={styles.status}>
          {state.busy && (
            <div role="status" aria-live="polite" data-testid="busy">
              <Caption1>{state.busy.label}</Caption1>
              <ProgressBar value={state.busy.progress} max={1} aria-label={state.busy.label} />
              {state.busy.cancel && (
                <Button size="small" onClick={state.busy.cancel} data-testid="cancel">
                  {t.review.cancel}
                </Button>
              )}
            </div>
          )}
          {state.message && (
            <MessageBar
              intent={state.message.intent}
              data-testid="message"
              // announced by screen readers: errors and warnings at once, the rest politely
              role={state.message.intent === 'error' || state.message.intent === 'warning' ? 'alert' : 'status'}
            >
              <MessageBarBody>
                {state.message.text}
                {state.message.items && (
                  <ul className={styles.items}>
                    {state.message.items.map((p, i) => (
                      <li key={i}>{p}</li>
                    ))}
                  </ul>
                )}
              </MessageBarBody>
              <MessageBarActions
                containerAction={
                  <Button appearance="transparent" size="small" aria-label={t.review.closeDetails} onClick={() => actions.say(null)} data-testid="message-close">
                    ×
                  </Button>
                }
              >
                {state.message.action === 'review' && (
                  <Button size="small" onClick={() => void actions.review()} disabled={busy} data-testid="review-again">
                    {t.review.reviewAgain}
                  </Button>
                )}
              </MessageBarActions>
            </MessageBar>
          )}
        </div>
      )}
      {state.historyQuestion && <HistoryQuestion question={state.historyQuestion} lang={env.lang} onAnswer={actions.answerHistory} />}
      {state.step === 'source' && (
        <SourceStep
          state={state}
          t={t}
          lang={lang}
          onSource={(v) => actions.patch({ source: v.startsWith('table:') ? { table: v.slice(6) } : v.startsWith('sheet:') ? { sheet: v.slice(6) } : {}, data: null, readFrom: null, detection: null, detectionError: null, analysis: null, applied: null, stale: false })}
          onRead={actions.readSource}
          onOverride={actions.setOverride}
          onAsOf={(v) => actions.patch({ asOf: v, analysis: null })}
          onReviewDate={(v) => actions.patch({ reviewDate: v, analysis: null })}
          onWindow={(v) => actions.patch({ windowMonths: v, analysis: null })}
          onNumberLocale={(v) => actions.patch({ numberLocale: v, analysis: null })}
          onNext={() => actions.patch({ step: 'rules' })}
        />
      )}
      {state.step === 'rules' && (
        <RulesStep
          rules={state.rules}
          draft={state.rulesDraft}
          t={t}
          lang={lang}
          figures={() => presetFigures(state)}
          onChange={actions.setRules}
          onDraft={actions.setRulesDraft}
          onSave={actions.persistRules}
          onNext={() => {
            actions.patch({ step: 'review' });
            void actions.review();
          }}
        />
      )}
      {state.step === 'review' && (
        <ReviewStep
          state={state}
          t={t}
          lang={lang}
          onReview={actions.review}
          onApply={(c) => void actions.apply(c)}
          onUndo={actions.undo}
          onCancelConfirm={() => actions.patch({ confirm: null })}
        />
      )}
      {state.step === 'dashboard' && state.analysis && (
        <Dashboard
          analysis={state.analysis}
          lang={lang}
          dark={env.dark}
          history={state.history}
          moneyFormat={moneyFormatOf(state.data, state.analysis)}
          busy={busy}
          onInsert={actions.insertDashboard}
        />
      )}
      {state.step === 'notices' && state.analysis && (
        <Notices
          analysis={state.analysis}
          lang={lang}
          platform={env.platform}
          moneyFormat={moneyFormatOf(state.data, state.analysis)}
          input={state.notices}
          onInput={actions.setNotices}
          busy={busy}
          onSave={actions.saveTemplates}
          onGenerate={actions.generateNotices}
          onMessage={actions.say}
          describe={actions.describe}
        />
      )}
    </main>
  );
}
