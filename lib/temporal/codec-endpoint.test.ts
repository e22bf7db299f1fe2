import { randomBytes } from 'node:crypto';
import { defaultPayloadConverter } from '@temporalio/common';
import { describe, expect, it } from 'vitest';
import { codecEndpoint } from './codec-endpoint.ts';
import { createPayloadCodec } from './payload-codec.ts';

const codec = createPayloadCodec([randomBytes(32)]);
const app = codecEndpoint(codec, 'http://localhost:8233');
const asJson = (payload: { metadata?: Record<string, Uint8Array> | null; data?: Uint8Array | null }) => ({
  metadata: Object.fromEntries(Object.entries(payload.metadata ?? {}).map(([name, value]) => [name, Buffer.from(value).toString('base64')])),
  data: Buffer.from(payload.data ?? []).toString('base64'),
});
const post = (path: string, body: unknown, origin = 'http://localhost:8233') =>
  app.request(path, { method: 'POST', headers: { 'Content-Type': 'application/json', Origin: origin }, body: JSON.stringify(body) });

describe('codec endpoint', () => {
  it('decodes for the Temporal UI what the worker encrypted', async () => {
    const [sealed] = await codec.encode([defaultPayloadConverter.toPayload({ orderId: 42 })]);
    const response = await post('/decode', { payloads: [asJson(sealed!)] });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe('http://localhost:8233');
    const { payloads } = (await response.json()) as { payloads: { data: string }[] };
    expect(JSON.parse(Buffer.from(payloads[0]!.data, 'base64').toString('utf8'))).toEqual({ orderId: 42 });
  });

  it('answers no other origin, and refuses what is not a list of payloads', async () => {
    const preflight = await app.request('/decode', { method: 'OPTIONS', headers: { Origin: 'https://evil.example', 'Access-Control-Request-Method': 'POST' } });
    expect(preflight.headers.get('access-control-allow-origin')).not.toBe('https://evil.example');
    expect((await post('/decode', { nothing: true })).status).toBe(400);
    expect((await post('/decode', { payloads: [{ metadata: { encoding: Buffer.from('binary/encrypted').toString('base64') }, data: 'AAAA' }] })).status).toBe(400);
  });
});
