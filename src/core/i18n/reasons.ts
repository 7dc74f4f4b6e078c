import { m } from './message';

/**
 * The reason beside each review decision (core/tiering `reasonText`). `{figure}` is the client's
 * figure with its window when known ("Revenue 1,234 over 6 months"); `{bar}` the tier's bar with what
 * qualifies it ("10,000 (first 80% of revenue)", "(short by 500)").
 */
export const reasons = {
  measure: {
    revenue: { en: 'Revenue', ru: 'Выручка' },
    margin: { en: 'Margin', ru: 'Маржа' },
  },
  figure: m(['measure', 'amount', 'window'], { en: '{measure} {amount}{window}', ru: '{measure} {amount}{window}' }),
  window: m(['count'], {
    en: { one: 'over {count} month', other: 'over {count} months' },
    ru: { one: 'за {count} месяц', few: 'за {count} месяца', many: 'за {count} месяцев', other: 'за {count} месяца' },
  }),
  windowAll: { en: 'over the whole period', ru: 'за весь период' },
  windowColumn: m(['column'], { en: "(column '{column}')", ru: '(столбец «{column}»)' }),
  ordersBar: m(['count'], {
    en: { one: '{count} order', other: '{count} orders' },
    ru: { one: '{count} заказ', few: '{count} заказа', many: '{count} заказов', other: '{count} заказа' },
  }),
  amountAndOrders: m(['amount', 'orders'], { en: '{amount} and {orders}', ru: '{amount} и {orders}' }),
  noQualifier: { en: '(no client qualifies)', ru: '(нет подходящих клиентов)' },
  paretoNote: m(['percent'], { en: 'first {percent}% of revenue', ru: 'первые {percent}% выручки' }),
  short: m(['gap'], { en: 'short by {gap}', ru: 'не хватает {gap}' }),
  ordersShort: m(['orders', 'count'], {
    en: { one: '{orders} of {count} order', other: '{orders} of {count} orders' },
    ru: { one: '{orders} из {count} заказа', few: '{orders} из {count} заказов', many: '{orders} из {count} заказов', other: '{orders} из {count} заказа' },
  }),
  unknownPrevious: m(['tier'], {
    en: 'The previous tier "{tier}" is not in the rules; treated as new.',
    ru: 'Прежнего уровня «{tier}» нет в правилах; клиент считается новым.',
  }),
  hysteresis: m(['percent'], { en: 'Kept within the {percent}% tolerance below the bar.', ru: 'Сохранён в пределах допуска {percent}% ниже планки.' }),
  up: m(['from', 'to'], { en: 'Up from {from} to {to}.', ru: 'Повышение: {from} → {to}.' }),
  new: m(['tier'], { en: 'New in {tier}.', ru: 'Новый клиент уровня {tier}.' }),
  keep: m(['tier'], { en: 'Keeps {tier}.', ru: 'Сохраняет уровень {tier}.' }),
  below: m(['figure', 'tier', 'bar'], { en: '{figure} is below the {tier} bar of {bar}.', ru: '{figure} ниже планки уровня {tier} — {bar}.' }),
  meets: m(['figure', 'tier', 'bar'], { en: '{figure} meets the {tier} bar of {bar}.', ru: '{figure} не ниже планки уровня {tier} — {bar}.' }),
  meetsWithMargin: m(['figure', 'tier', 'bar', 'margin'], {
    en: '{figure} meets the {tier} bar of {bar}, {margin} above it.',
    ru: '{figure} не ниже планки уровня {tier} — {bar}, запас {margin}.',
  }),
  grace: m(['figure', 'tier', 'bar', 'warning', 'of'], {
    en: '{figure} is below the {tier} bar of {bar}. Warning {warning} of {of}: {tier} is kept until the next review; reaching the bar keeps it.',
    ru: '{figure} ниже планки уровня {tier} — {bar}. Предупреждение {warning} из {of}: уровень {tier} сохраняется до следующего пересмотра; достижение планки сохранит его.',
  }),
  stepdown: m(['figure', 'tier', 'bar', 'count', 'benefits'], {
    en: {
      one: '{figure} is below the {tier} bar of {bar} for {count} review. {tier} is kept with fewer benefits: {benefits} paused. Reaching the bar restores them.',
      other: '{figure} is below the {tier} bar of {bar} for {count} reviews. {tier} is kept with fewer benefits: {benefits} paused. Reaching the bar restores them.',
    },
    // "3-й пересмотр подряд": an ordinal, the same for every number
    ru: '{figure} ниже планки уровня {tier} — {bar} {count}-й пересмотр подряд. Уровень {tier} сохранён, но приостановлено: {benefits}. Достижение планки вернёт их.',
  }),
  oneBenefitStep: { en: 'one benefit step', ru: 'одна ступень привилегий' },
  down: m(['from', 'to', 'figure', 'tier', 'bar'], {
    en: 'Down from {from} to {to}: {figure} stayed below the {tier} bar of {bar} after the grace period. Reaching the bar brings {tier} back.',
    ru: 'Понижение: {from} → {to}. {figure} осталась ниже планки уровня {tier} — {bar} после отсрочки. Достижение планки вернёт уровень {tier}.',
  }),
};
