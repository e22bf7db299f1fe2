// Encrypts every payload the worker and the clients send through Temporal (inputs, results,
// signals, updates, queries, failures' details) with AES-256-GCM, so that the Temporal server, its
// database and its UI hold no personal data in clear. The key comes from the environment
// (TEMPORAL_PAYLOAD_KEY); its short fingerprint travels with each payload so that a key can be
// rotated (the previous one kept for decoding) and a wrong key is named, not guessed at.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { METADATA_ENCODING_KEY, ValueError, type Payload, type PayloadCodec } from '@temporalio/common';
import protos from '@temporalio/proto';

const ENCODING = 'binary/encrypted';
const KEY_ID = 'encryption-key-id';
const IV_BYTES = 12;
const TAG_BYTES = 16;
const PayloadMessage = protos.temporal.api.common.v1.Payload;

const text = new TextEncoder();
const words = new TextDecoder();

/** The 32-byte key from its base64 form; throws a message naming what is wrong. */
export function parsePayloadKey(base64: string): Buffer {
  const key = Buffer.from(base64, 'base64');
  if (key.length !== 32) throw new Error('TEMPORAL_PAYLOAD_KEY must be 32 bytes in base64 (openssl rand -base64 32)');
  return key;
}

export const keyFingerprint = (key: Buffer) => createHash('sha256').update(key).digest('hex').slice(0, 12);

/** `keys[0]` encrypts; every key decrypts what it encrypted. */
export function createPayloadCodec(keys: Buffer[]): PayloadCodec {
  if (keys.length === 0) throw new Error('a payload codec needs a key');
  const byId = new Map(keys.map((key) => [keyFingerprint(key), key]));
  const current = { id: keyFingerprint(keys[0]!), key: keys[0]! };
  return {
    async encode(payloads: Payload[]): Promise<Payload[]> {
      return payloads.map((payload) => {
        const iv = randomBytes(IV_BYTES);
        const cipher = createCipheriv('aes-256-gcm', current.key, iv);
        const plain = PayloadMessage.encode(payload).finish();
        const sealed = Buffer.concat([iv, cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
        return { metadata: { [METADATA_ENCODING_KEY]: text.encode(ENCODING), [KEY_ID]: text.encode(current.id) }, data: sealed };
      });
    },
    async decode(payloads: Payload[]): Promise<Payload[]> {
      return payloads.map((payload) => {
        const encoding = payload.metadata?.[METADATA_ENCODING_KEY];
        if (!encoding || words.decode(encoding) !== ENCODING) return payload;
        const id = payload.metadata?.[KEY_ID] ? words.decode(payload.metadata[KEY_ID]) : '';
        const key = byId.get(id);
        if (!key) throw new ValueError(`payload encrypted with an unknown key (${id || 'no key id'})`);
        const data = Buffer.from(payload.data ?? []);
        if (data.length < IV_BYTES + TAG_BYTES) throw new ValueError('encrypted payload too short');
        const decipher = createDecipheriv('aes-256-gcm', key, data.subarray(0, IV_BYTES));
        decipher.setAuthTag(data.subarray(data.length - TAG_BYTES));
        const plain = Buffer.concat([decipher.update(data.subarray(IV_BYTES, data.length - TAG_BYTES)), decipher.final()]);
        return PayloadMessage.decode(plain) as Payload;
      });
    },
  };
}
