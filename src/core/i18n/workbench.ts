/** The workbench page's own texts (src/workbench: the bar above the grid and the pane). */
export const workbench = {
  title: { en: 'Client Tiers — workbench', ru: 'Уровни клиентов — стенд' },
  sample: { en: 'Sample', ru: 'Пример' },
  open: { en: 'Open .xlsx…', ru: 'Открыть .xlsx…' },
  save: { en: 'Save .xlsx', ru: 'Сохранить .xlsx' },
  dark: { en: 'Dark theme', ru: 'Тёмная тема' },
  note: { en: 'The real task pane and functions over an Excel stand-in; data never leaves the browser.', ru: 'Настоящая панель и функции над имитацией Excel; данные не покидают браузер.' },
};
