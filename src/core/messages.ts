import { RU_EXCEL_ERRORS } from './cells';
import { Lang } from './format';
import { coreMessages as C, coreParts as P, Plain, render } from './i18n';
import type { Msg as CatalogueMsg } from './i18n';
import type { SegmentId } from './programmePlan';

/**
 * Every text core gives a manager, in English and Russian. Core code does not build sentences:
 * it reports a `Message` — a code and its parameters — and whoever shows it (the task pane, the
 * command line, a custom function) renders it in the user's language with `renderMessage`.
 * The words are the catalogue's (core/i18n/core.ts); this file says how each code's parameters
 * fill them (counts pick the plural form there).
 * Codes are grouped by their source: `rules.*` (rule-set validation, see rules.ts, which also
 * names the field), `table.*` (table detection, table.ts), `cell.*` (cells left out by
 * aggregate.ts), `aggregate.*` (errors that stop the aggregation), `abc.*` / `xyz.*` (class
 * cut-offs, abcClasses.ts, xyzClass.ts), `topShare.*` (topShare.ts), `cadence.*`
 * (contactCadence.ts), `programme.*` (the VIP programme settings, programmePlan.ts).
 *
 * @example renderMessage({ code: 'cell.ambiguousNumber', params: { a: 1234, b: 1.234 } }, 'ru')
 * // 'неоднозначное число: 1234 или 1,234; введите его без разделителя разрядов'
 */

/** How a code's parameters fill its catalogue text. */
type Entry<P> = (p: P, lang: Lang) => string;
/** A code whose parameters fill the text as they are. */
const as =
  <P = void>(message: Message_ | Plain): Entry<P> =>
  (p, lang) =>
    render(lang, message as Message_, p as never);
/** A code whose text needs its parameters prepared (a count, a part in the user's language). */
const via = <P>(f: Entry<P>): Entry<P> => f;
type Message_ = CatalogueMsg<readonly string[]>;

/** An Excel error value as Russian Excel shows it (`#N/A` → `#Н/Д`). */
const RU_ERROR_NAMES: Readonly<Record<string, string>> = Object.fromEntries(Object.entries(RU_EXCEL_ERRORS).map(([ru, en]) => [en, ru]));

/** An error code in the language of the message (codes are kept in Excel's invariant English form). */
export function excelErrorName(code: string, lang: Lang): string {
  return lang === 'ru' ? (RU_ERROR_NAMES[code] ?? code) : code;
}

/** A column of the sheet as notes name it: its letter and header text. */
interface ColumnRef {
  column: string;
  header: string;
}

/** What a round trip can lose (cli/xlsxPackage `FeatureKind`), as `apply.wouldLose` names it. */
type LostKind = keyof typeof P.lostKind;

/** `a`, `a or b`, `a, b or c`. */
function alternatives(xs: readonly string[], lang: Lang): string {
  return xs.length <= 1 ? (xs[0] ?? '') : `${xs.slice(0, -1).join(', ')} ${render(lang, P.or)} ${xs[xs.length - 1]}`;
}
/**
 * What was given, after a check: `(got 0.5)` / `(получено 0,5)`, with `%` for a percentage;
 * `(no number given)` / `(число не указано)` for NaN (a blank or non-number setting).
 */
function got(x: number, lang: Lang, percent = false): string {
  if (Number.isNaN(x)) return render(lang, P.gotNothing);
  return render(lang, percent ? P.gotPercent : P.got, { value: x });
}
/** Where table detection looked, appended to every "not found" message. */
const looked = (rows: number, lang: Lang) => (rows <= 1 ? render(lang, P.lookedFirstRow) : render(lang, P.looked, { rows }));
/** A text whose only parameter is a number (`min`, `max`, …) that is also its count. */
const counted =
  <K extends string>(key: K, message: Message_): Entry<{ [k in K]: number }> =>
  (p, lang) =>
    render(lang, message, { count: p[key] });
const withGot =
  <P extends Record<string, unknown>>(message: Message_, value: (p: P) => number, percent = false): Entry<P> =>
  (p, lang) =>
    render(lang, message, { ...(p as Record<string, string | number>), got: got(value(p), lang, percent) });

const TEXTS = {
  'rules.notJson': as<{ detail: string }>(C['rules.notJson']),
  'rules.savedNotJson': as(C['rules.savedNotJson']),
  'rules.tierNameEmpty': as(C['rules.tierNameEmpty']),
  'rules.tierNameTooLong': counted('max', C['rules.tierNameTooLong']),
  'rules.shareAtMost1': as(C['rules.shareAtMost1']),
  'rules.wholeMonths': as(C['rules.wholeMonths']),
  'rules.tooFewTiers': via<{ min: number }>((p, lang) => (p.min === 2 ? render(lang, C['rules.tooFewTiersTwo']) : render(lang, C['rules.tooFewTiers'], { count: p.min }))),
  'rules.tooManyTiers': counted('max', C['rules.tooManyTiers']),
  'rules.repeatsTier': as<{ tier: number; name: string }>(C['rules.repeatsTier']),
  'rules.baseTakesNoCriteria': as(C['rules.baseTakesNoCriteria']),
  'rules.needsCriterion': as(C['rules.needsCriterion']),
  'rules.aboveHigherBar': as<{ higher: string }>(C['rules.aboveHigherBar']),
  'rules.belowHigherShare': as<{ higher: string }>(C['rules.belowHigherShare']),
  // generic value checks (zod's own issue kinds)
  'value.missing': as(C['value.missing']),
  'value.number': as(C['value.number']),
  'value.whole': as(C['value.whole']),
  'value.text': as(C['value.text']),
  'value.group': as(C['value.group']),
  'value.list': as(C['value.list']),
  'value.type': as<{ expected: string }>(C['value.type']),
  'value.atLeast': as<{ min: number }>(C['value.atLeast']),
  'value.above': as<{ min: number }>(C['value.above']),
  'value.atMost': as<{ max: number }>(C['value.atMost']),
  'value.below': as<{ max: number }>(C['value.below']),
  'value.empty': as(C['value.empty']),
  'value.tooShort': counted('min', C['value.tooShort']),
  'value.tooLong': counted('max', C['value.tooLong']),
  'value.tooFewItems': counted('min', C['value.tooFewItems']),
  'value.tooManyItems': counted('max', C['value.tooManyItems']),
  'value.oneOf': via<{ values: readonly string[] }>((p, lang) => render(lang, C['value.oneOf'], { values: alternatives(p.values, lang) })),
  'value.unknownFields': via<{ keys: readonly string[] }>((p, lang) =>
    render(lang, C['value.unknownFields'], { count: p.keys.length, keys: p.keys.map((text) => render(lang, P.quoted, { text })).join(', ') }),
  ),
  'value.invalid': as<{ detail: string }>(C['value.invalid']),
  // table detection
  'table.empty': via<{ rows: number }>((p, lang) => render(lang, C['table.empty'], { looked: looked(p.rows, lang) })),
  'table.notFound': via<{ rows: number }>((p, lang) => render(lang, C['table.notFound'], { looked: looked(p.rows, lang) })),
  'table.noClientColumn': via<{ row: number; rows: number }>((p, lang) => render(lang, C['table.noClientColumn'], { row: p.row, looked: looked(p.rows, lang) })),
  'table.noAmountColumn': via<{ row: number; rows: number }>((p, lang) => render(lang, C['table.noAmountColumn'], { row: p.row, looked: looked(p.rows, lang) })),
  'table.fewNumbers': as<ColumnRef>(C['table.fewNumbers']),
  'table.fewDates': as<ColumnRef>(C['table.fewDates']),
  'table.datePerClient': as<ColumnRef>(C['table.datePerClient']),
  'table.noOrderColumn': as(C['table.noOrderColumn']),
  // cells left out by the aggregation
  'cell.notFinite': as(C['cell.notFinite']),
  'cell.excelError': via<{ code: string }>((p, lang) => render(lang, C['cell.excelError'], { code: excelErrorName(p.code, lang) })),
  'cell.ambiguousNumber': as<{ a: number; b: number }>(C['cell.ambiguousNumber']),
  'cell.notNumber': as(C['cell.notNumber']),
  'cell.ambiguousDate': as(C['cell.ambiguousDate']),
  'cell.notDate': as(C['cell.notDate']),
  'cell.amountWithoutClient': as(C['cell.amountWithoutClient']),
  'cell.notClientName': as(C['cell.notClientName']),
  'cell.errorForClientName': as(C['cell.errorForClientName']),
  'cell.totalRow': as(C['cell.totalRow']),
  'cell.reviewsBelowNotCount': as(C['cell.reviewsBelowNotCount']),
  // real files from real offices (issue 11): table extent, subtotals, locale, formulas, CSV encodings
  'table.twoRowHeader': via<{ upper: number; lower: number; months: number }>((p, lang) => render(lang, C['table.twoRowHeader'], { upper: p.upper, lower: p.lower, count: p.months })),
  'rules.anchorNotDate': as(C['rules.anchorNotDate']),
  'rules.anchorDayAfter28': as(C['rules.anchorDayAfter28']),
  'history.rulesChanged': as<{ rules: string; sheet: string }>(C['history.rulesChanged']),
  'table.monthsYearAssumed': as<{ from: string; to: string; first: string; last: string }>(C['table.monthsYearAssumed']),
  'table.endsAtBlank': as<{ blank: number; from: number; to: number }>(C['table.endsAtBlank']),
  'table.endsAtHeader': as<{ row: number; from: number; to: number }>(C['table.endsAtHeader']),
  'table.monthsWithoutYear': as<{ row: number; column: string; header: string }>(C['table.monthsWithoutYear']),
  'cell.subtotalRow': counted('rows', C['cell.subtotalRow']),
  'aggregate.ambiguousNumbers': as<{ column: string; header: string; count: number; example: string; a: number; b: number }>(C['aggregate.ambiguousNumbers']),
  'aggregate.noAmountsRead': as<{ column: string; header: string; count: number }>(C['aggregate.noAmountsRead']),
  'input.formulasWithoutValues': as<{ column: string; header: string; count: number; first: string }>(C['input.formulasWithoutValues']),
  'input.encoding': via<{ encoding: string; delimiter: string }>((p, lang) => {
    const named = (P.delimiter as Record<string, Plain | undefined>)[p.delimiter];
    return render(lang, C['input.encoding'], { encoding: p.encoding, delimiter: named ? render(lang, named) : render(lang, P.otherDelimiter, { delimiter: p.delimiter }) });
  }),
  // errors that stop the aggregation
  'aggregate.noMarginColumn': as(C['aggregate.noMarginColumn']),
  // class cut-offs (abcClasses, xyzClass)
  'abc.cutoffA': withGot<{ a: number }>(C['abc.cutoffA'], (p) => p.a),
  'abc.cutoffB': withGot<{ a: number; b: number }>(C['abc.cutoffB'], (p) => p.b),
  'xyz.cutoffX': withGot<{ x: number }>(C['xyz.cutoffX'], (p) => p.x),
  'xyz.cutoffY': withGot<{ x: number; y: number }>(C['xyz.cutoffY'], (p) => p.y),
  // top share (topShare)
  'topShare.fraction': withGot<{ fraction: number }>(C['topShare.fraction'], (p) => p.fraction),
  'topShare.count': withGot<{ count: number }>(C['topShare.count'], (p) => p.count),
  // files the command line and the workbench open (cli/xlsxPackage, cli/safeWrite)
  'file.passwordProtected': as<{ file: string }>(C['file.passwordProtected']),
  'file.legacyXls': as<{ file: string }>(C['file.legacyXls']),
  'file.notXlsx': as<{ file: string }>(C['file.notXlsx']),
  'apply.wouldLose': via<{ items: Array<{ kind: LostKind; detail: string }>; more: number }>((p, lang) => {
    const lines = p.items.map((i) => (i.detail ? render(lang, P.lostItem, { kind: render(lang, P.lostKind[i.kind]), detail: i.detail }) : render(lang, P.lostItemBare, { kind: render(lang, P.lostKind[i.kind]) })));
    if (p.more) lines.push(render(lang, P.lostMore, { count: p.more }));
    return render(lang, C['apply.wouldLose'], { items: lines.join('\n') });
  }),
  'apply.lostForced': as<{ count: number }>(C['apply.lostForced']),
  'apply.renamedColumn': as<{ header: string; written: string }>(C['apply.renamedColumn']),
  'apply.renamedSheet': as<{ sheet: string; written: string }>(C['apply.renamedSheet']),
  'apply.nameTruncated': via<{ cell: string; length: number }>((p, lang) => render(lang, C['apply.nameTruncated'], { cell: p.cell, count: p.length })),
  // contact cadence tables (contactCadence)
  'cadence.segmentEmpty': as(C['cadence.segmentEmpty']),
  'cadence.months': withGot<{ segment: string; months: number }>(C['cadence.months'], (p) => p.months),
  // VIP programme settings (programmePlan)
  'programme.interval': via<{ segment: SegmentId; months: number }>((p, lang) =>
    render(lang, C['programme.interval'], { segment: render(lang, P.meetingsWith[p.segment]), got: got(p.months, lang) }),
  ),
  'programme.keyShare': withGot<{ percent: number }>(C['programme.keyShare'], (p) => p.percent, true),
  'programme.partTimeRate': withGot<{ rate: number }>(C['programme.partTimeRate'], (p) => p.rate),
  'programme.fullTimeRate': withGot<{ rate: number }>(C['programme.fullTimeRate'], (p) => p.rate),
  'programme.passMonths': withGot<{ months: number }>(C['programme.passMonths'], (p) => p.months),
  'programme.passFullTime': withGot<{ people: number }>(C['programme.passFullTime'], (p) => p.people),
} as const;

export type MessageCode = keyof typeof TEXTS;
export type MessageParams<K extends MessageCode> = (typeof TEXTS)[K] extends Entry<infer P> ? P : never;

/** A code and its parameters; codes without parameters take none. */
export type Message<C extends MessageCode = MessageCode> = {
  [K in C]: MessageParams<K> extends void ? { readonly code: K; readonly params?: undefined } : { readonly code: K; readonly params: MessageParams<K> };
}[C];

export const MESSAGE_CODES = Object.keys(TEXTS) as MessageCode[];

export function isMessageCode(s: unknown): s is MessageCode {
  return typeof s === 'string' && Object.prototype.hasOwnProperty.call(TEXTS, s);
}

/** Build a message, checking its parameters: `msg('cell.excelError', { code: '#N/A' })`. */
export function msg<C extends MessageCode>(code: C, ...params: MessageParams<C> extends void ? [] : [MessageParams<C>]): Message<C> {
  return (params.length ? { code, params: params[0] } : { code }) as Message<C>;
}

/** The message as a sentence (or phrase) in `lang`. */
export function renderMessage(m: Message, lang: Lang): string {
  const e = TEXTS[m.code] as Entry<unknown>;
  return e(m.params, lang);
}

/** The message in both languages (for errors that carry `messages`, see excel/errors `userMessage`). */
export function messageTexts(m: Message): Record<Lang, string> {
  return { en: renderMessage(m, 'en'), ru: renderMessage(m, 'ru') };
}

/**
 * An error whose text exists in both languages: `message` is English (for logs and callers that
 * know no language), `messages` holds both, `detail` the code and parameters.
 */
export class MessageError extends Error {
  readonly messages: Record<Lang, string>;
  constructor(public readonly detail: Message) {
    const messages = messageTexts(detail);
    super(messages.en);
    this.name = 'MessageError';
    this.messages = messages;
  }
}
