/**
 * Loads the BUILT custom functions bundle the way Excel does: a `CustomFunctions` global whose
 * `associate(id, fn)` captures each function, plus `Error` / `ErrorCode` like the runtime's.
 *
 * The bundle is dist/functions.js from `npm run build` when it is newer than every source it is
 * built from; otherwise (no dist, or sources edited since) the functions entry alone is built
 * with webpack's Node API from webpack.config.js into a temp directory keyed by the sources, so
 * the tests never run stale code and never leave a partial dist/ behind.
 */
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

export const ROOT = path.resolve(__dirname, '../..');

export class StubError {
  constructor(
    public code: string,
    public message?: string,
  ) {}
}

export const ErrorCode = {
  invalidValue: '#VALUE!',
  notAvailable: '#N/A',
  divisionByZero: '#DIV/0!',
  invalidNumber: '#NUM!',
  nullReference: '#NULL!',
  invalidName: '#NAME?',
  invalidReference: '#REF!',
} as const;

export interface Bundle {
  /** Directory holding functions.js and functions.json. */
  dir: string;
  source: 'dist' | 'fresh build';
  functionsJson: unknown;
  /** Calls a function as Excel would: its value, or the CustomFunctions.Error it threw. Raw exceptions escape (and fail the test). */
  call(id: string, ...args: unknown[]): unknown;
  ids: string[];
}

function sourceFiles(): string[] {
  const out: string[] = [path.join(ROOT, 'webpack.config.js'), path.join(ROOT, 'tsconfig.json'), path.join(ROOT, 'package.json')];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.tsx?$/.test(e.name)) out.push(p);
    }
  };
  walk(path.join(ROOT, 'src', 'functions'));
  walk(path.join(ROOT, 'src', 'core'));
  return out;
}

function isFresh(dir: string, files: string[]): boolean {
  const js = path.join(dir, 'functions.js');
  const json = path.join(dir, 'functions.json');
  if (!fs.existsSync(js) || !fs.existsSync(json)) return false;
  const built = Math.min(fs.statSync(js).mtimeMs, fs.statSync(json).mtimeMs);
  return files.every((f) => fs.statSync(f).mtimeMs <= built);
}

async function buildFunctionsOnly(outDir: string): Promise<void> {
  const webpack = require('webpack') as typeof import('webpack');
  const makeConfig = require(path.join(ROOT, 'webpack.config.js')) as (env: Record<string, unknown>, argv: Record<string, unknown>) => import('webpack').Configuration;
  const config = makeConfig({ WEBPACK_BUILD: true, quiet: true }, { mode: 'production' });
  const entry = config.entry as Record<string, string>;
  config.entry = { functions: entry.functions };
  config.output = { ...config.output, path: outDir, clean: true };
  config.devtool = false;
  // the metadata generator and the plugin that adds the top-level flags it cannot emit
  config.plugins = (config.plugins ?? []).filter((p) => p && ['CustomFunctionsMetadataPlugin', 'FunctionsJsonFlagsPlugin'].includes(p.constructor.name));
  await new Promise<void>((resolve, reject) => {
    webpack(config, (err, stats) => {
      if (err) return reject(err);
      if (stats?.hasErrors()) return reject(new Error(stats.toString({ all: false, errors: true })));
      resolve();
    });
  });
}

let cached: Promise<{ dir: string; source: Bundle['source'] }> | undefined;

/** Directory of an up-to-date functions build (dist/ when fresh). */
export function builtDir(): Promise<{ dir: string; source: Bundle['source'] }> {
  cached ??= (async () => {
    const files = sourceFiles();
    const dist = path.join(ROOT, 'dist');
    if (isFresh(dist, files)) return { dir: dist, source: 'dist' as const };
    const hash = crypto.createHash('sha1');
    for (const f of files) hash.update(`${f}:${fs.statSync(f).mtimeMs}:${fs.statSync(f).size}\n`);
    const dir = path.join(os.tmpdir(), `client-tiers-functions-${hash.digest('hex').slice(0, 12)}`);
    if (!isFresh(dir, files)) {
      try {
        await buildFunctionsOnly(dir);
      } catch (e) {
        throw new Error(`dist/functions.js is missing or older than its sources, and building it with webpack failed. Run \`npm run build\` and look at its errors.\n${(e as Error).message}`);
      }
    }
    return { dir, source: 'fresh build' as const };
  })();
  return cached;
}

/** Evaluate functions.js in this realm with a stub CustomFunctions runtime. */
export async function loadBundle(): Promise<Bundle> {
  const { dir, source } = await builtDir();
  const code = fs.readFileSync(path.join(dir, 'functions.js'), 'utf8');
  const registry = new Map<string, (...args: unknown[]) => unknown>();
  const g = globalThis as Record<string, unknown>;
  g.CustomFunctions = {
    associate(id: string, fn: (...args: unknown[]) => unknown) {
      registry.set(id, fn);
    },
    Error: StubError,
    ErrorCode,
  };
  new Function(code)();
  return {
    dir,
    source,
    functionsJson: JSON.parse(fs.readFileSync(path.join(dir, 'functions.json'), 'utf8')),
    ids: [...registry.keys()],
    call(id, ...args) {
      const fn = registry.get(id);
      if (!fn) throw new Error(`${id} was not associated`);
      try {
        return fn(...args);
      } catch (e) {
        if (e instanceof StubError) return e;
        throw e;
      }
    },
  };
}

/** Shape an Excel column from values: [[a], [b], …]. */
export function column(values: unknown[]): unknown[][] {
  return values.map((v) => [v]);
}

/** The error a call produced, or a failure when it produced a value. */
export function errorOf(result: unknown): StubError {
  if (!(result instanceof StubError)) throw new Error(`expected an Excel error, got ${JSON.stringify(result)}`);
  return result;
}
