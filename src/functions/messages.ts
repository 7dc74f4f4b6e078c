import { Lang } from '../core/format';
import { functions as F, Params, Plain, render } from '../core/i18n';
import type { Msg as CatalogueMsg } from '../core/i18n';
import { Message, renderMessage } from '../core/messages';

/**
 * Messages the custom functions show in a cell's error tip (#VALUE! and #N/A carry a message),
 * in English and Russian; the texts are the catalogue's `functions` part (core/i18n/functions).
 * Parameter names stay as Excel shows them in the formula tip.
 * Rule-set problems from core come rendered in the cell's language (RuleSetError.problemsIn);
 * other core validation problems (cut-offs, top fraction, cadence rows) are core messages
 * (core/messages), rendered here after the name of the argument.
 */
export type Msg = Record<Lang, string>;

/** The message in both languages; `params` may differ by language (a nested message, TRUE/ИСТИНА). */
function both<const A extends readonly string[]>(message: CatalogueMsg<A> | Plain, params?: Params<A> | ((lang: Lang) => Params<A>)): Msg {
  const p = (lang: Lang) => (typeof params === 'function' ? params(lang) : params);
  return { en: render('en', message, p('en')), ru: render('ru', message, p('ru')) };
}
const show = (text: string) => JSON.stringify(text.length > 40 ? text.slice(0, 37) + '…' : text);

export const M = {
  notNumber: (name: string, text: string): Msg => both(F.notNumber, { name, text: show(text) }),
  logicalNotNumber: (name: string, v: boolean): Msg => both(F.notNumber, (l) => ({ name, text: render(l, v ? F.logical.true : F.logical.false) })),
  ambiguous: (name: string, text: string, a: number, b: number): Msg => both(F.ambiguous, { name, text: show(text), a, b }),
  empty: (name: string): Msg => both(F.empty, { name }),
  wasError: (name: string, code: string): Msg => both(F.wasError, { name, code }),
  notCount: (name: string, text: string): Msg => both(F.notCount, { name, text }),
  notScalar: (name: string): Msg => both(F.notScalar, { name }),
  noRules: (): Msg => both(F.noRules),
  rulesNeedAllClients: (tier: string, share: number): Msg => both(F.rulesNeedAllClients, { tier, percent: Math.round(share * 100) }),
  rulesNeedOrders: (tier: string): Msg => both(F.rulesNeedOrders, { tier }),
  rulesInvalid: (name: string, problems: string[]): Msg => both(F.rulesInvalid, { name, problems: problems.join('; ') }),
  tableShape: (name: string, rows: number, cols: number): Msg => both(F.tableShape, { name, rows, cols }),
  tableEmpty: (name: string): Msg => both(F.tableEmpty, { name }),
  tableError: (name: string, row: number, col: number, code: string): Msg => both(F.tableError, { name, row, col, code }),
  tableNotNumber: (name: string, row: number, col: number, text: string): Msg => both(F.tableNotNumber, { name, row, col, text: show(text) }),
  tableAmbiguous: (name: string, row: number, col: number, text: string, a: number, b: number): Msg => both(F.tableAmbiguous, { name, row, col, text: show(text), a, b }),
  tableNoLabel: (name: string, row: number, col: number): Msg => both(F.tableNoLabel, { name, row, col }),
  unknownTier: (name: string, tier: string, tiers: string[]): Msg => both(F.unknownTier, { name, tier, tiers: tiers.join(', ') }),
  notAmong: (name: string, value: number, range: string): Msg => both(F.notAmong, { name, value, range }),
  cutoffCount: (name: string, got: number): Msg => both(F.cutoffCount, { name, got }),
  cutoffsTwice: (): Msg => both(F.cutoffsTwice),
  problem: (name: string, m: Message): Msg => both(F.problem, (l) => ({ name, problem: renderMessage(m, l) })),
  rowProblem: (name: string, row: number, m: Message): Msg => both(F.rowProblem, (l) => ({ name, row, problem: renderMessage(m, l) })),
  tooFewPeriods: (n: number): Msg => both(F.tooFewPeriods, { got: n }),
  zeroMean: (): Msg => both(F.zeroMean),
  negativeMean: (): Msg => both(F.negativeMean),
  noAbcClass: (value: number): Msg => both(F.noAbcClass, { value }),
  unknownSegment: (segment: string, known: string[]): Msg => both(F.unknownSegment, { segment, known: known.join(', ') }),
  unreturnable: (code: string): Msg => both(F.unreturnable, { code }),
  rangeError: (name: string, row: number, col: number, code: string): Msg => both(F.rangeError, { name, row, col, code }),
  wholeColumn: (name: string): Msg => both(F.wholeColumn, { name }),
  tooLarge: (name: string, rows: number, bytes: number, limit: number): Msg =>
    both(F.tooLarge, { name, count: rows, mb: Math.round(bytes / 104857.6) / 10, limitMb: Math.round(limit / 104857.6) / 10 }),
  ruleNotInRange: (tier: string, text: string): Msg => both(F.ruleNotInRange, { tier, text }),
  unexpected: (text: string): Msg => both(F.unexpected, { text }),
};
