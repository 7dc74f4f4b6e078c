import { m } from './message';

/** Messages of the Excel layer (src/excel) and of the command line's report (src/cli). */
export const excel = {
  wouldOverwrite: m(['count', 'samples'], {
    en: {
      one: '{count:n} cell with your data would be overwritten ({samples}). Confirm to overwrite; it can be restored with Undo.',
      other: '{count:n} cells with your data would be overwritten ({samples}). Confirm to overwrite; they can be restored with Undo.',
    },
    ru: {
      one: 'Будет перезаписана {count:n} ячейка с вашими данными ({samples}). Подтвердите перезапись; данные можно вернуть кнопкой «Отменить».',
      few: 'Будут перезаписаны {count:n} ячейки с вашими данными ({samples}). Подтвердите перезапись; их можно вернуть кнопкой «Отменить».',
      many: 'Будут перезаписаны {count:n} ячеек с вашими данными ({samples}). Подтвердите перезапись; их можно вернуть кнопкой «Отменить».',
      other: 'Будут перезаписаны {count:n} ячейки с вашими данными ({samples}). Подтвердите перезапись; их можно вернуть кнопкой «Отменить».',
    },
  }),
  rowCountChanged: m(['count', 'then'], {
    en: {
      one: 'Undo cannot put the old values back: the table has {count:n} row now, {then:n} when the tiers were applied. Nothing was changed.',
      other: 'Undo cannot put the old values back: the table has {count:n} rows now, {then:n} when the tiers were applied. Nothing was changed.',
    },
    ru: {
      one: 'Отмена невозможна: сейчас в таблице {count:n} строка, а при применении уровней было {then:n}. Ничего не изменено.',
      few: 'Отмена невозможна: сейчас в таблице {count:n} строки, а при применении уровней было {then:n}. Ничего не изменено.',
      many: 'Отмена невозможна: сейчас в таблице {count:n} строк, а при применении уровней было {then:n}. Ничего не изменено.',
      other: 'Отмена невозможна: сейчас в таблице {count:n} строки, а при применении уровней было {then:n}. Ничего не изменено.',
    },
  }),
  rowsSortedApart: m(['count', 'name'], {
    en: {
      one: 'Undo cannot put the old values back: the rows were sorted since the tiers were applied, and {count:n} row of “{name}” held different values — which is which cannot be told. Sort the table back (or restore a copy) and undo again. Nothing was changed.',
      other: 'Undo cannot put the old values back: the rows were sorted since the tiers were applied, and {count:n} rows of “{name}” held different values — which is which cannot be told. Sort the table back (or restore a copy) and undo again. Nothing was changed.',
    },
    ru: {
      one: 'Отмена невозможна: строки пересортированы после применения уровней, а у {count:n} строки «{name}» были разные значения — какая из них какая, определить нельзя. Верните прежний порядок строк и повторите отмену. Ничего не изменено.',
      few: 'Отмена невозможна: строки пересортированы после применения уровней, а у {count:n} строк «{name}» были разные значения — какая из них какая, определить нельзя. Верните прежний порядок строк и повторите отмену. Ничего не изменено.',
      many: 'Отмена невозможна: строки пересортированы после применения уровней, а у {count:n} строк «{name}» были разные значения — какая из них какая, определить нельзя. Верните прежний порядок строк и повторите отмену. Ничего не изменено.',
      other: 'Отмена невозможна: строки пересортированы после применения уровней, а у {count:n} строки «{name}» были разные значения — какая из них какая, определить нельзя. Верните прежний порядок строк и повторите отмену. Ничего не изменено.',
    },
  }),
  blankKey: { en: '(blank)', ru: '(пусто)' },
  tableRowsChanged: m(['table', 'count', 'then'], {
    en: {
      one: 'The table "{table}" now has {count:n} row below its header, not {then:n} as when it was read. Review it again.',
      other: 'The table "{table}" now has {count:n} rows below its header, not {then:n} as when it was read. Review it again.',
    },
    ru: {
      one: 'В таблице «{table}» сейчас {count:n} строка под заголовком, а при чтении было {then:n}. Проведите пересмотр заново.',
      few: 'В таблице «{table}» сейчас {count:n} строки под заголовком, а при чтении было {then:n}. Проведите пересмотр заново.',
      many: 'В таблице «{table}» сейчас {count:n} строк под заголовком, а при чтении было {then:n}. Проведите пересмотр заново.',
      other: 'В таблице «{table}» сейчас {count:n} строки под заголовком, а при чтении было {then:n}. Проведите пересмотр заново.',
    },
  }),
  /** The command line's last line after `apply`. */
  cliWrote: m(['out', 'count', 'sheet', 'summary'], {
    en: {
      one: 'Wrote {out}: {count} row with tiers in sheet "{sheet}", summary in sheet "{summary}". The input file is unchanged.',
      other: 'Wrote {out}: {count} rows with tiers in sheet "{sheet}", summary in sheet "{summary}". The input file is unchanged.',
    },
    ru: {
      one: 'Записано {out}: {count} строка с уровнями в листе «{sheet}», сводка в листе «{summary}». Исходный файл не изменён.',
      few: 'Записано {out}: {count} строки с уровнями в листе «{sheet}», сводка в листе «{summary}». Исходный файл не изменён.',
      many: 'Записано {out}: {count} строк с уровнями в листе «{sheet}», сводка в листе «{summary}». Исходный файл не изменён.',
      other: 'Записано {out}: {count} строки с уровнями в листе «{sheet}», сводка в листе «{summary}». Исходный файл не изменён.',
    },
  }),
};
