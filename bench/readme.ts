/**
 * `npm run bench:readme`: rewrite the README's performance block (between `<!-- bench:start -->`
 * and `<!-- bench:end -->`) from bench/results.json. `npm run bench` does it at the end of a full
 * run, so the table is always the figures of the last recorded run, never typed by hand.
 */
import { promises as fs } from 'fs';
import * as path from 'path';
import type { CaseResult } from './run';

const ROOT = process.cwd();
const README = path.join(ROOT, 'README.md');
const START = '<!-- bench:start -->';
const END = '<!-- bench:end -->';

interface Results {
  date: string;
  node: string;
  cpus: string;
  loadAverage: { start: number[]; end: number[] };
  runsPerSide: number;
  fullSheetRows?: number;
  peer: string;
  cases: CaseResult[];
  functions: { label: string; rows: Array<{ name: string; ms: number; note: string }> };
  dashboard?: { label: string; rows: Array<{ name: string; ms: number; note: string }> };
  analysisInMemory: { label: string; rows: Array<{ name: string; rows: number; clients: number; ms: number; msMin: number; heapMB: number }> };
}

const ms = (x: number) => (x >= 10000 ? `${(x / 1000).toFixed(1)} s` : x >= 1000 ? `${(x / 1000).toFixed(2)} s` : `${x.toFixed(0)} ms`);
const mb = (x: number | null) => (x === null ? '—' : x >= 1024 ? `${(x / 1024).toFixed(2)} GB` : `${x.toFixed(0)} MB`);
const esc = (s: string) => s.replace(/\|/g, '\\|');

/** The Markdown of the block (without the markers). */
export function renderBlock(r: Results): string {
  const out: string[] = [];
  if (r.fullSheetRows !== undefined && r.fullSheetRows !== 1048575) {
    out.push(`**A reduced run (BENCH_ROWS=${r.fullSheetRows}, load average ${r.loadAverage.start[0]}): not the reference figures — \`npm run bench\` at full size on a quiet machine rewrites this block.**`, '');
  }
  out.push(
    `Measured by \`npm run bench\` on ${r.date.slice(0, 10)} (Node ${r.node}, ${r.cpus}, load average ${r.loadAverage.start[0]} at start): ` +
      `the command line as a user runs it — \`node bin/client-tiers.js analyze FILE --window-months all --json\` as a whole process, ` +
      `start-up, reading, parsing, the analysis and the JSON included — beside ${r.peer.startsWith('absent') ? 'the pandas peer (absent on that machine)' : `the pandas peer (\`bench/peer/pandas_peer.py\`, ${r.peer.replace(/ \(.*\)$/, '')})`} ` +
      `in the same run, alternating; median and best of ${r.runsPerSide} runs each, peak RSS from \`/usr/bin/time -v\`. Ratio = CLI median / pandas median (below 1: faster than pandas). Generated from \`bench/results.json\`.`,
  );
  out.push('');
  out.push('| Case | CLI median (best) | CLI peak RSS | pandas median (best) | pandas peak RSS | Ratio | Target |');
  out.push('|---|---:|---:|---:|---:|---:|---|');
  for (const c of r.cases) {
    const cli = 'medianMs' in c.cli ? `${ms(c.cli.medianMs)} (${ms(c.cli.bestMs)})` : `failed: ${esc(c.cli.error).slice(0, 80)}`;
    const cliRss = 'medianMs' in c.cli ? mb(c.cli.peakRssMB) : '—';
    let peer = '—';
    let peerRss = '—';
    if (c.peer && 'medianMs' in c.peer) {
      peer = `${ms(c.peer.medianMs)} (${ms(c.peer.bestMs)})`;
      peerRss = mb(c.peer.peakRssMB);
    } else if (c.peer && 'absent' in c.peer) peer = 'peer absent';
    else if (c.peer && 'error' in c.peer) peer = 'peer failed';
    const ratio = c.ratio === null ? '—' : `${c.ratio.toFixed(2)}×`;
    out.push(`| ${esc(c.name)} | ${cli} | ${cliRss} | ${peer} | ${peerRss} | ${ratio} | ${esc(c.target ?? '')} |`);
  }
  const disagree = r.cases.filter((c) => c.agreement && c.agreement.maxRelDiff > 1e-9);
  out.push('');
  out.push(
    disagree.length
      ? `Figures differing from pandas by more than 1e-9 (relative): ${disagree.map((c) => `${c.id} (${c.agreement!.maxRelDiff.toExponential(1)})`).join(', ')} — see \`bench/results.json\`.`
      : 'In every case with a peer, clients, total, Gini, HHI and the top-20% share agree with pandas to 1e-9 (relative).',
  );
  out.push('');
  out.push(`Per-cell custom functions — ${r.functions.label.replace(/^per-cell custom functions /, '')}:`);
  out.push('');
  out.push('| Case | Time | Note |');
  out.push('|---|---:|---|');
  for (const f of r.functions.rows) out.push(`| ${esc(f.name)} | ${ms(f.ms)} | ${esc(f.note)} |`);
  out.push('');
  out.push(`Secondary — **analysis only (in memory)**: cells already in memory as \`Range.values\` gives them; it leaves out start-up, reading and parsing, and its memory is the heap left after the call, so it is not what a user waits for.`);
  out.push('');
  out.push('| Case | Rows | Clients | Mean | Best | Heap after |');
  out.push('|---|---:|---:|---:|---:|---:|');
  for (const x of r.analysisInMemory.rows) out.push(`| ${esc(x.name)} | ${x.rows.toLocaleString('en')} | ${x.clients.toLocaleString('en')} | ${ms(x.ms)} | ${ms(x.msMin)} | ${mb(x.heapMB)} |`);
  return out.join('\n');
}

export async function updateReadme(resultsFile = path.join(ROOT, 'bench', 'results.json'), readme = README): Promise<void> {
  const r = JSON.parse(await fs.readFile(resultsFile, 'utf8')) as Results;
  if (!Array.isArray(r.cases)) throw new Error(`${resultsFile} is not a results file of bench/run.ts (no "cases"): run npm run bench first.`);
  const text = await fs.readFile(readme, 'utf8');
  const a = text.indexOf(START);
  const b = text.indexOf(END);
  if (a < 0 || b < a) throw new Error(`README.md has no ${START} … ${END} block.`);
  const next = text.slice(0, a + START.length) + '\n' + renderBlock(r) + '\n' + text.slice(b);
  if (next !== text) await fs.writeFile(readme, next);
}

if (require.main === module) {
  updateReadme().catch((e) => {
    process.stderr.write(`bench:readme: ${(e as Error).message}\n`);
    process.exit(1);
  });
}
