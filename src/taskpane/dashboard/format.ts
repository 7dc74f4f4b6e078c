import { formatAmount, formatDay, formatPercent, Lang } from '../../core/format';
import { compactAmount, formatMoney, MoneyFormat, parseMoneyFormat } from '../../core/moneyFormat';

/**
 * Numbers as the dashboard shows them in the user's language, money with the workbook's
 * currency (the amount column's number format, when the pane passes it).
 */
export interface Formatters {
  lang: Lang;
  moneyFormat: MoneyFormat;
  percent: (share: number, decimals?: number) => string;
  money: (x: number) => string;
  compact: (x: number) => string;
  count: (n: number) => string;
  decimal: (x: number, decimals: number) => string;
  day: (day: number) => string;
}

export function formatters(lang: Lang, moneyFormat?: string): Formatters {
  const fmt = parseMoneyFormat(moneyFormat);
  return {
    lang,
    moneyFormat: fmt,
    percent: (share, decimals = 1) => formatPercent(share, lang, decimals),
    money: (x) => formatMoney(x, lang, fmt),
    compact: (x) => compactAmount(x, lang, fmt),
    count: (n) => formatAmount(n, lang, 0),
    decimal: (x, d) => formatAmount(x, lang, d),
    day: (d) => formatDay(d, lang),
  };
}
