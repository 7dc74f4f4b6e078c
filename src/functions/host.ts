import { Lang, langFromLocale } from '../core/format';

/**
 * The one door between the custom functions and their host. The functions never call Office
 * themselves: they ask this module for the display language, which by default reads
 * `Office.context.displayLanguage` when Office.js is on the page (the shared runtime) and falls
 * back to English elsewhere (tests, benchmarks, a plain browser). Tests and the task pane may
 * inject another provider with `setLanguageProvider`.
 *
 * State lives on a global symbol so the task pane bundle and the functions bundle, loaded side
 * by side in the shared-runtime page, see the same provider.
 */
export type LanguageProvider = () => string | null | undefined;

interface HostState {
  language: LanguageProvider;
}

const KEY = Symbol.for('client-tiers.functions.host');

function officeDisplayLanguage(): string | undefined {
  try {
    const office = (globalThis as { Office?: { context?: { displayLanguage?: unknown } } }).Office;
    const tag = office?.context?.displayLanguage;
    return typeof tag === 'string' ? tag : undefined;
  } catch {
    return undefined;
  }
}

function state(): HostState {
  const g = globalThis as unknown as Record<symbol, HostState | undefined>;
  return (g[KEY] ??= { language: officeDisplayLanguage });
}

/** Replace the display-language provider (null restores the Office.js default). */
export function setLanguageProvider(provider: LanguageProvider | null): void {
  state().language = provider ?? officeDisplayLanguage;
}

/** Language of user-facing text (status labels, error messages): ru for Russian-family displays, else en. */
export function currentLang(): Lang {
  try {
    return langFromLocale(state().language());
  } catch {
    return 'en';
  }
}

/**
 * In a plain browser (no Office.js at all) the page still loads functions.js; give it a no-op
 * `CustomFunctions` so the `CustomFunctions.associate` calls the metadata plugin appends do not
 * throw. Where Office.js is present it provides the real object, and this does nothing.
 */
export function installStandaloneRuntime(): void {
  const g = globalThis as { Office?: unknown; CustomFunctions?: unknown };
  if (g.CustomFunctions !== undefined || g.Office !== undefined) return;
  class StandaloneError {
    constructor(
      public code: string,
      public message?: string,
    ) {}
  }
  g.CustomFunctions = {
    associate: () => undefined,
    Error: StandaloneError,
    ErrorCode: { invalidValue: '#VALUE!', notAvailable: '#N/A', divisionByZero: '#DIV/0!', invalidNumber: '#NUM!', nullReference: '#NULL!', invalidName: '#NAME?', invalidReference: '#REF!' },
  };
}
