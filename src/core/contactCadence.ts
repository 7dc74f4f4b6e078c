import { clientKey } from './clientKey';
import { Message, msg } from './messages';

/**
 * How often to meet a client, in months, from the VIP programme (seeds `002_*`, `003_*`): every
 * corporate client at least once a year; the key clients — the ~20% who bring ~80% of revenue —
 * once a quarter; the most valuable of them once a month.
 *
 * The default table knows the default tiers (VIP 1, Key 3, Standard 12) and the ABC classes
 * (A 3, B 12, C 12). A combined ABC-XYZ class such as `AX` falls back to its ABC letter. Labels
 * match case-insensitively with spaces collapsed (as client names). A table of one's own
 * (segment | months) replaces the default entirely.
 *
 * @example contactCadence('VIP') // 1
 * @example contactCadence('ax')  // 3 (class A)
 * @example contactCadence('Gold', [{ segment: 'Gold', months: 2 }]) // 2
 */
export interface CadenceRow {
  segment: string;
  months: number;
}

export const DEFAULT_CADENCE: readonly CadenceRow[] = Object.freeze([
  { segment: 'VIP', months: 1 },
  { segment: 'Key', months: 3 },
  { segment: 'Standard', months: 12 },
  { segment: 'A', months: 3 },
  { segment: 'B', months: 12 },
  { segment: 'C', months: 12 },
]);

/** A problem with a row of a cadence table, or undefined: months must be above 0 and at most 120. */
export function validateCadenceRow(row: CadenceRow): Message | undefined {
  if (!row.segment.trim()) return msg('cadence.segmentEmpty');
  if (!(row.months > 0 && row.months <= 120)) return msg('cadence.months', { segment: row.segment, months: row.months });
  return undefined;
}

/** Months between meetings for a segment or tier, or undefined when the table does not know it. */
export function contactCadence(segment: string, table: readonly CadenceRow[] = DEFAULT_CADENCE): number | undefined {
  const key = clientKey(segment);
  if (!key) return undefined;
  const find = (k: string) => table.find((r) => clientKey(r.segment) === k)?.months;
  const exact = find(key);
  if (exact !== undefined) return exact;
  if (/^[abc][xyz]$/.test(key)) return find(key[0]);
  return undefined;
}
