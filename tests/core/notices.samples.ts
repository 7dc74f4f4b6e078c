/**
 * Real sample data for the notice tests: the client sheet of samples/clients-{en,ru}.xlsx read
 * with ExcelJS (as the command line reads it) and analysed with analyzeGrid — under the default
 * rules (grace warnings and upgrades), under a policy without grace (transfers), and with benefit
 * steps (step-downs). `hostile` puts names with quotes, <, =, placeholders and very long text
 * into the sheet before the analysis.
 */
import * as path from 'path';
import ExcelJS from 'exceljs';
import { worksheetGrid } from '../../src/cli/readInput';
import { analyzeGrid, Analysis } from '../../src/core/analyze';
import { CellValue } from '../../src/core/cells';
import { Lang } from '../../src/core/format';
import { DEFAULT_RULES, parseRuleSet, RuleSet } from '../../src/core/rules';

const grids = new Map<Lang, Promise<CellValue[][]>>();

/** The client sheet (first sheet) of the sample workbook as a grid. */
export function sampleGrid(lang: Lang): Promise<CellValue[][]> {
  let g = grids.get(lang);
  if (!g) {
    g = (async () => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(path.join(__dirname, '..', '..', 'samples', `clients-${lang}.xlsx`));
      return worksheetGrid(wb.worksheets[0]);
    })();
    grids.set(lang, g);
  }
  return g.then((x) => x.map((r) => [...r]));
}

function rules(policy: Partial<RuleSet['policy']>): RuleSet {
  const r = parseRuleSet({ ...DEFAULT_RULES, policy: { ...DEFAULT_RULES.policy, ...policy } });
  if (!r.ok) throw new Error(r.problems.join('; '));
  return r.rules;
}

/** 2 Jan 2026: the samples' review day (period January–June 2026). */
export const REVIEW_DAY = 20455;

/** Default rules: grace warnings and upgrades. */
export const RULES_DEFAULT = DEFAULT_RULES;
/** No grace: clients below the bar move down now. */
export const RULES_NO_GRACE = rules({ graceReviews: 0 });
/** No grace, two benefit steps: clients below the bar lose benefits first. */
export const RULES_STEPS = rules({ graceReviews: 0, benefitSteps: 2 });

export interface Samples {
  lang: Lang;
  grid: CellValue[][];
  /** Default rules: statuses up and grace. */
  base: Analysis;
  /** graceReviews 0: statuses up and down. */
  down: Analysis;
  /** graceReviews 0, benefitSteps 2: statuses up and stepdown. */
  steps: Analysis;
}

export async function samples(lang: Lang, grid?: CellValue[][]): Promise<Samples> {
  const g = grid ?? (await sampleGrid(lang));
  return {
    lang,
    grid: g,
    base: analyzeGrid(g, { rules: RULES_DEFAULT, reviewDay: REVIEW_DAY }),
    down: analyzeGrid(g, { rules: RULES_NO_GRACE, reviewDay: REVIEW_DAY }),
    steps: analyzeGrid(g, { rules: RULES_STEPS, reviewDay: REVIEW_DAY }),
  };
}

export const LONG_NAME = `${'Очень длинное название клиента & Very Long Client Name '.repeat(90)}END`;

/** Client names a sheet may hold that must stay plain text everywhere. */
export const HOSTILE_NAMES = [
  '=HYPERLINK("http://evil.example/x","Click me")',
  `Smith & "Sons" <b>Ltd</b> O'Neil`,
  '<script>alert("x")</script>',
  '{{company}} and {{ bar }} Trading',
  '+7 (495) 123-45-67 Group',
  '@SUM(A1:A9) Corp',
  LONG_NAME,
];

/**
 * The sample grid with the first clients of each notice status renamed to the hostile names (and
 * their contacts to text with quotes and <), so every notice type meets them.
 */
export async function hostileGrid(lang: Lang): Promise<{ grid: CellValue[][]; names: string[] }> {
  const grid = await sampleGrid(lang);
  const s = await samples(lang, grid);
  // rows of clients that get a notice under the three rule sets
  const rows: number[] = [];
  for (const a of [s.base, s.down, s.steps]) {
    for (const status of ['grace', 'up', 'down', 'stepdown'] as const) {
      // two per status, so every name meets some notice type
      for (const c of a.clients.filter((x) => x.decision.status === status && !rows.includes(x.rows[0])).slice(0, 2)) rows.push(c.rows[0]);
    }
  }
  const names: string[] = [];
  rows.forEach((row, i) => {
    // distinct names: two rows with one name would be merged into one client
    const base = HOSTILE_NAMES[i % HOSTILE_NAMES.length];
    const name = i < HOSTILE_NAMES.length ? base : `${base} (${i})`;
    grid[row][0] = name;
    grid[row][2] = `"Ann" <O'Hara> & =Co`;
    names.push(name);
  });
  return { grid, names };
}
