import { ExcelLayerError, toLayerError, userMessage } from '../../src/excel/errors';
import { CancelledError } from '../../src/excel/host';
import { NeedsConfirmation } from '../../src/excel/writeBlock';
import { createStandIn, modelFromGrid, OfficeExtensionError } from '../../src/workbench/standin';

const EXPECTED: Record<string, { en: string; ru: string }> = {
  AccessDenied: {
    en: 'The sheet is protected, so the add-in cannot write to it. Unprotect it (Review › Unprotect Sheet) and try again.',
    ru: 'Лист защищён, надстройка не может в него писать. Снимите защиту (Рецензирование › Снять защиту листа) и повторите.',
  },
  ItemNotFound: {
    en: 'The sheet or table was not found — it may have been renamed or deleted meanwhile. Choose the source again.',
    ru: 'Лист или таблица не найдены — возможно, их переименовали или удалили. Выберите источник заново.',
  },
  // a real failure message: retrying the same step would fail again, so it does not say "try again"
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

describe('toLayerError and userMessage', () => {
  it.each(Object.keys(EXPECTED))('%s has its own English and Russian message', (code) => {
    const office = new OfficeExtensionError({ code: code as never, message: 'raw Office text' });
    const e = toLayerError(office) as ExcelLayerError;
    expect(e).toBeInstanceOf(ExcelLayerError);
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe('ExcelLayerError');
    expect(e.code).toBe(code);
    expect(e.messages).toEqual(EXPECTED[code]);
    expect(e.message).toBe(EXPECTED[code].en);
    expect(userMessage(e, 'en')).toBe(EXPECTED[code].en);
    expect(userMessage(e, 'ru')).toBe(EXPECTED[code].ru);
    // a plain { code } object (as thrown by the layer itself) maps the same way
    expect((toLayerError({ code }) as ExcelLayerError).messages).toEqual(EXPECTED[code]);
  });

  it('an unknown code keeps the code and Office’s message in both languages', () => {
    const e = toLayerError(new OfficeExtensionError({ code: 'InvalidArgument', message: 'The argument is invalid or missing or has an incorrect format.' })) as ExcelLayerError;
    expect(e.code).toBe('InvalidArgument');
    expect(userMessage(e, 'en')).toBe('Excel reported an error (InvalidArgument): The argument is invalid or missing or has an incorrect format.');
    expect(userMessage(e, 'ru')).toBe('Excel сообщил об ошибке (InvalidArgument): The argument is invalid or missing or has an incorrect format.');
  });

  it('an error without a code is a GeneralException', () => {
    const e = toLayerError(new TypeError('x is undefined')) as ExcelLayerError;
    expect(e.code).toBe('GeneralException');
    expect(e.messages).toEqual(EXPECTED.GeneralException);
    expect((toLayerError('a string') as ExcelLayerError).code).toBe('GeneralException');
    expect((toLayerError(undefined) as ExcelLayerError).code).toBe('GeneralException');
  });

  it('passes CancelledError and ExcelLayerError through unchanged', () => {
    const c = new CancelledError();
    expect(toLayerError(c)).toBe(c);
    const l = toLayerError({ code: 'AccessDenied' });
    expect(toLayerError(l)).toBe(l);
  });

  it('says "Cancelled" in the user’s language', () => {
    expect(userMessage(new CancelledError(), 'en')).toBe('Cancelled.');
    expect(userMessage(new CancelledError(), 'ru')).toBe('Отменено.');
  });

  it('shows a NeedsConfirmation in the user’s language', () => {
    const e = new NeedsConfirmation(2, ['F3: x'], { en: 'two cells', ru: 'две ячейки' });
    expect(userMessage(e, 'en')).toBe('two cells');
    expect(userMessage(e, 'ru')).toBe('две ячейки');
  });

  it('shows other errors’ own message', () => {
    expect(userMessage(new Error('The rule set is not valid'), 'ru')).toBe('The rule set is not valid');
    expect(userMessage('plain text', 'en')).toBe('plain text');
  });

  it('maps the errors the stand-in really raises', async () => {
    const s = createStandIn(modelFromGrid([{ name: 'A', values: [[1]] }]));
    const raw = await s
      .run(async (ctx) => {
        ctx.workbook.worksheets.getItem('missing');
        await ctx.sync();
      })
      .catch((e: unknown) => e);
    expect(raw).toBeInstanceOf(OfficeExtensionError);
    const e = toLayerError(raw) as ExcelLayerError;
    expect(e.code).toBe('ItemNotFound');
    expect(userMessage(e, 'ru')).toBe(EXPECTED.ItemNotFound.ru);
  });
});
