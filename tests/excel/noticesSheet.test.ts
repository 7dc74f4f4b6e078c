/**
 * The Notices sheet and the saved templates, against the strict Office.js stand-in: cells are
 * text ('=' names never become formulas), rows go in chunks under the request limit, and the
 * templates round-trip through the workbook settings with zod validation on load.
 */
import { Lang } from '../../src/core/format';
import { buildNotices, DEFAULT_TEMPLATES, Notice, NoticeTemplates, NoticeTemplatesError, NOTICE_TYPE_LABELS } from '../../src/core/notices';
import { dayToSerial } from '../../src/core/parseDate';
import { PAYLOAD_BUDGET } from '../../src/excel/host';
import {
  cellText,
  loadNoticeTemplates,
  MAX_CELL_TEXT,
  NOTICE_TEMPLATES_KEY,
  NOTICES_HEADERS,
  NOTICES_SHEET,
  noticesSpec,
  saveNoticeTemplates,
  writeNotices,
} from '../../src/excel/noticesSheet';
import { createStandIn, FIVE_MB, modelFromGrid, WorkbookModel } from '../../src/workbench/standin';
import { hostileGrid, LONG_NAME, samples } from '../core/notices.samples';
import { layerError, rejection } from './support';

const DAY = 20455;

function base(): WorkbookModel {
  return modelFromGrid([{ name: 'Clients', values: [['Client', 'Revenue'], ['ACME', 10]] }]);
}

function notice(client: string, extra: Partial<Notice> = {}): Notice {
  return { client, key: client.toLowerCase(), email: '', type: 'grace', lang: 'en', subject: `${client}: subject`, body: `Dear ${client},\n\nBody.`, day: DAY, missing: [], ...extra };
}

describe.each(['en', 'ru'] as Lang[])('writeNotices (%s)', (lang) => {
  test('the real notices of the sample, hostile names included, land as text cells with a date', async () => {
    const { grid, names } = await hostileGrid(lang);
    const s = await samples(lang, grid);
    const notices = [...buildNotices(s.base, DEFAULT_TEMPLATES, { lang, day: DAY }), ...buildNotices(s.steps, DEFAULT_TEMPLATES, { lang, day: DAY })];
    const model = base();
    const standIn = createStandIn(model);
    const name = await writeNotices(standIn.run, notices, lang);
    expect(name).toBe(NOTICES_SHEET[lang]);
    expect(model.sheets.map((x) => x.name)).toEqual(['Clients', NOTICES_SHEET[lang]]);
    const sheet = model.sheet(name);
    expect(sheet.read('A1:E1')).toEqual([NOTICES_HEADERS[lang]]);
    expect(sheet.usedRange(true)).toEqual({ r0: 0, c0: 0, r1: notices.length, c1: 4 });
    expect(sheet.frozenRows).toBe(1);
    expect(sheet.cell('A1').bold).toBe(true);
    notices.forEach((n, i) => {
      const r = i + 1;
      const cells = [0, 1, 2, 3, 4].map((c) => sheet.cell(r, c));
      expect(cells.map((c) => c.value)).toEqual([n.client, NOTICE_TYPE_LABELS[n.type][lang], n.subject, n.body, dayToSerial(DAY)]);
      for (const c of cells.slice(0, 4)) {
        expect(c.numberFormat).toBe('@');
        expect(c.formula).toBeUndefined();
      }
      expect(cells[4].numberFormat).toBe(lang === 'ru' ? 'dd.mm.yyyy' : 'yyyy-mm-dd');
    });
    // the names that would be formulas in a General cell are plain text
    const col = sheet.read(`A2:A${notices.length + 1}`).map((r) => r[0]);
    for (const n of names.filter((x) => /^[=+@]/.test(x))) expect(col).toContain(n);
    expect(col).toContain(LONG_NAME);
    const hyperlink = col.findIndex((v) => String(v).startsWith('=HYPERLINK'));
    expect(sheet.cell(hyperlink + 1, 0)).toMatchObject({ value: col[hyperlink], formula: undefined, numberFormat: '@' });
    expect(model.activeSheet?.name).toBe('Clients');
  });
});

describe('writeNotices', () => {
  test('a numeric client id stays a number (VLOOKUP on ids finds it); text ids and names stay text', async () => {
    const model = base();
    const s = createStandIn(model);
    await writeNotices(s.run, [notice('18102', { id: 18102 }), notice('007', { id: '007' }), notice('=X()', { id: '=X()' })], 'en');
    const sheet = model.sheet('Notices');
    expect(sheet.read('A2:A4')).toEqual([[18102], ['007'], ['=X()']]);
    expect(sheet.cell('A2').numberFormat).toBe('General');
    expect(sheet.cell('A3').numberFormat).toBe('@');
    expect(sheet.cell('A4').formula).toBeUndefined();
  });

  test('a second generation replaces the rows, leaving no old ones below', async () => {
    const model = base();
    const s = createStandIn(model);
    await writeNotices(s.run, [notice('A'), notice('B'), notice('C')], 'en');
    await writeNotices(s.run, [notice('=D()', { type: 'up' })], 'en');
    const sheet = model.sheet('Notices');
    expect(sheet.usedRange(true)).toEqual({ r0: 0, c0: 0, r1: 1, c1: 4 });
    expect(sheet.read('A2:B2')).toEqual([['=D()', 'Upgrade']]);
    expect(sheet.cell('A2').formula).toBeUndefined();
  });

  test('many long letters go in chunks, each request under the limit', async () => {
    const model = base();
    const s = createStandIn(model);
    const body = 'Здравствуйте! Текст письма с цифрами 1 234 567 и датой 31.12.2025. '.repeat(60);
    const notices = Array.from({ length: 3000 }, (_, i) => notice(`ООО «Клиент ${i}»`, { body, lang: 'ru' }));
    const progress: number[] = [];
    await writeNotices(s.run, notices, 'ru', (d) => progress.push(d));
    expect(s.stats.failedSyncs).toBe(0);
    expect(s.stats.maxRequestBytes).toBeLessThan(FIVE_MB);
    expect(s.stats.maxRequestBytes).toBeLessThan(PAYLOAD_BUDGET * 1.05);
    expect(progress.length).toBeGreaterThan(2);
    expect(progress[progress.length - 1]).toBe(1);
    expect(model.sheet('Уведомления').read('A3001:B3001')).toEqual([['ООО «Клиент 2999»', 'Предупреждение с отсрочкой']]);
  });

  test('text longer than a cell holds is cut with a note of its full length (no surrogate split), in both languages', async () => {
    const model = base();
    const s = createStandIn(model);
    const huge = 'x'.repeat(MAX_CELL_TEXT + 10);
    await writeNotices(s.run, [notice('A', { body: huge })], 'en');
    const v = model.sheet('Notices').cell('D2').value as string;
    expect(v).toHaveLength(MAX_CELL_TEXT);
    expect(v.endsWith(' … [cut to fit one Excel cell; 32,777 characters in full]')).toBe(true);
    await writeNotices(s.run, [notice('A', { body: huge })], 'ru');
    const r = model.sheet('Уведомления').cell('D2').value as string;
    expect(r).toHaveLength(MAX_CELL_TEXT);
    expect(r.endsWith(' … [обрезано по размеру ячейки Excel; всего 32 777 знаков]')).toBe(true);
    const emoji = `${'y'.repeat(MAX_CELL_TEXT - 60)}${'😀'.repeat(40)}`;
    for (let k = 0; k < 4; k++) {
      const cut = cellText(`${'z'.repeat(k)}${emoji}`);
      expect(cut.length).toBeLessThanOrEqual(MAX_CELL_TEXT);
      // never half a surrogate pair before the note
      expect(cut).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
    }
    expect(cellText('short')).toBe('short');
  });

  test('a protected Notices sheet is AccessDenied, with a message in both languages', async () => {
    const model = base();
    const s = createStandIn(model);
    await writeNotices(s.run, [notice('A')], 'en');
    model.sheet('Notices').protected = true;
    const e = await layerError(writeNotices(s.run, [notice('B')], 'en'), 'AccessDenied');
    expect(e.messages.ru).toMatch(/Лист защищён/);
    expect(model.sheet('Notices').read('A2:A2')).toEqual([['A']]);
  });

  test('the spec: text columns and a localized date column', () => {
    expect(noticesSpec('ru')).toMatchObject({ name: 'Уведомления', headers: ['Клиент', 'Тип', 'Тема', 'Текст', 'Дата'], formats: ['@', '@', '@', '@', 'dd.mm.yyyy'] });
  });
});

describe('saveNoticeTemplates / loadNoticeTemplates', () => {
  const CUSTOM: NoticeTemplates = (() => {
    const t = structuredClone(DEFAULT_TEMPLATES) as NoticeTemplates;
    t.company = 'Печатница «Бумага & Ко»';
    t.newManager = 'Отдел "Стандарт"';
    t.currency = '₽';
    t.templates.grace.ru.subject = '{{client}}: <важно> = статус до {{graceUntil}}';
    return t;
  })();

  test('none before anything is saved', async () => {
    expect(await loadNoticeTemplates(createStandIn(base()).run)).toEqual({ kind: 'none' });
  });

  test('round-trips through the workbook settings as JSON', async () => {
    const s = createStandIn(base());
    await saveNoticeTemplates(s.run, CUSTOM);
    // the stand-in keeps each setting's value as JSON, like Office; ours is a JSON string itself
    expect(JSON.parse(JSON.parse(s.model.settings.get(NOTICE_TEMPLATES_KEY)!))).toEqual(CUSTOM);
    expect(await loadNoticeTemplates(s.run)).toEqual({ kind: 'ok', templates: CUSTOM });
    await saveNoticeTemplates(s.run, DEFAULT_TEMPLATES);
    expect(await loadNoticeTemplates(s.run)).toEqual({ kind: 'ok', templates: DEFAULT_TEMPLATES });
    expect([...s.model.settings.keys()]).toEqual([NOTICE_TEMPLATES_KEY]);
  });

  test('an invalid set is refused and nothing is written', async () => {
    const s = createStandIn(base());
    const bad = structuredClone(CUSTOM);
    bad.templates.down.en.body = 'Dear {{contakt}}';
    const e = await rejection(saveNoticeTemplates(s.run, bad));
    expect(e).toBeInstanceOf(NoticeTemplatesError);
    expect((e as NoticeTemplatesError).problems.map((p) => p.field)).toEqual(['templates.down.en.body']);
    expect(s.model.settings.has(NOTICE_TEMPLATES_KEY)).toBe(false);
  });

  test('a hand-edited setting gives problems naming the fields; broken JSON one problem', async () => {
    const s = createStandIn(base());
    const edited = structuredClone(CUSTOM) as unknown as { templates: { up: { ru: { subject: unknown } } }; extra?: number };
    edited.templates.up.ru.subject = 42;
    edited.extra = 1;
    s.model.settings.set(NOTICE_TEMPLATES_KEY, JSON.stringify(JSON.stringify(edited)));
    const r = await loadNoticeTemplates(s.run);
    expect(r.kind).toBe('invalid');
    const problems = r.kind === 'invalid' ? r.problems : [];
    expect(problems.map((p) => p.field).sort()).toEqual(['(templates)', 'templates.up.ru.subject']);
    expect(problems.find((p) => p.field === 'templates.up.ru.subject')!.text.ru).toBe('Повышение (русский), тема (templates.up.ru.subject): должно быть: текст');
    s.model.settings.set(NOTICE_TEMPLATES_KEY, JSON.stringify('{"templates":'));
    const broken = await loadNoticeTemplates(s.run);
    expect(broken.kind === 'invalid' && broken.problems[0].text.en).toMatch(/not valid JSON/);
  });

  test('Excel errors become layer errors (cell edit mode)', async () => {
    const s = createStandIn(base());
    s.setEditMode(true);
    await layerError(saveNoticeTemplates(s.run, DEFAULT_TEMPLATES), 'InvalidOperationInCellEditMode');
    await layerError(loadNoticeTemplates(s.run), 'InvalidOperationInCellEditMode');
  });
});
