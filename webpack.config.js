/* Webpack build of the add-in, after OfficeDev's Excel-Custom-Functions-Shared template:
 *   dist/taskpane.html  the task pane page; in the shared runtime it also hosts the custom
 *                       functions, so it loads both bundles (no separate functions.html)
 *   dist/taskpane.js    React + Fluent UI task pane         (src/taskpane/index.tsx)
 *   dist/functions.js   CLIENTS.* custom functions          (src/functions/functions.ts)
 *   dist/functions.json their metadata, generated from the JSDoc by CustomFunctionsMetadataPlugin,
 *                       which also appends the CustomFunctions.associate calls to functions.ts
 *   dist/assets/*.png, dist/manifest.xml
 *
 * Dev server: https://localhost:3000 with the office-addin-dev-certs certificates when they are
 * installed (`npx office-addin-dev-certs install` once). Plain http when CI is set, with
 * `--env http`, or when no certificates are found — never installs certificates or prompts.
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const CustomFunctionsMetadataPlugin = require('custom-functions-metadata-plugin');
const HtmlWebpackPlugin = require('html-webpack-plugin');

const PORT = Number(process.env.npm_package_config_dev_server_port || 3000);

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

function devServer(env) {
  const wantHttp = Boolean(env.http) || Boolean(process.env.CI);
  const certs = wantHttp ? undefined : devCertificates();
  if (!wantHttp && !certs) {
    console.warn('[client-tiers] No dev certificates in ~/.office-addin-dev-certs; serving plain http. Run `npx office-addin-dev-certs install` for https.');
  }
  return {
    port: PORT,
    headers: { 'Access-Control-Allow-Origin': '*' },
    server: certs ? { type: 'https', options: certs } : 'http',
    static: { directory: path.resolve(__dirname, 'dist'), watch: false },
    client: { overlay: { errors: true, warnings: false } },
    open: false,
    onListening: (server) => {
      const scheme = certs ? 'https' : 'http';
      console.log(`\n  Client Tiers workbench: ${scheme}://localhost:${server.options.port}/workbench.html\n  Task pane (for Excel):  ${scheme}://localhost:${server.options.port}/taskpane.html\n`);
    },
  };
}

/** @param {Record<string, unknown>} env @param {{ mode?: string }} argv */
module.exports = (env = {}, argv = {}) => {
  const dev = argv.mode === 'development';
  /** @type {import('webpack').Configuration} */
  const config = {
    mode: dev ? 'development' : 'production',
    context: __dirname,
    devtool: 'source-map',
    entry: {
      taskpane: './src/taskpane/index.tsx',
      functions: './src/functions/functions.ts',
      workbench: './src/workbench/index.tsx',
    },
    output: {
      path: path.resolve(__dirname, 'dist'),
      filename: '[name].js',
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
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: path.resolve(__dirname, 'src/taskpane/taskpane.html'),
        chunks: ['functions', 'taskpane'],
        chunksSortMode: 'manual',
      }),
      // the workbench: the same task pane and functions over the Excel stand-in (no Office.js)
      new HtmlWebpackPlugin({
        filename: 'workbench.html',
        template: path.resolve(__dirname, 'src/workbench/workbench.html'),
        chunks: ['functions', 'workbench'],
        chunksSortMode: 'manual',
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'samples/*.xlsx', to: 'samples/[name][ext]' },
          { from: 'assets/*.png', to: 'assets/[name][ext]' },
          { from: 'manifest.xml', to: 'manifest.xml' },
        ],
      }),
    ],
    performance: { hints: false },
    stats: 'errors-warnings',
  };
  if (env.WEBPACK_SERVE) config.devServer = devServer(env);
  return config;
};
