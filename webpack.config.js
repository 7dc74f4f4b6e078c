/* Webpack build of the add-in, after OfficeDev's Excel-Custom-Functions-Shared template.
 *
 * `npm run build` (production) → dist/, the add-in and nothing else, ready for static hosting:
 *   dist/taskpane.html  the task pane page; in the shared runtime it also hosts the custom
 *                       functions, so it loads both bundles (no separate functions.html)
 *   dist/taskpane.js    React + Fluent UI task pane         (src/taskpane/index.tsx)
 *   dist/functions.js   CLIENTS.* custom functions          (src/functions/functions.ts)
 *   dist/functions.json their metadata, generated from the JSDoc by CustomFunctionsMetadataPlugin
 *                       (which also appends the CustomFunctions.associate calls to functions.ts),
 *                       plus the top-level flags the generator cannot emit (FunctionsJsonFlagsPlugin)
 *   dist/assets/*.png, dist/manifest.xml (its URLs point at ADDIN_URL, see below)
 *
 * `npm run build:workbench` (`--env workbench`) → dist-workbench/: the workbench page (the real pane
 * and functions over the Excel stand-in), functions.js/.json and the sample workbooks. A
 * development tool for the browser tests; never shipped. `npm start` serves the same plus the
 * task pane page and a localhost manifest from memory.
 *
 * ADDIN_URL (environment, or `--env ADDIN_URL=…`): the HTTPS address dist/ will be served from,
 * e.g. https://tiers.example.org/addin. Every https://localhost:3000/ URL in manifest.xml is
 * rewritten to it (the templates' urlDev → urlProd replacement). Without it, a production build
 * keeps the localhost URLs (usable only for sideloading against `npm start`) and prints a loud
 * warning; `npm run build:release` (`--env release`) refuses to build without it.
 *
 * Dev server: https://localhost:3000 with the office-addin-dev-certs certificates when they are
 * installed (`npx office-addin-dev-certs install` once). Plain http when CI is set, with
 * `--env http`, or when no certificates are found — never installs certificates or prompts.
 * Listens on localhost only, unless `--env public` or DEV_SERVER_HOST (e.g. 0.0.0.0) asks.
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const webpack = require('webpack');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const CustomFunctionsMetadataPlugin = require('custom-functions-metadata-plugin');
const HtmlWebpackPlugin = require('html-webpack-plugin');

const PORT = Number(process.env.npm_package_config_dev_server_port || 3000);
/** The origin manifest.xml is written for (the dev server); replaced by ADDIN_URL in a release. */
const DEV_URL = 'https://localhost:3000';

/**
 * ADDIN_URL validated and normalised (no trailing slash), or undefined when not set.
 * Office requires the manifest's URLs to be HTTPS; a query or fragment would end up in the middle
 * of every URL, credentials would be published in the manifest, and a loopback host is the dev
 * server, not a deployment.
 * @param {unknown} raw
 * @returns {string | undefined}
 */
function addinUrl(raw) {
  if (raw === undefined || raw === null || raw === '' || raw === true) return undefined;
  const text = String(raw).trim();
  let url;
  try {
    url = new URL(text);
  } catch {
    throw new Error(`ADDIN_URL "${text}" is not a URL. Give the HTTPS address dist/ is served from, e.g. ADDIN_URL=https://tiers.example.org/addin`);
  }
  if (url.protocol !== 'https:') throw new Error(`ADDIN_URL "${text}" must start with https:// (Office loads add-ins over HTTPS only).`);
  if (url.username || url.password) throw new Error(`ADDIN_URL "${text}" must not contain a user name or password: the manifest is public.`);
  if (url.search || url.hash || text.includes('?') || text.includes('#')) throw new Error(`ADDIN_URL "${text}" must not have a ?query or #fragment: file names are appended to it.`);
  if (/^(localhost|127\.\d+\.\d+\.\d+|\[::1\]|0\.0\.0\.0)$/i.test(url.hostname)) {
    throw new Error(`ADDIN_URL "${text}" is a local address; it must be the public HTTPS host users' Excel loads the add-in from.`);
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

/**
 * manifest.xml with every dev-server URL pointed at `base`; throws when a localhost reference is
 * left over (a URL written differently from DEV_URL), so a release manifest never points home.
 * @param {string} xml @param {string} base
 */
function manifestFor(xml, base) {
  const out = xml.split(`${DEV_URL}/`).join(`${base}/`);
  if (base !== DEV_URL && /localhost/i.test(out)) {
    const line = out.split('\n').find((l) => /localhost/i.test(l));
    throw new Error(`manifest.xml still mentions localhost after pointing it at ${base}: ${line?.trim()}. Write its URLs as ${DEV_URL}/…`);
  }
  return out;
}

/**
 * Adds top-level flags to functions.json after CustomFunctionsMetadataPlugin generated it (it puts
 * the asset in place when the compilation starts; this runs in processAssets, later).
 * The generator cannot emit `allowErrorForDataTypeAny`: "Setting the value to true allows a
 * custom function to process errors as input values. All parameters with the type any or any[][]
 * can accept errors … The default value is false"; it is a top-level property with no
 * sub-properties, beside `functions`. Without it Excel does not call a function whose range holds
 * one error. Source: "Manually create JSON metadata for custom functions", Metadata reference,
 * https://learn.microsoft.com/office/dev/add-ins/excel/custom-functions-json#allowerrorfordatatypeany
 * and "Handle and return errors from your custom function" (errors as custom function inputs),
 * https://learn.microsoft.com/office/dev/add-ins/excel/custom-functions-errors
 */
class FunctionsJsonFlagsPlugin {
  /** @param {Record<string, boolean>} flags @param {string} [file] */
  constructor(flags, file = 'functions.json') {
    this.flags = flags;
    this.file = file;
  }

  /** @param {import('webpack').Compiler} compiler */
  apply(compiler) {
    const name = 'FunctionsJsonFlagsPlugin';
    compiler.hooks.thisCompilation.tap(name, (compilation) => {
      compilation.hooks.processAssets.tap({ name, stage: webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONS }, () => {
        const asset = compilation.getAsset(this.file);
        if (!asset) {
          // the metadata plugin reports its own errors; without them a missing file is ours to report
          if (!compilation.errors.length) compilation.errors.push(new webpack.WebpackError(`${name}: ${this.file} was not generated`));
          return;
        }
        const json = JSON.parse(asset.source.source().toString());
        const out = { ...this.flags, ...json, ...this.flags }; // flags first, as in Microsoft's example
        compilation.updateAsset(this.file, new webpack.sources.RawSource(`${JSON.stringify(out, null, 4)}\n`));
      });
    });
  }
}

/** The certificates office-addin-dev-certs installs (its default directory), or undefined. */
function devCertificates() {
  // office-addin-dev-certs keeps them in ~/.office-addin-dev-certs (os.homedir(), i.e. $HOME where set)
  const dir = path.join(process.env.HOME || os.homedir(), '.office-addin-dev-certs');
  const files = { ca: 'ca.crt', cert: 'localhost.crt', key: 'localhost.key' };
  try {
    return Object.fromEntries(Object.entries(files).map(([k, f]) => [k, fs.readFileSync(path.join(dir, f))]));
  } catch {
    return undefined;
  }
}

/** @param {Record<string, unknown>} env */
function devServer(env) {
  const wantHttp = Boolean(env.http) || Boolean(process.env.CI);
  const certs = wantHttp ? undefined : devCertificates();
  if (!wantHttp && !certs) {
    console.warn('[client-tiers] No dev certificates in ~/.office-addin-dev-certs; serving plain http. Run `npx office-addin-dev-certs install` for https.');
  }
  // localhost only: the dev server serves the add-in and the sample workbooks to this machine.
  const host = process.env.DEV_SERVER_HOST || (env.public ? '0.0.0.0' : 'localhost');
  return {
    host,
    port: PORT,
    // Excel fetches functions.json cross-origin; the templates' dev server sends the same header
    headers: { 'Access-Control-Allow-Origin': '*' },
    server: certs ? { type: 'https', options: certs } : 'http',
    static: false, // everything is built in memory (pages, bundles, metadata, assets, samples, manifest)
    client: { overlay: { errors: true, warnings: false } },
    open: false,
    onListening: (server) => {
      const scheme = certs ? 'https' : 'http';
      const where = host === 'localhost' ? '' : `  (listening on ${host}, reachable from other machines)\n`;
      console.log(`\n  Client Tiers workbench: ${scheme}://localhost:${server.options.port}/workbench.html\n  Task pane (for Excel):  ${scheme}://localhost:${server.options.port}/taskpane.html\n${where}`);
    },
  };
}

/** @param {Record<string, unknown>} env @param {{ mode?: string }} argv */
module.exports = (env = {}, argv = {}) => {
  const dev = argv.mode === 'development';
  const serve = Boolean(env.WEBPACK_SERVE);
  /** The workbench build (browser tests) or the dev server (workbench + pane). Never dist/. */
  const workbench = serve || Boolean(env.workbench);
  // ADDIN_URL applies to the add-in build only; the dev server and the workbench serve localhost
  const base = workbench ? undefined : addinUrl(env.ADDIN_URL ?? process.env.ADDIN_URL);
  if (!workbench && !base) {
    if (env.release) {
      throw new Error('npm run build:release needs ADDIN_URL, the HTTPS address dist/ will be served from: ADDIN_URL=https://tiers.example.org/addin npm run build:release');
    }
    if (!dev && !env.quiet) {
      console.warn(
        '\n[client-tiers] ************************************************************************\n' +
          '[client-tiers] ADDIN_URL is not set: dist/manifest.xml points at https://localhost:3000.\n' +
          '[client-tiers] That manifest only works for sideloading against `npm start`. To deploy:\n' +
          '[client-tiers]   ADDIN_URL=https://your.host/path npm run build\n' +
          '[client-tiers] ************************************************************************\n',
      );
    }
  }

  const pages = [];
  if (!workbench || serve) {
    pages.push(
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: path.resolve(__dirname, 'src/taskpane/taskpane.html'),
        chunks: ['functions', 'taskpane'],
        chunksSortMode: 'manual',
      }),
    );
  }
  if (workbench) {
    // the workbench: the same task pane and functions over the Excel stand-in (no Office.js)
    pages.push(
      new HtmlWebpackPlugin({
        filename: 'workbench.html',
        template: path.resolve(__dirname, 'src/workbench/workbench.html'),
        chunks: ['functions', 'workbench'],
        chunksSortMode: 'manual',
      }),
    );
  }
  const entry = {};
  if (!workbench || serve) entry.taskpane = './src/taskpane/index.tsx';
  entry.functions = './src/functions/functions.ts';
  if (workbench) entry.workbench = './src/workbench/index.tsx';

  const copies = [{ from: 'assets/*.png', to: 'assets/[name][ext]' }];
  if (workbench) copies.unshift({ from: 'samples/*.xlsx', to: 'samples/[name][ext]' });
  if (!workbench || serve) {
    copies.push({ from: 'manifest.xml', to: 'manifest.xml', transform: (content) => manifestFor(content.toString('utf8'), base ?? DEV_URL) });
  }

  /** @type {import('webpack').Configuration} */
  const config = {
    mode: dev ? 'development' : 'production',
    context: __dirname,
    devtool: 'source-map',
    entry,
    output: {
      path: path.resolve(__dirname, workbench ? 'dist-workbench' : 'dist'),
      filename: '[name].js',
      // the analysis Web Worker (src/taskpane/analysis/spawn.ts) and the chunks it shares
      chunkFilename: 'chunks/[name].js',
      clean: true,
      compareBeforeEmit: false, // always write, so file times tell whether dist/ is up to date (tests rely on it)
    },
    resolve: { extensions: ['.ts', '.tsx', '.js'] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: { loader: 'ts-loader', options: { transpileOnly: true, configFile: path.resolve(__dirname, 'tsconfig.json') } },
        },
      ],
    },
    plugins: [
      new CustomFunctionsMetadataPlugin({ output: 'functions.json', input: path.resolve(__dirname, 'src/functions/functions.ts') }),
      new FunctionsJsonFlagsPlugin({ allowErrorForDataTypeAny: true }),
      ...pages,
      new CopyWebpackPlugin({ patterns: copies }),
    ],
    performance: { hints: false },
    stats: 'errors-warnings',
  };
  if (serve) config.devServer = devServer(env);
  return config;
};

module.exports.addinUrl = addinUrl;
module.exports.manifestFor = manifestFor;
module.exports.FunctionsJsonFlagsPlugin = FunctionsJsonFlagsPlugin;
module.exports.DEV_URL = DEV_URL;
