// `npm run bench:capacity [-- --steps 10,20,40,60 --seconds 60 --runs 3]`: how many orders per
// second the product sustains. Open loop: parents arrive at a constant rate whatever the
// answers, each step at a higher rate, and each one's latency counts from its scheduled arrival
// to its confirmation (HdrHistogram), so a slow answer delays nobody's arrival and hides nothing.
// Enough places for every arrival. Each run starts a fresh stack; each step's figures are the
// median (and range) of the runs. `--long [--rate 4 --minutes 40 --window 5]`: one rate held for a long
// time, with carts left to expire (bench/lib/long-run.ts).
import { mkdir, writeFile } from 'node:fs/promises';
import { cpus } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { projectRoot } from '../scripts/lib/paths.ts';
import { actionsPerOrder } from './lib/actions.ts';
import { checkInvariants } from './lib/invariants.ts';
import { runLong } from './lib/long-run.ts';
import { runStep, type StepResult } from './lib/open-loop.ts';
import { rushRoster, seedRush } from './lib/seed-families.ts';
import { signIn } from './lib/sessions.ts';
import { describeShape, shapeOf, shapeOptions, startBenchStack } from './lib/stack.ts';
import { Timings } from './lib/stats.ts';
import { runParent } from './lib/virtual-parent.ts';
import { systemClock } from '../lib/clock.ts';
import { measuredAt } from './lib/measured-at.ts';

const { values } = parseArgs({
  options: {
    steps: { type: 'string', default: '10,20,40,60' },
    seconds: { type: 'string', default: '60' },
    runs: { type: 'string', default: '3' },
    label: { type: 'string', default: '' },
    long: { type: 'boolean', default: false },
    rate: { type: 'string', default: '4' },
    minutes: { type: 'string', default: '40' },
    window: { type: 'string', default: '5' },
    ...shapeOptions,
  },
});
const steps = values.steps.split(',').map(Number);
const stepSeconds = Number(values.seconds);
const runs = Number(values.runs);
const WARM_UP = { rate: 5, seconds: 10 };

async function main(): Promise<void> {
  const perRun: StepResult[][] = [];
  const actions: Awaited<ReturnType<typeof actionsPerOrder>>[] = [];
  const invariants: Record<string, number>[] = [];
  for (let run = 1; run <= runs; run += 1) {
    const stack = await startBenchStack({ shape: shapeOf(values) });
    try {
      const total = [WARM_UP, ...steps.map((rate) => ({ rate, seconds: stepSeconds }))].reduce((sum, s) => sum + s.rate * s.seconds, 0);
      const target = await seedRush(stack.db, total, total, 5000, 500);
      const roster = await rushRoster(stack.db);
      const cookies = await signIn(stack.db, roster.map((family) => family.userId));
      let next = 0;
      const step = (rate: number, seconds: number) => {
        const first = next;
        next += rate * seconds;
        return runStep(stack, rate, seconds, (i) => ({ expected: 'confirmed', run: runParent(stack.base, roster[first + i]!, target, cookies[first + i]!, new Timings()) }));
      };
      await step(WARM_UP.rate, WARM_UP.seconds);
      const results: StepResult[] = [];
      for (const rate of steps) {
        const result = await step(rate, stepSeconds);
        console.log(`run ${run}, ${rate}/s: ${JSON.stringify(result)}`);
        results.push(result);
      }
      perRun.push(results);
      actions.push(await actionsPerOrder(stack.db, stack.temporalAddress));
      invariants.push(await checkInvariants(stack.db, systemClock()()));
    } finally {
      await stack.stop();
    }
  }

  const summary = steps.map((rate, s) => {
    const points = perRun.map((results) => results[s]!);
    const spread = (pick: (r: StepResult) => number) => range(points.map(pick));
    return {
      rate,
      sustainedRuns: points.filter((p) => p.sustained).length,
      achievedPerSecond: spread((p) => p.achievedPerSecond),
      p50Ms: spread((p) => p.latencyMs.p50),
      p95Ms: spread((p) => p.latencyMs.p95),
      p99Ms: spread((p) => p.latencyMs.p99),
      failed: spread((p) => p.failed),
      cpuMsPerOrder: spread((p) => p.cpuMsPerOrder.total),
      cpuMsPerOrderByPiece: Object.fromEntries((['server', 'worker', 'temporal', 'postgres', 'generator'] as const).map((piece) => [piece, range(points.map((p) => p.cpuMsPerOrder[piece]))])),
      statementsPerOrder: spread((p) => p.statementsPerOrder ?? 0),
    };
  });
  // The highest step that most runs sustained.
  const maxSustained = summary.filter((s) => s.sustainedRuns * 2 > runs).at(-1)?.rate ?? 0;
  const result = {
    date: measuredAt(),
    label: values.label,
    machine: { cores: cpus().length, node: process.version },
    parameters: { steps, stepSeconds, runs, warmUp: WARM_UP, shape: shapeOf(values) },
    maxSustainedPerSecond: maxSustained,
    steps: summary,
    temporalActionsPerOrder: actions,
    invariants,
    runs: perRun,
  };
  await writeResults(result);
  console.log(JSON.stringify(summary, null, 2));
  console.log(`maximum sustained rate: ${maxSustained} orders/s`);
  if (invariants.some((books) => Object.values(books).some((n) => n !== 0))) process.exitCode = 1;
}

/** Median and range of a figure over the runs. */
function range(values: number[]): { median: number; min: number; max: number } {
  const sorted = [...values].sort((a, b) => a - b);
  return { median: sorted[Math.floor((sorted.length - 1) / 2)]!, min: sorted[0]!, max: sorted.at(-1)! };
}

async function writeResults(result: { date: string; steps: ReturnType<typeof range>[] | unknown[] } & Record<string, unknown>): Promise<void> {
  const folder = path.join(projectRoot, 'bench', 'results');
  await mkdir(folder, { recursive: true });
  await writeFile(path.join(folder, `capacity-${result.date.replace(/[:.]/g, '-')}.json`), `${JSON.stringify(result, null, 2)}\n`);
  const steps = result.steps as { rate: number; sustainedRuns: number; achievedPerSecond: R; p50Ms: R; p95Ms: R; p99Ms: R; failed: R; cpuMsPerOrder: R; statementsPerOrder: R }[];
  const show = (r: R) => `${r.median} (${r.min}–${r.max})`;
  const lines = [
    `# Capacity — ${result.date}`,
    '',
    `${describeShape(shapeOf(values))}; ${String((result.machine as { cores: number }).cores)} cores, Node ${process.version}; ${runs} runs of ${stepSeconds} s per step; median (range).${result.label ? ` Run: ${String(result.label)}.` : ''}`,
    '',
    '| arrivals/s | sustained (runs) | confirmed/s | p50 ms | p95 ms | p99 ms | failed | CPU ms/order | SQL statements/order |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...steps.map((s) => `| ${s.rate} | ${s.sustainedRuns}/${runs} | ${show(s.achievedPerSecond)} | ${show(s.p50Ms)} | ${show(s.p95Ms)} | ${show(s.p99Ms)} | ${show(s.failed)} | ${show(s.cpuMsPerOrder)} | ${show(s.statementsPerOrder)} |`),
    '',
    `Maximum sustained rate: ${String(result.maxSustainedPerSecond)} orders/s. Temporal actions per order: ${(result.temporalActionsPerOrder as { total: number }[]).map((a) => a.total).join(', ')}.`,
    '',
  ];
  await writeFile(path.join(folder, 'capacity-latest.md'), lines.join('\n'));
}
type R = { median: number; min: number; max: number };

(values.long
  ? runLong({ rate: Number(values.rate), minutes: Number(values.minutes), windowMinutes: Number(values.window), leaveEvery: 5, shape: shapeOf(values), label: values.label })
  : main()
).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
