// The capacity test's long run (`--long`): one rate held for a long time (40 minutes by default),
// where one parent in `leaveEvery` puts a day in the cart and goes away. Their places wait the
// cart's 30 minutes before the basket's timer gives them back: from minute 30 on, those deferred
// expiries run beside the orders. Reported per window of the run: the open loop's figures, the
// holds expired in the window and how late after their due time each one ran.
import { mkdir, writeFile } from 'node:fs/promises';
import { cpus } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { projectRoot } from '../../scripts/lib/paths.ts';
import { actionsPerOrder } from './actions.ts';
import { checkInvariants } from './invariants.ts';
import { runStep, type StepResult } from './open-loop.ts';
import { rushRoster, seedRush } from './seed-families.ts';
import { signIn } from './sessions.ts';
import { describeShape, startBenchStack, type StackShape } from './stack.ts';
import { Timings } from './stats.ts';
import { leaveAfterCart, runParent } from './virtual-parent.ts';
import { systemClock } from '../../lib/clock.ts';
import { measuredAt } from './measured-at.ts';

const now = systemClock();

export interface LongRunOptions {
  rate: number;
  minutes: number;
  windowMinutes: number;
  leaveEvery: number;
  shape: StackShape;
  label: string;
}

interface Expiries {
  expired: number;
  /** How long after its due time each hold was given back, in ms. */
  lateMs: { p50: number | null; p95: number | null; max: number | null };
}

interface Window extends StepResult {
  startedAtMinute: number;
  expiries: Expiries;
}

async function expiriesBetween(db: Parameters<typeof checkInvariants>[0], from: Date, to: Date): Promise<Expiries> {
  const { rows } = await sql<{ expired: number; p50: number | null; p95: number | null; max: number | null }>`
    select count(*)::int as expired,
      percentile_cont(0.5) within group (order by late) as p50,
      percentile_cont(0.95) within group (order by late) as p95,
      max(late) as max
    from (select extract(epoch from ended_at - expires_at) * 1000 as late from holds
          where state = 'expired' and ended_at > ${from} and ended_at <= ${to}) expiries`.execute(db);
  const row = rows[0]!;
  const ms = (value: number | null) => (value === null ? null : Math.round(Number(value)));
  return { expired: row.expired, lateMs: { p50: ms(row.p50), p95: ms(row.p95), max: ms(row.max) } };
}

export async function runLong(options: LongRunOptions): Promise<void> {
  const stack = await startBenchStack({ shape: options.shape });
  const windows: Window[] = [];
  let actions: Awaited<ReturnType<typeof actionsPerOrder>> | null = null;
  let invariants: Record<string, number> = {};
  try {
    const windowSeconds = options.windowMinutes * 60;
    const count = Math.ceil(options.minutes / options.windowMinutes);
    const total = options.rate * windowSeconds * count;
    const target = await seedRush(stack.db, total, total, 5000, 500);
    const roster = await rushRoster(stack.db);
    const cookies = await signIn(stack.db, roster.map((family) => family.userId));
    const began = now().getTime();
    for (let w = 0; w < count; w += 1) {
      const from = now();
      const first = w * options.rate * windowSeconds;
      const result = await runStep(stack, options.rate, windowSeconds, (i) => {
        const index = first + i;
        return index % options.leaveEvery === options.leaveEvery - 1
          ? { expected: 'left', run: leaveAfterCart(stack.base, roster[index]!, target, cookies[index]!) }
          : { expected: 'confirmed', run: runParent(stack.base, roster[index]!, target, cookies[index]!, new Timings()) };
      });
      const window: Window = { ...result, startedAtMinute: Math.round((from.getTime() - began) / 6000) / 10, expiries: await expiriesBetween(stack.db, from, now()) };
      console.log(`minute ${window.startedAtMinute}: ${JSON.stringify(window)}`);
      windows.push(window);
    }
    actions = await actionsPerOrder(stack.db, stack.temporalAddress);
    invariants = await checkInvariants(stack.db, now());
  } finally {
    await stack.stop();
  }
  const date = measuredAt();
  const result = { date, label: options.label, machine: { cores: cpus().length, node: process.version }, parameters: options, windows, temporalActionsPerOrder: actions, invariants };
  await writeResults(result);
  console.log(JSON.stringify(invariants));
  if (Object.values(invariants).some((n) => n !== 0)) process.exitCode = 1;
}

async function writeResults(result: { date: string; label: string; parameters: LongRunOptions; windows: Window[]; temporalActionsPerOrder: { total: number } | null; invariants: Record<string, number> }): Promise<void> {
  const folder = path.join(projectRoot, 'bench', 'results');
  await mkdir(folder, { recursive: true });
  await writeFile(path.join(folder, `long-${result.date.replace(/[:.]/g, '-')}.json`), `${JSON.stringify(result, null, 2)}\n`);
  const { parameters: p } = result;
  const late = (e: Expiries) => (e.expired === 0 ? '–' : `${e.lateMs.p50} / ${e.lateMs.p95} / ${e.lateMs.max}`);
  const lines = [
    `# Long run — ${result.date}`,
    '',
    `${p.rate} arrivals/s for ${p.minutes} minutes, one parent in ${p.leaveEvery} leaving a day in the cart (given back 30 minutes later); ${describeShape(p.shape)}; ${cpus().length} cores, Node ${process.version}.${result.label ? ` Run: ${result.label}.` : ''}`,
    '',
    '| from minute | sustained | confirmed/s | p50 / p95 / p99 ms | failed | CPU ms/order (web+worker / Temporal / PostgreSQL) | holds expired | expiry late p50 / p95 / max ms |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    ...result.windows.map((w) => {
      const cpu = w.cpuMsPerOrder;
      return `| ${w.startedAtMinute} | ${w.sustained ? 'yes' : 'no'} | ${w.achievedPerSecond} | ${w.latencyMs.p50} / ${w.latencyMs.p95} / ${w.latencyMs.p99} | ${w.failed} | ${cpu.total} (${cpu.server + cpu.worker} / ${cpu.temporal} / ${cpu.postgres}) | ${w.expiries.expired} | ${late(w.expiries)} |`;
    }),
    '',
    `Temporal actions per paid order: ${result.temporalActionsPerOrder?.total ?? '–'}. Invariants: ${Object.entries(result.invariants).map(([name, n]) => `${name} ${n}`).join(', ')}.`,
    '',
  ];
  await writeFile(path.join(folder, 'long-latest.md'), lines.join('\n'));
}
