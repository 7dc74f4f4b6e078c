/**
 * The few browser facilities the Notices panel needs, each with its fallback: downloading a file
 * (not every Office host lets an add-in download), copying text (the clipboard API can be missing
 * or refused), selecting text so the user can copy it by hand.
 */

/** True when this page can save a file through `<a download>` and a Blob URL. */
export function downloadsAvailable(): boolean {
  try {
    return typeof URL !== 'undefined' && typeof URL.createObjectURL === 'function' && typeof document !== 'undefined' && 'download' in document.createElement('a');
  } catch {
    return false;
  }
}

/** Offer bytes as a file download. */
export function downloadBytes(bytes: Uint8Array, fileName: string, mime: string): void {
  const blob = new Blob([bytes as Uint8Array<ArrayBuffer>], { type: mime });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.appendChild(a);
  try {
    a.click();
  } finally {
    a.remove();
    // give the browser time to start the download before the URL goes
    setTimeout(() => URL.revokeObjectURL(url), 30000);
  }
}

/** Copy text to the clipboard; false when the host does not allow it. */
export async function copyText(text: string): Promise<boolean> {
  try {
    if (typeof navigator === 'undefined' || !navigator.clipboard || typeof navigator.clipboard.writeText !== 'function') return false;
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/** Select the text of an element, so Ctrl+C copies it. */
export function selectContents(el: HTMLElement | null): void {
  if (!el) return;
  const sel = window.getSelection();
  if (!sel) return;
  const range = document.createRange();
  range.selectNodeContents(el);
  sel.removeAllRanges();
  sel.addRange(range);
}

/** Today as YYYY-MM-DD in the user's time zone. */
export function todayIso(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
