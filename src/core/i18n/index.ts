import { coreMessages, coreParts } from './core';
import { dashboard } from './dashboard';
import { excel } from './excel';
import { functions } from './functions';
import { notices } from './notices';
import { pane } from './pane';
import { reasons } from './reasons';
import { statusLabels } from './status';
import { workbench } from './workbench';

/**
 * The one message catalogue of the add-in: every text a user sees, in English and Russian, in
 * one shape (core/i18n/message: strings with `{name}` parameters, or plural messages chosen by
 * `count` through Intl.PluralRules) and checked by one test (tests/core/i18n.test.ts: both
 * languages, every plural form, every parameter). Split by area; each area's accessor
 * (`strings(lang)` in the pane, `dashboardStrings`, `noticeStrings`, the functions' `M`,
 * core's `renderMessage`) is a view of its part, not a catalogue of its own.
 */
export const CATALOGUE = {
  status: statusLabels,
  core: { parts: coreParts, messages: coreMessages },
  reasons,
  pane,
  dashboard,
  notices,
  functions,
  workbench,
  excel,
};

export { coreMessages, coreParts, dashboard, excel, functions, notices, pane, reasons, statusLabels, workbench };
export { inBoth, isMessage, localize, m, PLACEHOLDER, pluralText, render } from './message';
export type { Localized, Message, Msg, Params, Plain, Text } from './message';
export { PLURAL_CATEGORIES, pluralCategory } from './plural';
export type { PluralCategory, PluralForms } from './plural';

/** The message in `lang`: `t('ru', reasons.window, { count: 21 })` → 'за 21 месяц'. */
export { render as t } from './message';
