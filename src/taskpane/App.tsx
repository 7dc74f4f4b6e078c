import { HistoryQuestion } from './HistoryQuestion';
import {
  Button,
  FluentProvider,
  MessageBar,
  MessageBarBody,
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
import { useEffect, useMemo, useState } from 'react';
import { Lang } from '../core/format';
import { ExcelRun } from '../excel/host';
import { RulesStep } from './RulesStep';
import { ReviewStep } from './ReviewStep';
import { SourceStep } from './SourceStep';
import { presetFigures, Step, usePane } from './usePane';
import { Notices } from './notices';
import { Dashboard, moneyFormatOf } from './dashboard';
import { CellValue } from '../core/cells';
import { readHistory } from '../excel/applyTiers';
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
    '& section': { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  },
  // a task pane is ~350 px wide: the five tabs wrap onto a second line rather than run off it
  tabs: { flexWrap: 'wrap' },
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
      <Title3 as="h1">{env.lang === 'ru' ? 'Уровни клиентов' : 'Client Tiers'}</Title3>
      <Caption1>
        {env.lang === 'ru'
          ? 'Надстройка открыта вне Excel: откройте её в Excel или используйте стенд (npm start).'
          : 'Running outside Excel: open the add-in in Excel, or use the workbench (npm start).'}
      </Caption1>
    </main>
  );
}

function Pane({ env, run }: { env: PaneEnvironment; run: ExcelRun }) {
  const styles = useStyles();
  const analysis = useMemo(() => createAnalysisClient(env.spawnWorker), [env.spawnWorker]);
  useEffect(() => () => analysis.dispose(), [analysis]);
  const { state, actions, t } = usePane(run, env.lang, analysis);
  // the Tier history rows (either language), for the dashboard's movements since the last review
  const [history, setHistory] = useState<CellValue[][] | undefined>(undefined);
  useEffect(() => {
    if (state.step !== 'dashboard' || !state.analysis) return;
    let live = true;
    void (async () => {
      try {
        const rows = await readHistory(run);
        if (live) setHistory(rows);
      } catch {
        if (live) setHistory(undefined);
      }
    })();
    return () => {
      live = false;
    };
  }, [state.step, state.analysis, state.lastApply, run]);
  useEffect(() => {
    void actions.init();
  }, [actions]);
  return (
    <main className={styles.root} lang={env.lang}>
      <Title3 as="h1">{t.title}</Title3>
      <TabList selectedValue={state.step} onTabSelect={(_, d) => actions.patch({ step: d.value as Step })} aria-label={t.title} className={styles.tabs}>
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
          {env.lang === 'ru' ? 'Панель' : 'Dashboard'}
        </Tab>
        <Tab value="notices" data-testid="tab-notices" disabled={!state.analysis}>
          {env.lang === 'ru' ? 'Уведомления' : 'Notices'}
        </Tab>
      </TabList>
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
          <MessageBarBody>{state.message.text}</MessageBarBody>
        </MessageBar>
      )}
      {state.historyQuestion && <HistoryQuestion question={state.historyQuestion} lang={env.lang} onAnswer={actions.answerHistory} />}
      {state.step === 'source' && (
        <SourceStep
          state={state}
          t={t}
          lang={env.lang}
          onSource={(v) => actions.patch({ source: v.startsWith('table:') ? { table: v.slice(6) } : v.startsWith('sheet:') ? { sheet: v.slice(6) } : {}, data: null, detection: null, detectionError: null, analysis: null })}
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
        <RulesStep rules={state.rules} t={t} lang={env.lang} figures={() => presetFigures(state)} onChange={actions.setRules} onSave={actions.persistRules} onNext={() => { actions.patch({ step: 'review' }); void actions.review(); }} />
      )}
      {state.step === 'review' && (
        <ReviewStep
          state={state}
          t={t}
          lang={env.lang}
          onReview={actions.review}
          onApply={(c) => void actions.apply(c)}
          onUndo={actions.undo}
          onCancelConfirm={() => actions.patch({ confirm: null })}
        />
      )}
      {state.step === 'dashboard' && state.analysis && (
        <Dashboard analysis={state.analysis} lang={env.lang} dark={env.dark} run={run} history={history} moneyFormat={moneyFormatOf(state.data, state.analysis)} />
      )}
      {state.step === 'notices' && state.analysis && <Notices analysis={state.analysis} lang={env.lang} run={run} platform={env.platform} moneyFormat={moneyFormatOf(state.data, state.analysis)} />}
    </main>
  );
}
