import { CellValue } from './cells';
import { clientKey } from './clientKey';
import { Lang } from './format';
import { dayToSerial, serialToDay } from './parseDate';
import { periodLabel, periodOf, periodStartFromLabel, ReviewCalendar, reviewCalendar, ReviewPeriod } from './reviewPeriod';
import { RuleSet } from './rules';
import { statusFromLabel, STATUS_LABELS, TierStatus } from './tiering';

/**
 * The "Tier history" sheet: one row per client and review (date, client, from, to, status, figure,
 * bar, reviews below, rule set, review period, source sheet, key column, rules ID). The add-in
 * (and the command line's `apply`) appends to it on every apply; the next review reads the
 * previous state back from it (`previousState`), and the dashboard reads the movements.
 *
 * The first nine columns are the ones sheets written before review periods have; such rows are
 * still read: their period is the one their date falls in (under the current rules' calendar),
 * and they belong to no known source (see `previousState` for when they are used).
 */
export const HISTORY_HEADERS: Record<Lang, readonly string[]> = {
  en: ['Review date', 'Client', 'From', 'To', 'Status', 'Figure', 'Bar', 'Reviews below', 'Rule set', 'Review period', 'Sheet', 'Key column', 'Rules ID'],
  ru: ['Дата пересмотра', 'Клиент', 'Было', 'Стало', 'Статус', 'Показатель', 'Планка', 'Пересмотров ниже', 'Правила', 'Период пересмотра', 'Лист', 'Столбец клиента', 'Код правил'],
};

/** Columns of history sheets written before periods, sources and rules IDs (still read). */
export const LEGACY_HISTORY_COLUMNS = 9;

/** Where a review's clients come from: the sheet (or table) and the header of its client column. */
export interface HistorySource {
  sheet: string;
  keyColumn: string;
}

/** One history row as read back. */
export interface HistoryEntry {
  /** Zero-based row in the rows read (later rows are later applies). */
  order: number;
  day: number | undefined;
  key: string;
  from: string;
  to: string;
  status: TierStatus | undefined;
  reviewsBelow: number | undefined;
  rulesName: string;
  /** First day of the recorded period; undefined in rows written before periods. */
  periodStart: number | undefined;
  /** undefined: a row written before sources were recorded. */
  source: HistorySource | undefined;
  rulesId: string;
}

const text = (v: CellValue | undefined) => (v === null || v === undefined ? '' : String(v).trim());

/** The rows of a history sheet (either language; header row first); [] without a client and To column. */
export function readHistoryRows(values: ReadonlyArray<ReadonlyArray<CellValue>>): HistoryEntry[] {
  if (values.length < 2) return [];
  const h = values[0].map((x) => text(x).toLowerCase());
  const col = (k: number) => Math.max(h.indexOf(HISTORY_HEADERS.en[k].toLowerCase()), h.indexOf(HISTORY_HEADERS.ru[k].toLowerCase()));
  const [dateC, clientC, fromC, toC, statusC, belowC, rulesC, periodC, sheetC, keyColC, idC] = [0, 1, 2, 3, 4, 7, 8, 9, 10, 11, 12].map(col);
  if (clientC < 0 || toC < 0) return [];
  const out: HistoryEntry[] = [];
  for (let r = 1; r < values.length; r++) {
    const row = values[r];
    const name = row[clientC];
    if (name === null || name === undefined || name === '') continue;
    const below = belowC >= 0 ? Number(row[belowC]) : NaN;
    const date = dateC >= 0 ? row[dateC] : undefined;
    const sheet = sheetC >= 0 ? text(row[sheetC]) : '';
    out.push({
      order: r - 1,
      // a serial (Office.js values) or a Date (the command line's reader turns date cells into Dates)
      day: typeof date === 'number' ? serialToDay(date) : date instanceof Date ? Math.floor(date.getTime() / 86400000) : undefined,
      key: clientKey(String(name)),
      from: fromC >= 0 ? text(row[fromC]) : '',
      to: text(row[toC]),
      status: statusC >= 0 ? statusFromLabel(text(row[statusC])) : undefined,
      reviewsBelow: Number.isInteger(below) && below >= 0 && text(row[belowC]) !== '' ? below : undefined,
      rulesName: rulesC >= 0 ? text(row[rulesC]) : '',
      periodStart: periodC >= 0 ? periodStartFromLabel(text(row[periodC])) : undefined,
      source: sheet ? { sheet, keyColumn: keyColC >= 0 ? text(row[keyColC]) : '' } : undefined,
      rulesId: idC >= 0 ? text(row[idC]) : '',
    });
  }
  return out;
}

/**
 * A stable fingerprint of what decides tiers in a rule set (measure, window, tiers with their
 * criteria and benefits, policy, review calendar; not the name or the format version): two
 * 32-bit FNV-1a hashes of its canonical JSON (keys sorted), as 12 hex digits.
 *
 * @example rulesFingerprint(DEFAULT_RULES) === rulesFingerprint({ ...DEFAULT_RULES, name: 'Other' }) // true
 */
export function rulesFingerprint(rules: RuleSet): string {
  const cal = reviewCalendar(rules);
  const { name: _name, version: _version, reviewEveryMonths: _m, reviewAnchor: _a, ...rest } = rules;
  const json = canonical({ ...rest, review: [cal.months, cal.anchorMonth, cal.anchorDate] });
  const fnv = (seed: number) => {
    let x = seed >>> 0;
    for (let i = 0; i < json.length; i++) {
      x ^= json.charCodeAt(i);
      x = Math.imul(x, 0x01000193) >>> 0;
    }
    return x.toString(16).padStart(8, '0');
  };
  return (fnv(0x811c9dc5) + fnv(0x050c5d1f)).slice(0, 12);
}

function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o)
      .filter((k) => o[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v ?? null);
}

const sameSource = (a: HistorySource | undefined, b: HistorySource) => a !== undefined && a.sheet.toLowerCase() === b.sheet.toLowerCase() && a.keyColumn.toLowerCase() === b.keyColumn.toLowerCase();

export interface PreviousEntry {
  /** The tier before this period's review; undefined: none (the client is new to this history). */
  tier?: string;
  reviewsBelow?: number;
  status?: string;
}

export interface PreviousState {
  /**
   * By client key, for every client this history knows: its state entering the review's period.
   * An entry, even without a tier, is final (the analysis then ignores Tier columns in the sheet).
   */
  previous: Map<string, PreviousEntry>;
  /** Rows of the history that were used (of this source, or legacy rows adopted). */
  rowsUsed: number;
  /** The last review of this source was under other rules: their name and ID, and that review's day. */
  rulesChanged: { name: string; id: string; day: number | undefined } | null;
  /** The rows used were written before sources were recorded (adopted by the rule-set name). */
  legacy: boolean;
  /** This source was already reviewed in this period: the review replaces that period's decision. */
  rereview: boolean;
}

export interface PreviousOptions {
  rules: RuleSet;
  source: HistorySource;
  /** The review's day: its period decides what counts as earlier. */
  reviewDay: number;
  /** 'restart': the user chose to start the history anew under changed rules (nothing is carried). */
  mode?: 'continue' | 'restart';
}

/**
 * What each client's state is entering the review's period, from the history rows.
 *
 * - **Source.** Only rows of this source (sheet + key column) count. Rows written before sources
 *   were recorded ("legacy") are adopted only when no row of the history names this source and
 *   their rule-set name is the current rules' name: an old workbook's single history continues,
 *   but a new sheet reviewed under other rules never inherits it.
 * - **Periods.** A row's period is the one recorded with it (legacy rows: the one its date is in).
 *   A review replaces its period's decision, so rows of the review's period (or later ones, when a
 *   review is dated back) are not a baseline: the state entering the period is the *From* tier of
 *   the client's first row in that period, with the count of reviews below taken from the last
 *   earlier-period row (when it ended on that tier), else recovered from the status (grace and
 *   step-down add one, a transfer happens after graceReviews + benefitSteps). Without rows in the
 *   period the baseline is the last earlier row's *To* and count.
 * - **Rules.** When the last row of this source carries another rules ID (a rule set changed since),
 *   `rulesChanged` says so; with mode 'restart' nothing is carried (every client is new).
 */
export function previousState(rows: ReadonlyArray<HistoryEntry>, options: PreviousOptions): PreviousState {
  const { rules, source, reviewDay } = options;
  const cal: ReviewCalendar = reviewCalendar(rules);
  const current: ReviewPeriod = periodOf(reviewDay, cal);
  const own = rows.filter((r) => sameSource(r.source, source));
  let used = own;
  let legacy = false;
  if (own.length === 0) {
    const name = rules.name.trim().toLowerCase();
    used = rows.filter((r) => r.source === undefined && r.rulesName.toLowerCase() === name);
    legacy = used.length > 0;
  }
  const empty: PreviousState = { previous: new Map(), rowsUsed: used.length, rulesChanged: null, legacy, rereview: false };
  if (used.length === 0) return empty;
  const id = rulesFingerprint(rules);
  const last = used.reduce((a, b) => (b.order > a.order ? b : a));
  const rulesChanged = !legacy && last.rulesId !== '' && last.rulesId !== id ? { name: last.rulesName, id: last.rulesId, day: last.day } : null;
  if (options.mode === 'restart') return { ...empty, rulesChanged };
  const start = (r: HistoryEntry) => r.periodStart ?? (r.day === undefined ? Number.NEGATIVE_INFINITY : periodOf(r.day, cal).startDay);
  // per client: the last row before the period, and the first row in (or after) it
  const before = new Map<string, HistoryEntry>();
  const within = new Map<string, HistoryEntry>();
  const sorted = [...used].sort((a, b) => a.order - b.order);
  let rereview = false;
  for (const r of sorted) {
    if (start(r) < current.startDay) before.set(r.key, r);
    else {
      rereview = true;
      if (!within.has(r.key)) within.set(r.key, r);
    }
  }
  const previous = new Map<string, PreviousEntry>();
  const { graceReviews, benefitSteps } = rules.policy;
  for (const key of new Set([...before.keys(), ...within.keys()])) {
    const b = before.get(key);
    const w = within.get(key);
    if (!w) {
      previous.set(key, { tier: b!.to || undefined, reviewsBelow: b!.reviewsBelow ?? 0, status: b!.status });
      continue;
    }
    if (w.from === '') {
      previous.set(key, {});
      continue;
    }
    let count: number;
    if (b && b.to.toLowerCase() === w.from.toLowerCase() && b.reviewsBelow !== undefined) count = b.reviewsBelow;
    else if ((w.status === 'grace' || w.status === 'stepdown') && w.reviewsBelow !== undefined) count = Math.max(0, w.reviewsBelow - 1);
    else if (w.status === 'down') count = graceReviews + benefitSteps;
    else count = 0;
    previous.set(key, { tier: w.from, reviewsBelow: count, status: b?.status });
  }
  return { previous, rowsUsed: used.length, rulesChanged, legacy, rereview };
}

/** What a review writes to the history, besides each client's decision. */
export interface HistoryContext {
  /** The review's day (the history's date column). */
  day: number;
  /** The review's period, recorded in words ("1 Jan 2026 – 30 Jun 2026"). */
  period: ReviewPeriod;
  source: HistorySource;
  rules: RuleSet;
}

/** A client as the history needs it. */
export interface HistoryClient {
  name: string;
  /** The client as in the source cell: a number stays a number (see `ClientAgg.id`). */
  id?: string | number;
  total: number;
  decision: { previousTier: string | null; tier: string; status: TierStatus; bar: number | null; reviewsBelow: number };
}

/**
 * The history rows of a review: one per client (every client, so the history is the whole truth
 * of a source's previous state, see `previousComplete` in analyze); the date is an Excel serial,
 * a numeric client id a number.
 */
export function historyRows(clients: ReadonlyArray<HistoryClient>, ctx: HistoryContext, lang: Lang): Array<Array<string | number>> {
  const id = rulesFingerprint(ctx.rules);
  const period = periodLabel(ctx.period, lang);
  return clients.map((c) => [
      dayToSerial(ctx.day),
      c.id ?? c.name,
      c.decision.previousTier ?? '',
      c.decision.tier,
      STATUS_LABELS[c.decision.status][lang],
      Math.round(c.total * 100) / 100,
      c.decision.bar === null ? '' : Math.round(c.decision.bar * 100) / 100,
      c.decision.reviewsBelow,
      ctx.rules.name,
      period,
      ctx.source.sheet,
      ctx.source.keyColumn,
      id,
    ]);
}

/**
 * Grace state from the history sheet, every source together: per client, the last recorded tier,
 * status and reviews below. Kept for readers that show the last movement (the dashboard); a review
 * takes its previous state from `previousState`, which knows sources and periods.
 */
export function previousFromHistory(values: CellValue[][]): Map<string, { tier?: string; reviewsBelow?: number; status?: string; day?: number }> {
  const out = new Map<string, { tier?: string; reviewsBelow?: number; status?: string; day?: number }>();
  for (const r of readHistoryRows(values)) {
    const prev = out.get(r.key);
    if (prev?.day !== undefined && r.day !== undefined && r.day < prev.day) continue;
    out.set(r.key, { tier: r.to || undefined, reviewsBelow: r.reviewsBelow, status: r.status, day: r.day });
  }
  return out;
}
