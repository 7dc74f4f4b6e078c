import { m } from './message';

/** Counted nouns several parts of the add-in use: "21 client", "21 клиент". */
export const common = {
  clients: m(['count'], {
    en: { one: '{count:n} client', other: '{count:n} clients' },
    ru: { one: '{count:n} клиент', few: '{count:n} клиента', many: '{count:n} клиентов', other: '{count:n} клиента' },
  }),
  rows: m(['count'], {
    en: { one: '{count:n} row', other: '{count:n} rows' },
    ru: { one: '{count:n} строка', few: '{count:n} строки', many: '{count:n} строк', other: '{count:n} строки' },
  }),
  months: m(['count'], {
    en: { one: '{count} month', other: '{count} months' },
    ru: { one: '{count} месяц', few: '{count} месяца', many: '{count} месяцев', other: '{count} месяца' },
  }),
};
