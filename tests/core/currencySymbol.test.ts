import { currencySymbol } from '../../src/core/moneyFormat';
import { money } from '../../src/core/notices/render';

describe('currencySymbol: the currency of an Excel number format', () => {
  it.each([
    ['#,##0.00 "₽"', '₽'],
    ['#,##0.00\\ "₽"', '₽'],
    ['#,##0 "руб."', 'руб.'],
    ['[$$-409]#,##0.00', '$'],
    ['#,##0.00 [$€-x-euro2]', '€'],
    ['[$€-x-euro2] #,##0', '€'],
    ['$#,##0.00_);($#,##0.00)', '$'],
    ['#,##0.00 [$USD]', 'USD'],
    ['_-* #,##0.00 "₽"_-;-* #,##0.00 "₽"_-;_-* "-"?? "₽"_-;_-@_-', '₽'],
  ])('%s → %s', (format, symbol) => {
    expect(currencySymbol(format)).toBe(symbol);
  });

  it.each([['General'], ['0'], ['#,##0.00'], ['0.0%'], ['dd.mm.yyyy'], ['@'], [''], [null], [undefined]])('%s shows no currency', (format) => {
    expect(currencySymbol(format)).toBe('');
  });

  it('gives letters their money as the workbook shows it', () => {
    expect(money(1234567.5, 'ru', currencySymbol('#,##0.00 "₽"'))).toBe('1\u00a0234\u00a0568\u00a0₽');
    expect(money(1234567.5, 'en', currencySymbol('[$$-409]#,##0.00'))).toBe('$1,234,568');
  });
});
