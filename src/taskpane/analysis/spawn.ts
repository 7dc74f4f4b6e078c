/**
 * Starts the analysis worker. Kept apart from everything tests import: `import.meta.url` is for
 * webpack, which bundles the worker as its own chunk (https://webpack.js.org/guides/web-workers/).
 * Imported only by the entry points (the task pane and the workbench).
 *
 * The task pane runs in Office's browser runtime — WebView2 on Windows, WKWebView on Mac, the
 * browser itself on the web; in a shared runtime the custom functions use it too — where Web
 * Workers exist (https://learn.microsoft.com/office/dev/add-ins/testing/runtimes; Microsoft's
 * sample "Excel custom function web worker pattern", OfficeDev/Office-Add-in-samples
 * Excel-custom-functions/web-worker, runs workers on Windows, Mac and the web). Where a worker
 * cannot be started the pane analyses in its own thread (see client.ts).
 */
export function spawnAnalysisWorker(): Worker | undefined {
  if (typeof Worker === 'undefined') return undefined;
  try {
    return new Worker(new URL('./analysis.worker.ts', import.meta.url), { name: 'analysis-worker' });
  } catch {
    return undefined;
  }
}
