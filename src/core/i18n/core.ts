import { m } from './message';

/**
 * Core's messages (core/messages `Message` codes) and the parts they are made of. Codes are
 * grouped by their source: `rules.*` (rule-set validation, see rules.ts, which also names the
 * field), `value.*` (zod's issue kinds), `table.*` (table detection), `cell.*` (cells left out by
 * aggregate.ts), `aggregate.*`, `input.*`, `abc.*` / `xyz.*` (class cut-offs), `topShare.*`,
 * `file.*` / `apply.*` (files the command line and the workbench open and write), `cadence.*`
 * (contactCadence.ts), `programme.*` (the VIP programme settings, programmePlan.ts).
 * Parts (`{got}`, `{looked}`, a delimiter's or a segment's name) are filled in by core/messages.
 */
export const coreParts = {
  /** What was given, after a check. */
  got: m(['value'], { en: '(got {value})', ru: '(получено {value})' }),
  gotPercent: m(['value'], { en: '(got {value}%)', ru: '(получено {value}\u00a0%)' }),
  gotNothing: { en: '(no number given)', ru: '(число не указано)' },
  /** `a or b`, `a, b or c`. */
  or: { en: 'or', ru: 'или' },
  /** Where table detection looked, appended to every "not found" message. */
  looked: m(['rows'], {
    en: 'Looked for a header row with a client column (Client, Клиент, Контрагент, Customer…) and an amount column (Revenue, Выручка, Сумма, Оборот, Amount, Sales…) or one column per month, in the first {rows} rows.',
    ru: 'Ожидалась строка заголовков (в строках 1–{rows}) со столбцом клиента (Клиент, Контрагент, Client, Customer…) и столбцом суммы (Выручка, Сумма, Оборот, Revenue, Amount…) или со столбцами по месяцам.',
  }),
  lookedFirstRow: {
    en: 'Looked for a header row with a client column (Client, Клиент, Контрагент, Customer…) and an amount column (Revenue, Выручка, Сумма, Оборот, Amount, Sales…) or one column per month, in the first row.',
    ru: 'Ожидалась строка заголовков (в строке 1) со столбцом клиента (Клиент, Контрагент, Client, Customer…) и столбцом суммы (Выручка, Сумма, Оборот, Revenue, Amount…) или со столбцами по месяцам.',
  },
  /** The programme's segments as the object of "meetings with …". */
  meetingsWith: {
    mostValuable: { en: 'the most valuable clients', ru: 'самыми ценными клиентами' },
    key: { en: 'the rest of the top clients', ru: 'остальными крупнейшими клиентами' },
    others: { en: 'all other clients', ru: 'всеми остальными клиентами' },
  },
  /** What a round trip can lose (cli/xlsxPackage `FeatureKind`), as `apply.wouldLose` names it. */
  lostKind: {
    part: { en: 'a part the copy would not keep', ru: 'часть книги, которую копия не сохранит' },
    definedName: { en: 'a defined name', ru: 'имя (диспетчер имён)' },
    numberFormat: { en: 'a number format with escapes', ru: 'числовой формат с экранированием' },
    workbookProtection: { en: 'workbook protection', ru: 'защита книги' },
    sheetProtection: { en: 'sheet protection', ru: 'защита листа' },
    dataValidation: { en: 'a data validation (lost or duplicated)', ru: 'проверка данных (пропадёт или раздвоится)' },
    unlockedCell: { en: 'an unlocked cell (would become locked)', ru: 'незащищённая ячейка (станет защищённой)' },
    customProperties: { en: 'custom document properties', ru: 'настраиваемые свойства документа' },
  },
  /** One line of `apply.wouldLose`'s list, and its last line when it is cut short. */
  lostItem: m(['kind', 'detail'], { en: '- {kind}: {detail}', ru: '- {kind}: {detail}' }),
  lostItemBare: m(['kind'], { en: '- {kind}', ru: '- {kind}' }),
  lostMore: m(['count'], { en: '- and {count} more', ru: '- и ещё {count}' }),
  /** A CSV delimiter as a note names it. */
  delimiter: {
    ',': { en: 'commas', ru: 'запятая' },
    ';': { en: 'semicolons', ru: 'точка с запятой' },
    '\t': { en: 'tabs', ru: 'табуляция' },
    '|': { en: 'vertical bars', ru: 'вертикальная черта' },
  },
  otherDelimiter: m(['delimiter'], { en: '"{delimiter}"', ru: '«{delimiter}»' }),
  /** A name in a list: `"x"` in English, `«x»` in Russian. */
  quoted: m(['text'], { en: '"{text}"', ru: '«{text}»' }),
};

export const coreMessages = {
  'rules.notJson': m(['detail'], {
    en: 'not valid JSON ({detail})',
    ru: 'некорректный JSON ({detail})',
  }),
  'rules.savedNotJson': {
    en: 'The saved rules are not valid JSON.',
    ru: 'Сохранённые в книге правила повреждены: это некорректный JSON.',
  },
  'rules.tierNameEmpty': {
    en: 'Tier name is empty',
    ru: 'не заполнено',
  },
  'rules.tierNameTooLong': m(['count'], {
    en: { one: 'Tier name is longer than {count} character', other: 'Tier name is longer than {count} characters' },
    ru: {
      one: 'длиннее {count} символа',
      few: 'длиннее {count} символов',
      many: 'длиннее {count} символов',
      other: 'длиннее {count} символа',
    },
  }),
  'rules.shareAtMost1': {
    en: 'must be at most 1 (100%)',
    ru: 'должно быть не больше 1 (100\u00a0%)',
  },
  'rules.wholeMonths': {
    en: 'must be a whole number of months',
    ru: 'должно быть целым числом месяцев',
  },
  'rules.tooFewTiers': m(['count'], {
    en: { one: 'needs at least {count} tier', other: 'needs at least {count} tiers' },
    ru: {
      one: 'нужно не меньше {count} уровня',
      few: 'нужно не меньше {count} уровней',
      many: 'нужно не меньше {count} уровней',
      other: 'нужно не меньше {count} уровня',
    },
  }),
  'rules.tooFewTiersTwo': { en: 'needs at least two tiers', ru: 'нужно хотя бы два уровня' },
  'rules.tooManyTiers': m(['count'], {
    en: { one: 'at most {count} tier', other: 'at most {count} tiers' },
    ru: {
      one: 'допускается не больше {count} уровня',
      few: 'допускается не больше {count} уровней',
      many: 'допускается не больше {count} уровней',
      other: 'допускается не больше {count} уровня',
    },
  }),
  'rules.repeatsTier': m(['name', 'tier'], {
    en: 'repeats tier {tier} ("{name}")',
    ru: 'повторяет уровень {tier} («{name}»)',
  }),
  'rules.baseTakesNoCriteria': {
    en: 'the last tier is the base tier and takes no criteria',
    ru: 'последний уровень — базовый, критерии для него не задаются',
  },
  'rules.needsCriterion': {
    en: 'needs a criterion (minAmount, minOrders or paretoShare)',
    ru: 'нужен критерий: минимальная сумма, минимум заказов или доля Парето',
  },
  'rules.aboveHigherBar': m(['higher'], {
    en: 'is above the bar of the higher tier "{higher}"',
    ru: 'выше планки вышестоящего уровня «{higher}»',
  }),
  'rules.belowHigherShare': m(['higher'], {
    en: 'is below the share of the higher tier "{higher}"',
    ru: 'меньше доли вышестоящего уровня «{higher}»',
  }),
  'value.missing': {
    en: 'is missing',
    ru: 'не задано',
  },
  'value.number': {
    en: 'must be a number',
    ru: 'должно быть числом',
  },
  'value.whole': {
    en: 'must be a whole number',
    ru: 'должно быть целым числом',
  },
  'value.text': {
    en: 'must be text',
    ru: 'должно быть текстом',
  },
  'value.group': {
    en: 'must be a group of fields (an object)',
    ru: 'должно быть группой полей (объектом)',
  },
  'value.list': {
    en: 'must be a list',
    ru: 'должно быть списком',
  },
  'value.type': m(['expected'], {
    en: 'must be of type {expected}',
    ru: 'должно иметь тип {expected}',
  }),
  'value.atLeast': m(['min'], {
    en: 'must be {min} or more',
    ru: 'должно быть {min} или больше',
  }),
  'value.above': m(['min'], {
    en: 'must be above {min}',
    ru: 'должно быть больше {min}',
  }),
  'value.atMost': m(['max'], {
    en: 'must be at most {max}',
    ru: 'должно быть не больше {max}',
  }),
  'value.below': m(['max'], {
    en: 'must be below {max}',
    ru: 'должно быть меньше {max}',
  }),
  'value.empty': {
    en: 'is empty',
    ru: 'не заполнено',
  },
  'value.tooShort': m(['count'], {
    en: { one: 'must be at least {count} character long', other: 'must be at least {count} characters long' },
    ru: {
      one: 'должно быть не короче {count} символа',
      few: 'должно быть не короче {count} символов',
      many: 'должно быть не короче {count} символов',
      other: 'должно быть не короче {count} символа',
    },
  }),
  'value.tooLong': m(['count'], {
    en: { one: 'is longer than {count} character', other: 'is longer than {count} characters' },
    ru: {
      one: 'длиннее {count} символа',
      few: 'длиннее {count} символов',
      many: 'длиннее {count} символов',
      other: 'длиннее {count} символа',
    },
  }),
  'value.tooFewItems': m(['count'], {
    en: { one: 'needs at least {count} item', other: 'needs at least {count} items' },
    ru: {
      one: 'нужно не меньше {count} элемента',
      few: 'нужно не меньше {count} элементов',
      many: 'нужно не меньше {count} элементов',
      other: 'нужно не меньше {count} элемента',
    },
  }),
  'value.tooManyItems': m(['count'], {
    en: { one: 'at most {count} item', other: 'at most {count} items' },
    ru: {
      one: 'не больше {count} элемента',
      few: 'не больше {count} элементов',
      many: 'не больше {count} элементов',
      other: 'не больше {count} элемента',
    },
  }),
  'value.oneOf': m(['values'], {
    en: 'must be {values}',
    ru: 'должно быть {values}',
  }),
  'value.unknownFields': m(['count', 'keys'], {
    en: { one: 'unknown field {keys}', other: 'unknown fields {keys}' },
    ru: {
      one: 'неизвестное поле {keys}',
      few: 'неизвестные поля {keys}',
      many: 'неизвестные поля {keys}',
      other: 'неизвестные поля {keys}',
    },
  }),
  'value.invalid': m(['detail'], {
    en: '{detail}',
    ru: 'недопустимое значение',
  }),
  'table.empty': m(['looked'], {
    en: 'The sheet is empty. {looked}',
    ru: 'Лист пуст. {looked}',
  }),
  'table.notFound': m(['looked'], {
    en: 'No client table found. {looked}',
    ru: 'Таблица клиентов не найдена. {looked}',
  }),
  'table.noClientColumn': m(['looked', 'row'], {
    en: 'No client column found in header row {row}. {looked}',
    ru: 'В строке заголовков {row} нет столбца клиента. {looked}',
  }),
  'table.noAmountColumn': m(['looked', 'row'], {
    en: 'No amount column found in header row {row}. {looked}',
    ru: 'В строке заголовков {row} нет столбца суммы. {looked}',
  }),
  'table.fewNumbers': m(['column', 'header'], {
    en: 'Column {column} ("{header}") holds few numbers; check the amount column.',
    ru: 'В столбце {column} («{header}») мало чисел; проверьте, тот ли это столбец суммы.',
  }),
  'table.fewDates': m(['column', 'header'], {
    en: 'Column {column} ("{header}") holds few dates; it is not used as the date column.',
    ru: 'В столбце {column} («{header}») мало дат, поэтому он не используется как столбец даты.',
  }),
  'table.datePerClient': m(['column', 'header'], {
    en: 'Column {column} ("{header}") is a date per client, not a transaction log: each client appears once.',
    ru: 'Столбец {column} («{header}») — дата у каждого клиента, а не журнал продаж: каждый клиент встречается один раз.',
  }),
  'table.noOrderColumn': {
    en: 'No order/invoice number column: every row with a positive amount counts as one order.',
    ru: 'Нет столбца с номером заказа или счёта: каждая строка с положительной суммой считается одним заказом.',
  },
  'cell.notFinite': {
    en: 'not a finite number',
    ru: 'не является конечным числом',
  },
  'cell.excelError': m(['code'], {
    en: 'Excel error {code}',
    ru: 'ошибка Excel {code}',
  }),
  'cell.ambiguousNumber': m(['a', 'b'], {
    en: 'ambiguous number: {a} or {b}; type it without the thousands separator',
    ru: 'неоднозначное число: {a} или {b}; введите его без разделителя разрядов',
  }),
  'cell.notNumber': {
    en: 'not a number',
    ru: 'не число',
  },
  'cell.ambiguousDate': {
    en: 'ambiguous date: day/month order unclear; use YYYY-MM-DD or DD.MM.YYYY',
    ru: 'неоднозначная дата: непонятно, где день, а где месяц; используйте ГГГГ-ММ-ДД или ДД.ММ.ГГГГ',
  },
  'cell.notDate': {
    en: 'not a date',
    ru: 'не дата',
  },
  'cell.amountWithoutClient': {
    en: 'amount without a client name',
    ru: 'сумма без имени клиента',
  },
  'cell.notClientName': {
    en: 'not a client name',
    ru: 'не имя клиента',
  },
  'cell.errorForClientName': {
    en: 'Excel error instead of a client name',
    ru: 'ошибка Excel вместо имени клиента',
  },
  'cell.totalRow': {
    en: 'a total row, left out',
    ru: 'строка итогов, пропущена',
  },
  'cell.reviewsBelowNotCount': {
    en: 'reviews below the bar must be a whole number 0 or more',
    ru: 'число пересмотров ниже планки должно быть целым, 0 или больше',
  },
  'table.twoRowHeader': m(['upper', 'lower', 'count'], {
    en: { one: 'The header spans rows {upper}–{lower}: the {count} month column is read from row {lower}, under the group title in row {upper}.', other: 'The header spans rows {upper}–{lower}: the {count} month columns are read from row {lower}, under the group title in row {upper}.' },
    ru: {
      one: 'Заголовок занимает строки {upper}–{lower}: {count} столбец по месяцам прочитан из строки {lower}, под общим заголовком в строке {upper}.',
      few: 'Заголовок занимает строки {upper}–{lower}: {count} столбца по месяцам прочитаны из строки {lower}, под общим заголовком в строке {upper}.',
      many: 'Заголовок занимает строки {upper}–{lower}: {count} столбцов по месяцам прочитаны из строки {lower}, под общим заголовком в строке {upper}.',
      other: 'Заголовок занимает строки {upper}–{lower}: {count} столбца по месяцам прочитаны из строки {lower}, под общим заголовком в строке {upper}.',
    },
  }),
  'rules.anchorNotDate': { en: 'must be a date YYYY-MM-DD (e.g. 2026-01-01)', ru: 'должно быть датой в виде ГГГГ-ММ-ДД (например, 2026-01-01)' },
  'rules.anchorDayAfter28': { en: 'a review period must start on day 1 to 28 of a month', ru: 'период пересмотра должен начинаться с 1-го по 28-е число месяца' },
  'history.rulesChanged': m(['rules', 'sheet'], {
    en: 'The rules changed since the last review of "{sheet}" (it was reviewed under "{rules}"). Run again with --history continue (the warnings given so far count) or --history restart (every client starts from this review).',
    ru: 'Правила изменились после прошлого пересмотра листа «{sheet}» (он проводился по правилам «{rules}»). Запустите снова с --history continue (выданные предупреждения учитываются) или --history restart (все клиенты начинают с этого пересмотра).',
  }),
  'table.monthsYearAssumed': m(['from', 'to', 'first', 'last'], {
    en: 'The month columns {from}–{to} name no year: read as {first} … {last}, the latest such months up to today. Add the year to the headers (e.g. "Jan 2025") if they are other months.',
    ru: 'Столбцы месяцев {from}–{to} без года: прочитаны как {first} … {last} — последние такие месяцы до сегодняшнего дня. Если это другие месяцы, добавьте год в заголовки (например, «Янв 2025»).',
  }),
  'table.endsAtBlank': m(['blank', 'from', 'to'], {
    en: 'The table ends at the blank row {blank}; rows {from}–{to} below it (another table) were not read.',
    ru: 'Таблица заканчивается на пустой строке {blank}; строки {from}–{to} под ней (другая таблица) не прочитаны.',
  }),
  'table.endsAtHeader': m(['from', 'row', 'to'], {
    en: 'The table ends above a second header row in row {row}; rows {from}–{to} (another table) were not read.',
    ru: 'Таблица заканчивается над второй строкой заголовков (строка {row}); строки {from}–{to} (другая таблица) не прочитаны.',
  }),
  'table.monthsWithoutYear': m(['column', 'header', 'row'], {
    en: 'Column {column} in header row {row} is a month without a year ("{header}"), and no year is given above it. Add the year to the header (e.g. "{header} 2025") or a title with the year above the months.',
    ru: 'Столбец {column} в строке заголовков {row} — месяц без года («{header}»), и год над ним не указан. Добавьте год в заголовок (например, «{header} 2025») или общий заголовок с годом над месяцами.',
  }),
  'cell.subtotalRow': m(['count'], {
    en: { one: 'a subtotal (equals the {count} row above it), left out', other: 'a subtotal (equals the sum of the {count} rows above it), left out' },
    ru: {
      one: 'промежуточный итог (равен сумме {count} строки над ним), пропущен',
      few: 'промежуточный итог (равен сумме {count} строк над ним), пропущен',
      many: 'промежуточный итог (равен сумме {count} строк над ним), пропущен',
      other: 'промежуточный итог (равен сумме {count} строки над ним), пропущен',
    },
  }),
  'aggregate.ambiguousNumbers': m(['column', 'header', 'count', 'example', 'a', 'b'], {
    en: { one: 'Column {column} ("{header}"): {count} amount, "{example}", reads as {a} (English format) or {b} (Russian format), and nothing in the column decides. Say which: --number-locale en or --number-locale ru on the command line, or "Number format" in the pane.', other: 'Column {column} ("{header}"): {count} amounts such as "{example}" read as {a} (English format) or {b} (Russian format), and nothing in the column decides. Say which: --number-locale en or --number-locale ru on the command line, or "Number format" in the pane.' },
    ru: {
      one: 'Столбец {column} («{header}»): {count} сумму вроде «{example}» можно прочитать как {a} (английский формат) или как {b} (русский формат), и ничто в столбце этого не решает. Укажите формат: --number-locale ru или --number-locale en в командной строке или «Формат чисел» в панели.',
      few: 'Столбец {column} («{header}»): {count} суммы вроде «{example}» можно прочитать как {a} (английский формат) или как {b} (русский формат), и ничто в столбце этого не решает. Укажите формат: --number-locale ru или --number-locale en в командной строке или «Формат чисел» в панели.',
      many: 'Столбец {column} («{header}»): {count} сумм вроде «{example}» можно прочитать как {a} (английский формат) или как {b} (русский формат), и ничто в столбце этого не решает. Укажите формат: --number-locale ru или --number-locale en в командной строке или «Формат чисел» в панели.',
      other: 'Столбец {column} («{header}»): {count} суммы вроде «{example}» можно прочитать как {a} (английский формат) или как {b} (русский формат), и ничто в столбце этого не решает. Укажите формат: --number-locale ru или --number-locale en в командной строке или «Формат чисел» в панели.',
    },
  }),
  'aggregate.noAmountsRead': m(['column', 'header', 'count'], {
    en: {
      one: 'Column {column} ("{header}"): its {count} amount is not a number, so there is no total to analyse. Check that this is the amount column (--amount on the command line, the column choice in the pane).',
      other: 'Column {column} ("{header}"): none of its {count} amounts is a number, so there is no total to analyse. Check that this is the amount column (--amount on the command line, the column choice in the pane).',
    },
    ru: {
      one: 'Столбец {column} («{header}»): ни одна из {count} суммы не число, поэтому анализировать нечего. Проверьте, тот ли это столбец суммы (--amount в командной строке, выбор столбца в панели).',
      few: 'Столбец {column} («{header}»): ни одна из {count} сумм не число, поэтому анализировать нечего. Проверьте, тот ли это столбец суммы (--amount в командной строке, выбор столбца в панели).',
      many: 'Столбец {column} («{header}»): ни одна из {count} сумм не число, поэтому анализировать нечего. Проверьте, тот ли это столбец суммы (--amount в командной строке, выбор столбца в панели).',
      other: 'Столбец {column} («{header}»): ни одна из {count} суммы не число, поэтому анализировать нечего. Проверьте, тот ли это столбец суммы (--amount в командной строке, выбор столбца в панели).',
    },
  }),
  'input.formulasWithoutValues': m(['column', 'header', 'count', 'first'], {
    en: { one: 'Column {column} ("{header}"): {count} cell ({first}) holds a formula without a saved result — the file was written by a program that does not calculate formulas. Open it in Excel (or LibreOffice), let it calculate, save it, and run again.', other: 'Column {column} ("{header}"): {count} cells (first {first}) hold formulas without saved results — the file was written by a program that does not calculate formulas. Open it in Excel (or LibreOffice), let it calculate, save it, and run again.' },
    ru: {
      one: 'Столбец {column} («{header}»): в {count} ячейке (первая — {first}) формулы без сохранённых значений: файл записан программой, которая не вычисляет формулы. Откройте его в Excel (или LibreOffice), дождитесь пересчёта, сохраните и запустите снова.',
      few: 'Столбец {column} («{header}»): в {count} ячейках (первая — {first}) формулы без сохранённых значений: файл записан программой, которая не вычисляет формулы. Откройте его в Excel (или LibreOffice), дождитесь пересчёта, сохраните и запустите снова.',
      many: 'Столбец {column} («{header}»): в {count} ячейках (первая — {first}) формулы без сохранённых значений: файл записан программой, которая не вычисляет формулы. Откройте его в Excel (или LibreOffice), дождитесь пересчёта, сохраните и запустите снова.',
      other: 'Столбец {column} («{header}»): в {count} ячейки (первая — {first}) формулы без сохранённых значений: файл записан программой, которая не вычисляет формулы. Откройте его в Excel (или LibreOffice), дождитесь пересчёта, сохраните и запустите снова.',
    },
  }),
  'input.encoding': m(['encoding', 'delimiter'], {
    en: 'The CSV file was read as {encoding} text, fields separated by {delimiter}.',
    ru: 'CSV-файл прочитан в кодировке {encoding}, разделитель полей — {delimiter}.',
  }),
  'aggregate.noMarginColumn': {
    en: 'The rules use margin, but no margin column (Margin, Маржа, Прибыль…) was found.',
    ru: 'Правила считают по марже, но столбец маржи (Маржа, Прибыль, Margin…) не найден.',
  },
  'abc.cutoffA': m(['got'], {
    en: 'The A cut-off must be between 0 and 1, e.g. 0.8 for 80% {got}.',
    ru: 'Граница класса A должна быть больше 0 и меньше 1, например 0,8 для 80\u00a0% {got}.',
  }),
  'abc.cutoffB': m(['a', 'got'], {
    en: 'The B cut-off must be above the A cut-off of {a} and at most 1 {got}.',
    ru: 'Граница класса B должна быть больше границы класса A, равной {a}, и не больше 1 {got}.',
  }),
  'xyz.cutoffX': m(['got'], {
    en: 'The X cut-off must be above 0, e.g. 0.1 for 10% {got}.',
    ru: 'Граница класса X должна быть больше 0, например 0,1 для 10\u00a0% {got}.',
  }),
  'xyz.cutoffY': m(['got', 'x'], {
    en: 'The Y cut-off must be above the X cut-off of {x} {got}.',
    ru: 'Граница класса Y должна быть больше границы класса X, равной {x} {got}.',
  }),
  'topShare.fraction': m(['got'], {
    en: 'The top fraction must be above 0 {got}.',
    ru: 'Доля крупнейших клиентов должна быть больше 0 {got}.',
  }),
  'topShare.count': m(['got'], {
    en: 'A value of 1 or more is a number of top clients and must be a whole number {got}.',
    ru: 'Значение от 1 — это число крупнейших клиентов, оно должно быть целым {got}.',
  }),
  'file.passwordProtected': m(['file'], {
    en: '{file} is password-protected. Open it in Excel, remove the password (File → Info → Protect Workbook → Encrypt with Password) and save a copy, then try the copy.',
    ru: 'Файл {file} защищён паролем. Откройте его в Excel, снимите пароль (Файл → Сведения → Защита книги → Зашифровать с использованием пароля) и сохраните копию, затем откройте копию.',
  }),
  'file.legacyXls': m(['file'], {
    en: '{file} is an old Excel 97–2003 workbook (.xls) under another name. Open it in Excel and save it as an .xlsx workbook.',
    ru: 'Файл {file} — старая книга Excel 97–2003 (.xls) под другим именем. Откройте её в Excel и сохраните как книгу .xlsx.',
  }),
  'file.notXlsx': m(['file'], {
    en: '{file} is not an .xlsx workbook (it is not a valid Office Open XML package). Is it a real Excel file?',
    ru: 'Файл {file} — не книга .xlsx (это не пакет Office Open XML). Это точно файл Excel?',
  }),
  'apply.wouldLose': m(['items'], {
    en: 'Writing the copy would lose or change what the workbook holds:\n{items}\nNothing was written. Run again with --force to write the copy without them (the input file is never changed).',
    ru: 'При записи копии пропадёт или изменится то, что есть в книге:\n{items}\nНичего не записано. Запустите снова с --force, чтобы записать копию без них (исходный файл не изменяется).',
  }),
  'apply.lostForced': m(['count'], {
    en: { one: '--force: the copy was written without the {count} thing listed above.', other: '--force: the copy was written without the {count} things listed above.' },
    ru: '--force: копия записана без перечисленного выше ({count}).',
  }),
  'apply.renamedColumn': m(['header', 'written'], {
    en: 'The sheet already has a column "{header}" that Client Tiers did not write; it is kept, the results went to "{written}" (--overwrite replaces it).',
    ru: 'На листе уже есть столбец «{header}», записанный не Client Tiers; он сохранён, результаты записаны в «{written}» (--overwrite заменит его).',
  }),
  'apply.renamedSheet': m(['sheet', 'written'], {
    en: 'The workbook already has a sheet "{sheet}" that Client Tiers did not write; it is kept, the new sheet is "{written}" (--overwrite replaces it).',
    ru: 'В книге уже есть лист «{sheet}», созданный не Client Tiers; он сохранён, новый лист — «{written}» (--overwrite заменит его).',
  }),
  'apply.nameTruncated': m(['cell', 'count'], {
    en: {
      one: '{cell}: the client name is {count} character long, more than an Excel cell holds (32,767); it was written cut short.',
      other: '{cell}: the client name is {count} characters long, more than an Excel cell holds (32,767); it was written cut short.',
    },
    ru: {
      one: '{cell}: имя клиента длиной {count} символ больше, чем вмещает ячейка Excel (32 767); записано усечённым.',
      few: '{cell}: имя клиента длиной {count} символа больше, чем вмещает ячейка Excel (32 767); записано усечённым.',
      many: '{cell}: имя клиента длиной {count} символов больше, чем вмещает ячейка Excel (32 767); записано усечённым.',
      other: '{cell}: имя клиента длиной {count} символа больше, чем вмещает ячейка Excel (32 767); записано усечённым.',
    },
  }),
  'cadence.segmentEmpty': {
    en: 'The segment name is empty.',
    ru: 'Не указано название сегмента.',
  },
  'cadence.months': m(['got', 'segment'], {
    en: 'The interval for "{segment}" must be above 0 and at most 120 months {got}.',
    ru: 'Интервал для «{segment}» должен быть больше 0 и не больше 120 месяцев {got}.',
  }),
  'programme.interval': m(['got', 'segment'], {
    en: 'The interval between meetings with {segment} must be above 0 and at most 120 months {got}.',
    ru: 'Интервал между встречами с {segment} должен быть больше 0 и не больше 120 месяцев {got}.',
  }),
  'programme.keyShare': m(['got'], {
    en: 'The top share of clients must be above 0% and at most 100% {got}.',
    ru: 'Доля крупнейших клиентов должна быть больше 0 и не больше 100\u00a0% {got}.',
  }),
  'programme.partTimeRate': m(['got'], {
    en: 'Questionnaires a week of a manager who also sells must be above 0 and at most 200 {got}.',
    ru: 'Число анкет в неделю у менеджера, который и продаёт, должно быть больше 0 и не больше 200 {got}.',
  }),
  'programme.fullTimeRate': m(['got'], {
    en: 'Questionnaires a week of a full-time manager must be above 0 and at most 200 {got}.',
    ru: 'Число анкет в неделю у менеджера, занятого полностью, должно быть больше 0 и не больше 200 {got}.',
  }),
  'programme.passMonths': m(['got'], {
    en: 'The yearly pass over all clients must take above 0 and at most 12 months {got}.',
    ru: 'Ежегодный проход по всем клиентам должен занимать больше 0 и не больше 12 месяцев {got}.',
  }),
  'programme.passFullTime': m(['got'], {
    en: 'Full-time people on the pass must be a whole number, 0 or more {got}.',
    ru: 'Число занятых полностью на проходе должно быть целым, 0 или больше {got}.',
  }),
};
