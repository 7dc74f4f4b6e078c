import { Button, Caption1, FluentProvider, Select, Switch, Title3, makeStyles, tokens, webDarkTheme, webLightTheme } from '@fluentui/react-components';
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
  pane: { width: '420px', borderLeft: `1px solid ${tokens.colorNeutralStroke2}`, overflowY: 'auto', backgroundColor: tokens.colorNeutralBackground1 },
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

function langFromQuery(): Lang {
  const q = new URLSearchParams(location.search).get('lang') ?? new URLSearchParams(location.search).get('sample');
  if (q === 'ru' || q === 'en') return q;
  return navigator.language.toLowerCase().startsWith('ru') ? 'ru' : 'en';
}

function Workbench({ registry }: { registry: Registry }) {
  const styles = useStyles();
  const [lang, setLang] = useState<Lang>(langFromQuery);
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

  const open = useCallback(
    async (bytes: ArrayBuffer, name: string) => {
      try {
        show(await modelFromXlsx(bytes, name), name);
      } catch (e) {
        setError(`${name}: ${(e as Error).message}`);
      }
    },
    [show],
  );

  const loadSample = useCallback(
    async (l: Lang) => {
      const res = await fetch(`samples/clients-${l}.xlsx`);
      await open(await res.arrayBuffer(), `clients-${l}.xlsx`);
    },
    [open],
  );

  useEffect(() => {
    void loadSample(langFromQuery());
  }, [loadSample]);

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
    const bytes = await modelToXlsx(loaded.model);
    const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = loaded.name.replace(/\.xlsx$/i, '') + '-tiers.xlsx';
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };

  const t = localize(workbench, lang);

  return (
    <FluentProvider theme={dark ? webDarkTheme : webLightTheme}>
      <div className={styles.page}>
        <header className={styles.bar}>
          <Title3 as="h1">{t.title}</Title3>
          <label>
            {t.sample}{' '}
            <Select
              value={lang}
              aria-label={t.sample}
              onChange={(_, d) => {
                const l = d.value as Lang;
                setLang(l);
                void loadSample(l);
              }}
              data-testid="sample-select"
              style={{ display: 'inline-block' }}
            >
              <option value="en">English</option>
              <option value="ru">Русский</option>
            </Select>
          </label>
          <Button onClick={() => fileInput.current?.click()}>{t.open}</Button>
          <input
            ref={fileInput}
            type="file"
            accept=".xlsx"
            hidden
            data-testid="open-file"
            onChange={async (e) => {
              const f = e.currentTarget.files?.[0];
              if (f) await open(await f.arrayBuffer(), f.name);
            }}
          />
          <Button onClick={save} disabled={!loaded} data-testid="save">
            {t.save}
          </Button>
          <Switch checked={dark} onChange={(_, d) => setDark(d.checked)} label={t.dark} />
          <Caption1>{loaded?.name}</Caption1>
          <Caption1>{t.note}</Caption1>
          {error && <Caption1 role="alert">{error}</Caption1>}
        </header>
        <div className={styles.main}>
          <div className={styles.grid}>{loaded && <Grid model={loaded.model} registry={registry} version={version} sheet={sheet} lang={lang} onSheet={(i) => {
            setSheet(i);
            loaded.model.activeSheet = loaded.model.sheets[i];
          }} />}</div>
          <aside className={styles.pane} aria-label="Task pane" data-testid="pane">
            {run && <App key={`${loaded!.id}-${lang}`} env={{ lang, dark, inOffice: false, run, spawnWorker: spawnAnalysisWorker, platform: profile.platform }} />}
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
