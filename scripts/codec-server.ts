// The codec endpoint for the Temporal UI (npm run codec): decrypts payloads for the operators who
// reach it. Listens on CODEC_HOST:CODEC_PORT (loopback by default); see lib/temporal/codec-endpoint.ts
// for what each request must show.
import { serve } from '@hono/node-server';
import { z } from 'zod';
import { createPayloadCodec } from '../lib/temporal/payload-codec.ts';
import { codecEndpoint } from '../lib/temporal/codec-endpoint.ts';
import { payloadKeys } from '../lib/temporal/data-converter.ts';
import { ConfigError, configSchema, exitOnConfigError } from '../config.ts';

function main(): void {
  const schema = configSchema.pick({ TEMPORAL_PAYLOAD_KEY: true, TEMPORAL_PAYLOAD_PREVIOUS_KEY: true, CODEC_HOST: true, CODEC_PORT: true, CODEC_TOKEN: true, CODEC_PUBLIC_HOST: true, TEMPORAL_UI_ORIGIN: true });
  const parsed = schema.safeParse(Object.fromEntries(Object.entries(process.env).filter(([, value]) => value !== '')));
  if (!parsed.success) throw new ConfigError(parsed.error.issues.map((issue) => `Invalid configuration: ${issue.path.join('.')} ${issue.message}`).join('\n'));
  const config: z.infer<typeof schema> = parsed.data;
  const keys = payloadKeys(config);
  if (keys.length === 0) throw new ConfigError('Invalid configuration: TEMPORAL_PAYLOAD_KEY is missing (the key the worker and the server encrypt with)');
  // Published under a name of its own, it decrypts for whoever holds the token only.
  if (config.CODEC_PUBLIC_HOST && !config.CODEC_TOKEN) throw new ConfigError('Invalid configuration: CODEC_TOKEN is missing (required with CODEC_PUBLIC_HOST)');
  // Without a token it answers whoever reaches it: only a developer's own loopback, never in production.
  const loopback = ['127.0.0.1', '::1', 'localhost'].includes(config.CODEC_HOST);
  if (!config.CODEC_TOKEN && (!loopback || process.env.NODE_ENV === 'production')) {
    throw new ConfigError('Invalid configuration: CODEC_TOKEN is missing (required in production, and on any address but the loopback)');
  }
  const app = codecEndpoint(createPayloadCodec(keys), config.TEMPORAL_UI_ORIGIN, { token: config.CODEC_TOKEN ?? null, hosts: config.CODEC_PUBLIC_HOST ? [config.CODEC_PUBLIC_HOST] : [] });
  serve({ fetch: app.fetch, hostname: config.CODEC_HOST, port: config.CODEC_PORT }, () => {
    console.log(`Codec endpoint on http://${config.CODEC_HOST}:${config.CODEC_PORT} for ${config.TEMPORAL_UI_ORIGIN}`);
  });
}

try {
  main();
} catch (error) {
  exitOnConfigError(error);
}
