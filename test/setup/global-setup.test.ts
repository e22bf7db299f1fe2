// A test run that cannot start fails: the suite's own setup, run as `npm test` runs it, exits
// non-zero when a piece it needs is missing or unreachable, and when no test runs at all. Without
// this, the runner reported the setup error and still exited 0.
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { freePort } from '../../scripts/lib/free-port.ts';
import { projectRoot } from '../../scripts/lib/paths.ts';

/** `vitest run` on the given filters, in a fresh process with the given variables. */
async function testRun(filters: string[], extraEnv: Record<string, string>): Promise<{ code: number; output: string }> {
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('VITEST') && name !== 'TEST' && name !== 'NODE_ENV'));
  try {
    const { stdout, stderr } = await promisify(execFile)('npx', ['vitest', 'run', ...filters], { cwd: projectRoot, env: { ...inherited, ...extraEnv }, timeout: 90_000 });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, output: failed.stdout + failed.stderr };
  }
}

/**
 * Temporal dev servers still running that a test run marked by `mark` started (they inherit its
 * environment): the setup must stop what it started. Other runs on the machine are not counted.
 */
async function temporalServersOf(mark: string): Promise<string[]> {
  const found: string[] = [];
  for (const pid of await readdir('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    const cmdline = (await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '')).replaceAll('\0', ' ');
    if (!cmdline.includes('server start-dev')) continue;
    const environ = await readFile(`/proc/${pid}/environ`, 'utf8').catch(() => '');
    if (environ.split('\0').includes(`TEST_RUN_MARK=${mark}`)) found.push(`${pid}: ${cmdline}`);
  }
  return found;
}

describe('a test run that cannot start', () => {
  it('fails when the Temporal CLI named cannot run', async () => {
    const run = await testRun(['domain/money.test.ts'], { TEMPORAL_CLI_PATH: '/nonexistent/temporal' });
    expect(run.code, run.output).not.toBe(0);
    expect(run.output).toContain('The test run could not start: TEMPORAL_CLI_PATH=/nonexistent/temporal is not an executable file');
  }, 120_000);

  it('fails when its database cannot be reached, and stops the Temporal server it started', async () => {
    const mark = randomBytes(8).toString('hex');
    const run = await testRun(['domain/money.test.ts'], { TEST_DATABASE_URL: `postgres://postgres:postgres@127.0.0.1:${await freePort()}/postgres`, TEST_RUN_MARK: mark });
    expect(run.code, run.output).not.toBe(0);
    expect(run.output).toContain('The test run could not start');
    expect(await temporalServersOf(mark)).toEqual([]);
  }, 120_000);

  it('fails when no test runs', async () => {
    const run = await testRun(['no-such-test-file-anywhere'], {});
    expect(run.code, run.output).not.toBe(0);
    expect(run.output).toContain('No test files found');
  }, 120_000);
});
