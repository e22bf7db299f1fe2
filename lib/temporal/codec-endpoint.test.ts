import { randomBytes } from 'node:crypto';
import { defaultPayloadConverter } from '@temporalio/common';
import { describe, expect, it } from 'vitest';
import { codecEndpoint } from './codec-endpoint.ts';
import { createPayloadCodec } from './payload-codec.ts';

const codec = createPayloadCodec([randomBytes(32)]);
const TOKEN = randomBytes(32).toString('hex');
const app = codecEndpoint(codec, 'http://localhost:8233', { token: TOKEN, hosts: ['codec.agglo.example'] });
const TUNNEL = { Host: 'localhost:8234', Authorization: `Bearer ${TOKEN}` };
const asJson = (payload: { metadata?: Record<string, Uint8Array> | null; data?: Uint8Array | null }) => ({
  metadata: Object.fromEntries(Object.entries(payload.metadata ?? {}).map(([name, value]) => [name, Buffer.from(value).toString('base64')])),
  data: Buffer.from(payload.data ?? []).toString('base64'),
});
const post = (path: string, body: unknown, headers: Record<string, string> = TUNNEL, origin = 'http://localhost:8233') =>
  app.request(path, { method: 'POST', headers: { 'Content-Type': 'application/json', Origin: origin, ...headers }, body: JSON.stringify(body) });

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

  it('answers 401 without the token, with another token, or under a name that is not its own', async () => {
    const [sealed] = await codec.encode([defaultPayloadConverter.toPayload({ orderId: 42 })]);
    const body = { payloads: [asJson(sealed!)] };
    const refused: Record<string, string>[] = [
      { Host: 'localhost:8234' },
      { Host: 'localhost:8234', Authorization: `Bearer ${TOKEN.slice(1)}x` },
      { Host: 'localhost:8234', Authorization: TOKEN },
      { Host: 'rebound.evil.example:8234', Authorization: `Bearer ${TOKEN}` },
      { Authorization: `Bearer ${TOKEN}` },
    ];
    for (const headers of refused) {
      const response = await post('/decode', body, headers);
      expect(response.status, JSON.stringify(headers)).toBe(401);
      expect(JSON.stringify(await response.json())).not.toContain('orderId');
    }
    expect((await post('/decode', body, { Host: 'codec.agglo.example', Authorization: `Bearer ${TOKEN}` })).status).toBe(200);
    expect((await post('/decode', body, { Host: '127.0.0.1:8234', Authorization: `Bearer ${TOKEN}` })).status).toBe(200);
  });

  it('serves the loopback without a token only when none is configured', async () => {
    const open = codecEndpoint(codec, 'http://localhost:8233', { token: null, hosts: [] });
    const ask = (host: string) => open.request('/decode', { method: 'POST', headers: { 'Content-Type': 'application/json', Host: host }, body: '{"payloads":[]}' });
    expect((await ask('localhost:8234')).status).toBe(200);
    expect((await ask('rebound.evil.example:8234')).status).toBe(401);
  });
});
