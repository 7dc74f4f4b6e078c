const g = require('./dist-cli/bench/generate.js');
(async () => { for (const columns of [12, 3]) console.log(await g.transactionXlsx({ rows: 1048575, clients: 150000, seed: 1, columns })); })();
