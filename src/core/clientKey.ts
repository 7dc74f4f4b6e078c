/**
 * The key two spellings of one client share: trimmed, inner runs of spaces (including
 * non-breaking ones) collapsed to one, lower-cased (locale-independent, so `Ё`/`ё` and
 * `ООО «Ромашка»`/`ооо «ромашка»` match). Numbers (customer ids) become their text.
 *
 * @example clientKey('  ООО  «Ромашка» ') // 'ооо «ромашка»'
 */
const NEEDS_CLEANING = /^\s|\s$|\s\s|[\t\n\r\u00a0\u2007\u2009\u202f]/;

export function clientKey(name: string): string {
  if (!NEEDS_CLEANING.test(name)) return name.toLowerCase();
  return name.replace(/[\s\u00a0\u2007\u2009\u202f]+/g, ' ').trim().toLowerCase();
}

/** Display form of a client name: trimmed with collapsed spaces, case kept. */
export function clientDisplay(name: string): string {
  if (!NEEDS_CLEANING.test(name)) return name;
  return name.replace(/[\s\u00a0\u2007\u2009\u202f]+/g, ' ').trim();
}
