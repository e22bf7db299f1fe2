// Configuration: environment variables parsed once at start-up, so that a wrong or missing
// value stops the program with one line naming the variable instead of failing later.
import { z } from 'zod';
import { parseAsOf } from './lib/clock.ts';

const url = (protocols: string[]) =>
  z.string().refine(
    (value) => {
      try {
        return protocols.includes(new URL(value).protocol);
      } catch {
        return false;
      }
    },
    { message: `must be a URL (${protocols.join(' or ')})` },
  );

const port = z.coerce.number().int().min(1).max(65535);
const payloadKey = z.string().refine((value) => Buffer.from(value, 'base64').length === 32, { message: 'must be 32 bytes in base64 (openssl rand -base64 32)' });

export const configSchema = z.object({
  // No default: a server started by hand must say whether it is production (npm start says development).
  NODE_ENV: z.enum(['development', 'production', 'test']),
  /** The development mailbox (/dev/mails) and the payment sandbox, for loopback clients only; never in production. */
  DEV_TOOLS: z.enum(['true', 'false']).default('false').transform((value) => value === 'true'),
  PORT: port.default(3000),
  PUBLIC_URL: url(['http:', 'https:']).optional(),
  DATABASE_URL: url(['postgres:', 'postgresql:']),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  TEMPORAL_ADDRESS: z.string().regex(/^[^\s:]+:\d{1,5}$/, 'must look like host:port'),
  TEMPORAL_NAMESPACE: z.string().min(1).default('default'),
  TEMPORAL_TASK_QUEUE: z.string().min(1).default('citoyens'),
  SMTP_URL: url(['smtp:', 'smtps:']).optional(),
  MAIL_FROM: z.string().min(3).default('Plateforme Citoyens <ne-pas-repondre@citoyens.localhost>'),
  /** How long places stay held in a cart after its last activity. */
  HOLD_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(30),
  DOCUMENTS_DIR: z.string().min(1).default('.data/documents'),
  /** Web server processes sharing the port (node:cluster): 0 for one per core. */
  WEB_PROCESSES: z.coerce.number().int().min(0).max(64).default(1),
  /** Each web server process runs a worker too, which takes the first task of the baskets it starts (eager start); "false" leaves the workflows to `npm run worker`. */
  WORKER_IN_SERVER: z.enum(['true', 'false']).default('true').transform((value) => value === 'true'),
  /** How long a page read (GET) may trust a session validated by an earlier request of this process; 0 reads the database every time. */
  SESSION_CACHE_SECONDS: z.coerce.number().int().min(0).max(60).default(5),
  /** How many reverse proxies stand before the server: the client address (for rate limits) is that hop of X-Forwarded-For from the right. */
  TRUSTED_PROXIES: z.coerce.number().int().min(0).max(10).default(0),
  /** "sandbox" plays Paybox on this server (never in production); "paybox" talks to the provider. */
  PAYMENT_PROVIDER: z.enum(['sandbox', 'paybox']).optional(),
  PAYBOX_ENDPOINT: url(['https:']).optional(),
  PAYBOX_SITE: z.string().regex(/^\d{7}$/, 'must be 7 digits').optional(),
  PAYBOX_RANG: z.string().regex(/^\d{2,3}$/, 'must be 2 or 3 digits').optional(),
  PAYBOX_IDENTIFIANT: z.string().regex(/^\d{1,9}$/, 'must be digits').optional(),
  PAYBOX_HMAC_KEY: z.string().regex(/^[0-9A-Fa-f]{128}$/, 'must be the 128 hexadecimal characters of the merchant key').optional(),
  /** PayFiP's web service and payment page; unset, the DGFiP's own, or the sandbox's where the sandbox plays the card provider. */
  PAYFIP_SERVICE_URL: url(['http:', 'https:']).optional(),
  PAYFIP_PAYMENT_URL: url(['http:', 'https:']).optional(),
  /** Paybox Direct (PPPS), where card refunds are asked, and the merchant's key for it (CLE); without them a refund asked of Paybox is refused, and staff give it to the wallet. */
  PAYBOX_PPPS_ENDPOINT: url(['https:']).optional(),
  PAYBOX_CLE: z.string().regex(/^[!-~]{1,64}$/, 'must be the Paybox Direct key from the back office').optional(),
  /** AES-256 key (base64 of 32 bytes) that encrypts every payload sent through Temporal; required in production. */
  TEMPORAL_PAYLOAD_KEY: payloadKey.optional(),
  /** The key before the last rotation, still used to decrypt what it encrypted. */
  TEMPORAL_PAYLOAD_PREVIOUS_KEY: payloadKey.optional(),
  /** The codec endpoint the Temporal UI calls to show decrypted payloads to operators (npm run codec). */
  CODEC_HOST: z.string().min(1).default('127.0.0.1'),
  CODEC_PORT: port.default(8234),
  /** The bearer token every call to the codec endpoint must carry (the CLI's --codec-auth); required with CODEC_PUBLIC_HOST. */
  CODEC_TOKEN: z.string().min(32, 'must be at least 32 characters (openssl rand -hex 32)').optional(),
  /** The codec endpoint's published name (host[:port]), answered besides the loopback's. */
  CODEC_PUBLIC_HOST: z.string().regex(/^[a-z0-9.-]+(:\d{1,5})?$/i, 'must look like host or host:port').optional(),
  /** The Temporal UI's origin, the only one allowed to call the codec endpoint from a browser. */
  TEMPORAL_UI_ORIGIN: url(['http:', 'https:']).default('http://localhost:8233'),
  /** Outside production, the day the product lives as if it were today (lib/clock.ts): a day, a Paris time or an instant. */
  AS_OF: z.string().refine((value) => parseAsOf(value) !== null, { message: 'must be a day (2027-07-02), a Paris time (2027-12-31T23:30) or an instant with its offset' }).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type Config = z.infer<typeof configSchema> & { PUBLIC_URL: string };

export class ConfigError extends Error {}

function parse<T extends z.ZodType>(schema: T, env: Record<string, string | undefined>): z.infer<T> {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const result = schema.safeParse(cleaned);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => {
    const name = issue.path.join('.');
    const reason = cleaned[name] === undefined && issue.code !== 'custom' ? 'is missing' : issue.message;
    return `Invalid configuration: ${name} ${reason}`;
  });
  throw new ConfigError(lines.join('\n'));
}

/** The sandbox plays the card provider only where the development tools are on. */
export const defaultProvider = (config: Pick<z.infer<typeof configSchema>, 'PAYMENT_PROVIDER' | 'DEV_TOOLS'>) => config.PAYMENT_PROVIDER ?? (config.DEV_TOOLS ? 'sandbox' : 'paybox');

const paymentChecked = configSchema.superRefine((config, ctx) => {
  if (config.NODE_ENV === 'production' && !config.TEMPORAL_PAYLOAD_KEY) {
    ctx.addIssue({ code: 'custom', path: ['TEMPORAL_PAYLOAD_KEY'], message: 'is missing (production encrypts what it sends through Temporal)' });
  }
  if (config.NODE_ENV === 'production' && config.AS_OF) ctx.addIssue({ code: 'custom', path: ['AS_OF'], message: 'cannot be set in production (it moves the clock)' });
  if (config.NODE_ENV === 'production' && config.DEV_TOOLS) ctx.addIssue({ code: 'custom', path: ['DEV_TOOLS'], message: 'cannot be true in production' });
  if (config.NODE_ENV !== 'production' && config.PUBLIC_URL?.startsWith('https:')) {
    // A public https address is a real deployment: development defaults (sandbox, tools) must not reach it.
    ctx.addIssue({ code: 'custom', path: ['NODE_ENV'], message: `is ${config.NODE_ENV} but PUBLIC_URL is a public https address: set NODE_ENV=production` });
  }
  for (const name of ['PAYFIP_SERVICE_URL', 'PAYFIP_PAYMENT_URL'] as const) {
    if (config.NODE_ENV === 'production' && config[name]?.startsWith('http:')) ctx.addIssue({ code: 'custom', path: [name], message: 'must be https in production' });
  }
  const provider = defaultProvider(config);
  if (provider === 'sandbox' && config.NODE_ENV === 'production') {
    ctx.addIssue({ code: 'custom', path: ['PAYMENT_PROVIDER'], message: 'cannot be the sandbox in production' });
  } else if (provider === 'sandbox' && !config.DEV_TOOLS) {
    ctx.addIssue({ code: 'custom', path: ['PAYMENT_PROVIDER'], message: 'can be the sandbox only with DEV_TOOLS=true' });
  }
  if (provider === 'paybox') {
    for (const name of ['PAYBOX_ENDPOINT', 'PAYBOX_SITE', 'PAYBOX_RANG', 'PAYBOX_IDENTIFIANT', 'PAYBOX_HMAC_KEY'] as const) {
      if (!config[name]) ctx.addIssue({ code: 'custom', path: [name], message: 'is missing (needed by the Paybox payment provider)' });
    }
  }
});

/** Parses the environment; throws a ConfigError whose message is one line per bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const config = parse(paymentChecked, env);
  return { ...config, PUBLIC_URL: (config.PUBLIC_URL ?? `http://localhost:${config.PORT}`).replace(/\/$/, '') };
}

/** Checks the environment before `npm start` starts the services it leaves unset. */
export function checkLocalConfig(env: Record<string, string | undefined>): void {
  parse(configSchema.partial({ DATABASE_URL: true, TEMPORAL_ADDRESS: true, NODE_ENV: true }), env);
}

/** Runs a program's main function, printing configuration errors as one clear line each. */
export function exitOnConfigError(error: unknown): never {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(78); // EX_CONFIG
  }
  throw error;
}
