// What every capability's door to Temporal shares (web/<capability>/workflows.ts): the client and
// its task queue, who a workflow concerns for the operators' search, and what a repeated start or
// a finished workflow means for a page.
import { WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError, type Client } from '@temporalio/client';
import type { Db } from '../../db/connection.ts';
import type { Logger } from '../../logger.ts';
import { AccountAttribute, CommuneAttribute } from '../../workflows/common/search-attributes.ts';

export interface WorkflowDoor {
  temporal: Client;
  taskQueue: string;
  logger: Logger;
  db: Db;
  /** A worker of this process polls on the client's connection (server.ts). */
  eagerStart: boolean;
  /** How long « Commander » waits for its basket. */
  placeOrderDeadlineMs: number;
}

/** Who a workflow concerns, for the operators' search in the Temporal UI: the account's number, nothing personal. */
export interface Family {
  userId: number;
  commune: string | null;
}

export const familyAttributes = (family: Family) => [
  { key: AccountAttribute, value: family.userId },
  ...(family.commune ? [{ key: CommuneAttribute, value: family.commune }] : []),
];

/** Asks `done` every 100 ms, two seconds at most: a decision a page just signalled is then recorded, and the page it redirects to shows it. */
export async function twoSecondsAtMostUntil(done: () => Promise<boolean>): Promise<void> {
  for (let attempt = 0; attempt < 20 && !(await done()); attempt += 1) await new Promise((resolve) => setTimeout(resolve, 100));
}

/** Ignores the answer of a start whose workflow already runs (a repeated request). */
export async function once(start: Promise<unknown>): Promise<void> {
  try {
    await start;
  } catch (error) {
    if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
  }
}

/** A query's answer, or null when its workflow never ran. */
export async function queryOrNull<T>(query: () => Promise<T>): Promise<T | null> {
  try {
    return await query();
  } catch (error) {
    if (error instanceof WorkflowNotFoundError) return null;
    throw error;
  }
}
