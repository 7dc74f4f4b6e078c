import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { aggregate } from '../core/aggregate';
import { Analysis } from '../core/analyze';
import { CellValue } from '../core/cells';
import { Lang } from '../core/format';
import { dayFromParts, isoToDay } from '../core/parseDate';
import type { NumberLocale } from '../core/parseMoney';
import { defaultRules, defaultRulesLang, parseRuleSet, RuleSet } from '../core/rules';
import { columnLetter } from '../core/cells';
import { detectTable, Role, TableDetection, TableNotFoundError } from '../core/table';
import { DEFAULT_TEMPLATES, Notice, NoticeTemplates, parseNoticeTemplates } from '../core/notices';
import { applyTiers, ApplyRecord, readHistory, readReviewState, undoApply } from '../excel/applyTiers';
import { DashboardSheetContent, writeDashboardSheet } from '../excel/dashboardSheet';
import { userMessage } from '../excel/errors';
import { CancelledError, ExcelRun, throwIfCancelled } from '../excel/host';
import { loadNoticeTemplates, saveNoticeTemplates, writeNotices } from '../excel/noticesSheet';
import { listSources, ReadOptions, readSheet, SheetData, SourceRef, TableInfo } from '../excel/readSheet';
import { loadPaneDraft, loadRules, NoticeDraft, RulesDraft, saveRules, savePaneDraft } from '../excel/settings';
import { NeedsConfirmation } from '../excel/writeBlock';
import { loadApplyRecord } from '../excel/undoStore';
import { strings } from './i18n';
import { draftRules } from './RulesStep';
import { dashboardStrings } from './dashboard/strings';
import { noticeStrings } from './notices/strings';
import { getWorkbookRules, setWorkbookRules } from '../functions/workbookRules';
import { loadRulesLanguage, writeRulesRange } from '../excel/rulesRange';
import { AnalysisClient, InlineAnalysis } from './analysis/client';

/**
 * The workbook hook: the pane's state and the ONLY place in src/taskpane that calls src/excel
 * (eslint.config.mjs enforces it). It reads the source, detects the table (with the user's column
 * corrections), reviews with the rules, applies / undoes, writes the dashboard and the notices,
 * and owns the one progress bar, Cancel and message bar; the steps, the dashboard and the notices
 * only render state and call these actions.
 */
export type Step = 'source' | 'rules' | 'review' | 'dashboard' | 'notices';
export type Intent = 'error' | 'warning' | 'success' | 'info';

export interface Busy {
  label: string;
  /** 0..1; undefined while the work left is unknown (the bar then moves without a figure). */
  progress: number | undefined;
  cancel?: () => void;
}

/** The notices panel's inputs, kept while the user moves between steps (and saved with the workbook). */
export interface NoticesInput {
  set: NoticeTemplates;
  letterDate?: string;
  effectiveDate: string | null;
  criteria: boolean;
  /** The saved templates were read (the panel waits for them). */
  loaded: boolean;
}

export interface PaneMessage {
  intent: Intent;
  text: string;
  items?: string[];
  /** A button in the message: "Review again" after the reviewed sheet changed. */
  action?: 'review';
}

export interface PaneState {
  step: Step;
  sources: { sheets: string[]; tables: TableInfo[]; active?: string };
  source: SourceRef;
  /**
   * Where the data came from, resolved (a sheet by name, or a table): review, apply and undo stay
   * on it whatever sheet the user looks at afterwards.
   */
  readFrom: SourceRef | null;
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
  /** The rules editor's fields as typed, when they differ from `rules` (kept across steps). */
  rulesDraft: RulesDraft | null;
  analysis: Analysis | null;
  reviewedSignature: string | null;
  /** The last successful apply: the analysis applied and the sheet's signature right after it. */
  applied: { analysis: Analysis; signature: string } | null;
  /** The reviewed sheet changed since the review: Apply waits for a new review. */
  stale: boolean;
  /** The Tier history rows read at the last review / apply (the dashboard's movements). */
  history: CellValue[][] | undefined;
  notices: NoticesInput;
  busy: Busy | null;
  message: PaneMessage | null;
  lastApply: ApplyRecord | null;
  confirm: NeedsConfirmation | null;
}

/**
 * The overrides as core takes them. Core knows no "not used": such a role is pointed at the
 * column just past the data, which is blank in every row (and so never maps anything).
 */
export function coreOverrides(values: ReadonlyArray<ReadonlyArray<unknown>>, overrides: PaneState['overrides']): Partial<Record<Role, number>> {
  // (the column past the data only when asked for: it scans every row, ~100+ ms on a full sheet)
  let past: number | undefined;
  const out: Partial<Record<Role, number>> = {};
  for (const [role, index] of Object.entries(overrides) as Array<[Role, number | null | undefined]>) {
    if (index !== undefined) out[role] = index === null ? (past ??= pastColumn(values)) : index;
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

/** Today's day number (the user's calendar date), for month columns named without a year (core table.ts). */
function todayDay(): number {
  const d = new Date();
  return dayFromParts(d.getFullYear(), d.getMonth() + 1, d.getDate())!;
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
    readFrom: null,
    data: null,
    detection: null,
    detectionError: null,
    overrides: {},
    asOf: '',
    windowMonths: '',
    rules: defaultRules(lang),
    rulesDraft: null,
    analysis: null,
    reviewedSignature: null,
    applied: null,
    stale: false,
    history: undefined,
    notices: { set: DEFAULT_TEMPLATES, effectiveDate: null, criteria: false, loaded: false },
    busy: null,
    message: null,
    lastApply: null,
    confirm: null,
  });
  const stateRef = useRef(state);
  stateRef.current = state;
  const patch = useCallback((p: Partial<PaneState>) => setState((s) => ({ ...s, ...p })), []);
  const langRef = useRef(lang);
  langRef.current = lang;

  const fail = useCallback((e: unknown) => {
    if (e instanceof CancelledError) patch({ busy: null, message: { intent: 'info', text: userMessage(e, lang) } });
    else patch({ busy: null, message: { intent: 'error', text: userMessage(e, lang) } });
  }, [lang, patch]);

  /** Work that needs the workbook while another is running waits for it (one door, one job at a time). */
  const working = useCallback(() => stateRef.current.busy !== null, []);

  const detect = useCallback(
    (data: SheetData, overrides: PaneState['overrides']): Pick<PaneState, 'detection' | 'detectionError'> => {
      if (data.values.length === 0) return { detection: null, detectionError: t.source.empty };
      try {
        const found = detectTable(data.values, Object.keys(overrides).length ? { overrides: coreOverrides(data.values, overrides), headerRow: stateRef.current.detection?.headerRow, today: todayDay() } : { today: todayDay() });
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

  /** What the workbook holds for this pane: sources, rules, the last apply, templates and the unsaved draft. Once per workbook. */
  const init = useCallback(async () => {
    const l = langRef.current;
    try {
      const [src, saved, lastApply, resultsLang, templates, draft] = await Promise.all([
        listSources(run),
        loadRules(run, l),
        loadApplyRecord(run).catch(() => null),
        loadRulesLanguage(run),
        loadNoticeTemplates(run).catch(() => ({ kind: 'none' as const })),
        loadPaneDraft(run).catch(() => null),
      ]);
      const active = src.sheets.find((s) => s.active)?.name;
      const p: Partial<PaneState> = { sources: { sheets: src.sheets.filter((s) => s.visible).map((s) => s.name), tables: src.tables, active } };
      // the last apply's undo record kept in the workbook: undo survives closing the pane
      if (lastApply) p.lastApply = lastApply;
      if (saved.kind === 'ok') {
        p.rules = saved.rules;
        // the shared runtime: CLIENTS.VIPTIER without a rules argument uses these
        setWorkbookRules(saved.rules, undefined, resultsLang);
      }
      if (saved.kind === 'invalid') p.message = { intent: 'warning', text: `${strings(l).rules.invalid} ${saved.problems.join('; ')}` };
      const set = templates.kind === 'ok' ? templates.templates : DEFAULT_TEMPLATES;
      if (templates.kind === 'invalid') p.message = { intent: 'warning', text: noticeStrings(l).loadInvalid, items: templates.problems.map((x) => x.text[l]) };
      const typed = draft?.notices ?? {};
      p.notices = {
        set: { ...set, company: typed.company ?? set.company, newManager: typed.newManager ?? set.newManager, currency: typed.currency ?? set.currency },
        letterDate: typed.letterDate,
        effectiveDate: typed.effectiveDate ?? null,
        criteria: typed.criteria ?? false,
        loaded: true,
      };
      p.rulesDraft = draft?.rules ?? null;
      // the fields as last typed are the rules in force (the editor shows them), when they are valid
      const typedRules = p.rulesDraft ? draftRules(p.rulesDraft) : null;
      if (typedRules) p.rules = typedRules;
      patch(p);
    } catch (e) {
      patch({ notices: { ...stateRef.current.notices, loaded: true } });
      fail(e);
    }
  }, [run, patch, fail]);

  // ---- what is typed goes to the workbook a moment after the typing stops ----
  const dirty = useRef(false);
  const setRulesDraft = useCallback((rulesDraft: RulesDraft | null) => {
    dirty.current = true;
    patch({ rulesDraft });
  }, [patch]);
  const setNotices = useCallback((p: Partial<NoticesInput>) => {
    dirty.current = true;
    setState((s) => ({ ...s, notices: { ...s.notices, ...p } }));
  }, []);
  useEffect(() => {
    if (!dirty.current) return;
    const timer = setTimeout(() => {
      dirty.current = false;
      const { rulesDraft, notices } = stateRef.current;
      const typed: NoticeDraft = { company: notices.set.company, newManager: notices.set.newManager, currency: notices.set.currency, letterDate: notices.letterDate, effectiveDate: notices.effectiveDate, criteria: notices.criteria };
      void (async () => {
        await savePaneDraft(run, { rules: rulesDraft, notices: typed });
        // valid templates are saved as such (an invalid set waits: the draft above keeps the details)
        const checked = parseNoticeTemplates(notices.set);
        if (checked.ok) await saveNoticeTemplates(run, checked.templates);
      })().catch((e: unknown) => patch({ message: { intent: 'warning', text: userMessage(e, langRef.current) } }));
    }, 600);
    return () => clearTimeout(timer);
  }, [state.rulesDraft, state.notices, run, patch]);

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
    if (working()) return;
    const ctrl = new AbortController();
    patch({ busy: { label: t.busy.read, progress: 0, cancel: () => ctrl.abort() }, message: null, analysis: null, reviewedSignature: null, applied: null, stale: false });
    try {
      const data = await read(stateRef.current.source, {
        signal: ctrl.signal,
        onProgress: (d, l) => patch({ busy: { label: t.busy[l] ?? l, progress: d, cancel: () => ctrl.abort() } }),
      });
      // the table found where the rows already are (the analysis worker), off the main thread
      let found: Pick<PaneState, 'detection' | 'detectionError'>;
      try {
        found = data.values.length === 0 ? detect(data, {}) : { detection: await analysis.detect(data.values, { today: todayDay() }), detectionError: null };
      } catch {
        found = detect(data, {});
      }
      patch({ data, readFrom: resolvedSource(data), overrides: {}, ...found, busy: null });
    } catch (e) {
      fail(e);
    }
  }, [read, patch, detect, fail, t, analysis, working]);

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
    if (working()) return;
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
  }, [run, patch, fail, t, lang, working]);

  const review = useCallback(async () => {
    const s = stateRef.current;
    if (!s.data || !s.detection || working()) return;
    const ctrl = new AbortController();
    const busy = (progress: number | undefined) => patch({ busy: { label: t.busy.analyze, progress, cancel: () => ctrl.abort() } });
    busy(0);
    patch({ message: null });
    try {
      // after a change to the reviewed sheet, the review reads it again first
      let data = s.data;
      if (s.stale && s.readFrom) {
        data = await read(s.readFrom, { signal: ctrl.signal, onProgress: (d) => busy(d * 0.3) });
        const again = detect(data, s.overrides);
        patch({ data, ...again });
        if (!again.detection) {
          patch({ busy: null, analysis: null, stale: false, step: 'source' });
          return;
        }
      }
      const history = await readHistory(run);
      const detection = stateRef.current.detection ?? s.detection;
      const { windowMonths, asOfDay } = reviewWindow(s);
      // unsaved default rules follow the tier names the sheet already uses ("Key" from an English review)
      const tierCol = detection.columns.tier?.index;
      const rulesNow = s.rules === defaultRules(lang) && tierCol !== undefined ? defaultRules(defaultRulesLang(lang, data.values.slice(detection.firstDataRow, detection.endRow).map((r) => r[tierCol]))) : s.rules;
      if (rulesNow !== s.rules) patch({ rules: rulesNow });
      const checked = parseRuleSet(rulesNow, lang);
      if (!checked.ok) throw new Error(`${t.rules.invalid} ${checked.problems.join('; ')}`);
      // the history of this source at this review's period (core/historyColumns previousState)
      const reviewDay = paneReviewDay(s);
      const state = await readReviewState(run, { data, table: detection, rules: checked.rules, reviewDay, mode: s.historyMode }, history);
      if (state.rulesChanged && !s.historyMode) {
        patch({ busy: null, historyQuestion: { rulesName: state.rulesChanged.name, day: state.rulesChanged.day } });
        return;
      }
      throwIfCancelled(ctrl.signal);
      const result = await analysis.analyze(
        data.values,
        {
          rules: checked.rules,
          detect: { headerRow: detection.headerRow, overrides: coreOverrides(data.values, s.overrides), today: todayDay() },
          asOfDay,
          windowMonths,
          numberLocale: s.numberLocale,
          previous: state.previous,
          previousComplete: state.rowsUsed > 0,
          restartHistory: s.historyMode === 'restart',
          reviewDay,
          periods: true,
        },
        { signal: ctrl.signal, onProgress: busy },
      );
      // Pareto bars need the whole population: hand them to the functions with the rules
      setWorkbookRules(result.rules, result.bars, getWorkbookRules()?.lang);
      patch({ analysis: result, reviewedSignature: data.signature, applied: null, stale: false, history, busy: null, step: 'review', historyQuestion: null });
    } catch (e) {
      fail(e);
    }
  }, [run, analysis, read, detect, patch, fail, t, lang, working]);

  const apply = useCallback(
    async (overwriteConfirmed = false) => {
      const s = stateRef.current;
      if (!s.analysis || !s.data || working()) return;
      const from = s.readFrom ?? resolvedSource(s.data);
      const ctrl = new AbortController();
      const busy = (progress: number, label: string) => patch({ busy: { label: t.busy[label] ?? label, progress, cancel: () => ctrl.abort() } });
      busy(0, 'read');
      try {
        // the reviewed sheet (not the active one) must still be what was reviewed
        const now = await read(from, { signal: ctrl.signal, onProgress: (d) => busy(d * 0.25, 'read') });
        if (s.applied && s.applied.analysis === s.analysis && now.signature === s.applied.signature) {
          patch({ busy: null, data: now, confirm: null, message: { intent: 'info', text: t.review.alreadyApplied } });
          return;
        }
        if (now.signature !== s.reviewedSignature) {
          patch({ busy: null, stale: true, confirm: null, data: now, ...detect(now, s.overrides), message: { intent: 'warning', text: t.review.changed, action: 'review' } });
          return;
        }
        const record = await applyTiers(run, now, s.analysis, { lang, overwriteConfirmed, signal: ctrl.signal, onProgress: (d, l) => busy(0.25 + d * 0.6, l) });
        // the workbook is changed from here on: no cancelling the bookkeeping
        patch({ busy: { label: t.busy.write, progress: 0.85 } });
        await saveRules(run, s.rules);
        const written = await writeRulesRange(run, s.analysis.rules, s.analysis.bars, lang, { create: false });
        setWorkbookRules(s.analysis.rules, s.analysis.bars, written.lang);
        // re-read so the next apply sees our own columns, and the history for the dashboard
        const after = await read(from, { onProgress: (d) => patch({ busy: { label: t.busy.read, progress: 0.88 + d * 0.1 } }) });
        const history = await readHistory(run).catch(() => stateRef.current.history);
        patch({
          busy: null,
          lastApply: record,
          confirm: null,
          data: after,
          applied: { analysis: s.analysis, signature: after.signature },
          historyMode: undefined,
          history,
          message: { intent: 'success', text: t.review.applied(record.written, record.address.sheetName) },
        });
      } catch (e) {
        if (e instanceof NeedsConfirmation) patch({ busy: null, confirm: e });
        else fail(e);
      }
    },
    [run, read, lang, patch, fail, detect, t, working],
  );

  const undo = useCallback(async () => {
    const s = stateRef.current;
    if (!s.lastApply || working()) return;
    patch({ busy: { label: t.busy.undo, progress: 0 } });
    try {
      await undoApply(run, s.lastApply, (d) => patch({ busy: { label: t.busy.undo, progress: d * 0.9 } }));
      // the cells are as they were when reviewed: the review stays, ready to apply again
      const after = s.readFrom ? await read(s.readFrom) : s.data;
      const history = await readHistory(run).catch(() => undefined);
      patch({ busy: null, lastApply: null, applied: null, data: after, history, message: { intent: 'success', text: t.review.undone } });
    } catch (e) {
      fail(e);
    }
  }, [run, read, patch, fail, t, working]);

  // ---- the dashboard and the notices reach the workbook through here ----

  const insertDashboard = useCallback(async (content: DashboardSheetContent) => {
    if (working()) return;
    const s = dashboardStrings(lang);
    patch({ busy: { label: s.inserting, progress: 0 }, message: null });
    try {
      const r = await writeDashboardSheet(run, content, { onProgress: (d) => patch({ busy: { label: s.inserting, progress: d } }) });
      const done = r.pictures > 0 ? s.inserted(r.sheet, r.pictures) : s.insertedNoPictures(r.sheet);
      patch({ busy: null, message: { intent: r.skippedPictures.length || r.pictures === 0 ? 'warning' : 'success', text: r.skippedPictures.length ? `${done} ${s.skipped(r.skippedPictures.join(', '))}` : done } });
    } catch (e) {
      fail(e);
    }
  }, [run, lang, patch, fail, working]);

  const saveTemplates = useCallback(async () => {
    if (working()) return;
    const n = noticeStrings(lang);
    const checked = parseNoticeTemplates(stateRef.current.notices.set);
    if (!checked.ok) {
      patch({ message: { intent: 'error', text: n.savedInvalid } });
      return;
    }
    try {
      await saveNoticeTemplates(run, checked.templates);
      patch({ message: { intent: 'success', text: n.saved } });
    } catch (e) {
      fail(e);
    }
  }, [run, lang, patch, fail, working]);

  const generateNotices = useCallback(async (notices: Notice[]) => {
    if (working()) return;
    const n = noticeStrings(lang);
    if (notices.length === 0) {
      patch({ message: { intent: 'info', text: n.nothingToGenerate } });
      return;
    }
    patch({ busy: { label: n.busyGenerate, progress: 0 }, message: null });
    try {
      const sheet = await writeNotices(run, notices, lang, (d) => patch({ busy: { label: n.busyGenerate, progress: d } }));
      const incomplete = notices.filter((x) => x.missing.length > 0).length;
      patch({ busy: null, message: { intent: incomplete ? 'warning' : 'success', text: n.generated(notices.length, sheet) + (incomplete ? n.generatedMissing(incomplete) : '') } });
    } catch (e) {
      fail(e);
    }
  }, [run, lang, patch, fail, working]);

  /** A message from work that needs no workbook (copying a letter, a download). */
  const say = useCallback((message: PaneMessage | null) => patch({ message }), [patch]);
  const describe = useCallback((e: unknown) => userMessage(e, lang), [lang]);

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
    () => ({ init, readSource, setOverride, setRules, setRulesDraft, persistRules, review, apply, undo, insertDashboard, saveTemplates, generateNotices, setNotices, say, describe, patch, answerHistory }),
    [init, readSource, setOverride, setRules, setRulesDraft, persistRules, review, apply, undo, insertDashboard, saveTemplates, generateNotices, setNotices, say, describe, patch, answerHistory],
  );
  return { state, actions, t };
}

/** The sheet or table data was read from, by name: what "the reviewed sheet" means from then on. */
export function resolvedSource(data: Pick<SheetData, 'sheetName' | 'tableName'>): SourceRef {
  return data.tableName ? { table: data.tableName } : { sheet: data.sheetName };
}
