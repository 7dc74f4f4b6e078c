import { Lang } from '../../core/format';
import { dashboard, localize, Localized } from '../../core/i18n';

type Texts = Localized<typeof dashboard>;

/**
 * Every text of the dashboard, in English and Russian: the catalogue's `dashboard` part
 * (core/i18n/dashboard.ts). Numbers arrive already formatted for the language (formatPercent,
 * formatAmount, money in the workbook's currency); counts arrive as numbers, for the plural.
 * A few accessors choose between two messages (a band of one client, a sheet without a window).
 */
export type DashboardStrings = Omit<Texts, 'pareto' | 'sheet' | 'matrix'> & {
  /** caption: complete periods of the review, the period, and the X / Y cut-offs in percent. */
  matrix: Omit<Texts['matrix'], 'captionMonth' | 'captionQuarter'> & { caption: (periods: number, period: 'month' | 'quarter', x: number, y: number) => string };
  pareto: Texts['pareto'] & { band: (from: string, to: string) => string };
  sheet: Texts['sheet'] & { subtitle: (rules: string, window: string | null, today: string) => string; window: (from: string, to: string) => string };
};

function build(lang: Lang): DashboardStrings {
  const s = localize(dashboard, lang);
  return {
    ...s,
    matrix: { ...s.matrix, caption: (n, period, x, y) => (period === 'month' ? s.matrix.captionMonth(n, x, y) : s.matrix.captionQuarter(n, x, y)) },
    pareto: { ...s.pareto, band: (from, to) => (from === to ? s.pareto.bandOne(from) : s.pareto.band(from, to)) },
    sheet: {
      ...s.sheet,
      subtitle: (rules, window, today) => (window ? s.sheet.subtitle(rules, window, today) : s.sheet.subtitleNoWindow(rules, today)),
      window: (from, to) => (from ? s.sheet.window(from, to) : s.sheet.windowTo(to)),
    },
  };
}

const BUILT: Record<Lang, DashboardStrings> = { en: build('en'), ru: build('ru') };

export function dashboardStrings(lang: Lang): DashboardStrings {
  return BUILT[lang];
}
