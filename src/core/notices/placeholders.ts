import type { Lang } from '../format';

/**
 * Placeholders of notice templates: `{{client}}`, `{{ bar }}` — two braces, a known name, optional
 * spaces inside. Names match case-insensitively (`{{Client}}` is `{{client}}`). Single braces are
 * plain text. Anything else between double braces is an *unknown* placeholder, and `{{` without a
 * closing `}}` is *unclosed*: both are template errors, reported before anything is generated.
 *
 * A known placeholder whose value is empty for a client (no contact in the sheet, no company
 * typed yet, a tier without benefits) is *missing*: reported per template and client, and left in
 * the letter as `{{name}}` so it stands out for the manager to fill in by hand.
 *
 * Values are inserted in one pass: a client called "{{company}}" stays "{{company}}".
 *
 * @example scanPlaceholders('Dear {{contact}}, {{ figure }} {{foo}} {{bar')
 * // { used: ['contact', 'figure'], unknown: ['foo'], unclosed: ['{{bar'] }
 */
export const PLACEHOLDERS = {
  client: { en: 'Client name', ru: 'Название клиента', example: { en: 'Keystone Print Group', ru: 'ООО «Меридиантех»' } },
  contact: { en: 'Contact person (Contact column)', ru: 'Контактное лицо (столбец «Контакт»)', example: { en: 'Peter Clark', ru: 'Николай Зайцев' } },
  email: { en: 'Client email (Email column)', ru: 'E-mail клиента (столбец E-mail)', example: { en: 'client@example.com', ru: 'client@example.ru' } },
  manager: { en: "Client's manager (Manager column)", ru: 'Менеджер клиента (столбец «Менеджер»)', example: { en: 'Alice Morgan', ru: 'Анна Смирнова' } },
  newManager: { en: 'Manager or desk serving the client after a transfer', ru: 'Менеджер или отдел, который будет вести клиента после перевода', example: { en: 'the Client Care desk', ru: 'отдел по работе с клиентами' } },
  company: { en: 'Your company', ru: 'Ваша компания', example: { en: 'Northwind Print', ru: 'Печатница' } },
  currentTier: { en: 'Tier before this review', ru: 'Уровень до пересмотра', example: { en: 'VIP', ru: 'VIP' } },
  newTier: { en: 'Tier after this review', ru: 'Уровень после пересмотра', example: { en: 'Key', ru: 'Key' } },
  figure: { en: "The client's figure over the review window", ru: 'Показатель клиента за период пересмотра', example: { en: '48,182', ru: '48 182' } },
  bar: { en: 'The figure that keeps, restores or reaches the tier', ru: 'Планка: показатель, который сохраняет, возвращает или даёт уровень', example: { en: '104,903', ru: '104 903' } },
  gap: { en: 'How much the figure is short of the bar', ru: 'Сколько не хватает до планки', example: { en: '56,721', ru: '56 721' } },
  measure: { en: 'What is measured ("order volume")', ru: 'Что измеряется («объём заказов»)', example: { en: 'order volume', ru: 'объём заказов' } },
  window: { en: 'Length of the review window ("6 months")', ru: 'Период пересмотра («6 месяцев»)', example: { en: '6 months', ru: '6 месяцев' } },
  reviewEnd: { en: 'Last day of the reviewed period', ru: 'Последний день периода пересмотра', example: { en: '31 Dec 2025', ru: '31.12.2025' } },
  graceUntil: { en: 'The status is kept until (the next review)', ru: 'Статус сохраняется до (следующий пересмотр)', example: { en: '30 Jun 2026', ru: '30.06.2026' } },
  nextReview: { en: 'Date of the next review', ru: 'Дата следующего пересмотра', example: { en: '30 Jun 2026', ru: '30.06.2026' } },
  effectiveDate: { en: 'Date a transfer or a benefit change takes effect', ru: 'Дата, с которой действуют перевод или изменения привилегий', example: { en: '1 Feb 2026', ru: '01.02.2026' } },
  date: { en: 'Date of the letter', ru: 'Дата письма', example: { en: '2 Jan 2026', ru: '02.01.2026' } },
  benefits: { en: 'Benefits of the tier after this review, one per line', ru: 'Привилегии уровня после пересмотра, по одной в строке', example: { en: '• Personal manager', ru: '• Персональный менеджер' } },
  benefitsRemoved: { en: 'Benefits paused at this review, one per line', ru: 'Привилегии, приостановленные при этом пересмотре', example: { en: '• Extended payment terms', ru: '• Отсрочка платежа' } },
  benefitsKept: { en: 'Benefits of the tier that stay, one per line', ru: 'Привилегии уровня, которые сохраняются', example: { en: '• Personal manager', ru: '• Персональный менеджер' } },
  tierRules: { en: 'The tier rules, one tier per line', ru: 'Правила уровней, по уровню в строке', example: { en: '• VIP — from 372,208 over 6 months', ru: '• VIP — от 372 208 за 6 месяцев' } },
  policy: { en: 'How grace periods and changes of tier work', ru: 'Как работают отсрочка и смена уровня', example: { en: '• If the figure falls below the bar…', ru: '• Если показатель опускается ниже планки…' } },
} as const satisfies Record<string, { en: string; ru: string; example: Record<Lang, string> }>;

export type PlaceholderName = keyof typeof PLACEHOLDERS;

export const PLACEHOLDER_NAMES = Object.keys(PLACEHOLDERS) as PlaceholderName[];

/** Values for every placeholder; '' means "missing for this client". */
export type PlaceholderValues = Record<PlaceholderName, string>;

const BY_LOWER = new Map<string, PlaceholderName>(PLACEHOLDER_NAMES.map((n) => [n.toLowerCase(), n]));

/** `{{ name }}` (the inside may be anything but braces) — also matches unknown names. */
export const PLACEHOLDER_PATTERN = /\{\{([^{}]*)\}\}/g;

/** The placeholder a `{{…}}` inside names, or undefined when it is not one of ours. */
export function placeholderName(inside: string): PlaceholderName | undefined {
  return BY_LOWER.get(inside.trim().toLowerCase());
}

/** How a placeholder is written in a template: `{{client}}`. */
export function placeholderText(name: PlaceholderName): string {
  return `{{${name}}}`;
}

export interface PlaceholderScan {
  /** Known placeholders, in order of first use, each once. */
  used: PlaceholderName[];
  /** Texts between `{{` and `}}` that are not known names, each once. */
  unknown: string[];
  /** `{{` openings with no `}}` after them (the opening and up to 20 characters after it). */
  unclosed: string[];
}

/**
 * The placeholders of one template text: which known ones it uses, which names are unknown,
 * which `{{` are never closed.
 *
 * @example scanPlaceholders('{{client}}: {{ Bar }}').used // ['client', 'bar']
 */
export function scanPlaceholders(text: string): PlaceholderScan {
  const used: PlaceholderName[] = [];
  const unknown: string[] = [];
  for (const m of text.matchAll(PLACEHOLDER_PATTERN)) {
    const name = placeholderName(m[1]);
    if (name) {
      if (!used.includes(name)) used.push(name);
    } else {
      const u = m[1].trim();
      if (!unknown.includes(u)) unknown.push(u);
    }
  }
  // an opening that no complete placeholder consumed is unclosed
  const rest = text.replace(PLACEHOLDER_PATTERN, '');
  const unclosed: string[] = [];
  let at = rest.indexOf('{{');
  while (at >= 0) {
    unclosed.push(rest.slice(at, at + 22).split('\n')[0]);
    at = rest.indexOf('{{', at + 2);
  }
  return { used, unknown, unclosed };
}

/**
 * Unknown placeholder names in any of the texts (subject and body), each once.
 *
 * @example findUnknown(['Hi {{contact}}', '{{clinet}}']) // ['clinet']
 */
export function findUnknown(texts: ReadonlyArray<string>): string[] {
  const out: string[] = [];
  for (const t of texts) for (const u of scanPlaceholders(t).unknown) if (!out.includes(u)) out.push(u);
  return out;
}

/**
 * Known placeholders used in the texts whose value is empty: what a letter for this client would
 * be missing.
 *
 * @example missingValues(['Dear {{contact}}'], { ...values, contact: '' }) // ['contact']
 */
export function missingValues(texts: ReadonlyArray<string>, values: PlaceholderValues): PlaceholderName[] {
  const out: PlaceholderName[] = [];
  for (const t of texts) for (const n of scanPlaceholders(t).used) if (!out.includes(n) && values[n].trim() === '') out.push(n);
  return out;
}

/**
 * Put the values into a text in one pass. Known placeholders with a value are replaced; missing
 * ones (empty value) and unknown ones stay as written, so they are seen, never silently dropped.
 *
 * @example fillPlaceholders('Dear {{contact}}', { ...values, contact: 'Ann' }) // 'Dear Ann'
 */
export function fillPlaceholders(text: string, values: PlaceholderValues): string {
  return text.replace(PLACEHOLDER_PATTERN, (whole, inside: string) => {
    const name = placeholderName(inside);
    if (!name) return whole;
    const v = values[name];
    return v.trim() === '' ? placeholderText(name) : v;
  });
}
