import { aggregate } from '../../src/core/aggregate';
import { CellValue } from '../../src/core/cells';
import { excelErrorName, Message, MESSAGE_CODES, MessageCode, MessageError, messageTexts, msg, renderMessage } from '../../src/core/messages';
import { parseRuleSet, RuleSetError, ruleFieldLabel, ruleProblemText, ruleSetFromJson, ruleSetFromThresholds } from '../../src/core/rules';
import { detectTable, TableNotFoundError } from '../../src/core/table';

type Grid = CellValue[][];

/** One message per code with real parameters, and what it reads like in each language. */
const SAMPLES: { [C in MessageCode]: { message: Message<C>; en: string; ru: string } } = {
  'rules.notJson': {
    message: { code: 'rules.notJson', params: { detail: 'Unexpected end of JSON input' } },
    en: 'not valid JSON (Unexpected end of JSON input)',
    ru: 'некорректный JSON (Unexpected end of JSON input)',
  },
  'rules.savedNotJson': {
    message: { code: 'rules.savedNotJson' },
    en: 'The saved rules are not valid JSON.',
    ru: 'Сохранённые в книге правила повреждены: это некорректный JSON.',
  },
  'rules.tierNameEmpty': {
    message: { code: 'rules.tierNameEmpty' },
    en: 'Tier name is empty',
    ru: 'не заполнено',
  },
  'rules.tierNameTooLong': {
    message: { code: 'rules.tierNameTooLong', params: { max: 40 } },
    en: 'Tier name is longer than 40 characters',
    ru: 'длиннее 40 символов',
  },
  'rules.shareAtMost1': {
    message: { code: 'rules.shareAtMost1' },
    en: 'must be at most 1 (100%)',
    ru: 'должно быть не больше 1 (100\u00a0%)',
  },
  'rules.wholeMonths': {
    message: { code: 'rules.wholeMonths' },
    en: 'must be a whole number of months',
    ru: 'должно быть целым числом месяцев',
  },
  'rules.anchorNotDate': {
    message: { code: 'rules.anchorNotDate' },
    en: 'must be a date YYYY-MM-DD (e.g. 2026-01-01)',
    ru: 'должно быть датой в виде ГГГГ-ММ-ДД (например, 2026-01-01)',
  },
  'rules.anchorDayAfter28': {
    message: { code: 'rules.anchorDayAfter28' },
    en: 'a review period must start on day 1 to 28 of a month',
    ru: 'период пересмотра должен начинаться с 1-го по 28-е число месяца',
  },
  'rules.tooFewTiers': {
    message: { code: 'rules.tooFewTiers', params: { min: 2 } },
    en: 'needs at least two tiers',
    ru: 'нужно хотя бы два уровня',
  },
  'rules.tooManyTiers': {
    message: { code: 'rules.tooManyTiers', params: { max: 10 } },
    en: 'at most 10 tiers',
    ru: 'допускается не больше 10 уровней',
  },
  'rules.repeatsTier': {
    message: { code: 'rules.repeatsTier', params: { tier: 1, name: 'vip' } },
    en: 'repeats tier 1 ("vip")',
    ru: 'повторяет уровень 1 («vip»)',
  },
  'rules.baseTakesNoCriteria': {
    message: { code: 'rules.baseTakesNoCriteria' },
    en: 'the last tier is the base tier and takes no criteria',
    ru: 'последний уровень — базовый, критерии для него не задаются',
  },
  'rules.needsCriterion': {
    message: { code: 'rules.needsCriterion' },
    en: 'needs a criterion (minAmount, minOrders or paretoShare)',
    ru: 'нужен критерий: минимальная сумма, минимум заказов или доля Парето',
  },
  'rules.aboveHigherBar': {
    message: { code: 'rules.aboveHigherBar', params: { higher: 'VIP' } },
    en: 'is above the bar of the higher tier "VIP"',
    ru: 'выше планки вышестоящего уровня «VIP»',
  },
  'rules.belowHigherShare': {
    message: { code: 'rules.belowHigherShare', params: { higher: 'VIP' } },
    en: 'is below the share of the higher tier "VIP"',
    ru: 'меньше доли вышестоящего уровня «VIP»',
  },
  'value.missing': {
    message: { code: 'value.missing' },
    en: 'is missing',
    ru: 'не задано',
  },
  'value.number': {
    message: { code: 'value.number' },
    en: 'must be a number',
    ru: 'должно быть числом',
  },
  'value.whole': {
    message: { code: 'value.whole' },
    en: 'must be a whole number',
    ru: 'должно быть целым числом',
  },
  'value.text': {
    message: { code: 'value.text' },
    en: 'must be text',
    ru: 'должно быть текстом',
  },
  'value.group': {
    message: { code: 'value.group' },
    en: 'must be a group of fields (an object)',
    ru: 'должно быть группой полей (объектом)',
  },
  'value.list': {
    message: { code: 'value.list' },
    en: 'must be a list',
    ru: 'должно быть списком',
  },
  'value.type': {
    message: { code: 'value.type', params: { expected: 'boolean' } },
    en: 'must be of type boolean',
    ru: 'должно иметь тип boolean',
  },
  'value.atLeast': {
    message: { code: 'value.atLeast', params: { min: 1 } },
    en: 'must be 1 or more',
    ru: 'должно быть 1 или больше',
  },
  'value.above': {
    message: { code: 'value.above', params: { min: 0.5 } },
    en: 'must be above 0.5',
    ru: 'должно быть больше 0,5',
  },
  'value.atMost': {
    message: { code: 'value.atMost', params: { max: 12 } },
    en: 'must be at most 12',
    ru: 'должно быть не больше 12',
  },
  'value.below': {
    message: { code: 'value.below', params: { max: 100 } },
    en: 'must be below 100',
    ru: 'должно быть меньше 100',
  },
  'value.empty': {
    message: { code: 'value.empty' },
    en: 'is empty',
    ru: 'не заполнено',
  },
  'value.tooShort': {
    message: { code: 'value.tooShort', params: { min: 3 } },
    en: 'must be at least 3 characters long',
    ru: 'должно быть не короче 3 символов',
  },
  'value.tooLong': {
    message: { code: 'value.tooLong', params: { max: 80 } },
    en: 'is longer than 80 characters',
    ru: 'длиннее 80 символов',
  },
  'value.tooFewItems': {
    message: { code: 'value.tooFewItems', params: { min: 1 } },
    en: 'needs at least 1 item',
    ru: 'нужно не меньше 1 элемента',
  },
  'value.tooManyItems': {
    message: { code: 'value.tooManyItems', params: { max: 21 } },
    en: 'at most 21 items',
    ru: 'не больше 21 элемента',
  },
  'value.oneOf': {
    message: { code: 'value.oneOf', params: { values: ['"revenue"', '"margin"'] } },
    en: 'must be "revenue" or "margin"',
    ru: 'должно быть "revenue" или "margin"',
  },
  'value.unknownFields': {
    message: { code: 'value.unknownFields', params: { keys: ['bonus'] } },
    en: 'unknown field "bonus"',
    ru: 'неизвестное поле «bonus»',
  },
  'value.invalid': {
    message: { code: 'value.invalid', params: { detail: 'Invalid input' } },
    en: 'Invalid input',
    ru: 'недопустимое значение',
  },
  'table.empty': {
    message: { code: 'table.empty', params: { rows: 0 } },
    en: 'The sheet is empty. Looked for a header row with a client column (Client, Клиент, Контрагент, Customer…) and an amount column (Revenue, Выручка, Сумма, Оборот, Amount, Sales…) or one column per month, in the first row.',
    ru: 'Лист пуст. Ожидалась строка заголовков (в строке 1) со столбцом клиента (Клиент, Контрагент, Client, Customer…) и столбцом суммы (Выручка, Сумма, Оборот, Revenue, Amount…) или со столбцами по месяцам.',
  },
  'table.notFound': {
    message: { code: 'table.notFound', params: { rows: 20 } },
    en: 'No client table found. Looked for a header row with a client column (Client, Клиент, Контрагент, Customer…) and an amount column (Revenue, Выручка, Сумма, Оборот, Amount, Sales…) or one column per month, in the first 20 rows.',
    ru: 'Таблица клиентов не найдена. Ожидалась строка заголовков (в строках 1–20) со столбцом клиента (Клиент, Контрагент, Client, Customer…) и столбцом суммы (Выручка, Сумма, Оборот, Revenue, Amount…) или со столбцами по месяцам.',
  },
  'table.noClientColumn': {
    message: { code: 'table.noClientColumn', params: { row: 1, rows: 2 } },
    en: 'No client column found in header row 1. Looked for a header row with a client column (Client, Клиент, Контрагент, Customer…) and an amount column (Revenue, Выручка, Сумма, Оборот, Amount, Sales…) or one column per month, in the first 2 rows.',
    ru: 'В строке заголовков 1 нет столбца клиента. Ожидалась строка заголовков (в строках 1–2) со столбцом клиента (Клиент, Контрагент, Client, Customer…) и столбцом суммы (Выручка, Сумма, Оборот, Revenue, Amount…) или со столбцами по месяцам.',
  },
  'table.noAmountColumn': {
    message: { code: 'table.noAmountColumn', params: { row: 3, rows: 20 } },
    en: 'No amount column found in header row 3. Looked for a header row with a client column (Client, Клиент, Контрагент, Customer…) and an amount column (Revenue, Выручка, Сумма, Оборот, Amount, Sales…) or one column per month, in the first 20 rows.',
    ru: 'В строке заголовков 3 нет столбца суммы. Ожидалась строка заголовков (в строках 1–20) со столбцом клиента (Клиент, Контрагент, Client, Customer…) и столбцом суммы (Выручка, Сумма, Оборот, Revenue, Amount…) или со столбцами по месяцам.',
  },
  'table.fewNumbers': {
    message: { code: 'table.fewNumbers', params: { column: 'B', header: 'Выручка' } },
    en: 'Column B ("Выручка") holds few numbers; check the amount column.',
    ru: 'В столбце B («Выручка») мало чисел; проверьте, тот ли это столбец суммы.',
  },
  'table.fewDates': {
    message: { code: 'table.fewDates', params: { column: 'C', header: 'Date' } },
    en: 'Column C ("Date") holds few dates; it is not used as the date column.',
    ru: 'В столбце C («Date») мало дат, поэтому он не используется как столбец даты.',
  },
  'table.datePerClient': {
    message: { code: 'table.datePerClient', params: { column: 'D', header: 'Дата договора' } },
    en: 'Column D ("Дата договора") is a date per client, not a transaction log: each client appears once.',
    ru: 'Столбец D («Дата договора») — дата у каждого клиента, а не журнал продаж: каждый клиент встречается один раз.',
  },
  'table.noOrderColumn': {
    message: { code: 'table.noOrderColumn' },
    en: 'No order/invoice number column: every row with a positive amount counts as one order.',
    ru: 'Нет столбца с номером заказа или счёта: каждая строка с положительной суммой считается одним заказом.',
  },
  'cell.notFinite': {
    message: { code: 'cell.notFinite' },
    en: 'not a finite number',
    ru: 'не является конечным числом',
  },
  'cell.excelError': {
    message: { code: 'cell.excelError', params: { code: '#N/A' } },
    en: 'Excel error #N/A',
    ru: 'ошибка Excel #Н/Д',
  },
  'cell.ambiguousNumber': {
    message: { code: 'cell.ambiguousNumber', params: { a: 1234, b: 1.234 } },
    en: 'ambiguous number: 1234 or 1.234; type it without the thousands separator',
    ru: 'неоднозначное число: 1234 или 1,234; введите его без разделителя разрядов',
  },
  'cell.notNumber': {
    message: { code: 'cell.notNumber' },
    en: 'not a number',
    ru: 'не число',
  },
  'cell.ambiguousDate': {
    message: { code: 'cell.ambiguousDate' },
    en: 'ambiguous date: day/month order unclear; use YYYY-MM-DD or DD.MM.YYYY',
    ru: 'неоднозначная дата: непонятно, где день, а где месяц; используйте ГГГГ-ММ-ДД или ДД.ММ.ГГГГ',
  },
  'cell.notDate': {
    message: { code: 'cell.notDate' },
    en: 'not a date',
    ru: 'не дата',
  },
  'cell.amountWithoutClient': {
    message: { code: 'cell.amountWithoutClient' },
    en: 'amount without a client name',
    ru: 'сумма без имени клиента',
  },
  'cell.notClientName': {
    message: { code: 'cell.notClientName' },
    en: 'not a client name',
    ru: 'не имя клиента',
  },
  'cell.errorForClientName': {
    message: { code: 'cell.errorForClientName' },
    en: 'Excel error instead of a client name',
    ru: 'ошибка Excel вместо имени клиента',
  },
  'cell.totalRow': {
    message: { code: 'cell.totalRow' },
    en: 'a total row, left out',
    ru: 'строка итогов, пропущена',
  },
  'cell.reviewsBelowNotCount': {
    message: { code: 'cell.reviewsBelowNotCount' },
    en: 'reviews below the bar must be a whole number 0 or more',
    ru: 'число пересмотров ниже планки должно быть целым, 0 или больше',
  },
  'table.twoRowHeader': {
    message: { code: 'table.twoRowHeader', params: { upper: 3, lower: 4, months: 12 } },
    en: 'The header spans rows 3–4: the 12 month columns are read from row 4, under the group title in row 3.',
    ru: 'Заголовок занимает строки 3–4: 12 столбцов по месяцам прочитаны из строки 4, под общим заголовком в строке 3.',
  },
  'table.endsAtBlank': {
    message: { code: 'table.endsAtBlank', params: { blank: 12, from: 13, to: 20 } },
    en: 'The table ends at the blank row 12; rows 13–20 below it (another table) were not read.',
    ru: 'Таблица заканчивается на пустой строке 12; строки 13–20 под ней (другая таблица) не прочитаны.',
  },
  'table.endsAtHeader': {
    message: { code: 'table.endsAtHeader', params: { row: 9, from: 9, to: 15 } },
    en: 'The table ends above a second header row in row 9; rows 9–15 (another table) were not read.',
    ru: 'Таблица заканчивается над второй строкой заголовков (строка 9); строки 9–15 (другая таблица) не прочитаны.',
  },
  'table.monthsWithoutYear': {
    message: { code: 'table.monthsWithoutYear', params: { row: 2, column: 'B', header: 'Январь' } },
    en: 'Column B in header row 2 is a month without a year ("Январь"), and no year is given above it. Add the year to the header (e.g. "Январь 2025") or a title with the year above the months.',
    ru: 'Столбец B в строке заголовков 2 — месяц без года («Январь»), и год над ним не указан. Добавьте год в заголовок (например, «Январь 2025») или общий заголовок с годом над месяцами.',
  },
  'table.monthsYearAssumed': {
    message: { code: 'table.monthsYearAssumed', params: { from: 'B', to: 'G', first: '2026-01', last: '2026-06' } },
    en: 'The month columns B–G name no year: read as 2026-01 … 2026-06, the latest such months up to today. Add the year to the headers (e.g. "Jan 2025") if they are other months.',
    ru: 'Столбцы месяцев B–G без года: прочитаны как 2026-01 … 2026-06 — последние такие месяцы до сегодняшнего дня. Если это другие месяцы, добавьте год в заголовки (например, «Янв 2025»).',
  },
  'cell.subtotalRow': {
    message: { code: 'cell.subtotalRow', params: { rows: 5 } },
    en: 'a subtotal (equals the sum of the 5 rows above it), left out',
    ru: 'промежуточный итог (равен сумме 5 строк над ним), пропущен',
  },
  'aggregate.ambiguousNumbers': {
    message: { code: 'aggregate.ambiguousNumbers', params: { column: 'C', header: 'Revenue', count: 3, example: '1,234', a: 1234, b: 1.234 } },
    en: 'Column C ("Revenue"): 3 amounts such as "1,234" read as 1234 (English format) or 1.234 (Russian format), and nothing in the column decides. Say which: --number-locale en or --number-locale ru on the command line, or "Number format" in the pane.',
    ru: 'Столбец C («Revenue»): 3 суммы вроде «1,234» можно прочитать как 1234 (английский формат) или как 1,234 (русский формат), и ничто в столбце этого не решает. Укажите формат: --number-locale ru или --number-locale en в командной строке или «Формат чисел» в панели.',
  },
  'aggregate.noAmountsRead': {
    message: { code: 'aggregate.noAmountsRead', params: { column: 'C', header: 'Сумма', count: 4 } },
    en: 'Column C ("Сумма"): none of its 4 amounts is a number, so there is no total to analyse. Check that this is the amount column (--amount on the command line, the column choice in the pane).',
    ru: 'Столбец C («Сумма»): ни одна из 4 сумм не число, поэтому анализировать нечего. Проверьте, тот ли это столбец суммы (--amount в командной строке, выбор столбца в панели).',
  },
  'input.formulasWithoutValues': {
    message: { code: 'input.formulasWithoutValues', params: { column: 'C', header: 'Выручка', count: 21, first: 'C2' } },
    en: 'Column C ("Выручка"): 21 cells (first C2) hold formulas without saved results — the file was written by a program that does not calculate formulas. Open it in Excel (or LibreOffice), let it calculate, save it, and run again.',
    ru: 'Столбец C («Выручка»): в 21 ячейке (первая — C2) формулы без сохранённых значений: файл записан программой, которая не вычисляет формулы. Откройте его в Excel (или LibreOffice), дождитесь пересчёта, сохраните и запустите снова.',
  },
  'input.encoding': {
    message: { code: 'input.encoding', params: { encoding: 'windows-1251', delimiter: ';' } },
    en: 'The CSV file was read as windows-1251 text, fields separated by semicolons.',
    ru: 'CSV-файл прочитан в кодировке windows-1251, разделитель полей — точка с запятой.',
  },
  'aggregate.noMarginColumn': {
    message: { code: 'aggregate.noMarginColumn' },
    en: 'The rules use margin, but no margin column (Margin, Маржа, Прибыль…) was found.',
    ru: 'Правила считают по марже, но столбец маржи (Маржа, Прибыль, Margin…) не найден.',
  },
  'abc.cutoffA': {
    message: { code: 'abc.cutoffA', params: { a: 80 } },
    en: 'The A cut-off must be between 0 and 1, e.g. 0.8 for 80% (got 80).',
    ru: 'Граница класса A должна быть больше 0 и меньше 1, например 0,8 для 80\u00a0% (получено 80).',
  },
  'abc.cutoffB': {
    message: { code: 'abc.cutoffB', params: { a: 0.95, b: 0.8 } },
    en: 'The B cut-off must be above the A cut-off of 0.95 and at most 1 (got 0.8).',
    ru: 'Граница класса B должна быть больше границы класса A, равной 0,95, и не больше 1 (получено 0,8).',
  },
  'xyz.cutoffX': {
    message: { code: 'xyz.cutoffX', params: { x: -0.1 } },
    en: 'The X cut-off must be above 0, e.g. 0.1 for 10% (got -0.1).',
    ru: 'Граница класса X должна быть больше 0, например 0,1 для 10\u00a0% (получено -0,1).',
  },
  'xyz.cutoffY': {
    message: { code: 'xyz.cutoffY', params: { x: 0.3, y: 0.25 } },
    en: 'The Y cut-off must be above the X cut-off of 0.3 (got 0.25).',
    ru: 'Граница класса Y должна быть больше границы класса X, равной 0,3 (получено 0,25).',
  },
  'topShare.fraction': {
    message: { code: 'topShare.fraction', params: { fraction: 0 } },
    en: 'The top fraction must be above 0 (got 0).',
    ru: 'Доля крупнейших клиентов должна быть больше 0 (получено 0).',
  },
  'topShare.count': {
    message: { code: 'topShare.count', params: { count: 2.5 } },
    en: 'A value of 1 or more is a number of top clients and must be a whole number (got 2.5).',
    ru: 'Значение от 1 — это число крупнейших клиентов, оно должно быть целым (получено 2,5).',
  },
  'file.passwordProtected': {
    message: { code: 'file.passwordProtected', params: { file: 'secret.xlsx' } },
    en: 'secret.xlsx is password-protected. Open it in Excel, remove the password (File → Info → Protect Workbook → Encrypt with Password) and save a copy, then try the copy.',
    ru: 'Файл secret.xlsx защищён паролем. Откройте его в Excel, снимите пароль (Файл → Сведения → Защита книги → Зашифровать с использованием пароля) и сохраните копию, затем откройте копию.',
  },
  'file.legacyXls': {
    message: { code: 'file.legacyXls', params: { file: 'old.xlsx' } },
    en: 'old.xlsx is an old Excel 97–2003 workbook (.xls) under another name. Open it in Excel and save it as an .xlsx workbook.',
    ru: 'Файл old.xlsx — старая книга Excel 97–2003 (.xls) под другим именем. Откройте её в Excel и сохраните как книгу .xlsx.',
  },
  'file.notXlsx': {
    message: { code: 'file.notXlsx', params: { file: 'fake.xlsx' } },
    en: 'fake.xlsx is not an .xlsx workbook (it is not a valid Office Open XML package). Is it a real Excel file?',
    ru: 'Файл fake.xlsx — не книга .xlsx (это не пакет Office Open XML). Это точно файл Excel?',
  },
  'history.rulesChanged': {
    message: { code: 'history.rulesChanged', params: { rules: 'Pareto 50/80', sheet: 'Clients' } },
    en: 'The rules changed since the last review of "Clients" (it was reviewed under "Pareto 50/80"). Run again with --history continue (the warnings given so far count) or --history restart (every client starts from this review).',
    ru: 'Правила изменились после прошлого пересмотра листа «Clients» (он проводился по правилам «Pareto 50/80»). Запустите снова с --history continue (выданные предупреждения учитываются) или --history restart (все клиенты начинают с этого пересмотра).',
  },
  'apply.wouldLose': {
    message: { code: 'apply.wouldLose', params: { items: [{ kind: 'part', detail: 'chart' }, { kind: 'workbookProtection', detail: '' }], more: 2 } },
    en: 'Writing the copy would lose or change what the workbook holds:\n- a part the copy would not keep: chart\n- workbook protection\n- and 2 more\nNothing was written. Run again with --force to write the copy without them (the input file is never changed).',
    ru: 'При записи копии пропадёт или изменится то, что есть в книге:\n- часть книги, которую копия не сохранит: chart\n- защита книги\n- и ещё 2\nНичего не записано. Запустите снова с --force, чтобы записать копию без них (исходный файл не изменяется).',
  },
  'apply.lostForced': {
    message: { code: 'apply.lostForced', params: { count: 3 } },
    en: '--force: the copy was written without the 3 things listed above.',
    ru: '--force: копия записана без перечисленного выше (3).',
  },
  'apply.renamedColumn': {
    message: { code: 'apply.renamedColumn', params: { header: 'ABC', written: 'ABC (2)' } },
    en: 'The sheet already has a column "ABC" that Client Tiers did not write; it is kept, the results went to "ABC (2)" (--overwrite replaces it).',
    ru: 'На листе уже есть столбец «ABC», записанный не Client Tiers; он сохранён, результаты записаны в «ABC (2)» (--overwrite заменит его).',
  },
  'apply.renamedSheet': {
    message: { code: 'apply.renamedSheet', params: { sheet: 'Сводка уровней', written: 'Сводка уровней (2)' } },
    en: 'The workbook already has a sheet "Сводка уровней" that Client Tiers did not write; it is kept, the new sheet is "Сводка уровней (2)" (--overwrite replaces it).',
    ru: 'В книге уже есть лист «Сводка уровней», созданный не Client Tiers; он сохранён, новый лист — «Сводка уровней (2)» (--overwrite заменит его).',
  },
  'apply.nameTruncated': {
    message: { code: 'apply.nameTruncated', params: { cell: 'A2', length: 40000 } },
    en: 'A2: the client name is 40000 characters long, more than an Excel cell holds (32,767); it was written cut short.',
    ru: 'A2: имя клиента длиной 40000 символов больше, чем вмещает ячейка Excel (32 767); записано усечённым.',
  },
  'cadence.segmentEmpty': {
    message: { code: 'cadence.segmentEmpty' },
    en: 'The segment name is empty.',
    ru: 'Не указано название сегмента.',
  },
  'cadence.months': {
    message: { code: 'cadence.months', params: { segment: 'Gold', months: 0.5 } },
    en: 'The interval for "Gold" must be above 0 and at most 120 months (got 0.5).',
    ru: 'Интервал для «Gold» должен быть больше 0 и не больше 120 месяцев (получено 0,5).',
  },
  'programme.interval': {
    message: { code: 'programme.interval', params: { segment: 'key', months: 150 } },
    en: 'The interval between meetings with the rest of the top clients must be above 0 and at most 120 months (got 150).',
    ru: 'Интервал между встречами с остальными крупнейшими клиентами должен быть больше 0 и не больше 120 месяцев (получено 150).',
  },
  'programme.keyShare': {
    message: { code: 'programme.keyShare', params: { percent: 12.5 } },
    en: 'The top share of clients must be above 0% and at most 100% (got 12.5%).',
    ru: 'Доля крупнейших клиентов должна быть больше 0 и не больше 100\u00a0% (получено 12,5\u00a0%).',
  },
  'programme.partTimeRate': {
    message: { code: 'programme.partTimeRate', params: { rate: NaN } },
    en: 'Questionnaires a week of a manager who also sells must be above 0 and at most 200 (no number given).',
    ru: 'Число анкет в неделю у менеджера, который и продаёт, должно быть больше 0 и не больше 200 (число не указано).',
  },
  'programme.fullTimeRate': {
    message: { code: 'programme.fullTimeRate', params: { rate: 250 } },
    en: 'Questionnaires a week of a full-time manager must be above 0 and at most 200 (got 250).',
    ru: 'Число анкет в неделю у менеджера, занятого полностью, должно быть больше 0 и не больше 200 (получено 250).',
  },
  'programme.passMonths': {
    message: { code: 'programme.passMonths', params: { months: Infinity } },
    en: 'The yearly pass over all clients must take above 0 and at most 12 months (got ∞).',
    ru: 'Ежегодный проход по всем клиентам должен занимать больше 0 и не больше 12 месяцев (получено ∞).',
  },
  'programme.passFullTime': {
    message: { code: 'programme.passFullTime', params: { people: 1.5 } },
    en: 'Full-time people on the pass must be a whole number, 0 or more (got 1.5).',
    ru: 'Число занятых полностью на проходе должно быть целым, 0 или больше (получено 1,5).',
  },
};

describe('every message code renders in English and Russian', () => {
  it('has a sample for each code', () => {
    expect(Object.keys(SAMPLES).sort()).toEqual([...MESSAGE_CODES].sort());
  });

  it.each(MESSAGE_CODES)('%s', (code) => {
    const s = SAMPLES[code];
    expect(renderMessage(s.message, 'en')).toBe(s.en);
    expect(renderMessage(s.message, 'ru')).toBe(s.ru);
    expect(messageTexts(s.message)).toEqual({ en: s.en, ru: s.ru });
    // Russian text uses «» for quoted names, never English double quotes (JSON values excepted)
    if (code !== 'value.oneOf') expect(s.ru).not.toMatch(/"/);
  });

  it('msg builds the same plain object the renderers take', () => {
    expect(msg('cell.excelError', { code: '#REF!' })).toEqual({ code: 'cell.excelError', params: { code: '#REF!' } });
    expect(msg('cell.totalRow')).toEqual({ code: 'cell.totalRow' });
  });

  it('Russian counts agree with the number before the noun', () => {
    const tooLong = (max: number) => renderMessage(msg('value.tooLong', { max }), 'ru');
    expect([1, 2, 5, 11, 21, 22, 40].map(tooLong)).toEqual([
      'длиннее 1 символа',
      'длиннее 2 символов',
      'длиннее 5 символов',
      'длиннее 11 символов',
      'длиннее 21 символа',
      'длиннее 22 символов',
      'длиннее 40 символов',
    ]);
    expect(renderMessage(msg('rules.tooManyTiers', { max: 21 }), 'ru')).toBe('допускается не больше 21 уровня');
    expect(renderMessage(msg('rules.tooFewTiers', { min: 3 }), 'ru')).toBe('нужно не меньше 3 уровней');
    expect(renderMessage(msg('value.oneOf', { values: ['1'] }), 'ru')).toBe('должно быть 1');
    expect(renderMessage(msg('value.oneOf', { values: ['"a"', '"b"', '"c"'] }), 'en')).toBe('must be "a", "b" or "c"');
  });

  it('Excel errors keep the invariant code and read as Russian Excel shows them', () => {
    expect(excelErrorName('#VALUE!', 'ru')).toBe('#ЗНАЧ!');
    expect(excelErrorName('#DIV/0!', 'ru')).toBe('#ДЕЛ/0!');
    expect(excelErrorName('#BUSY!', 'ru')).toBe('#BUSY!');
    expect(excelErrorName('#N/A', 'en')).toBe('#N/A');
  });

  it('MessageError carries the English message and both texts', () => {
    const e = new MessageError(msg('aggregate.noMarginColumn'));
    expect(e).toBeInstanceOf(Error);
    expect(e.message).toBe(SAMPLES['aggregate.noMarginColumn'].en);
    expect(e.messages.ru).toBe(SAMPLES['aggregate.noMarginColumn'].ru);
    expect(e.detail).toEqual({ code: 'aggregate.noMarginColumn' });
  });
});

describe('rule-set problems in Russian name the field in words', () => {
  const threeTiers = (vip: object | null, key: object | null, std: object | null = null) => ({
    tiers: [
      { name: 'VIP', criteria: vip },
      { name: 'Key', criteria: key },
      { name: 'Standard', criteria: std },
    ],
  });
  const ru = (input: unknown): string[] => {
    const r = parseRuleSet(input, 'ru');
    if (r.ok) throw new Error('expected problems');
    return r.problems;
  };
  const base = { tiers: [{ name: 'VIP', criteria: { minAmount: 1 } }, { name: 'Std' }] };

  it('a negative minimum amount on the second tier', () => {
    expect(ru(threeTiers({ minAmount: 100 }, { minAmount: -5 }))).toEqual(['уровень 2, критерий «минимальная сумма»: должно быть 0 или больше']);
    // the English text is unchanged, and both come from the same issue
    const r = parseRuleSet(threeTiers({ minAmount: 100 }, { minAmount: -5 }));
    if (r.ok) throw new Error('expected problems');
    expect(r.problems).toEqual(['tiers[2].criteria.minAmount: must be 0 or more']);
    expect(r.issues).toEqual([{ path: ['tiers', 1, 'criteria', 'minAmount'], field: 'tiers[2].criteria.minAmount', message: { code: 'value.atLeast', params: { min: 0 } } }]);
    expect(ruleProblemText(r.issues[0], 'ru')).toBe('уровень 2, критерий «минимальная сумма»: должно быть 0 или больше');
  });

  it('bars and shares out of order, repeated names, base tier criteria', () => {
    expect(ru(threeTiers({ minAmount: 100 }, { minAmount: 500 }))).toEqual(['уровень 2, критерий «минимальная сумма»: выше планки вышестоящего уровня «VIP»']);
    expect(ru(threeTiers({ paretoShare: 0.8 }, { paretoShare: 0.5 }))).toEqual(['уровень 2, критерий «доля Парето»: меньше доли вышестоящего уровня «VIP»']);
    expect(ru({ tiers: [{ name: 'VIP', criteria: { minAmount: 100 } }, { name: 'vip', criteria: { minAmount: 50 } }, { name: 'Std' }] })).toEqual(['уровень 2, название: повторяет уровень 1 («vip»)']);
    expect(ru({ tiers: [{ name: 'VIP', criteria: { minAmount: 100 } }, { name: 'Std', criteria: { minAmount: 1 } }] })).toEqual(['уровень 2, критерии: последний уровень — базовый, критерии для него не задаются']);
    expect(ru({ tiers: [{ name: 'VIP', criteria: {} }, { name: 'Std' }] })).toEqual(['уровень 1, критерии: нужен критерий: минимальная сумма, минимум заказов или доля Парето']);
  });

  it('other fields', () => {
    expect(ru({ tiers: [{ name: 'VIP', criteria: { paretoShare: 1.5 } }, { name: 'Std' }] })).toEqual(['уровень 1, критерий «доля Парето»: должно быть не больше 1 (100\u00a0%)']);
    expect(ru({ tiers: [{ name: 'VIP', criteria: { paretoShare: 0 } }, { name: 'Std' }] })).toEqual(['уровень 1, критерий «доля Парето»: должно быть больше 0']);
    expect(ru({ tiers: [{ name: 'VIP', criteria: { minOrders: 2.5 } }, { name: 'Std' }] })).toEqual(['уровень 1, критерий «минимум заказов»: должно быть целым числом']);
    expect(ru({ tiers: [{ name: 'VIP', criteria: { minAmount: 1, bonus: 2 } }, { name: 'Std' }] })).toEqual(['уровень 1, критерии: неизвестное поле «bonus»']);
    expect(ru({ tiers: [{ name: 'Std' }] })).toEqual(['уровни: нужно хотя бы два уровня']);
    expect(ru({ tiers: [{ name: '   ', criteria: { minAmount: 1 } }, { name: 'Std' }] })).toEqual(['уровень 1, название: не заполнено']);
    expect(ru({ tiers: [{ name: 'x'.repeat(41), criteria: { minAmount: 1 } }, { name: 'Std' }] })).toEqual(['уровень 1, название: длиннее 40 символов']);
    expect(ru({ tiers: [{ name: 'VIP', criteria: { minAmount: 1 }, benefits: ['Менеджер', ' '] }, { name: 'Std' }] })).toEqual(['уровень 1, привилегия 2: не заполнено']);
    expect(ru({ ...base, windowMonths: 2.5 })).toEqual(['окно пересмотра: должно быть целым числом месяцев']);
    expect(ru({ ...base, windowMonths: 0 })).toEqual(['окно пересмотра: должно быть 1 или больше']);
    expect(ru({ ...base, windowMonths: 121 })).toEqual(['окно пересмотра: должно быть не больше 120']);
    expect(ru({ ...base, measure: 'profit' })).toEqual(['показатель: должно быть "revenue" или "margin"']);
    expect(ru({ ...base, name: '' })).toEqual(['название правил: не заполнено']);
    expect(ru({ ...base, policy: { hysteresisPct: 60 } })).toEqual(['правила понижения, «сохранять уровень при отставании до X%»: должно быть не больше 50']);
    expect(ru({ ...base, policy: { graceReviews: 1.5 } })).toEqual(['правила понижения, «пересмотров с предупреждением»: должно быть целым числом']);
    expect(ru({ ...base, policy: { maxStepsDown: 0 } })).toEqual(['правила понижения, «не более уровней вниз за пересмотр»: должно быть 1 или больше']);
    expect(ru({ ...base, policy: { benefitSteps: 'два' } })).toEqual(['правила понижения, «ступеней сокращения привилегий»: должно быть числом']);
    expect(ru({ ...base, version: 2 })).toEqual(['версия формата: должно быть 1']);
    expect(ru({ ...base, extra: 1, colour: 'red' })).toEqual(['(правила): неизвестные поля «extra», «colour»']);
    expect(ru(null)).toEqual(['(правила): должно быть группой полей (объектом)']);
    expect(ru({ tiers: [{ criteria: { minAmount: NaN } }, { name: 'Std' }] })).toEqual(['уровень 1, название: не задано', 'уровень 1, критерий «минимальная сумма»: должно быть числом']);
  });

  it('the English field names stay the JSON paths', () => {
    expect(ruleFieldLabel(['tiers', 1, 'criteria', 'minAmount'], 'en')).toBe('tiers[2].criteria.minAmount');
    expect(ruleFieldLabel(['tiers', 1, 'criteria', 'minAmount'], 'ru')).toBe('уровень 2, критерий «минимальная сумма»');
    expect(ruleFieldLabel(['tiers', 0], 'ru')).toBe('уровень 1');
    expect(ruleFieldLabel(['policy'], 'ru')).toBe('правила понижения');
    expect(ruleFieldLabel([], 'en')).toBe('(rule set)');
    expect(ruleFieldLabel(['unknownThing'], 'ru')).toBe('unknownThing');
  });

  it('RuleSetError has the problems in both languages', () => {
    let err: unknown;
    try {
      ruleSetFromJson(JSON.stringify(threeTiers({ minAmount: 100 }, { minAmount: -5 })));
    } catch (e) {
      err = e;
    }
    const e = err as RuleSetError;
    expect(e).toBeInstanceOf(RuleSetError);
    expect(e.problems).toEqual(['tiers[2].criteria.minAmount: must be 0 or more']);
    expect(e.problemsIn('ru')).toEqual(['уровень 2, критерий «минимальная сумма»: должно быть 0 или больше']);
    expect(e.messages).toEqual({
      en: 'The rule set is not valid:\n- tiers[2].criteria.minAmount: must be 0 or more',
      ru: 'Правила заданы неверно:\n- уровень 2, критерий «минимальная сумма»: должно быть 0 или больше',
    });
  });

  it('bad JSON is one problem without a field', () => {
    let err: unknown;
    try {
      ruleSetFromJson('');
    } catch (e) {
      err = e;
    }
    const e = err as RuleSetError;
    expect(e.issues).toHaveLength(1);
    expect(e.issues[0].path).toBeNull();
    expect(e.problems[0]).toMatch(/^not valid JSON \(.+\)$/);
    expect(e.problemsIn('ru')[0]).toMatch(/^некорректный JSON \(.+\)$/);
  });

  it('thresholds tables (CLIENTS.VIPTIER) report in Russian too', () => {
    let err: unknown;
    try {
      ruleSetFromThresholds([
        { name: 'VIP', minAmount: 5 },
        { name: 'vip', minAmount: 1 },
      ]);
    } catch (e) {
      err = e;
    }
    expect((err as RuleSetError).problemsIn('ru')).toEqual(['уровень 2, название: повторяет уровень 1 («vip»)']);
  });
});

describe('table detection in Russian', () => {
  const notesRu = (grid: Grid) => detectTable(grid).notes.map((n) => renderMessage(n, 'ru'));

  it('a log without an invoice column says how orders are counted', () => {
    expect(
      notesRu([
        ['Дата', 'Контрагент', 'Сумма'],
        ['31.12.2025', 'ООО «Ромашка»', '1 000'],
        ['30.12.2025', 'ИП Петров', '500'],
      ]),
    ).toEqual(['Нет столбца с номером заказа или счёта: каждая строка с положительной суммой считается одним заказом.']);
  });

  it('a date column without dates, an amount column without numbers', () => {
    expect(
      notesRu([
        ['Клиент', 'Выручка', 'Дата'],
        ['ООО Альфа', 'нет данных', 'скоро'],
        ['ООО Бета', 'уточнить', 'позже'],
      ]),
    ).toEqual(['В столбце B («Выручка») мало чисел; проверьте, тот ли это столбец суммы.', 'В столбце C («Дата») мало дат, поэтому он не используется как столбец даты.']);
  });

  it('a date per client is not a transaction log', () => {
    const t = detectTable([
      ['Клиент', 'Выручка', 'Дата договора'],
      ['ООО Альфа', 100, '01.02.2024'],
      ['ООО Бета', 200, '03.04.2024'],
      ['ООО Гамма', 300, '05.06.2024'],
    ]);
    expect(t.shape).toBe('clients');
    expect(t.notes).toEqual([{ code: 'table.datePerClient', params: { column: 'C', header: 'Дата договора' } }]);
    expect(renderMessage(t.notes[0], 'ru')).toBe('Столбец C («Дата договора») — дата у каждого клиента, а не журнал продаж: каждый клиент встречается один раз.');
  });

  it('"not found" errors say what was looked for, in both languages', () => {
    const caught = (grid: Grid) => {
      try {
        detectTable(grid);
      } catch (e) {
        return e as TableNotFoundError;
      }
      throw new Error('expected TableNotFoundError');
    };
    const empty = caught([]);
    expect(empty).toBeInstanceOf(TableNotFoundError);
    expect(empty.messages.ru).toMatch(/^Лист пуст\. Ожидалась строка заголовков/);
    const noClient = caught([
      ['Дата', 'Товар', 'Сумма'],
      [45000, 'Виджет', 1],
    ]);
    expect(noClient.detail).toEqual({ code: 'table.noClientColumn', params: { row: 1, rows: 2 } });
    expect(noClient.messages.ru).toBe(
      'В строке заголовков 1 нет столбца клиента. Ожидалась строка заголовков (в строках 1–2) со столбцом клиента (Клиент, Контрагент, Client, Customer…) и столбцом суммы (Выручка, Сумма, Оборот, Revenue, Amount…) или со столбцами по месяцам.',
    );
    expect(noClient.message).toMatch(/^No client column found in header row 1\./);
    expect(
      caught([
        ['Клиент', 'Менеджер'],
        ['ООО Альфа', 'Анна'],
      ]).messages.ru,
    ).toMatch(/^В строке заголовков 1 нет столбца суммы\./);
    expect(
      caught([
        ['что-то', 'другое'],
        [1, 2],
      ]).messages.ru,
    ).toMatch(/^Таблица клиентов не найдена\./);
  });
});

describe('cells left out, in Russian', () => {
  const issuesRu = (grid: Grid) => {
    const agg = aggregate(grid, detectTable(grid));
    return agg.issues.map((i) => [i.address, renderMessage(i, 'ru')]);
  };

  it('"1,234" in a column that does not decide the format is ambiguous', () => {
    const grid: Grid = [
      ['Дата', 'Клиент', 'Сумма'],
      ['01.12.2025', 'ООО Альфа', '1,234'],
      ['02.12.2025', 'ООО Альфа', 10],
    ];
    const agg = aggregate(grid, detectTable(grid));
    expect(agg.numberLocale).toBeUndefined();
    expect(agg.issues).toEqual([
      {
        row: 1,
        col: 2,
        address: 'C2',
        value: '"1,234"',
        problem: 'ambiguous number: 1234 or 1.234; type it without the thousands separator',
        code: 'cell.ambiguousNumber',
        params: { a: 1234, b: 1.234 },
      },
    ]);
    expect(renderMessage(agg.issues[0], 'ru')).toBe('неоднозначное число: 1234 или 1,234; введите его без разделителя разрядов');
  });

  it('Excel errors as Russian Excel writes them (#Н/Д) and as Office.js gives them (#N/A)', () => {
    const grid: Grid = [
      ['Клиент', 'Выручка'],
      ['ООО Альфа', '1 200,50'],
      ['ООО Бета', '#Н/Д'],
      ['ООО Гамма', '#N/A'],
      ['ООО Дельта', '#ЗНАЧ!'],
      ['ООО Эпсилон', 'много'],
    ];
    const agg = aggregate(grid, detectTable(grid));
    expect(agg.issues.map((i) => [i.address, i.code, i.params])).toEqual([
      ['B3', 'cell.excelError', { code: '#N/A' }],
      ['B4', 'cell.excelError', { code: '#N/A' }],
      ['B5', 'cell.excelError', { code: '#VALUE!' }],
      ['B6', 'cell.notNumber', undefined],
    ]);
    expect(issuesRu(grid)).toEqual([
      ['B3', 'ошибка Excel #Н/Д'],
      ['B4', 'ошибка Excel #Н/Д'],
      ['B5', 'ошибка Excel #ЗНАЧ!'],
      ['B6', 'не число'],
    ]);
    expect(agg.issues.map((i) => i.problem)).toEqual(['Excel error #N/A', 'Excel error #N/A', 'Excel error #VALUE!', 'not a number']);
  });

  it('"Итого" and "Всего" rows, amounts without a client, bad dates and client names', () => {
    expect(
      issuesRu([
        ['Клиент', 'Выручка'],
        ['ООО Альфа', 100],
        ['Итого:', 100],
        ['Всего', 100],
      ]),
    ).toEqual([
      ['A3', 'строка итогов, пропущена'],
      ['A4', 'строка итогов, пропущена'],
    ]);
    expect(
      issuesRu([
        ['Дата', 'Клиент', 'Сумма', '№ счёта'],
        ['01.12.2025', 'ООО Альфа', 100, 'С-1'],
        ['когда-то', 'ООО Альфа', 100, 'С-2'],
        ['03/04/2025', 'ООО Бета', 100, 'С-3'],
        ['04.12.2025', '', 100, 'С-4'],
        ['05.12.2025', true, 100, 'С-5'],
        ['06.12.2025', '#N/A', 100, 'С-6'],
        ['07.12.2025', 'Итого', 300, ''],
      ]),
    ).toEqual([
      ['A3', 'не дата'],
      ['A4', 'неоднозначная дата: непонятно, где день, а где месяц; используйте ГГГГ-ММ-ДД или ДД.ММ.ГГГГ'],
      ['B5', 'сумма без имени клиента'],
      ['B6', 'не имя клиента'],
      ['B7', 'ошибка Excel вместо имени клиента'],
      ['B8', 'строка итогов, пропущена'],
    ]);
  });

  it('reviews below the bar that are not a count', () => {
    expect(
      issuesRu([
        ['Клиент', 'Выручка', 'Пересмотров ниже'],
        ['ООО Альфа', 100, 'два'],
      ]),
    ).toEqual([['C2', 'число пересмотров ниже планки должно быть целым, 0 или больше']]);
  });

  it('margin rules without a margin column stop with a message in both languages', () => {
    const grid: Grid = [
      ['Клиент', 'Выручка'],
      ['ООО Альфа', 1],
    ];
    let err: unknown;
    try {
      aggregate(grid, detectTable(grid), { measure: 'margin' });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(MessageError);
    expect((err as MessageError).messages).toEqual({
      en: 'The rules use margin, but no margin column (Margin, Маржа, Прибыль…) was found.',
      ru: 'Правила считают по марже, но столбец маржи (Маржа, Прибыль, Margin…) не найден.',
    });
  });
});
