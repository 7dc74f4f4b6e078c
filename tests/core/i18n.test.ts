import { Lang } from '../../src/core/format';
import { CATALOGUE, isMessage, Message, Msg, PLACEHOLDER, PLURAL_CATEGORIES, PluralForms, render } from '../../src/core/i18n';
import { decide, tierBars } from '../../src/core/tiering';
import { parseRuleSet, RuleSet } from '../../src/core/rules';
import { renderMessage } from '../../src/core/messages';
import { M } from '../../src/functions/messages';
import { strings } from '../../src/taskpane/i18n';
import { dashboardStrings } from '../../src/taskpane/dashboard/strings';
import { noticeStrings } from '../../src/taskpane/notices/strings';

const LANGS: Lang[] = ['en', 'ru'];

/** Every message of the catalogue with its path (`pane.review.applied`). */
function messages(node: unknown, path: string[] = []): Array<{ path: string; message: Message }> {
  if (isMessage(node)) return [{ path: path.join('.'), message: node }];
  if (typeof node !== 'object' || node === null) throw new Error(`${path.join('.')}: neither a message nor a group of messages`);
  return Object.entries(node).flatMap(([k, v]) => messages(v, [...path, k]));
}
const ALL = messages(CATALOGUE);
const withArgs = (m: Message): m is Msg => 'args' in m;
const texts = (m: Message, lang: Lang): string[] => {
  const t = m[lang];
  return typeof t === 'string' ? [t] : Object.values(t);
};
const isPlural = (m: Message, lang: Lang) => typeof m[lang] !== 'string';

describe('plural categories', () => {
  test.each(LANGS)('%s: the catalogue asks for exactly the categories Intl.PluralRules reports', (lang) => {
    const reported = new Intl.PluralRules(lang).resolvedOptions().pluralCategories;
    expect([...PLURAL_CATEGORIES[lang]].sort()).toEqual([...reported].sort());
  });
});

describe('the catalogue is complete', () => {
  test('it holds the messages of every area', () => {
    expect(ALL.length).toBeGreaterThan(400);
    for (const area of ['core', 'reasons', 'pane', 'dashboard', 'notices', 'functions', 'workbench', 'status']) expect(ALL.some((x) => x.path.startsWith(`${area}.`))).toBe(true);
  });

  test.each(ALL.map((x) => [x.path, x.message] as const))('%s: both languages, every plural form, every parameter', (path, m) => {
    const keys = Object.keys(m).sort();
    expect(keys).toEqual(withArgs(m) ? ['args', 'en', 'ru'] : ['en', 'ru']);
    for (const lang of LANGS) {
      const t = m[lang];
      if (typeof t !== 'string') {
        // a plural message: exactly the language's categories, `zero` optional
        const forms = Object.keys(t).filter((k) => k !== 'zero').sort();
        expect(forms).toEqual([...PLURAL_CATEGORIES[lang]].sort());
        expect(withArgs(m) && m.args.includes('count')).toBe(true);
      }
      for (const text of texts(m, lang)) {
        expect(text.trim()).not.toBe('');
        expect(text).not.toMatch(/\$\{|undefined|NaN/);
        const used = [...text.matchAll(PLACEHOLDER)].map((x) => x[1]);
        expect(used.filter((u) => !(withArgs(m) && m.args.includes(u)))).toEqual([]);
      }
      // Russian text quotes names with «», not English double quotes (JSON-like examples aside)
      if (lang === 'ru' && !path.startsWith('core.parts.') && !/JSON/.test(texts(m, 'ru').join(''))) for (const text of texts(m, 'ru')) expect(text).not.toMatch(/"/);
    }
    if (withArgs(m)) {
      expect(new Set(m.args).size).toBe(m.args.length);
      const used = new Set(LANGS.flatMap((l) => texts(m, l).flatMap((text) => [...text.matchAll(PLACEHOLDER)].map((x) => x[1]))));
      // `count` may only pick the form ("неизвестные поля …"); every other parameter is shown
      const plural = LANGS.some((l) => isPlural(m, l));
      expect(m.args.filter((a) => !used.has(a) && !(plural && a === 'count'))).toEqual([]);
    } else {
      for (const lang of LANGS) expect(texts(m, lang).join('')).not.toMatch(PLACEHOLDER);
    }
  });

  test('a group may have parts named en and ru: it stays a group', () => {
    expect(strings('ru').source.numberFormat.ru).toBe('Русский: 1,234 = одна целая двести тридцать четыре тысячных');
    expect(strings('en').source.numberFormat.label).toBe('Number format');
  });

  test('a message that speaks of a number of things in English does so in Russian too', () => {
    // the Russian text may avoid agreeing with the number ("Прочитано строк: 5"), but then it
    // must not put a noun right after the count
    const ruNounAfterCount = /\{count(?::n)?\} (?!из\b|—)[а-яё]/i;
    const bad = ALL.filter((x) => isPlural(x.message, 'en') && !isPlural(x.message, 'ru') && ruNounAfterCount.test(texts(x.message, 'ru')[0])).map((x) => x.path);
    expect(bad).toEqual([]);
  });
});

/** The plural category CLDR gives each number, written out by hand (not asked of Intl). */
const RU_CATEGORY: Array<[number, 'one' | 'few' | 'many' | 'other']> = [
  [1, 'one'],
  [2, 'few'],
  [5, 'many'],
  [11, 'many'],
  [21, 'one'],
  [22, 'few'],
  [25, 'many'],
  [101, 'one'],
  [111, 'many'],
  [1.5, 'other'],
];

describe('Russian plurals', () => {
  const plurals = ALL.filter((x) => isPlural(x.message, 'ru')).map((x) => [x.path, x.message as Msg] as const);

  test('every message with a count in either language is here', () => {
    expect(plurals.length).toBeGreaterThan(40);
  });

  test.each(plurals)('%s picks the form of 1, 2, 5, 11, 21, 22, 25, 101, 111 and 1.5', (_path, m) => {
    const forms = m.ru as PluralForms<'ru'>;
    const params = Object.fromEntries(m.args.map((a) => [a, a === 'count' ? 0 : `<${a}>`]));
    for (const [n, category] of RU_CATEGORY) {
      const expected = forms[category].replace(/\{count(:n)?\}/g, String(n).replace('.', ','));
      expect(render('ru', m, { ...params, count: n })).toBe(expected.replace(/\{(\w+)(?::n)?\}/g, (w, a: string) => (m.args.includes(a) && a !== 'count' ? `<${a}>` : w)));
    }
  });

  test.each([
    [1, '1 клиент'],
    [2, '2 клиента'],
    [5, '5 клиентов'],
    [11, '11 клиентов'],
    [21, '21 клиент'],
    [22, '22 клиента'],
    [25, '25 клиентов'],
    [101, '101 клиент'],
    [111, '111 клиентов'],
    [1.5, '1,5 клиента'],
    [12345, '12\u00a0345 клиентов'],
  ])('%s: %s', (n, text) => {
    expect(render('ru', CATALOGUE.dashboard.mix.altPart, { tier: 'VIP', count: n, clientShare: '5 %', revenueShare: '50 %' })).toBe(`VIP: ${text} (5 %), 50 % выручки.`);
  });

  test('the sentences that were wrong read right', () => {
    const t = strings('ru');
    expect(t.review.applied(321, 'Клиенты')).toContain('записаны в 321 строку листа «Клиенты»');
    expect(t.review.applied(322, 'Клиенты')).toContain('записаны в 322 строки листа');
    expect(t.review.applied(325, 'Клиенты')).toContain('записаны в 325 строк листа');
    expect(t.review.clientsNoun(21)).toBe('клиент');
    expect(t.review.clientsNoun(25)).toBe('клиентов');
    expect(t.source.rows(1)).toBe('Прочитана 1 строка');
    expect(t.source.rows(1234)).toBe('Прочитаны 1\u00a0234 строки');
    expect(t.source.rows(1235)).toBe('Прочитано 1\u00a0235 строк');
    const s = dashboardStrings('ru');
    expect(s.intro(21, 'выручка')).toBe('Те же цифры, что в пересмотре: 21 клиент по показателю «выручка».');
    expect(s.kpi.top20Note(64)).toBe('64 крупнейших клиента');
    expect(s.kpi.top20Note(65)).toBe('65 крупнейших клиентов');
    expect(s.inserted('Панель', 2)).toBe('Лист «Панель» обновлён: цифры и 2 диаграммы.');
    expect(s.mix.altPart('VIP', 21, '5 %', '50 %')).toBe('VIP: 21 клиент (5 %), 50 % выручки.');
    const n = noticeStrings('ru');
    expect(n.summary(0)).toBe('После этого пересмотра уведомления никому не нужны.');
    expect(n.summary(21)).toBe('Уведомление нужно 21 клиенту:');
    expect(n.generated(3, 'Уведомления')).toBe('3 уведомления записаны на лист «Уведомления».');
    expect(n.downloaded(5, 'a.docx')).toBe('a.docx: 5 писем, по одному на странице.');
    expect(M.tooLarge('values', 1, 6e6, 5e6).ru).toContain('(1 строка, около');
    expect(renderMessage({ code: 'value.tooFewItems', params: { min: 21 } }, 'ru')).toBe('нужно не меньше 21 элемента');
    expect(renderMessage({ code: 'cell.subtotalRow', params: { rows: 21 } }, 'ru')).toBe('промежуточный итог (равен сумме 21 строки над ним), пропущен');
  });
});

describe('English plurals', () => {
  test('one and other', () => {
    const t = strings('en');
    expect(t.review.applied(1, 'Clients')).toContain('results written for 1 row in Clients');
    expect(t.review.applied(1234, 'Clients')).toContain('results written for 1,234 rows in Clients');
    expect(noticeStrings('en').summary(1)).toBe('1 client needs a notice after this review:');
    expect(noticeStrings('en').summary(2)).toBe('2 clients need a notice after this review:');
    expect(dashboardStrings('en').inserted('Dashboard', 1)).toBe('The “Dashboard” sheet is up to date: figures and 1 chart.');
    expect(renderMessage({ code: 'value.tooManyItems', params: { max: 1 } }, 'en')).toBe('at most 1 item');
  });
});

describe('reasons count their months, orders and reviews', () => {
  const rules = (windowMonths: number, extra: Partial<RuleSet['policy']> = {}, minOrders = 21): RuleSet => {
    const r = parseRuleSet({
      version: 1,
      name: 't',
      measure: 'revenue',
      windowMonths,
      tiers: [
        { name: 'VIP', criteria: { minAmount: 1000, minOrders }, benefits: ['a', 'b'] },
        { name: 'Base', benefits: [] },
      ],
      policy: { graceReviews: 0, benefitSteps: 2, maxStepsDown: 1, hysteresisPct: 0, ...extra },
    });
    if (!r.ok) throw new Error(JSON.stringify(r));
    return r.rules;
  };
  // a window of months known (a log, month columns): the reason names it
  const reason = (rs: RuleSet, input: Parameters<typeof decide>[0]) => decide(input, { rules: rs, bars: tierBars(rs, [input.measure]), window: { months: rs.windowMonths } }).reason;

  test.each([
    [1, 'за 1 месяц', 'over 1 month'],
    [3, 'за 3 месяца', 'over 3 months'],
    [21, 'за 21 месяц', 'over 21 months'],
    [12, 'за 12 месяцев', 'over 12 months'],
  ])('a window of %s months', (months, ru, en) => {
    const r = reason(rules(months), { measure: 5000, orders: 30 });
    expect(r.ru).toContain(ru);
    expect(r.en).toContain(en);
  });

  test('orders: "21 заказ", "1 order", "3 из 21 заказа"', () => {
    const r = reason(rules(6), { measure: 5000, orders: 3 });
    expect(r.ru).toContain('21 заказ');
    expect(r.ru).toContain('3 из 21 заказа');
    expect(reason(rules(6, {}, 1), { measure: 5000, orders: 0 }).en).toContain('1,000 and 1 order (0 of 1 order)');
  });

  test('a benefit step-down after one review says "for 1 review"', () => {
    const r = reason(rules(6), { measure: 10, orders: 30, previousTier: 'VIP', reviewsBelow: 0 });
    expect(r.en).toContain('for 1 review.');
    expect(r.ru).toContain('1-й пересмотр подряд');
  });
});
