import { existsSync, promises as fs } from 'fs';
import * as http from 'http';
import * as path from 'path';
import { AddressInfo } from 'net';
import { Browser, chromium, Page } from 'playwright-core';

/**
 * End-to-end plumbing: the workbench build (dist-workbench/, from `npm run build:workbench`; the
 * production dist/ has no workbench) served on a free localhost port (as `npm start` serves it)
 * and Debian's Chromium driven by playwright-core.
 */
export const ROOT = path.resolve(__dirname, '../..');
/** The production add-in build (`npm run build`): no workbench, no samples. */
export const DIST = path.join(ROOT, 'dist');
/** The workbench build the browser tests serve (`npm run build:workbench`, `--env workbench`). */
export const WORKBENCH_DIST = path.join(ROOT, 'dist-workbench');
export const SHOTS = path.join(ROOT, 'test-results', 'e2e');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.png': 'image/png',
  '.xml': 'application/xml',
  '.map': 'application/json',
};

/** Serves the workbench build (dist-workbench/) on 127.0.0.1; `/` is the workbench page. */
export async function serveDist(): Promise<{ url: string; close: () => Promise<void> }> {
  const root = WORKBENCH_DIST;
  if (!existsSync(path.join(root, 'workbench.html'))) throw new Error('dist-workbench/workbench.html is missing: run `npm run build:workbench` first (npm test does).');
  const server = http.createServer(async (req, res) => {
    const rel = decodeURIComponent((req.url ?? '/').split('?')[0]);
    const file = path.join(root, rel === '/' ? 'workbench.html' : rel);
    if (!file.startsWith(root + path.sep)) {
      res.writeHead(403).end();
      return;
    }
    try {
      const body = await fs.readFile(file);
      res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
  });
}

/** A page that fails the test on any uncaught page error. */
export async function openPage(browser: Browser, url: string): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(url);
  return { page, errors };
}

export async function shot(page: Page, name: string): Promise<string> {
  await fs.mkdir(SHOTS, { recursive: true });
  const file = path.join(SHOTS, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

/** The manager's first steps in the pane: read the active sheet, accept the rules, review. */
export async function readAndReview(page: Page): Promise<void> {
  await page.getByTestId('read-sheet').waitFor();
  await page.getByTestId('read-sheet').click();
  await page.getByTestId('detected-shape').waitFor();
  await page.getByTestId('to-rules').click();
  await page.getByTestId('to-review').click();
  await page.getByTestId('status-counts').waitFor();
}

/**
 * One served dist/ and one Chromium for a test file: call at the top level; the getters are
 * valid inside tests.
 */
export function useWorkbench(): { url: () => string; browser: () => Browser } {
  let server: { url: string; close: () => Promise<void> } | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    server = await serveDist();
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return { url: () => server!.url, browser: () => browser! };
}
