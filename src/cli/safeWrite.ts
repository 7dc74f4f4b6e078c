import { promises as fs } from 'fs';
import * as path from 'path';

/**
 * Writing OUT safely: to a hidden temporary file beside it, renamed into place at the end, so a
 * failure never leaves a half-written OUT. A run that was killed leaves its temporary file
 * behind; the next run removes such files of ours (their process is gone) before it writes.
 */

/** `.OUT.xlsx.<pid>.client-tiers.tmp` — the temporary name of a run with this process id. */
export function tempName(out: string, pid = process.pid): string {
  return path.join(path.dirname(path.resolve(out)), `.${path.basename(out)}.${pid}.client-tiers.tmp`);
}

/** ours: this name, and the one earlier versions used (`.OUT.xlsx.<pid>.tmp`) */
const TEMP = /^\.(.+)\.(\d+)\.client-tiers\.tmp$|^\.(.+\.xlsx)\.(\d+)\.tmp$/i;

function alive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: the process exists but belongs to someone else
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes temporary files of ours in OUT's folder whose run is no longer alive; returns their names. */
export async function removeStaleTemps(out: string): Promise<string[]> {
  const dir = path.dirname(path.resolve(out));
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const m = TEMP.exec(name);
    if (!m || alive(Number(m[2] ?? m[4]))) continue;
    try {
      await fs.rm(path.join(dir, name), { force: true });
      removed.push(name);
    } catch {
      // not ours to fight over: leave it
    }
  }
  return removed;
}

/**
 * Is OUT the input file under another spelling (letter case on a case-insensitive file system, a
 * link, `./`)? Decided by the file system itself: same device and inode, or the same real path.
 */
export async function sameFile(input: string, out: string): Promise<boolean> {
  if (path.resolve(input) === path.resolve(out)) return true;
  let a;
  let b;
  try {
    [a, b] = await Promise.all([fs.stat(input), fs.stat(out)]);
  } catch {
    return false; // OUT does not exist yet: it cannot be the input
  }
  if (a.dev === b.dev && a.ino === b.ino && a.ino !== 0) return true;
  try {
    const [ra, rb] = await Promise.all([fs.realpath(input), fs.realpath(out)]);
    return ra === rb;
  } catch {
    return false;
  }
}

/** Writes through `write(tmp)` then renames onto OUT; the temporary file is removed on failure. */
export async function writeViaTemp<T>(out: string, write: (tmp: string) => Promise<T>): Promise<T> {
  await removeStaleTemps(out);
  const tmp = tempName(out);
  try {
    const result = await write(tmp);
    await fs.rename(tmp, out);
    return result;
  } catch (e) {
    await fs.rm(tmp, { force: true });
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EACCES' || code === 'EROFS' || code === 'EPERM') throw new Error(`Cannot write ${out}: permission denied.`);
    if (code === 'ENOENT') throw new Error(`Cannot write ${out}: the folder does not exist.`);
    throw e;
  }
}
