// The product as it runs in production, in pieces that the crash tests can break: PostgreSQL and
// the Temporal dev server (on a SQLite file) of their own, and the web server as a child process
// in its default shape: two processes sharing the port, each with its worker. Each piece can be
// killed and brought back on the same data.
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { chmod, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createDb, type Db } from '../../db/connection.ts';
import { migrateToLatest } from '../../db/migrate.ts';
import { startEmbeddedPostgres, type RunningPostgres } from '../../scripts/lib/embedded-postgres.ts';
import { freePort, waitForPort } from '../../scripts/lib/free-port.ts';
import { ensureDatabase } from '../../scripts/lib/local-runtime.ts';
import { projectRoot } from '../../scripts/lib/paths.ts';
import { startTemporalDevServer, type RunningTemporal } from '../../scripts/lib/temporal-dev-server.ts';

export interface CrashStack {
  base: string;
  db: Db;
  /** The stack's Temporal server (`host:port`), for a look at an order's workflow. */
  temporalAddress: string;
  /** The pieces that died without being asked to (a crash of the server). */
  unexpectedExits: string[];
  /** Kills (SIGKILL) one web server process, its worker with it, and waits for the one that replaces it. */
  killWebProcess(): Promise<void>;
  /** The web server processes serving now (the first process's children). */
  webProcesses(): Promise<number[]>;
  restartTemporal(pauseMs: number): Promise<void>;
  restartPostgres(pauseMs: number): Promise<void>;
  stop(): Promise<void>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function startCrashStack(logDir: string): Promise<CrashStack> {
  const root = await mkdtemp(path.join(tmpdir(), 'citoyens-crash-'));
  await chmod(root, 0o755);
  const pgPort = await freePort();
  const temporalPort = await freePort();
  const webPort = await freePort();
  const startPostgres = () => startEmbeddedPostgres({ dataDir: path.join(root, 'postgres'), port: pgPort });
  const startTemporal = () => startTemporalDevServer({ port: temporalPort, dbFile: path.join(root, 'temporal.sqlite') });
  let postgres: RunningPostgres | undefined;
  let temporal: RunningTemporal | undefined;
  let db: Db | undefined;
  let server: ChildProcess | undefined;
  const unexpectedExits: string[] = [];
  const stopping = new Set<ChildProcess>();
  const stopPiece = async (child: ChildProcess | undefined, signal: NodeJS.Signals) => {
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    stopping.add(child);
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill(signal);
    await exited;
  };
  /** Stops whatever is running, whether the stack came up whole or not. */
  const stopAll = async () => {
    await stopPiece(server, 'SIGTERM');
    await db?.destroy();
    await temporal?.stop();
    await postgres?.stop();
    await rm(root, { recursive: true, force: true });
  };

  try {
    postgres = await startPostgres();
    temporal = await startTemporal();
    const databaseUrl = await ensureDatabase(postgres.url, 'citoyens');
    db = createDb(databaseUrl, { poolSize: 5 });
    await migrateToLatest(db);
    const env = {
      ...process.env,
      NODE_ENV: 'development',
      DEV_TOOLS: 'true',
      DATABASE_URL: databaseUrl,
      TEMPORAL_ADDRESS: temporal.address,
      TEMPORAL_TASK_QUEUE: 'crash',
      PORT: String(webPort),
      PUBLIC_URL: `http://localhost:${webPort}`,
      DOCUMENTS_DIR: path.join(root, 'documents'),
      LOG_LEVEL: 'info',
      WEB_PROCESSES: '2',
    };
    // Their logs join the run's, which the end of the run scans for passwords.
    // The first process says so each time a web server process replaces one that died.
    let replaced = 0;
    const spawnPiece = (script: string, ready: string): Promise<ChildProcess> => {
      const child = spawn(process.execPath, ['--import', 'tsx', script], { cwd: projectRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
      child.stdout!.on('data', (chunk: Buffer) => (replaced += chunk.toString().split('web server process back').length - 1));
      const log = createWriteStream(path.join(logDir, `crash-${path.basename(script, '.ts')}-${child.pid}.log`));
      child.stdout!.pipe(log);
      child.stderr!.pipe(log);
      child.once('exit', (code, signal) => {
        if (!stopping.has(child)) unexpectedExits.push(`${script} (${code ?? signal})`);
      });
      return new Promise((resolve, reject) => {
        child.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes(ready) && resolve(child));
        child.once('exit', (code) => reject(new Error(`${script} exited (${code}) before it was ready`)));
      });
    };
    server = await spawnPiece('server.ts', 'web server started');
    await waitForPort(webPort, 10_000);
    const ready = db;
    const primary = server.pid!;
    const webProcesses = async () => (await readFile(`/proc/${primary}/task/${primary}/children`, 'utf8')).trim().split(/\s+/).filter(Boolean).map(Number);
    return {
      base: `http://localhost:${webPort}`,
      db: ready,
      temporalAddress: `127.0.0.1:${temporalPort}`,
      unexpectedExits,
      webProcesses,
      async killWebProcess() {
        const [victim] = await webProcesses();
        const before = replaced;
        process.kill(victim!, 'SIGKILL');
        const deadline = performance.now() + 60_000;
        while (replaced === before) {
          if (performance.now() > deadline) throw new Error('no web server process replaced the one killed');
          await sleep(200);
        }
      },
      async restartTemporal(pauseMs) {
        await temporal?.stop();
        await sleep(pauseMs);
        temporal = await startTemporal();
      },
      async restartPostgres(pauseMs) {
        await postgres?.stop();
        await sleep(pauseMs);
        postgres = await startPostgres();
      },
      stop: stopAll,
    };
  } catch (error) {
    await stopAll().catch(() => {});
    throw error;
  }
}
