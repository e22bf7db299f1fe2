// Every test process logs (at debug level, so that nothing escapes the scan) to a file of its
// own in the run's log folder; at the end of the run, the global setup scans them all for
// passwords (see test/setup/log-scan.ts).
import path from 'node:path';
import { pino } from 'pino';
import { inject } from 'vitest';
import { createLogger, type Logger } from '../../logger.ts';

let destination: pino.DestinationStream | undefined;

export function testLogFile(): string {
  return path.join(inject('logDir'), `${process.pid}.log`);
}

export function createTestLogger(name: string): Logger {
  destination ??= pino.destination({ dest: testLogFile(), sync: true, mkdir: true });
  return createLogger('debug', name, destination);
}
