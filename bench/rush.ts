// `npm run bench:rush [-- --families 2000 --places 500]`: the opening-day burst. Every family is
// signed in and waiting; at the opening second all of them click "Ajouter au panier" and go on to
// the confirmation (or are told the day is full). Each parent's time counts from the opening
// second, whenever the product let them in; the figures are the time until the whole burst was
// served and the distribution of opening → answer. `--concurrency N` lets only N parents in at a
// time (the method of the first runs, kept to compare with them). Then the books' invariants, the
// queries that took the database's time, what the workflows' histories say, the Temporal actions
// per order, and the same booking as one direct SQL transaction. After the burst, the waiting
// list: the families refused join it, `--waitlist-cancels N` families who booked cancel (25 by
// default), and the places are offered and paid (bench/lib/waitlist-phase.ts).
import { mkdir, writeFile } from 'node:fs/promises';
import { cpus } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { projectRoot } from '../scripts/lib/paths.ts';
import { actionsPerOrder } from './lib/actions.ts';
import { sqlBaseline } from './lib/baseline.ts';
import { checkInvariants } from './lib/invariants.ts';
import { waitlistPhase, type WaitlistPhase } from './lib/waitlist-phase.ts';
import { orderHistories } from './lib/order-histories.ts';
import { resetQueryStats, statementsSoFar, topQueries } from './lib/query-stats.ts';
import { rushRoster, seedRush } from './lib/seed-families.ts';
import { signIn } from './lib/sessions.ts';
import { describeShape, shapeOf, shapeOptions, startBenchStack, type StackShape } from './lib/stack.ts';
import { pool, Timings } from './lib/stats.ts';
import { runParent, type Outcome } from './lib/virtual-parent.ts';
import { systemClock } from '../lib/clock.ts';
import { measuredAt } from './lib/measured-at.ts';

const { values } = parseArgs({
  options: {
    families: { type: 'string', default: '2000' },
    places: { type: 'string', default: '500' },
    concurrency: { type: 'string', default: '0' },
    label: { type: 'string', default: '' },
    'waitlist-cancels': { type: 'string', default: '25' },
    ...shapeOptions,
    profile: { type: 'boolean', default: false },
  },
});
const families = Number(values.families);
const places = Number(values.places);
const concurrency = Number(values.concurrency) || families;

async function main(): Promise<void> {
  const stack = await startBenchStack({ profile: values.profile, shape: shapeOf(values) });
  try {
    const { db } = stack;
    const target = await seedRush(db, families, places, 5000, 500);
    const roster = await rushRoster(db);
    const cookies = await signIn(db, roster.map((family) => family.userId));

    const timings = new Timings();
    const queryStats = await resetQueryStats(db);
    const generatorStart = process.cpuUsage();
    const cpuBefore = await stack.cpuNow();
    const opening = performance.now();
    const fromOpening = new Timings();
    const outcomes: Outcome[] = await pool(roster.length, concurrency, async (i) => {
      const outcome = await runParent(stack.base, roster[i]!, target, cookies[i]!, timings);
      fromOpening.record(outcome === 'confirmed' ? 'opening to confirmation' : 'opening to refusal', performance.now() - opening);
      return outcome;
    });
    const servedSeconds = (performance.now() - opening) / 1000;
    const generatorCpu = process.cpuUsage(generatorStart);
    const cpu = await stack.cpuSince(cpuBefore);
    // Read before anything else touches the database.
    const statements = queryStats ? await statementsSoFar(db) : null;
    const queries = queryStats ? await topQueries(db) : [];

    const counts: Record<string, number> = {};
    for (const outcome of outcomes) counts[outcome] = (counts[outcome] ?? 0) + 1;
    const confirmed = counts.confirmed ?? 0;
    // After the burst: the families told « complet » wait; some who booked cancel (0: skipped).
    const cancels = Number(values['waitlist-cancels']);
    const waitlist = cancels > 0 ? await waitlistPhase({ db, base: stack.base, roster, outcomes, cookies, target, cancels }) : null;
    const invariants = await checkInvariants(db, systemClock()());
    const histories = await orderHistories(db, stack.temporalAddress);
    const actions = await actionsPerOrder(db, stack.temporalAddress);
    const baseline = await sqlBaseline(db, Math.min(places, roster.length), Math.min(concurrency, 200));
    const cpuTotal = Object.values(cpu).reduce((a, b) => a + b, 0) + (generatorCpu.user + generatorCpu.system) / 1e6;

    const result = {
      date: measuredAt(),
      label: values.label,
      machine: { cores: cpus().length, node: process.version },
      parameters: { families, places, concurrency, shape: shapeOf(values) },
      outcomes: counts,
      servedSeconds: Math.round(servedSeconds * 10) / 10,
      confirmedPerSecond: Math.round((confirmed / servedSeconds) * 10) / 10,
      fromOpeningMs: fromOpening.summary(),
      latenciesMs: timings.summary(),
      baseline: { ...baseline, ratio: Math.round((confirmed / servedSeconds / baseline.perSecond) * 1000) / 1000 },
      cpuSeconds: { generator: Math.round((generatorCpu.user + generatorCpu.system) / 1e5) / 10, ...cpu },
      cpuMsPerConfirmedOrder: Math.round((cpuTotal * 1000) / Math.max(confirmed, 1)),
      statementsPerParent: statements === null ? null : Math.round((statements / roster.length) * 10) / 10,
      waitlist,
      invariants,
      temporal: histories,
      temporalActionsPerOrder: actions,
      topQueries: queries,
    };
    await writeResults(result);
    console.log(JSON.stringify(result, null, 2));
    if (Object.values(invariants).some((n) => n !== 0)) process.exitCode = 1;
  } finally {
    await stack.stop();
  }
}

async function writeResults(r: {
  date: string;
  label: string;
  machine: { cores: number; node: string };
  parameters: { families: number; places: number; concurrency: number; shape: StackShape };
  outcomes: Record<string, number>;
  servedSeconds: number;
  confirmedPerSecond: number;
  fromOpeningMs: Record<string, { p50: number; p95: number; p99: number }>;
  latenciesMs: Record<string, { p50: number; p95: number; p99: number }>;
  baseline: { perSecond: number; ratio: number };
  cpuSeconds: { generator: number; server: number; worker: number; temporal: number; postgres: number };
  cpuMsPerConfirmedOrder: number;
  statementsPerParent: number | null;
  waitlist: WaitlistPhase | null;
  invariants: Record<string, number>;
  temporal: Awaited<ReturnType<typeof orderHistories>>;
  temporalActionsPerOrder: Awaited<ReturnType<typeof actionsPerOrder>>;
  topQueries: Awaited<ReturnType<typeof topQueries>>;
}): Promise<void> {
  const folder = path.join(projectRoot, 'bench', 'results');
  await mkdir(folder, { recursive: true });
  await writeFile(path.join(folder, `rush-${r.date.replace(/[:.]/g, '-')}.json`), `${JSON.stringify(r, null, 2)}\n`);
  const lines = [
    `# Opening-day burst — ${r.date}`,
    '',
    `${r.parameters.families} families, ${r.parameters.places} places, ${r.parameters.concurrency} let in at a time; ${describeShape(r.parameters.shape)}; ${r.machine.cores} cores, Node ${r.machine.node}.${r.label ? ` Run: ${r.label}.` : ''}`,
    '',
    '| figure | value |',
    '| --- | --- |',
    `| whole burst served in | ${r.servedSeconds} s |`,
    `| outcomes | ${Object.entries(r.outcomes).map(([k, v]) => `${k}: ${v}`).join(', ')} |`,
    ...Object.entries(r.fromOpeningMs).map(([what, t]) => `| ${what} p50 / p95 / p99 (ms) | ${t.p50} / ${t.p95} / ${t.p99} |`),
    ...Object.entries(r.latenciesMs).map(([step, t]) => `| step "${step}" p50 / p95 / p99 (ms) | ${t.p50} / ${t.p95} / ${t.p99} |`),
    `| confirmed orders per second over the burst | ${r.confirmedPerSecond} |`,
    `| CPU ms per confirmed order, all pieces | ${r.cpuMsPerConfirmedOrder} |`,
    `| CPU seconds: load generator / web server / worker / Temporal server / PostgreSQL | ${r.cpuSeconds.generator} / ${r.cpuSeconds.server} / ${r.cpuSeconds.worker} / ${r.cpuSeconds.temporal} / ${r.cpuSeconds.postgres} |`,
    `| SQL statements per parent | ${r.statementsPerParent ?? '–'} |`,
    `| Temporal actions per paid order | ${r.temporalActionsPerOrder.total} (${Object.entries(r.temporalActionsPerOrder.byKind).map(([k, v]) => `${k} ${v}`).join(', ')}) |`,
    `| first workflow task done after start, p50 / p95 (ms): baskets | ${r.temporal.firstTaskMs.p50} / ${r.temporal.firstTaskMs.p95} |`,
    `| order workflow tasks timed out / failed | ${r.temporal.workflowTasksTimedOut} / ${r.temporal.workflowTasksFailed} |`,
    `| direct SQL baseline | ${r.baseline.perSecond} bookings/s (ours: ${r.baseline.ratio} of it) |`,
    ...(r.waitlist
      ? [
          `| waiting list after the burst: joined / cancelled / offered / booked | ${r.waitlist.joined} / ${r.waitlist.cancelled} / ${r.waitlist.offered} / ${r.waitlist.booked} |`,
          `| cancellation to offer p50 / p95 (ms); all offered after | ${r.waitlist.cancelToOfferMs ? `${r.waitlist.cancelToOfferMs.p50} / ${r.waitlist.cancelToOfferMs.p95}` : '–'}; ${r.waitlist.allOfferedMs ?? '–'} ms |`,
        ]
      : []),
    `| invariant violations | ${Object.values(r.invariants).reduce((a, b) => a + b, 0)} (${Object.entries(r.invariants).map(([k, v]) => `${k} ${v}`).join(', ')}) |`,
    '',
    ...(r.topQueries.length > 0
      ? ["Queries that took the database's time during the burst (pg_stat_statements):", '', '| total ms | calls | mean ms | query |', '| --- | --- | --- | --- |', ...r.topQueries.map((q) => `| ${q.total_ms} | ${q.calls} | ${q.mean_ms} | \`${q.query.replaceAll('|', '\\|')}\` |`), '']
      : []),
  ];
  await writeFile(path.join(folder, 'rush-latest.md'), lines.join('\n'));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
