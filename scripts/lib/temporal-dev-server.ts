// Runs the official Temporal CLI dev server (`temporal server start-dev`) with its Web UI and,
// when asked, a SQLite file that keeps workflows across restarts. A binary found locally runs as
// our own child process; without one, the SDK downloads the CLI (needs the internet).
import { spawn } from 'node:child_process';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { searchAttributeFlags, searchAttributes } from '../../workflows/common/search-attributes.ts';
import { cliNotFoundError, temporalCliPath } from './temporal-binaries.ts';
import { waitForPort } from './free-port.ts';

export interface RunningTemporal {
  address: string;
  uiUrl: string | null;
  stop(): Promise<void>;
}

export interface TemporalDevServerOptions {
  port: number;
  uiPort?: number;
  /** SQLite file; without it the server keeps everything in memory. */
  dbFile?: string;
  namespace?: string;
  onLog?: (line: string) => void;
  /** Where the UI asks to decrypt payloads (the codec endpoint). */
  uiCodecEndpoint?: string;
  /**
   * Out of the caller's process group, so that a terminal's Ctrl-C does not stop the server under
   * a worker still reporting its last tasks to it: the caller stops it in order, and it is killed
   * when the caller exits, however it exits.
   */
  ownProcessGroup?: boolean;
}

/** A worker in the web server's process takes the first task of what that process starts (server.ts). */
const EAGER_START = ['--dynamic-config-value', 'system.enableEagerWorkflowStart=true'];

export async function startTemporalDevServer(options: TemporalDevServerOptions): Promise<RunningTemporal> {
  const binary = temporalCliPath();
  return binary ? startFromBinary(binary, options) : startFromSdkDownload(options);
}

/** How long the dev server has to stop on SIGTERM before it is killed. */
const STOP_GRACE_MS = 8_000;

async function startFromBinary(binary: string, options: TemporalDevServerOptions): Promise<RunningTemporal> {
  const args = [
    'server', 'start-dev',
    '--ip', '127.0.0.1',
    '--port', String(options.port),
    '--namespace', options.namespace ?? 'default',
    '--log-level', 'warn',
    ...(options.uiPort ? ['--ui-port', String(options.uiPort), '--ui-ip', '127.0.0.1', '--ui-disable-news-fetch'] : ['--headless']),
    ...(options.uiPort && options.uiCodecEndpoint ? ['--ui-codec-endpoint', options.uiCodecEndpoint] : []),
    // WAL with "normal" syncs: each commit is safe from a crash of the server (the journal is
    // on disk), only an OS crash may lose the last ones; the default syncs the whole file on
    // every commit, and a rush makes thousands.
    ...(options.dbFile ? ['--db-filename', options.dbFile, '--sqlite-pragma', 'journal_mode=wal', '--sqlite-pragma', 'synchronous=normal'] : []),
    ...searchAttributeFlags().flatMap((flag) => ['--search-attribute', flag]),
    ...EAGER_START,
  ];
  const child = spawn(binary, args, { stdio: ['ignore', 'pipe', 'pipe'], detached: options.ownProcessGroup ?? false });
  const killOnExit = () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  };
  // Never left behind: a program that exits (a forced exit after a stalled shutdown included) takes it along.
  process.once('exit', killOnExit);
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
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      // A server that outlives its SIGTERM (busy flushing, or stuck) would be left running after
      // `npm start` exits, holding its ports: killed after a few seconds (its SQLite journal keeps
      // what was committed).
      const timer = setTimeout(killOnExit, STOP_GRACE_MS);
      await exited;
      clearTimeout(timer);
      process.removeListener('exit', killOnExit);
    },
  };
}

async function startFromSdkDownload(options: TemporalDevServerOptions): Promise<RunningTemporal> {
  const env = await TestWorkflowEnvironment.createLocal({
    server: {
      executable: { type: 'cached-download' },
      ip: '127.0.0.1',
      port: options.port,
      ui: Boolean(options.uiPort),
      ...(options.uiPort ? { uiPort: options.uiPort } : {}),
      ...(options.dbFile ? { dbFilename: options.dbFile } : {}),
      namespace: options.namespace ?? 'default',
      searchAttributes,
      extraArgs: EAGER_START,
    },
  }).catch((error: unknown) => {
    throw cliNotFoundError(error);
  });
  return {
    address: `127.0.0.1:${options.port}`,
    uiUrl: options.uiPort ? `http://localhost:${options.uiPort}` : null,
    stop: () => env.teardown(),
  };
}
