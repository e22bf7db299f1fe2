// CPU seconds used by processes, from /proc (Linux): by pid, or summed over every process whose
// command line matches, to see where a run's CPU went (our two processes, the Temporal server,
// PostgreSQL's backends).
import { readdir, readFile } from 'node:fs/promises';

export async function cpuSeconds(pid: number): Promise<number> {
  try {
    const fields = (await readFile(`/proc/${pid}/stat`, 'utf8')).split(') ')[1]!.split(' ');
    // utime, stime, and those of waited-for children
    const ticks = Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]);
    return ticks / 100;
  } catch {
    return 0;
  }
}

/** Per process matching `pattern`, its CPU seconds so far (a process that ends meanwhile is lost). */
export async function cpuByCommand(pattern: RegExp): Promise<Map<number, number>> {
  const result = new Map<number, number>();
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const command = await readFile(`/proc/${entry}/cmdline`, 'utf8').catch(() => '');
    if (pattern.test(command.replaceAll('\0', ' '))) result.set(Number(entry), await cpuSeconds(Number(entry)));
  }
  return result;
}

/** CPU seconds used between two readings of the same processes (new ones count from zero). */
export function cpuBetween(before: Map<number, number>, after: Map<number, number>): number {
  let total = 0;
  for (const [pid, seconds] of after) total += seconds - (before.get(pid) ?? 0);
  return Math.round(total * 10) / 10;
}
