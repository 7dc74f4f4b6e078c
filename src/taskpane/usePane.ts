import { useCallback, useMemo, useRef, useState } from 'react';
import { aggregate } from '../core/aggregate';
import { Analysis } from '../core/analyze';
import { Lang } from '../core/format';
import { isoToDay } from '../core/parseDate';
import type { NumberLocale } from '../core/parseMoney';
import { defaultRules, defaultRulesLang, parseRuleSet, RuleSet } from '../core/rules';
import { columnLetter } from '../core/cells';
import { detectTable, Role, TableDetection, TableNotFoundError } from '../core/table';
import { applyTiers, ApplyRecord, readReviewState, undoApply } from '../excel/applyTiers';
import { dayFromParts } from '../core/parseDate';
import { userMessage } from '../excel/errors';
import { CancelledError, ExcelRun, throwIfCancelled } from '../excel/host';
import { listSources, ReadOptions, readSheet, SheetData, SourceRef, TableInfo } from '../excel/readSheet';
import { loadRules, saveRules } from '../excel/settings';
import { NeedsConfirmation } from '../excel/writeBlock';
import { loadApplyRecord } from '../excel/undoStore';
import { strings } from './i18n';
import { getWorkbookRules, setWorkbookRules } from '../functions/workbookRules';
import { loadRulesLanguage, writeRulesRange } from '../excel/rulesRange';
import { AnalysisClient, InlineAnalysis } from './analysis/client';

/**
 * The pane's state and actions: read the source, detect the table (with the user's column
 * corrections), review with the rules, apply / undo. UI components only render this.
 */
export type Step = 'source' | 'rules' | 'review' | 'dashboard' | 'notices';
export type Intent = 'error' | 'warning' | 'success' | 'info';

export interface Busy {
  label: string;
  /** 0..1; undefined while the work left is unknown (the bar then moves without a figure). */
  progress: number | undefined;
  cancel?: () => void;
}

export interface PaneState {
  step: Step;
  sources: { sheets: string[]; tables: TableInfo[]; active?: string };
  source: SourceRef;
  data: SheetData | null;
  detection: TableDetection | null;
  detectionError: string | null;
  /** The user's column choices: a column index, or null for "(not used)". */
  overrides: Partial<Record<Role, number | null>>;
  asOf: string;
  windowMonths: string;
  /** The review's date (ISO; empty: today): its period decides grace and the next review. */
  reviewDate?: string;
  /**
   * The rules changed since the last review of this source: the user is asked whether to continue
   * that history or start anew (`historyMode`), see readReviewState.
   */
  historyQuestion?: { rulesName: string; day: number | undefined } | null;
  historyMode?: 'continue' | 'restart';
  /** How to read "1,234" when nothing in the column decides (issue 11); unset: from the column. */
  numberLocale?: NumberLocale;
  rules: RuleSet;
  analysis: Analysis | null;
  reviewedSignature: string | null;
  busy: Busy | null;
  message: { intent: Intent; text: string } | null;
  lastApply: ApplyRecord | null;
  confirm: NeedsConfirmation | null;
}

/**
 * The overrides as core takes them. Core knows no "not used": such a role is pointed at the
 * column just past the data, which is blank in every row (and so never maps anything).
 */
export function coreOverrides(values: ReadonlyArray<ReadonlyArray<unknown>>, overrides: PaneState['overrides']): Partial<Record<Role, number>> {
  const past = pastColumn(values);
  const out: Partial<Record<Role, number>> = {};
  for (const [role, index] of Object.entries(overrides) as Array<[Role, number | null | undefined]>) {
    if (index !== undefined) out[role] = index === null ? past : index;
  }
  return out;
}

/** The review window typed in step 1 (empty: the rules' window; "all": everything). */
function reviewWindow(s: Pick<PaneState, 'asOf' | 'windowMonths'>): { windowMonths?: number | 'all'; asOfDay?: number } {
  const windowMonths = s.windowMonths.trim() === '' ? undefined : s.windowMonths.trim().toLowerCase() === 'all' ? ('all' as const) : Number(s.windowMonths);
  const asOfDay = s.asOf ? isoToDay(s.asOf) : undefined;
  return { windowMonths, asOfDay };
}

export interface PresetFigures {
  revenue: number[];
  margin?: number[];
  orders?: number[];
}

/**
 * Per-client revenue, margin and orders of the sheet read in step 1, for the threshold presets
 * (which put their bars at the data's Pareto positions). Null before a table was detected.
 */
export function presetFigures(s: Pick<PaneState, 'data' | 'detection' | 'asOf' | 'windowMonths' | 'rules' | 'numberLocale'>): PresetFigures | null {
  if (!s.data || !s.detection) return null;
  const { windowMonths, asOfDay } = reviewWindow(s);
  const options = { asOfDay, windowMonths: windowMonths ?? s.rules.windowMonths, numberLocale: s.numberLocale };
  try {
    const byRevenue = aggregate(s.data.values, s.detection, { ...options, measure: 'revenue' }).clients;
    const byMargin = s.detection.columns.margin ? aggregate(s.data.values, s.detection, { ...options, measure: 'margin' }).clients : undefined;
    return { revenue: byRevenue.map((c) => c.revenue), margin: byMargin?.map((c) => c.total), orders: byRevenue.map((c) => c.orders) };
  } catch {
    return null;
  }
}

function pastColumn(values: ReadonlyArray<ReadonlyArray<unknown>>): number {
  let past = 0;
  for (const r of values) if (r.length > past) past = r.length;
  return past;
}

const INLINE = new InlineAnalysis();

/** Today in the user's time zone, as a day number (the default review date). */
export function todayLocalDay(now = new Date()): number {
  return dayFromParts(now.getFullYear(), now.getMonth() + 1, now.getDate())!;
}

/** The review day typed in step 1, else the log's as-of date, else today (as the command line's --review-date). */
export function paneReviewDay(s: Pick<PaneState, 'reviewDate' | 'asOf'>): number {
  return (s.reviewDate ? isoToDay(s.reviewDate) : undefined) ?? (s.asOf ? isoToDay(s.asOf) : undefined) ?? todayLocalDay();
}

/**
 * Bytes per chunk the pane reads. Each chunk's response is parsed by Office.js and handled by us
 * (signature, hand-off to the worker) on the main thread, the custom functions' thread in the
 * shared runtime. Measured in tests/e2e/longTasks.test.ts on a 1,048,575-row log: 1 MB chunks gave
 * a longest read task of about 400-580 ms, 384 KB about 230 ms (256 KB no better: what remains
 * is not per chunk); about 150 round trips for a full-height 4-column log.
 */
const READ_BUDGET = 384 * 1024;

/**
 * `analysis`: where the review's analysis runs — a worker (see analysis/client.ts) in Office and
 * the workbench, the pane's own thread by default.
 */
export function usePane(run: ExcelRun, lang: Lang, analysis: AnalysisClient = INLINE) {
  const t = strings(lang);
  const [state, setState] = useState<PaneState>({
    step: 'source',
    sources: { sheets: [], tables: [] },
    source: {},
    data: null,
    detection: null,
    detectionError: null,
    overrides: {},
    asOf: '',
    windowMonths: '',
    rules: defaultRules(lang),
    analysis: null,
    reviewedSignature: null,
    busy: null,
    message: null,
    lastApply: null,
    confirm: null,
  });
  const stateRef = useRef(state);
  stateRef.current = state;
  const patch = useCallback((p: Partial<PaneState>) => setState((s) => ({ ...s, ...p })), []);

  const fail = useCallback((e: unknown) => {
    if (e instanceof CancelledError) patch({ busy: null, message: { intent: 'info', text: userMessage(e, lang) } });
    else patch({ busy: null, message: { intent: 'error', text: userMessage(e, lang) } });
  }, [lang, patch]);

  const detect = useCallback(
    (data: SheetData, overrides: PaneState['overrides']): Pick<PaneState, 'detection' | 'detectionError'> => {
      if (data.values.length === 0) return { detection: null, detectionError: t.source.empty };
      try {
        const found = detectTable(data.values, Object.keys(overrides).length ? { overrides: coreOverrides(data.values, overrides), headerRow: stateRef.current.detection?.headerRow } : {});
        // roles set to "(not used)" are not shown as mapped (nor the notes about their blank column)
        const unused = (Object.keys(overrides) as Role[]).filter((r) => overrides[r] === null);
        if (unused.length === 0) return { detection: found, detectionError: null };
        const columns = { ...found.columns };
        for (const r of unused) delete columns[r];
        const blank = columnLetter(pastColumn(data.values));
        const detection: TableDetection = { ...found, columns, notes: found.notes.filter((n) => !(n.params && 'column' in n.params && n.params.column === blank)) };
        return { detection, detectionError: null };
      } catch (e) {
        if (e instanceof TableNotFoundError) return { detection: null, detectionError: t.source.notFound };
        return { detection: null, detectionError: userMessage(e, lang) };
      }
    },
    [t, lang],
  );

  const init = useCallback(async () => {
    try {
      const [src, saved, lastApply, resultsLang] = await Promise.all([listSources(run), loadRules(run, lang), loadApplyRecord(run).catch(() => null), loadRulesLanguage(run)]);
      const active = src.sheets.find((s) => s.active)?.name;
      const p: Partial<PaneState> = { sources: { sheets: src.sheets.filter((s) => s.visible).map((s) => s.name), tables: src.tables, active } };
      // the last apply's undo record kept in the workbook: undo survives closing the pane
      if (lastApply) p.lastApply = lastApply;
      if (saved.kind === 'ok') {
        p.rules = saved.rules;
        // the shared runtime: CLIENTS.VIPTIER without a rules argument uses these
        setWorkbookRules(saved.rules, undefined, resultsLang);
      }
      if (saved.kind === 'invalid') p.message = { intent: 'warning', text: `${t.rules.invalid} ${saved.problems.join('; ')}` };
      patch(p);
    } catch (e) {
      fail(e);
    }
  }, [run, patch, fail, t, lang]);

  /** Read the source, passing the rows on to the analysis as they arrive. */
  const read = useCallback(
    async (source: SourceRef, options: ReadOptions = {}): Promise<SheetData> => {
      const stream = analysis.stream();
      const data = await readSheet(run, source, { budgetBytes: READ_BUDGET, ...options, onChunk: (start, rows, json) => stream.add(start, rows, json) });
      stream.finish(data.values);
      return data;
    },
    [run, analysis],
  );

  const readSource = useCallback(async () => {
    const ctrl = new AbortController();
    patch({ busy: { label: t.busy.read, progress: 0, cancel: () => ctrl.abort() }, message: null, analysis: null, reviewedSignature: null });
    try {
      const data = await read(stateRef.current.source, {
        signal: ctrl.signal,
        onProgress: (d, l) => patch({ busy: { label: t.busy[l] ?? l, progress: d, cancel: () => ctrl.abort() } }),
      });
      patch({ data, overrides: {}, ...detect(data, {}), busy: null });
    } catch (e) {
      fail(e);
    }
  }, [read, patch, detect, fail, t]);

  const setOverride = useCallback(
    (role: Role, index: number | null) => {
      const s = stateRef.current;
      const overrides = { ...s.overrides, [role]: index };
      patch({ overrides, ...(s.data ? detect(s.data, overrides) : {}), analysis: null });
    },
    [patch, detect],
  );

  const setRules = useCallback((rules: RuleSet) => patch({ rules, analysis: null }), [patch]);

  const persistRules = useCallback(async () => {
    try {
      await saveRules(run, stateRef.current.rules);
      const a = stateRef.current.analysis;
      const bars = a && a.rules === stateRef.current.rules ? a.bars : undefined;
      // the ClientTiersRules range: formulas that pass it recalculate; a full recalculation refreshes the rest
      const written = await writeRulesRange(run, stateRef.current.rules, bars, lang);
      setWorkbookRules(stateRef.current.rules, bars, written.lang);
      patch({ message: { intent: 'success', text: t.rules.saved } });
    } catch (e) {
      fail(e);
    }
  }, [run, patch, fail, t, lang]);

  const review = useCallback(async () => {
    const s = stateRef.current;
    if (!s.data || !s.detection) return;
    const ctrl = new AbortController();
    const busy = (progress: number | undefined) => patch({ busy: { label: t.busy.analyze, progress, cancel: () => ctrl.abort() } });
    busy(0);
    patch({ message: null });
    try {
      const { windowMonths, asOfDay } = reviewWindow(s);
      // unsaved default rules follow the tier names the sheet already uses ("Key" from an English review)
      const tierCol = s.detection.columns.tier?.index;
      const rulesNow = s.rules === defaultRules(lang) && tierCol !== undefined ? defaultRules(defaultRulesLang(lang, s.data.values.slice(s.detection.firstDataRow, s.detection.endRow).map((r) => r[tierCol]))) : s.rules;
      if (rulesNow !== s.rules) patch({ rules: rulesNow });
      const checked = parseRuleSet(rulesNow, lang);
      if (!checked.ok) throw new Error(`${t.rules.invalid} ${checked.problems.join('; ')}`);
      // the history of this source at this review's period (core/historyColumns previousState)
      const reviewDay = paneReviewDay(s);
      const history = await readReviewState(run, { data: s.data, table: s.detection, rules: checked.rules, reviewDay, mode: s.historyMode });
      if (history.rulesChanged && !s.historyMode) {
        patch({ busy: null, historyQuestion: { rulesName: history.rulesChanged.name, day: history.rulesChanged.day } });
        return;
      }
      throwIfCancelled(ctrl.signal);
      const result = await analysis.analyze(
        s.data.values,
        {
          rules: checked.rules,
          detect: { headerRow: s.detection.headerRow, overrides: coreOverrides(s.data.values, s.overrides) },
          asOfDay,
          windowMonths,
          numberLocale: s.numberLocale,
          previous: history.previous,
          previousComplete: history.rowsUsed > 0,
          restartHistory: s.historyMode === 'restart',
          reviewDay,
          periods: true,
        },
        { signal: ctrl.signal, onProgress: busy },
      );
      // Pareto bars need the whole population: hand them to the functions with the rules
      setWorkbookRules(result.rules, result.bars, getWorkbookRules()?.lang);
      patch({ analysis: result, reviewedSignature: s.data.signature, busy: null, step: 'review', historyQuestion: null });
    } catch (e) {
      fail(e);
    }
  }, [run, analysis, patch, fail, t, lang]);

  const apply = useCallback(
    async (overwriteConfirmed = false) => {
      const s = stateRef.current;
      if (!s.analysis || !s.data) return;
      const ctrl = new AbortController();
      const busy = (progress: number, label: string) => patch({ busy: { label: t.busy[label] ?? label, progress, cancel: () => ctrl.abort() } });
      busy(0, 'read');
      try {
        // the sheet must be what was reviewed
        const now = await read(s.source, { signal: ctrl.signal, onProgress: (d) => busy(d * 0.3, 'read') });
        if (now.signature !== s.reviewedSignature) {
          patch({ busy: null, message: { intent: 'warning', text: t.review.changed }, data: now, analysis: null, ...detect(now, s.overrides) });
          return;
        }
        const record = await applyTiers(run, now, s.analysis, { lang, overwriteConfirmed, signal: ctrl.signal, onProgress: (d, l) => busy(0.3 + d * 0.7, l) });
        await saveRules(run, s.rules);
        const written = await writeRulesRange(run, s.analysis.rules, s.analysis.bars, lang, { create: false });
        setWorkbookRules(s.analysis.rules, s.analysis.bars, written.lang);
        const where = `${record.address.sheetName}`;
        // re-read so the next apply sees our own columns
        const after = await read(s.source);
        patch({ busy: null, lastApply: record, confirm: null, data: after, reviewedSignature: null, historyMode: undefined, message: { intent: 'success', text: t.review.applied(record.written, where) } });
      } catch (e) {
        if (e instanceof NeedsConfirmation) patch({ busy: null, confirm: e });
        else fail(e);
      }
    },
    [run, read, lang, patch, fail, detect, t],
  );

  const undo = useCallback(async () => {
    const s = stateRef.current;
    if (!s.lastApply) return;
    patch({ busy: { label: t.busy.undo, progress: 0 } });
    try {
      await undoApply(run, s.lastApply, (d) => patch({ busy: { label: t.busy.undo, progress: d } }));
      const after = await read(s.source);
      patch({ busy: null, lastApply: null, data: after, analysis: null, message: { intent: 'success', text: t.review.undone } });
    } catch (e) {
      fail(e);
    }
  }, [run, read, patch, fail, t]);

  /** The answer to "the rules changed since the last review": continue that history or start anew, then review. */
  const answerHistory = useCallback(
    (mode: 'continue' | 'restart') => {
      stateRef.current = { ...stateRef.current, historyMode: mode, historyQuestion: null };
      patch({ historyMode: mode, historyQuestion: null });
      void review();
    },
    [patch, review],
  );

  const actions = useMemo(
    () => ({ init, readSource, setOverride, setRules, persistRules, review, apply, undo, patch, answerHistory }),
    [init, readSource, setOverride, setRules, persistRules, review, apply, undo, patch, answerHistory],
  );
  return { state, actions, t };
}
