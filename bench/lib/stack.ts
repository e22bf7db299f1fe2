// The product as deployed, for a benchmark: embedded PostgreSQL and the Temporal dev server
// (unless DATABASE_URL / TEMPORAL_ADDRESS are given), migrated, and `server.ts` as a child
// process: by default one process per core, each with its worker; `split`, the worker in a
// `worker.ts` process of its own. Also where each piece's CPU is read from.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createDb, type Db } from '../../db/connection.ts';
import { migrateToLatest } from '../../db/migrate.ts';
import { freePort } from '../../scripts/lib/free-port.ts';
import { startLocalRuntime } from '../../scripts/lib/local-runtime.ts';
import { projectRoot } from '../../scripts/lib/paths.ts';
import { cpuBetween, cpuByCommand } from './cpu.ts';

export interface BenchStack {
  db: Db;
  base: string;
  temporalAddress: string;
  /** CPU seconds of each piece so far; `cpuSince` gives what each used since a reading. */
  cpuNow(): Promise<CpuReading>;
  cpuSince(before: CpuReading): Promise<Record<Piece, number>>;
  stop(): Promise<void>;
}

export type Piece = 'server' | 'worker' | 'temporal' | 'postgres';
type CpuReading = Record<Piece, Map<number, number>>;

const pieces: Record<Piece, RegExp> = {
  server: new RegExp(`^${process.execPath} .*server\\.ts`),
  worker: new RegExp(`^${process.execPath} .*worker\\.ts`),
  temporal: /temporal.* server start-dev/,
  postgres: /^postgres/,
};

export interface StackShape {
  /** The worker in a process of its own (WORKER_IN_SERVER=false), as before eager start. */
  split: boolean;
  /** Web server processes (WEB_PROCESSES): 0, one per core. */
  processes: number;
}

/** The benchmarks' flags for the stack's shape, and what they mean. */
export const shapeOptions = {
  split: { type: 'boolean', default: false },
  processes: { type: 'string', default: '0' },
} as const;

export const describeShape = (shape: StackShape) =>
  `${shape.processes === 0 ? 'one web server process per core' : `${shape.processes} web server process(es)`}, ${shape.split ? 'the worker in a process of its own' : 'each with its worker (eager start)'}`;

export const shapeOf = (values: { split: boolean; processes: string }): StackShape => ({ split: values.split, processes: Number(values.processes) });

/** `profile`: V8 CPU profiles of the processes, written to bench/profiles/. */
export async function startBenchStack(options: { profile?: boolean; shape?: StackShape; env?: Record<string, string> } = {}): Promise<BenchStack> {
  const shape = options.shape ?? { split: false, processes: 0 };
  const dataDir = await mkdtemp(path.join(tmpdir(), 'citoyens-bench-'));
  await chmod(dataDir, 0o755);
  const runtime = await startLocalRuntime(
    { ...process.env, DATA_DIR: dataDir, EMBEDDED_PG_PORT: String(await freePort()), TEMPORAL_DEV_PORT: String(await freePort()), TEMPORAL_UI_PORT: String(await freePort()) },
    () => {},
  );
  const databaseUrl = process.env.DATABASE_URL || runtime.env.DATABASE_URL!;
  const temporalAddress = process.env.TEMPORAL_ADDRESS || runtime.env.TEMPORAL_ADDRESS!;
  const db = createDb(databaseUrl, { poolSize: 20 });
  const children: ChildProcess[] = [];
  const stop = async () => {
    for (const child of children.reverse()) {
      if (child.exitCode !== null) continue;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    await db.destroy();
    await runtime.stop();
    await rm(dataDir, { recursive: true, force: true });
  };
  const port = await freePort();
  try {
    await migrateToLatest(db);
    const env = {
      ...process.env,
      NODE_ENV: process.env.NODE_ENV || 'development',
      DEV_TOOLS: 'true',
      TEMPORAL_PAYLOAD_KEY: randomBytes(32).toString('base64'),
      DATABASE_URL: databaseUrl,
      TEMPORAL_ADDRESS: temporalAddress,
      PORT: String(port),
      LOG_LEVEL: 'info',
      DATABASE_POOL_SIZE: '30',
      WEB_PROCESSES: String(shape.processes),
      WORKER_IN_SERVER: String(!shape.split),
      ...options.env,
    };
    if (shape.split) children.push(await startPiece('worker.ts', 'worker started', env, options.profile ?? false));
    children.push(await startPiece('server.ts', 'web server started', env, options.profile ?? false));
  } catch (error) {
    await stop();
    throw error;
  }
  const cpuNow = async () => Object.fromEntries(await Promise.all(Object.entries(pieces).map(async ([name, pattern]) => [name, await cpuByCommand(pattern)] as const))) as CpuReading;
  return {
    db,
    base: `http://localhost:${port}`,
    temporalAddress,
    cpuNow,
    cpuSince: async (before) => {
      const after = await cpuNow();
      return Object.fromEntries(Object.keys(pieces).map((name) => [name, cpuBetween(before[name as Piece], after[name as Piece])])) as Record<Piece, number>;
    },
    stop,
  };
}

/** Starts server.ts or worker.ts and resolves once it logs that it is ready. */
function startPiece(script: string, ready: string, env: NodeJS.ProcessEnv, profile: boolean): Promise<ChildProcess> {
  // (tsx's loader thread writes a small profile of its own next to each.)
  const flags = profile ? ['--cpu-prof', `--cpu-prof-dir=${path.join(projectRoot, 'bench', 'profiles', path.basename(script, '.ts'))}`] : [];
  const child = spawn(process.execPath, [...flags, '--import', 'tsx', script], { cwd: projectRoot, env, stdio: ['ignore', 'pipe', 'inherit'] });
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
