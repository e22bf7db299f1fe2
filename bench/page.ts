// `npm run bench:page [-- --duration 15 --connections 50]`: the product page from outside, with
// autocannon, against the product as deployed: signed in (the family's calendar), anonymous, a
// static file, and, as the ceiling, a bare Hono app answering a body of the same size, in the same
// run on the same machine. Requests per second, latency percentiles (p95 from every response's
// time), and the SQL statements each kind of page costs.
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import * as hdr from 'hdr-histogram-js';
import { freePort } from '../scripts/lib/free-port.ts';
import { projectRoot } from '../scripts/lib/paths.ts';
import { resetQueryStats, statementsSoFar } from './lib/query-stats.ts';
import { rushRoster, seedRush } from './lib/seed-families.ts';
import { signIn } from './lib/sessions.ts';
import { describeShape, shapeOf, shapeOptions, startBenchStack } from './lib/stack.ts';
import { measuredAt } from './lib/measured-at.ts';

const { values } = parseArgs({
  options: {
    duration: { type: 'string', default: '15' },
    connections: { type: 'string', default: '50' },
    label: { type: 'string', default: '' },
    ...shapeOptions,
    profile: { type: 'boolean', default: false },
    /** Only the signed-in page (to profile it alone). */
    'signed-in-only': { type: 'boolean', default: false },
  },
});

interface PageFigures {
  perSecond: { mean: number; stddev: number };
  latencyMs: { p50: number; p95: number; p99: number };
  errors: number;
  non2xx: number;
  bytes: number;
  statementsPerRequest: number | null;
  /** CPU of the web server and of PostgreSQL per request: steadier than req/s on a shared machine. */
  cpuMsPerRequest: { server: number; postgres: number } | null;
}

type Stack = Awaited<ReturnType<typeof startBenchStack>>;

async function measure(url: string, headers: Record<string, string> = {}, countStatements?: () => Promise<number | null>, stack?: Stack): Promise<PageFigures> {
  const histogram = hdr.build({ lowestDiscernibleValue: 1, highestTrackableValue: 60_000_000, numberOfSignificantValueDigits: 3 });
  // A few seconds first, not counted: JIT, caches and pools warm.
  await autocannon({ url, headers, connections: Number(values.connections), duration: 3 });
  const cpuBefore = stack ? await stack.cpuNow() : null;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon({ url, headers, connections: Number(values.connections), duration: Number(values.duration) }, (error, done) => (error ? reject(error) : resolve(done)));
    // Every response's time, for the p95 autocannon's summary lacks.
    instance.on('response', (_client, _status, _bytes, responseTime) => histogram.recordValue(Math.max(1, Math.round(responseTime * 1000))));
  });
  const us = (p: number) => Math.round(histogram.getValueAtPercentile(p) / 100) / 10;
  const figures: PageFigures = {
    perSecond: { mean: Math.round(result.requests.average), stddev: Math.round(result.requests.stddev) },
    latencyMs: { p50: us(50), p95: us(95), p99: us(99) },
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    bytes: Math.round(result.throughput.total / Math.max(result.requests.total, 1)),
    statementsPerRequest: null,
    cpuMsPerRequest: null,
  };
  if (stack && cpuBefore) {
    const cpu = await stack.cpuSince(cpuBefore);
    const per = (seconds: number) => Math.round((seconds * 1000 * 100) / Math.max(result.requests.total, 1)) / 100;
    figures.cpuMsPerRequest = { server: per(cpu.server), postgres: per(cpu.postgres) };
  }
  const statements = countStatements ? await countStatements() : null;
  if (statements !== null) figures.statementsPerRequest = Math.round((statements / Math.max(result.requests.total, 1)) * 10) / 10;
  histogram.destroy();
  return figures;
}

async function main(): Promise<void> {
  const stack = await startBenchStack({ profile: values.profile, shape: shapeOf(values) });
  const folder = await mkdtemp(path.join(tmpdir(), 'citoyens-page-'));
  const bare = { stop: () => undefined as void };
  try {
    const target = await seedRush(stack.db, 10, 10, 5000, 500);
    const [family] = await rushRoster(stack.db);
    const [cookie] = await signIn(stack.db, [family!.userId]);
    const page = `${stack.base}/produits/${target.productId}`;
    const signedInBody = await (await fetch(page, { headers: { Cookie: cookie! } })).text();
    if (!signedInBody.includes('Date de réservation')) throw new Error('the signed-in page shows no calendar');

    // The ceiling: a bare Hono process answering the signed-in page's size.
    const bodyFile = path.join(folder, 'body.html');
    await writeFile(bodyFile, signedInBody);
    const barePort = await freePort();
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(projectRoot, 'bench', 'lib', 'bare-hono.ts'), String(barePort), bodyFile], { stdio: ['ignore', 'pipe', 'inherit'] });
    bare.stop = () => void child.kill('SIGTERM');
    await new Promise<void>((resolve, reject) => {
      child.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('listening') && resolve());
      child.once('exit', (code) => reject(new Error(`bare hono exited (${code})`)));
    });

    const statements = async () => ((await resetQueryStats(stack.db)) ? () => statementsSoFar(stack.db) : undefined);
    const signedIn = await measure(page, { Cookie: cookie! }, await statements(), stack);
    if (values['signed-in-only']) return console.log(JSON.stringify(signedIn, null, 2));
    const results = {
      signedIn,
      anonymous: await measure(page, {}, await statements(), stack),
      staticFile: await measure(`${stack.base}/static/app.css`, {}, await statements(), stack),
      bareHono: await measure(`http://127.0.0.1:${barePort}/`),
    };
    const result = {
      date: measuredAt(),
      label: values.label,
      machine: { cores: cpus().length, node: process.version },
      parameters: { connections: Number(values.connections), durationSeconds: Number(values.duration), shape: shapeOf(values) },
      ...results,
    };
    const out = path.join(projectRoot, 'bench', 'results');
    await mkdir(out, { recursive: true });
    await writeFile(path.join(out, `page-${result.date.replace(/[:.]/g, '-')}.json`), `${JSON.stringify(result, null, 2)}\n`);
    const row = (name: string, f: PageFigures) =>
      `| ${name} | ${f.perSecond.mean} ± ${f.perSecond.stddev} | ${f.latencyMs.p50} / ${f.latencyMs.p95} / ${f.latencyMs.p99} | ${f.cpuMsPerRequest ? `${f.cpuMsPerRequest.server} / ${f.cpuMsPerRequest.postgres}` : '–'} | ${f.bytes} | ${f.statementsPerRequest ?? '–'} | ${f.errors + f.non2xx} |`;
    await writeFile(
      path.join(out, 'page-latest.md'),
      [
        `# Product page — ${result.date}`,
        '',
        `autocannon, ${values.connections} connections, ${values.duration} s each after 3 s of warm-up; ${describeShape(shapeOf(values))}; ${cpus().length} cores, Node ${process.version}.${values.label ? ` Run: ${values.label}.` : ''}`,
        '',
        '| page | req/s (mean ± sd) | p50 / p95 / p99 ms | CPU ms/request: web server / PostgreSQL | bytes | SQL statements/request | errors |',
        '| --- | --- | --- | --- | --- | --- | --- |',
        row('product page, signed in', results.signedIn),
        row('product page, anonymous', results.anonymous),
        row('static file (app.css)', results.staticFile),
        row('bare Hono, same size as the signed-in page', results.bareHono),
        '',
      ].join('\n'),
    );
    console.log(JSON.stringify(result, null, 2));
  } finally {
    bare.stop();
    await stack.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
