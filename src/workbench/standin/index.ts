/**
 * A strict stand-in for the part of the Excel JavaScript API our Excel layer uses, over an
 * in-memory workbook. Runs in Node and in the browser; no Office.js at run time. The .xlsx
 * import/export (ExcelJS) lives apart in `./xlsxModel` so this core stays small.
 */
export { createStandIn } from './standIn';
export type { ExcelRun, StandIn } from './standIn';
export type { StandInOptions, StandInStats } from './request';
export { FIVE_MB, ClientResult } from './request';
export { ErrorCodes, OfficeExtensionError, isOfficeError } from './errors';
export type { ErrorCode, OfficeErrorDebugInfo } from './errors';
export {
  CellError,
  ConditionalFormatModel,
  DEFAULT_COLUMN_WIDTH,
  DEFAULT_NUMBER_FORMAT,
  ShapeModel,
  SheetModel,
  TableModel,
  WorkbookModel,
  modelFromGrid,
  sheetNameProblem,
} from './model';
export type { CellSnapshot, CellValue, CellValueOperator, ConditionalFormatType, ConditionalStyle, GridSheet, OfficeCellValue, ShapeImage, SheetVisibility } from './model';
export { decodeBase64, readImage } from './image';
export { MAX_COLS, MAX_ROWS, columnIndex, columnLetters, formatAddress, formatRef, parseRef, quoteSheetName } from './address';
export type { Rect } from './address';
export { TEXT_FORMAT, entryFor } from './entry';
export { dateFromSerial, EN_SEPARATORS, formatText, RU_SEPARATORS, serialFromDate } from './text';
export type { Separators } from './text';
export { RequestContextImpl } from './proxies';
