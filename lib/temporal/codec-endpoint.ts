// The codec endpoint: the Temporal UI (and the CLI's --codec-endpoint) sends it the payloads it
// cannot read and shows what comes back, so an operator sees decrypted inputs and results while
// the Temporal server never holds them in clear. It answers the UI's origin only, and listens on
// the loopback: operators reach it, like the UI, through their SSH tunnel (README, Production).
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

export function codecEndpoint(codec: PayloadCodec, uiOrigins: string | string[]): Hono {
  const app = new Hono();
  app.use('*', cors({ origin: uiOrigins, allowHeaders: ['content-type', 'x-namespace', 'authorization'], allowMethods: ['POST', 'OPTIONS'], credentials: true }));
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
