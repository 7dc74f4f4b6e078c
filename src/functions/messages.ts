import { formatAmount, Lang } from '../core/format';
import { Message, renderMessage } from '../core/messages';

/**
 * Messages the custom functions show in a cell's error tip (#VALUE! and #N/A carry a message),
 * in English and Russian. Parameter names stay as Excel shows them in the formula tip.
 * Rule-set problems from core come rendered in the cell's language (RuleSetError.problemsIn);
 * other core validation problems (cut-offs, top fraction, cadence rows) are core messages
 * (core/messages), rendered here after the name of the argument.
 */
export type Msg = Record<Lang, string>;

const num = (x: number, lang: Lang) => formatAmount(x, lang, Number.isInteger(x) ? 0 : undefined);
const both = (f: (lang: Lang) => string): Msg => ({ en: f('en'), ru: f('ru') });
const show = (text: string) => JSON.stringify(text.length > 40 ? text.slice(0, 37) + '…' : text);

export const M = {
  notNumber: (name: string, text: string): Msg => ({ en: `${name}: ${show(text)} is not a number.`, ru: `${name}: ${show(text)} — не число.` }),
  logicalNotNumber: (name: string, v: boolean): Msg => ({ en: `${name}: ${v ? 'TRUE' : 'FALSE'} is not a number.`, ru: `${name}: ${v ? 'ИСТИНА' : 'ЛОЖЬ'} — не число.` }),
  ambiguous: (name: string, text: string, a: number, b: number): Msg =>
    both((l) => (l === 'en' ? `${name}: ${show(text)} could be ${num(a, l)} or ${num(b, l)}; type the number without separators.` : `${name}: ${show(text)} может означать ${num(a, l)} или ${num(b, l)}; введите число без разделителей.`)),
  empty: (name: string): Msg => ({ en: `${name} is empty.`, ru: `${name}: пусто.` }),
  wasError: (name: string, code: string): Msg => ({ en: `${name} is ${code}.`, ru: `${name}: ${code}.` }),
  notCount: (name: string, text: string): Msg => ({ en: `${name} must be a whole number, 0 or more (got ${text}).`, ru: `${name}: нужно целое число от 0 (получено ${text}).` }),
  notScalar: (name: string): Msg => ({ en: `${name} must be a single cell.`, ru: `${name}: нужна одна ячейка.` }),
  noRules: (): Msg => ({ en: 'No rules: pass a rules range or save rules in the task pane.', ru: 'Нет правил: укажите диапазон правил или сохраните правила в панели надстройки.' }),
  rulesNeedAllClients: (tier: string, share: number): Msg =>
    both((l) =>
      l === 'en'
        ? `The saved rules put "${tier}" at the first ${Math.round(share * 100)}% of revenue, which needs all clients; pass a rules range with minimum amounts, or open the task pane to compute the bars.`
        : `В сохранённых правилах уровень «${tier}» — первые ${Math.round(share * 100)}% выручки, для этого нужны все клиенты; укажите диапазон правил с минимальными суммами или откройте панель надстройки, чтобы рассчитать планки.`,
    ),
  rulesNeedOrders: (tier: string): Msg => ({
    en: `The saved rules also require an order count for "${tier}", which VIPTIER does not receive; pass a rules range with minimum amounts.`,
    ru: `Сохранённые правила для уровня «${tier}» требуют ещё и число заказов, которого VIPTIER не получает; укажите диапазон правил с минимальными суммами.`,
  }),
  rulesInvalid: (name: string, problems: string[]): Msg => ({ en: `${name}: ${problems.join('; ')}`, ru: `${name}: правила не подходят: ${problems.join('; ')}` }),
  tableShape: (name: string, rows: number, cols: number): Msg => ({
    en: `${name} must be a two-column range (got ${rows} × ${cols}).`,
    ru: `${name}: нужен диапазон из двух столбцов (получено ${rows} × ${cols}).`,
  }),
  tableEmpty: (name: string): Msg => ({ en: `${name} has no rows.`, ru: `${name}: нет ни одной строки.` }),
  tableError: (name: string, row: number, col: number, code: string): Msg => ({ en: `${name}, row ${row}, column ${col}: ${code}.`, ru: `${name}, строка ${row}, столбец ${col}: ${code}.` }),
  tableNotNumber: (name: string, row: number, col: number, text: string): Msg => ({
    en: `${name}, row ${row}, column ${col}: ${show(text)} is not a number.`,
    ru: `${name}, строка ${row}, столбец ${col}: ${show(text)} — не число.`,
  }),
  tableAmbiguous: (name: string, row: number, col: number, text: string, a: number, b: number): Msg =>
    both((l) =>
      l === 'en'
        ? `${name}, row ${row}, column ${col}: ${show(text)} could be ${num(a, l)} or ${num(b, l)}.`
        : `${name}, строка ${row}, столбец ${col}: ${show(text)} может означать ${num(a, l)} или ${num(b, l)}.`,
    ),
  tableNoLabel: (name: string, row: number, col: number): Msg => ({ en: `${name}, row ${row}: the name in column ${col} is empty.`, ru: `${name}, строка ${row}: пустое название в столбце ${col}.` }),
  unknownTier: (name: string, tier: string, tiers: string[]): Msg => ({
    en: `${name}: tier "${tier}" is not in the rules (${tiers.join(', ')}).`,
    ru: `${name}: уровня «${tier}» нет в правилах (${tiers.join(', ')}).`,
  }),
  notAmong: (name: string, value: number, range: string): Msg =>
    both((l) => (l === 'en' ? `${name} ${num(value, l)} is not one of ${range}.` : `${name} ${num(value, l)} не найдено в ${range}.`)),
  cutoffCount: (name: string, got: number): Msg => ({
    en: `${name} must be two numbers, e.g. {0.8,0.95} (got ${got}).`,
    ru: `${name}: нужны два числа, например {0,8;0,95} (получено ${got}).`,
  }),
  cutoffsTwice: (): Msg => ({
    en: 'values is a range, so the second argument is already the cut-offs; leave the third empty.',
    ru: 'values — диапазон, поэтому второй аргумент уже задаёт границы; третий оставьте пустым.',
  }),
  problem: (name: string, m: Message): Msg => both((l) => `${name}: ${renderMessage(m, l)}`),
  rowProblem: (name: string, row: number, m: Message): Msg => both((l) => (l === 'en' ? `${name}, row ${row}: ${renderMessage(m, l)}` : `${name}, строка ${row}: ${renderMessage(m, l)}`)),
  tooFewPeriods: (n: number): Msg => ({ en: `periodValues needs at least two periods with numbers (got ${n}).`, ru: `periodValues: нужно хотя бы два периода с числами (получено ${n}).` }),
  zeroMean: (): Msg => ({ en: 'The mean is 0 — no sales in these periods, so there is no XYZ class.', ru: 'Среднее равно 0 — продаж в этих периодах нет, класс XYZ не определён.' }),
  negativeMean: (): Msg => ({ en: 'The mean is negative (returns exceed sales), so there is no XYZ class.', ru: 'Среднее отрицательное (возвраты больше продаж), класс XYZ не определён.' }),
  noAbcClass: (value: number): Msg =>
    both((l) => (l === 'en' ? `value ${num(value, l)} is 0 or less, so it has no ABC class.` : `value ${num(value, l)} не больше 0, класса ABC нет.`)),
  unknownSegment: (segment: string, known: string[]): Msg => ({
    en: `No contact cadence for "${segment}" (known: ${known.join(', ')}); pass a table.`,
    ru: `Нет периодичности контактов для «${segment}» (известны: ${known.join(', ')}); укажите таблицу.`,
  }),
  unreturnable: (code: string): Msg => ({
    en: `An argument holds ${code}; a custom function cannot return that error. Fix the cell it comes from.`,
    ru: `В аргументе ошибка ${code}; пользовательская функция не может вернуть такую ошибку. Исправьте ячейку, из которой она пришла.`,
  }),
  rangeError: (name: string, row: number, col: number, code: string): Msg => ({
    en: `${name}, row ${row}, column ${col}: ${code}. Like SUM, the result is an error while the range holds one; fix that cell or leave it out (e.g. IFERROR in the source column).`,
    ru: `${name}, строка ${row}, столбец ${col}: ${code}. Как и у СУММ, результат — ошибка, пока она есть в диапазоне; исправьте эту ячейку или исключите её (например, ЕСЛИОШИБКА в исходном столбце).`,
  }),
  wholeColumn: (name: string): Msg => ({
    en: `${name} is a whole column: too large for Excel to pass to a custom function. Give the rows with data, e.g. C2:C100001.`,
    ru: `${name} — весь столбец: Excel не может передать пользовательской функции столько данных. Укажите строки с данными, например C2:C100001.`,
  }),
  tooLarge: (name: string, rows: number, bytes: number, limit: number): Msg =>
    both((l) =>
      l === 'en'
        ? `${name} (${num(rows, l)} rows, about ${num(Math.round(bytes / 104857.6) / 10, l)} MB) is over the ${num(Math.round(limit / 104857.6) / 10, l)} MB Excel passes to a custom function in one call. Use a smaller range, or the spill form PARETOSEGMENT(C2:C100001) once instead of one formula per row.`
        : `${name} (${num(rows, l)} строк, около ${num(Math.round(bytes / 104857.6) / 10, l)} МБ) больше ${num(Math.round(limit / 104857.6) / 10, l)} МБ, которые Excel передаёт пользовательской функции за один вызов. Возьмите диапазон меньше или форму с разливом PARETOSEGMENT(C2:C100001) один раз вместо формулы в каждой строке.`,
    ),
  ruleNotInRange: (tier: string, text: string): Msg => ({
    en: `rules: tier "${tier}" has no amount bar (${text}). Open the task pane and run a review so it can write the bars.`,
    ru: `rules: у уровня «${tier}» нет планки в деньгах (${text}). Откройте панель надстройки и выполните пересмотр, чтобы она записала планки.`,
  }),
  unexpected: (text: string): Msg => ({ en: `Unexpected problem: ${text}`, ru: `Непредвиденная ошибка: ${text}` }),
};
