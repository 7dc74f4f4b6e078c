import {
  Badge,
  Body1,
  Button,
  Caption1,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  Select,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { ClientResult } from '../core/analyze';
import { formatAmount, formatDay, formatPercent, Lang } from '../core/format';
import { renderMessage } from '../core/messages';
import { STATUSES, TierStatus } from '../core/tiering';
import type { Strings } from './i18n';
import type { PaneState } from './usePane';

interface Props {
  state: PaneState;
  t: Strings;
  lang: Lang;
  onReview: () => void;
  onApply: (confirmed?: boolean) => void;
  onUndo: () => void;
  onCancelConfirm: () => void;
}

type SortKey = 'client' | 'figure' | 'proposed' | 'status';
const PAGE = 50;
const STATUS_COLOR: Record<TierStatus, 'informative' | 'success' | 'subtle' | 'warning' | 'danger' | 'important'> = {
  new: 'informative',
  up: 'success',
  keep: 'subtle',
  grace: 'warning',
  stepdown: 'warning',
  down: 'danger',
};

/** Step 3: every client with current and proposed tier, status and reason; filter, sort, apply, undo. */
/**
 * The review table sizes its columns by their content (the default fixed layout gives each the
 * same width, and long headers such as «Предлагается» ran into their neighbours); figures stay
 * on one line and line up on the right; a pane narrower than the table scrolls it sideways.
 */
const TABLE_STYLE = { tableLayout: 'auto' } as const;
/** A narrow pane scrolls the table sideways (focusable, so the keyboard can scroll it too). */
const SCROLL_STYLE = { overflowX: 'auto', maxWidth: '100%' } as const;
const FIGURE_STYLE = { whiteSpace: 'nowrap', textAlign: 'right' } as const;

export function ReviewStep({ state, t, lang, onReview, onApply, onUndo, onCancelConfirm }: Props) {
  const a = state.analysis;
  const [query, setQuery] = useState('');
  const [status, setStatus] = useState<'' | TierStatus>('');
  const [sort, setSort] = useState<{ key: SortKey; dir: 1 | -1 }>({ key: 'figure', dir: -1 });
  const [page, setPage] = useState(0);
  const rows = useMemo(() => {
    if (!a) return [];
    const q = query.trim().toLowerCase();
    const list = a.clients.filter((c) => (!status || c.decision.status === status) && (!q || c.key.includes(q)));
    const val = (c: ClientResult): string | number =>
      sort.key === 'client' ? c.key : sort.key === 'figure' ? c.total : sort.key === 'proposed' ? c.decision.tierIndex : STATUSES.indexOf(c.decision.status);
    return list.sort((x, y) => {
      const vx = val(x);
      const vy = val(y);
      return (vx < vy ? -1 : vx > vy ? 1 : x.key < y.key ? -1 : 1) * sort.dir;
    });
  }, [a, query, status, sort]);
  const pages = Math.max(1, Math.ceil(rows.length / PAGE));
  const p = Math.min(page, pages - 1);
  const shown = rows.slice(p * PAGE, p * PAGE + PAGE);
  const header = (key: SortKey, label: string) => (
    <TableHeaderCell
      sortable
      sortDirection={sort.key === key ? (sort.dir === 1 ? 'ascending' : 'descending') : undefined}
      onClick={() => setSort({ key, dir: sort.key === key ? ((-sort.dir) as 1 | -1) : key === 'figure' ? -1 : 1 })}
    >
      {label}
    </TableHeaderCell>
  );
  return (
    <section aria-labelledby="review-heading">
      <Subtitle2 as="h2" id="review-heading">
        {t.review.heading}
      </Subtitle2>
      <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap' }}>
        <Button appearance={a ? 'secondary' : 'primary'} onClick={onReview} disabled={!state.detection || Boolean(state.busy)} data-testid="review">
          {t.review.run}
        </Button>
        {a && (
          <Button appearance="primary" onClick={() => onApply(false)} disabled={Boolean(state.busy)} data-testid="apply">
            {t.review.apply}
          </Button>
        )}
        {state.lastApply && (
          <Button onClick={onUndo} disabled={Boolean(state.busy)} data-testid="undo">
            {t.review.undo}
          </Button>
        )}
      </div>
      {!a && <Body1 as="p">{t.review.nothing}</Body1>}
      {a && (
        <>
          <Caption1 as="p">
            {a.aggregation.window && a.aggregation.window.from ? `${t.review.window(formatDay(a.aggregation.window.fromDay + 1, lang), formatDay(a.aggregation.window.toDay, lang))}. ` : ''}
            {a.nextReviewDay !== null ? t.review.nextReview(formatDay(a.nextReviewDay, lang)) + '. ' : ''}
            {t.review.concentration(formatPercent(a.concentration.top20Share, lang), a.concentration.gini.toFixed(2))}
          </Caption1>
          <div style={{ display: 'flex', gap: 16, flexWrap: 'wrap' }}>
            <div>
              <Caption1>{t.review.counts}</Caption1>
              <ul data-testid="status-counts" style={{ margin: 0, paddingLeft: 16 }}>
                {STATUSES.filter((s) => a.statuses[s] > 0).map((s) => (
                  <li key={s}>
                    {t.statuses[s]}: <strong>{a.statuses[s]}</strong>
                  </li>
                ))}
              </ul>
            </div>
            <div>
              <Caption1>{t.review.tiers}</Caption1>
              <ul data-testid="tier-counts" style={{ margin: 0, paddingLeft: 16 }}>
                {a.rules.tiers.map((tier) => (
                  <li key={tier.name}>
                    {tier.name}: <strong>{a.tiers[tier.name].clients}</strong> {t.review.clientsNoun(a.tiers[tier.name].clients)}, {formatAmount(a.tiers[tier.name].revenue, lang)}
                  </li>
                ))}
              </ul>
            </div>
          </div>
          {a.aggregation.issueCount > 0 && (
            <details>
              <summary>{t.review.issues(a.aggregation.issueCount)}</summary>
              <ul>
                {a.aggregation.issues.slice(0, 20).map((i) => (
                  <li key={i.address}>
                    {i.address}: {i.value} — {renderMessage(i, lang)}
                  </li>
                ))}
              </ul>
            </details>
          )}
          {a.aggregation.duplicates.length > 0 && <Caption1 as="p">{t.review.duplicates(a.aggregation.duplicates.length)}</Caption1>}
          <div style={{ display: 'flex', gap: 8, alignItems: 'end', flexWrap: 'wrap' }}>
            <Field label={t.review.search} style={{ flex: '1 1 10rem', minWidth: 0 }}>
              <Input
                type="search"
                value={query}
                onChange={(_, d) => {
                  setQuery(d.value);
                  setPage(0);
                }}
                data-testid="search"
              />
            </Field>
            <Field label={t.review.statusFilter} style={{ flex: '1 1 10rem', minWidth: 0 }}>
              <Select
                value={status}
                onChange={(_, d) => {
                  setStatus(d.value as TierStatus | '');
                  setPage(0);
                }}
                data-testid="status-filter"
                style={{ minWidth: 0, maxWidth: '100%' }}
              >
                <option value="">{t.review.all}</option>
                {STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {t.statuses[s]} ({a.statuses[s]})
                  </option>
                ))}
              </Select>
            </Field>
          </div>
          <div style={SCROLL_STYLE} tabIndex={0} role="region" aria-label={t.review.heading}>
          <Table size="small" aria-label={t.review.heading} data-testid="review-table" style={TABLE_STYLE}>
            <TableHeader>
              <TableRow>
                {header('client', t.review.columns.client)}
                {header('figure', t.review.columns.figure)}
                <TableHeaderCell>{t.review.columns.current}</TableHeaderCell>
                {header('proposed', t.review.columns.proposed)}
                {header('status', t.review.columns.status)}
                <TableHeaderCell>{t.review.columns.abc}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {shown.map((c) => (
                <TableRow key={c.key} title={c.decision.reason[lang]}>
                  <TableCell>{c.name}</TableCell>
                  <TableCell style={FIGURE_STYLE}>{formatAmount(c.total, lang)}</TableCell>
                  <TableCell>{c.decision.previousTier ?? '—'}</TableCell>
                  <TableCell>{c.decision.tier}</TableCell>
                  <TableCell>
                    <Badge appearance="tint" color={STATUS_COLOR[c.decision.status]}>
                      {t.statuses[c.decision.status]}
                    </Badge>
                  </TableCell>
                  <TableCell>{c.abc ?? '—'}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          </div>
          {shown.length > 0 && (
            <details>
              <summary>{t.review.columns.reason}</summary>
              <ul data-testid="reasons">
                {shown.slice(0, 20).map((c) => (
                  <li key={c.key}>
                    <strong>{c.name}</strong>: {c.decision.reason[lang]}
                  </li>
                ))}
              </ul>
            </details>
          )}
          <div style={{ display: 'flex', gap: 8, alignItems: 'center' }}>
            <Button size="small" disabled={p === 0} onClick={() => setPage(p - 1)} aria-label={t.review.prev}>
              ‹
            </Button>
            <Caption1 aria-live="polite">{t.review.page(rows.length ? p * PAGE + 1 : 0, Math.min(rows.length, (p + 1) * PAGE), rows.length)}</Caption1>
            <Button size="small" disabled={p >= pages - 1} onClick={() => setPage(p + 1)} aria-label={t.review.nextPage}>
              ›
            </Button>
          </div>
        </>
      )}
      <Dialog open={Boolean(state.confirm)} onOpenChange={(_, d) => !d.open && onCancelConfirm()}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>{t.review.confirm}</DialogTitle>
            <DialogContent>{state.confirm?.messages[lang]}</DialogContent>
            <DialogActions>
              {/* the safe choice comes first and takes the focus: a reflex Enter keeps the data */}
              <Button appearance="primary" onClick={onCancelConfirm} data-testid="keep-data">
                {t.review.confirmNo}
              </Button>
              <Button onClick={() => onApply(true)} data-testid="confirm-overwrite">
                {t.review.confirmYes}
              </Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </section>
  );
}
