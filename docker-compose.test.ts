// Docker does not run on the build machines, so this checks the compose file by reading it:
// every app service's environment passes our configuration schema, and the stack can scale.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.ts';

interface Service {
  image?: string;
  build?: string;
  command?: string[];
  environment?: Record<string, string>;
  ports?: string[];
  container_name?: string;
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] };
  deploy?: { replicas?: number };
}

// Values an operator provides when running `docker compose up` (the file requires them).
const operatorEnv: Record<string, string> = { PAYBOX_HMAC_KEY: 'AB'.repeat(64), TEMPORAL_PAYLOAD_KEY: Buffer.alloc(32, 7).toString('base64') };
const source = readFileSync(new URL('./docker-compose.yml', import.meta.url), 'utf8').replace(/\$\{(\w+):\?[^}]*\}/g, (_, name: string) => {
  if (!(name in operatorEnv)) throw new Error(`docker-compose.yml requires ${name}: give the test a value for it`);
  return operatorEnv[name]!;
});
const compose = parse(source, { merge: true }) as { services: Record<string, Service> };
const services = compose.services;

describe('docker-compose.yml', () => {
  it('has the production-shaped services', () => {
    expect(Object.keys(services).sort()).toEqual(['codec', 'mailpit', 'migrate', 'postgres', 'server', 'temporal', 'temporal-ui', 'worker']);
  });

  it.each(['server', 'worker', 'migrate'])('gives %s an environment our configuration accepts', (name) => {
    const environment = services[name]!.environment!;
    const config = loadConfig(environment);
    expect(config.NODE_ENV).toBe('production');
    const host = new URL(config.DATABASE_URL).hostname;
    expect(services[host]).toBeDefined();
    expect(services[config.TEMPORAL_ADDRESS.split(':')[0]!]).toBeDefined();
    expect(services[new URL(config.SMTP_URL!).hostname]).toBeDefined();
  });

  it('publishes the operators\' console and the mailbox on the loopback only', () => {
    for (const name of ['temporal-ui', 'codec', 'mailpit']) {
      const ports = (services[name] as { ports?: string[] }).ports ?? [];
      expect(ports.length).toBeGreaterThan(0);
      for (const port of ports) expect(port).toMatch(/^127\.0\.0\.1:/);
    }
    const published = Object.entries(services).flatMap(([name, service]) => ((service as { ports?: string[] }).ports ?? []).map((port) => `${name} ${port}`));
    expect(published.filter((line) => !line.includes(' 127.0.0.1:'))).toEqual(['server 3000:3000']);
  });

  it('builds server, worker and migrations from one image, each with its npm script', () => {
    const scripts = (JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { scripts: Record<string, string> }).scripts;
    for (const [name, script] of [['server', 'server'], ['worker', 'worker'], ['migrate', 'db:migrate'], ['codec', 'codec']] as const) {
      expect(services[name]!.build).toBe('.');
      expect(services[name]!.command).toEqual(['npm', 'run', script]);
      expect(scripts[script]).toBeDefined();
    }
  });

  it('lets the worker scale (no fixed name or port) and waits on healthy dependencies', () => {
    expect(services.worker!.container_name).toBeUndefined();
    expect(services.worker!.ports).toBeUndefined();
    expect(services.worker!.depends_on).toMatchObject({ migrate: { condition: 'service_completed_successfully' }, temporal: { condition: 'service_healthy' } });
    for (const name of ['postgres', 'temporal', 'server']) expect(services[name]!.healthcheck?.test.length).toBeGreaterThan(0);
  });

  it('runs the workflows in the server\'s processes, one per core, with no worker of its own unless scaled', () => {
    const config = loadConfig(services.server!.environment!);
    expect([config.WEB_PROCESSES, config.WORKER_IN_SERVER]).toEqual([0, true]);
    expect(services.worker!.deploy?.replicas).toBe(0);
  });

  it('uses the same database credentials on both sides', () => {
    const url = new URL(services.server!.environment!.DATABASE_URL!);
    const postgres = services.postgres!.environment!;
    expect([url.username, url.password, url.pathname.slice(1)]).toEqual([postgres.POSTGRES_USER, postgres.POSTGRES_PASSWORD, postgres.POSTGRES_DB]);
  });
});
