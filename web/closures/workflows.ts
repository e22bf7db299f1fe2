// The closures' door to Temporal: an exceptional closure's cancellations and refunds run as a
// workflow, followable in the Temporal UI.
import type { closure } from '../../workflows/closures/closure.ts';
import { closureWorkflowId } from '../../workflows/closures/closure.messages.ts';
import { once, type WorkflowDoor } from '../http/workflow-door.ts';

export function closureWorkflows({ temporal, taskQueue }: WorkflowDoor) {
  return {
    startClosure: (closureId: number) => once(temporal.workflow.start<typeof closure>('closure', { taskQueue, workflowId: closureWorkflowId(closureId), workflowIdReusePolicy: 'REJECT_DUPLICATE', args: [{ closureId }] })),
  };
}
