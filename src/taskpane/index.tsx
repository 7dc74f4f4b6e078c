import { createRoot } from 'react-dom/client';
import { App, PaneEnvironment } from './App';
import { Lang, langFromLocale } from '../core/format';
import { officeRun } from '../excel/host';
import { spawnAnalysisWorker } from './analysis/spawn';
import { officePlatform } from './platform';

/**
 * Task pane entry. In Excel it waits for Office.onReady and follows Office's display language
 * and theme; in a plain browser (no Office.js) it renders at once from the browser's language.
 */
function officeGlobal(): typeof Office | undefined {
  return typeof Office === 'undefined' ? undefined : Office;
}

function environment(): PaneEnvironment {
  const office = officeGlobal();
  let tag: string | undefined;
  let dark = false;
  try {
    tag = office?.context?.displayLanguage;
    const theme = office?.context?.officeTheme;
    dark = theme ? (theme.isDarkTheme ?? isDark(theme.bodyBackgroundColor)) : false;
  } catch {
    // Office.js loaded outside Office: no context
  }
  const lang: Lang = langFromLocale(tag ?? (typeof navigator !== 'undefined' ? navigator.language : undefined));
  const inOffice = Boolean(office?.context?.host);
  return { lang, dark, inOffice, run: inOffice && typeof Excel !== 'undefined' ? officeRun : undefined, spawnWorker: spawnAnalysisWorker, platform: officePlatform() };
}

/** True for a dark background colour such as "#1f1f1f". */
function isDark(color: string | undefined): boolean {
  const m = /^#?([0-9a-f]{6})$/i.exec(color ?? '');
  if (!m) return false;
  const n = parseInt(m[1], 16);
  const luminance = 0.2126 * ((n >> 16) & 255) + 0.7152 * ((n >> 8) & 255) + 0.0722 * (n & 255);
  return luminance < 128;
}

function render(): void {
  const host = document.getElementById('root');
  if (!host) return;
  const root = createRoot(host);
  const draw = () => root.render(<App env={environment()} />);
  draw();
  const office = officeGlobal();
  try {
    office?.context?.document?.addHandlerAsync?.(Office.EventType.OfficeThemeChanged, draw);
  } catch {
    // theme events are not supported on every platform
  }
}

const office = officeGlobal();
if (office?.onReady) {
  office.onReady(() => render()).catch(() => render());
} else {
  render();
}
