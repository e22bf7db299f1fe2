// How long an activity may take and how it is retried, named once by what it is for: a workflow
// picks the intent, not the numbers. Activities are idempotent, so a retry is always safe; what
// differs is how soon someone is waiting for the answer.
import type { ActivityOptions } from '@temporalio/workflow';

/** Retried within the minute: someone is waiting for the answer. */
export const quickRetry = { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' };
/** Retried for as long as it takes, backing off to every 5 minutes: a database or SMTP server down for a while. */
const patientRetry = { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '5 minutes' };

export const activityOptions = {
  /** A step a family waits on (a top-up, a hold, a late payment credited): short, retried quickly. */
  familyWaiting: { startToCloseTimeout: '30 seconds', retry: quickRetry },
  /** A step of a process that lasts days (approvals, absences, waiting lists, documents' expiry). */
  longProcess: { startToCloseTimeout: '1 minute', retry: patientRetry },
  /** Many rows at once (a closure's cancellations and refunds, an erasure): longer each try, families waiting for their refunds. */
  batch: { startToCloseTimeout: '2 minutes', retry: quickRetry },
  /** A schedule's chore (purges, the reconciler): three tries, the next run catches up. */
  chore: { startToCloseTimeout: '5 minutes', retry: { maximumAttempts: 3 } },
  /** The hold sweep, every 5 minutes: three tries that end well within its period, so that a stuck one skips no run. */
  sweep: { startToCloseTimeout: '1 minute', retry: { maximumAttempts: 3 } },
  /** A mail through SMTP: a link older than a day is useless, so it is tried that long, then given up. */
  mail: { startToCloseTimeout: '1 minute', scheduleToCloseTimeout: '1 day', retry: { initialInterval: '2 seconds', backoffCoefficient: 2, maximumInterval: '10 minutes' } },
} satisfies Record<string, ActivityOptions>;
