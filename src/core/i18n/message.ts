import { formatAmount, Lang } from '../format';
import { pluralCategory, PluralForms } from './plural';

/**
 * The shape of every user-visible text: a message is English and Russian text, each either a
 * string or, when it speaks of a number of things, a plural message (one text per plural
 * category, chosen by the `count` parameter through `Intl.PluralRules`).
 *
 * Texts name their parameters in braces: `{sheet}`. A number parameter is shown as typed, with
 * the language's decimal mark (`0,5` in Russian, `∞` for infinity); `{count:n}` groups thousands
 * as the language does (`12,345` / `12 345`). `{{placeholder}}` (double braces, as letter
 * templates write them) is literal text, never a parameter.
 *
 * @example render('ru', m(['count'], { en: { one: '{count} client', other: '{count} clients' },
 *   ru: { one: '{count} клиент', few: '{count} клиента', many: '{count} клиентов', other: '{count} клиента' } }), { count: 21 })
 * // '21 клиент'
 */
export type Text<L extends Lang> = string | PluralForms<L>;

/** A message without parameters: the same words every time. */
export interface Plain {
  readonly en: string;
  readonly ru: string;
}

/** A message with named parameters (`args` in the order the positional accessors take them). */
export interface Msg<A extends readonly string[] = readonly string[]> {
  readonly args: A;
  readonly en: Text<'en'>;
  readonly ru: Text<'ru'>;
}

export type Message = Plain | Msg;

/** The value of a parameter: `count` (which picks the plural form) is a number. */
type ParamValue<K> = K extends 'count' ? number : string | number;
export type Params<A extends readonly string[]> = { readonly [K in A[number]]: ParamValue<K> };
type Positional<A extends readonly string[]> = { [I in keyof A]: ParamValue<A[I]> };

/** Declare a message with parameters: `m(['count', 'sheet'], { en: …, ru: … })`. */
export function m<const A extends readonly string[]>(args: A, texts: { readonly en: Text<'en'>; readonly ru: Text<'ru'> }): Msg<A> {
  return { args, en: texts.en, ru: texts.ru };
}

const FORM_KEYS = new Set(['zero', 'one', 'two', 'few', 'many', 'other']);
/** A text of one language: a string, or plural forms (`one`, `few`, …: strings). */
const isText = (x: unknown): boolean =>
  typeof x === 'string' || (typeof x === 'object' && x !== null && !Array.isArray(x) && Object.entries(x).every(([k, v]) => FORM_KEYS.has(k) && typeof v === 'string'));

/** A message, not a group of messages (a group may have parts named `en` and `ru`, e.g. two number formats). */
export function isMessage(x: unknown): x is Message {
  return typeof x === 'object' && x !== null && !Array.isArray(x) && 'en' in x && 'ru' in x && isText(x.en) && isText(x.ru);
}

/** `{name}` or `{name:n}`, not inside `{{…}}`. */
export const PLACEHOLDER = /(?<!\{)\{([A-Za-z]\w*)(:n)?\}(?!\})/g;

function shown(x: number, lang: Lang, grouped: boolean): string {
  if (!Number.isFinite(x)) return Number.isNaN(x) ? String(x) : x > 0 ? '∞' : '−∞';
  if (grouped) return formatAmount(x, lang, Number.isInteger(x) ? 0 : undefined);
  return lang === 'ru' ? String(x).replace('.', ',') : String(x);
}

/** The text of `forms` for `count` in `lang`. */
export function pluralText<L extends Lang>(lang: L, forms: PluralForms<L>, count: number): string {
  if (count === 0 && forms.zero !== undefined) return forms.zero;
  return forms[pluralCategory(lang, count)];
}

/** A text cut at its placeholders once: literal, name, literal, name, …, literal (`grouped` for `:n`). */
interface Compiled {
  literals: string[];
  names: string[];
  grouped: boolean[];
}
const COMPILED = new Map<string, Compiled>();

function compile(text: string): Compiled {
  let c = COMPILED.get(text);
  if (!c) {
    c = { literals: [], names: [], grouped: [] };
    let last = 0;
    for (const x of text.matchAll(PLACEHOLDER)) {
      c.literals.push(text.slice(last, x.index));
      c.names.push(x[1]);
      c.grouped.push(x[2] !== undefined);
      last = x.index + x[0].length;
    }
    c.literals.push(text.slice(last));
    COMPILED.set(text, c);
  }
  return c;
}

/** The message in `lang` with its parameters filled in. */
export function render<A extends readonly string[]>(lang: Lang, message: Msg<A> | Plain, params?: Params<A>): string {
  const text: Text<'en'> | Text<'ru'> = message[lang];
  const values = (params ?? {}) as Readonly<Record<string, string | number>>;
  let chosen: string;
  if (typeof text === 'string') chosen = text;
  else {
    const count = values.count;
    if (typeof count !== 'number') throw new TypeError('A plural message needs a number `count`.');
    chosen = pluralText(lang, text as PluralForms<Lang>, count);
  }
  if (!params) return chosen;
  const c = compile(chosen);
  let out = c.literals[0];
  for (let i = 0; i < c.names.length; i++) {
    const v = values[c.names[i]];
    out += (v === undefined ? `{${c.names[i]}${c.grouped[i] ? ':n' : ''}}` : typeof v === 'number' ? shown(v, lang, c.grouped[i]) : v) + c.literals[i + 1];
  }
  return out;
}

/** The message in both languages, e.g. for an error that carries `messages: Record<Lang, string>`. */
export function inBoth<A extends readonly string[]>(message: Msg<A> | Plain, params?: Params<A>): Record<Lang, string> {
  return { en: render('en', message, params), ru: render('ru', message, params) };
}

/** A tree of messages as the texts of one language: plain messages become strings, messages with
 * parameters functions taking them in `args` order, lists lists. */
export type Localized<T> = T extends { readonly args: infer A extends readonly string[] }
  ? (...a: Positional<A>) => string
  : T extends Plain
    ? string
    : T extends readonly unknown[]
      ? { -readonly [I in keyof T]: Localized<T[I]> }
      : { readonly [K in keyof T]: Localized<T[K]> };

const LOCALIZED: Record<Lang, WeakMap<object, unknown>> = { en: new WeakMap(), ru: new WeakMap() };

function localizeNode(node: unknown, lang: Lang): unknown {
  if (isMessage(node)) {
    if (!('args' in node)) return node[lang];
    const msg = node as Msg;
    return (...a: Array<string | number>) => render(lang, msg, Object.fromEntries(msg.args.map((name, i) => [name, a[i]])) as Params<readonly string[]>);
  }
  if (Array.isArray(node)) return node.map((x) => localizeNode(x, lang));
  if (typeof node === 'object' && node !== null) return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, localizeNode(v, lang)]));
  throw new TypeError(`Not a message: ${String(node)}`);
}

/** A part of the catalogue in one language (built once per language and part). */
export function localize<T extends object>(tree: T, lang: Lang): Localized<T> {
  const cache = LOCALIZED[lang];
  let done = cache.get(tree);
  if (!done) {
    done = localizeNode(tree, lang);
    cache.set(tree, done);
  }
  return done as Localized<T>;
}
