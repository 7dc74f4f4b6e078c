import { CadenceRow, DEFAULT_CADENCE, validateCadenceRow } from '../core/contactCadence';
import { readLabelTable } from '../core/labelTable';
import { fail, Grid, labelTableCells } from './excelArgs';
import { M } from './messages';
import { labelTableProblem } from './tables';

/** The cadence table argument (segment | months, core readLabelTable), or core's default when omitted. */
export function cadenceTable(grid: Grid | undefined): readonly CadenceRow[] {
  if (!grid) return DEFAULT_CADENCE;
  const t = readLabelTable(labelTableCells(grid));
  if (!t.ok) fail('#VALUE!', labelTableProblem('table', t.problem));
  const rows = t.rows.map((r) => ({ segment: r.label, months: r.value ?? NaN }));
  rows.forEach((r, i) => {
    const problem = validateCadenceRow(r);
    if (problem) fail('#VALUE!', M.rowProblem('table', t.rows[i].row, problem));
  });
  return rows;
}
