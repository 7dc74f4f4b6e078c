import type { ClientResult } from './analyze';
import { Message, MessageError, msg } from './messages';
import { topCount } from './topShare';

/**
 * The VIP programme plan (source documents `002_*`, `003_*`): how many client meetings a month
 * the programme takes, and how many people it needs.
 *
 * **Segments** (disjoint): the *most valuable* clients — the top tier of the rules (VIP) — met
 * every month; the rest of the *top 20%* by revenue (the ⌈0.2 n⌉ largest, ~80% of revenue by
 * Pareto) every quarter; *all other* clients at least once a year. Intervals are editable.
 *
 *   meetings a month = Σ clients / interval (months);  a week = a month × 12 / 52
 *
 * **Staff.** A manager who combines the programme with selling fills at least 5 questionnaires a
 * week, a full-time one at least 15 (editable). The regular meetings need
 * ⌈meetings a week / 15⌉ full-time people (or ⌈… / 5⌉ part-time). The yearly full pass — a
 * questionnaire with *every* client, done in 2–3 months — needs
 * ⌈clients / (pass weeks · 15)⌉ full-time people, or the part-time people that cover what the
 * given full-time staff do not.
 *
 * @example
 *   programmePlan({ mostValuable: 10, key: 54, others: 256 }).meetingsPerMonth // 10 + 18 + 21.33 = 49.33
 *   programmePlan({ mostValuable: 10, key: 54, others: 256 }).pass.fullTimeOnly // ⌈320 / (13 weeks · 15)⌉ = 2
 */
export type SegmentId = 'mostValuable' | 'key' | 'others';

export const SEGMENTS: readonly SegmentId[] = ['mostValuable', 'key', 'others'];

export interface ProgrammeSettings {
  /** Months between meetings per segment. */
  every: Record<SegmentId, number>;
  /** Share of clients in the key segment (top 20% by default). */
  keyShare: number;
  /** Questionnaires a week of a manager who also sells. */
  partTimeRate: number;
  /** Questionnaires a week of a full-time programme manager. */
  fullTimeRate: number;
  /** Months the yearly full pass over every client takes. */
  passMonths: number;
  /** Full-time people on the yearly pass (the rest is covered part-time). */
  passFullTime: number;
}

export const DEFAULT_PROGRAMME: ProgrammeSettings = Object.freeze({
  every: Object.freeze({ mostValuable: 1, key: 3, others: 12 }) as Record<SegmentId, number>,
  keyShare: 0.2,
  partTimeRate: 5,
  fullTimeRate: 15,
  passMonths: 3,
  passFullTime: 0,
});

export const WEEKS_PER_MONTH = 52 / 12;

/** A setting that can be edited: a segment's interval or one of the other numbers. */
export type ProgrammeField = SegmentId | Exclude<keyof ProgrammeSettings, 'every'>;

export interface ProgrammeProblem {
  field: ProgrammeField;
  message: Message;
}

/** A share as the percentage a manager types (0.2 → 20), without binary noise. */
const percent = (share: number) => Math.round(share * 100 * 1e6) / 1e6;

/** Problems with the settings, one per unusable field, as messages (empty when they are usable). */
export function validateProgramme(s: ProgrammeSettings): ProgrammeProblem[] {
  const out: ProgrammeProblem[] = [];
  for (const id of SEGMENTS) {
    const v = s.every[id];
    if (!(v > 0 && v <= 120)) out.push({ field: id, message: msg('programme.interval', { segment: id, months: v }) });
  }
  if (!(s.keyShare > 0 && s.keyShare <= 1)) out.push({ field: 'keyShare', message: msg('programme.keyShare', { percent: percent(s.keyShare) }) });
  if (!(s.partTimeRate > 0 && s.partTimeRate <= 200)) out.push({ field: 'partTimeRate', message: msg('programme.partTimeRate', { rate: s.partTimeRate }) });
  if (!(s.fullTimeRate > 0 && s.fullTimeRate <= 200)) out.push({ field: 'fullTimeRate', message: msg('programme.fullTimeRate', { rate: s.fullTimeRate }) });
  if (!(s.passMonths > 0 && s.passMonths <= 12)) out.push({ field: 'passMonths', message: msg('programme.passMonths', { months: s.passMonths }) });
  if (!(Number.isInteger(s.passFullTime) && s.passFullTime >= 0)) out.push({ field: 'passFullTime', message: msg('programme.passFullTime', { people: s.passFullTime }) });
  return out;
}

export type SegmentCounts = Record<SegmentId, number>;

/**
 * Clients per segment: the top tier's clients; the rest of the ⌈keyShare · n⌉ largest (n = clients
 * with a positive total; rank 1 = largest); every other client, those without revenue included.
 */
export function programmeSegments(clients: ReadonlyArray<Pick<ClientResult, 'rank'> & { decision: { tier: string } }>, topTier: string | undefined, keyShare = 0.2): SegmentCounts {
  let positive = 0;
  for (const c of clients) if (c.rank > 0) positive++;
  const top = topCount(positive, keyShare);
  const out: SegmentCounts = { mostValuable: 0, key: 0, others: 0 };
  for (const c of clients) {
    if (topTier !== undefined && c.decision.tier === topTier) out.mostValuable++;
    else if (c.rank > 0 && c.rank <= top) out.key++;
    else out.others++;
  }
  return out;
}

export interface StaffNeed {
  /** Meetings or questionnaires a week. */
  perWeek: number;
  fullTimeOnly: number;
  partTimeOnly: number;
}

export interface ProgrammePlan {
  segments: Array<{ id: SegmentId; clients: number; every: number; meetingsPerMonth: number }>;
  clients: number;
  meetingsPerMonth: number;
  meetingsPerWeek: number;
  /** People for the regular meetings all year round. */
  regular: StaffNeed;
  /** The yearly full pass: a questionnaire with every client in `passMonths`. */
  pass: StaffNeed & { weeks: number; clients: number; fullTime: number; partTime: number };
}

const need = (perWeek: number, rate: number) => (perWeek > 0 ? Math.ceil(perWeek / rate - 1e-9) : 0);

/** The plan for the segment counts; throws MessageError (the first problem of validateProgramme) for unusable settings. */
export function programmePlan(counts: SegmentCounts, settings: ProgrammeSettings = DEFAULT_PROGRAMME): ProgrammePlan {
  const problems = validateProgramme(settings);
  if (problems.length) throw new MessageError(problems[0].message);
  const segments = SEGMENTS.map((id) => ({ id, clients: counts[id], every: settings.every[id], meetingsPerMonth: counts[id] / settings.every[id] }));
  const meetingsPerMonth = segments.reduce((s, x) => s + x.meetingsPerMonth, 0);
  const meetingsPerWeek = meetingsPerMonth / WEEKS_PER_MONTH;
  const clients = counts.mostValuable + counts.key + counts.others;
  const weeks = settings.passMonths * WEEKS_PER_MONTH;
  const passPerWeek = clients / weeks;
  const covered = settings.passFullTime * settings.fullTimeRate;
  return {
    segments,
    clients,
    meetingsPerMonth,
    meetingsPerWeek,
    regular: { perWeek: meetingsPerWeek, fullTimeOnly: need(meetingsPerWeek, settings.fullTimeRate), partTimeOnly: need(meetingsPerWeek, settings.partTimeRate) },
    pass: {
      perWeek: passPerWeek,
      weeks,
      clients,
      fullTimeOnly: need(passPerWeek, settings.fullTimeRate),
      partTimeOnly: need(passPerWeek, settings.partTimeRate),
      fullTime: settings.passFullTime,
      partTime: need(Math.max(0, passPerWeek - covered), settings.partTimeRate),
    },
  };
}
