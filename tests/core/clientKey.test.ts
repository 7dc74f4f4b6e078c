import { clientDisplay, clientKey } from '../../src/core/clientKey';

describe('clientKey', () => {
  it('trims, collapses inner spaces (also non-breaking) and lower-cases', () => {
    expect(clientKey('  ООО  «Ромашка» ')).toBe('ооо «ромашка»');
    expect(clientKey('ооо «ромашка»')).toBe('ооо «ромашка»');
    expect(clientKey('ООО\u00a0«Ромашка»')).toBe('ооо «ромашка»');
    expect(clientKey('ООО\u202f\u2009«Ромашка»\t')).toBe('ооо «ромашка»');
    expect(clientKey('ACME Corp')).toBe(clientKey('acme   corp'));
  });

  it('matches Ё with ё', () => {
    expect(clientKey('ЁЛКА')).toBe(clientKey('ёлка'));
  });

  it('keeps punctuation: different punctuation is a different client', () => {
    expect(clientKey('ООО "Ромашка"')).not.toBe(clientKey('ООО «Ромашка»'));
  });
});

describe('clientDisplay', () => {
  it('collapses spaces and keeps case', () => {
    expect(clientDisplay('  ООО  «Ромашка» ')).toBe('ООО «Ромашка»');
    expect(clientDisplay('Acme\u00a0\u00a0Ltd')).toBe('Acme Ltd');
  });
});
