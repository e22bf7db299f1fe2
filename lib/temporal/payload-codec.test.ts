import { randomBytes } from 'node:crypto';
import { defaultPayloadConverter } from '@temporalio/common';
import { describe, expect, it } from 'vitest';
import { createPayloadCodec, parsePayloadKey } from './payload-codec.ts';

const key = randomBytes(32);
const other = randomBytes(32);
const payload = defaultPayloadConverter.toPayload({ email: 'claire@example.fr', text: 'Merci de fournir une attestation CAF.' });

describe('payload codec', () => {
  it('encrypts so that nothing of the value shows, and gives it back', async () => {
    const codec = createPayloadCodec([key]);
    const [sealed] = await codec.encode([payload]);
    expect(Buffer.from(sealed!.data!).toString('latin1')).not.toContain('claire');
    const [opened] = await codec.decode([sealed!]);
    expect(defaultPayloadConverter.fromPayload(opened!)).toEqual({ email: 'claire@example.fr', text: 'Merci de fournir une attestation CAF.' });
  });

  it('encrypts the same value differently each time', async () => {
    const codec = createPayloadCodec([key]);
    const [a] = await codec.encode([payload]);
    const [b] = await codec.encode([payload]);
    expect(Buffer.from(a!.data!).equals(Buffer.from(b!.data!))).toBe(false);
  });

  it('refuses a tampered payload and an unknown key, and decodes with a previous key after rotation', async () => {
    const [sealed] = await createPayloadCodec([key]).encode([payload]);
    const tampered = { ...sealed!, data: Buffer.from(sealed!.data!).map((byte, i) => (i === 20 ? byte ^ 1 : byte)) };
    await expect(createPayloadCodec([key]).decode([tampered])).rejects.toThrow();
    await expect(createPayloadCodec([other]).decode([sealed!])).rejects.toThrow('payload encrypted with an unknown key');
    const [opened] = await createPayloadCodec([other, key]).decode([sealed!]);
    expect(defaultPayloadConverter.fromPayload(opened!)).toMatchObject({ email: 'claire@example.fr' });
  });

  it('leaves payloads it did not encrypt as they are', async () => {
    const [same] = await createPayloadCodec([key]).decode([payload]);
    expect(same).toBe(payload);
  });

  it('wants a 32-byte key', () => {
    expect(() => parsePayloadKey('c2hvcnQ=')).toThrow('TEMPORAL_PAYLOAD_KEY must be 32 bytes');
    expect(parsePayloadKey(key.toString('base64')).equals(key)).toBe(true);
  });
});
