import { monthFromHeader } from '../../src/core/monthHeader';

const ym = (y: number, m: number) => y * 12 + m - 1;

describe('monthFromHeader', () => {
  it.each([
    ['2025-01', ym(2025, 1)],
    ['2025-02', ym(2025, 2)],
    ['2025.12', ym(2025, 12)],
    ['2025/3', ym(2025, 3)],
    ['01.2025', ym(2025, 1)],
    ['12-2024', ym(2024, 12)],
    ['Jan 2025', ym(2025, 1)],
    ['January 2025', ym(2025, 1)],
    ['Sept 2025', ym(2025, 9)],
    ['dec-24', ym(2024, 12)],
    ["Mar'25", ym(2025, 3)],
    ['Янв 2025', ym(2025, 1)],
    ['янв 2025', ym(2025, 1)],
    ['Январь 2025', ym(2025, 1)],
    ['Февраль 2025 г.', ym(2025, 2)],
    ['май 2025', ym(2025, 5)],
    ['мая 2025', ym(2025, 5)],
    ['янв.25', ym(2025, 1)],
    ['Дек. 2024', ym(2024, 12)],
    ['  Ноябрь 2025  ', ym(2025, 11)],
  ])('%p → month index', (h, m) => {
    expect(monthFromHeader(h)).toBe(m);
  });

  it('the documented example: Январь 2025 is 24300', () => {
    expect(monthFromHeader('Январь 2025')).toBe(24300);
  });

  it('reads Date header cells (UTC) and date serials between 2000 and 2100', () => {
    expect(monthFromHeader(new Date(Date.UTC(2025, 1, 1)))).toBe(ym(2025, 2));
    expect(monthFromHeader(45658)).toBe(ym(2025, 1)); // 2025-01-01
    expect(monthFromHeader(45689)).toBe(ym(2025, 2)); // 2025-02-01
  });

  it.each([['Клиент'], ['Revenue'], ['2025'], ['13.2025'], ['2025-13'], ['Foo 2025'], [''], [null], [undefined], [true], [12], [45658.5], [100000]])(
    '%p is not a month',
    (h) => {
      expect(monthFromHeader(h)).toBeUndefined();
    },
  );
});
