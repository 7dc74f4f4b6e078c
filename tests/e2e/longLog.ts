import { createWriteStream, existsSync, statSync } from 'fs';
import * as path from 'path';
import { syntheticLog } from '../../bench/analysisInMemory';
import { csvField } from '../../src/core/csv';
import { dayToIso } from '../../src/core/parseDate';
import { ROOT } from './browser';

/**
 * A full-height transaction log as a CSV file, for the pane's long-task measurement and the
 * command line's time on the same data: bench/run.ts's synthetic log (Zipf-like clients, invoices
 * of 1–9 lines, 2 % returns), dates written as ISO text and amounts with a dot.
 */
/** A full sheet; `LONG_LOG_ROWS` may shrink it to try the test quickly (the figures are then not written). */
export const FULL_ROWS = 1_048_575;
export const LOG_ROWS = Number(process.env.LONG_LOG_ROWS) || FULL_ROWS;
export const LOG_CLIENTS = Math.round((150_000 * LOG_ROWS) / FULL_ROWS);

export function logCsvPath(rows = LOG_ROWS): string {
  return path.join(ROOT, 'test-results', 'e2e', `log-${rows}.csv`);
}

/** Writes the CSV once (kept in test-results/ between runs) and returns its path. */
export async function writeLogCsv(rows = LOG_ROWS, clients = LOG_CLIENTS): Promise<string> {
  const file = logCsvPath(rows);
  if (existsSync(file) && statSync(file).size > rows * 20) return file;
  const { mkdirSync } = await import('fs');
  mkdirSync(path.dirname(file), { recursive: true });
  const grid = syntheticLog(rows, clients);
  const out = createWriteStream(file, { encoding: 'utf8' });
  const write = (s: string) => (out.write(s) ? Promise.resolve() : new Promise<void>((r) => out.once('drain', () => r())));
  let buf = '';
  for (let i = 0; i < grid.length; i++) {
    const r = grid[i];
    const cells = i === 0 ? (r as string[]) : [dayToIso((r[0] as number) - 25569), r[1] as string, r[2] as string, String(r[3])];
    buf += cells.map((c) => csvField(c)).join(',') + '\n';
    if (buf.length > 1 << 20) {
      await write(buf);
      buf = '';
    }
  }
  await write(buf);
  await new Promise<void>((resolve, reject) => out.end((e?: Error | null) => (e ? reject(e) : resolve())));
  return file;
}
