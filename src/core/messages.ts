import { RU_EXCEL_ERRORS } from './cells';
import { Lang, ruPlural } from './format';
import type { SegmentId } from './programmePlan';

/**
 * Every text core gives a manager, in English and Russian. Core code does not build sentences:
 * it reports a `Message` — a code and its parameters — and whoever shows it (the task pane, the
 * command line, a custom function) renders it in the user's language with `renderMessage`.
 * Codes are grouped by their source: `rules.*` (rule-set validation, see rules.ts, which also
 * names the field), `table.*` (table detection, table.ts), `cell.*` (cells left out by
 * aggregate.ts), `aggregate.*` (errors that stop the aggregation), `abc.*` / `xyz.*` (class
 * cut-offs, abcClasses.ts, xyzClass.ts), `topShare.*` (topShare.ts), `cadence.*`
 * (contactCadence.ts), `programme.*` (the VIP programme settings, programmePlan.ts).
 *
 * @example renderMessage({ code: 'cell.ambiguousNumber', params: { a: 1234, b: 1.234 } }, 'ru')
 * // 'неоднозначное число: 1234 или 1,234; введите его без разделителя разрядов'
 */

type Entry<P> = { readonly en: (p: P) => string; readonly ru: (p: P) => string };
const entry = <P = void>(en: (p: P) => string, ru: (p: P) => string): Entry<P> => ({ en, ru });

/** A column of the sheet as notes name it: its letter and header text. */
interface ColumnRef {
  column: string;
  header: string;
}

/** An Excel error value as Russian Excel shows it (`#N/A` → `#Н/Д`). */
const RU_ERROR_NAMES: Readonly<Record<string, string>> = Object.fromEntries(Object.entries(RU_EXCEL_ERRORS).map(([ru, en]) => [en, ru]));

/** An error code in the language of the message (codes are kept in Excel's invariant English form). */
export function excelErrorName(code: string, lang: Lang): string {
  return lang === 'ru' ? (RU_ERROR_NAMES[code] ?? code) : code;
}

/** A number as typed, with the language's decimal mark and no grouping: 1.234 → `1,234` (ru). */
const plain = (x: number, lang: Lang) => (lang === 'ru' ? String(x).replace('.', ',') : String(x));
/** `"x"` in English, `«x»` in Russian. */
const q = (s: string | number, lang: Lang) => (lang === 'ru' ? `«${s}»` : `"${s}"`);
/** `a`, `a or b`, `a, b or c`. */
const alternatives = (xs: readonly string[], or: string) => (xs.length <= 1 ? (xs[0] ?? '') : `${xs.slice(0, -1).join(', ')} ${or} ${xs[xs.length - 1]}`);
/** A number in a message; infinities as ∞. */
const shown = (x: number, lang: Lang) => (Number.isFinite(x) ? plain(x, lang) : x > 0 ? '∞' : '−∞');
/**
 * What was given, after a check: `(got 0.5)` / `(получено 0,5)`, with a unit such as `%`;
 * `(no number given)` / `(число не указано)` for NaN (a blank or non-number setting).
 */
function got(x: number, lang: Lang, unit = ''): string {
  if (Number.isNaN(x)) return lang === 'ru' ? '(число не указано)' : '(no number given)';
  const u = unit === '' ? '' : lang === 'ru' ? `\u00a0${unit}` : unit;
  return lang === 'ru' ? `(получено ${shown(x, lang)}${u})` : `(got ${shown(x, lang)}${u})`;
}
/** The programme's segments as the object of "meetings with …". */
const MEETINGS_WITH: Record<SegmentId, Record<Lang, string>> = {
  mostValuable: { en: 'the most valuable clients', ru: 'самыми ценными клиентами' },
  key: { en: 'the rest of the top clients', ru: 'остальными крупнейшими клиентами' },
  others: { en: 'all other clients', ru: 'всеми остальными клиентами' },
};
/** What a round trip can lose (cli/xlsxPackage `FeatureKind`), as `apply.wouldLose` names it. */
type LostKind = 'part' | 'definedName' | 'numberFormat' | 'workbookProtection' | 'sheetProtection' | 'dataValidation' | 'unlockedCell' | 'customProperties';
const LOST_KINDS: Record<LostKind, Record<Lang, string>> = {
  part: { en: 'a part the copy would not keep', ru: 'часть книги, которую копия не сохранит' },
  definedName: { en: 'a defined name', ru: 'имя (диспетчер имён)' },
  numberFormat: { en: 'a number format with escapes', ru: 'числовой формат с экранированием' },
  workbookProtection: { en: 'workbook protection', ru: 'защита книги' },
  sheetProtection: { en: 'sheet protection', ru: 'защита листа' },
  dataValidation: { en: 'a data validation (lost or duplicated)', ru: 'проверка данных (пропадёт или раздвоится)' },
  unlockedCell: { en: 'an unlocked cell (would become locked)', ru: 'незащищённая ячейка (станет защищённой)' },
  customProperties: { en: 'custom document properties', ru: 'настраиваемые свойства документа' },
};
/** A CSV delimiter as a note names it. */
const DELIMITER_NAMES: Readonly<Record<string, Record<Lang, string>>> = {
  ',': { en: 'commas', ru: 'запятая' },
  ';': { en: 'semicolons', ru: 'точка с запятой' },
  '\t': { en: 'tabs', ru: 'табуляция' },
  '|': { en: 'vertical bars', ru: 'вертикальная черта' },
};
const chars = (n: number) => `${n} ${ruPlural(n, ['символа', 'символов', 'символов'])}`;

/** Where table detection looked, appended to every "not found" message. */
function looked(rows: number, lang: Lang): string {
  if (lang === 'en')
    return `Looked for a header row with a client column (Client, Клиент, Контрагент, Customer…) and an amount column (Revenue, Выручка, Сумма, Оборот, Amount, Sales…) or one column per month, in the first ${rows} rows.`;
  const where = rows <= 1 ? 'в строке 1' : `в строках 1–${rows}`;
  return `Ожидалась строка заголовков (${where}) со столбцом клиента (Клиент, Контрагент, Client, Customer…) и столбцом суммы (Выручка, Сумма, Оборот, Revenue, Amount…) или со столбцами по месяцам.`;
}

const TEXTS = {
  // ---- rule sets: the part after "field: " ---------------------------------------------------
  'rules.notJson': entry<{ detail: string }>(
    (p) => `not valid JSON (${p.detail})`,
    (p) => `некорректный JSON (${p.detail})`,
  ),
  'rules.savedNotJson': entry(
    () => 'The saved rules are not valid JSON.',
    () => 'Сохранённые в книге правила повреждены: это некорректный JSON.',
  ),
  'rules.tierNameEmpty': entry(
    () => 'Tier name is empty',
    () => 'не заполнено',
  ),
  'rules.tierNameTooLong': entry<{ max: number }>(
    (p) => `Tier name is longer than ${p.max} characters`,
    (p) => `длиннее ${chars(p.max)}`,
  ),
  'rules.shareAtMost1': entry(
    () => 'must be at most 1 (100%)',
    () => 'должно быть не больше 1 (100\u00a0%)',
  ),
  'rules.wholeMonths': entry(
    () => 'must be a whole number of months',
    () => 'должно быть целым числом месяцев',
  ),
  'rules.anchorNotDate': entry(
    () => 'must be a date YYYY-MM-DD (e.g. 2026-01-01)',
    () => 'должно быть датой в виде ГГГГ-ММ-ДД (например, 2026-01-01)',
  ),
  'rules.anchorDayAfter28': entry(
    () => 'a review period must start on day 1 to 28 of a month',
    () => 'период пересмотра должен начинаться с 1-го по 28-е число месяца',
  ),
  'rules.tooFewTiers': entry<{ min: number }>(
    (p) => (p.min === 2 ? 'needs at least two tiers' : `needs at least ${p.min} tiers`),
    (p) => (p.min === 2 ? 'нужно хотя бы два уровня' : `нужно не меньше ${p.min} ${ruPlural(p.min, ['уровня', 'уровней', 'уровней'])}`),
  ),
  'rules.tooManyTiers': entry<{ max: number }>(
    (p) => `at most ${p.max} tiers`,
    (p) => `допускается не больше ${p.max} ${ruPlural(p.max, ['уровня', 'уровней', 'уровней'])}`,
  ),
  'rules.repeatsTier': entry<{ tier: number; name: string }>(
    (p) => `repeats tier ${p.tier} ("${p.name}")`,
    (p) => `повторяет уровень ${p.tier} («${p.name}»)`,
  ),
  'rules.baseTakesNoCriteria': entry(
    () => 'the last tier is the base tier and takes no criteria',
    () => 'последний уровень — базовый, критерии для него не задаются',
  ),
  'rules.needsCriterion': entry(
    () => 'needs a criterion (minAmount, minOrders or paretoShare)',
    () => 'нужен критерий: минимальная сумма, минимум заказов или доля Парето',
  ),
  'rules.aboveHigherBar': entry<{ higher: string }>(
    (p) => `is above the bar of the higher tier "${p.higher}"`,
    (p) => `выше планки вышестоящего уровня «${p.higher}»`,
  ),
  'rules.belowHigherShare': entry<{ higher: string }>(
    (p) => `is below the share of the higher tier "${p.higher}"`,
    (p) => `меньше доли вышестоящего уровня «${p.higher}»`,
  ),
  // ---- generic value checks (zod's own issue kinds) -------------------------------------------
  'value.missing': entry(
    () => 'is missing',
    () => 'не задано',
  ),
  'value.number': entry(
    () => 'must be a number',
    () => 'должно быть числом',
  ),
  'value.whole': entry(
    () => 'must be a whole number',
    () => 'должно быть целым числом',
  ),
  'value.text': entry(
    () => 'must be text',
    () => 'должно быть текстом',
  ),
  'value.group': entry(
    () => 'must be a group of fields (an object)',
    () => 'должно быть группой полей (объектом)',
  ),
  'value.list': entry(
    () => 'must be a list',
    () => 'должно быть списком',
  ),
  'value.type': entry<{ expected: string }>(
    (p) => `must be of type ${p.expected}`,
    (p) => `должно иметь тип ${p.expected}`,
  ),
  'value.atLeast': entry<{ min: number }>(
    (p) => `must be ${p.min} or more`,
    (p) => `должно быть ${plain(p.min, 'ru')} или больше`,
  ),
  'value.above': entry<{ min: number }>(
    (p) => `must be above ${p.min}`,
    (p) => `должно быть больше ${plain(p.min, 'ru')}`,
  ),
  'value.atMost': entry<{ max: number }>(
    (p) => `must be at most ${p.max}`,
    (p) => `должно быть не больше ${plain(p.max, 'ru')}`,
  ),
  'value.below': entry<{ max: number }>(
    (p) => `must be below ${p.max}`,
    (p) => `должно быть меньше ${plain(p.max, 'ru')}`,
  ),
  'value.empty': entry(
    () => 'is empty',
    () => 'не заполнено',
  ),
  'value.tooShort': entry<{ min: number }>(
    (p) => `must be at least ${p.min} characters long`,
    (p) => `должно быть не короче ${chars(p.min)}`,
  ),
  'value.tooLong': entry<{ max: number }>(
    (p) => `is longer than ${p.max} characters`,
    (p) => `длиннее ${chars(p.max)}`,
  ),
  'value.tooFewItems': entry<{ min: number }>(
    (p) => `needs at least ${p.min} item${p.min === 1 ? '' : 's'}`,
    (p) => `нужно не меньше ${p.min} ${ruPlural(p.min, ['элемента', 'элементов', 'элементов'])}`,
  ),
  'value.tooManyItems': entry<{ max: number }>(
    (p) => `at most ${p.max} item${p.max === 1 ? '' : 's'}`,
    (p) => `не больше ${p.max} ${ruPlural(p.max, ['элемента', 'элементов', 'элементов'])}`,
  ),
  'value.oneOf': entry<{ values: readonly string[] }>(
    (p) => `must be ${alternatives(p.values, 'or')}`,
    (p) => `должно быть ${alternatives(p.values, 'или')}`,
  ),
  'value.unknownFields': entry<{ keys: readonly string[] }>(
    (p) => `unknown field${p.keys.length === 1 ? '' : 's'} ${p.keys.map((k) => q(k, 'en')).join(', ')}`,
    (p) => `${p.keys.length === 1 ? 'неизвестное поле' : 'неизвестные поля'} ${p.keys.map((k) => q(k, 'ru')).join(', ')}`,
  ),
  'value.invalid': entry<{ detail: string }>(
    (p) => p.detail,
    () => 'недопустимое значение',
  ),
  // ---- table detection ----------------------------------------------------------------------
  'table.empty': entry<{ rows: number }>(
    (p) => `The sheet is empty. ${looked(p.rows, 'en')}`,
    (p) => `Лист пуст. ${looked(p.rows, 'ru')}`,
  ),
  'table.notFound': entry<{ rows: number }>(
    (p) => `No client table found. ${looked(p.rows, 'en')}`,
    (p) => `Таблица клиентов не найдена. ${looked(p.rows, 'ru')}`,
  ),
  'table.noClientColumn': entry<{ row: number; rows: number }>(
    (p) => `No client column found in header row ${p.row}. ${looked(p.rows, 'en')}`,
    (p) => `В строке заголовков ${p.row} нет столбца клиента. ${looked(p.rows, 'ru')}`,
  ),
  'table.noAmountColumn': entry<{ row: number; rows: number }>(
    (p) => `No amount column found in header row ${p.row}. ${looked(p.rows, 'en')}`,
    (p) => `В строке заголовков ${p.row} нет столбца суммы. ${looked(p.rows, 'ru')}`,
  ),
  'table.fewNumbers': entry<ColumnRef>(
    (p) => `Column ${p.column} ("${p.header}") holds few numbers; check the amount column.`,
    (p) => `В столбце ${p.column} («${p.header}») мало чисел; проверьте, тот ли это столбец суммы.`,
  ),
  'table.fewDates': entry<ColumnRef>(
    (p) => `Column ${p.column} ("${p.header}") holds few dates; it is not used as the date column.`,
    (p) => `В столбце ${p.column} («${p.header}») мало дат, поэтому он не используется как столбец даты.`,
  ),
  'table.datePerClient': entry<ColumnRef>(
    (p) => `Column ${p.column} ("${p.header}") is a date per client, not a transaction log: each client appears once.`,
    (p) => `Столбец ${p.column} («${p.header}») — дата у каждого клиента, а не журнал продаж: каждый клиент встречается один раз.`,
  ),
  'table.noOrderColumn': entry(
    () => 'No order/invoice number column: every row with a positive amount counts as one order.',
    () => 'Нет столбца с номером заказа или счёта: каждая строка с положительной суммой считается одним заказом.',
  ),
  // ---- cells left out by the aggregation ----------------------------------------------------
  'cell.notFinite': entry(
    () => 'not a finite number',
    () => 'не является конечным числом',
  ),
  'cell.excelError': entry<{ code: string }>(
    (p) => `Excel error ${p.code}`,
    (p) => `ошибка Excel ${excelErrorName(p.code, 'ru')}`,
  ),
  'cell.ambiguousNumber': entry<{ a: number; b: number }>(
    (p) => `ambiguous number: ${p.a} or ${p.b}; type it without the thousands separator`,
    (p) => `неоднозначное число: ${plain(p.a, 'ru')} или ${plain(p.b, 'ru')}; введите его без разделителя разрядов`,
  ),
  'cell.notNumber': entry(
    () => 'not a number',
    () => 'не число',
  ),
  'cell.ambiguousDate': entry(
    () => 'ambiguous date: day/month order unclear; use YYYY-MM-DD or DD.MM.YYYY',
    () => 'неоднозначная дата: непонятно, где день, а где месяц; используйте ГГГГ-ММ-ДД или ДД.ММ.ГГГГ',
  ),
  'cell.notDate': entry(
    () => 'not a date',
    () => 'не дата',
  ),
  'cell.amountWithoutClient': entry(
    () => 'amount without a client name',
    () => 'сумма без имени клиента',
  ),
  'cell.notClientName': entry(
    () => 'not a client name',
    () => 'не имя клиента',
  ),
  'cell.errorForClientName': entry(
    () => 'Excel error instead of a client name',
    () => 'ошибка Excel вместо имени клиента',
  ),
  'cell.totalRow': entry(
    () => 'a total row, left out',
    () => 'строка итогов, пропущена',
  ),
  'cell.reviewsBelowNotCount': entry(
    () => 'reviews below the bar must be a whole number 0 or more',
    () => 'число пересмотров ниже планки должно быть целым, 0 или больше',
  ),
  // ---- real files from real offices (issue 11): table extent, subtotals, locale, formulas, CSV encodings
  'table.twoRowHeader': entry<{ upper: number; lower: number; months: number }>(
    (p) => `The header spans rows ${p.upper}–${p.lower}: the ${p.months} month columns are read from row ${p.lower}, under the group title in row ${p.upper}.`,
    (p) => `Заголовок занимает строки ${p.upper}–${p.lower}: ${p.months} ${ruPlural(p.months, ['столбец', 'столбца', 'столбцов'])} по месяцам ${ruPlural(p.months, ['прочитан', 'прочитаны', 'прочитаны'])} из строки ${p.lower}, под общим заголовком в строке ${p.upper}.`,
  ),
  'table.endsAtBlank': entry<{ blank: number; from: number; to: number }>(
    (p) => `The table ends at the blank row ${p.blank}; rows ${p.from}–${p.to} below it (another table) were not read.`,
    (p) => `Таблица заканчивается на пустой строке ${p.blank}; строки ${p.from}–${p.to} под ней (другая таблица) не прочитаны.`,
  ),
  'table.endsAtHeader': entry<{ row: number; from: number; to: number }>(
    (p) => `The table ends above a second header row in row ${p.row}; rows ${p.from}–${p.to} (another table) were not read.`,
    (p) => `Таблица заканчивается над второй строкой заголовков (строка ${p.row}); строки ${p.from}–${p.to} (другая таблица) не прочитаны.`,
  ),
  'table.monthsWithoutYear': entry<{ row: number; column: string; header: string }>(
    (p) => `Column ${p.column} in header row ${p.row} is a month without a year ("${p.header}"), and no year is given above it. Add the year to the header (e.g. "${p.header} 2025") or a title with the year above the months.`,
    (p) => `Столбец ${p.column} в строке заголовков ${p.row} — месяц без года («${p.header}»), и год над ним не указан. Добавьте год в заголовок (например, «${p.header} 2025») или общий заголовок с годом над месяцами.`,
  ),
  'cell.subtotalRow': entry<{ rows: number }>(
    (p) => `a subtotal (equals the sum of the ${p.rows} rows above it), left out`,
    (p) => `промежуточный итог (равен сумме ${p.rows} ${ruPlural(p.rows, ['строки', 'строк', 'строк'])} над ним), пропущен`,
  ),
  'aggregate.ambiguousNumbers': entry<{ column: string; header: string; count: number; example: string; a: number; b: number }>(
    (p) =>
      `Column ${p.column} ("${p.header}"): ${p.count} amounts such as "${p.example}" read as ${p.a} (English format) or ${p.b} (Russian format), and nothing in the column decides. Say which: --number-locale en or --number-locale ru on the command line, or "Number format" in the pane.`,
    (p) =>
      `Столбец ${p.column} («${p.header}»): ${p.count} ${ruPlural(p.count, ['сумма', 'суммы', 'сумм'])} вроде «${p.example}» можно прочитать как ${plain(p.a, 'ru')} (английский формат) или как ${plain(p.b, 'ru')} (русский формат), и ничто в столбце этого не решает. Укажите формат: --number-locale ru или --number-locale en в командной строке или «Формат чисел» в панели.`,
  ),
  'aggregate.noAmountsRead': entry<{ column: string; header: string; count: number }>(
    (p) => `Column ${p.column} ("${p.header}"): none of its ${p.count} amounts is a number, so there is no total to analyse. Check that this is the amount column (--amount on the command line, the column choice in the pane).`,
    (p) => `Столбец ${p.column} («${p.header}»): ни одна из ${p.count} сумм не число, поэтому анализировать нечего. Проверьте, тот ли это столбец суммы (--amount в командной строке, выбор столбца в панели).`,
  ),
  'input.formulasWithoutValues': entry<{ column: string; header: string; count: number; first: string }>(
    (p) =>
      `Column ${p.column} ("${p.header}"): ${p.count} cells (first ${p.first}) hold formulas without saved results — the file was written by a program that does not calculate formulas. Open it in Excel (or LibreOffice), let it calculate, save it, and run again.`,
    (p) =>
      `Столбец ${p.column} («${p.header}»): в ${p.count} ${ruPlural(p.count, ['ячейке', 'ячейках', 'ячейках'])} (первая — ${p.first}) формулы без сохранённых значений: файл записан программой, которая не вычисляет формулы. Откройте его в Excel (или LibreOffice), дождитесь пересчёта, сохраните и запустите снова.`,
  ),
  'input.encoding': entry<{ encoding: string; delimiter: string }>(
    (p) => `The CSV file was read as ${p.encoding} text, fields separated by ${DELIMITER_NAMES[p.delimiter]?.en ?? `"${p.delimiter}"`}.`,
    (p) => `CSV-файл прочитан в кодировке ${p.encoding}, разделитель полей — ${DELIMITER_NAMES[p.delimiter]?.ru ?? `«${p.delimiter}»`}.`,
  ),
  // ---- errors that stop the aggregation -----------------------------------------------------
  'aggregate.noMarginColumn': entry(
    () => 'The rules use margin, but no margin column (Margin, Маржа, Прибыль…) was found.',
    () => 'Правила считают по марже, но столбец маржи (Маржа, Прибыль, Margin…) не найден.',
  ),
  // ---- class cut-offs (abcClasses, xyzClass) ------------------------------------------------
  'abc.cutoffA': entry<{ a: number }>(
    (p) => `The A cut-off must be between 0 and 1, e.g. 0.8 for 80% ${got(p.a, 'en')}.`,
    (p) => `Граница класса A должна быть больше 0 и меньше 1, например 0,8 для 80\u00a0% ${got(p.a, 'ru')}.`,
  ),
  'abc.cutoffB': entry<{ a: number; b: number }>(
    (p) => `The B cut-off must be above the A cut-off of ${shown(p.a, 'en')} and at most 1 ${got(p.b, 'en')}.`,
    (p) => `Граница класса B должна быть больше границы класса A, равной ${shown(p.a, 'ru')}, и не больше 1 ${got(p.b, 'ru')}.`,
  ),
  'xyz.cutoffX': entry<{ x: number }>(
    (p) => `The X cut-off must be above 0, e.g. 0.1 for 10% ${got(p.x, 'en')}.`,
    (p) => `Граница класса X должна быть больше 0, например 0,1 для 10\u00a0% ${got(p.x, 'ru')}.`,
  ),
  'xyz.cutoffY': entry<{ x: number; y: number }>(
    (p) => `The Y cut-off must be above the X cut-off of ${shown(p.x, 'en')} ${got(p.y, 'en')}.`,
    (p) => `Граница класса Y должна быть больше границы класса X, равной ${shown(p.x, 'ru')} ${got(p.y, 'ru')}.`,
  ),
  // ---- top share (topShare) -----------------------------------------------------------------
  'topShare.fraction': entry<{ fraction: number }>(
    (p) => `The top fraction must be above 0 ${got(p.fraction, 'en')}.`,
    (p) => `Доля крупнейших клиентов должна быть больше 0 ${got(p.fraction, 'ru')}.`,
  ),
  'topShare.count': entry<{ count: number }>(
    (p) => `A value of 1 or more is a number of top clients and must be a whole number ${got(p.count, 'en')}.`,
    (p) => `Значение от 1 — это число крупнейших клиентов, оно должно быть целым ${got(p.count, 'ru')}.`,
  ),
  // ---- files the command line and the workbench open (cli/xlsxPackage, cli/safeWrite) ----------
  'file.passwordProtected': entry<{ file: string }>(
    (p) => `${p.file} is password-protected. Open it in Excel, remove the password (File → Info → Protect Workbook → Encrypt with Password) and save a copy, then try the copy.`,
    (p) => `Файл ${p.file} защищён паролем. Откройте его в Excel, снимите пароль (Файл → Сведения → Защита книги → Зашифровать с использованием пароля) и сохраните копию, затем откройте копию.`,
  ),
  'file.legacyXls': entry<{ file: string }>(
    (p) => `${p.file} is an old Excel 97–2003 workbook (.xls) under another name. Open it in Excel and save it as an .xlsx workbook.`,
    (p) => `Файл ${p.file} — старая книга Excel 97–2003 (.xls) под другим именем. Откройте её в Excel и сохраните как книгу .xlsx.`,
  ),
  'file.notXlsx': entry<{ file: string }>(
    (p) => `${p.file} is not an .xlsx workbook (it is not a valid Office Open XML package). Is it a real Excel file?`,
    (p) => `Файл ${p.file} — не книга .xlsx (это не пакет Office Open XML). Это точно файл Excel?`,
  ),
  'history.rulesChanged': entry<{ rules: string; sheet: string }>(
    (p) => `The rules changed since the last review of "${p.sheet}" (it was reviewed under "${p.rules}"). Run again with --history continue (the warnings given so far count) or --history restart (every client starts from this review).`,
    (p) => `Правила изменились после прошлого пересмотра листа «${p.sheet}» (он проводился по правилам «${p.rules}»). Запустите снова с --history continue (выданные предупреждения учитываются) или --history restart (все клиенты начинают с этого пересмотра).`,
  ),
  'apply.wouldLose': entry<{ items: Array<{ kind: LostKind; detail: string }>; more: number }>(
    (p) =>
      `Writing the copy would lose or change what the workbook holds:\n${p.items.map((i) => `- ${LOST_KINDS[i.kind].en}${i.detail ? `: ${i.detail}` : ''}`).join('\n')}${p.more ? `\n- and ${p.more} more` : ''}\nNothing was written. Run again with --force to write the copy without them (the input file is never changed).`,
    (p) =>
      `При записи копии пропадёт или изменится то, что есть в книге:\n${p.items.map((i) => `- ${LOST_KINDS[i.kind].ru}${i.detail ? `: ${i.detail}` : ''}`).join('\n')}${p.more ? `\n- и ещё ${p.more}` : ''}\nНичего не записано. Запустите снова с --force, чтобы записать копию без них (исходный файл не изменяется).`,
  ),
  'apply.lostForced': entry<{ count: number }>(
    (p) => `--force: the copy was written without ${p.count} thing(s) listed above.`,
    (p) => `--force: копия записана без перечисленного выше (${p.count}).`,
  ),
  'apply.renamedColumn': entry<{ header: string; written: string }>(
    (p) => `The sheet already has a column "${p.header}" that Client Tiers did not write; it is kept, the results went to "${p.written}" (--overwrite replaces it).`,
    (p) => `На листе уже есть столбец «${p.header}», записанный не Client Tiers; он сохранён, результаты записаны в «${p.written}» (--overwrite заменит его).`,
  ),
  'apply.renamedSheet': entry<{ sheet: string; written: string }>(
    (p) => `The workbook already has a sheet "${p.sheet}" that Client Tiers did not write; it is kept, the new sheet is "${p.written}" (--overwrite replaces it).`,
    (p) => `В книге уже есть лист «${p.sheet}», созданный не Client Tiers; он сохранён, новый лист — «${p.written}» (--overwrite заменит его).`,
  ),
  'apply.nameTruncated': entry<{ cell: string; length: number }>(
    (p) => `${p.cell}: the client name is ${p.length} characters long, more than an Excel cell holds (32,767); it was written cut short.`,
    (p) => `${p.cell}: имя клиента длиной ${p.length} символов больше, чем вмещает ячейка Excel (32 767); записано усечённым.`,
  ),
  // ---- contact cadence tables (contactCadence) ----------------------------------------------
  'cadence.segmentEmpty': entry(
    () => 'The segment name is empty.',
    () => 'Не указано название сегмента.',
  ),
  'cadence.months': entry<{ segment: string; months: number }>(
    (p) => `The interval for "${p.segment}" must be above 0 and at most 120 months ${got(p.months, 'en')}.`,
    (p) => `Интервал для «${p.segment}» должен быть больше 0 и не больше 120 месяцев ${got(p.months, 'ru')}.`,
  ),
  // ---- VIP programme settings (programmePlan) -----------------------------------------------
  'programme.interval': entry<{ segment: SegmentId; months: number }>(
    (p) => `The interval between meetings with ${MEETINGS_WITH[p.segment].en} must be above 0 and at most 120 months ${got(p.months, 'en')}.`,
    (p) => `Интервал между встречами с ${MEETINGS_WITH[p.segment].ru} должен быть больше 0 и не больше 120 месяцев ${got(p.months, 'ru')}.`,
  ),
  'programme.keyShare': entry<{ percent: number }>(
    (p) => `The top share of clients must be above 0% and at most 100% ${got(p.percent, 'en', '%')}.`,
    (p) => `Доля крупнейших клиентов должна быть больше 0 и не больше 100\u00a0% ${got(p.percent, 'ru', '%')}.`,
  ),
  'programme.partTimeRate': entry<{ rate: number }>(
    (p) => `Questionnaires a week of a manager who also sells must be above 0 and at most 200 ${got(p.rate, 'en')}.`,
    (p) => `Число анкет в неделю у менеджера, который и продаёт, должно быть больше 0 и не больше 200 ${got(p.rate, 'ru')}.`,
  ),
  'programme.fullTimeRate': entry<{ rate: number }>(
    (p) => `Questionnaires a week of a full-time manager must be above 0 and at most 200 ${got(p.rate, 'en')}.`,
    (p) => `Число анкет в неделю у менеджера, занятого полностью, должно быть больше 0 и не больше 200 ${got(p.rate, 'ru')}.`,
  ),
  'programme.passMonths': entry<{ months: number }>(
    (p) => `The yearly pass over all clients must take above 0 and at most 12 months ${got(p.months, 'en')}.`,
    (p) => `Ежегодный проход по всем клиентам должен занимать больше 0 и не больше 12 месяцев ${got(p.months, 'ru')}.`,
  ),
  'programme.passFullTime': entry<{ people: number }>(
    (p) => `Full-time people on the pass must be a whole number, 0 or more ${got(p.people, 'en')}.`,
    (p) => `Число занятых полностью на проходе должно быть целым, 0 или больше ${got(p.people, 'ru')}.`,
  ),
} as const;

export type MessageCode = keyof typeof TEXTS;
export type MessageParams<C extends MessageCode> = (typeof TEXTS)[C] extends Entry<infer P> ? P : never;

/** A code and its parameters; codes without parameters take none. */
export type Message<C extends MessageCode = MessageCode> = {
  [K in C]: MessageParams<K> extends void ? { readonly code: K; readonly params?: undefined } : { readonly code: K; readonly params: MessageParams<K> };
}[C];

export const MESSAGE_CODES = Object.keys(TEXTS) as MessageCode[];

export function isMessageCode(s: unknown): s is MessageCode {
  return typeof s === 'string' && Object.prototype.hasOwnProperty.call(TEXTS, s);
}

/** Build a message, checking its parameters: `msg('cell.excelError', { code: '#N/A' })`. */
export function msg<C extends MessageCode>(code: C, ...params: MessageParams<C> extends void ? [] : [MessageParams<C>]): Message<C> {
  return (params.length ? { code, params: params[0] } : { code }) as Message<C>;
}

/** The message as a sentence (or phrase) in `lang`. */
export function renderMessage(m: Message, lang: Lang): string {
  const e = TEXTS[m.code] as Entry<unknown>;
  return e[lang](m.params);
}

/** The message in both languages (for errors that carry `messages`, see excel/errors `userMessage`). */
export function messageTexts(m: Message): Record<Lang, string> {
  return { en: renderMessage(m, 'en'), ru: renderMessage(m, 'ru') };
}

/**
 * An error whose text exists in both languages: `message` is English (for logs and callers that
 * know no language), `messages` holds both, `detail` the code and parameters.
 */
export class MessageError extends Error {
  readonly messages: Record<Lang, string>;
  constructor(public readonly detail: Message) {
    const messages = messageTexts(detail);
    super(messages.en);
    this.name = 'MessageError';
    this.messages = messages;
  }
}
