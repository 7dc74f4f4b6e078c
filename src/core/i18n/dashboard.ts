import { m } from './message';

/** "64 largest clients" (the top-20% and top-10 cards). */
const largestClients = m(['count'], {
  en: { one: '{count:n} largest client', other: '{count:n} largest clients' },
  ru: {
    one: '{count:n} крупнейший клиент',
    few: '{count:n} крупнейших клиента',
    many: '{count:n} крупнейших клиентов',
    other: '{count:n} крупнейшего клиента',
  },
});

/**
 * The dashboard's texts (src/taskpane/dashboard). Numbers arrive formatted for the language
 * (formatPercent, formatAmount, money in the workbook's currency), counts as numbers.
 */
export const dashboard = {
  heading: { en: 'Dashboard', ru: 'Панель' },
  intro: m(['count', 'measure'], {
    en: { one: 'The same figures as the review: {count:n} client by {measure}.', other: 'The same figures as the review: {count:n} clients by {measure}.' },
    ru: {
      one: 'Те же цифры, что в пересмотре: {count:n} клиент по показателю «{measure}».',
      few: 'Те же цифры, что в пересмотре: {count:n} клиента по показателю «{measure}».',
      many: 'Те же цифры, что в пересмотре: {count:n} клиентов по показателю «{measure}».',
      other: 'Те же цифры, что в пересмотре: {count:n} клиента по показателю «{measure}».',
    },
  }),
  measure: {
    revenue: { en: 'revenue', ru: 'выручка' },
    margin: { en: 'margin', ru: 'маржа' },
  },
  ofMeasure: {
    revenue: { en: 'of revenue', ru: 'выручки' },
    margin: { en: 'of margin', ru: 'маржи' },
  },
  guidelines: { en: 'HHI bands', ru: 'Шкала HHI' },
  guidelineOption: {
    '2010': { en: 'US merger guidelines 2010 (1,500 / 2,500)', ru: 'Руководство США по слияниям 2010 (1 500 / 2 500)' },
    '2023': { en: 'US merger guidelines 2023 (high above 1,800)', ru: 'Руководство США по слияниям 2023 (высокая выше 1 800)' },
  },
  insert: { en: 'Insert into workbook', ru: 'Вставить в книгу' },
  inserting: { en: 'Writing the dashboard sheet…', ru: 'Записываю лист панели…' },
  inserted: m(['sheet', 'count'], {
    en: { one: 'The “{sheet}” sheet is up to date: figures and {count:n} chart.', other: 'The “{sheet}” sheet is up to date: figures and {count:n} charts.' },
    ru: {
      one: 'Лист «{sheet}» обновлён: цифры и {count:n} диаграмма.',
      few: 'Лист «{sheet}» обновлён: цифры и {count:n} диаграммы.',
      many: 'Лист «{sheet}» обновлён: цифры и {count:n} диаграмм.',
      other: 'Лист «{sheet}» обновлён: цифры и {count:n} диаграммы.',
    },
  }),
  insertedNoPictures: m(['sheet'], {
    en: 'The “{sheet}” sheet is up to date (figures only: the charts could not be drawn as pictures here).',
    ru: 'Лист «{sheet}» обновлён (только цифры: здесь диаграммы не удалось нарисовать картинками).',
  }),
  skipped: m(['names'], { en: 'Left out as too large for Excel: {names}.', ru: 'Слишком велики для Excel и пропущены: {names}.' }),
  kpi: {
    region: { en: 'Key figures', ru: 'Основные показатели' },
    revenueBase: m(['amount'], { en: 'positive totals, the base of the shares; all clients: {amount}', ru: 'положительные итоги — база долей; по всем клиентам: {amount}' }),
    clients: { en: 'Clients', ru: 'Клиентов' },
    clientsNote: m(['count'], {
      en: { zero: 'all with a positive total', one: '{count:n} with no positive total left out', other: '{count:n} with no positive total left out' },
      ru: {
        zero: 'все с положительной суммой',
        one: '{count:n} клиент без положительной суммы не учтён',
        few: '{count:n} клиента без положительной суммы не учтены',
        many: '{count:n} клиентов без положительной суммы не учтено',
        other: '{count:n} клиента без положительной суммы не учтено',
      },
    }),
    revenue: { en: 'Revenue', ru: 'Выручка' },
    measureTotal: m(['measure'], { en: 'shares below are of {measure}', ru: 'доли ниже — от показателя «{measure}»' }),
    top20: { en: 'Top 20% share', ru: 'Доля топ-20%' },
    top20Note: largestClients,
    top10: { en: 'Top 10 share', ru: 'Доля топ-10' },
    top10Note: largestClients,
    gini: { en: 'Gini', ru: 'Джини' },
    giniNote: { en: '0 = all equal, 1 = one client has everything', ru: '0 — все равны, 1 — всё у одного клиента' },
    hhi: { en: 'HHI', ru: 'HHI' },
    hhiBand: {
      unconcentrated: { en: 'unconcentrated', ru: 'неконцентрированный' },
      moderate: { en: 'moderately concentrated', ru: 'умеренно концентрированный' },
      high: { en: 'highly concentrated', ru: 'высококонцентрированный' },
    },
    hhiNote: m(['count'], {
      en: { one: 'as concentrated as {count:n} equal client.', other: 'as concentrated as {count:n} equal clients.' },
      ru: {
        one: 'концентрация как у {count:n} равного клиента.',
        few: 'концентрация как у {count:n} равных клиентов.',
        many: 'концентрация как у {count:n} равных клиентов.',
        other: 'концентрация как у {count:n} равного клиента.',
      },
    }),
    hhiSmall: { en: 'HHI is always small for a book of this size: read the top shares.', ru: 'При такой базе HHI всегда мал: смотрите доли крупнейших.' },
    atRisk: { en: 'Clients at risk', ru: 'Клиенты под угрозой' },
    atRiskNote: { en: 'grace warnings: below the bar, status kept this time', ru: 'предупреждения: ниже планки, статус пока сохранён' },
    downgrades: { en: 'Planned downgrades', ru: 'Плановые понижения' },
    downgradesNote: m(['count'], {
      en: { zero: 'one tier down after the grace period', one: 'one tier down; {count:n} more loses benefits', other: 'one tier down; {count:n} more lose benefits' },
      ru: {
        zero: 'на один уровень после отсрочки',
        one: 'на один уровень; ещё {count:n} клиент теряет часть привилегий',
        few: 'на один уровень; ещё {count:n} клиента теряют часть привилегий',
        many: 'на один уровень; ещё {count:n} клиентов теряют часть привилегий',
        other: 'на один уровень; ещё {count:n} клиента теряют часть привилегий',
      },
    }),
    headline: { en: 'headline', ru: 'главное' },
  },
  pareto: {
    title: { en: 'Revenue concentration (Pareto)', ru: 'Концентрация выручки (Парето)' },
    bars: { en: 'Revenue per client', ru: 'Выручка клиента' },
    barsBanded: { en: 'Revenue per client (band average)', ru: 'Выручка клиента (в среднем по группе)' },
    cumulative: { en: 'Cumulative share', ru: 'Накопленная доля' },
    mark: m(['share'], { en: '{share} mark', ru: 'Отметка {share}' }),
    crossing: { en: 'Crossing', ru: 'Пересечение' },
    xAxis: { en: 'Share of clients, largest first', ru: 'Доля клиентов, от крупных' },
    yAxis: { en: 'Revenue per client', ru: 'Выручка клиента' },
    yShare: { en: 'Cumulative share', ru: 'Накопленная доля' },
    alt: m(['count', 'bands', 'crossShare', 'crossClients', 'crossY', 'of', 'top20'], {
      en: {
        one: 'Pareto chart of {count:n} client sorted by revenue{bands}. Top {crossShare} of clients ({crossClients}) make {crossY} {of}; top 20% of clients make {top20} {of}.',
        other: 'Pareto chart of {count:n} clients sorted by revenue{bands}. Top {crossShare} of clients ({crossClients}) make {crossY} {of}; top 20% of clients make {top20} {of}.',
      },
      ru: {
        one: 'Диаграмма Парето: {count:n} клиент по убыванию выручки{bands}. Топ-{crossShare} клиентов ({crossClients}) дают {crossY} {of}; топ-20% клиентов дают {top20} {of}.',
        few: 'Диаграмма Парето: {count:n} клиента по убыванию выручки{bands}. Топ-{crossShare} клиентов ({crossClients}) дают {crossY} {of}; топ-20% клиентов дают {top20} {of}.',
        many: 'Диаграмма Парето: {count:n} клиентов по убыванию выручки{bands}. Топ-{crossShare} клиентов ({crossClients}) дают {crossY} {of}; топ-20% клиентов дают {top20} {of}.',
        other: 'Диаграмма Парето: {count:n} клиента по убыванию выручки{bands}. Топ-{crossShare} клиентов ({crossClients}) дают {crossY} {of}; топ-20% клиентов дают {top20} {of}.',
      },
    }),
    /** The part of `alt` that says the bars are grouped ("" when they are not). */
    altBands: m(['count'], {
      en: { one: ', grouped into {count:n} band', other: ', grouped into {count:n} bands' },
      ru: {
        one: ', сгруппированы в {count:n} группу',
        few: ', сгруппированы в {count:n} группы',
        many: ', сгруппированы в {count:n} групп',
        other: ', сгруппированы в {count:n} группы',
      },
    }),
    band: m(['from', 'to'], { en: 'Clients {from}–{to}', ru: 'Клиенты {from}–{to}' }),
    bandOne: m(['from'], { en: 'Client {from}', ru: 'Клиент {from}' }),
    tableHead: [
      { en: 'Clients', ru: 'Клиенты' },
      { en: 'Total', ru: 'Сумма' },
      { en: 'Average per client', ru: 'В среднем на клиента' },
      { en: 'Cumulative share', ru: 'Накопленная доля' },
    ],
  },
  lorenz: {
    title: { en: 'Lorenz curve', ru: 'Кривая Лоренца' },
    curve: { en: 'Lorenz curve', ru: 'Кривая Лоренца' },
    equality: { en: 'Equality line', ru: 'Линия равенства' },
    xAxis: { en: 'Share of clients, smallest first', ru: 'Доля клиентов, от мелких' },
    yAxis: { en: 'Share of revenue', ru: 'Доля выручки' },
    alt: m(['gini', 'bottomHalf', 'of'], {
      en: 'Lorenz curve with the equality line. Gini coefficient {gini}: the smaller half of clients make {bottomHalf} {of} (50% if all were equal).',
      ru: 'Кривая Лоренца и линия равенства. Коэффициент Джини {gini}: меньшая половина клиентов даёт {bottomHalf} {of} (при равенстве было бы 50\u00a0%).',
    }),
    tableHead: [
      { en: 'Share of clients (smallest first)', ru: 'Доля клиентов (от мелких)' },
      { en: 'Share of total', ru: 'Доля итога' },
    ],
  },
  mix: {
    title: { en: 'Tier mix', ru: 'Состав по уровням' },
    clientsShare: { en: 'Share of clients', ru: 'Доля клиентов' },
    revenueShare: m(['of'], { en: 'Share {of}', ru: 'Доля {of}' }),
    alt: m(['parts'], { en: 'Tier mix. {parts}', ru: 'Состав по уровням. {parts}' }),
    altPart: m(['tier', 'count', 'clientShare', 'revenueShare'], {
      en: { one: '{tier}: {count:n} client ({clientShare}), {revenueShare} of revenue.', other: '{tier}: {count:n} clients ({clientShare}), {revenueShare} of revenue.' },
      ru: {
        one: '{tier}: {count:n} клиент ({clientShare}), {revenueShare} выручки.',
        few: '{tier}: {count:n} клиента ({clientShare}), {revenueShare} выручки.',
        many: '{tier}: {count:n} клиентов ({clientShare}), {revenueShare} выручки.',
        other: '{tier}: {count:n} клиента ({clientShare}), {revenueShare} выручки.',
      },
    }),
    tableHead: [
      { en: 'Tier', ru: 'Уровень' },
      { en: 'Clients', ru: 'Клиентов' },
      { en: 'Revenue', ru: 'Выручка' },
      { en: 'Last review', ru: 'Прошлый пересмотр' },
      { en: 'Moved in', ru: 'Пришло' },
      { en: 'Moved out', ru: 'Ушло' },
    ],
    movementsTitle: { en: 'Movements', ru: 'Движение' },
    since: m(['date'], { en: 'Since the review of {date}:', ru: 'С пересмотра {date}:' }),
    applied: m(['date'], { en: 'Applied on {date}:', ru: 'Применено {date}:' }),
    fromSheet: { en: 'Against the tiers in the sheet:', ru: 'По сравнению с уровнями в листе:' },
    noHistory: { en: 'No earlier tiers yet: movements appear after the first apply.', ru: 'Прежних уровней пока нет: движение появится после первого применения.' },
    counts: m(['up', 'down', 'same', 'fresh', 'left'], {
      en: '{up} up, {down} down, {same} unchanged, {fresh} new, {left} left.',
      ru: 'повышено {up}, понижено {down}, без изменений {same}, новых {fresh}, выбыло {left}.',
    }),
    reviewsHead: [
      { en: 'Review', ru: 'Пересмотр' },
      { en: 'Clients', ru: 'Клиентов' },
      { en: 'Up', ru: 'Вверх' },
      { en: 'Down', ru: 'Вниз' },
      { en: 'New', ru: 'Новые' },
      { en: 'Grace warnings', ru: 'Предупреждения' },
    ],
    unknownDate: { en: '(no date)', ru: '(без даты)' },
  },
  matrix: {
    title: { en: 'ABC × XYZ', ru: 'ABC × XYZ' },
    none: { en: 'Needs monthly figures: read a sheet with a column per month, or a transaction log.', ru: 'Нужны помесячные суммы: прочитайте лист со столбцом на месяц или журнал продаж.' },
    captionMonth: m(['count', 'x', 'y'], {
      en: {
        one: "Clients by share of revenue (A, B, C) and steadiness by month since each client's first order, over at most {count} complete month (X steady ≤ {x}%, Y ≤ {y}%, Z irregular).",
        other: "Clients by share of revenue (A, B, C) and steadiness by month since each client's first order, over at most {count} complete months (X steady ≤ {x}%, Y ≤ {y}%, Z irregular).",
      },
      ru: {
        one: 'Клиенты по доле выручки (A, B, C) и стабильности по месяцам с первого заказа клиента, не больше {count} полного месяца (X стабильные ≤ {x}\u00a0%, Y ≤ {y}\u00a0%, Z нерегулярные).',
        few: 'Клиенты по доле выручки (A, B, C) и стабильности по месяцам с первого заказа клиента, не больше {count} полных месяцев (X стабильные ≤ {x}\u00a0%, Y ≤ {y}\u00a0%, Z нерегулярные).',
        many: 'Клиенты по доле выручки (A, B, C) и стабильности по месяцам с первого заказа клиента, не больше {count} полных месяцев (X стабильные ≤ {x}\u00a0%, Y ≤ {y}\u00a0%, Z нерегулярные).',
        other: 'Клиенты по доле выручки (A, B, C) и стабильности по месяцам с первого заказа клиента, не больше {count} полного месяца (X стабильные ≤ {x}\u00a0%, Y ≤ {y}\u00a0%, Z нерегулярные).',
      },
    }),
    captionQuarter: m(['count', 'x', 'y'], {
      en: {
        one: "Clients by share of revenue (A, B, C) and steadiness by quarter since each client's first order, over at most {count} complete quarter (X steady ≤ {x}%, Y ≤ {y}%, Z irregular).",
        other: "Clients by share of revenue (A, B, C) and steadiness by quarter since each client's first order, over at most {count} complete quarters (X steady ≤ {x}%, Y ≤ {y}%, Z irregular).",
      },
      ru: {
        one: 'Клиенты по доле выручки (A, B, C) и стабильности по кварталам с первого заказа клиента, не больше {count} полного квартала (X стабильные ≤ {x}\u00a0%, Y ≤ {y}\u00a0%, Z нерегулярные).',
        few: 'Клиенты по доле выручки (A, B, C) и стабильности по кварталам с первого заказа клиента, не больше {count} полных кварталов (X стабильные ≤ {x}\u00a0%, Y ≤ {y}\u00a0%, Z нерегулярные).',
        many: 'Клиенты по доле выручки (A, B, C) и стабильности по кварталам с первого заказа клиента, не больше {count} полных кварталов (X стабильные ≤ {x}\u00a0%, Y ≤ {y}\u00a0%, Z нерегулярные).',
        other: 'Клиенты по доле выручки (A, B, C) и стабильности по кварталам с первого заказа клиента, не больше {count} полного квартала (X стабильные ≤ {x}\u00a0%, Y ≤ {y}\u00a0%, Z нерегулярные).',
      },
    }),
    noClass: { en: 'no class', ru: 'без класса' },
    reasons: m(['few', 'zero', 'negative'], {
      en: 'No XYZ class: {few} with fewer than 2 periods since their first order, {zero} with no sales, {negative} with more returns than sales.',
      ru: 'Без класса XYZ: меньше двух периодов с первого заказа — {few}, без продаж — {zero}, возвратов больше продаж — {negative}.',
    }),
    cell: m(['clients', 'revenue'], { en: '{clients} ({revenue})', ru: '{clients} ({revenue})' }),
    abc: { en: 'ABC', ru: 'ABC' },
    legend: { en: 'clients (revenue)', ru: 'клиентов (выручка)' },
  },
  plan: {
    title: { en: 'VIP programme plan', ru: 'План VIP-программы' },
    intro: { en: 'Meet the most valuable clients monthly, the top 20% quarterly and every client at least once a year; a questionnaire with each client in a yearly pass.', ru: 'Самых ценных клиентов — раз в месяц, топ-20% — раз в квартал, всех — не реже раза в год; анкета с каждым клиентом за ежегодный проход.' },
    segment: {
      mostValuable: { en: 'Most valuable (top tier)', ru: 'Самые ценные (высший уровень)' },
      key: { en: 'Rest of the top 20%', ru: 'Остальные из топ-20%' },
      others: { en: 'All other clients', ru: 'Все остальные' },
    },
    every: m(['segment'], { en: '{segment}: every … months', ru: '{segment}: раз в … мес.' }),
    keyShare: { en: 'Top share of clients, %', ru: 'Доля крупнейших клиентов, %' },
    partTimeRate: { en: 'Questionnaires a week, manager who also sells', ru: 'Анкет в неделю, менеджер, который и продаёт' },
    fullTimeRate: { en: 'Questionnaires a week, full-time', ru: 'Анкет в неделю, занятый полностью' },
    passMonths: { en: 'Yearly pass over all clients, months', ru: 'Ежегодный проход по всем клиентам, мес.' },
    passFullTime: { en: 'Full-time people on the pass', ru: 'Занятых полностью на проходе' },
    tableHead: [
      { en: 'Segment', ru: 'Сегмент' },
      { en: 'Clients', ru: 'Клиентов' },
      { en: 'Every', ru: 'Раз в' },
      { en: 'Meetings a month', ru: 'Встреч в месяц' },
    ],
    total: { en: 'Total', ru: 'Всего' },
    everyMonths: m(['months'], { en: '{months} mo.', ru: '{months} мес.' }),
    regular: m(['perWeek', 'fullTime', 'count'], {
      en: {
        one: 'Regular meetings: {perWeek} a week — {fullTime} full-time or {count} part-time manager.',
        other: 'Regular meetings: {perWeek} a week — {fullTime} full-time or {count} part-time managers.',
      },
      ru: 'Регулярные встречи: {perWeek} в неделю — нужно занятых полностью: {fullTime}, или совмещающих с продажами: {count}.',
    }),
    pass: m(['count', 'months', 'perWeek', 'fullTime', 'partTime'], {
      en: {
        one: 'Yearly pass: {count:n} questionnaire in {months} months, {perWeek} a week — {fullTime} full-time or {partTime} part-time.',
        other: 'Yearly pass: {count:n} questionnaires in {months} months, {perWeek} a week — {fullTime} full-time or {partTime} part-time.',
      },
      ru: {
        one: 'Ежегодный проход: {count:n} анкета за {months} мес., {perWeek} в неделю — нужно занятых полностью: {fullTime}, или совмещающих: {partTime}.',
        few: 'Ежегодный проход: {count:n} анкеты за {months} мес., {perWeek} в неделю — нужно занятых полностью: {fullTime}, или совмещающих: {partTime}.',
        many: 'Ежегодный проход: {count:n} анкет за {months} мес., {perWeek} в неделю — нужно занятых полностью: {fullTime}, или совмещающих: {partTime}.',
        other: 'Ежегодный проход: {count:n} анкеты за {months} мес., {perWeek} в неделю — нужно занятых полностью: {fullTime}, или совмещающих: {partTime}.',
      },
    }),
    mix: m(['fullTime', 'partTime'], { en: 'With {fullTime} full-time on the pass: {partTime} part-time more.', ru: 'Если на проходе занятых полностью {fullTime}: ещё совмещающих {partTime}.' }),
    reset: { en: 'Defaults', ru: 'По умолчанию' },
  },
  sheet: {
    subtitle: m(['rules', 'window', 'today'], { en: 'Rules: {rules} · review window {window} · inserted {today}', ru: 'Правила: {rules} · период {window} · вставлено {today}' }),
    subtitleNoWindow: m(['rules', 'today'], { en: 'Rules: {rules} · inserted {today}', ru: 'Правила: {rules} · вставлено {today}' }),
    window: m(['from', 'to'], { en: '{from} – {to}', ru: '{from} – {to}' }),
    windowTo: m(['to'], { en: 'to {to}', ru: 'по {to}' }),
    head: [
      { en: 'Indicator', ru: 'Показатель' },
      { en: 'Value', ru: 'Значение' },
      { en: 'Note', ru: 'Пояснение' },
    ],
    paretoTitle: { en: 'Pareto: clients by revenue, largest first', ru: 'Парето: клиенты по убыванию выручки' },
    matrixHead: [
      { en: 'ABC', ru: 'ABC' },
      { en: 'X', ru: 'X' },
      { en: 'Y', ru: 'Y' },
      { en: 'Z', ru: 'Z' },
      { en: 'No class', ru: 'Без класса' },
    ],
    movements: { en: 'Movements', ru: 'Движение' },
    planStaff: { en: 'Staff', ru: 'Сотрудники' },
  },
  dataTable: { en: 'Data', ru: 'Данные' },
  noClients: { en: 'No client has a positive total: nothing to chart.', ru: 'Ни у одного клиента нет положительной суммы: нечего показать.' },
  noCanvas: { en: 'Charts need a canvas, which this environment lacks.', ru: 'Для диаграмм нужен canvas, его здесь нет.' },
};
