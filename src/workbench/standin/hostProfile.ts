/**
 * Host profiles: the documented ways Excel on the web, on Windows and on Mac differ for an
 * add-in, so that tests can run the product under each and catch what one host would break.
 *
 * Every field cites where the behaviour comes from. A difference known only from an office-js
 * issue thread (not from Microsoft's documentation) says so in its comment; the stand-in's
 * README lists them.
 *
 * Used by: the stand-in engine (payload limits), the workbench's formula evaluator (how custom
 * function arguments arrive, which calls Excel makes at all, what is recalculated), and the task
 * pane's platform checks (what a browser facility can do on that host).
 */
export type HostName = 'web' | 'windows' | 'mac';

export interface HostProfile {
  name: HostName;
  /**
   * `Office.context.platform` on that host (Office.PlatformType: "OfficeOnline", "PC", "Mac").
   * https://learn.microsoft.com/javascript/api/office/office.platformtype
   */
  platform: 'OfficeOnline' | 'PC' | 'Mac';
  /**
   * What a blank cell becomes when it reaches a custom function. Excel on the web passes
   * `null`; Excel desktop has been reported to pass `0` for a blank cell in some argument
   * shapes (known from office-js issues #4702 and #5262, not from the docs).
   * 'null': every blank is null. 'zero': a blank reached through a single-cell reference to a
   * scalar parameter, and blank cells inside a range argument, arrive as 0.
   */
  blankArgument: 'null' | 'zero';
  /**
   * Without `"allowErrorForDataTypeAny": true` in functions.json, Excel does not call a custom
   * function when an `any` argument (scalar or matrix) holds an error: the cell shows the error.
   * Same on every host. https://learn.microsoft.com/office/dev/add-ins/excel/custom-functions-errors
   * and .../custom-functions-json (top-level "allowErrorForDataTypeAny").
   */
  errorArgumentsNeedMetadataFlag: boolean;
  /**
   * Largest input of one custom-function call, bytes (about 5 MB: "Custom functions … input
   * and output … limited to 5 MB" — custom-functions troubleshooting/limits on learn.microsoft.com,
   * "Excel add-in resource limits and performance optimization").
   */
  customFunctionInputLimitBytes: number;
  /**
   * A whole-column reference (C:C) as a custom-function argument fails on Excel on the web
   * (1,048,576 rows exceed the payload). Known from the docs' resource-limits page and office-js
   * issues; desktop marshals it but slowly.
   */
  wholeColumnArgumentFails: boolean;
  /**
   * Request and response payload limit of one `context.sync()`. Excel on the web: 5 MB
   * ("Excel add-ins … payload size limit for requests and responses of 5 MB",
   * https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization).
   * Desktop has no documented payload limit; we keep 5 MB on every host so code that passes
   * here passes on the web too.
   */
  payloadLimitBytes: number;
  /**
   * Whether `<a download>` with a Blob URL saves a file. Office on Mac runs add-ins in a
   * WKWebView that ignores blob downloads (office-js issue #2700, closed by design).
   */
  blobDownloads: boolean;
  /**
   * Excel recalculates a (non-volatile) custom function only when a cell it references
   * changes (or on a full recalculation): state held in the add-in's memory is invisible to it.
   * https://learn.microsoft.com/office/dev/add-ins/excel/custom-functions-overview and
   * .../custom-functions-volatile. Same on every host.
   */
  recalcOnlyDependents: boolean;
}

const FIVE_MB = 5 * 1024 * 1024;

export const HOST_PROFILES: Record<HostName, HostProfile> = {
  web: {
    name: 'web',
    platform: 'OfficeOnline',
    blankArgument: 'null',
    errorArgumentsNeedMetadataFlag: true,
    customFunctionInputLimitBytes: FIVE_MB,
    wholeColumnArgumentFails: true,
    payloadLimitBytes: FIVE_MB,
    blobDownloads: true,
    recalcOnlyDependents: true,
  },
  windows: {
    name: 'windows',
    platform: 'PC',
    blankArgument: 'zero',
    errorArgumentsNeedMetadataFlag: true,
    customFunctionInputLimitBytes: FIVE_MB,
    wholeColumnArgumentFails: false,
    payloadLimitBytes: FIVE_MB,
    blobDownloads: true,
    recalcOnlyDependents: true,
  },
  mac: {
    name: 'mac',
    platform: 'Mac',
    blankArgument: 'zero',
    errorArgumentsNeedMetadataFlag: true,
    customFunctionInputLimitBytes: FIVE_MB,
    wholeColumnArgumentFails: false,
    payloadLimitBytes: FIVE_MB,
    blobDownloads: false,
    recalcOnlyDependents: true,
  },
};

export const HOST_NAMES: HostName[] = ['web', 'windows', 'mac'];

/** The profile named by `CLIENT_TIERS_HOST` (tests), else 'web'. */
export function hostProfile(name?: string): HostProfile {
  const n = (name ?? (typeof process !== 'undefined' ? process.env?.CLIENT_TIERS_HOST : undefined) ?? 'web') as HostName;
  return HOST_PROFILES[n] ?? HOST_PROFILES.web;
}
