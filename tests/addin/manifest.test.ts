/**
 * The add-in skeleton: manifest.xml (one add-in, shared runtime) and webpack.config.js (what it
 * builds and how the dev server is set up), and the shippable build: `ADDIN_URL=… npm run build`
 * writes a dist/ whose manifest points only there and which holds no workbench. No network, no
 * Office.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '../..');
const xml = fs.readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8');
const ID = '284a0eb8-0093-4c22-ad85-34ed9375e9de'; // never changes: workbook settings and deployments belong to it

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
/** Every URL in a manifest: attribute values and element texts starting with a scheme. */
const urlsOf = (text: string) => [...text.replace(/<!--[\s\S]*?-->/g, '').matchAll(/(?:="|>)\s*([a-z][a-z0-9+.-]*:\/\/[^"<\s]*)/gi)].map((m) => m[1]).filter((u) => !/schemas\.microsoft\.com|www\.w3\.org/.test(u));
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
    expect(xml).toContain(`<Id>${ID}</Id>`);
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

  test('every URL is written as the dev server’s https://localhost:3000/…, the form the build rewrites', () => {
    const urls = urlsOf(xml);
    expect(urls.length).toBe(11); // 3 top-level URLs, SourceLocation, 3 ribbon icons, 4 bt:Url resources
    for (const u of urls) expect(u).toMatch(/^https:\/\/localhost:3000\/[\w./-]+$/);
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

interface Html {
  userOptions: { filename: string; chunks: string[] };
}
interface Copy {
  patterns: Array<{ from: string; to: string; transform?: unknown }>;
}
type Config = import('webpack').Configuration & { devServer?: { server: unknown; port: number; host: string; static: unknown; headers: Record<string, string> } };
type MakeConfig = ((env: Record<string, unknown>, argv: Record<string, unknown>) => Config) & {
  addinUrl: (raw: unknown) => string | undefined;
  manifestFor: (xml: string, base: string) => string;
};
const load = (): MakeConfig => {
  jest.resetModules();
  return require(path.join(ROOT, 'webpack.config.js'));
};
const pluginNames = (c: Config) => (c.plugins ?? []).map((p) => p?.constructor.name);
const pages = (c: Config) => (c.plugins ?? []).filter((p) => p?.constructor.name === 'HtmlWebpackPlugin').map((p) => (p as unknown as Html).userOptions);
const copies = (c: Config) => ((c.plugins ?? []).find((p) => p?.constructor.name === 'CopyPlugin') as unknown as Copy).patterns.map((p) => p.from);
/** Runs `fn` with ADDIN_URL / CI / HOME / DEV_SERVER_HOST set as given (undefined: unset), restoring them after. */
function withEnv<T>(vars: Record<string, string | undefined>, fn: () => T): T {
  const saved = Object.fromEntries(Object.keys(vars).map((k) => [k, process.env[k]]));
  const set = (v: Record<string, string | undefined>) => {
    for (const [k, x] of Object.entries(v)) {
      if (x === undefined) delete process.env[k];
      else process.env[k] = x;
    }
  };
  set(vars);
  try {
    return fn();
  } finally {
    set(saved);
  }
}
const quietly = <T>(fn: () => T): T => {
  const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  try {
    return fn();
  } finally {
    warn.mockRestore();
  }
};

describe('webpack.config.js', () => {
  test('production build into dist/: the task pane page loading both bundles, metadata (plus its flags), assets, the manifest — no workbench, no samples', () => {
    const c = quietly(() => withEnv({ ADDIN_URL: undefined }, () => load()({ WEBPACK_BUILD: true }, { mode: 'production' })));
    expect(c.entry).toEqual({ taskpane: './src/taskpane/index.tsx', functions: './src/functions/functions.ts' });
    expect(c.output?.path).toBe(path.join(ROOT, 'dist'));
    expect(pluginNames(c)).toEqual(['CustomFunctionsMetadataPlugin', 'FunctionsJsonFlagsPlugin', 'HtmlWebpackPlugin', 'CopyPlugin']);
    expect(pages(c)).toEqual([expect.objectContaining({ filename: 'taskpane.html', chunks: ['functions', 'taskpane'] })]);
    expect(copies(c)).toEqual(['assets/*.png', 'manifest.xml']);
    expect(c.devServer).toBeUndefined();
  });

  test('--env workbench builds into dist-workbench/: the workbench page, functions and the sample workbooks, no manifest', () => {
    const c = withEnv({ ADDIN_URL: 'https://tiers.example.org/addin' }, () => load()({ WEBPACK_BUILD: true, workbench: true }, { mode: 'production' }));
    expect(c.entry).toEqual({ functions: './src/functions/functions.ts', workbench: './src/workbench/index.tsx' });
    expect(c.output?.path).toBe(path.join(ROOT, 'dist-workbench'));
    expect(pluginNames(c)).toEqual(['CustomFunctionsMetadataPlugin', 'FunctionsJsonFlagsPlugin', 'HtmlWebpackPlugin', 'CopyPlugin']);
    expect(pages(c)).toEqual([expect.objectContaining({ filename: 'workbench.html', chunks: ['functions', 'workbench'] })]);
    expect(copies(c)).toEqual(['samples/*.xlsx', 'assets/*.png']);
  });

  test('npm start serves the pane, the workbench with the samples and a localhost manifest, never writing dist/', () => {
    const c = quietly(() => withEnv({ ADDIN_URL: 'https://tiers.example.org/addin', CI: 'true' }, () => load()({ WEBPACK_SERVE: true }, { mode: 'development' })));
    expect(c.entry).toEqual({ taskpane: './src/taskpane/index.tsx', functions: './src/functions/functions.ts', workbench: './src/workbench/index.tsx' });
    expect(pages(c).map((p) => p.filename)).toEqual(['taskpane.html', 'workbench.html']);
    expect(copies(c)).toEqual(['samples/*.xlsx', 'assets/*.png', 'manifest.xml']);
    expect(c.output?.path).toBe(path.join(ROOT, 'dist-workbench'));
    expect(c.devServer).toMatchObject({ port: 3000, static: false, headers: { 'Access-Control-Allow-Origin': '*' } });
  });

  test('dev server listens on localhost only, unless --env public or DEV_SERVER_HOST asks', () => {
    withEnv({ CI: 'true', DEV_SERVER_HOST: undefined }, () => {
      expect(load()({ WEBPACK_SERVE: true }, { mode: 'development' }).devServer!.host).toBe('localhost');
      expect(load()({ WEBPACK_SERVE: true, public: true }, { mode: 'development' }).devServer!.host).toBe('0.0.0.0');
    });
    withEnv({ CI: 'true', DEV_SERVER_HOST: '192.168.1.20' }, () => {
      expect(load()({ WEBPACK_SERVE: true }, { mode: 'development' }).devServer!.host).toBe('192.168.1.20');
    });
  });

  test('dev server: https with the office-addin-dev-certs files, http in CI or with --env http, never prompts', () => {
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'ct-home-'));
    try {
      withEnv({ HOME: home, CI: undefined }, () => {
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
      });
    } finally {
      fs.rmSync(home, { recursive: true, force: true });
    }
  });

  test('ADDIN_URL: https only, normalised without a trailing slash; anything else refused with a message saying why', () => {
    const { addinUrl } = load();
    expect(addinUrl(undefined)).toBeUndefined();
    expect(addinUrl('')).toBeUndefined();
    expect(addinUrl('https://tiers.example.org/addin')).toBe('https://tiers.example.org/addin');
    expect(addinUrl(' https://tiers.example.org/addin/ ')).toBe('https://tiers.example.org/addin');
    expect(addinUrl('https://tiers.example.org/addin//')).toBe('https://tiers.example.org/addin');
    expect(addinUrl('https://tiers.example.org')).toBe('https://tiers.example.org');
    expect(addinUrl('https://tiers.example.org/')).toBe('https://tiers.example.org');
    expect(addinUrl('https://Tiers.Example.org:8443/a/b')).toBe('https://tiers.example.org:8443/a/b');
    expect(() => addinUrl('http://tiers.example.org/addin')).toThrow(/must start with https:\/\//);
    expect(() => addinUrl('tiers.example.org/addin')).toThrow(/not a URL/);
    expect(() => addinUrl('https://tiers.example.org/addin?v=2')).toThrow(/\?query or #fragment/);
    expect(() => addinUrl('https://tiers.example.org/addin#x')).toThrow(/\?query or #fragment/);
    expect(() => addinUrl('https://me:secret@tiers.example.org/addin')).toThrow(/user name or password/);
    expect(() => addinUrl('https://localhost:3000')).toThrow(/local address/);
    expect(() => addinUrl('https://127.0.0.1/addin')).toThrow(/local address/);
    // a bad ADDIN_URL stops the build before anything is written
    expect(() => withEnv({ ADDIN_URL: 'http://tiers.example.org' }, () => load()({ WEBPACK_BUILD: true }, { mode: 'production' }))).toThrow(/https/);
  });

  test('without ADDIN_URL: a production build warns loudly and keeps localhost; build:release (--env release) refuses', () => {
    withEnv({ ADDIN_URL: undefined }, () => {
      const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
      try {
        load()({ WEBPACK_BUILD: true }, { mode: 'production' });
        expect(warn).toHaveBeenCalledWith(expect.stringMatching(/ADDIN_URL is not set: dist\/manifest\.xml points at https:\/\/localhost:3000/));
        warn.mockClear();
        load()({ WEBPACK_BUILD: true, workbench: true }, { mode: 'production' });
        expect(warn).not.toHaveBeenCalled(); // the workbench is never deployed
      } finally {
        warn.mockRestore();
      }
      expect(() => load()({ WEBPACK_BUILD: true, release: true }, { mode: 'production' })).toThrow(/build:release needs ADDIN_URL/);
    });
    withEnv({ ADDIN_URL: 'https://tiers.example.org/addin' }, () => {
      expect(load()({ WEBPACK_BUILD: true, release: true }, { mode: 'production' }).output?.path).toBe(path.join(ROOT, 'dist'));
    });
  });

  test('manifestFor refuses a manifest that would keep a localhost reference', () => {
    const { manifestFor } = load();
    expect(manifestFor('<a b="https://localhost:3000/x.html"/>', 'https://h.example/p')).toBe('<a b="https://h.example/p/x.html"/>');
    expect(() => manifestFor('<a b="https://localhost:3000/x"/><c d="http://localhost:3000/y"/>', 'https://h.example/p')).toThrow(/still mentions localhost.*http:\/\/localhost:3000\/y/);
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

/** Files under `dir`, relative, sorted. */
function filesUnder(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(path.join(d, e.name));
      else out.push(path.relative(dir, path.join(d, e.name)).split(path.sep).join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

/** What may ship in dist/: the pane page, the two bundles (and their maps/licences), the metadata, icons, the manifest. */
const SHIPPABLE = /^(taskpane\.html|(taskpane|functions)\.js(\.map|\.LICENSE\.txt)?|chunks\/[\w-]+\.js(\.map|\.LICENSE\.txt)?|functions\.json|manifest\.xml|assets\/icon-\d+\.png)$/;

describe('ADDIN_URL=https://tiers.example.org/addin: the production build', () => {
  const BASE = 'https://tiers.example.org/addin';
  let out: string;
  let built: string;

  beforeAll(async () => {
    // The real config and plugins, with the two heavy bundles replaced by one-line stand-ins: what
    // this checks (pages, metadata, assets, manifest) does not depend on the bundles' contents.
    out = fs.mkdtempSync(path.join(os.tmpdir(), 'ct-dist-'));
    const stub = path.join(out, '..', `${path.basename(out)}-entry.js`);
    fs.writeFileSync(stub, 'export const built = true;\n');
    const webpack = require('webpack') as typeof import('webpack');
    const config = withEnv({ ADDIN_URL: `${BASE}/` }, () => load()({ WEBPACK_BUILD: true }, { mode: 'production' }));
    config.entry = { taskpane: stub, functions: stub };
    config.output = { ...config.output, path: out };
    config.devtool = false;
    await new Promise<void>((resolve, reject) =>
      webpack(config, (err, stats) => {
        fs.rmSync(stub, { force: true });
        if (err) return reject(err);
        if (stats?.hasErrors()) return reject(new Error(stats.toString({ all: false, errors: true })));
        resolve();
      }),
    );
    built = fs.readFileSync(path.join(out, 'manifest.xml'), 'utf8');
  }, 120000);

  afterAll(() => {
    if (out) fs.rmSync(out, { recursive: true, force: true });
  });

  test('dist/manifest.xml: every URL under ADDIN_URL, no localhost anywhere, the same documents and icons', () => {
    expect(built).not.toMatch(/localhost/i);
    const urls = urlsOf(built);
    expect(urls.length).toBe(urlsOf(xml).length);
    for (const u of urls) expect(u.startsWith(`${BASE}/`)).toBe(true);
    expect(urls.map((u) => u.slice(BASE.length))).toEqual(urlsOf(xml).map((u) => u.slice('https://localhost:3000'.length)));
    const t = tags(built);
    const res = (id: string) => t.find((x) => x.name === 'bt:Url' && x.attrs.id === id)?.attrs.DefaultValue;
    expect(res('Functions.Metadata.Url')).toBe(`${BASE}/functions.json`);
    expect(res('Functions.Script.Url')).toBe(`${BASE}/functions.js`);
    expect(res('Taskpane.Url')).toBe(`${BASE}/taskpane.html`);
    expect(t.find((x) => x.name === 'SourceLocation' && x.attrs.DefaultValue)?.attrs.DefaultValue).toBe(`${BASE}/taskpane.html`);
    for (const name of ['IconUrl', 'HighResolutionIconUrl', 'SupportUrl']) expect(t.find((x) => x.name === name)?.attrs.DefaultValue).toMatch(new RegExp(`^${BASE}/`));
    // every file the manifest names is in the build
    for (const u of urls) expect(fs.existsSync(path.join(out, u.slice(BASE.length + 1)))).toBe(true);
  });

  test('dist/manifest.xml keeps the <Id> and the <Version> (package.json version + ".0"); only the URLs change', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(built).toContain(`<Id>${ID}</Id>`);
    expect(/<Version>([^<]*)<\/Version>/.exec(built)?.[1]).toBe(`${pkg.version}.0`);
    expect(built.replaceAll(`${BASE}/`, 'https://localhost:3000/')).toBe(xml);
  });

  test('dist/functions.json carries allowErrorForDataTypeAny: true at the top level', () => {
    const json = JSON.parse(fs.readFileSync(path.join(out, 'functions.json'), 'utf8')) as Record<string, unknown>;
    expect(json.allowErrorForDataTypeAny).toBe(true);
    expect(Array.isArray(json.functions)).toBe(true);
  });

  test('dist/ holds the add-in only: no workbench page or bundle, no sample workbooks', () => {
    const files = filesUnder(out);
    expect(files).toEqual(expect.arrayContaining(['taskpane.html', 'taskpane.js', 'functions.js', 'functions.json', 'manifest.xml', 'assets/icon-32.png']));
    for (const f of files) expect(f).toMatch(SHIPPABLE);
  });
});

test('the real dist/ (when `npm run build` made it) holds no workbench and no samples, and its manifest points at one base', () => {
  const dist = path.join(ROOT, 'dist');
  if (!fs.existsSync(path.join(dist, 'manifest.xml'))) return; // npm test builds it first
  const files = filesUnder(dist);
  expect(files.filter((f) => /workbench|samples\/|\.xlsx$/.test(f))).toEqual([]);
  for (const f of files) expect(f).toMatch(SHIPPABLE);
  const urls = urlsOf(fs.readFileSync(path.join(dist, 'manifest.xml'), 'utf8'));
  const base = urls.find((u) => u.endsWith('/taskpane.html'))!.replace(/taskpane\.html$/, '');
  expect(urls.length).toBe(11);
  for (const u of urls) expect(u.startsWith(base)).toBe(true);
});
