import { m } from './message';

/**
 * The custom functions' texts, shown in a cell's error tip (#VALUE! and #N/A carry a message).
 * `{name}` is the argument as Excel shows it in the formula tip; `{text}` what the cell held,
 * quoted and shortened; `{problem}` a core message already rendered in the cell's language.
 */
export const functions = {
  logical: { true: { en: 'TRUE', ru: 'ИСТИНА' }, false: { en: 'FALSE', ru: 'ЛОЖЬ' } },
  notNumber: m(['name', 'text'], { en: '{name}: {text} is not a number.', ru: '{name}: {text} — не число.' }),
  ambiguous: m(['name', 'text', 'a', 'b'], {
    en: '{name}: {text} could be {a:n} or {b:n}; type the number without separators.',
    ru: '{name}: {text} может означать {a:n} или {b:n}; введите число без разделителей.',
  }),
  empty: m(['name'], { en: '{name} is empty.', ru: '{name}: пусто.' }),
  wasError: m(['name', 'code'], { en: '{name} is {code}.', ru: '{name}: {code}.' }),
  notCount: m(['name', 'text'], { en: '{name} must be a whole number, 0 or more (got {text}).', ru: '{name}: нужно целое число от 0 (получено {text}).' }),
  notScalar: m(['name'], { en: '{name} must be a single cell.', ru: '{name}: нужна одна ячейка.' }),
  noRules: { en: 'No rules: pass a rules range or save rules in the task pane.', ru: 'Нет правил: укажите диапазон правил или сохраните правила в панели надстройки.' },
  rulesNeedAllClients: m(['tier', 'percent'], {
    en: 'The saved rules put "{tier}" at the first {percent}% of revenue, which needs all clients; pass a rules range with minimum amounts, or open the task pane to compute the bars.',
    ru: 'В сохранённых правилах уровень «{tier}» — первые {percent}% выручки, для этого нужны все клиенты; укажите диапазон правил с минимальными суммами или откройте панель надстройки, чтобы рассчитать планки.',
  }),
  rulesNeedOrders: m(['tier'], {
    en: 'The saved rules also require an order count for "{tier}", which VIPTIER does not receive; pass a rules range with minimum amounts.',
    ru: 'Сохранённые правила для уровня «{tier}» требуют ещё и число заказов, которого VIPTIER не получает; укажите диапазон правил с минимальными суммами.',
  }),
  rulesInvalid: m(['name', 'problems'], { en: '{name}: {problems}', ru: '{name}: правила не подходят: {problems}' }),
  tableShape: m(['name', 'rows', 'cols'], {
    en: '{name} must be a two-column range (got {rows} × {cols}).',
    ru: '{name}: нужен диапазон из двух столбцов (получено {rows} × {cols}).',
  }),
  tableEmpty: m(['name'], { en: '{name} has no rows.', ru: '{name}: нет ни одной строки.' }),
  tableError: m(['name', 'row', 'col', 'code'], { en: '{name}, row {row}, column {col}: {code}.', ru: '{name}, строка {row}, столбец {col}: {code}.' }),
  tableNotNumber: m(['name', 'row', 'col', 'text'], {
    en: '{name}, row {row}, column {col}: {text} is not a number.',
    ru: '{name}, строка {row}, столбец {col}: {text} — не число.',
  }),
  tableAmbiguous: m(['name', 'row', 'col', 'text', 'a', 'b'], {
    en: '{name}, row {row}, column {col}: {text} could be {a:n} or {b:n}.',
    ru: '{name}, строка {row}, столбец {col}: {text} может означать {a:n} или {b:n}.',
  }),
  tableNoLabel: m(['name', 'row', 'col'], { en: '{name}, row {row}: the name in column {col} is empty.', ru: '{name}, строка {row}: пустое название в столбце {col}.' }),
  unknownTier: m(['name', 'tier', 'tiers'], {
    en: '{name}: tier "{tier}" is not in the rules ({tiers}).',
    ru: '{name}: уровня «{tier}» нет в правилах ({tiers}).',
  }),
  notAmong: m(['name', 'value', 'range'], { en: '{name} {value:n} is not one of {range}.', ru: '{name} {value:n} не найдено в {range}.' }),
  cutoffCount: m(['name', 'got'], {
    en: '{name} must be two numbers, e.g. {0.8,0.95} (got {got}).',
    ru: '{name}: нужны два числа, например {0,8;0,95} (получено {got}).',
  }),
  cutoffsTwice: {
    en: 'values is a range, so the second argument is already the cut-offs; leave the third empty.',
    ru: 'values — диапазон, поэтому второй аргумент уже задаёт границы; третий оставьте пустым.',
  },
  problem: m(['name', 'problem'], { en: '{name}: {problem}', ru: '{name}: {problem}' }),
  rowProblem: m(['name', 'row', 'problem'], { en: '{name}, row {row}: {problem}', ru: '{name}, строка {row}: {problem}' }),
  tooFewPeriods: m(['got'], {
    en: 'periodValues needs at least two periods with numbers (got {got}).',
    ru: 'periodValues: нужно хотя бы два периода с числами (получено {got}).',
  }),
  zeroMean: { en: 'The mean is 0 — no sales in these periods, so there is no XYZ class.', ru: 'Среднее равно 0 — продаж в этих периодах нет, класс XYZ не определён.' },
  negativeMean: { en: 'The mean is negative (returns exceed sales), so there is no XYZ class.', ru: 'Среднее отрицательное (возвраты больше продаж), класс XYZ не определён.' },
  noAbcClass: m(['value'], { en: 'value {value:n} is 0 or less, so it has no ABC class.', ru: 'value {value:n} не больше 0, класса ABC нет.' }),
  unknownSegment: m(['segment', 'known'], {
    en: 'No contact cadence for "{segment}" (known: {known}); pass a table.',
    ru: 'Нет периодичности контактов для «{segment}» (известны: {known}); укажите таблицу.',
  }),
  unreturnable: m(['code'], {
    en: 'An argument holds {code}; a custom function cannot return that error. Fix the cell it comes from.',
    ru: 'В аргументе ошибка {code}; пользовательская функция не может вернуть такую ошибку. Исправьте ячейку, из которой она пришла.',
  }),
  rangeError: m(['name', 'row', 'col', 'code'], {
    en: '{name}, row {row}, column {col}: {code}. Like SUM, the result is an error while the range holds one; fix that cell or leave it out (e.g. IFERROR in the source column).',
    ru: '{name}, строка {row}, столбец {col}: {code}. Как и у СУММ, результат — ошибка, пока она есть в диапазоне; исправьте эту ячейку или исключите её (например, ЕСЛИОШИБКА в исходном столбце).',
  }),
  wholeColumn: m(['name'], {
    en: '{name} is a whole column: too large for Excel to pass to a custom function. Give the rows with data, e.g. C2:C100001.',
    ru: '{name} — весь столбец: Excel не может передать пользовательской функции столько данных. Укажите строки с данными, например C2:C100001.',
  }),
  tooLarge: m(['name', 'count', 'mb', 'limitMb'], {
    en: {
      one: '{name} ({count:n} row, about {mb:n} MB) is over the {limitMb:n} MB Excel passes to a custom function in one call. Use a smaller range, or the spill form PARETOSEGMENT(C2:C100001) once instead of one formula per row.',
      other: '{name} ({count:n} rows, about {mb:n} MB) is over the {limitMb:n} MB Excel passes to a custom function in one call. Use a smaller range, or the spill form PARETOSEGMENT(C2:C100001) once instead of one formula per row.',
    },
    ru: {
      one: '{name} ({count:n} строка, около {mb:n} МБ) больше {limitMb:n} МБ, которые Excel передаёт пользовательской функции за один вызов. Возьмите диапазон меньше или форму с разливом PARETOSEGMENT(C2:C100001) один раз вместо формулы в каждой строке.',
      few: '{name} ({count:n} строки, около {mb:n} МБ) больше {limitMb:n} МБ, которые Excel передаёт пользовательской функции за один вызов. Возьмите диапазон меньше или форму с разливом PARETOSEGMENT(C2:C100001) один раз вместо формулы в каждой строке.',
      many: '{name} ({count:n} строк, около {mb:n} МБ) больше {limitMb:n} МБ, которые Excel передаёт пользовательской функции за один вызов. Возьмите диапазон меньше или форму с разливом PARETOSEGMENT(C2:C100001) один раз вместо формулы в каждой строке.',
      other: '{name} ({count:n} строки, около {mb:n} МБ) больше {limitMb:n} МБ, которые Excel передаёт пользовательской функции за один вызов. Возьмите диапазон меньше или форму с разливом PARETOSEGMENT(C2:C100001) один раз вместо формулы в каждой строке.',
    },
  }),
  ruleNotInRange: m(['tier', 'text'], {
    en: 'rules: tier "{tier}" has no amount bar ({text}). Open the task pane and run a review so it can write the bars.',
    ru: 'rules: у уровня «{tier}» нет планки в деньгах ({text}). Откройте панель надстройки и выполните пересмотр, чтобы она записала планки.',
  }),
  unexpected: m(['text'], { en: 'Unexpected problem: {text}', ru: 'Непредвиденная ошибка: {text}' }),
};
