/**
 * One door in the pane (issue 12): src/taskpane/usePane.ts, the workbook hook, is the only module
 * of the pane that imports code from src/excel. Elsewhere only types (`import type`) and the two
 * modules that never touch a workbook (host: the ExcelRun type, cancel plumbing and officeRun for
 * the entry point; errors: wording) may be imported. eslint.config.mjs says the same while editing.
 */
import * as fs from 'fs';
import * as path from 'path';

const PANE = path.resolve(__dirname, '../../src/taskpane');
const DOOR = path.join(PANE, 'usePane.ts');
const ALLOWED = new Set(['host', 'errors']);

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? files(path.join(dir, d.name)) : /\.tsx?$/.test(d.name) ? [path.join(dir, d.name)] : []));
}

/** The src/excel modules a file imports as values: `import { x } from '../excel/m'` (not `import type`). */
export function excelValueImports(source: string): string[] {
  const out: string[] = [];
  const re = /import\s+(type\s+)?([^;]*?)\s+from\s+['"]([^'"]+)['"]/g;
  for (let m = re.exec(source); m; m = re.exec(source)) {
    const at = /(?:^|\/)excel\/([^/]+)$/.exec(m[3]);
    if (!at || m[1]) continue;
    // `import { type A, type B }` is types only too
    const names = /^\{([^}]*)\}$/.exec(m[2].trim());
    if (names && names[1].split(',').every((n) => n.trim() === '' || n.trim().startsWith('type '))) continue;
    out.push(at[1]);
  }
  return out;
}

test('the detector sees value imports and ignores type imports', () => {
  expect(excelValueImports("import { readHistory } from '../excel/applyTiers';")).toEqual(['applyTiers']);
  expect(excelValueImports("import type { ApplyRecord } from '../excel/applyTiers';")).toEqual([]);
  expect(excelValueImports("import { type SheetPicture } from '../../excel/dashboardSheet';")).toEqual([]);
  expect(excelValueImports("import {\n  writeNotices,\n} from '../../excel/noticesSheet';")).toEqual(['noticesSheet']);
});

test('only the workbook hook imports src/excel (other than host and errors) in the pane', () => {
  const offenders: string[] = [];
  for (const f of files(PANE)) {
    if (f === DOOR) continue;
    for (const m of excelValueImports(fs.readFileSync(f, 'utf8'))) if (!ALLOWED.has(m)) offenders.push(`${path.relative(PANE, f)} → excel/${m}`);
  }
  expect(offenders).toEqual([]);
  // and the hook really is the door
  expect(excelValueImports(fs.readFileSync(DOOR, 'utf8'))).toEqual(expect.arrayContaining(['applyTiers', 'dashboardSheet', 'noticesSheet', 'readSheet', 'settings']));
});
