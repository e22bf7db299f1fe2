// The codec endpoint: the Temporal UI (and the CLI's --codec-endpoint) sends it the payloads it
// cannot read and shows what comes back, so an operator sees decrypted inputs and results while
// the Temporal server never holds them in clear. It answers the UI's origin only, and listens on
// the loopback: operators reach it, like the UI, through their SSH tunnel (README, Production).
// CORS binds browsers only: each request must also name this endpoint in its Host header (a page
// that rebinds its own name to the loopback does not), and carry the configured bearer token when
// there is one (required once the endpoint is published).
import { timingSafeEqual } from 'node:crypto';
import { Hono } from 'hono';
import { cors } from 'hono/cors';
import type { Payload, PayloadCodec } from '@temporalio/common';

interface JsonPayload {
  metadata?: Record<string, string> | null;
  data?: string | null;
}

const fromJson = ({ metadata, data }: JsonPayload): Payload => ({
  metadata: Object.fromEntries(Object.entries(metadata ?? {}).map(([name, value]) => [name, Buffer.from(value, 'base64')])),
  data: data ? Buffer.from(data, 'base64') : undefined,
});

const toJson = ({ metadata, data }: Payload): JsonPayload => ({
  metadata: Object.fromEntries(Object.entries(metadata ?? {}).map(([name, value]) => [name, Buffer.from(value).toString('base64')])),
  data: data ? Buffer.from(data).toString('base64') : null,
});

function readPayloads(body: unknown): JsonPayload[] | null {
  const payloads = (body as { payloads?: unknown } | null)?.payloads;
  return Array.isArray(payloads) && payloads.length <= 1000 ? (payloads as JsonPayload[]) : null;
}

export interface CodecAccess {
  /** The bearer token every request must carry; null to serve the loopback without one. */
  token: string | null;
  /** The Host header values it answers, besides the loopback's (`localhost`, `127.0.0.1`, `[::1]`, any port). */
  hosts: string[];
}

const LOOPBACK = /^(localhost|127\.0\.0\.1|\[::1\])(:\d{1,5})?$/;

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Whether the request names this endpoint and carries its token. */
function admitted(headers: { host: string | undefined; authorization: string | undefined }, access: CodecAccess): boolean {
  const host = (headers.host ?? '').toLowerCase();
  if (!LOOPBACK.test(host) && !access.hosts.map((name) => name.toLowerCase()).includes(host)) return false;
  if (access.token === null) return true;
  const bearer = /^Bearer (\S+)$/.exec(headers.authorization ?? '');
  return bearer !== null && sameSecret(bearer[1]!, access.token);
}

export function codecEndpoint(codec: PayloadCodec, uiOrigins: string | string[], access: CodecAccess): Hono {
  const app = new Hono();
  app.use('*', cors({ origin: uiOrigins, allowHeaders: ['content-type', 'x-namespace', 'authorization'], allowMethods: ['POST', 'OPTIONS'], credentials: true }));
  app.use('*', async (c, next) => {
    if (c.req.method === 'OPTIONS') return next();
    if (!admitted({ host: c.req.header('host'), authorization: c.req.header('authorization') }, access)) {
      c.header('WWW-Authenticate', 'Bearer');
      return c.json({ error: 'unauthorized' }, 401);
    }
    return next();
  });
  for (const [path, transform] of [['/decode', codec.decode.bind(codec)], ['/encode', codec.encode.bind(codec)]] as const) {
    app.post(path, async (c) => {
      const payloads = readPayloads(await c.req.json().catch(() => null));
      if (!payloads) return c.json({ error: 'expected {"payloads": [...]}' }, 400);
      try {
        return c.json({ payloads: (await transform(payloads.map(fromJson))).map(toJson) });
      } catch (error) {
        return c.json({ error: error instanceof Error ? error.message : 'cannot transform' }, 400);
      }
    });
  }
  return app;
}
