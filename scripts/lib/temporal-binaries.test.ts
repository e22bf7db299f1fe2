import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { temporalCliPath, temporalTestServerExecutable } from './temporal-binaries.ts';

// Every case names its own environment and project-local folder: the caller's variables and
// whatever is installed in .tools/ must not decide the outcome.
let dir: string;
let localBin: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'temporal-bin-'));
  localBin = path.join(dir, 'local');
  await mkdir(localBin);
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function fakeBinary(name: string, folder = dir): Promise<string> {
  const file = path.join(folder, name);
  await writeFile(file, '#!/bin/sh\n');
  await chmod(file, 0o755);
  return file;
}

describe('Temporal binaries', () => {
  it('take an explicit variable first', async () => {
    const explicit = await fakeBinary('my-temporal');
    await fakeBinary('temporal');
    expect(temporalCliPath({ env: { TEMPORAL_CLI_PATH: explicit, PATH: dir }, localBin })).toBe(explicit);
  });

  it('say how to install when the variable names nothing runnable', () => {
    expect(() => temporalCliPath({ env: { TEMPORAL_CLI_PATH: path.join(dir, 'missing') }, localBin })).toThrow(/npm run tools:install/);
  });

  it('then look on the PATH, then in the project-local install, else leave it to the SDK', async () => {
    const onPath = await fakeBinary('temporal');
    expect(temporalCliPath({ env: { PATH: dir }, localBin })).toBe(onPath);
    expect(temporalCliPath({ env: { PATH: path.join(dir, 'empty') }, localBin })).toBeUndefined();
    const local = await fakeBinary('temporal', localBin);
    expect(temporalCliPath({ env: { PATH: path.join(dir, 'empty') }, localBin })).toBe(local);
  });

  it('find the time-skipping test server the same way', async () => {
    const empty = { PATH: path.join(dir, 'empty') };
    expect(temporalTestServerExecutable({ env: empty, localBin })).toEqual({ type: 'cached-download', version: '1.40.0' });
    const local = await fakeBinary('temporal-test-server', localBin);
    expect(temporalTestServerExecutable({ env: empty, localBin })).toEqual({ type: 'existing-path', path: local });
    const explicit = await fakeBinary('test-server');
    expect(temporalTestServerExecutable({ env: { ...empty, TEMPORAL_TEST_SERVER_PATH: explicit }, localBin })).toEqual({ type: 'existing-path', path: explicit });
  });
});
