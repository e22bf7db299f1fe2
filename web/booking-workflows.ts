// The cart's side of the reservationHold workflows: start one per new hold, and tell the others
// when the cart moves their expiry or releases them. The database is already right when these
// run, so a failure here is logged, never shown: the sweep and the workflows' own checks catch up.
import { WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError, type Client } from '@temporalio/client';
import type { Logger } from '../logger.ts';
import { extendHold, holdWorkflowId, releaseHold } from '../workflows/reservation-hold.messages.ts';
import type { reservationHold } from '../workflows/reservation-hold.ts';

export function holdWorkflows(temporal: Client, taskQueue: string, logger: Logger) {
  const quietly = async (work: Promise<unknown>, holdId: number, action: string) => {
    try {
      await work;
    } catch (error) {
      if (error instanceof WorkflowExecutionAlreadyStartedError || error instanceof WorkflowNotFoundError) return;
      logger.error({ err: error, holdId, action }, 'hold workflow not reached');
    }
  };
  return {
    start: (holdIds: number[], expiresAt: Date) =>
      Promise.all(
        holdIds.map((holdId) =>
          quietly(
            temporal.workflow.start<typeof reservationHold>('reservationHold', {
              taskQueue,
              workflowId: holdWorkflowId(holdId),
              args: [{ holdId, expiresAt: expiresAt.toISOString() }],
            }),
            holdId,
            'start',
          ),
        ),
      ),
    extend: (holdIds: number[], expiresAt: Date) =>
      Promise.all(holdIds.map((holdId) => quietly(temporal.workflow.getHandle(holdWorkflowId(holdId)).signal(extendHold, { expiresAt: expiresAt.toISOString() }), holdId, 'extend'))),
    release: (holdIds: number[]) => Promise.all(holdIds.map((holdId) => quietly(temporal.workflow.getHandle(holdWorkflowId(holdId)).signal(releaseHold), holdId, 'release'))),
  };
}
