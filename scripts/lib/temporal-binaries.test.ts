import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { toolsBin } from './paths.ts';
import { temporalCliPath, temporalTestServerExecutable } from './temporal-binaries.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'temporal-bin-'));
});
afterEach(async () => {
  vi.unstubAllEnvs();
  await rm(dir, { recursive: true, force: true });
});

async function fakeBinary(name: string): Promise<string> {
  const file = path.join(dir, name);
  await writeFile(file, '#!/bin/sh\n');
  await chmod(file, 0o755);
  return file;
}

describe('Temporal binaries', () => {
  it('take an explicit variable first', async () => {
    const explicit = await fakeBinary('my-temporal');
    vi.stubEnv('TEMPORAL_CLI_PATH', explicit);
    vi.stubEnv('PATH', dir);
    await fakeBinary('temporal');
    expect(temporalCliPath()).toBe(explicit);
  });

  it('say how to install when the variable names nothing runnable', () => {
    vi.stubEnv('TEMPORAL_CLI_PATH', path.join(dir, 'missing'));
    expect(() => temporalCliPath()).toThrow(/npm run tools:install/);
  });

  it('then look on the PATH, then in the project-local install', async () => {
    vi.stubEnv('TEMPORAL_CLI_PATH', '');
    const onPath = await fakeBinary('temporal');
    vi.stubEnv('PATH', dir);
    expect(temporalCliPath()).toBe(onPath);
    vi.stubEnv('PATH', path.join(dir, 'empty'));
    expect(temporalCliPath()).toBe(path.join(toolsBin, 'temporal'));
  });

  it('find the time-skipping test server the same way', async () => {
    vi.stubEnv('PATH', path.join(dir, 'empty'));
    vi.stubEnv('TEMPORAL_TEST_SERVER_PATH', '');
    expect(temporalTestServerExecutable()).toEqual({ type: 'existing-path', path: path.join(toolsBin, 'temporal-test-server') });
    const explicit = await fakeBinary('test-server');
    vi.stubEnv('TEMPORAL_TEST_SERVER_PATH', explicit);
    expect(temporalTestServerExecutable()).toEqual({ type: 'existing-path', path: explicit });
  });
});
