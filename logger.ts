// One structured (JSON) logger for the server, the worker and the scripts.
import { pino, type Logger } from 'pino';

export type { Logger };

export function createLogger(level: string, name: string): Logger {
  return pino({
    name,
    level,
    // Never log secrets, even if a future log call passes a whole request body or config.
    redact: { paths: ['password', '*.password', 'req.headers.cookie', 'headers.cookie', '*.token'], censor: '[redacted]' },
  });
}
