import { AbcClass } from './abcClasses';
import { clientKey } from './clientKey';
import { Analysis, ClientResult } from './analyze';
import { formatDay, Lang } from './format';
import { dayToSerial } from './parseDate';
import { STATUS_LABELS } from './tiering';

/**
 * The columns the add-in writes beside the client data, the same for the command line and
 * the task pane: Tier, ABC, Tier status, Reason, Reviews below, Next review.
 * Headers are recognised again on the next review (Tier → previous tier, Reviews below → the
 * grace count), so the state travels with the workbook.
 */
export const RESULT_HEADERS: Record<Lang, readonly string[]> = {
  en: ['Tier', 'ABC', 'Tier status', 'Reason', 'Reviews below', 'Next review'],
  ru: ['Уровень', 'ABC', 'Статус пересмотра', 'Причина', 'Пересмотров ниже', 'Следующий пересмотр'],
};

export type ResultCell = string | number | null;

/** The values of the result columns for one client (next review as an Excel date serial). */
export function resultRow(c: ClientResult, a: Analysis, lang: Lang): ResultCell[] {
  const d = c.decision;
  return [
    d.tier,
    c.abc ?? (lang === 'ru' ? '—' : '—'),
    STATUS_LABELS[d.status][lang],
    d.reason[lang],
    d.reviewsBelow,
    a.nextReviewDay === null ? null : dayToSerial(a.nextReviewDay),
  ];
}

/** Names of the sheets the add-in writes for a transaction log and for the summary. */
export const CLIENT_SHEET_NAMES: Record<Lang, string> = { en: 'Client tiers', ru: 'Уровни клиентов' };
export const SUMMARY_SHEET_NAMES: Record<Lang, string> = { en: 'Tier summary', ru: 'Сводка уровней' };

/** Headers of the per-client sheet written for transaction logs. */
export const CLIENT_SHEET_HEADERS: Record<Lang, readonly string[]> = {
  en: ['Client', 'Revenue', 'Measure', 'Orders', 'Last order', 'Share', 'Cumulative share', ...RESULT_HEADERS.en],
  ru: ['Клиент', 'Выручка', 'Показатель', 'Заказы', 'Последний заказ', 'Доля', 'Накопленная доля', ...RESULT_HEADERS.ru],
};

export function clientSheetRow(c: ClientResult, a: Analysis, lang: Lang): ResultCell[] {
  return [c.id ?? c.name, round2(c.revenue), round2(c.total), c.orders, c.lastDay === null ? null : dayToSerial(c.lastDay), c.share, c.cumShare, ...resultRow(c, a, lang)];
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

/** Rows of the summary sheet: label, value (numbers stay numbers). */
export function summaryRows(a: Analysis, lang: Lang): Array<[string, ResultCell]> {
  const en = lang === 'en';
  const c = a.concentration;
  const w = a.aggregation.window;
  const rows: Array<[string, ResultCell]> = [
    [en ? 'Rule set' : 'Правила', a.rules.name],
    [en ? 'Review window' : 'Окно пересмотра', w ? (w.from ? `${formatDay(w.fromDay + 1, lang)} – ${formatDay(w.toDay, lang)}` : `… – ${formatDay(w.toDay, lang)}`) : en ? 'as in the sheet' : 'как в листе'],
    [en ? 'Clients with revenue > 0' : 'Клиентов с выручкой > 0', c.clients],
    [en ? 'Excluded (total ≤ 0)' : 'Исключено (итог ≤ 0)', c.excluded],
    [en ? 'Total' : 'Итого', Math.round(c.total * 100) / 100],
    [en ? 'Top-20% share' : 'Доля топ-20%', c.top20Share],
    [en ? 'Top-10 clients share' : 'Доля топ-10 клиентов', c.top10Share],
    [en ? 'Gini' : 'Джини', c.gini],
    ['HHI', Math.round(c.hhi * 10) / 10],
  ];
  for (const k of ['A', 'B', 'C'] as AbcClass[]) rows.push([`${en ? 'Class' : 'Класс'} ${k}: ${en ? 'clients' : 'клиентов'}`, c.abc[k].clients]);
  for (const k of ['A', 'B', 'C'] as AbcClass[]) rows.push([`${en ? 'Class' : 'Класс'} ${k}: ${en ? 'revenue' : 'выручка'}`, Math.round(c.abc[k].revenue * 100) / 100]);
  for (const b of a.bars) {
    const t = a.tiers[b.tier];
    rows.push([`${b.tier}: ${en ? 'clients' : 'клиентов'}`, t.clients]);
    if (b.minAmount !== null && Number.isFinite(b.minAmount)) rows.push([`${b.tier}: ${en ? 'bar' : 'планка'}`, Math.round(b.minAmount * 100) / 100]);
  }
  for (const [s, n] of Object.entries(a.statuses)) rows.push([`${en ? 'Status' : 'Статус'}: ${STATUS_LABELS[s as keyof typeof STATUS_LABELS][lang]}`, n]);
  return rows;
}

/** Column of a header in either language (case-insensitive), or -1. */
function headerColumn(row: ReadonlyArray<unknown>, names: Record<Lang, readonly string[]>, k: number): number {
  const wanted = [names.en[k].toLowerCase(), names.ru[k].toLowerCase()];
  return row.findIndex((h) => typeof h === 'string' && wanted.includes(h.trim().toLowerCase()));
}

/**
 * The previous review's state from a per-client sheet written by an earlier apply (either
 * language), by client key; undefined when the sheet lacks the client or tier column.
 */
export function previousFromClientSheet(grid: ReadonlyArray<ReadonlyArray<unknown>>): Map<string, { tier?: string; reviewsBelow?: number; status?: string }> | undefined {
  if (grid.length < 2) return undefined;
  const head = grid[0];
  const base = CLIENT_SHEET_HEADERS.en.length - RESULT_HEADERS.en.length;
  const ci = headerColumn(head, CLIENT_SHEET_HEADERS, 0);
  const ti = headerColumn(head, CLIENT_SHEET_HEADERS, base);
  const si = headerColumn(head, CLIENT_SHEET_HEADERS, base + 2);
  const ri = headerColumn(head, CLIENT_SHEET_HEADERS, base + 4);
  if (ci < 0 || ti < 0) return undefined;
  const map = new Map<string, { tier?: string; reviewsBelow?: number; status?: string }>();
  for (let r = 1; r < grid.length; r++) {
    const row = grid[r];
    const c = row[ci];
    if (c === null || c === undefined || c === '') continue;
    const rb = ri >= 0 ? Number(row[ri]) : NaN;
    map.set(clientKey(String(c)), {
      tier: row[ti] === null || row[ti] === undefined ? undefined : String(row[ti]),
      reviewsBelow: Number.isInteger(rb) && rb >= 0 ? rb : undefined,
      status: si >= 0 && row[si] !== null && row[si] !== undefined ? String(row[si]) : undefined,
    });
  }
  return map;
}
