// The personal data's door to Temporal: a family's RGPD erasure runs as a workflow that waits for
// staff to return the wallet's balance.
import { WorkflowNotFoundError } from '@temporalio/client';
import type { erasure } from '../../workflows/personal-data/erasure.ts';
import { erasureWorkflowId, walletReturned } from '../../workflows/personal-data/erasure.messages.ts';
import { CommuneAttribute } from '../../workflows/common/search-attributes.ts';
import { once, type WorkflowDoor } from '../http/workflow-door.ts';

export function erasureWorkflows({ temporal, taskQueue, logger }: WorkflowDoor) {
  return {
    /** A family's RGPD erasure; its commune only as search attribute (the address is being erased). */
    startErasure: (userId: number, requestId: number, commune: string | null) =>
      once(
        temporal.workflow.start<typeof erasure>('erasure', {
          taskQueue,
          workflowId: erasureWorkflowId(userId),
          args: [{ userId, requestId }],
          ...(commune ? { typedSearchAttributes: [{ key: CommuneAttribute, value: commune }] } : {}),
        }),
      ),
    /** Staff recorded the transfer of the balance (in the database first): the erasure goes on. */
    erasureWalletReturned: async (userId: number) => {
      try {
        await temporal.workflow.getHandle(erasureWorkflowId(userId)).signal(walletReturned);
      } catch (error) {
        // Its weekly reminder reads the database: the workflow goes on without the signal.
        if (!(error instanceof WorkflowNotFoundError)) throw error;
        logger.warn({ userId }, 'erasure workflow not found for a recorded transfer');
      }
    },
  };
}
