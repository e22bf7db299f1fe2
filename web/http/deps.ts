// What the app is built from (AppInput) and what every route gets (AppDeps): a module of types
// alone, so that a route reads them without importing the app that mounts it.
import type { Client } from '@temporalio/client';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/connection.ts';
import type { DocumentStore } from '../../lib/documents/store.ts';
import type { CardProvider, SandboxKeys } from '../../lib/payments/provider.ts';
import type { PayfipEndpoints } from '../../lib/payments/payfip-config.ts';
import type { Logger } from '../../logger.ts';
import type { WorkflowClient } from '../workflows.ts';

export interface AppInput {
  config: Pick<Config, 'NODE_ENV' | 'DEV_TOOLS' | 'TEMPORAL_UI_ORIGIN' | 'PUBLIC_URL' | 'TEMPORAL_TASK_QUEUE' | 'TRUSTED_PROXIES' | 'HOLD_MINUTES'> & Partial<Pick<Config, 'SESSION_CACHE_SECONDS'>>;
  db: Db;
  temporal: Client;
  /** A worker of this process polls on the client's connection (see web/workflows.ts). */
  eagerStart?: boolean;
  /** How long « Commander » waits for its basket (20 s; tests of an unreachable Temporal shorten it). */
  placeOrderDeadlineMs?: number;
  logger: Logger;
  documents: DocumentStore;
  /** The card payment provider, and the sandbox's keys when the sandbox plays it. */
  payments: CardProvider;
  sandbox: SandboxKeys | null;
  /** PayFiP's addresses (the payment page the family is sent to); absent, the sandbox's on this server. */
  payfip?: PayfipEndpoints;
  /** The clock: tests move it to cross the 2-hour session limit. */
  now: () => Date;
}

/** What the routes get: Temporal only through the named calls of web/workflows.ts. */
export type AppDeps = Omit<AppInput, 'temporal'> & { workflows: WorkflowClient };
