// `npm run codec` decrypts every payload for whoever reaches it: without a token it refuses to
// start in production or on any address but the loopback, and says which variable is missing.
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { freePort } from './lib/free-port.ts';
import { projectRoot } from './lib/paths.ts';

async function codecServer(env: Record<string, string>): Promise<{ code: number; output: string }> {
  const { CODEC_TOKEN: _token, CODEC_HOST: _host, CODEC_PUBLIC_HOST: _public, NODE_ENV: _env, ...inherited } = process.env;
  try {
    const { stdout, stderr } = await promisify(execFile)('npx', ['tsx', 'scripts/codec-server.ts'], {
      cwd: projectRoot,
      env: { ...inherited, TEMPORAL_PAYLOAD_KEY: randomBytes(32).toString('base64'), CODEC_PORT: String(await freePort()), ...env },
      timeout: 30_000,
    });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, output: failed.stdout + failed.stderr };
  }
}

describe('npm run codec', () => {
  it('refuses to start without CODEC_TOKEN in production', async () => {
    const run = await codecServer({ NODE_ENV: 'production' });
    expect(run.code).toBe(78);
    expect(run.output).toContain('CODEC_TOKEN is missing (required in production, and on any address but the loopback)');
  });

  it('refuses to start without CODEC_TOKEN on an address other than the loopback', async () => {
    const run = await codecServer({ CODEC_HOST: '0.0.0.0' });
    expect(run.code).toBe(78);
    expect(run.output).toContain('CODEC_TOKEN is missing');
  });
});
