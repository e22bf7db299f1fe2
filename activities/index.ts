// Builds every activity from its dependencies. Workflows import only the `Activities` type.
import type { Db } from '../db/connection.ts';
import { createMailActivities } from './mail/send-mail.ts';
import type { Mailer } from './mail/mailer.ts';

export interface ActivityDeps {
  db: Db;
  mailer: Mailer;
  /** Injected so tests can move time; activities never read the host clock directly. */
  now: () => Date;
}

export function createActivities(deps: ActivityDeps) {
  return {
    ...createMailActivities(deps),
  };
}

export type Activities = ReturnType<typeof createActivities>;
