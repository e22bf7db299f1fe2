// One structured (JSON) logger for the server, the worker and the scripts.
import { pino, type DestinationStream, type Logger } from 'pino';

export type { Logger };

/** Logs to standard output unless given another destination (tests write to files they scan). */
export function createLogger(level: string, name: string, destination?: DestinationStream): Logger {
  const options = {
    name,
    level,
    // Never log secrets, even if a future log call passes a whole request body or config.
    redact: { paths: ['password', '*.password', 'req.headers.cookie', 'headers.cookie', '*.token'], censor: '[redacted]' },
  };
  // Standard output is written asynchronously: a synchronous write per request line cost the
  // web server a sixth of its CPU in the rush benchmark. Pino flushes what is pending at exit.
  return pino(options, destination ?? pino.destination({ dest: 1, sync: false }));
}
