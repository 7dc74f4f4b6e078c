/**
 * `npm run bench`: the path a user runs, measured as whole processes.
 *
 * For each case the command line (`node bin/client-tiers.js analyze FILE --window-months all
 * --json`, built into dist-cli) runs as a child process on a file on disk, beside the pandas peer
 * (bench/peer/pandas_peer.py) in the same run, alternating A/B (ABBA order, after one untimed
 * warm-up of each so both read the file from the page cache). Wall time covers start-up, reading,
 * decoding, parsing, the analysis and writing the JSON; peak RSS is `/usr/bin/time -v`'s "Maximum
 * resident set size" (when /usr/bin/time is missing: the peer's own ru_maxrss, none for the CLI).
 * The CLI's figures are compared with the peer's (clients, total, Gini, HHI, top-20% share).
 *
 * Results go to bench/results.json; the README's performance block is generated from it
 * (bench/readme.ts, also run at the end here). The old in-memory analysis bench runs last,
 * labelled "analysis only (in memory)", with the per-cell functions.
 *
 * Environment / flags:
 *   BENCH_RUNS=n      timed runs per side (default 5, at least 5 for results.json to be kept)
 *   BENCH_ROWS=n      rows of the "full sheet" cases (default 1,048,575; small for a quick check)
 *   BENCH_HUGE=1 or --huge   add the 10^7-row CSV (opt-in: minutes per run)
 *   BENCH_ONLY=id,id  only these cases, printed, not written (ids: startup-help, startup-csv, ru-csv, ru-csv-6m, retail, worst,
 *                     xlsx-3, xlsx-12, xlsx-3-apply, xlsx-12-apply, huge-csv)
 *   BENCH_PYTHON=path the peer's Python (default: /usr/bin/python3 if present, else python3)
 *   --no-write        do not write results.json / README; --write: write them even for a quick check
 */
import { spawnSync } from 'child_process';
import { existsSync, promises as fs, statSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { transactionCsv, transactionXlsx } from './generate';

const ROOT = process.cwd();
const BIN = path.join(ROOT, 'bin', 'client-tiers.js');
const PEER = path.join(ROOT, 'bench', 'peer', 'pandas_peer.py');
const TIME = '/usr/bin/time';
export const RESULTS = path.join(ROOT, 'bench', 'results.json');

export interface RunStats {
  runsMs: number[];
  bestMs: number;
  medianMs: number;
  /** Largest peak RSS over the runs, MiB (null when it could not be measured). */
  peakRssMB: number | null;
}

export interface Figures {
  clients: number;
  total: number;
  gini: number;
  hhi: number;
  top20Share: number;
}

export interface CaseResult {
  id: string;
  name: string;
  input: { file: string; bytes: number; rows: number | null; format: string };
  includes: string[];
  command: string;
  target?: string;
  cli: RunStats | { error: string };
  peer: (RunStats & { command: string; version?: string }) | { absent: string } | { error: string } | null;
  /** CLI median / peer median (below 1: the CLI is faster). */
  ratio: number | null;
  /** Largest relative difference between the CLI's figures and the peer's. */
  agreement?: { maxRelDiff: number; cli: Figures; peer: Figures } | null;
}

interface Measured {
  ms: number;
  rssKB: number | null;
  code: number;
  out: string;
  err: string;
}

const hasTime = existsSync(TIME);

function measureOnce(cmd: string, args: string[]): Measured {
  const argv = hasTime ? ['-v', cmd, ...args] : args;
  const t0 = process.hrtime.bigint();
  const r = spawnSync(hasTime ? TIME : cmd, argv, { encoding: 'utf8', maxBuffer: 256 * 2 ** 20, cwd: ROOT });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const err = r.stderr ?? '';
  const m = /Maximum resident set size \(kbytes\): (\d+)/.exec(err);
  let rssKB = m ? +m[1] : null;
  if (rssKB === null) {
    const self = /"maxRssKB":\s*(\d+)/.exec(r.stdout ?? '');
    if (self) rssKB = +self[1];
  }
  const code = r.status ?? -1;
  return { ms, rssKB, code, out: r.stdout ?? '', err: hasTime ? err.replace(/\n?\tCommand being timed:[\s\S]*$/, '') : err };
}

function stats(runs: Measured[]): RunStats {
  const ms = runs.map((r) => r.ms);
  const sorted = [...ms].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  let rss: number | null = null;
  for (const r of runs) if (r.rssKB !== null) rss = Math.max(rss ?? 0, r.rssKB / 1024);
  return { runsMs: ms.map((x) => Math.round(x * 10) / 10), bestMs: sorted[0], medianMs: median, peakRssMB: rss };
}

function python(): string {
  if (process.env.BENCH_PYTHON) return process.env.BENCH_PYTHON;
  return existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';
}

/** Is the peer usable? (pandas importable) — otherwise the reason, recorded as "peer absent". */
function peerProbe(): { ok: true; version: string } | { ok: false; why: string } {
  const r = spawnSync(python(), ['-c', 'import pandas, numpy; print(pandas.__version__)'], { encoding: 'utf8' });
  if (r.error) return { ok: false, why: `${python()} not found` };
  if (r.status !== 0) return { ok: false, why: `pandas not importable by ${python()}` };
  return { ok: true, version: r.stdout.trim() };
}

function figuresOf(out: string): Figures | null {
  try {
    const j = JSON.parse(out) as Record<string, number>;
    return { clients: j.clients, total: j.total, gini: j.gini, hhi: j.hhi, top20Share: j.top20Share };
  } catch {
    return null;
  }
}

function relDiff(a: Figures, b: Figures): number {
  let d = 0;
  for (const k of ['clients', 'total', 'gini', 'hhi', 'top20Share'] as const) {
    const x = a[k];
    const y = b[k];
    d = Math.max(d, Math.abs(x - y) / Math.max(Math.abs(x), Math.abs(y), 1e-300));
  }
  return d;
}

interface CaseSpec {
  id: string;
  name: string;
  file: string;
  format: string;
  rows: number | null;
  cliArgs: string[];
  peerArgs?: string[];
  includes: string[];
  target?: string;
  runs?: number;
  /** the peer's runs of this earlier case stand for this one's (the same file and the same peer: pandas' read_excel takes minutes at full height) */
  peerFrom?: string;
}

const INCLUDES = ['start-up', 'read', 'decode', 'parse', 'compute', 'write JSON'];

function runCase(spec: CaseSpec, runs: number, peer: ReturnType<typeof peerProbe>): CaseResult {
  const node = process.execPath;
  const cliArgv = [BIN, ...spec.cliArgs];
  const peerArgv = spec.peerArgs ? [PEER, ...spec.peerArgs] : null;
  const a: Measured[] = [];
  const b: Measured[] = [];
  let cliError: string | undefined;
  let peerError: string | undefined;
  const doA = (keep: boolean) => {
    if (cliError) return;
    const m = measureOnce(node, cliArgv);
    if (m.code !== 0) cliError = `exit ${m.code}: ${m.err.trim().split('\n').slice(-3).join(' | ')}`;
    else if (keep) a.push(m);
  };
  const doB = (keep: boolean) => {
    if (!peerArgv || !peer.ok || peerError) return;
    const m = measureOnce(python(), peerArgv);
    if (m.code !== 0) peerError = `exit ${m.code}: ${m.err.trim().split('\n').slice(-3).join(' | ')}`;
    else if (keep) b.push(m);
  };
  doA(false);
  doB(false);
  for (let i = 0; i < runs; i++) {
    // ABBA: neither side always runs first
    if (i % 2 === 0) {
      doA(true);
      doB(true);
    } else {
      doB(true);
      doA(true);
    }
    process.stderr.write('.');
  }
  const bytes = existsSync(spec.file) ? statSync(spec.file).size : 0;
  const cli = cliError ? { error: cliError } : stats(a);
  let peerRes: CaseResult['peer'] = null;
  if (peerArgv) {
    if (!peer.ok) peerRes = { absent: peer.why };
    else if (peerError) peerRes = { error: peerError };
    else peerRes = { ...stats(b), command: `${path.basename(python())} bench/peer/pandas_peer.py ${spec.peerArgs!.map((x) => (x.startsWith(ROOT) ? path.relative(ROOT, x) : x)).join(' ')}`, version: peer.version };
  }
  const ratio = 'medianMs' in cli && peerRes && 'medianMs' in peerRes ? cli.medianMs / peerRes.medianMs : null;
  let agreement: CaseResult['agreement'] = null;
  if (a.length && b.length) {
    const fa = figuresOf(a[0].out);
    const fb = figuresOf(b[0].out);
    if (fa && fb) agreement = { maxRelDiff: relDiff(fa, fb), cli: fa, peer: fb };
  }
  const rel = (f: string) => (f.startsWith(ROOT) ? path.relative(ROOT, f) : f);
  return {
    id: spec.id,
    name: spec.name,
    input: { file: rel(spec.file), bytes, rows: spec.rows, format: spec.format },
    includes: spec.includes,
    command: `node bin/client-tiers.js ${spec.cliArgs.map(rel).join(' ')}`,
    target: spec.target,
    cli,
    peer: peerRes,
    ratio,
    agreement,
  };
}

function fmtMs(x: number): string {
  return x >= 10000 ? `${(x / 1000).toFixed(1)} s` : x >= 1000 ? `${(x / 1000).toFixed(2)} s` : `${x.toFixed(0)} ms`;
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const runs = Math.max(1, Number(process.env.BENCH_RUNS ?? 5) || 5);
  const full = Math.max(100, Number(process.env.BENCH_ROWS ?? 1048575) || 1048575);
  const huge = argv.includes('--huge') || process.env.BENCH_HUGE === '1';
  // results.json and the README are rewritten only by a full bench (or with --write)
  const write = argv.includes('--write') || (!argv.includes('--no-write') && runs >= 5 && full === 1048575 && !process.env.BENCH_ONLY);
  const only = process.env.BENCH_ONLY ? new Set(process.env.BENCH_ONLY.split(',').map((s) => s.trim())) : null;
  const want = (id: string) => !only || only.has(id);
  if (!existsSync(path.join(ROOT, 'dist-cli', 'src', 'cli', 'main.js'))) throw new Error('dist-cli is missing: run `npm run build:cli` (npm run bench does it).');
  const peer = peerProbe();
  const load0 = os.loadavg();
  process.stderr.write(`bench: ${runs} runs per side, full sheet = ${full.toLocaleString('en')} rows; peer: ${peer.ok ? `pandas ${peer.version}` : `absent (${peer.why})`}\n`);

  const clients = Math.max(10, Math.round((150000 * full) / 1048575));
  const specs: CaseSpec[] = [];
  const json = ['--window-months', 'all', '--json'];
  if (want('startup-help')) specs.push({ id: 'startup-help', name: 'Start-up: --help', file: BIN, format: '-', rows: null, cliArgs: ['--help'], includes: ['start-up'], target: '≤ 150 ms', runs: Math.max(runs, 10) });
  if (want('startup-csv')) {
    const tiny = await transactionCsv({ rows: 10, clients: 5, seed: 3, format: 'en' });
    specs.push({ id: 'startup-csv', name: 'Start-up: analyze a 10-row CSV', file: tiny, format: 'CSV (en)', rows: 10, cliArgs: ['analyze', tiny, ...json], peerArgs: [tiny, '--client', 'Client', '--amount', 'Amount'], includes: INCLUDES, target: '≤ 150 ms', runs: Math.max(runs, 10) });
  }
  if (want('ru-csv')) {
    process.stderr.write('bench: generating the Russian CSV log (cached)…\n');
    const f = await transactionCsv({ rows: full, clients, seed: 1, format: 'ru' });
    specs.push({ id: 'ru-csv', name: `CSV log, ${full.toLocaleString('en')} rows (ru: ";", decimal comma, dd.mm.yyyy)`, file: f, format: 'CSV (ru)', rows: full, cliArgs: ['analyze', f, ...json], peerArgs: [f, '--client', 'Клиент', '--amount', 'Сумма', '--sep', ';', '--decimal', ','], includes: INCLUDES, target: '≤ 0.25 × pandas' });
    // the default window (6 months up to the latest date): the streamed log holds back the rows that may fall inside until it knows that date
    specs.push({ id: 'ru-csv-6m', name: `CSV log, ${full.toLocaleString('en')} rows (ru), default 6-month window`, file: f, format: 'CSV (ru)', rows: full, cliArgs: ['analyze', f, '--json'], includes: INCLUDES });
  }
  const retail = path.join(ROOT, 'tests', 'data', 'online-retail-customers.csv.gz');
  if (want('retail') && existsSync(retail)) {
    specs.push({ id: 'retail', name: 'Online Retail (real log, 406,829 rows, .csv.gz)', file: retail, format: 'CSV (en), gzip', rows: 406829, cliArgs: ['analyze', retail, ...json], peerArgs: [retail, '--client', 'CustomerID', '--amount', 'Amount'], includes: [...INCLUDES, 'gunzip'], target: '≤ 0.5 × pandas' });
  }
  if (want('worst')) {
    process.stderr.write('bench: generating the worst case (a new client on every row, cached)…\n');
    const f = await transactionCsv({ rows: full, clients: full, seed: 2, format: 'en', newClientEveryRow: true });
    specs.push({ id: 'worst', name: `Worst case: a new client on every row, ${full.toLocaleString('en')} rows`, file: f, format: 'CSV (en)', rows: full, cliArgs: ['analyze', f, ...json], peerArgs: [f, '--client', 'Client', '--amount', 'Amount'], includes: INCLUDES });
  }
  for (const cols of [3, 12] as const) {
    if (!want(`xlsx-${cols}`) && !want(`xlsx-${cols}-apply`)) continue;
    process.stderr.write(`bench: generating the ${cols}-column .xlsx (cached; minutes at full height)…\n`);
    const f = await transactionXlsx({ rows: full, clients, seed: 1, columns: cols });
    const peerArgs = [f, '--client', cols === 3 ? '1' : '2', '--amount', cols === 3 ? '2' : '3'];
    if (want(`xlsx-${cols}`)) specs.push({ id: `xlsx-${cols}`, name: `.xlsx, ${full.toLocaleString('en')} rows × ${cols} columns (shared strings, styles)`, file: f, format: `xlsx ${cols} columns`, rows: full, cliArgs: ['analyze', f, ...json], peerArgs, includes: ['start-up', 'unzip', 'parse XML', 'compute', 'write JSON'], target: 'peak RSS ≤ 1 GB; ≤ 0.5 × pandas' });
    if (want(`xlsx-${cols}-apply`)) {
      // apply writes a copy of the workbook (the log copied as stored, a per-client sheet and a summary added); the peer only reads
      const out = path.join(os.tmpdir(), `client-tiers-bench-apply-${cols}-${process.pid}.xlsx`);
      specs.push({ id: `xlsx-${cols}-apply`, name: `apply on the .xlsx, ${full.toLocaleString('en')} rows × ${cols} columns (writes OUT.xlsx)`, file: f, format: `xlsx ${cols} columns`, rows: full, cliArgs: ['apply', f, '--window-months', 'all', '--out', out], peerArgs, peerFrom: want(`xlsx-${cols}`) ? `xlsx-${cols}` : undefined, includes: ['start-up', 'unzip', 'parse XML', 'compute', 'copy the package', 'write the new sheets', 'loss check'], target: 'peak RSS ≤ 1 GB; ≤ 0.5 × pandas read_excel' });
    }
  }
  if (huge && want('huge-csv')) {
    process.stderr.write('bench: generating the 10^7-row CSV (cached; a few minutes)…\n');
    const f = await transactionCsv({ rows: 10_000_000, clients: 1_000_000, seed: 4, format: 'ru' });
    specs.push({ id: 'huge-csv', name: 'CSV log, 10,000,000 rows (ru) — opt-in (--huge)', file: f, format: 'CSV (ru)', rows: 10_000_000, cliArgs: ['analyze', f, ...json], peerArgs: [f, '--client', 'Клиент', '--amount', 'Сумма', '--sep', ';', '--decimal', ','], includes: INCLUDES, target: 'peak RSS ≤ 1.5 GB', runs: Math.min(runs, 5) });
  }

  const cases: CaseResult[] = [];
  for (const s of specs) {
    process.stderr.write(`bench: ${s.name} `);
    const earlier = s.peerFrom ? cases.find((c) => c.id === s.peerFrom) : undefined;
    const r = runCase(earlier ? { ...s, peerArgs: undefined } : s, s.runs ?? runs, peer);
    if (earlier?.peer && 'medianMs' in earlier.peer && 'medianMs' in r.cli) {
      r.peer = { ...earlier.peer, command: `${earlier.peer.command} (the runs of case ${earlier.id})` };
      r.ratio = r.cli.medianMs / earlier.peer.medianMs;
    }
    cases.push(r);
    const c = 'medianMs' in r.cli ? `${fmtMs(r.cli.medianMs)} (best ${fmtMs(r.cli.bestMs)}, ${r.cli.peakRssMB?.toFixed(0) ?? '?'} MB)` : `FAILED ${r.cli.error}`;
    const p = r.peer === null ? '' : 'medianMs' in r.peer ? `; pandas ${fmtMs(r.peer.medianMs)} (${r.peer.peakRssMB?.toFixed(0) ?? '?'} MB); ratio ${r.ratio!.toFixed(2)}` : 'absent' in r.peer ? `; peer absent (${r.peer.absent})` : `; peer failed (${r.peer.error})`;
    process.stderr.write(` ${c}${p}${r.agreement ? `; figures agree to ${r.agreement.maxRelDiff.toExponential(1)}` : ''}\n`);
  }

  // Secondary: in-process benches (not a user's path), clearly labelled
  const { benchAnalysisInMemory } = await import('./analysisInMemory');
  const { benchFunctions } = await import('./functions');
  process.stderr.write('bench: per-cell functions…\n');
  const functions = await benchFunctions();
  const { benchDashboard } = await import('./dashboard');
  const dashboard = await benchDashboard();
  process.stderr.write('bench: analysis only (in memory)…\n');
  const inMemory = await benchAnalysisInMemory(full);

  const results = {
    date: new Date().toISOString(),
    node: process.version,
    platform: `${os.platform()} ${os.arch()}`,
    cpus: `${os.cpus().length} × ${os.cpus()[0]?.model ?? '?'}`,
    loadAverage: { start: load0.map((x) => +x.toFixed(2)), end: os.loadavg().map((x) => +x.toFixed(2)) },
    runsPerSide: runs,
    fullSheetRows: full,
    method: 'whole-process runs as child processes (spawnSync), ABBA alternation with the peer after one untimed warm-up each; time = wall clock around the child; peak RSS = /usr/bin/time -v "Maximum resident set size"',
    peer: peer.ok ? `pandas ${peer.version} (${python()})` : `absent: ${peer.why}`,
    rssSource: hasTime ? '/usr/bin/time -v' : 'peer ru_maxrss only (no /usr/bin/time)',
    cases,
    functions: { label: 'per-cell custom functions (in process, no Excel)', rows: functions },
    dashboard: { label: 'dashboard builders for 100,000 clients (in process)', rows: dashboard },
    analysisInMemory: { label: 'analysis only (in memory): cells already in memory; leaves out start-up, reading and parsing; memory = heap left after the call', rows: inMemory },
  };
  if (write) {
    await fs.writeFile(RESULTS, JSON.stringify(results, null, 2) + '\n');
    const { updateReadme } = await import('./readme');
    await updateReadme();
    process.stderr.write(`bench: wrote ${path.relative(ROOT, RESULTS)} and the README block\n`);
  } else {
    process.stdout.write(JSON.stringify(results, null, 2) + '\n');
    process.stderr.write('bench: results printed only (a quick check: BENCH_ROWS/BENCH_RUNS below the full bench, or --no-write)\n');
  }
}

if (require.main === module) {
  main().catch((e) => {
    process.stderr.write(`bench: ${(e as Error).stack ?? e}\n`);
    process.exit(1);
  });
}
