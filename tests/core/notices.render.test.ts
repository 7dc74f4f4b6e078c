/**
 * Rendering every notice template in both languages with the real sample workbooks, including
 * names with quotes, <, =, placeholders and very long text.
 */
import { Analysis, ClientResult } from '../../src/core/analyze';
import { formatAmount, formatDay, Lang } from '../../src/core/format';
import {
  buildNotices,
  DEFAULT_TEMPLATES,
  measureWord,
  missingReport,
  money,
  Notice,
  NOTICE_PERIOD_DAYS,
  NOTICE_TYPES,
  noticeCounts,
  noticeFor,
  NoticeTemplates,
  NoticeType,
  noticeValues,
  PLACEHOLDER_NAMES,
  policyText,
  render,
  renderNotice,
  reviewEndDay,
  tierRulesText,
  windowWords,
} from '../../src/core/notices';
import { STATUSES } from '../../src/core/tiering';
import { DEFAULT_RULES } from '../../src/core/rules';
import { HOSTILE_NAMES, hostileGrid, LONG_NAME, samples, Samples } from './notices.samples';

const LANGS: Lang[] = ['en', 'ru'];
/** 2 Jan 2026 — the letters' date. */
const DAY = 20455;
const SET: Record<Lang, NoticeTemplates> = {
  en: { ...DEFAULT_TEMPLATES, company: 'Northwind Print', newManager: 'the Client Care desk' },
  ru: { ...DEFAULT_TEMPLATES, company: 'Печатница', newManager: 'отдел по работе с клиентами' },
};

const loaded = new Map<Lang, Promise<Samples>>();
function sample(lang: Lang): Promise<Samples> {
  let p = loaded.get(lang);
  if (!p) loaded.set(lang, (p = samples(lang)));
  return p;
}

/** The analysis of the sample in which this notice type occurs. */
function analysisFor(s: Samples, type: NoticeType): Analysis {
  return type === 'down' ? s.down : type === 'stepdown' ? s.steps : s.base;
}

function firstOf(a: Analysis, type: NoticeType): ClientResult {
  const c = type === 'criteria' ? a.clients.find((x) => x.decision.status === 'keep') : a.clients.find((x) => noticeFor(x) === type);
  if (!c) throw new Error(`no ${type} client in the sample`);
  return c;
}

/** Words of blame or threat that a polite notice never uses. */
const HARSH: Record<Lang, RegExp> = {
  en: /\b(unfortunately|regret|fail(ed|ure)?|penalt(y|ies)|punish|must|demote|downgrad|lose|lost|warning|insufficient|poor)\b/i,
  ru: /(к сожалению|вынуждены|обязаны|штраф|наказ|понижен|разжал|лишени|недостаточн|плох|провал|теряете|потеряли)/i,
};

describe.each(LANGS)('default templates with the %s sample', (lang) => {
  test.each(NOTICE_TYPES)('%s: renders with the real figures, every placeholder filled', async (type) => {
    const s = await sample(lang);
    const a = analysisFor(s, type);
    const c = firstOf(a, type);
    const n = renderNotice(c, a, SET[lang], type, { lang, day: DAY });
    expect(n.missing).toEqual([]);
    expect(n.subject).not.toMatch(/\{\{|\}\}|\n/);
    expect(n.body).not.toMatch(/\{\{|\}\}/);
    expect(n.subject).toContain(c.name);
    expect(n.body).toContain(c.contact!);
    expect(n.body).toContain(c.manager!);
    expect(n.body).toContain(SET[lang].company);
    // concrete figures: the client's own figure, in the letter's language
    expect(n.body).toContain(formatAmount(c.total, lang));
    expect(n.body).toContain(formatDay(reviewEndDay(a)!, lang));
    // no blame, no threat
    expect(n.subject + n.body).not.toMatch(HARSH[lang]);
    // a greeting first, a signature last
    expect(n.body.split('\n')[0]).toBe(lang === 'en' ? `Dear ${c.contact},` : `Здравствуйте, ${c.contact}!`);
    expect(n.body.trim().split('\n').slice(-3)).toEqual([lang === 'en' ? 'Kind regards,' : 'С уважением,', c.manager, SET[lang].company]);
    const d = c.decision;
    const bar = formatAmount(d.bar!, lang);
    const next = formatDay(a.review!.graceUntilDay, lang);
    const effective = formatDay(DAY + NOTICE_PERIOD_DAYS, lang);
    switch (type) {
      case 'grace':
        // below the bar, the status is kept until a date, and the figure that keeps it
        expect(d.gap!).toBeGreaterThan(0);
        expect(n.subject).toContain(next);
        expect(n.body).toContain(formatAmount(d.gap!, lang));
        expect(n.body).toContain(bar);
        expect(n.body).toContain(d.tier);
        expect(n.body).toMatch(lang === 'en' ? /stays exactly as it is until/ : /сохраняются за вами без изменений до/);
        break;
      case 'down':
        // from a date a named desk serves them; what stays; different, not worse; how to return
        expect(d.previousTier).not.toBe(d.tier);
        expect(n.subject).toContain(effective);
        expect(n.body).toContain(SET[lang].newManager);
        expect(n.body).toContain(d.previousTier!);
        expect(n.body).toContain(d.tier);
        expect(n.body).toContain(bar);
        expect(n.body).toMatch(lang === 'en' ? /What stays the same/ : /Что остаётся прежним/);
        expect(n.body).toMatch(lang === 'en' ? /a different format of work, not a lesser one/ : /другой формат работы, а не работа хуже/);
        expect(n.body).toMatch(lang === 'en' ? /The way back/ : /Путь назад/);
        // the next review: the first day of the next period
        expect(n.body).toContain(formatDay(a.nextReviewDay!, lang));
        break;
      case 'stepdown': {
        expect(d.benefitsRemoved.length).toBeGreaterThan(0);
        expect(n.subject).toContain(effective);
        const ru: Record<string, string> = { 'Extended payment terms': 'Отсрочка платежа', 'Priority delivery': 'Приоритетная доставка', 'Quarterly review meeting': 'Ежеквартальная встреча по итогам работы' };
        for (const b of d.benefitsRemoved) expect(n.body).toContain(`• ${lang === 'en' ? b : ru[b]}`);
        expect(n.body).toContain(bar);
        break;
      }
      case 'up':
        expect(n.subject).toContain(d.tier);
        expect(n.body).toContain(bar);
        for (const b of a.rules.tiers[d.tierIndex].benefits) if (lang === 'en') expect(n.body).toContain(`• ${b}`);
        expect(n.body).toMatch(/• /);
        break;
      case 'criteria':
        // the rules stated openly: every tier with its bar
        for (const bar of a.bars.slice(0, -1)) expect(n.body).toContain(formatAmount(bar.minAmount!, lang));
        for (const t of a.rules.tiers) expect(n.body).toContain(`• ${t.name} — `);
        expect(n.body).toContain(policyText(a.rules, lang));
        break;
    }
  });

  test('every client whose status calls for a notice gets exactly one, of the right type', async () => {
    const s = await sample(lang);
    for (const a of [s.base, s.down, s.steps]) {
      const notices = buildNotices(a, SET[lang], { lang, day: DAY });
      const expected = a.clients.filter((c) => ['grace', 'down', 'stepdown', 'up'].includes(c.decision.status));
      expect(notices).toHaveLength(expected.length);
      expect(new Set(notices.map((n) => n.key)).size).toBe(notices.length);
      for (const n of notices) {
        const c = a.clients.find((x) => x.key === n.key)!;
        expect(n.type).toBe(c.decision.status);
        expect(n.day).toBe(DAY);
        expect(n.lang).toBe(lang);
        expect(n.missing).toEqual([]);
      }
      const counts = noticeCounts(a);
      expect(counts.grace + counts.down + counts.stepdown + counts.up).toBe(notices.length);
    }
    // the sample has all four kinds across the three rule sets
    expect(s.base.statuses.grace).toBeGreaterThan(0);
    expect(s.base.statuses.up).toBeGreaterThan(0);
    expect(s.down.statuses.down).toBe(s.base.statuses.grace);
    expect(s.steps.statuses.stepdown).toBe(s.base.statuses.grace);
  });

  test('criteria letters on demand: one per notified client, after its notice', async () => {
    const s = await sample(lang);
    const notices = buildNotices(s.base, SET[lang], { lang, day: DAY, criteria: true });
    const plain = buildNotices(s.base, SET[lang], { lang, day: DAY });
    expect(notices).toHaveLength(plain.length * 2);
    for (let i = 0; i < notices.length; i += 2) {
      expect(notices[i + 1].type).toBe('criteria');
      expect(notices[i + 1].key).toBe(notices[i].key);
    }
  });

  test('names with quotes, <, =, placeholders and very long text stay exactly as typed', async () => {
    const { grid, names } = await hostileGrid(lang);
    const s = await samples(lang, grid);
    const all: Notice[] = [];
    for (const a of [s.base, s.down, s.steps]) all.push(...buildNotices(a, SET[lang], { lang, day: DAY, criteria: true }));
    for (const name of new Set(names)) {
      const mine = all.filter((n) => n.client === name);
      expect(mine.length).toBeGreaterThan(0);
      for (const n of mine) {
        expect(n.subject.startsWith(`${name}: `)).toBe(true);
        if (SET[lang].templates[n.type][lang].body.includes('{{client}}')) expect(n.body).toContain(name);
        expect(n.body).toContain(lang === 'en' ? `Dear "Ann" <O'Hara> & =Co,` : `Здравствуйте, "Ann" <O'Hara> & =Co!`);
        expect(n.missing).toEqual([]);
      }
    }
    expect(names).toEqual(expect.arrayContaining(HOSTILE_NAMES));
    // a name is inserted once and never read as a placeholder: "{{company}}" stays literal
    for (const literal of all.filter((n) => n.client.startsWith('{{company}}'))) {
      expect(literal.subject.startsWith(`${literal.client}: `)).toBe(true);
      expect(literal.subject).not.toContain(SET[lang].company);
      if (literal.body.includes('Trading')) expect(literal.body).toContain(literal.client);
    }
    const long = all.find((n) => n.client === LONG_NAME)!;
    expect(long.subject.length).toBeGreaterThan(LONG_NAME.length);
    expect(long.body).toContain(LONG_NAME);
  });

  test('missing values are reported per template, naming the clients, and kept visible in the letter', async () => {
    const s = await sample(lang);
    const grid = s.grid.map((r) => [...r]);
    const a0 = s.base;
    const grace = a0.clients.filter((c) => c.decision.status === 'grace');
    // blank the contact of two grace clients
    for (const c of grace.slice(0, 2)) grid[c.rows[0]][2] = '';
    const a = (await samples(lang, grid)).base;
    const set = { ...DEFAULT_TEMPLATES, newManager: 'x' }; // no company
    const report = missingReport(a, set, { lang, day: DAY });
    const company = report.filter((r) => r.placeholder === 'company');
    expect(company.map((r) => r.type).sort()).toEqual(['grace', 'up']);
    for (const r of company) {
      expect(r.clients).toHaveLength(r.of);
      expect(r.text.en).toMatch(new RegExp(`^(Grace warning|Upgrade) \\(${lang === 'en' ? 'English' : 'Russian'}\\): \\{\\{company\\}\\} is empty for all ${r.of} clients — fill in the Company field`));
      expect(r.text.ru).toMatch(/нет значения \{\{company\}\} у всех \d+ клиент/);
    }
    const contact = report.find((r) => r.placeholder === 'contact')!;
    expect(contact.type).toBe('grace');
    expect(contact.clients).toEqual(expect.arrayContaining([grace[0].name, grace[1].name]));
    expect(contact.clients).toHaveLength(2);
    expect(contact.text.en).toContain(`"${grace[0].name}"`);
    expect(contact.text.ru).toContain(`«${grace[0].name}»`);
    // the letter keeps the placeholder so it stands out
    const n = buildNotices(a, set, { lang, day: DAY }).find((x) => x.key === grace[0].key)!;
    expect(n.missing).toEqual(['contact', 'company']);
    expect(n.body).toContain('{{contact}}');
    expect(n.body).toContain('{{company}}');
    // the criteria letter adds its own group when asked
    expect(missingReport(a, set, { lang, day: DAY, criteria: true }).some((r) => r.type === 'criteria' && r.placeholder === 'company')).toBe(true);
    // nothing missing with every field filled
    expect(missingReport(s.base, SET[lang], { lang, day: DAY, criteria: true })).toEqual([]);
  });

  test('noticeValues: money and dates in the letter language, currency, effective date', async () => {
    const s = await sample(lang);
    const c = firstOf(s.base, 'grace');
    const v = noticeValues(c, s.base, { ...SET[lang], currency: lang === 'en' ? '$' : '₽' }, { lang, day: DAY, effectiveDay: DAY + 7 });
    expect(Object.keys(v).sort()).toEqual([...PLACEHOLDER_NAMES].sort());
    expect(v.figure).toBe(lang === 'en' ? `$${formatAmount(c.total, 'en')}` : `${formatAmount(c.total, 'ru')}\u00a0₽`);
    expect(v.effectiveDate).toBe(formatDay(DAY + 7, lang));
    expect(v.date).toBe(formatDay(DAY, lang));
    // a grace warning lasts to the end of the review's period (Jan–Jun 2026), never before the letter
    expect(v.graceUntil).toBe(formatDay(s.base.review!.graceUntilDay, lang));
    expect(s.base.review!.graceUntilDay).toBeGreaterThanOrEqual(DAY);
    expect(v.measure).toBe(measureWord('revenue', lang));
    // the sample's figure is a column ("Revenue (6 months)"), not a window the analysis knows
    expect(v.window).toBe(windowWords({ column: s.base.table.columns.amount!.header }, lang));
    expect(v.currentTier).toBe(c.decision.previousTier);
    expect(v.tierRules).toBe(tierRulesText(s.base, lang, lang === 'en' ? '$' : '₽'));
    // an upgraded client has no shortfall: {{gap}} is missing, not "0" or negative
    const up = firstOf(s.base, 'up');
    expect(noticeValues(up, s.base, SET[lang], { lang, day: DAY }).gap).toBe('');
  });
});

describe('noticeFor', () => {
  test('maps statuses to notice types; new and keep get none', () => {
    const map = Object.fromEntries(STATUSES.map((s) => [s, noticeFor({ decision: { status: s } })]));
    expect(map).toEqual({ new: null, up: 'up', keep: null, grace: 'grace', stepdown: 'stepdown', down: 'down' });
  });
});

describe('render', () => {
  const values = Object.fromEntries(PLACEHOLDER_NAMES.map((n) => [n, `<${n}>`])) as Record<(typeof PLACEHOLDER_NAMES)[number], string>;

  test('fills known placeholders in one pass, case- and space-insensitive', () => {
    const r = render({ subject: '{{Client}} / {{ figure }}', body: 'A {{client}} B {{CLIENT}}' }, { ...values, client: '{{figure}} "x" <y> =z' });
    expect(r.subject).toBe('{{figure}} "x" <y> =z / <figure>');
    expect(r.body).toBe('A {{figure}} "x" <y> =z B {{figure}} "x" <y> =z');
    expect(r.missing).toEqual([]);
  });

  test('the subject is one line even when a value has line breaks; CRLF in the body becomes LF', () => {
    const r = render({ subject: 'To {{client}}', body: 'a\r\nb\rc {{client}}' }, { ...values, client: 'Line 1\r\nLine 2\n' });
    expect(r.subject).toBe('To Line 1 Line 2');
    expect(r.body).toBe('a\nb\nc Line 1\nLine 2\n');
  });

  test('missing values stay as {{name}} and are listed once; unknown ones are left as typed', () => {
    const r = render({ subject: '{{contact}}', body: 'Dear {{ contact }}, {{company}} {{nope}}' }, { ...values, contact: ' ', company: '' });
    expect(r.subject).toBe('{{contact}}');
    expect(r.body).toBe('Dear {{contact}}, {{company}} {{nope}}');
    expect(r.missing).toEqual(['contact', 'company']);
  });
});

describe('helpers', () => {
  test('money: currency before one-sign symbols in English, after everything else', () => {
    expect(money(1234567.891, 'en', '$')).toBe('$1,234,568');
    expect(money(-1500, 'en', '€')).toBe('−€1,500');
    expect(money(1234567.891, 'ru', '₽')).toBe('1\u00a0234\u00a0568\u00a0₽');
    expect(money(99.5, 'en', 'USD')).toBe('99.5\u00a0USD');
    expect(money(12, 'ru')).toBe('12');
    expect(money(null, 'ru')).toBe('');
    expect(money(Infinity, 'en')).toBe('');
  });

  test('windowWords in both languages with Russian plurals', () => {
    expect([1, 2, 5, 6, 12, 21].map((n) => windowWords(n, 'ru'))).toEqual(['1 месяц', '2 месяца', '5 месяцев', '6 месяцев', '12 месяцев', '21 месяц']);
    expect(windowWords(1, 'en')).toBe('1 month');
    expect(windowWords('all', 'en')).toBe('the whole period');
    expect(windowWords('all', 'ru')).toBe('весь период');
  });

  test('policyText follows the policy: grace, benefit steps, steps down, tolerance', () => {
    const p = (policy: Partial<typeof DEFAULT_RULES.policy>, lang: Lang) => policyText({ ...DEFAULT_RULES, policy: { ...DEFAULT_RULES.policy, ...policy } }, lang);
    expect(p({}, 'en').split('\n')).toHaveLength(3);
    expect(p({ graceReviews: 2, benefitSteps: 3, maxStepsDown: 2, hysteresisPct: 5 }, 'en')).toBe(
      [
        '• If order volume falls below the bar of your level, we first let you know and keep the level until the next review (for up to 2 reviews).',
        '• If it is still below after that, some benefits pause step by step (over up to 3 reviews), while the level itself stays.',
        '• Only then does the level change, by 2 steps at most per review.',
        '• A level is kept while the figure is less than 5% below its bar.',
        '• A higher level applies as soon as a review shows the figure for it; a level that changed comes back the same way.',
      ].join('\n'),
    );
    expect(p({ graceReviews: 0 }, 'ru').split('\n')[0]).toBe('• Если на пересмотре объём заказов ниже планки, уровень меняется — не более чем на одну ступень за пересмотр.');
    expect(p({ graceReviews: 2, benefitSteps: 2 }, 'ru')).toContain('(до 2 пересмотров)');
    expect(p({ graceReviews: 2, benefitSteps: 2 }, 'ru')).toContain('(за 2 пересмотра)');
  });

  test('tierRulesText: amount and order bars, the base tier, margin rules', async () => {
    const s = await sample('en');
    const a = { ...s.base, bars: [{ ...s.base.bars[0], minOrders: 6 }, { ...s.base.bars[1], minOrders: 1 }, s.base.bars[2]] };
    expect(tierRulesText(a, 'en').split('\n')).toEqual([
      `• VIP — from ${formatAmount(s.base.bars[0].minAmount!, 'en')} and at least 6 orders over the period in column "Revenue (6 months)" (the bar is recalculated at each review)`,
      `• Key — from ${formatAmount(s.base.bars[1].minAmount!, 'en')} and at least 1 order over the period in column "Revenue (6 months)" (the bar is recalculated at each review)`,
      '• Standard — every other client',
    ]);
    expect(tierRulesText(a, 'ru').split('\n')[0]).toBe(`• VIP — от ${formatAmount(s.base.bars[0].minAmount!, 'ru')} и не менее 6 заказов за период в столбце «Revenue (6 months)» (планка пересчитывается при каждом пересмотре)`);
    // a known window is said in months
    const log = { ...a, aggregation: { ...a.aggregation, window: { fromDay: 0, toDay: 180, from: '', to: '', months: 6 } } };
    expect(tierRulesText(log, 'ru').split('\n')[0]).toContain('за 6 месяцев');
    expect(tierRulesText(log, 'en').split('\n')[0]).toContain('over 6 months');
    expect(tierRulesText(a, 'ru').split('\n')[1]).toContain('не менее 1 заказа');
    expect(measureWord('margin', 'ru')).toBe('маржинальный доход по вашим заказам');
  });
});
