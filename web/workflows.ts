// The web layer's one door to Temporal, and the floor's list of each capability's door
// (web/<capability>/workflows.ts): every start, signal, update and query a page makes goes through
// a named function there, which owns the workflow's id, the task queue, the search attributes and
// what an unreachable or finished workflow means for the page.
import type { Client } from '@temporalio/client';
import type { Db } from '../db/connection.ts';
import type { Logger } from '../logger.ts';
import { absenceWorkflows } from './absences/workflows.ts';
import { approvalWorkflows } from './approvals/workflows.ts';
import { closureWorkflows } from './closures/workflows.ts';
import { documentWorkflows } from './documents/workflows.ts';
import type { WorkflowDoor } from './http/workflow-door.ts';
import { mailWorkflows } from './mail/workflows.ts';
import { orderWorkflows } from './orders/workflows.ts';
import { paymentWorkflows } from './payments/workflows.ts';
import { erasureWorkflows } from './personal-data/workflows.ts';
import { registrationWorkflows } from './registration/workflows.ts';
import { waitlistWorkflows } from './waitlist/workflows.ts';
import { walletWorkflows } from './wallet/workflows.ts';

export type { StaffDecision } from './approvals/workflows.ts';

/** `eagerStart`: a worker of this process polls on the client's connection (server.ts). */
export function createWorkflowClient(temporal: Client, taskQueue: string, logger: Logger, db: Db, options: { eagerStart: boolean; placeOrderDeadlineMs?: number } = { eagerStart: false }) {
  const door: WorkflowDoor = { temporal, taskQueue, logger, db, eagerStart: options.eagerStart, placeOrderDeadlineMs: options.placeOrderDeadlineMs ?? 20_000 };
  return {
    /** Whether the Temporal service answers (for /health). */
    reachable: () => temporal.connection.workflowService.getSystemInfo({}).then(() => true),
    ...approvalWorkflows(door),
    ...absenceWorkflows(door),
    ...waitlistWorkflows(door),
    ...documentWorkflows(door),
    ...erasureWorkflows(door),
    ...orderWorkflows(door),
    ...walletWorkflows(door),
    ...paymentWorkflows(door),
    ...closureWorkflows(door),
    ...mailWorkflows(door),
    ...registrationWorkflows(door),
  };
}

export type WorkflowClient = ReturnType<typeof createWorkflowClient>;
