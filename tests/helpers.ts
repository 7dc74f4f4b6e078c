import { spawnSync } from 'child_process';
import * as path from 'path';
import { run } from '../src/cli/main';

export const ROOT = path.join(__dirname, '..');
export const DATA = path.join(ROOT, 'tests', 'data', 'online-retail-customers.csv.gz');

/** Run the command line in-process; returns exit code and captured output. */
export async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await run(args, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

/** Run the built command line as a user does (`node bin/client-tiers.js …`). */
export function cliProcess(args: string[]): { code: number; out: string; err: string } {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'client-tiers.js'), ...args], { encoding: 'utf8', cwd: ROOT, maxBuffer: 64 * 2 ** 20 });
  return { code: r.status ?? -1, out: r.stdout, err: r.stderr };
}
