import { Body1, Button, Caption1, Field, Input, Select, Subtitle2 } from '@fluentui/react-components';
import { columnLetter } from '../core/cells';
import { Lang } from '../core/format';
import { renderMessage } from '../core/messages';
import type { NumberLocale } from '../core/parseMoney';
import { ROLES, Role } from '../core/table';
import type { PaneState } from './usePane';
import type { Strings } from './i18n';

interface Props {
  state: PaneState;
  t: Strings;
  lang: Lang;
  onSource: (value: string) => void;
  onRead: () => void;
  onOverride: (role: Role, index: number | null) => void;
  onAsOf: (v: string) => void;
  /** The review's date (its period decides grace and the next review); absent: the field is not shown. */
  onReviewDate?: (v: string) => void;
  onWindow: (v: string) => void;
  /** How "1,234" reads when nothing in the column decides (issue 11); undefined: from the column. */
  onNumberLocale?: (v: NumberLocale | undefined) => void;
  onNext: () => void;
}

const SHOWN: Role[] = ['client', 'amount', 'date', 'margin', 'orders', 'orderId', 'tier', 'manager', 'lastOrder'];

/** Step 1: pick the sheet or table, see the detected shape and columns, correct them. */
export function SourceStep({ state, t, lang, onSource, onRead, onOverride, onAsOf, onReviewDate, onWindow, onNumberLocale, onNext }: Props) {
  const nf = t.source.numberFormat;
  const { sources, source, data, detection, detectionError } = state;
  const value = source.table ? `table:${source.table}` : source.sheet ? `sheet:${source.sheet}` : '';
  const headers = detection?.headers ?? (data?.values[0] ?? []).map((h) => (h === null || h === undefined ? '' : String(h)));
  const width = (data?.values.slice(0, 30) ?? []).reduce((w, r) => Math.max(w, r.length), headers.length);
  return (
    <section aria-labelledby="source-heading">
      <Subtitle2 as="h2" id="source-heading">
        {t.source.heading}
      </Subtitle2>
      <Field label={t.source.sheet}>
        <Select value={value} onChange={(_, d) => onSource(d.value)} data-testid="source-select">
          <option value="">
            {t.source.active}
            {sources.active ? ` (${sources.active})` : ''}
          </option>
          {sources.sheets.map((s) => (
            <option key={`s-${s}`} value={`sheet:${s}`}>
              {s}
            </option>
          ))}
          {sources.tables.map((tb) => (
            <option key={`t-${tb.name}`} value={`table:${tb.name}`}>
              {t.source.table} {tb.name} ({tb.sheet})
            </option>
          ))}
        </Select>
      </Field>
      <Button appearance="primary" onClick={onRead} disabled={Boolean(state.busy)} data-testid="read-sheet">
        {data ? t.source.reread : t.source.read}
      </Button>
      {data && (
        <Caption1 as="p" role="status">
          {t.source.rows(data.values.length)} — {data.sheetName}
          {data.hiddenRows.length > 0 ? ` ${t.source.hidden(data.hiddenRows.length)}` : ''}
        </Caption1>
      )}
      {detectionError && (
        <Body1 as="p" role="alert" data-testid="detection-error">
          {detectionError}
        </Body1>
      )}
      {data && (detection || detectionError) && (
        <>
          {detection && (
            <Body1 as="p" data-testid="detected-shape">
              {t.source.shape}: <strong>{t.source.shapes[detection.shape]}</strong>. {t.source.headerRow}: {data.rowIndex + detection.headerRow + 1}.
            </Body1>
          )}
          <fieldset style={{ border: 'none', padding: 0, margin: 0 }}>
            <legend>
              <Subtitle2>{t.source.mapping}</Subtitle2>
            </legend>
            {SHOWN.filter((r) => ROLES.includes(r)).map((role) => {
              const m = detection?.columns[role];
              return (
                <Field key={role} label={t.source.roles[role]} hint={m && m.confidence < 1 ? `${t.source.confidence} ${Math.round(m.confidence * 100)}%` : undefined}>
                  <Select
                    value={m ? String(m.index) : ''}
                    data-testid={`map-${role}`}
                    onChange={(_, d) => onOverride(role, d.value === '' ? null : Number(d.value))}
                  >
                    <option value="">{t.source.notUsed}</option>
                    {Array.from({ length: width }, (_, i) => (
                      <option key={i} value={String(i)}>
                        {columnLetter((data.columnIndex ?? 0) + i)}
                        {headers[i] ? ` — ${headers[i]}` : ''}
                      </option>
                    ))}
                  </Select>
                </Field>
              );
            })}
          </fieldset>
          {detection?.shape === 'transactions' && (
            <>
              <Field label={t.source.asOf} hint={t.source.asOfHint}>
                <Input type="date" value={state.asOf} onChange={(_, d) => onAsOf(d.value)} data-testid="as-of" />
              </Field>
              <Field label={t.source.window}>
                <Input value={state.windowMonths} placeholder={String(state.rules.windowMonths)} onChange={(_, d) => onWindow(d.value)} inputMode="numeric" />
              </Field>
            </>
          )}
          {onReviewDate && (
            <Field label={t.source.reviewDate.label} hint={t.source.reviewDate.hint}>
              <Input type="date" value={state.reviewDate ?? ''} onChange={(_, d) => onReviewDate(d.value)} data-testid="review-date" />
            </Field>
          )}
          {onNumberLocale && (
            <Field label={nf.label} hint={nf.hint}>
              <Select value={state.numberLocale ?? ''} onChange={(_, d) => onNumberLocale(d.value === 'en' || d.value === 'ru' ? d.value : undefined)} data-testid="number-locale">
                <option value="">{nf.auto}</option>
                <option value="en">{nf.en}</option>
                <option value="ru">{nf.ru}</option>
              </Select>
            </Field>
          )}
          {detection?.notes.map((n) => (
            <Caption1 as="p" key={n.code} data-testid="detection-note">
              {renderMessage(n, lang)}
            </Caption1>
          ))}
          <Button appearance="primary" onClick={onNext} disabled={!detection} data-testid="to-rules">
            {t.source.next}
          </Button>
        </>
      )}
    </section>
  );
}
