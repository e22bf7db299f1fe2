// Runs the official Temporal CLI dev server (`temporal server start-dev`) with its Web UI and,
// when asked, a SQLite file that keeps workflows across restarts.
import { spawn, type ChildProcess } from 'node:child_process';
import { searchAttributeFlags } from '../../workflows/search-attributes.ts';
import { temporalCliPath } from './temporal-binaries.ts';
import { waitForPort } from './free-port.ts';

export interface RunningTemporal {
  address: string;
  uiUrl: string | null;
  process: ChildProcess;
  stop(): Promise<void>;
}

export interface TemporalDevServerOptions {
  port: number;
  uiPort?: number;
  /** SQLite file; without it the server keeps everything in memory. */
  dbFile?: string;
  namespace?: string;
  onLog?: (line: string) => void;
}

export async function startTemporalDevServer(options: TemporalDevServerOptions): Promise<RunningTemporal> {
  const args = [
    'server', 'start-dev',
    '--ip', '127.0.0.1',
    '--port', String(options.port),
    '--namespace', options.namespace ?? 'default',
    '--log-level', 'warn',
    ...(options.uiPort ? ['--ui-port', String(options.uiPort), '--ui-ip', '127.0.0.1', '--ui-disable-news-fetch'] : ['--headless']),
    ...(options.dbFile ? ['--db-filename', options.dbFile] : []),
    ...searchAttributeFlags().flatMap((flag) => ['--search-attribute', flag]),
  ];
  const child = spawn(temporalCliPath(), args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const log = options.onLog ?? (() => {});
  child.stdout?.on('data', (chunk: Buffer) => log(chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => log(chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const failed = exited.then(() => {
    throw new Error(`The Temporal dev server exited at start-up (exit code ${child.exitCode}); is port ${options.port} taken?`);
  });
  await Promise.race([waitForPort(options.port, 30_000), failed]);
  if (options.uiPort) await Promise.race([waitForPort(options.uiPort, 30_000), failed]);

  return {
    address: `127.0.0.1:${options.port}`,
    uiUrl: options.uiPort ? `http://localhost:${options.uiPort}` : null,
    process: child,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
