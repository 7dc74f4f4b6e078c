import { Button, Caption1, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, FluentProvider, ProgressBar, Select, Switch, Title3, makeStyles, tokens, webDarkTheme, webLightTheme } from '@fluentui/react-components';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { Lang } from '../core/format';
import { localize, workbench } from '../core/i18n';
import { ExcelRun } from '../excel/host';
import { App } from '../taskpane/App';
import { spawnAnalysisWorker } from '../taskpane/analysis/spawn';
import { parseCsv } from '../core/csv';
import { hostProfile } from './standin/hostProfile';
import { calculatorFor, FunctionsMetadata, Registry, registryFromGlobal } from './formulas';
import { Grid } from './Grid';
import { createStandIn, StandIn } from './standin';
import { modelFromGrid, WorkbookModel } from './standin/model';
import { modelFromXlsx, modelToXlsx } from './standin/xlsxModel';

/**
 * The workbench: the bundled sample workbook (or the user's own .xlsx) in a spreadsheet grid
 * beside the REAL task pane, whose src/excel code runs over the strict Office.js stand-in, with
 * CLIENTS.* formulas computed by the real custom functions. Save writes the result as .xlsx.
 * Nothing leaves the browser: files are read and written locally.
 */
const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', height: '100vh', backgroundColor: tokens.colorNeutralBackground2, color: tokens.colorNeutralForeground1 },
  bar: { display: 'flex', gap: '12px', alignItems: 'center', padding: '6px 12px', borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, flexWrap: 'wrap' },
  main: { display: 'flex', flex: 1, minHeight: 0 },
  grid: { flex: 1, minWidth: 0 },
  pane: { flex: 'none', borderLeft: `1px solid ${tokens.colorNeutralStroke2}`, overflowY: 'auto', backgroundColor: tokens.colorNeutralBackground1 },
});

interface Loaded {
  model: WorkbookModel;
  standIn: StandIn;
  name: string;
  id: number;
}

declare global {
  interface Window {
    __workbench?: {
      model: WorkbookModel;
      standIn: StandIn;
      registry: Registry;
      ready: boolean;
      /**
       * Test hook (tests/e2e): replace the workbook by one sheet parsed from CSV text with core's
       * parseCsv (cells stay text, as the command line reads them), e.g. a generated
       * 1,048,575-row log for the long-task measurement. The pane restarts on the new workbook.
       */
      openCsv: (text: string, sheetName: string) => void;
    };
  }
}

/** The host profile named by `?host=web|windows|mac` (default web): the pane's platform follows it. */
function profileFromQuery() {
  return hostProfile(new URLSearchParams(location.search).get('host') ?? 'web');
}

/** The language of the workbench and of the pane at start: `?lang=`, else the browser's. */
function langFromQuery(): Lang {
  const q = new URLSearchParams(location.search).get('lang');
  if (q === 'ru' || q === 'en') return q;
  return navigator.language.toLowerCase().startsWith('ru') ? 'ru' : 'en';
}

/** The sample workbook opened at start: `?sample=`, else the one in the workbench's language. */
function sampleFromQuery(): Lang {
  const q = new URLSearchParams(location.search).get('sample');
  return q === 'ru' || q === 'en' ? q : langFromQuery();
}

/**
 * Width of the task pane in CSS pixels: `?pane=320` (Excel's default pane is about 320-350 px
 * wide; the user can drag it wider). Default 350.
 */
function paneWidthFromQuery(): number {
  const n = Number(new URLSearchParams(location.search).get('pane'));
  return Number.isFinite(n) && n >= 200 && n <= 1200 ? n : 350;
}

/**
 * What the add-in can have changed in a workbook, in a few hundred bytes: the settings (every
 * apply, undo, saved rule set or template changes them: the undo record, the drafts), and per
 * sheet its name, used range, tables and pictures (results, history, Notices and Dashboard sheets).
 * Compared with the one taken when the workbook was opened or saved, it says "unsaved changes".
 */
export function fingerprint(model: WorkbookModel): string {
  let h = 0x811c9dc5;
  const mix = (s: string) => {
    for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  };
  for (const [k, v] of model.settings) mix(`${k}\u0000${v}\u0000`);
  for (const sheet of model.sheets) {
    const u = sheet.usedRange(false);
    mix(`${sheet.name}|${u ? `${u.r0},${u.c0},${u.r1},${u.c1}` : '-'}|${sheet.tables.length}|${sheet.shapes.filter((x) => !x.deleted).map((x) => x.name).join(',')}\u0000`);
  }
  return `${model.sheets.length}:${(h >>> 0).toString(16)}`;
}

/** Lets the page paint (the progress bar) before a long step that holds the thread. */
const nextFrame = () => new Promise<void>((resolve) => setTimeout(resolve, 16));

/** The page's texts, from the catalogue (core/i18n/workbench.ts). */
const TEXT = { en: localize(workbench, 'en'), ru: localize(workbench, 'ru') };

function Workbench({ registry }: { registry: Registry }) {
  const styles = useStyles();
  const [lang, setLang] = useState<Lang>(langFromQuery);
  const [sample, setSample] = useState<Lang>(sampleFromQuery);
  const paneWidth = useMemo(paneWidthFromQuery, []);
  // what the workbook looked like when opened or last saved: anything else is unsaved work
  const savedPrint = useRef('');
  const [progress, setProgress] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  /** Opening another workbook waits for the user's answer while this one has unsaved changes. */
  const [pending, setPending] = useState<(() => void) | null>(null);
  const [dark, setDark] = useState(new URLSearchParams(location.search).get('theme') === 'dark');
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [version, setVersion] = useState(0);
  const [sheet, setSheet] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const ids = useRef(0);

  const profile = useMemo(profileFromQuery, []);
  const show = useCallback(
    (model: WorkbookModel, name: string) => {
      const standIn = createStandIn(model, {
        evaluateFormula: (f, s, r, c) => {
          const v = calculatorFor(model, registry, profile).value(f, s, r, c);
          if (v === undefined) return '#NAME?';
          return Array.isArray(v) ? (v[0]?.[0] ?? "#VALUE!") : v;
        },
      });
      setLoaded({ model, standIn, name, id: ++ids.current });
      savedPrint.current = fingerprint(model);
      setSheet(model.sheets.indexOf(model.activeSheet ?? model.sheets[0]));
      setError(null);
      window.__workbench = {
        model,
        standIn,
        registry,
        ready: true,
        openCsv: (text, sheetName) => {
          const csv = modelFromGrid([{ name: sheetName, values: parseCsv(text) }]);
          csv.activeSheet = csv.sheets[0];
          show(csv, `${sheetName}.csv`);
        },
      };
    },
    [registry, profile],
  );

  const textRef = useRef(TEXT[lang]);
  textRef.current = TEXT[lang];
  const open = useCallback(
    async (bytes: ArrayBuffer | Promise<ArrayBuffer>, name: string) => {
      setProgress(textRef.current.opening(name));
      setNotice(null);
      try {
        await nextFrame();
        show(await modelFromXlsx(await bytes, name), name);
      } catch (e) {
        setError(`${name}: ${(e as Error).message}`);
      } finally {
        setProgress(null);
      }
    },
    [show],
  );

  const loadSample = useCallback(
    async (l: Lang) => {
      await open(fetch(`samples/clients-${l}.xlsx`).then((res) => res.arrayBuffer()), `clients-${l}.xlsx`);
    },
    [open],
  );

  useEffect(() => {
    void loadSample(sampleFromQuery());
  }, [loadSample]);

  /** Runs `next` (opening another workbook) at once, or after the user agreed to drop unsaved changes. */
  const replaceWorkbook = (next: () => void) => {
    if (loaded && fingerprint(loaded.model) !== savedPrint.current) setPending(() => next);
    else next();
  };

  // every batch the pane runs may change the workbook: redraw the grid after it
  const run = useMemo<ExcelRun | undefined>(() => {
    if (!loaded) return undefined;
    // Excel answers context.sync() through a round trip to the host, so the add-in's code after
    // each sync runs in a new task; the stand-in answers in a microtask. Yield a task after each
    // sync as Excel would, or a long read would be one long task here that it is not in Excel.
    return (batch) =>
      loaded.standIn.run((ctx) => {
        const sync = ctx.sync.bind(ctx);
        ctx.sync = (async <T,>(passThrough?: T) => {
          const r = await sync(passThrough);
          await new Promise((resolve) => setTimeout(resolve, 0));
          return r;
        }) as typeof ctx.sync;
        return batch(ctx);
      }).finally(() => {
        setVersion((v) => v + 1);
        const active = loaded.model.activeSheet;
        if (active) setSheet(loaded.model.sheets.indexOf(active));
      });
  }, [loaded]);

  const save = async () => {
    if (!loaded) return;
    const t = textRef.current;
    setProgress(t.saving);
    setNotice(null);
    try {
      await nextFrame();
      const print = fingerprint(loaded.model);
      const bytes = await modelToXlsx(loaded.model);
      setProgress(t.packing);
      await nextFrame();
      const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }));
      const a = document.createElement('a');
      const file = loaded.name.replace(/\.xlsx$/i, '').replace(/-tiers$/, '') + '-tiers.xlsx';
      a.href = url;
      a.download = file;
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
      savedPrint.current = print;
      setNotice(t.saved(file));
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setProgress(null);
    }
  };

  const t = TEXT[lang];

  return (
    <FluentProvider theme={dark ? webDarkTheme : webLightTheme}>
      <div className={styles.page}>
        <header className={styles.bar}>
          <Title3 as="h1">{t.title}</Title3>
          <label>
            {t.language}{' '}
            <Select
              value={lang}
              aria-label={t.language}
              // the language of the workbench and the pane; the open workbook stays as it is
              onChange={(_, d) => setLang(d.value as Lang)}
              data-testid="lang-select"
              style={{ display: 'inline-block' }}
            >
              <option value="en">English</option>
              <option value="ru">Русский</option>
            </Select>
          </label>
          <label>
            {t.sample}{' '}
            <Select
              value={sample}
              aria-label={t.sample}
              onChange={(_, d) => {
                const l = d.value as Lang;
                replaceWorkbook(() => {
                  setSample(l);
                  void loadSample(l);
                });
              }}
              data-testid="sample-select"
              style={{ display: 'inline-block' }}
            >
              <option value="en">clients-en.xlsx</option>
              <option value="ru">clients-ru.xlsx</option>
            </Select>
          </label>
          <Button onClick={() => fileInput.current?.click()}>{t.open}</Button>
          <input
            ref={fileInput}
            type="file"
            accept=".xlsx"
            hidden
            data-testid="open-file"
            onChange={(e) => {
              const input = e.currentTarget;
              const f = input.files?.[0];
              // the same file can be chosen again later
              input.value = '';
              if (f) replaceWorkbook(() => void open(f.arrayBuffer(), f.name));
            }}
          />
          <Button onClick={() => void save()} disabled={!loaded || progress !== null} data-testid="save">
            {t.save}
          </Button>
          <Switch checked={dark} onChange={(_, d) => setDark(d.checked)} label={t.dark} />
          <Caption1>{loaded?.name}</Caption1>
          <Caption1>{t.note}</Caption1>
          {error && <Caption1 role="alert">{error}</Caption1>}
          {notice && (
            <Caption1 role="status" data-testid="workbench-notice">
              {notice}
            </Caption1>
          )}
          {progress && (
            <div role="status" aria-live="polite" data-testid="workbench-progress" style={{ minWidth: 200 }}>
              <Caption1>{progress}</Caption1>
              <ProgressBar aria-label={progress} />
            </div>
          )}
        </header>
        <Dialog open={pending !== null} onOpenChange={(_, d) => !d.open && setPending(null)}>
          <DialogSurface>
            <DialogBody>
              <DialogTitle>{t.discardTitle}</DialogTitle>
              <DialogContent>{t.discard(loaded?.name ?? '')}</DialogContent>
              <DialogActions>
                {/* the safe choice first: a reflex Enter keeps the work */}
                <Button appearance="primary" onClick={() => setPending(null)} data-testid="keep-workbook">
                  {t.keep}
                </Button>
                <Button
                  onClick={() => {
                    setPending(null);
                    void save();
                  }}
                  data-testid="save-first"
                >
                  {t.saveFirst}
                </Button>
                <Button
                  onClick={() => {
                    const next = pending;
                    setPending(null);
                    next?.();
                  }}
                  data-testid="discard-workbook"
                >
                  {t.discardYes}
                </Button>
              </DialogActions>
            </DialogBody>
          </DialogSurface>
        </Dialog>
        <div className={styles.main}>
          <div className={styles.grid}>{loaded && <Grid model={loaded.model} registry={registry} version={version} sheet={sheet} lang={lang} onSheet={(i) => {
            setSheet(i);
            loaded.model.activeSheet = loaded.model.sheets[i];
          }} />}</div>
          <aside className={styles.pane} style={{ width: paneWidth }} aria-label="Task pane" data-testid="pane">
            {/* one pane per workbook: a language switch re-renders it, never restarts it */}
            {run && <App key={loaded!.id} env={{ lang, dark, inOffice: false, run, spawnWorker: spawnAnalysisWorker, platform: profile.platform }} />}
          </aside>
        </div>
      </div>
    </FluentProvider>
  );
}

async function start(): Promise<void> {
  const meta = (await (await fetch('functions.json')).json()) as FunctionsMetadata;
  const registry = registryFromGlobal(meta);
  const host = document.getElementById('root');
  if (host) createRoot(host).render(<Workbench registry={registry} />);
}

void start();
