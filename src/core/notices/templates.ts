import { z } from 'zod';
import type { Lang } from '../format';
import { fieldName } from '../rules';
import { PLACEHOLDER_NAMES, scanPlaceholders } from './placeholders';

/**
 * Notice templates: five letters × two languages, each a subject and a body with `{{placeholders}}`,
 * plus the few facts every letter needs (your company, who serves a client after a transfer, the
 * currency sign). The set is saved in the workbook and validated with zod whenever it is read.
 *
 * The five notices follow the source documents (seeds/000, 001):
 * - **grace** — the "deferred transfer": the figure fell below the bar; by the rules the client
 *   would move, but the status is kept until a date, and the letter says what figure keeps it;
 * - **down** — the transfer: from a date a named manager or desk serves the client; what stays the
 *   same; that standard service is a different format, not a worse one; how to come back;
 * - **stepdown** — the gradual reduction: which benefits pause at this review and how they return;
 * - **up** — the congratulation: the new tier and what it brings;
 * - **criteria** — the rules stated openly, so nobody's status is "by feeling".
 *
 * @example parseNoticeTemplates(DEFAULT_TEMPLATES).ok // true
 */
export const NOTICE_TYPES = ['grace', 'down', 'stepdown', 'up', 'criteria'] as const;
export type NoticeType = (typeof NOTICE_TYPES)[number];

export const NOTICE_LANGS: readonly Lang[] = ['en', 'ru'];

/** Names of the notice types, for pickers, the Notices sheet and problem messages. */
export const NOTICE_TYPE_LABELS: Record<NoticeType, Record<Lang, string>> = {
  grace: { en: 'Grace warning', ru: 'Предупреждение с отсрочкой' },
  down: { en: 'Transfer', ru: 'Перевод' },
  stepdown: { en: 'Benefit step-down', ru: 'Сокращение привилегий' },
  up: { en: 'Upgrade', ru: 'Повышение' },
  criteria: { en: 'Criteria letter', ru: 'Правила уровней' },
};

export const LANG_LABELS: Record<Lang, Record<Lang, string>> = {
  en: { en: 'English', ru: 'английский' },
  ru: { en: 'Russian', ru: 'русский' },
};

export const MAX_SUBJECT = 300;
export const MAX_BODY = 20000;

/** A template's label for messages: "Grace warning (Russian)" / "Предупреждение с отсрочкой (русский)". */
export function templateLabel(type: NoticeType, letterLang: Lang, lang: Lang): string {
  return `${NOTICE_TYPE_LABELS[type][lang]} (${LANG_LABELS[letterLang][lang]})`;
}

/** Message codes of our own checks, turned into text in either language by `problemText`. */
type Check = { check: 'unknown'; name: string } | { check: 'unclosed'; text: string } | { check: 'oneLine' } | { check: 'blank' };

const known = PLACEHOLDER_NAMES.join(', ');

function checkText(text: string, field: 'subject' | 'body', ctx: z.RefinementCtx, path: PropertyKey[]): void {
  const scan = scanPlaceholders(text);
  for (const name of scan.unknown) ctx.addIssue({ code: 'custom', path, message: `unknown placeholder {{${name}}} (known: ${known})`, params: { check: 'unknown', name } satisfies Check });
  for (const t of scan.unclosed) ctx.addIssue({ code: 'custom', path, message: `"${t}" opens a placeholder that is never closed with }}`, params: { check: 'unclosed', text: t } satisfies Check });
  if (field === 'subject' && /[\r\n]/.test(text)) ctx.addIssue({ code: 'custom', path, message: 'must be a single line', params: { check: 'oneLine' } satisfies Check });
  if (text.trim() === '') ctx.addIssue({ code: 'custom', path, message: 'is empty', params: { check: 'blank' } satisfies Check });
}

export const TemplateTextSchema = z
  .object({
    subject: z.string().max(MAX_SUBJECT),
    body: z.string().max(MAX_BODY),
  })
  .strict()
  .superRefine((t, ctx) => {
    checkText(t.subject, 'subject', ctx, ['subject']);
    checkText(t.body, 'body', ctx, ['body']);
  });

export const LangTemplatesSchema = z.object({ en: TemplateTextSchema, ru: TemplateTextSchema }).strict();

export const NoticeTemplatesSchema = z
  .object({
    version: z.literal(1).default(1),
    /** Your company, for signatures: {{company}}. */
    company: z.string().trim().max(200).default(''),
    /** Who serves a client after a transfer (a person or a desk): {{newManager}}. */
    newManager: z.string().trim().max(200).default(''),
    /** Currency sign or word shown with amounts ('₽', '$', 'руб.'); empty: none. */
    currency: z.string().trim().max(12).default(''),
    templates: z
      .object({
        grace: LangTemplatesSchema,
        down: LangTemplatesSchema,
        stepdown: LangTemplatesSchema,
        up: LangTemplatesSchema,
        criteria: LangTemplatesSchema,
      })
      .strict(),
  })
  .strict();

export type TemplateText = z.output<typeof TemplateTextSchema>;
export type NoticeTemplates = z.output<typeof NoticeTemplatesSchema>;
export type NoticeTemplatesInput = z.input<typeof NoticeTemplatesSchema>;

const EN_SIGNATURE = `Kind regards,
{{manager}}
{{company}}`;

const RU_SIGNATURE = `С уважением,
{{manager}}
{{company}}`;

/** Our default letters: warm, professional, no blame and no threat, concrete figures, a way back. */
export const DEFAULT_TEMPLATES: NoticeTemplates = {
  version: 1,
  company: '',
  newManager: '',
  currency: '',
  templates: {
    grace: {
      en: {
        subject: '{{client}}: your {{currentTier}} status stays until {{graceUntil}}',
        body: `Dear {{contact}},

Thank you for working with us. At every review we compare each client's figures with the same open rules, and we would like to share this review's result for {{client}} with you directly.

Over the {{window}} to {{reviewEnd}}, your {{measure}} was {{figure}}. The {{currentTier}} level starts at {{bar}}, so this time the figure is {{gap}} short of it.

By our rules this would mean moving to a different service format. We would rather not hurry: your {{currentTier}} status, and everything that comes with it, stays exactly as it is until {{graceUntil}}.

If by then your {{measure}} is back at {{bar}} or more, nothing changes at all. And if something in the way we work together is holding your orders back, please tell us — we will gladly help.

${EN_SIGNATURE}`,
      },
      ru: {
        subject: '{{client}}: статус «{{currentTier}}» сохраняется до {{graceUntil}}',
        body: `Здравствуйте, {{contact}}!

Спасибо, что работаете с нами. При каждом пересмотре мы сверяем показатели всех клиентов с одними и теми же открытыми правилами и хотим прямо рассказать, как обстоят дела у {{client}}.

За {{window}} (по {{reviewEnd}}) {{measure}} составил {{figure}}. Уровень «{{currentTier}}» начинается от {{bar}}, так что в этот раз до него не хватило {{gap}}.

По правилам это означало бы переход на другой формат обслуживания. Но мы не хотим спешить: статус «{{currentTier}}» и всё, что к нему относится, сохраняются за вами без изменений до {{graceUntil}}.

Если к этому времени {{measure}} снова достигнет {{bar}}, ничего не изменится. А если что-то в нашей совместной работе мешает вам заказывать у нас больше — расскажите, пожалуйста: мы будем рады помочь.

${RU_SIGNATURE}`,
      },
    },
    down: {
      en: {
        subject: '{{client}}: your service from {{effectiveDate}}',
        body: `Dear {{contact}},

Thank you for the time we have worked together at the {{currentTier}} level. Our levels follow the same open rules for every client: {{currentTier}} starts at {{bar}} of {{measure}} over {{window}}. Over the {{window}} to {{reviewEnd}}, your {{measure}} was {{figure}}, which is {{gap}} short of that bar.

From {{effectiveDate}} you will be served at the {{newTier}} level, and {{newManager}} will look after you. {{manager}} will introduce you and hand over everything we know about your orders, so you will not need to explain anything again.

What stays the same: your contract, your order history and the care we put into everything we do for you. {{newTier}} service is a different format of work, not a lesser one: it is built for a steady flow of orders and is just as attentive.

The way back is open and simple: as soon as a review shows {{measure}} of {{bar}} or more over {{window}}, the {{currentTier}} level returns. The next review is on {{nextReview}}.

${EN_SIGNATURE}`,
      },
      ru: {
        subject: '{{client}}: ваше обслуживание с {{effectiveDate}}',
        body: `Здравствуйте, {{contact}}!

Спасибо за нашу совместную работу на уровне «{{currentTier}}». Уровни у нас присваиваются по одним и тем же открытым правилам для всех клиентов: уровень «{{currentTier}}» начинается от {{bar}} за {{window}}. За {{window}} (по {{reviewEnd}}) {{measure}} составил {{figure}} — до планки не хватило {{gap}}.

С {{effectiveDate}} вы переходите на уровень «{{newTier}}», и с вами будет работать {{newManager}}. {{manager}} познакомит вас и передаст всё, что мы знаем о ваших заказах, — ничего не придётся объяснять заново.

Что остаётся прежним: ваш договор, история заказов и внимание ко всему, что мы для вас делаем. Обслуживание уровня «{{newTier}}» — это другой формат работы, а не работа хуже: оно рассчитано на ровный поток заказов и так же внимательно к деталям.

Путь назад открыт и прост: как только пересмотр покажет {{measure}} от {{bar}} за {{window}}, уровень «{{currentTier}}» вернётся. Ближайший пересмотр — {{nextReview}}.

${RU_SIGNATURE}`,
      },
    },
    stepdown: {
      en: {
        subject: '{{client}}: changes to your {{currentTier}} benefits from {{effectiveDate}}',
        body: `Dear {{contact}},

Thank you for staying with us. At every review we compare each client's figures with the same open rules, and we want to tell you plainly what this review means for {{client}}.

Over the {{window}} to {{reviewEnd}}, your {{measure}} was {{figure}}. The {{currentTier}} level starts at {{bar}}, so the figure is {{gap}} short of it.

Your {{currentTier}} status stays. Rather than change everything at once, we adjust it step by step: from {{effectiveDate}} we pause:
{{benefitsRemoved}}

Everything else stays as it is.

These benefits return as soon as a review shows {{measure}} of {{bar}} or more over {{window}}. The next review is on {{nextReview}}. If we can help you get there — for example by planning your orders together — just let us know.

${EN_SIGNATURE}`,
      },
      ru: {
        subject: '{{client}}: изменения в привилегиях уровня «{{currentTier}}» с {{effectiveDate}}',
        body: `Здравствуйте, {{contact}}!

Спасибо, что остаётесь с нами. При каждом пересмотре мы сверяем показатели всех клиентов с одними и теми же открытыми правилами и хотим прямо рассказать, что этот пересмотр означает для {{client}}.

За {{window}} (по {{reviewEnd}}) {{measure}} составил {{figure}}. Уровень «{{currentTier}}» начинается от {{bar}}, до него не хватило {{gap}}.

Статус «{{currentTier}}» за вами сохраняется. Чтобы не менять всё сразу, мы меняем условия постепенно: с {{effectiveDate}} приостанавливаем:
{{benefitsRemoved}}

Всё остальное остаётся как было.

Эти привилегии вернутся, как только пересмотр покажет {{measure}} от {{bar}} за {{window}}. Ближайший пересмотр — {{nextReview}}. Если мы можем помочь — например, вместе спланировать заказы, — просто напишите нам.

${RU_SIGNATURE}`,
      },
    },
    up: {
      en: {
        subject: '{{client}}: welcome to the {{newTier}} level',
        body: `Dear {{contact}},

Congratulations, and thank you! Over the {{window}} to {{reviewEnd}}, your {{measure}} was {{figure}}, which meets the {{newTier}} bar of {{bar}}. {{client}} now moves to the {{newTier}} level.

What it brings you:
{{benefits}}

{{manager}} will be in touch to agree how and when it suits you best to work together. The level stays while your {{measure}} over {{window}} is {{bar}} or more; the next review is on {{nextReview}}.

${EN_SIGNATURE}`,
      },
      ru: {
        subject: '{{client}}: добро пожаловать на уровень «{{newTier}}»',
        body: `Здравствуйте, {{contact}}!

Поздравляем и благодарим вас! За {{window}} (по {{reviewEnd}}) {{measure}} составил {{figure}} — это не ниже планки уровня «{{newTier}}» ({{bar}}). Теперь {{client}} — клиент уровня «{{newTier}}».

Что это вам даёт:
{{benefits}}

{{manager}} свяжется с вами, чтобы договориться, как и когда вам удобнее работать. Уровень сохраняется, пока {{measure}} за {{window}} не ниже {{bar}}; ближайший пересмотр — {{nextReview}}.

${RU_SIGNATURE}`,
      },
    },
    criteria: {
      en: {
        subject: '{{client}}: how our client levels work',
        body: `Dear {{contact}},

We want our client levels to be clear and fair, so here are the rules — the same for every client. At each review we look at {{measure}} over {{window}}:
{{tierRules}}

How a change of level works:
{{policy}}

Where {{client}} stands today: the {{newTier}} level, with {{measure}} of {{figure}} over the {{window}} to {{reviewEnd}}. The next review is on {{nextReview}}.

If you have any questions about the rules, {{manager}} will be glad to go through them with you.

${EN_SIGNATURE}`,
      },
      ru: {
        subject: '{{client}}: как устроены уровни клиентов',
        body: `Здравствуйте, {{contact}}!

Мы хотим, чтобы уровни обслуживания были понятными и честными, поэтому делимся правилами — они одинаковы для всех клиентов. При каждом пересмотре мы смотрим на {{measure}} за {{window}}:
{{tierRules}}

Как меняется уровень:
{{policy}}

Где сейчас {{client}}: уровень «{{newTier}}», {{measure}} за {{window}} (по {{reviewEnd}}) — {{figure}}. Ближайший пересмотр — {{nextReview}}.

Если по правилам возникнут вопросы, {{manager}} с радостью всё объяснит.

${RU_SIGNATURE}`,
      },
    },
  },
};

/** A problem with a template set, with the field it concerns and text in both languages. */
export interface TemplateProblem {
  /** e.g. `templates.grace.ru.body`. */
  field: string;
  type?: NoticeType;
  letterLang?: Lang;
  text: Record<Lang, string>;
}

export type ParseTemplatesResult = { ok: true; templates: NoticeTemplates } | { ok: false; problems: TemplateProblem[] };

const FIELD_WORDS: Record<string, Record<Lang, string>> = {
  subject: { en: 'subject', ru: 'тема' },
  body: { en: 'text', ru: 'текст' },
  company: { en: 'company', ru: 'компания' },
  newManager: { en: 'new manager', ru: 'новый менеджер' },
  currency: { en: 'currency', ru: 'валюта' },
  version: { en: 'version', ru: 'версия' },
};

function problemText(issue: z.core.$ZodIssue, lang: Lang): string {
  const en = lang === 'en';
  const params = (issue as { params?: Check }).params;
  if (issue.code === 'custom' && params) {
    switch (params.check) {
      case 'unknown':
        return en ? `unknown placeholder {{${params.name}}} (known: ${known})` : `неизвестная подстановка {{${params.name}}} (известные: ${known})`;
      case 'unclosed':
        return en ? `"${params.text}" opens a placeholder that is never closed with }}` : `«${params.text}» открывает подстановку, но нет закрывающих }}`;
      case 'oneLine':
        return en ? 'must be a single line' : 'должна быть одной строкой';
      case 'blank':
        return en ? 'is empty' : 'пусто';
    }
  }
  switch (issue.code) {
    case 'too_big':
      return en ? `is longer than ${String(issue.maximum)} characters` : `длиннее ${String(issue.maximum)} символов`;
    case 'invalid_type': {
      if (/received undefined/.test(issue.message)) return en ? 'is missing' : 'отсутствует';
      const what = issue.expected === 'string' ? (en ? 'text' : 'текст') : issue.expected === 'object' ? (en ? 'a group of fields' : 'группа полей') : issue.expected;
      return en ? `must be ${what}` : `должно быть: ${what}`;
    }
    case 'unrecognized_keys':
      return en ? `unknown field(s): ${issue.keys.join(', ')}` : `неизвестные поля: ${issue.keys.join(', ')}`;
    case 'invalid_value':
      return en ? `must be ${issue.values.map(String).join(' or ')}` : `должно быть ${issue.values.map(String).join(' или ')}`;
    default:
      return issue.message;
  }
}

function toProblem(issue: z.core.$ZodIssue): TemplateProblem {
  const path = issue.path;
  const field = path.length === 0 ? '(templates)' : fieldName(path);
  const type = path[0] === 'templates' && (NOTICE_TYPES as readonly PropertyKey[]).includes(path[1]) ? (path[1] as NoticeType) : undefined;
  const letterLang = type && (path[2] === 'en' || path[2] === 'ru') ? path[2] : undefined;
  const last = path[path.length - 1];
  const text = {} as Record<Lang, string>;
  for (const lang of NOTICE_LANGS) {
    let where: string;
    if (path.length === 0) where = lang === 'en' ? 'Notice templates' : 'Шаблоны уведомлений';
    else if (type && letterLang) where = `${templateLabel(type, letterLang, lang)}, ${FIELD_WORDS[String(last)]?.[lang] ?? String(last)} (${field})`;
    else if (type) where = `${NOTICE_TYPE_LABELS[type][lang]} (${field})`;
    else {
      const word = FIELD_WORDS[String(last)]?.[lang] ?? field;
      where = word === field ? field : `${word} (${field})`;
    }
    text[lang] = `${where}: ${problemText(issue, lang)}`;
  }
  return { field, type, letterLang, text };
}

/**
 * Validate an object (a template set being edited, or one read back from the workbook). Problems
 * name the template, the language and the field, in both languages.
 *
 * @example parseNoticeTemplates({ ...DEFAULT_TEMPLATES, templates: { ...t, up: { ...t.up, en: { subject: 'Hi {{clinet}}', body: 'x' } } } })
 * // { ok: false, problems: [{ field: 'templates.up.en.subject', text: { en: 'Upgrade (English), subject (templates.up.en.subject): unknown placeholder {{clinet}} …' } }] }
 */
export function parseNoticeTemplates(input: unknown): ParseTemplatesResult {
  const r = NoticeTemplatesSchema.safeParse(input);
  if (r.success) return { ok: true, templates: r.data };
  return { ok: false, problems: r.error.issues.map(toProblem) };
}

/** Parse the JSON text saved in the workbook; invalid JSON is one problem. */
export function noticeTemplatesFromJson(text: string): ParseTemplatesResult {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    const m = (e as Error).message;
    return { ok: false, problems: [{ field: '(templates)', text: { en: `The saved templates are not valid JSON (${m}).`, ru: `Сохранённые шаблоны — не корректный JSON (${m}).` } }] };
  }
  return parseNoticeTemplates(data);
}

/** Thrown when an invalid template set is about to be saved. */
export class NoticeTemplatesError extends Error {
  constructor(public readonly problems: TemplateProblem[]) {
    super(`The notice templates are not valid:\n- ${problems.map((p) => p.text.en).join('\n- ')}`);
    this.name = 'NoticeTemplatesError';
  }
}
