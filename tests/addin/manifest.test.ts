/**
 * The add-in skeleton: manifest.xml (one add-in, shared runtime) and webpack.config.js (what it
 * builds and how the dev server is set up). No network, no Office.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '../..');
const xml = fs.readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8');

/** Tags of the document in order (comments, declarations stripped); throws when not well formed. */
function tags(text: string): Array<{ name: string; attrs: Record<string, string>; close: boolean; self: boolean }> {
  const body = text.replace(/<\?[\s\S]*?\?>/g, '').replace(/<!--[\s\S]*?-->/g, '');
  const out: Array<{ name: string; attrs: Record<string, string>; close: boolean; self: boolean }> = [];
  const stack: string[] = [];
  for (const m of body.matchAll(/<(\/?)([A-Za-z][\w:.-]*)((?:\s+[\w:.-]+="[^"]*")*)\s*(\/?)>/g)) {
    const [, close, name, rawAttrs, self] = m;
    const attrs: Record<string, string> = {};
    for (const a of rawAttrs.matchAll(/([\w:.-]+)="([^"]*)"/g)) attrs[a[1]] = a[2];
    if (close) {
      const open = stack.pop();
      if (open !== name) throw new Error(`</${name}> closes <${open}>`);
    } else if (!self) stack.push(name);
    out.push({ name, attrs, close: Boolean(close), self: Boolean(self) });
  }
  if (stack.length) throw new Error(`unclosed <${stack.join('>, <')}>`);
  if (body.replace(/<[^>]*>/g, '').includes('<')) throw new Error('stray <');
  return out;
}

const all = tags(xml);
const resource = (id: string) => all.find((t) => (t.name === 'bt:Url' || t.name === 'bt:Image' || t.name === 'bt:String') && t.attrs.id === id)?.attrs.DefaultValue;
/** The resid of the first <inner> after an opening <outer …> that matches `where`. */
function residAfter(outer: string, where: (a: Record<string, string>) => boolean, inner: string): string | undefined {
  const i = all.findIndex((t) => t.name === outer && !t.close && where(t.attrs));
  return i < 0 ? undefined : all.slice(i + 1).find((t) => t.name === inner)?.attrs.resid;
}

describe('manifest.xml', () => {
  test('is well formed, one Excel task pane add-in asking for ReadWriteDocument', () => {
    expect(all[0]).toMatchObject({ name: 'OfficeApp', attrs: { 'xsi:type': 'TaskPaneApp' } });
    expect(xml).toMatch(/<Id>[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}<\/Id>/);
    expect(all.filter((t) => t.name === 'Host' && t.attrs.Name).map((t) => t.attrs.Name)).toEqual(['Workbook']);
    expect(xml).toMatch(/<Permissions>ReadWriteDocument<\/Permissions>/);
  });

  test('shared runtime as in Excel-Custom-Functions-Shared', () => {
    expect(all.some((t) => t.name === 'Set' && t.attrs.Name === 'SharedRuntime' && t.attrs.MinVersion === '1.1')).toBe(true);
    expect(all.filter((t) => t.name === 'Runtime')).toEqual([expect.objectContaining({ attrs: { resid: 'Taskpane.Url', lifetime: 'long' } })]);
    expect(resource('Taskpane.Url')).toBe('https://localhost:3000/taskpane.html');
    expect(residAfter('Page', () => true, 'SourceLocation')).toBe('Taskpane.Url');
    expect(all.find((t) => t.name === 'FunctionFile')?.attrs.resid).toBe('Taskpane.Url');
    expect(resource(residAfter('Script', () => true, 'SourceLocation')!)).toBe('https://localhost:3000/functions.js');
    expect(resource(residAfter('Metadata', () => true, 'SourceLocation')!)).toBe('https://localhost:3000/functions.json');
    expect(resource(all.find((t) => t.name === 'Namespace')!.attrs.resid)).toBe('CLIENTS');
    expect(xml).not.toMatch(/functions\.html/);
  });

  test('a ribbon button opens the task pane', () => {
    expect(residAfter('Action', (a) => a['xsi:type'] === 'ShowTaskpane', 'SourceLocation')).toBe('Taskpane.Url');
    expect(all.some((t) => t.name === 'OfficeTab' && t.attrs.id === 'TabHome')).toBe(true);
  });

  test('English and Russian names and descriptions', () => {
    expect(xml).toMatch(/<DisplayName DefaultValue="Client Tiers">\s*<Override Locale="ru-RU" Value="Уровни клиентов"\/>/);
    expect(xml).toMatch(/<Description DefaultValue="[^"]+">\s*<Override Locale="ru-RU" Value="[^"]+"\/>/);
    const strings = all.filter((t) => t.name === 'bt:String' && !t.close && t.attrs.id !== 'Functions.Namespace');
    const overrides = all.filter((t) => t.name === 'bt:Override' && t.attrs.Locale === 'ru-RU');
    expect(overrides.length).toBe(strings.length);
  });

  test('every resid resolves, and every icon exists in assets/', () => {
    const ids = new Set(all.filter((t) => t.attrs.id && t.name.startsWith('bt:')).map((t) => t.attrs.id));
    for (const t of all) if (t.attrs.resid) expect(ids).toContain(t.attrs.resid);
    const icons = [...xml.matchAll(/https:\/\/localhost:3000\/(assets\/[\w-]+\.png)/g)].map((m) => m[1]);
    expect(icons.length).toBeGreaterThanOrEqual(4);
    for (const icon of icons) {
      const png = fs.readFileSync(path.join(ROOT, icon));
      expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
      const size = Number(/icon-(\d+)\.png/.exec(icon)![1]);
      expect(png.readUInt32BE(16)).toBe(size); // IHDR width
    }
  });
});

describe('webpack.config.js', () => {
  type Config = import('webpack').Configuration & { devServer?: { server: unknown; port: number } };
  const load = (): ((env: Record<string, unknown>, argv: Record<string, unknown>) => Config) => {
    const file = path.join(ROOT, 'webpack.config.js');
    jest.resetModules();
    return require(file);
  };

  test('entries into dist/: the task pane page loading both bundles, the workbench page, metadata and assets', () => {
    const c = load()({ WEBPACK_BUILD: true }, { mode: 'production' });
    expect(c.entry).toEqual({ taskpane: './src/taskpane/index.tsx', functions: './src/functions/functions.ts', workbench: './src/workbench/index.tsx' });
    expect(c.output?.path).toBe(path.join(ROOT, 'dist'));
    const names = (c.plugins ?? []).map((p) => p?.constructor.name);
    expect(names).toEqual(['CustomFunctionsMetadataPlugin', 'HtmlWebpackPlugin', 'HtmlWebpackPlugin', 'CopyPlugin']);
    const html = (c.plugins ?? [])[1] as unknown as { userOptions: { filename: string; chunks: string[] } };
    expect(html.userOptions).toMatchObject({ filename: 'taskpane.html', chunks: ['functions', 'taskpane'] });
    const workbench = (c.plugins ?? [])[2] as unknown as { userOptions: { filename: string; chunks: string[] } };
    expect(workbench.userOptions).toMatchObject({ filename: 'workbench.html', chunks: ['functions', 'workbench'] });
    expect(c.devServer).toBeUndefined();
  });

  test('dev server: https with the office-addin-dev-certs files, http in CI or with --env http, never prompts', () => {
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'ct-home-'));
    const saved = { HOME: process.env.HOME, CI: process.env.CI };
    try {
      process.env.HOME = home;
      delete process.env.CI;
      const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
      expect(load()({ WEBPACK_SERVE: true }, { mode: 'development' }).devServer).toMatchObject({ port: 3000, server: 'http' });
      expect(warn).toHaveBeenCalledWith(expect.stringMatching(/office-addin-dev-certs install/));
      warn.mockRestore();
      fs.mkdirSync(path.join(home, '.office-addin-dev-certs'));
      for (const f of ['ca.crt', 'localhost.crt', 'localhost.key']) fs.writeFileSync(path.join(home, '.office-addin-dev-certs', f), f);
      const https = load()({ WEBPACK_SERVE: true }, { mode: 'development' }).devServer!;
      expect(https.server).toEqual({ type: 'https', options: { ca: Buffer.from('ca.crt'), cert: Buffer.from('localhost.crt'), key: Buffer.from('localhost.key') } });
      expect(load()({ WEBPACK_SERVE: true, http: true }, { mode: 'development' }).devServer!.server).toBe('http');
      process.env.CI = 'true';
      expect(load()({ WEBPACK_SERVE: true }, { mode: 'development' }).devServer!.server).toBe('http');
    } finally {
      process.env.HOME = saved.HOME;
      if (saved.CI === undefined) delete process.env.CI;
      else process.env.CI = saved.CI;
      fs.rmSync(home, { recursive: true, force: true });
    }
  });

  test('the built page (when dist/ exists) loads Office.js, then functions.js and taskpane.js', () => {
    const page = path.join(ROOT, 'dist', 'taskpane.html');
    if (!fs.existsSync(page)) return; // `npm run build` makes it; the function tests build their own bundle
    const html = fs.readFileSync(page, 'utf8');
    const scripts = [...html.matchAll(/<script[^>]*src="?([^" >]+)/g)].map((m) => m[1]);
    expect(scripts).toEqual(['https://appsforoffice.microsoft.com/lib/1/hosted/office.js', 'functions.js', 'taskpane.js']);
    expect(html).toContain('id=root');
  });
});
