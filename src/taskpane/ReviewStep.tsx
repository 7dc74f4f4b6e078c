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
import { Fragment, useMemo, useState } from 'react';
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

/**
 * Step 3, designed for Excel's 320 px task pane first: the list shows each client (with the
 * figure under the name), the proposed tier and the status; pressing a client opens its details
 * (figure, current tier, ABC, the reason in words) right under its row. Long words wrap instead of
 * pushing the table past the pane; a wider pane simply gives the columns more room.
 */
const TABLE_STYLE = { tableLayout: 'auto', width: '100%' } as const;
const WRAP = { overflowWrap: 'anywhere', whiteSpace: 'normal' } as const;
const BADGE_STYLE = { height: 'auto', textAlign: 'center', maxWidth: '100%', ...WRAP } as const;
const CLIENT_BUTTON = { padding: 0, minWidth: 0, textAlign: 'left', justifyContent: 'flex-start', fontWeight: 'inherit', height: 'auto', maxWidth: '100%', ...WRAP } as const;

export function ReviewStep({ state, t, lang, onReview, onApply, onUndo, onCancelConfirm }: Props) {
  const a = state.analysis;
  const [query, setQuery] = useState('');
  const [status, setStatus] = useState<'' | TierStatus>('');
  const [sort, setSort] = useState<{ key: SortKey; dir: 1 | -1 }>({ key: 'figure', dir: -1 });
  const [page, setPage] = useState(0);
  const [open, setOpen] = useState<string | null>(null);
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
      onClick={() => setSort({ key, dir: sort.key === key ? ((-sort.dir) as 1 | -1) : 1 })}
    >
      {label}
    </TableHeaderCell>
  );
  const reviewed = state.readFrom ? (state.readFrom.table ? t.review.reviewedTable(state.readFrom.table) : t.review.reviewedSheet(state.readFrom.sheet ?? '')) : null;
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
          <Button appearance="primary" onClick={() => onApply(false)} disabled={Boolean(state.busy) || state.stale} data-testid="apply">
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
      {a && reviewed && (
        <Caption1 as="p" data-testid="reviewed-source" style={WRAP}>
          {reviewed}
        </Caption1>
      )}
      {a && (
        <>
          <Caption1 as="p">
            {a.aggregation.window && a.aggregation.window.from ? `${t.review.window(formatDay(a.aggregation.window.fromDay + 1, lang), formatDay(a.aggregation.window.toDay, lang))}. ` : ''}
            {a.nextReviewDay !== null ? t.review.nextReview(formatDay(a.nextReviewDay, lang)) + '. ' : ''}
            {t.review.concentration(formatPercent(a.concentration.top20Share, lang), a.concentration.gini.toFixed(2))}
          </Caption1>
          <div style={{ display: 'flex', gap: 16, flexWrap: 'wrap' }}>
            <div style={{ minWidth: 0 }}>
              <Caption1>{t.review.counts}</Caption1>
              <ul data-testid="status-counts" style={{ margin: 0, paddingLeft: 16 }}>
                {STATUSES.filter((s) => a.statuses[s] > 0).map((s) => (
                  <li key={s}>
                    {t.statuses[s]}: <strong>{a.statuses[s]}</strong>
                  </li>
                ))}
              </ul>
            </div>
            <div style={{ minWidth: 0 }}>
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
            <Field label={t.review.sortBy} style={{ flex: '1 1 10rem', minWidth: 0 }}>
              <Select
                value={`${sort.key}:${sort.dir}`}
                onChange={(_, d) => {
                  const [key, dir] = d.value.split(':');
                  setSort({ key: key as SortKey, dir: Number(dir) as 1 | -1 });
                  setPage(0);
                }}
                data-testid="sort"
                style={{ minWidth: 0, maxWidth: '100%' }}
              >
                <option value="figure:-1">{t.review.sorts.figureDesc}</option>
                <option value="figure:1">{t.review.sorts.figureAsc}</option>
                <option value="client:1">{t.review.columns.client}</option>
                <option value="proposed:1">{t.review.columns.proposed}</option>
                <option value="status:1">{t.review.columns.status}</option>
              </Select>
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
          <Table size="small" aria-label={t.review.heading} data-testid="review-table" style={TABLE_STYLE}>
            <TableHeader>
              <TableRow>
                {header('client', t.review.columns.client)}
                {header('proposed', t.review.columns.proposed)}
                {header('status', t.review.columns.status)}
              </TableRow>
            </TableHeader>
            <TableBody>
              {shown.map((c, i) => {
                const isOpen = open === c.key;
                const id = `client-details-${p * PAGE + i}`;
                return (
                  <Fragment key={c.key}>
                    <TableRow title={c.decision.reason[lang]}>
                      <TableCell data-col="client" style={WRAP}>
                        <Button appearance="transparent" size="small" style={CLIENT_BUTTON} aria-expanded={isOpen} aria-controls={isOpen ? id : undefined} onClick={() => setOpen(isOpen ? null : c.key)} data-testid="client-open">
                          {c.name}
                        </Button>
                        <Caption1 block data-col="figure" style={{ whiteSpace: 'nowrap' }}>
                          {formatAmount(c.total, lang)}
                        </Caption1>
                      </TableCell>
                      <TableCell data-col="proposed" style={WRAP}>
                        {c.decision.tier}
                      </TableCell>
                      <TableCell data-col="status">
                        <Badge appearance="tint" color={STATUS_COLOR[c.decision.status]} style={BADGE_STYLE}>
                          {t.statuses[c.decision.status]}
                        </Badge>
                      </TableCell>
                    </TableRow>
                    {isOpen && (
                      <TableRow data-testid="client-details-row">
                        <TableCell colSpan={3} style={WRAP}>
                          <dl id={id} data-testid="client-details" style={{ margin: '4px 0', display: 'grid', gridTemplateColumns: 'auto minmax(0, 1fr)', gap: '2px 8px' }}>
                            <dt>{t.review.columns.figure}</dt>
                            <dd style={{ margin: 0 }}>{formatAmount(c.total, lang)}</dd>
                            <dt>{t.review.columns.current}</dt>
                            <dd style={{ margin: 0 }}>{c.decision.previousTier ?? '—'}</dd>
                            <dt>{t.review.columns.proposed}</dt>
                            <dd style={{ margin: 0 }}>{c.decision.tier}</dd>
                            <dt>{t.review.columns.abc}</dt>
                            <dd style={{ margin: 0 }}>{c.abc ?? '—'}</dd>
                            <dt>{t.review.columns.reason}</dt>
                            <dd style={{ margin: 0 }} data-testid="client-reason">
                              {c.decision.reason[lang]}
                            </dd>
                          </dl>
                        </TableCell>
                      </TableRow>
                    )}
                  </Fragment>
                );
              })}
            </TableBody>
          </Table>
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
