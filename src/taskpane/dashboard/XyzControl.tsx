import { Field, Input, Select } from '@fluentui/react-components';
import { useState } from 'react';
import type { AbcXyzMatrix, XyzPeriod, XyzSettings } from '../../core/abcXyzMatrix';
import type { Lang } from '../../core/format';
import { useDashboardStyles } from './styles';

/**
 * The ABC × XYZ settings in the dashboard (issue 12 "A useful XYZ"): the period of the series
 * (month or quarter) and the X and Y cut-offs in percent of the coefficient of variation
 * (defaults 10 % and 25 %), plus how many periods the clients' classes rest on. A value that
 * cannot be used is marked with what is wrong and the last good matrix stays on screen. Typed
 * with a decimal comma works too.
 */
const TEXT: Record<
  Lang,
  {
    period: string;
    unit: Record<XyzPeriod, string>;
    x: string;
    y: string;
    badX: string;
    badY: (x: string) => string;
    periods: (min: number, median: number, max: number, period: XyzPeriod) => string;
  }
> = {
  en: {
    period: 'XYZ by',
    unit: { month: 'Month', quarter: 'Quarter' },
    x: 'X (steady) up to, %',
    y: 'Y up to, %',
    badX: 'Type a percentage above 0, e.g. 10.',
    badY: (x) => `Type a percentage above the X cut-off (${x}), e.g. 25.`,
    periods: (min, median, max, period) => `Periods per client since its first order (${period === 'month' ? 'months' : 'quarters'}): fewest ${min}, most ${max}, median ${median}. A class needs at least 2.`,
  },
  ru: {
    period: 'XYZ по',
    unit: { month: 'месяцам', quarter: 'кварталам' },
    x: 'X (стабильные) — до, %',
    y: 'Y — до, %',
    badX: 'Введите процент больше 0, например 10.',
    badY: (x) => `Введите процент больше границы X (${x}), например 25.`,
    periods: (min, median, max, period) =>
      `Периодов у клиента с его первого заказа (${period === 'month' ? 'месяцев' : 'кварталов'}): меньше всего — ${min}, больше всего — ${max}, медиана — ${median}. Для класса нужно не меньше двух.`,
  },
};

const percent = (t: string) => (t.trim() === '' ? NaN : Number(t.trim().replace(',', '.')));

export interface XyzControlProps {
  settings: XyzSettings;
  onChange: (s: XyzSettings) => void;
  matrix: AbcXyzMatrix;
  lang: Lang;
}

export function XyzControl({ settings, onChange, matrix, lang }: XyzControlProps) {
  const styles = useDashboardStyles();
  const t = TEXT[lang];
  const [raw, setRaw] = useState({ x: String(Math.round(settings.x * 1000) / 10), y: String(Math.round(settings.y * 1000) / 10) });
  const x = percent(raw.x);
  const y = percent(raw.y);
  const badX = !(x > 0 && Number.isFinite(x));
  const badY = !badX && !(y > x && Number.isFinite(y));
  const update = (next: { x: string; y: string }) => {
    setRaw(next);
    const nx = percent(next.x);
    const ny = percent(next.y);
    if (nx > 0 && Number.isFinite(nx) && ny > nx && Number.isFinite(ny)) onChange({ ...settings, x: nx / 100, y: ny / 100 });
  };
  const spread = matrix.periodsPerClient;
  return (
    <div className={styles.section} data-testid="xyz-settings">
      <div className={styles.bar}>
        <Field label={t.period} size="small">
          <Select value={settings.period ?? 'month'} onChange={(_, d) => onChange({ ...settings, period: d.value as XyzPeriod })} data-testid="xyz-period">
            <option value="month">{t.unit.month}</option>
            <option value="quarter">{t.unit.quarter}</option>
          </Select>
        </Field>
        <Field label={t.x} size="small" validationState={badX ? 'error' : 'none'} validationMessage={badX ? t.badX : undefined}>
          <Input value={raw.x} inputMode="decimal" onChange={(_, d) => update({ ...raw, x: d.value })} data-testid="xyz-x" />
        </Field>
        <Field label={t.y} size="small" validationState={badY ? 'error' : 'none'} validationMessage={badY ? t.badY(raw.x) : undefined}>
          <Input value={raw.y} inputMode="decimal" onChange={(_, d) => update({ ...raw, y: d.value })} data-testid="xyz-y" />
        </Field>
      </div>
      {spread && (
        <p className={styles.note} data-testid="xyz-periods">
          {t.periods(spread.min, spread.median, spread.max, matrix.period)}
        </p>
      )}
    </div>
  );
}
