#!/usr/bin/env node
'use strict';
// Thin launcher: the command line is compiled from src/cli by `npm run build:cli` (run on install).
const path = require('path');
const fs = require('fs');
const main = path.join(__dirname, '..', 'dist-cli', 'src', 'cli', 'main.js');
if (!fs.existsSync(main)) {
  process.stderr.write('client-tiers: not built yet. Run `npm run build:cli` in the project folder.\n');
  process.exit(2);
}
require(main).run(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err) => {
    process.stderr.write(`client-tiers: ${err && err.message ? err.message : String(err)}\n`);
    process.exit(1);
  },
);
