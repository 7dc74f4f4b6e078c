import { dashboardStrings } from './strings';
import { mergeClasses } from '@fluentui/react-components';
import type { DashboardKpis } from '../../core/dashboardKpis';
import type { Formatters } from './format';
import type { DashboardStrings } from './strings';
import { useDashboardStyles } from './styles';

/**
 * The KPI cards. For a book of thousands of clients the top-N shares lead (HHI is tiny there
 * whatever the shape); for a small key-account book HHI leads, with its band.
 */
export interface Kpi {
  id: string;
  label: string;
  value: string;
  note: string;
  /** A short qualifier under the value (the HHI band). */
  badge?: string;
  headline?: boolean;
}

export function kpiList(k: DashboardKpis, s: DashboardStrings, f: Formatters): Kpi[] {
  const of = s.ofMeasure[k.measure];
  const topHeadline = k.headline === 'topShares';
  const hhi: Kpi = {
    id: 'hhi',
    label: s.kpi.hhi,
    value: f.decimal(k.hhi, k.hhi < 100 ? 1 : 0),
    badge: s.kpi.hhiBand[k.hhiBand],
    note: `${s.kpi.hhiNote(Math.round(k.hhiEquivalentClients))}${topHeadline ? ` ${s.kpi.hhiSmall}` : ''}`,
    headline: !topHeadline,
  };
  const shares: Kpi[] = [
    { id: 'top20', label: s.kpi.top20, value: f.percent(k.top20Share), note: `${s.kpi.top20Note(k.top20Clients)} ${of}`, headline: topHeadline },
    { id: 'top10', label: s.kpi.top10, value: f.percent(k.top10Share), note: `${s.kpi.top10Note(k.top10Clients)} ${of}`, headline: topHeadline },
  ];
  return [
    { id: 'clients', label: s.kpi.clients, value: f.count(k.clients), note: s.kpi.clientsNote(k.excluded) },
    { id: 'revenue', label: s.kpi.revenue, value: f.money(k.revenueCard.value), note: k.measure === 'margin' ? s.kpi.measureTotal(s.measure.margin) : k.revenueCard.note[s === dashboardStrings('ru') ? 'ru' : 'en'] },
    ...(topHeadline ? [...shares, { id: 'gini', label: s.kpi.gini, value: f.decimal(k.gini, 3), note: s.kpi.giniNote }, hhi] : [hhi, ...shares, { id: 'gini', label: s.kpi.gini, value: f.decimal(k.gini, 3), note: s.kpi.giniNote }]),
    { id: 'at-risk', label: s.kpi.atRisk, value: f.count(k.atRisk), note: s.kpi.atRiskNote },
    { id: 'downgrades', label: s.kpi.downgrades, value: f.count(k.plannedDowngrades), note: s.kpi.downgradesNote(k.stepDowns) },
  ];
}

export function KpiCards({ kpis, s, f }: { kpis: DashboardKpis; s: DashboardStrings; f: Formatters }) {
  const styles = useDashboardStyles();
  return (
    <ul className={styles.cards} aria-label={s.kpi.region} data-testid="kpi-cards">
      {kpiList(kpis, s, f).map((k) => (
        <li key={k.id} className={mergeClasses(styles.card, k.headline && styles.headline)} data-testid={`kpi-${k.id}`} data-headline={k.headline ? 'true' : undefined}>
          <span className={styles.cardLabel}>{k.label}</span>
          <strong className={styles.cardValue}>{k.value}</strong>
          {k.badge && (
            <span className={styles.cardBadge} data-testid={`kpi-${k.id}-band`}>
              {k.badge}
            </span>
          )}
          {k.note && <span className={styles.cardNote}>{k.note}</span>}
        </li>
      ))}
    </ul>
  );
}
