/**
 * What Excel does with a value written through `Range.values` (or `Range.formulas`): the same as
 * typing it into the cell. A string starting with "=" becomes a formula; "+" / "-" / "@" followed
 * by something that is not a number also becomes a formula; numeric text ("007", "-1.5", "1e3",
 * "12%") becomes a number; "TRUE"/"FALSE" become booleans; "#N/A" and friends become errors.
 * None of that happens when the cell's number format is text ("@"): then the string is kept as
 * typed. `null` leaves the cell unchanged and "" empties it.
 */
import { ErrorCodes, OfficeExtensionError } from './errors';
import { CellError, CellValue } from './model';

export const TEXT_FORMAT = '@';
export const MAX_CELL_TEXT = 32767;

export type Entry =
  | { kind: 'skip' }
  | { kind: 'clear' }
  | { kind: 'value'; value: CellValue; autoFormat?: string }
  | { kind: 'formula'; formula: string };

export const ERROR_LITERALS: ReadonlySet<string> = new Set(['#N/A', '#DIV/0!', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#NULL!', '#SPILL!', '#CALC!', '#GETTING_DATA']);
const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const PERCENT = /^([+-]?(\d+(\.\d*)?|\.\d+))%$/;

function invalid(location: string, message: string): OfficeExtensionError {
  return new OfficeExtensionError({ code: ErrorCodes.invalidArgument, errorLocation: location, message });
}

/** How one written element changes a cell whose current number format is `format`. */
export function entryFor(input: unknown, format: string, location = 'Range.values'): Entry {
  if (input === null || input === undefined) return { kind: 'skip' };
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) return { kind: 'skip' }; // JSON turns NaN/Infinity into null
    return { kind: 'value', value: Object.is(input, -0) ? 0 : input };
  }
  if (typeof input === 'boolean') return { kind: 'value', value: input };
  if (typeof input !== 'string') throw invalid(location, 'The argument is invalid or missing or has an incorrect format.');
  if (input.length > MAX_CELL_TEXT) throw invalid(location, `Text values in cells are limited to ${MAX_CELL_TEXT} characters.`);
  if (input === '') return { kind: 'clear' };
  if (format === TEXT_FORMAT) return { kind: 'value', value: input };
  const first = input[0];
  if (first === '=' && input.length > 1) return { kind: 'formula', formula: input };
  if (NUMBER.test(input)) return { kind: 'value', value: Number(input) === 0 ? 0 : Number(input) };
  const pct = PERCENT.exec(input);
  if (pct) {
    const decimals = (pct[1].split('.')[1] ?? '').length;
    return { kind: 'value', value: Number(pct[1]) / 100, autoFormat: decimals > 0 ? '0.00%' : '0%' };
  }
  if ((first === '+' || first === '-' || first === '@') && input.length > 1) return { kind: 'formula', formula: `=${input}` };
  const upper = input.toUpperCase();
  if (upper === 'TRUE') return { kind: 'value', value: true };
  if (upper === 'FALSE') return { kind: 'value', value: false };
  if (ERROR_LITERALS.has(upper)) return { kind: 'value', value: new CellError(upper) };
  return { kind: 'value', value: input };
}
