// `npm start` as a person runs it: the whole product comes up on its own with its demo (a product
// in every category and commune, families whose processes are live in Temporal), answers, lets
// the command-line tools work on its database, stops cleanly on Ctrl-C (a SIGINT to the whole
// process group, as a terminal sends it) with no process left behind, and a second start reuses
// the data.
import { execFile, spawn } from 'node:child_process';
import net from 'node:net';
import { promisify } from 'node:util';
import { Client, Connection } from '@temporalio/client';
import { chmod, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { referenceCommunes } from '../db/reference-data.ts';
import { categories } from '../web/layout/categories.ts';
import { freePort } from './lib/free-port.ts';
import { projectRoot } from './lib/paths.ts';

let dataDir: string;
let env: Record<string, string>;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'citoyens-start-'));
  await chmod(dataDir, 0o755);
  env = {
    DATA_DIR: dataDir,
    PORT: String(await freePort()),
    EMBEDDED_PG_PORT: String(await freePort()),
    TEMPORAL_DEV_PORT: String(await freePort()),
    TEMPORAL_UI_PORT: String(await freePort()),
    CODEC_PORT: String(await freePort()),
    LOG_LEVEL: 'warn',
  };
});
afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

interface Run {
  output: () => string;
  ready: Promise<number>;
  exited: Promise<number | null>;
  /** Sends Ctrl-C; resolves once the product says it stopped and no process of it is left. */
  interrupt(): Promise<void>;
}

/** The caller's environment without what would point the product elsewhere than its local stack. */
function localEnv(extraEnv: Record<string, string> = {}): Record<string, string | undefined> {
  const { DATABASE_URL: _d, TEMPORAL_ADDRESS: _t, SMTP_URL: _s, PUBLIC_URL: _p, NODE_ENV: _n, ...inherited } = process.env;
  return { ...inherited, ...env, ...extraEnv };
}

/** `npm run <script>` as a newcomer types it: no DATABASE_URL. */
async function npmRun(script: string, ...args: string[]): Promise<{ code: number; output: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)('npm', ['run', '--silent', script, '--', ...args], { cwd: projectRoot, env: localEnv() });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, output: failed.stdout + failed.stderr };
  }
}

async function runningWorkflowTypes(): Promise<Map<string, number>> {
  const connection = await Connection.connect({ address: `127.0.0.1:${env.TEMPORAL_DEV_PORT}` });
  try {
    const types = new Map<string, number>();
    for await (const workflow of new Client({ connection }).workflow.list({ query: 'ExecutionStatus = "Running"' })) {
      types.set(workflow.type, (types.get(workflow.type) ?? 0) + 1);
    }
    return types;
  } finally {
    await connection.close();
  }
}

function npmStart(extraEnv: Record<string, string> = {}): Run {
  const started = performance.now();
  const inherited = localEnv();
  const child = spawn('npm', ['start'], { cwd: projectRoot, env: { ...inherited, ...extraEnv }, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const ready = new Promise<number>((resolve, reject) => {
    const timer = setInterval(() => {
      if (output.includes('Ctrl-C pour tout arrêter')) {
        clearInterval(timer);
        resolve(performance.now() - started);
      }
    }, 50);
    void exited.then((code) => {
      clearInterval(timer);
      reject(new Error(`npm start exited (${code}) before being ready:\n${output}`));
    });
  });
  const interrupt = async () => {
    process.kill(-child.pid!, 'SIGINT');
    // npm itself dies of the signal at once; the product's own process finishes its shutdown
    // (the worker first lets its tasks end, which takes longer on a machine busy with other tests).
    await until(async () => output.includes('Plateforme Citoyens arrêtée.') && (await leftovers()).length === 0, 60_000).catch((error: unknown) => {
      throw new Error(`${String(error)}\nWhat npm start printed:\n${output.slice(-4000)}`);
    });
  };
  return { output: () => output, ready, exited, interrupt };
}

async function until(check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!(await check())) {
    if (performance.now() > deadline) throw new Error(`Still running after ${timeoutMs} ms: ${(await leftovers()).join('\n')}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Processes whose command line mentions the data folder or the Temporal port (postmaster, CLI). */
async function leftovers(): Promise<string[]> {
  const found: string[] = [];
  for (const pid of await readdir('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    const cmdline = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '');
    const text = cmdline.replaceAll('\0', ' ');
    if (text.includes(dataDir) || text.includes(`--port ${env.TEMPORAL_DEV_PORT}`)) found.push(`${pid}: ${text}`);
  }
  return found;
}

describe('npm start', () => {
  it('serves the home page and the Temporal UI, then stops everything on Ctrl-C', async () => {
    const run = npmStart();
    const coldMs = await run.ready;
    expect(run.output()).toContain('données de démonstration chargées');
    expect(run.output()).toContain(`http://localhost:${env.PORT}`);
    expect(run.output()).toContain(`http://localhost:${env.TEMPORAL_UI_PORT}`);
    expect(run.output()).toContain('agent.rosieres@citoyens.localhost');

    const home = await fetch(`http://localhost:${env.PORT}/`);
    expect(home.status).toBe(200);
    expect(await home.text()).toContain('MON COMPTE USAGER');
    expect((await fetch(`http://localhost:${env.PORT}/health`)).status).toBe(200);
    expect((await fetch(`http://localhost:${env.TEMPORAL_UI_PORT}/`)).status).toBe(200);
    // The UI's codec endpoint: what the worker encrypted, shown in clear to this machine's operator.
    const decode = await fetch(`http://127.0.0.1:${env.CODEC_PORT}/decode`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"payloads":[]}' });
    expect(await decode.json()).toEqual({ payloads: [] });
    expect((await readFile(path.join(dataDir, 'temporal-payload.key'), 'utf8')).trim()).toHaveLength(44);
    expect(run.output()).toContain(`psql postgres://postgres:postgres@127.0.0.1:${env.EMBEDDED_PG_PORT}/citoyens`);
    expect(run.output()).toContain('commandes, paiements et demandes en cours');

    // The demo shows the product: every category of the menu and every commune offer something.
    for (const category of categories) {
      const page = await (await fetch(`http://localhost:${env.PORT}/categories/${category.slug}`)).text();
      expect(page, category.label).toMatch(/href="\/produits\/\d+"/);
    }
    for (const commune of referenceCommunes) {
      const page = await (await fetch(`http://localhost:${env.PORT}/communes/${commune.slug}`)).text();
      expect(page, commune.name).toMatch(/href="\/produits\/\d+"/);
    }
    // What an operator sees in the Temporal UI: the processes the demo families started.
    const running = await runningWorkflowTypes();
    for (const type of ['accountValidation', 'subscriptionApproval', 'basket']) expect(running.get(type), type).toBeGreaterThan(0);

    // The tools find the running stack's database without DATABASE_URL.
    const created = await npmRun('staff:create', '--email', 'nouvel.agent@mairie-bains.fr', '--commune', 'bains');
    expect(created.code, created.output).toBe(0);
    const link = /(http:\/\/localhost:\d+\/recuperation-mot-de-passe\/nouveau\?token=\S+)/.exec(created.output)?.[1];
    expect(link, created.output).toContain(`http://localhost:${env.PORT}/`);
    const choose = await fetch(link!);
    expect(choose.status).toBe(200);
    expect(await choose.text()).toContain('type="password"');

    await run.interrupt();
    expect(run.output()).not.toMatch(/Error|ERROR/);
    console.info(`npm start, cold: ready in ${(coldMs / 1000).toFixed(1)} s`);
  }, 180_000);

  it('reuses the data on a second start', async () => {
    const run = npmStart();
    const warmMs = await run.ready;
    expect(run.output()).toContain('est prête');
    expect(run.output()).not.toContain('données de démonstration chargées');
    expect((await fetch(`http://localhost:${env.PORT}/health`)).status).toBe(200);
    await run.interrupt();
    console.info(`npm start, warm: ready in ${(warmMs / 1000).toFixed(1)} s`);

    // Stopped, the tools start its database for themselves, and leave nothing running.
    const migrated = await npmRun('db:migrate');
    expect(migrated.code, migrated.output).toBe(0);
    expect(migrated.output).toContain('Schema already up to date.');
    expect(await leftovers()).toEqual([]);
  }, 180_000);

  it('names the port already in use and the variable that moves it', async () => {
    const squatter = net.createServer();
    await new Promise<void>((resolve) => squatter.listen(Number(env.PORT), resolve));
    try {
      const run = npmStart();
      await expect(run.ready).rejects.toThrow();
      expect(await run.exited).toBe(78);
      expect(run.output()).toContain(`Le port ${env.PORT} est déjà utilisé (PORT)`);
      expect(await leftovers()).toEqual([]);
    } finally {
      await new Promise((resolve) => squatter.close(resolve));
    }
  }, 60_000);

  it('refuses a wrong setting with one clear line, before starting anything', async () => {
    const run = npmStart({ DATABASE_URL: 'mysql://localhost/citoyens' });
    await expect(run.ready).rejects.toThrow();
    expect(await run.exited).toBe(78);
    expect(run.output()).toContain('Invalid configuration: DATABASE_URL must be a URL (postgres: or postgresql:)');
    expect(await leftovers()).toEqual([]);
  }, 60_000);
});
