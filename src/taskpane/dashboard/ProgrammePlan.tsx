import { Button, Field, Input } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import type { Lang } from '../../core/format';
import { Message, renderMessage } from '../../core/messages';
import { DEFAULT_PROGRAMME, ProgrammeField, ProgrammePlan, ProgrammeSettings, SegmentId, SEGMENTS, validateProgramme } from '../../core/programmePlan';
import type { Formatters } from './format';
import type { DashboardStrings } from './strings';
import { useDashboardStyles } from './styles';

/**
 * The VIP-programme plan: meetings a month per segment and the people needed, with labelled
 * inputs for the intervals, the questionnaire rates (5 a week part-time, 15 full-time), the
 * length of the yearly pass and the full-time staff on it. Values typed with a decimal comma work too (a text field: a number field refuses "2,5");
 * an unusable value is marked with what is wrong (core's message, in the pane's language) and the last good plan stays on screen.
 */
type Raw = Record<ProgrammeField, string>;

export function rawSettings(s: ProgrammeSettings): Raw {
  return {
    mostValuable: String(s.every.mostValuable),
    key: String(s.every.key),
    others: String(s.every.others),
    keyShare: String(Math.round(s.keyShare * 1000) / 10),
    partTimeRate: String(s.partTimeRate),
    fullTimeRate: String(s.fullTimeRate),
    passMonths: String(s.passMonths),
    passFullTime: String(s.passFullTime),
  };
}

const num = (t: string) => (t.trim() === '' ? NaN : Number(t.trim().replace(',', '.')));

/** The settings typed, and the unusable fields with their problem. */
export function parseSettings(raw: Raw): { settings: ProgrammeSettings; bad: Map<ProgrammeField, Message> } {
  const settings: ProgrammeSettings = {
    every: { mostValuable: num(raw.mostValuable), key: num(raw.key), others: num(raw.others) },
    keyShare: num(raw.keyShare) / 100,
    partTimeRate: num(raw.partTimeRate),
    fullTimeRate: num(raw.fullTimeRate),
    passMonths: num(raw.passMonths),
    passFullTime: num(raw.passFullTime),
  };
  const bad = new Map<ProgrammeField, Message>();
  for (const p of validateProgramme(settings)) if (!bad.has(p.field)) bad.set(p.field, p.message);
  return { settings, bad };
}

export interface ProgrammePlanProps {
  plan: ProgrammePlan;
  settings: ProgrammeSettings;
  onChange: (s: ProgrammeSettings) => void;
  s: DashboardStrings;
  f: Formatters;
  lang: Lang;
}

export function ProgrammePlanView({ plan, settings, onChange, s, f, lang }: ProgrammePlanProps) {
  const styles = useDashboardStyles();
  const [raw, setRaw] = useState<Raw>(() => rawSettings(settings));
  const { bad } = useMemo(() => parseSettings(raw), [raw]);
  const set = (k: keyof Raw, v: string) => {
    const next = { ...raw, [k]: v };
    setRaw(next);
    const parsed = parseSettings(next);
    if (parsed.bad.size === 0) onChange(parsed.settings);
  };
  const field = (k: keyof Raw, label: string) => {
    const problem = bad.get(k);
    return (
      <Field key={k} label={label} validationState={problem ? 'error' : 'none'} validationMessage={problem ? renderMessage(problem, lang) : undefined}>
        <Input inputMode="decimal" value={raw[k]} onChange={(_, d) => set(k, d.value)} data-testid={`plan-${k}`} />
      </Field>
    );
  };
  const segLabel = (id: SegmentId) => s.plan.segment[id];
  return (
    <div className={styles.section} data-testid="programme-plan">
      <p className={styles.note}>{s.plan.intro}</p>
      <div className={styles.inputs}>
        {SEGMENTS.map((id) => field(id, s.plan.every(segLabel(id))))}
        {field('keyShare', s.plan.keyShare)}
        {field('partTimeRate', s.plan.partTimeRate)}
        {field('fullTimeRate', s.plan.fullTimeRate)}
        {field('passMonths', s.plan.passMonths)}
        {field('passFullTime', s.plan.passFullTime)}
      </div>
      <div>
        <Button
          size="small"
          onClick={() => {
            setRaw(rawSettings(DEFAULT_PROGRAMME));
            onChange(DEFAULT_PROGRAMME);
          }}
        >
          {s.plan.reset}
        </Button>
      </div>
      <div className={styles.scroll}>
        <table className={styles.table} data-testid="plan-table">
          <caption>{s.plan.title}</caption>
          <thead>
            <tr>
              {s.plan.tableHead.map((h) => (
                <th key={h} scope="col">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {plan.segments.map((g) => (
              <tr key={g.id}>
                <th scope="row">{segLabel(g.id)}</th>
                <td>{f.count(g.clients)}</td>
                <td>{s.plan.everyMonths(f.decimal(g.every, Number.isInteger(g.every) ? 0 : 1))}</td>
                <td>{f.decimal(g.meetingsPerMonth, 1)}</td>
              </tr>
            ))}
            <tr>
              <th scope="row">{s.plan.total}</th>
              <td>{f.count(plan.clients)}</td>
              <td />
              <td data-testid="plan-meetings">{f.decimal(plan.meetingsPerMonth, 1)}</td>
            </tr>
          </tbody>
        </table>
      </div>
      <p className={styles.note} data-testid="plan-regular">
        {s.plan.regular(f.decimal(plan.regular.perWeek, 1), plan.regular.fullTimeOnly, plan.regular.partTimeOnly)}
      </p>
      <p className={styles.note} data-testid="plan-pass">
        {s.plan.pass(plan.pass.clients, f.decimal(settings.passMonths, Number.isInteger(settings.passMonths) ? 0 : 1), f.decimal(plan.pass.perWeek, 1), plan.pass.fullTimeOnly, plan.pass.partTimeOnly)}
        {plan.pass.fullTime > 0 ? ` ${s.plan.mix(plan.pass.fullTime, plan.pass.partTime)}` : ''}
      </p>
    </div>
  );
}
