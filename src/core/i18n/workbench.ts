import { m } from './message';

/** The workbench page's own texts (src/workbench: the bar above the grid and the pane). */
export const workbench = {
  title: { en: 'Client Tiers — workbench', ru: 'Уровни клиентов — стенд' },
  sample: { en: 'Sample', ru: 'Пример' },
  open: { en: 'Open .xlsx…', ru: 'Открыть .xlsx…' },
  save: { en: 'Save .xlsx', ru: 'Сохранить .xlsx' },
  dark: { en: 'Dark theme', ru: 'Тёмная тема' },
  note: { en: 'The real task pane and functions over an Excel stand-in; data never leaves the browser.', ru: 'Настоящая панель и функции над имитацией Excel; данные не покидают браузер.' },
  language: { en: 'Language', ru: 'Язык' },
  opening: m(['name'], { en: 'Opening {name}…', ru: 'Открываем {name}…' }),
  saving: { en: 'Saving: writing the cells…', ru: 'Сохранение: запись ячеек…' },
  packing: { en: 'Saving: packing the file…', ru: 'Сохранение: упаковка файла…' },
  saved: m(['name'], { en: 'Saved as {name}.', ru: 'Сохранено как {name}.' }),
  discardTitle: { en: 'Replace this workbook?', ru: 'Заменить эту книгу?' },
  discard: m(['name'], {
    en: '{name} has changes that are not saved (results, history, settings). Opening another workbook discards them.',
    ru: 'В книге {name} есть несохранённые изменения (результаты, история, настройки). Если открыть другую книгу, они пропадут.',
  }),
  saveFirst: { en: 'Save first', ru: 'Сначала сохранить' },
  discardYes: { en: 'Discard and open', ru: 'Не сохранять и открыть' },
  keep: { en: 'Keep this workbook', ru: 'Оставить эту книгу' },
};
