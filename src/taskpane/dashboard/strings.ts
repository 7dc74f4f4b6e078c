import { Lang, ruPlural } from '../../core/format';
import type { HhiBand } from '../../core/hhi';
import type { SegmentId } from '../../core/programmePlan';

/**
 * Every text of the dashboard, in English and Russian. Numbers arrive already formatted for the
 * language (formatPercent, formatAmount, money in the workbook's currency).
 */
export interface DashboardStrings {
  heading: string;
  intro: (clients: string, measure: string) => string;
  measure: { revenue: string; margin: string };
  ofMeasure: { revenue: string; margin: string };
  guidelines: string;
  guidelineOption: { 2023: string; 2010: string };
  insert: string;
  inserting: string;
  inserted: (sheet: string, pictures: number) => string;
  insertedNoPictures: (sheet: string) => string;
  skipped: (names: string) => string;
  kpi: {
    region: string;
    clients: string;
    clientsNote: (excluded: number) => string;
    revenue: string;
    measureTotal: (measure: string) => string;
    top20: string;
    top20Note: (clients: string) => string;
    top10: string;
    top10Note: (clients: string) => string;
    gini: string;
    giniNote: string;
    hhi: string;
    hhiBand: Record<HhiBand, string>;
    hhiNote: (equal: string) => string;
    hhiSmall: string;
    atRisk: string;
    atRiskNote: string;
    downgrades: string;
    downgradesNote: (stepDowns: number) => string;
    headline: string;
  };
  pareto: {
    title: string;
    bars: string;
    barsBanded: string;
    cumulative: string;
    mark: (share: string) => string;
    crossing: string;
    xAxis: string;
    yAxis: string;
    yShare: string;
    alt: (p: { clients: string; bands: string | null; crossClients: string; crossShare: string; crossY: string; top20: string; of: string }) => string;
    band: (from: string, to: string) => string;
    tableHead: [string, string, string, string];
  };
  lorenz: {
    title: string;
    curve: string;
    equality: string;
    xAxis: string;
    yAxis: string;
    alt: (p: { gini: string; bottomHalf: string; of: string }) => string;
    tableHead: [string, string];
  };
  mix: {
    title: string;
    clientsShare: string;
    revenueShare: (of: string) => string;
    alt: (parts: string) => string;
    altPart: (tier: string, clients: string, clientShare: string, revenueShare: string) => string;
    tableHead: [string, string, string, string, string, string];
    movementsTitle: string;
    since: (date: string) => string;
    applied: (date: string) => string;
    fromSheet: string;
    noHistory: string;
    counts: (up: number, down: number, same: number, fresh: number, left: number) => string;
    reviewsHead: [string, string, string, string, string, string];
    unknownDate: string;
  };
  matrix: {
    title: string;
    none: string;
    /** periods: complete periods of the review; x, y: cut-offs in percent. */
    caption: (periods: number, period: 'month' | 'quarter', x: number, y: number) => string;
    noClass: string;
    reasons: (few: number, zero: number, negative: number) => string;
    cell: (clients: number, revenue: string) => string;
    abc: string;
    legend: string;
  };
  plan: {
    title: string;
    intro: string;
    segment: Record<SegmentId, string>;
    every: (segment: string) => string;
    keyShare: string;
    partTimeRate: string;
    fullTimeRate: string;
    passMonths: string;
    passFullTime: string;
    tableHead: [string, string, string, string];
    total: string;
    everyMonths: (n: string) => string;
    regular: (perWeek: string, full: number, part: number) => string;
    pass: (clients: number, months: string, perWeek: string, full: number, part: number) => string;
    mix: (full: number, part: number) => string;
    reset: string;
  };
  sheet: {
    subtitle: (rules: string, window: string | null, today: string) => string;
    window: (from: string, to: string) => string;
    head: [string, string, string];
    paretoTitle: string;
    matrixHead: [string, string, string, string, string];
    movements: string;
    planStaff: string;
  };
  dataTable: string;
  noClients: string;
  noCanvas: string;
}

const en: DashboardStrings = {
  heading: 'Dashboard',
  intro: (clients, measure) => `The same figures as the review: ${clients} clients by ${measure}.`,
  measure: { revenue: 'revenue', margin: 'margin' },
  ofMeasure: { revenue: 'of revenue', margin: 'of margin' },
  guidelines: 'HHI bands',
  guidelineOption: { 2023: 'US merger guidelines 2023 (high above 1,800)', 2010: 'US merger guidelines 2010 (1,500 / 2,500)' },
  insert: 'Insert into workbook',
  inserting: 'Writing the dashboard sheet…',
  inserted: (sheet, n) => `The “${sheet}” sheet is up to date: figures and ${n} ${n === 1 ? 'chart' : 'charts'}.`,
  insertedNoPictures: (sheet) => `The “${sheet}” sheet is up to date (figures only: the charts could not be drawn as pictures here).`,
  skipped: (names) => `Left out as too large for Excel: ${names}.`,
  kpi: {
    region: 'Key figures',
    clients: 'Clients',
    clientsNote: (x) => (x > 0 ? `${x} with no positive total left out` : 'all with a positive total'),
    revenue: 'Revenue',
    measureTotal: (m) => `shares below are of ${m}`,
    top20: 'Top 20% share',
    top20Note: (n) => `${n} largest clients`,
    top10: 'Top 10 share',
    top10Note: (n) => `${n} largest clients`,
    gini: 'Gini',
    giniNote: '0 = all equal, 1 = one client has everything',
    hhi: 'HHI',
    hhiBand: { unconcentrated: 'unconcentrated', moderate: 'moderately concentrated', high: 'highly concentrated' },
    hhiNote: (equal) => `as concentrated as ${equal} equal clients.`,
    hhiSmall: 'HHI is always small for a book of this size: read the top shares.',
    atRisk: 'Clients at risk',
    atRiskNote: 'grace warnings: below the bar, status kept this time',
    downgrades: 'Planned downgrades',
    downgradesNote: (s) => (s > 0 ? `one tier down; ${s} more lose benefits` : 'one tier down after the grace period'),
    headline: 'headline',
  },
  pareto: {
    title: 'Revenue concentration (Pareto)',
    bars: 'Revenue per client',
    barsBanded: 'Revenue per client (band average)',
    cumulative: 'Cumulative share',
    mark: (s) => `${s} mark`,
    crossing: 'Crossing',
    xAxis: 'Share of clients, largest first',
    yAxis: 'Revenue per client',
    yShare: 'Cumulative share',
    alt: (p) =>
      `Pareto chart of ${p.clients} clients sorted by revenue${p.bands ? `, grouped into ${p.bands} bands` : ''}. Top ${p.crossShare} of clients (${p.crossClients}) make ${p.crossY} ${p.of}; top 20% of clients make ${p.top20} ${p.of}.`,
    band: (from, to) => (from === to ? `Client ${from}` : `Clients ${from}–${to}`),
    tableHead: ['Clients', 'Total', 'Average per client', 'Cumulative share'],
  },
  lorenz: {
    title: 'Lorenz curve',
    curve: 'Lorenz curve',
    equality: 'Equality line',
    xAxis: 'Share of clients, smallest first',
    yAxis: 'Share of revenue',
    alt: (p) => `Lorenz curve with the equality line. Gini coefficient ${p.gini}: the smaller half of clients make ${p.bottomHalf} ${p.of} (50% if all were equal).`,
    tableHead: ['Share of clients (smallest first)', 'Share of total'],
  },
  mix: {
    title: 'Tier mix',
    clientsShare: 'Share of clients',
    revenueShare: (of) => `Share ${of}`,
    alt: (parts) => `Tier mix. ${parts}`,
    altPart: (tier, clients, cs, rs) => `${tier}: ${clients} clients (${cs}), ${rs} of revenue.`,
    tableHead: ['Tier', 'Clients', 'Revenue', 'Last review', 'Moved in', 'Moved out'],
    movementsTitle: 'Movements',
    since: (d) => `Since the review of ${d}:`,
    applied: (d) => `Applied on ${d}:`,
    fromSheet: 'Against the tiers in the sheet:',
    noHistory: 'No earlier tiers yet: movements appear after the first apply.',
    counts: (up, down, same, fresh, left) => `${up} up, ${down} down, ${same} unchanged, ${fresh} new, ${left} left.`,
    reviewsHead: ['Review', 'Clients', 'Up', 'Down', 'New', 'Grace warnings'],
    unknownDate: '(no date)',
  },
  matrix: {
    title: 'ABC × XYZ',
    none: 'Needs monthly figures: read a sheet with a column per month, or a transaction log.',
    caption: (n, period, x, y) =>
      `Clients by share of revenue (A, B, C) and steadiness by ${period} since each client's first order, over at most ${n} complete ${period === 'month' ? 'months' : 'quarters'} (X steady ≤ ${x}%, Y ≤ ${y}%, Z irregular).`,
    noClass: 'no class',
    reasons: (few, zero, neg) => `No XYZ class: ${few} with fewer than 2 periods since their first order, ${zero} with no sales, ${neg} with more returns than sales.`,
    cell: (n, r) => `${n} (${r})`,
    abc: 'ABC',
    legend: 'clients (revenue)',
  },
  plan: {
    title: 'VIP programme plan',
    intro: 'Meet the most valuable clients monthly, the top 20% quarterly and every client at least once a year; a questionnaire with each client in a yearly pass.',
    segment: { mostValuable: 'Most valuable (top tier)', key: 'Rest of the top 20%', others: 'All other clients' },
    every: (s) => `${s}: every … months`,
    keyShare: 'Top share of clients, %',
    partTimeRate: 'Questionnaires a week, manager who also sells',
    fullTimeRate: 'Questionnaires a week, full-time',
    passMonths: 'Yearly pass over all clients, months',
    passFullTime: 'Full-time people on the pass',
    tableHead: ['Segment', 'Clients', 'Every', 'Meetings a month'],
    total: 'Total',
    everyMonths: (n) => `${n} mo.`,
    regular: (w, f, p) => `Regular meetings: ${w} a week — ${f} full-time or ${p} part-time ${p === 1 ? 'manager' : 'managers'}.`,
    pass: (c, m, w, f, p) => `Yearly pass: ${c} questionnaires in ${m} months, ${w} a week — ${f} full-time or ${p} part-time.`,
    mix: (f, p) => `With ${f} full-time on the pass: ${p} part-time more.`,
    reset: 'Defaults',
  },
  sheet: {
    subtitle: (rules, window, today) => `Rules: ${rules}${window ? ` · review window ${window}` : ''} · inserted ${today}`,
    window: (from, to) => (from ? `${from} – ${to}` : `to ${to}`),
    head: ['Indicator', 'Value', 'Note'],
    paretoTitle: 'Pareto: clients by revenue, largest first',
    matrixHead: ['ABC', 'X', 'Y', 'Z', 'No class'],
    movements: 'Movements',
    planStaff: 'Staff',
  },
  dataTable: 'Data',
  noClients: 'No client has a positive total: nothing to chart.',
  noCanvas: 'Charts need a canvas, which this environment lacks.',
};

const ru: DashboardStrings = {
  heading: 'Панель',
  intro: (clients, measure) => `Те же цифры, что в пересмотре: ${clients} клиентов по показателю «${measure}».`,
  measure: { revenue: 'выручка', margin: 'маржа' },
  ofMeasure: { revenue: 'выручки', margin: 'маржи' },
  guidelines: 'Шкала HHI',
  guidelineOption: { 2023: 'Руководство США по слияниям 2023 (высокая выше 1 800)', 2010: 'Руководство США по слияниям 2010 (1 500 / 2 500)' },
  insert: 'Вставить в книгу',
  inserting: 'Записываю лист панели…',
  inserted: (sheet, n) => `Лист «${sheet}» обновлён: цифры и ${n} ${ruPlural(n, ['диаграмма', 'диаграммы', 'диаграмм'])}.`,
  insertedNoPictures: (sheet) => `Лист «${sheet}» обновлён (только цифры: здесь диаграммы не удалось нарисовать картинками).`,
  skipped: (names) => `Слишком велики для Excel и пропущены: ${names}.`,
  kpi: {
    region: 'Основные показатели',
    clients: 'Клиентов',
    clientsNote: (x) => (x > 0 ? `без положительной суммы не учтено: ${x}` : 'все с положительной суммой'),
    revenue: 'Выручка',
    measureTotal: (m) => `доли ниже — от показателя «${m}»`,
    top20: 'Доля топ-20%',
    top20Note: (n) => `${n} крупнейших клиентов`,
    top10: 'Доля топ-10',
    top10Note: (n) => `${n} крупнейших клиентов`,
    gini: 'Джини',
    giniNote: '0 — все равны, 1 — всё у одного клиента',
    hhi: 'HHI',
    hhiBand: { unconcentrated: 'неконцентрированный', moderate: 'умеренно концентрированный', high: 'высококонцентрированный' },
    hhiNote: (equal) => `концентрация как у ${equal} равных клиентов.`,
    hhiSmall: 'При такой базе HHI всегда мал: смотрите доли крупнейших.',
    atRisk: 'Клиенты под угрозой',
    atRiskNote: 'предупреждения: ниже планки, статус пока сохранён',
    downgrades: 'Плановые понижения',
    downgradesNote: (s) => (s > 0 ? `на один уровень; ещё ${s} теряют часть привилегий` : 'на один уровень после отсрочки'),
    headline: 'главное',
  },
  pareto: {
    title: 'Концентрация выручки (Парето)',
    bars: 'Выручка клиента',
    barsBanded: 'Выручка клиента (в среднем по группе)',
    cumulative: 'Накопленная доля',
    mark: (s) => `Отметка ${s}`,
    crossing: 'Пересечение',
    xAxis: 'Доля клиентов, от крупных',
    yAxis: 'Выручка клиента',
    yShare: 'Накопленная доля',
    alt: (p) =>
      `Диаграмма Парето: ${p.clients} клиентов по убыванию выручки${p.bands ? `, сгруппированы в ${p.bands} групп` : ''}. Топ-${p.crossShare} клиентов (${p.crossClients}) дают ${p.crossY} ${p.of}; топ-20% клиентов дают ${p.top20} ${p.of}.`,
    band: (from, to) => (from === to ? `Клиент ${from}` : `Клиенты ${from}–${to}`),
    tableHead: ['Клиенты', 'Сумма', 'В среднем на клиента', 'Накопленная доля'],
  },
  lorenz: {
    title: 'Кривая Лоренца',
    curve: 'Кривая Лоренца',
    equality: 'Линия равенства',
    xAxis: 'Доля клиентов, от мелких',
    yAxis: 'Доля выручки',
    alt: (p) => `Кривая Лоренца и линия равенства. Коэффициент Джини ${p.gini}: меньшая половина клиентов даёт ${p.bottomHalf} ${p.of} (при равенстве было бы 50 %).`,
    tableHead: ['Доля клиентов (от мелких)', 'Доля итога'],
  },
  mix: {
    title: 'Состав по уровням',
    clientsShare: 'Доля клиентов',
    revenueShare: (of) => `Доля ${of}`,
    alt: (parts) => `Состав по уровням. ${parts}`,
    altPart: (tier, clients, cs, rs) => `${tier}: ${clients} клиентов (${cs}), ${rs} выручки.`,
    tableHead: ['Уровень', 'Клиентов', 'Выручка', 'Прошлый пересмотр', 'Пришло', 'Ушло'],
    movementsTitle: 'Движение',
    since: (d) => `С пересмотра ${d}:`,
    applied: (d) => `Применено ${d}:`,
    fromSheet: 'По сравнению с уровнями в листе:',
    noHistory: 'Прежних уровней пока нет: движение появится после первого применения.',
    counts: (up, down, same, fresh, left) => `повышено ${up}, понижено ${down}, без изменений ${same}, новых ${fresh}, выбыло ${left}.`,
    reviewsHead: ['Пересмотр', 'Клиентов', 'Вверх', 'Вниз', 'Новые', 'Предупреждения'],
    unknownDate: '(без даты)',
  },
  matrix: {
    title: 'ABC × XYZ',
    none: 'Нужны помесячные суммы: прочитайте лист со столбцом на месяц или журнал продаж.',
    caption: (n, period, x, y) =>
      `Клиенты по доле выручки (A, B, C) и стабильности по ${period === 'month' ? 'месяцам' : 'кварталам'} с первого заказа клиента, полных периодов не больше ${n} (X стабильные ≤ ${String(x).replace('.', ',')}\u00a0%, Y ≤ ${String(y).replace('.', ',')}\u00a0%, Z нерегулярные).`,
    noClass: 'без класса',
    reasons: (few, zero, neg) => `Без класса XYZ: меньше двух периодов с первого заказа — ${few}, без продаж — ${zero}, возвратов больше продаж — ${neg}.`,
    cell: (n, r) => `${n} (${r})`,
    abc: 'ABC',
    legend: 'клиентов (выручка)',
  },
  plan: {
    title: 'План VIP-программы',
    intro: 'Самых ценных клиентов — раз в месяц, топ-20% — раз в квартал, всех — не реже раза в год; анкета с каждым клиентом за ежегодный проход.',
    segment: { mostValuable: 'Самые ценные (высший уровень)', key: 'Остальные из топ-20%', others: 'Все остальные' },
    every: (s) => `${s}: раз в … мес.`,
    keyShare: 'Доля крупнейших клиентов, %',
    partTimeRate: 'Анкет в неделю, менеджер, который и продаёт',
    fullTimeRate: 'Анкет в неделю, занятый полностью',
    passMonths: 'Ежегодный проход по всем клиентам, мес.',
    passFullTime: 'Занятых полностью на проходе',
    tableHead: ['Сегмент', 'Клиентов', 'Раз в', 'Встреч в месяц'],
    total: 'Всего',
    everyMonths: (n) => `${n} мес.`,
    regular: (w, f, p) => `Регулярные встречи: ${w} в неделю — нужно занятых полностью: ${f}, или совмещающих с продажами: ${p}.`,
    pass: (c, m, w, f, p) => `Ежегодный проход: ${c} анкет за ${m} мес., ${w} в неделю — нужно занятых полностью: ${f}, или совмещающих: ${p}.`,
    mix: (f, p) => `Если на проходе занятых полностью ${f}: ещё совмещающих ${p}.`,
    reset: 'По умолчанию',
  },
  sheet: {
    subtitle: (rules, window, today) => `Правила: ${rules}${window ? ` · период ${window}` : ''} · вставлено ${today}`,
    window: (from, to) => (from ? `${from} – ${to}` : `по ${to}`),
    head: ['Показатель', 'Значение', 'Пояснение'],
    paretoTitle: 'Парето: клиенты по убыванию выручки',
    matrixHead: ['ABC', 'X', 'Y', 'Z', 'Без класса'],
    movements: 'Движение',
    planStaff: 'Сотрудники',
  },
  dataTable: 'Данные',
  noClients: 'Ни у одного клиента нет положительной суммы: нечего показать.',
  noCanvas: 'Для диаграмм нужен canvas, его здесь нет.',
};

export function dashboardStrings(lang: Lang): DashboardStrings {
  return lang === 'ru' ? ru : en;
}
