/**
 * Errors shaped like `OfficeExtension.Error` (the class Office.js rejects `context.sync()` with):
 * `name` "RichApi.Error", a `code` string, a `message`, and `debugInfo` `{ code, message,
 * errorLocation }`. The codes and messages are the ones Excel uses (checked against
 * `@microsoft/office-js` excel-web-16.00.debug.js and the Office string tables).
 */

/** Error codes the stand-in produces, spelled as Office spells them (`Excel.ErrorCodes`, `OfficeExtension.ErrorCodes`). */
export const ErrorCodes = {
  accessDenied: 'AccessDenied',
  apiNotFound: 'ApiNotFound',
  generalException: 'GeneralException',
  insertDeleteConflict: 'InsertDeleteConflict',
  invalidArgument: 'InvalidArgument',
  invalidOperation: 'InvalidOperation',
  invalidOperationInCellEditMode: 'InvalidOperationInCellEditMode',
  invalidObjectPath: 'InvalidObjectPath',
  invalidRequestContext: 'InvalidRequestContext',
  itemAlreadyExists: 'ItemAlreadyExists',
  itemNotFound: 'ItemNotFound',
  notImplemented: 'NotImplemented',
  operationCellsExceedLimit: 'OperationCellsExceedLimit',
  propertyNotLoaded: 'PropertyNotLoaded',
  requestPayloadSizeLimitExceeded: 'RequestPayloadSizeLimitExceeded',
  responsePayloadSizeLimitExceeded: 'ResponsePayloadSizeLimitExceeded',
  runMustReturnPromise: 'RunMustReturnPromise',
  valueNotLoaded: 'ValueNotLoaded',
  // PascalCase aliases, so tests can write ErrorCodes.ItemNotFound as in the brief
  AccessDenied: 'AccessDenied',
  GeneralException: 'GeneralException',
  InsertDeleteConflict: 'InsertDeleteConflict',
  InvalidArgument: 'InvalidArgument',
  InvalidOperation: 'InvalidOperation',
  InvalidOperationInCellEditMode: 'InvalidOperationInCellEditMode',
  InvalidObjectPath: 'InvalidObjectPath',
  ItemAlreadyExists: 'ItemAlreadyExists',
  ItemNotFound: 'ItemNotFound',
  PropertyNotLoaded: 'PropertyNotLoaded',
  RequestPayloadSizeLimitExceeded: 'RequestPayloadSizeLimitExceeded',
  ResponsePayloadSizeLimitExceeded: 'ResponsePayloadSizeLimitExceeded',
} as const;

export type ErrorCode = (typeof ErrorCodes)[keyof typeof ErrorCodes];

/** Default messages, as Excel words them. */
const MESSAGES: Record<string, string> = {
  AccessDenied: 'You cannot perform the requested operation.',
  ApiNotFound: 'The API you are trying to use could not be found. It may be available in a newer version of Excel. Please refer to the documentation: "https://docs.microsoft.com/office/dev/add-ins/reference/requirement-sets/excel-api-requirement-sets".',
  GeneralException: 'There was an internal error while processing the request.',
  InsertDeleteConflict: "This operation won't work because it would move cells in a table on your worksheet.",
  InvalidArgument: 'The argument is invalid or missing or has an incorrect format.',
  InvalidOperation: 'The requested operation is invalid.',
  InvalidOperationInCellEditMode:
    'Excel is in cell-editing mode. Please exit the edit mode by pressing ENTER or TAB or selecting another cell, and then try again.',
  ItemAlreadyExists: 'The resource being created already exists.',
  ItemNotFound: 'The requested resource doesn\'t exist.',
  NotImplemented: 'The requested feature isn\'t implemented.',
  OperationCellsExceedLimit: 'The operation attempted affects more than the limit of 33554000 cells.',
  RequestPayloadSizeLimitExceeded:
    'The request payload size has exceeded the limit. Please refer to the documentation: "https://docs.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins".',
  ResponsePayloadSizeLimitExceeded:
    'The response payload size has exceeded the limit. Please refer to the documentation: "https://docs.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins".',
  RunMustReturnPromise:
    'The batch function passed to the ".run" method didn\'t return a promise. The function must return a promise, so that any automatically-tracked objects can be released at the completion of the batch operation. Typically, you return a promise by returning the response from "context.sync()".',
  ValueNotLoaded:
    'The value of the result object has not been loaded yet. Before reading the value property, call "context.sync()" on the associated request context.',
};

const HTTP_STATUS: Record<string, number> = {
  AccessDenied: 401,
  GeneralException: 500,
  InsertDeleteConflict: 409,
  InvalidArgument: 400,
  InvalidObjectPath: 400,
  InvalidRequestContext: 400,
  ValueNotLoaded: 400,
  PropertyNotLoaded: 400,
};

export interface OfficeErrorDebugInfo {
  code: string;
  message: string;
  errorLocation?: string;
  statement?: string;
  surroundingStatements?: string[];
  toString(): string;
}

export interface OfficeErrorInit {
  code: string;
  message?: string;
  errorLocation?: string;
  statement?: string;
  httpStatusCode?: number;
  innerError?: unknown;
}

/** Stand-in for `OfficeExtension.Error`. */
export class OfficeExtensionError extends Error {
  readonly code: string;
  readonly debugInfo: OfficeErrorDebugInfo;
  readonly httpStatusCode: number;
  readonly traceMessages: string[] = [];
  readonly innerError: unknown;

  constructor(init: OfficeErrorInit) {
    const message = init.message ?? MESSAGES[init.code] ?? init.code;
    super(message);
    Object.setPrototypeOf(this, OfficeExtensionError.prototype);
    this.name = 'RichApi.Error';
    this.code = init.code;
    this.httpStatusCode = init.httpStatusCode ?? HTTP_STATUS[init.code] ?? 500;
    this.innerError = init.innerError ?? null;
    const debugInfo: OfficeErrorDebugInfo = {
      code: this.code,
      message,
      toString() {
        return JSON.stringify(this);
      },
    };
    if (init.errorLocation !== undefined) debugInfo.errorLocation = init.errorLocation;
    if (init.statement !== undefined) debugInfo.statement = init.statement;
    this.debugInfo = debugInfo;
  }

  override toString(): string {
    return `${this.code}: ${this.message}`;
  }
}

/** An error with Excel's default message for the code. */
export function officeError(code: string, errorLocation?: string, message?: string): OfficeExtensionError {
  return new OfficeExtensionError({ code, errorLocation, message });
}

/** The client-side error Office.js throws when an unloaded property is read. */
export function propertyNotLoaded(entity: string, property: string): OfficeExtensionError {
  return new OfficeExtensionError({
    code: ErrorCodes.propertyNotLoaded,
    httpStatusCode: 400,
    message: `The property '${property}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
    errorLocation: `${entity}.${property}`,
  });
}

export function isOfficeError(e: unknown): e is OfficeExtensionError {
  return e instanceof OfficeExtensionError;
}
