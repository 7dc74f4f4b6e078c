/** Validation of notice templates (zod) and the placeholder checks. */
import {
  DEFAULT_TEMPLATES,
  fillPlaceholders,
  findUnknown,
  missingValues,
  NOTICE_TYPES,
  NoticeTemplates,
  NoticeTemplatesError,
  noticeTemplatesFromJson,
  parseNoticeTemplates,
  PLACEHOLDER_NAMES,
  PLACEHOLDERS,
  placeholderName,
  scanPlaceholders,
} from '../../src/core/notices';

function withTemplate(type: (typeof NOTICE_TYPES)[number], lang: 'en' | 'ru', t: Partial<{ subject: string; body: string }>): unknown {
  const set = structuredClone(DEFAULT_TEMPLATES) as NoticeTemplates;
  set.templates[type][lang] = { ...set.templates[type][lang], ...t };
  return set;
}

function problems(input: unknown) {
  const r = parseNoticeTemplates(input);
  if (r.ok) throw new Error('expected problems');
  return r.problems;
}

describe('default templates', () => {
  test('are valid, complete (5 types × 2 languages) and use only known placeholders', () => {
    const r = parseNoticeTemplates(DEFAULT_TEMPLATES);
    expect(r).toEqual({ ok: true, templates: DEFAULT_TEMPLATES });
    for (const type of NOTICE_TYPES) {
      for (const lang of ['en', 'ru'] as const) {
        const t = DEFAULT_TEMPLATES.templates[type][lang];
        expect(findUnknown([t.subject, t.body])).toEqual([]);
        expect(scanPlaceholders(t.body).unclosed).toEqual([]);
        expect(t.subject).not.toMatch(/\n/);
        // every letter greets the contact, names the client, and is signed
        expect(t.subject).toContain('{{client}}');
        expect(t.body.startsWith(lang === 'en' ? 'Dear {{contact}},' : 'Здравствуйте, {{contact}}!')).toBe(true);
        expect(t.body.endsWith('{{manager}}\n{{company}}')).toBe(true);
        // the other language's template is really in the other language
        expect(/[а-яё]/i.test(t.body)).toBe(lang === 'ru');
      }
    }
  });

  test('the defaults state what the issue asks for: figures, the bar, a date, a way back', () => {
    const used = (type: (typeof NOTICE_TYPES)[number], lang: 'en' | 'ru') => scanPlaceholders(DEFAULT_TEMPLATES.templates[type][lang].subject + DEFAULT_TEMPLATES.templates[type][lang].body).used;
    for (const lang of ['en', 'ru'] as const) {
      expect(used('grace', lang)).toEqual(expect.arrayContaining(['figure', 'bar', 'gap', 'graceUntil', 'reviewEnd', 'currentTier']));
      expect(used('down', lang)).toEqual(expect.arrayContaining(['effectiveDate', 'newManager', 'manager', 'newTier', 'currentTier', 'bar', 'nextReview']));
      expect(used('stepdown', lang)).toEqual(expect.arrayContaining(['benefitsRemoved', 'effectiveDate', 'bar', 'nextReview']));
      expect(used('up', lang)).toEqual(expect.arrayContaining(['newTier', 'benefits', 'figure', 'bar']));
      expect(used('criteria', lang)).toEqual(expect.arrayContaining(['tierRules', 'policy', 'figure']));
    }
  });

  test('every placeholder has a description and an example in both languages', () => {
    for (const n of PLACEHOLDER_NAMES) {
      expect(PLACEHOLDERS[n].en.length).toBeGreaterThan(3);
      expect(PLACEHOLDERS[n].ru).toMatch(/[а-яё]/i);
      expect(PLACEHOLDERS[n].example.en).toBeTruthy();
    }
    // the names the issue lists
    expect(PLACEHOLDER_NAMES).toEqual(expect.arrayContaining(['client', 'contact', 'currentTier', 'newTier', 'figure', 'bar', 'gap', 'reviewEnd', 'graceUntil', 'manager', 'newManager', 'company']));
  });
});

describe('parseNoticeTemplates', () => {
  test('an unknown placeholder names the template, the language and the field, in both languages', () => {
    const p = problems(withTemplate('grace', 'ru', { body: 'Здравствуйте, {{contakt}}! {{ client }}' }));
    expect(p).toHaveLength(1);
    expect(p[0]).toMatchObject({ field: 'templates.grace.ru.body', type: 'grace', letterLang: 'ru' });
    expect(p[0].text.en).toMatch(/^Grace warning \(Russian\), text \(templates\.grace\.ru\.body\): unknown placeholder \{\{contakt\}\} \(known: client, contact/);
    expect(p[0].text.ru).toMatch(/^Предупреждение с отсрочкой \(русский\), текст \(templates\.grace\.ru\.body\): неизвестная подстановка \{\{contakt\}\}/);
  });

  test('unclosed placeholders, a multi-line subject, empty texts', () => {
    const set = structuredClone(DEFAULT_TEMPLATES) as NoticeTemplates;
    set.templates.up.en = { subject: 'Hello\n{{client}}', body: 'Dear {{contact, welcome' };
    set.templates.down.ru = { subject: '  ', body: '' };
    const p = problems(set);
    const by = (f: string) => p.filter((x) => x.field === f).map((x) => x.text.en.replace(/^.*?\): /, ''));
    expect(by('templates.up.en.subject')).toEqual(['must be a single line']);
    expect(by('templates.up.en.body')).toEqual(['"{{contact, welcome" opens a placeholder that is never closed with }}']);
    expect(by('templates.down.ru.subject')).toEqual(['is empty']);
    expect(by('templates.down.ru.body')).toEqual(['is empty']);
    expect(p.find((x) => x.field === 'templates.down.ru.body')!.text.ru).toBe('Перевод (русский), текст (templates.down.ru.body): пусто');
  });

  test('structure: missing templates, wrong types, unknown fields, version, lengths', () => {
    const noCriteria = structuredClone(DEFAULT_TEMPLATES) as Partial<NoticeTemplates['templates']> & NoticeTemplates;
    delete (noCriteria.templates as Partial<NoticeTemplates['templates']>).criteria;
    expect(problems(noCriteria).map((x) => x.text.en)).toEqual(['Criteria letter (templates.criteria): is missing']);
    expect(problems({ ...DEFAULT_TEMPLATES, version: 2 }).map((x) => x.text.en)).toEqual(['version: must be 1']);
    expect(problems({ ...DEFAULT_TEMPLATES, extra: 1 }).map((x) => x.text.en)).toEqual(['Notice templates: unknown field(s): extra']);
    expect(problems({ ...DEFAULT_TEMPLATES, company: 42 })[0].text).toEqual({ en: 'company: must be text', ru: 'компания (company): должно быть: текст' });
    expect(problems({ ...DEFAULT_TEMPLATES, company: 42 }).map((x) => x.field)).toEqual(['company']);
    expect(problems(withTemplate('up', 'en', { subject: 'x'.repeat(301) }))[0].text.en).toMatch(/subject \(templates\.up\.en\.subject\): is longer than 300 characters$/);
    expect(problems(withTemplate('up', 'en', { body: 'x'.repeat(20001) }))[0].text.ru).toMatch(/длиннее 20000 символов$/);
    expect(problems(null)[0].field).toBe('(templates)');
  });

  test('defaults fill company, new manager and currency; spaces are trimmed', () => {
    const { company: _c, newManager: _m, currency: _cur, ...rest } = DEFAULT_TEMPLATES;
    const r = parseNoticeTemplates({ ...rest, company: '  ACME  ' });
    expect(r.ok && r.templates).toMatchObject({ company: 'ACME', newManager: '', currency: '', version: 1 });
  });

  test('placeholder names are case- and space-insensitive', () => {
    expect(parseNoticeTemplates(withTemplate('up', 'en', { subject: '{{ Client }} {{NEWTIER}}' })).ok).toBe(true);
  });

  test('JSON text as saved in the workbook', () => {
    expect(noticeTemplatesFromJson(JSON.stringify(DEFAULT_TEMPLATES))).toEqual({ ok: true, templates: DEFAULT_TEMPLATES });
    const bad = noticeTemplatesFromJson('{"version":1,');
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.problems[0].text.en).toMatch(/^The saved templates are not valid JSON/);
    expect(!bad.ok && bad.problems[0].text.ru).toMatch(/^Сохранённые шаблоны — не корректный JSON/);
  });

  test('NoticeTemplatesError lists the problems', () => {
    const e = new NoticeTemplatesError(problems(withTemplate('up', 'en', { body: '{{x}}' })));
    expect(e.message).toMatch(/^The notice templates are not valid:\n- Upgrade \(English\), text/);
  });
});

describe('placeholder scanning', () => {
  test('scanPlaceholders: used once each, unknown, unclosed', () => {
    expect(scanPlaceholders('Dear {{contact}}, {{ figure }} {{foo}} {{contact}} {{bar')).toEqual({ used: ['contact', 'figure'], unknown: ['foo'], unclosed: ['{{bar'] });
    expect(scanPlaceholders('{single} }} {{}} {{ }}')).toEqual({ used: [], unknown: [''], unclosed: [] });
    expect(scanPlaceholders('{{a\n}} x')).toEqual({ used: [], unknown: ['a'], unclosed: [] });
  });

  test('findUnknown across subject and body', () => {
    expect(findUnknown(['Hi {{contact}}', '{{clinet}} {{clinet}} {{ Gap }}'])).toEqual(['clinet']);
  });

  test('missingValues: used placeholders whose value is blank', () => {
    const values = Object.fromEntries(PLACEHOLDER_NAMES.map((n) => [n, n])) as Record<(typeof PLACEHOLDER_NAMES)[number], string>;
    expect(missingValues(['Dear {{contact}}', '{{company}} {{gap}}'], { ...values, contact: '', gap: '  ', email: '' })).toEqual(['contact', 'gap']);
  });

  test('fillPlaceholders is one pass and leaves unknown and missing ones visible', () => {
    const values = Object.fromEntries(PLACEHOLDER_NAMES.map((n) => [n, ''])) as Record<(typeof PLACEHOLDER_NAMES)[number], string>;
    expect(fillPlaceholders('{{client}} {{x}} {{contact}}', { ...values, client: '{{contact}}' })).toBe('{{contact}} {{x}} {{contact}}');
    expect(placeholderName(' NewManager ')).toBe('newManager');
    expect(placeholderName('new manager')).toBeUndefined();
  });
});
