// The closures' door to Temporal: an exceptional closure's cancellations and refunds run as a
// workflow, followable in the Temporal UI, where operators find it by its product's commune.
import type { closure } from '../../workflows/closures/closure.ts';
import { closureWorkflowId } from '../../workflows/closures/closure.messages.ts';
import { CommuneAttribute } from '../../workflows/common/search-attributes.ts';
import { communeConcerned } from '../../db/queries/catalogue/index.ts';
import { once, type WorkflowDoor } from '../http/workflow-door.ts';

export function closureWorkflows({ temporal, taskQueue, db }: WorkflowDoor) {
  return {
    startClosure: async (closureId: number) => {
      const commune = await communeConcerned(db, { closureId });
      await once(
        temporal.workflow.start<typeof closure>('closure', {
          taskQueue,
          workflowId: closureWorkflowId(closureId),
          workflowIdReusePolicy: 'REJECT_DUPLICATE',
          args: [{ closureId }],
          ...(commune ? { typedSearchAttributes: [{ key: CommuneAttribute, value: commune }] } : {}),
        }),
      );
    },
  };
}
