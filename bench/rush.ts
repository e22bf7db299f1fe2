// `npm run bench:rush [-- --families 2000 --places 500 --concurrency 200]`: the opening-day rush.
// Starts the real stack (embedded PostgreSQL and the Temporal dev server unless DATABASE_URL /
// TEMPORAL_ADDRESS are given; the web server and the worker as two child processes, as deployed),
// seeds the families, drives the HTTP interface with virtual parents, checks the books, measures
// a direct-SQL baseline and the product page, and writes the figures to bench/results/.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createDb } from '../db/connection.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { freePort } from '../scripts/lib/free-port.ts';
import { projectRoot } from '../scripts/lib/paths.ts';
import { startLocalRuntime } from '../scripts/lib/local-runtime.ts';
import { sqlBaseline } from './lib/baseline.ts';
import { cpuBetween, cpuByCommand } from './lib/cpu.ts';
import { checkInvariants } from './lib/invariants.ts';
import { orderHistories } from './lib/order-histories.ts';
import { resetQueryStats, topQueries } from './lib/query-stats.ts';
import { BENCH_PASSWORD, rushRoster, seedRush } from './lib/seed-families.ts';
import { pool, Timings } from './lib/stats.ts';
import { arrive, runParent, type Family, type Outcome } from './lib/virtual-parent.ts';

const { values } = parseArgs({
  options: {
    families: { type: 'string', default: '2000' },
    places: { type: 'string', default: '500' },
    concurrency: { type: 'string', default: '200' },
    label: { type: 'string', default: '' },
    profile: { type: 'boolean', default: false },
  },
});
const families = Number(values.families);
const places = Number(values.places);
const concurrency = Number(values.concurrency);

async function main(): Promise<void> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'citoyens-bench-'));
  await chmod(dataDir, 0o755);
  const runtime = await startLocalRuntime(
    { ...process.env, DATA_DIR: dataDir, EMBEDDED_PG_PORT: String(await freePort()), TEMPORAL_DEV_PORT: String(await freePort()), TEMPORAL_UI_PORT: String(await freePort()) },
    () => {},
  );
  const databaseUrl = process.env.DATABASE_URL || runtime.env.DATABASE_URL!;
  const db = createDb(databaseUrl, { poolSize: 20 });
  let worker: ChildProcess | undefined;
  let server: ChildProcess | undefined;
  try {
    await migrateToLatest(db);
    const target = await seedRush(db, families, places, 5000, 500);
    const roster: Family[] = await rushRoster(db);

    // As deployed (docker-compose.yml): the web server and the worker, each its own process.
    const port = await freePort();
    const env = { ...process.env, NODE_ENV: process.env.NODE_ENV || 'development', DEV_TOOLS: 'true', TEMPORAL_PAYLOAD_KEY: randomBytes(32).toString('base64'), DATABASE_URL: databaseUrl, TEMPORAL_ADDRESS: process.env.TEMPORAL_ADDRESS || runtime.env.TEMPORAL_ADDRESS!, PORT: String(port), LOG_LEVEL: 'info', DATABASE_POOL_SIZE: '30' };
    worker = await startPiece('worker.ts', 'worker started', env);
    server = await startPiece('server.ts', 'web server started', env);
    const base = `http://localhost:${port}`;

    // Before 8:00 the parents sign in and wait on the product page (argon2 makes a login cost
    // tens of milliseconds of CPU: timed, but not counted in the rush); at 8:00 they all click.
    const timings = new Timings();
    const sessions = await pool(roster.length, concurrency, (i) => arrive(base, roster[i]!, target.productId, BENCH_PASSWORD, timings));
    const queryStats = await resetQueryStats(db);
    const generatorStart = process.cpuUsage();
    // Where the CPU goes: ours, the Temporal server (a dev server we started, or none), PostgreSQL.
    const pieces = { server: new RegExp(`^${process.execPath} .*server\\.ts`), worker: new RegExp(`^${process.execPath} .*worker\\.ts`), temporal: /temporal.* server start-dev/, postgres: /^postgres/ };
    const cpuBefore = Object.fromEntries(await Promise.all(Object.entries(pieces).map(async ([name, pattern]) => [name, await cpuByCommand(pattern)] as const)));
    const started = performance.now();
    const outcomes: Outcome[] = await pool(roster.length, concurrency, (i) => runParent(base, roster[i]!, target, sessions[i]!, timings));
    const seconds = (performance.now() - started) / 1000;
    const generatorCpu = process.cpuUsage(generatorStart);
    const cpuAfter = Object.fromEntries(await Promise.all(Object.entries(pieces).map(async ([name, pattern]) => [name, await cpuByCommand(pattern)] as const)));
    const cpu = Object.fromEntries(Object.keys(pieces).map((name) => [name, cpuBetween(cpuBefore[name]!, cpuAfter[name]!)]));

    const counts: Record<string, number> = {};
    for (const outcome of outcomes) counts[outcome] = (counts[outcome] ?? 0) + 1;
    const confirmed = counts.confirmed ?? 0;

    // The product page alone, at 50 concurrent requests of a signed-in family.
    const pageTimings = new Timings();
    const cookie = await loginCookie(base, roster[0]!.email);
    const pageStart = performance.now();
    await pool(500, 50, async () => {
      const t = performance.now();
      await (await fetch(`${base}/produits/${target.productId}`, { headers: { Cookie: cookie } })).arrayBuffer();
      pageTimings.record('product page', performance.now() - t);
    });
    const pagePerSecond = Math.round((500 / (performance.now() - pageStart)) * 1000);

    const queries = queryStats ? await topQueries(db) : [];
    const invariants = await checkInvariants(db, new Date());
    const histories = await orderHistories(db, process.env.TEMPORAL_ADDRESS || runtime.env.TEMPORAL_ADDRESS!);
    const baseline = await sqlBaseline(db, Math.min(places, roster.length), concurrency);

    const result = {
      date: new Date().toISOString(),
      label: values.label,
      machine: { cores: cpus().length, node: process.version },
      parameters: { families, places, concurrency },
      outcomes: counts,
      confirmedPerSecond: Math.round((confirmed / seconds) * 10) / 10,
      wallSeconds: Math.round(seconds * 10) / 10,
      latenciesMs: timings.summary(),
      productPage: { perSecond: pagePerSecond, ...pageTimings.summary()['product page'] },
      baseline: { ...baseline, ratio: Math.round((confirmed / seconds / baseline.perSecond) * 1000) / 1000 },
      cpuSeconds: { generator: Math.round((generatorCpu.user + generatorCpu.system) / 1e5) / 10, ...cpu },
      invariants,
      temporal: histories,
      topQueries: queries,
    };
    await writeResults(result);
    console.log(JSON.stringify(result, null, 2));
    if (Object.values(invariants).some((n) => n !== 0)) process.exitCode = 1;
  } finally {
    for (const piece of [server, worker]) {
      if (!piece || piece.exitCode !== null) continue;
      const exited = new Promise((resolve) => piece.once('exit', resolve));
      piece.kill('SIGTERM');
      await exited;
    }
    await db.destroy();
    await runtime.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

async function loginCookie(base: string, email: string): Promise<string> {
  const response = await fetch(`${base}/connexion`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: new URL(base).origin },
    body: new URLSearchParams({ email, password: BENCH_PASSWORD }).toString(),
  });
  return response.headers.getSetCookie().find((c) => c.startsWith('session='))!.split(';')[0]!;
}

/** Starts server.ts or worker.ts and resolves once it logs that it is ready. */
function startPiece(script: string, ready: string, env: NodeJS.ProcessEnv): Promise<ChildProcess> {
  // --profile: V8 CPU profiles of both processes, for Chrome DevTools or speedscope.
  // (tsx's loader thread writes a small profile of its own next to each.)
  const profile = values.profile ? ['--cpu-prof', `--cpu-prof-dir=${path.join(projectRoot, 'bench', 'profiles', path.basename(script, '.ts'))}`] : [];
  const child = spawn(process.execPath, [...profile, '--import', 'tsx', script], { cwd: projectRoot, env, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      const text = chunk.toString();
      if (text.includes(ready)) resolve(child);
      // Only warnings and errors reach the console; the info lines would drown the figures.
      for (const line of text.split('\n')) if (/"level":[4-6]0/.test(line)) process.stderr.write(`[${script}] ${line}\n`);
    });
    child.once('exit', (code) => reject(new Error(`${script} exited (${code})`)));
  });
}

async function writeResults(result: Record<string, unknown> & { date: string }): Promise<void> {
  const folder = path.join(projectRoot, 'bench', 'results');
  await mkdir(folder, { recursive: true });
  const stamp = result.date.replace(/[:.]/g, '-');
  await writeFile(path.join(folder, `rush-${stamp}.json`), `${JSON.stringify(result, null, 2)}\n`);
  const r = result as unknown as {
    parameters: { families: number; places: number; concurrency: number };
    outcomes: Record<string, number>;
    confirmedPerSecond: number;
    wallSeconds: number;
    latenciesMs: Record<string, { p50: number; p95: number; p99: number }>;
    productPage: { perSecond: number; p95: number };
    baseline: { perSecond: number; ratio: number };
    invariants: Record<string, number>;
    temporal: Awaited<ReturnType<typeof orderHistories>>;
    topQueries: Awaited<ReturnType<typeof topQueries>>;
    machine: { cores: number; node: string };
    cpuSeconds: { generator: number; server: number; worker: number; temporal: number; postgres: number };
  };
  const lines = [
    `# Opening-day rush — ${result.date}`,
    '',
    `${r.parameters.families} families, ${r.parameters.places} places, ${r.parameters.concurrency} concurrent; ${r.machine.cores} cores, Node ${r.machine.node}.${result.label ? ` Run: ${String(result.label)}.` : ''}`,
    '',
    '| figure | value |',
    '| --- | --- |',
    `| confirmed orders per second | ${r.confirmedPerSecond} |`,
    `| outcomes | ${Object.entries(r.outcomes).map(([k, v]) => `${k}: ${v}`).join(', ')} |`,
    ...Object.entries(r.latenciesMs).map(([step, t]) => `| ${step} p50 / p95 / p99 (ms) | ${t.p50} / ${t.p95} / ${t.p99} |`),
    `| product page at 50 concurrent | ${r.productPage.perSecond} req/s, p95 ${r.productPage.p95} ms |`,
    `| direct SQL baseline | ${r.baseline.perSecond} bookings/s (ours: ${r.baseline.ratio} of it) |`,
    `| CPU seconds during the rush (${r.wallSeconds} s on ${r.machine.cores} cores): load generator / web server / worker / Temporal server / PostgreSQL | ${r.cpuSeconds.generator} / ${r.cpuSeconds.server} / ${r.cpuSeconds.worker} / ${r.cpuSeconds.temporal} / ${r.cpuSeconds.postgres} |`,
    `| first workflow task done after start, p50 / p95 (ms): orders / holds (first ${r.temporal.orders}) | ${r.temporal.firstTaskMs.p50} / ${r.temporal.firstTaskMs.p95} ; ${r.temporal.holdFirstTaskMs.p50} / ${r.temporal.holdFirstTaskMs.p95} |`,
    `| order workflow tasks timed out / failed | ${r.temporal.workflowTasksTimedOut} / ${r.temporal.workflowTasksFailed} |`,
    `| invariant violations | ${Object.values(r.invariants).reduce((a, b) => a + b, 0)} (${Object.entries(r.invariants).map(([k, v]) => `${k} ${v}`).join(', ')}) |`,
    '',
    ...(r.topQueries.length > 0
      ? ['Queries that took the database\'s time during the rush (pg_stat_statements):', '', '| total ms | calls | mean ms | query |', '| --- | --- | --- | --- |', ...r.topQueries.map((q) => `| ${q.total_ms} | ${q.calls} | ${q.mean_ms} | \`${q.query.replaceAll('|', '\\|')}\` |`), '']
      : []),
  ];
  await writeFile(path.join(folder, 'rush-latest.md'), lines.join('\n'));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
