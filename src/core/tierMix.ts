import { HISTORY_HEADERS } from './historyColumns';
import type { Analysis } from './analyze';
import { CellValue, isBlank } from './cells';
import { clientDisplay } from './clientKey';
import { parseDate } from './parseDate';
import { tierIndex } from './rules';
import { statusFromLabel, TierStatus } from './tiering';

/**
 * Tier mix and movements: clients and revenue per tier now, how many were in each tier at the
 * last review, and who moved since — up (to a higher tier), down, unchanged, new (no previous
 * tier), left (in the last review, not in the book now).
 *
 * **Previous tier of a client**: the one the review itself used (`decision.previousTier`: the
 * sheet's tier column, or the history handed to the analysis), else the latest `To` of the
 * client in the "Tier history" sheet (rows in English or Russian, header row first, as
 * `readOwnedSheet` returns them; "Review date | Client | From | To | Status | Figure …").
 *
 * **Last review** is the latest date in the history. When its rows are exactly this review
 * (every client's From/To equal the previous and proposed tiers) it was already applied:
 * `applied` is true and the movements are the ones recorded then. Recorded reviews are also
 * summarised one by one (up, down, grace warnings…) for a trend.
 *
 * @example
 *   // history: 2025-06-30 ACME VIP; now ACME is Key, Globex (new) is VIP
 *   tierMix(analysis, history).movements // { up: 0, down: 1, new: 1, left: 0, … }
 */
export interface HistoryRow {
  /** Day number of the review, null when the date cell is unreadable. */
  day: number | null;
  key: string;
  name: string;
  from: string;
  to: string;
  status?: TierStatus;
  figure?: number;
}

/** Header names per field, both languages, from the one definition of the history sheet. */
const pick = (k: number) => [HISTORY_HEADERS.en[k].toLowerCase(), HISTORY_HEADERS.ru[k].toLowerCase()] as const;
const HEADERS = { date: pick(0), client: pick(1), from: pick(2), to: pick(3), status: pick(4), figure: pick(5) };

/** Single-spaced, no space at either end: already in display form. */
const PLAIN_NAME = /^[^\s\u00a0\u2007\u2009\u202f]+(?: [^\s\u00a0\u2007\u2009\u202f]+)*$/;

const norm = (v: CellValue) => (typeof v === 'string' ? v.trim().toLowerCase() : '');

/** Rows of a Tier history sheet (header row first, English or Russian headers). */
export function readTierHistory(values: ReadonlyArray<ReadonlyArray<CellValue>> | undefined): HistoryRow[] {
  if (!values || values.length < 2) return [];
  const head = (values[0] ?? []).map(norm);
  const col = (names: readonly string[]) => head.findIndex((h) => names.includes(h));
  const c = { date: col(HEADERS.date), client: col(HEADERS.client), from: col(HEADERS.from), to: col(HEADERS.to), status: col(HEADERS.status), figure: col(HEADERS.figure) };
  if (c.client < 0 || c.to < 0) return [];
  const out: HistoryRow[] = [];
  // labels repeat on every row: look each one up once
  const statuses = new Map<string, TierStatus | undefined>();
  const statusOf = (v: CellValue): TierStatus | undefined => {
    if (isBlank(v)) return undefined;
    const text = String(v);
    if (!statuses.has(text)) statuses.set(text, statusFromLabel(text));
    return statuses.get(text);
  };
  // one review date per apply: parse each distinct cell once
  const days = new Map<CellValue, number | null>();
  const dayOf = (v: CellValue): number | null => {
    let d = days.get(v);
    if (d === undefined) {
      const p = parseDate(v);
      d = p.kind === 'date' ? p.day : null;
      if (days.size < 10000) days.set(v, d);
    }
    return d;
  };
  for (let r = 1; r < values.length; r++) {
    const row = values[r] ?? [];
    const name = row[c.client];
    if (isBlank(name) || typeof name === 'boolean' || name instanceof Date) continue;
    const text = String(name);
    // names as the add-in wrote them need no tidying
    const display = PLAIN_NAME.test(text) ? text : clientDisplay(text);
    const key = display.toLowerCase(); // = clientKey(name)
    // a second header row (an English and a Russian sheet read one after the other)
    if ((HEADERS.client as readonly string[]).includes(key)) continue;
    const figure = c.figure >= 0 ? row[c.figure] : undefined;
    out.push({
      day: c.date >= 0 ? dayOf(row[c.date]) : null,
      key,
      name: display,
      from: c.from >= 0 && !isBlank(row[c.from]) ? String(row[c.from]).trim() : '',
      to: isBlank(row[c.to]) ? '' : String(row[c.to]).trim(),
      status: c.status >= 0 ? statusOf(row[c.status]) : undefined,
      figure: typeof figure === 'number' ? figure : undefined,
    });
  }
  return out;
}

export interface TierFlow {
  /** Previous tier; null for new clients. */
  from: string | null;
  /** Tier now; null for clients who left. */
  to: string | null;
  clients: number;
  revenue: number;
}

export interface RecordedReview {
  day: number | null;
  clients: number;
  up: number;
  down: number;
  same: number;
  new: number;
  grace: number;
  stepdown: number;
}

export interface TierMovements {
  /** Where the previous tiers came from. */
  source: 'review' | 'history' | 'none';
  /** Latest review date in the history (day number). */
  lastReviewDay: number | null;
  /** The last recorded review is this one (already applied). */
  applied: boolean;
  up: number;
  down: number;
  same: number;
  new: number;
  left: number;
  /** Previous tier not in the rules (renamed tiers). */
  other: number;
  flows: TierFlow[];
  /** Recorded reviews, oldest first (the last 12). */
  reviews: RecordedReview[];
}

export interface TierMixRow {
  tier: string;
  clients: number;
  revenue: number;
  clientShare: number;
  revenueShare: number;
  /** Clients in the tier at the last review; null when nothing is known of it. */
  previous: number | null;
  movedIn: number;
  movedOut: number;
}

export interface TierMix {
  rows: TierMixRow[];
  clients: number;
  revenue: number;
  movements: TierMovements;
}

export type TierMixSource = Pick<Analysis, 'clients' | 'rules' | 'tiers'>;

/** Tier index and canonical name by any spelling (case and spaces as typed), looked up once each. */
function tierLookup(rules: TierMixSource['rules']): (name: string) => { index: number; name: string } {
  const memo = new Map<string, { index: number; name: string }>();
  return (name) => {
    let t = memo.get(name);
    if (!t) {
      const index = tierIndex(rules, name);
      t = { index, name: index >= 0 ? rules.tiers[index].name : name.trim() };
      memo.set(name, t);
    }
    return t;
  };
}

function direction(tier: ReturnType<typeof tierLookup>, from: string, to: string): 'up' | 'down' | 'same' | 'other' {
  const a = tier(from);
  const b = tier(to);
  if (a.index < 0 || b.index < 0) return a.name.toLowerCase() === b.name.toLowerCase() ? 'same' : 'other';
  return b.index < a.index ? 'up' : b.index > a.index ? 'down' : 'same';
}

function recordedReviews(rows: HistoryRow[], tier: ReturnType<typeof tierLookup>): RecordedReview[] {
  const byDay = new Map<number | null, RecordedReview>();
  for (const r of rows) {
    let rec = byDay.get(r.day);
    if (!rec) {
      rec = { day: r.day, clients: 0, up: 0, down: 0, same: 0, new: 0, grace: 0, stepdown: 0 };
      byDay.set(r.day, rec);
    }
    rec.clients++;
    if (!r.from) rec.new++;
    else {
      const d = direction(tier, r.from, r.to);
      if (d === 'up') rec.up++;
      else if (d === 'down') rec.down++;
      else rec.same++;
    }
    if (r.status === 'grace') rec.grace++;
    if (r.status === 'stepdown') rec.stepdown++;
  }
  return [...byDay.values()].sort((x, y) => (x.day ?? -Infinity) - (y.day ?? -Infinity)).slice(-12);
}

export function tierMix(a: TierMixSource, history?: ReadonlyArray<ReadonlyArray<CellValue>>): TierMix {
  const rules = a.rules;
  const tier = tierLookup(rules);
  const rows = readTierHistory(history);
  // the latest row per client (by index into rows), and the last review's date
  const latest = new Map<string, number>();
  let lastDay: number | null = null;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    const at = latest.get(r.key);
    const prev = at === undefined ? undefined : rows[at];
    if (!prev || prev.day === null || (r.day !== null && r.day >= prev.day)) latest.set(r.key, i);
    if (r.day !== null && (lastDay === null || r.day > lastDay)) lastDay = r.day;
  }
  // clients of the last review: their latest row is on that day
  let lastClients = 0;
  for (const i of latest.values()) if (rows[i].day === lastDay && lastDay !== null) lastClients++;
  const seen = new Uint8Array(rows.length);

  let fromReview = 0;
  let fromHistory = 0;
  // flows by previous tier, then by tier now ('' for none)
  const flows = new Map<string, Map<string, TierFlow>>();
  const flow = (from: string | null, to: string | null, revenue: number) => {
    let byTo = flows.get(from ?? '');
    if (!byTo) {
      byTo = new Map();
      flows.set(from ?? '', byTo);
    }
    let f = byTo.get(to ?? '');
    if (!f) {
      f = { from, to, clients: 0, revenue: 0 };
      byTo.set(to ?? '', f);
    }
    f.clients++;
    f.revenue += revenue;
  };
  const counts = { up: 0, down: 0, same: 0, new: 0, left: 0, other: 0 };
  let matched = 0;
  for (const c of a.clients) {
    const at = rows.length ? latest.get(c.key) : undefined;
    const h = at === undefined ? undefined : rows[at];
    if (at !== undefined) seen[at] = 1;
    let prev: string | null = c.decision.previousTier;
    if (prev) fromReview++;
    else if (h && h.to) {
      prev = tier(h.to).name;
      fromHistory++;
    }
    const to = c.decision.tier;
    flow(prev, to, c.revenue);
    if (!prev) counts.new++;
    else counts[direction(tier, prev, to)]++;
    // this review already applied: the last review's row says exactly this
    if (h && h.day === lastDay && lastDay !== null && tier(h.to).name === to && (c.decision.previousTier ?? '') === (h.from ? tier(h.from).name : '')) matched++;
  }
  // who was in the last review and is not in the book now
  const leftTiers: string[] = [];
  if (lastDay !== null) {
    for (const at of latest.values()) {
      const r = rows[at];
      if (seen[at] || r.day !== lastDay || !r.to) continue;
      const t = tier(r.to).name;
      leftTiers.push(t);
      flow(t, null, 0);
      counts.left++;
    }
  }
  const applied = lastClients > 0 && matched === lastClients;

  const known = fromReview + fromHistory > 0 || leftTiers.length > 0;
  let totalClients = 0;
  let totalRevenue = 0;
  for (const t of rules.tiers) {
    totalClients += a.tiers[t.name]?.clients ?? 0;
    totalRevenue += a.tiers[t.name]?.revenue ?? 0;
  }
  const allFlows = [...flows.values()].flatMap((m) => [...m.values()]);
  const mixRows: TierMixRow[] = rules.tiers.map((t) => {
    const now = a.tiers[t.name] ?? { clients: 0, revenue: 0 };
    let previous = 0;
    let movedIn = 0;
    let movedOut = 0;
    for (const f of allFlows) {
      const fromHere = f.from !== null && f.from.toLowerCase() === t.name.toLowerCase();
      const toHere = f.to !== null && f.to.toLowerCase() === t.name.toLowerCase();
      if (fromHere) previous += f.clients;
      if (toHere && !fromHere) movedIn += f.clients;
      if (fromHere && !toHere) movedOut += f.clients;
    }
    return {
      tier: t.name,
      clients: now.clients,
      revenue: now.revenue,
      clientShare: totalClients > 0 ? now.clients / totalClients : 0,
      revenueShare: totalRevenue > 0 ? now.revenue / totalRevenue : 0,
      previous: known ? previous : null,
      movedIn,
      movedOut,
    };
  });
  return {
    rows: mixRows,
    clients: totalClients,
    revenue: totalRevenue,
    movements: {
      source: fromReview > 0 ? 'review' : fromHistory > 0 ? 'history' : 'none',
      lastReviewDay: lastDay,
      applied,
      ...counts,
      flows: allFlows.sort((x, y) => y.clients - x.clients),
      reviews: recordedReviews(rows, tier),
    },
  };
}
