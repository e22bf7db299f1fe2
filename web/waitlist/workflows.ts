// The waiting lists' door to Temporal: one workflow per product and day.
import type { waitlist } from '../../workflows/waitlist/waitlist.ts';
import { placeFreed, waitlistWorkflowId } from '../../workflows/waitlist/waitlist.messages.ts';
import type { WorkflowDoor } from '../http/workflow-door.ts';

export function waitlistWorkflows({ temporal, taskQueue }: WorkflowDoor) {
  return {
    /** A day's waiting list looks at its places again (a family joined, a place freed); started if it does not run. */
    waitlistPlaceFreed: (productId: number, day: string) =>
      temporal.workflow.signalWithStart<typeof waitlist, []>('waitlist', { taskQueue, workflowId: waitlistWorkflowId(productId, day), args: [{ productId, day }], signal: placeFreed, signalArgs: [] }),
  };
}
