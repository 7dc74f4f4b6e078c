import { CellValue } from './cells';
import { clientKey } from './clientKey';
import { Lang } from './format';
import { statusFromLabel, TierStatus } from './tiering';

/**
 * The "Tier history" sheet's columns, in both languages: one row per client and review (date,
 * client, from, to, status, figure, bar, reviews below, rule set). The add-in appends to it on
 * every apply; the next review reads the grace state back from it, and the dashboard reads the
 * movements between reviews.
 */
export const HISTORY_HEADERS: Record<Lang, readonly string[]> = {
  en: ['Review date', 'Client', 'From', 'To', 'Status', 'Figure', 'Bar', 'Reviews below', 'Rule set'],
  ru: ['Дата пересмотра', 'Клиент', 'Было', 'Стало', 'Статус', 'Показатель', 'Планка', 'Пересмотров ниже', 'Правила'],
};

/**
 * Grace state from the history sheet: per client, the last recorded tier, status and reviews
 * below, so a second review turns a warning into a step down. Either language's sheet is read.
 */
export function previousFromHistory(values: CellValue[][]): Map<string, { tier?: string; reviewsBelow?: number; status?: string; day?: number }> {
  const out = new Map<string, { tier?: string; reviewsBelow?: number; status?: string; day?: number }>();
  if (values.length < 2) return out;
  const h = values[0].map((x) => String(x ?? '').trim().toLowerCase());
  const col = (k: number) => Math.max(h.indexOf(HISTORY_HEADERS.en[k].toLowerCase()), h.indexOf(HISTORY_HEADERS.ru[k].toLowerCase()));
  const [dateC, clientC, toC, statusC, belowC] = [col(0), col(1), col(3), col(4), col(7)];
  if (clientC < 0 || toC < 0) return out;
  for (let r = 1; r < values.length; r++) {
    const row = values[r];
    const name = row[clientC];
    if (name === null || name === undefined || name === '') continue;
    const below = Number(row[belowC]);
    const day = typeof row[dateC] === 'number' ? (row[dateC] as number) - 25569 : undefined;
    const key = clientKey(String(name));
    const prev = out.get(key);
    if (prev?.day !== undefined && day !== undefined && day < prev.day) continue;
    const status: TierStatus | undefined = statusFromLabel(String(row[statusC] ?? ''));
    out.set(key, { tier: String(row[toC] ?? '') || undefined, reviewsBelow: Number.isInteger(below) && below >= 0 ? below : undefined, status, day });
  }
  return out;
}
