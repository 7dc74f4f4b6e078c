import { Lang } from '../core/format';
import { CancelledError } from './host';

/**
 * Office errors turned into messages a manager understands. Codes are OfficeExtension.Error
 * codes (https://learn.microsoft.com/office/dev/add-ins/reference/javascript-api-for-office-error-codes).
 */
export class ExcelLayerError extends Error {
  constructor(
    public readonly code: string,
    message: string,
    public readonly messages: Record<Lang, string>,
  ) {
    super(message);
    this.name = 'ExcelLayerError';
  }
}

const TEXT: Record<string, Record<Lang, string>> = {
  AccessDenied: {
    en: 'The sheet is protected, so the add-in cannot write to it. Unprotect it (Review › Unprotect Sheet) and try again.',
    ru: 'Лист защищён, надстройка не может в него писать. Снимите защиту (Рецензирование › Снять защиту листа) и повторите.',
  },
  ItemNotFound: {
    en: 'The sheet or table was not found — it may have been renamed or deleted meanwhile. Choose the source again.',
    ru: 'Лист или таблица не найдены — возможно, их переименовали или удалили. Выберите источник заново.',
  },
  // the add-in sizes every request from what it carries, so these mean a fault in that sizing or
  // a host with a lower limit: retrying the same work would fail the same way
  RequestPayloadSizeLimitExceeded: {
    en: 'Excel refused a request as larger than its limit (5 MB on Excel on the web), so it was not carried out; what the add-in had written before it was undone. Repeating the same step will fail again: work on fewer rows (a smaller range or a filtered copy), and report this workbook to the add-in’s authors.',
    ru: 'Excel отклонил запрос как превышающий его предел (5 МБ в Excel в Интернете), запрос не выполнен; записанное надстройкой до него отменено. Повтор того же шага снова не удастся: возьмите меньше строк (диапазон поменьше или отфильтрованную копию) и сообщите об этой книге авторам надстройки.',
  },
  ResponsePayloadSizeLimitExceeded: {
    en: 'Excel could not return so much data in one response (5 MB on Excel on the web). Repeating the same step will fail again: work on fewer rows or columns, and report this workbook to the add-in’s authors.',
    ru: 'Excel не смог вернуть столько данных одним ответом (5 МБ в Excel в Интернете). Повтор того же шага снова не удастся: возьмите меньше строк или столбцов и сообщите об этой книге авторам надстройки.',
  },
  InvalidOperationInCellEditMode: {
    en: 'Excel is in cell edit mode. Press Enter or Esc to leave the cell, then try again.',
    ru: 'Excel в режиме редактирования ячейки. Нажмите Enter или Esc, затем повторите.',
  },
  InvalidOperation: {
    en: 'Excel could not do this here (a protected sheet, a merged cell or a table in the way). Check the sheet and try again.',
    ru: 'Excel не может выполнить действие здесь (защита листа, объединённые ячейки или таблица). Проверьте лист и повторите.',
  },
  GeneralException: {
    en: 'Excel reported an unexpected error. Try again.',
    ru: 'Excel сообщил о непредвиденной ошибке. Повторите попытку.',
  },
};

/** Wrap any error from Excel in an ExcelLayerError with ru/en text (CancelledError passes through). */
export function toLayerError(e: unknown): Error {
  if (e instanceof CancelledError || e instanceof ExcelLayerError) return e;
  const code = (e as { code?: string })?.code ?? 'GeneralException';
  const messages = TEXT[code] ?? {
    en: `Excel reported an error (${code}): ${(e as Error)?.message ?? String(e)}`,
    ru: `Excel сообщил об ошибке (${code}): ${(e as Error)?.message ?? String(e)}`,
  };
  return new ExcelLayerError(code, messages.en, messages);
}

/** Message for the user in their language, for any error the pane catches. */
export function userMessage(e: unknown, lang: Lang): string {
  if (e instanceof ExcelLayerError) return e.messages[lang];
  // other layer errors with text in both languages (NeedsConfirmation)
  const messages = (e as { messages?: Partial<Record<Lang, unknown>> } | null)?.messages;
  if (e instanceof Error && typeof messages?.[lang] === 'string') return messages[lang] as string;
  if (e instanceof CancelledError) return lang === 'ru' ? 'Отменено.' : 'Cancelled.';
  return (e as Error)?.message ?? String(e);
}
