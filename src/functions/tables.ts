import { LabelTableProblem } from '../core/labelTable';
import { M, Msg } from './messages';

/** The message for a problem core found in a two-column table argument. */
export function labelTableProblem(name: string, p: LabelTableProblem): Msg {
  switch (p.kind) {
    case 'shape':
      return M.tableShape(name, p.rows, p.columns);
    case 'empty':
      return M.tableEmpty(name);
    case 'error':
      return M.tableError(name, p.row, p.column, p.code);
    case 'notNumber':
      return M.tableNotNumber(name, p.row, p.column, p.text);
    case 'ambiguous':
      return M.tableAmbiguous(name, p.row, p.column, p.text, p.candidates[0], p.candidates[1]);
    case 'noLabel':
      return M.tableNoLabel(name, p.row, p.column);
  }
}
