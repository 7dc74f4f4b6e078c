const fs = require('fs');
const { readXlsxGrids } = require('./dist-cli/src/cli/xlsxStream.js');
(async () => {
const data = fs.readFileSync(process.argv[2]);
global.gc(); const h0 = process.memoryUsage().heapUsed;
const t = Date.now();
const s = await readXlsxGrids(data);
const t1 = Date.now();
global.gc(); const m = process.memoryUsage();
console.log('cpu s', (process.cpuUsage().user/1e6).toFixed(2), 'read ms', t1 - t, 'rows', s[0].grid.length, 'heap MB', ((m.heapUsed - h0) / 2**20).toFixed(0), 'bytes/row', ((m.heapUsed - h0) / s[0].grid.length).toFixed(0), 'maxRSS MB', (process.resourceUsage().maxRSS/1024).toFixed(0));
})();
