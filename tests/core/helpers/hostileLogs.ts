/**
 * Transaction logs as CSV text with the problems real exports have, in any mix (seeded): text and
 * error amounts, "1,234" amounts, amounts in "1 234,50 ₽" form, dates as text, ambiguous
 * 03/04 dates, bad dates, blank clients with amounts, blank lines, total rows, an order column
 * with invoice lines and ids shared by clients, a manager column, a separate margin column,
 * quoted names with the delimiter, quotes and line breaks, Cyrillic names. For checking that two
 * ways of reading agree (the grid and the streamed read), not for exact totals.
 */
import { seededRandom } from '../../../src/core/seededRandom';

export interface HostileLogOptions {
  rows: number;
  seed: number;
  /** 'ru': `;` and decimal commas, dd.mm.yyyy; 'en': `,`, ISO dates; 'slash': `,` and 03/04/2025 dates */
  format?: 'ru' | 'en' | 'slash';
  /** Share of rows with a problem (0..1). */
  mess?: number;
  orders?: boolean;
  manager?: boolean;
  margin?: boolean;
  /** Dates in random order rather than rising. */
  shuffled?: boolean;
  eol?: string;
}

export function hostileLogCsv(o: HostileLogOptions): string {
  const rnd = seededRandom(o.seed);
  const fmt = o.format ?? 'ru';
  const d = fmt === 'ru' ? ';' : ',';
  const eol = o.eol ?? '\r\n';
  const mess = o.mess ?? 0.05;
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const q = (s: string) => (s.includes(d) || s.includes('"') || s.includes('\n') || s.includes('\r') ? `"${s.replace(/"/g, '""')}"` : s);
  const header = [fmt === 'ru' ? 'Дата' : 'Date', ...(o.orders ? [fmt === 'ru' ? 'Счёт' : 'Invoice'] : []), fmt === 'ru' ? 'Клиент' : 'Client', fmt === 'ru' ? 'Сумма' : 'Amount'];
  if (o.margin) header.push(fmt === 'ru' ? 'Маржа' : 'Margin');
  if (o.manager) header.push(fmt === 'ru' ? 'Менеджер' : 'Manager');
  const lines = [header.join(d)];
  const names = ['ООО «Ромашка»', 'Acme; Ltd', 'Acme Ltd', 'acme  ltd', 'ИП "Иванов"', 'Line\nBreak Co', 'Zeta', 'Бета', ' Бета ', 'Total Oil LLC', '7', '007'];
  let day = 20000;
  let invoice = 1000;
  const dateText = (x: number) => {
    const t = new Date(x * 86400000);
    const [y, m, dd] = [t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate()];
    const p2 = (n: number) => String(n).padStart(2, '0');
    return fmt === 'ru' ? `${p2(dd)}.${p2(m)}.${y}` : fmt === 'slash' ? `${p2(dd)}/${p2(m)}/${y}` : `${y}-${p2(m)}-${p2(dd)}`;
  };
  const money = (x: number) => {
    const s = x.toFixed(2);
    return fmt === 'ru' ? s.replace('.', ',') : s;
  };
  for (let r = 0; r < o.rows; r++) {
    day = o.shuffled ? 20000 + Math.floor(rnd() * 800) : day + (rnd() < 0.05 ? 1 : 0);
    if (rnd() < 0.3) invoice++;
    let date = dateText(day);
    let client = rnd() < 0.6 ? `Клиент ${Math.floor(Math.pow(rnd(), 2) * 300)}` : pick(names);
    let amount = money(Math.round((rnd() < 0.03 ? -1 : 1) * Math.exp(1 + 4 * rnd()) * 100) / 100);
    let inv = 'INV-' + invoice;
    if (rnd() < mess) {
      switch (Math.floor(rnd() * 14)) {
        case 0: amount = pick(['n/a', '#N/A', '#ЗНАЧ!', 'возврат', '']); break;
        case 1: amount = pick(['1,234', '12,345', '2,500']); break;
        case 2: amount = fmt === 'ru' ? pick(['1 234,50 ₽', '(1 200)', '−5', '12 000 руб.']) : pick(['$1,200', '1,234.50', '(300)']); break;
        case 3: date = pick(['вчера', 'n/a', '', '32.13.2024', '#N/A']); break;
        case 4: date = pick(['03/04/2025', '04/03/2025', '12/11/2024']); break;
        case 5: client = ''; break;
        case 6: client = pick(['Итого', 'Итого по менеджеру Иванов', 'Total', 'Grand total', 'Всего']); break;
        case 7: client = pick(['#N/A', '#REF!', ' ']); break;
        case 8: lines.push(''); break;
        case 9: inv = pick(['', ' ', 'INV-1', '7']); break;
        case 10: date = String(45000 + Math.floor(rnd() * 300)); break;
        case 11: amount = pick(['0', '0,00', '-0']); break;
        case 12: client = pick(['  Zeta', 'ZETA', 'Acme   Ltd']); break;
        default: amount = pick([' 12 ', '+5', '1e3', '1.2.3']);
      }
    }
    const cells = [date, ...(o.orders ? [inv] : []), q(client), q(amount)];
    if (o.margin) cells.push(q(rnd() < mess ? pick(['', 'x', '1,234']) : money(Math.round(rnd() * 5000) / 100)));
    if (o.manager) cells.push(q(rnd() < 0.2 ? '' : pick(['Иванова', 'Petrov', ' Smith ', 'Сидоров'])));
    lines.push(cells.join(d));
  }
  return lines.join(eol) + (rnd() < 0.5 ? eol : '');
}
