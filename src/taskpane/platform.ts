/**
 * The Office platform the pane runs on: `Office.context.platform`, an Office.PlatformType value
 * ("PC", "Mac", "OfficeOnline", …; https://learn.microsoft.com/javascript/api/office/office.platformtype).
 * Undefined outside Office (a plain browser, tests) unless the workbench names a host profile.
 */
export type OfficePlatform = 'PC' | 'Mac' | 'OfficeOnline' | 'iOS' | 'Android' | 'Universal';

/** The platform Office reports, if any. */
export function officePlatform(): OfficePlatform | undefined {
  try {
    const p = (globalThis as unknown as { Office?: { context?: { platform?: string } } }).Office?.context?.platform;
    return typeof p === 'string' ? (p as OfficePlatform) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Whether an add-in can save a file through `<a download>` with a Blob URL on this platform.
 * Office on Mac ignores such downloads from add-ins (office-js issue #2700, closed by design):
 * the click does nothing, so the pane must not offer it there.
 */
export function blobDownloadsWork(platform: OfficePlatform | undefined): boolean {
  return platform !== 'Mac';
}
