// Finds the Chromium the browser tests drive (through playwright-core, which downloads nothing),
// and installs Debian's `chromium` package the first time it is needed on a machine without one.
import { userInfo } from 'node:os';
import path from 'node:path';
import { isExecutable, onPath, runQuietly } from './executables.ts';

const CANDIDATES = ['chromium', 'chromium-browser', 'google-chrome-stable', 'google-chrome'];

/** CHROMIUM_PATH when set, else the first Chromium or Chrome on the PATH. */
export function findChromium(env: Record<string, string | undefined> = process.env): string | undefined {
  if (env.CHROMIUM_PATH) return env.CHROMIUM_PATH;
  const dirs = [env.PATH ?? '', '/usr/bin'].join(path.delimiter);
  for (const name of CANDIDATES) {
    const found = onPath(name, dirs);
    if (found) return found;
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
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  try {
    await runQuietly('apt-get', ['update', '-qq'], { env });
    await runQuietly('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'chromium'], { env });
  } catch (error) {
    throw new Error(`Could not install Chromium from Debian's packages: ${(error as Error).message}\n${HINT}`, { cause: error });
  }
  const installed = findChromium();
  if (!installed) throw new Error(`Debian's chromium package installed no chromium executable. ${HINT}`);
  return installed;
}
