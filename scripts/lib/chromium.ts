// Finds the Chromium the browser tests drive (through playwright-core, which downloads nothing),
// and installs Debian's `chromium` package the first time it is needed on a machine without one.
import { execFile } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { userInfo } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const CANDIDATES = ['chromium', 'chromium-browser', 'google-chrome-stable', 'google-chrome'];

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** CHROMIUM_PATH when set, else the first Chromium or Chrome on the PATH. */
export function findChromium(env: Record<string, string | undefined> = process.env): string | undefined {
  if (env.CHROMIUM_PATH) return env.CHROMIUM_PATH;
  const dirs = [...(env.PATH ?? '').split(path.delimiter), '/usr/bin'].filter(Boolean);
  for (const name of CANDIDATES) {
    for (const dir of dirs) {
      if (isExecutable(path.join(dir, name))) return path.join(dir, name);
    }
  }
  return undefined;
}

const HINT = 'Install Chromium (Debian: `apt-get install chromium`) or set CHROMIUM_PATH to a Chromium or Chrome executable.';

/** The browser's path, installing Debian's package first when none is found and we may (root, apt). */
export async function ensureChromium(log: (line: string) => void = console.log): Promise<string> {
  const found = findChromium();
  if (found) {
    if (!isExecutable(found)) throw new Error(`CHROMIUM_PATH=${found} is not an executable file. ${HINT}`);
    return found;
  }
  if (userInfo().uid !== 0 || !isExecutable('/usr/bin/apt-get')) throw new Error(`No Chromium found for the browser tests. ${HINT}`);
  log("Installing Chromium for the browser tests from Debian's packages (once) …");
  const run = promisify(execFile);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  try {
    await run('apt-get', ['update', '-qq'], { env, maxBuffer: 64 * 1024 * 1024 });
    await run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'chromium'], { env, maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    const output = error instanceof Error && 'stderr' in error ? String(error.stderr).trim().split('\n').slice(-3).join('\n') : String(error);
    throw new Error(`Could not install Chromium from Debian's packages: ${output}\n${HINT}`, { cause: error });
  }
  const installed = findChromium();
  if (!installed) throw new Error(`Debian's chromium package installed no chromium executable. ${HINT}`);
  return installed;
}
