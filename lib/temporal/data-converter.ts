// The data converter of every Temporal client and worker of the product: payloads encrypted when
// a key is configured (always in production), as they are otherwise (tests, a first run).
import type { DataConverter } from '@temporalio/common';
import { createPayloadCodec, parsePayloadKey } from './payload-codec.ts';

export interface PayloadKeys {
  TEMPORAL_PAYLOAD_KEY?: string | undefined;
  TEMPORAL_PAYLOAD_PREVIOUS_KEY?: string | undefined;
}

export function payloadKeys(config: PayloadKeys): Buffer[] {
  return [config.TEMPORAL_PAYLOAD_KEY, config.TEMPORAL_PAYLOAD_PREVIOUS_KEY].filter((key): key is string => Boolean(key)).map(parsePayloadKey);
}

export function dataConverter(config: PayloadKeys): DataConverter | undefined {
  const keys = payloadKeys(config);
  return keys.length > 0 ? { payloadCodecs: [createPayloadCodec(keys)] } : undefined;
}
