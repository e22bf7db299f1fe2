// The documents' door to Temporal: each family's accepted document of a kind is watched until it
// expires.
import type { documentExpiry } from '../../workflows/documents/document-expiry.ts';
import { documentAccepted, documentExpiryWorkflowId, type AcceptedDocument } from '../../workflows/documents/document-expiry.messages.ts';
import type { WorkflowDoor } from '../http/workflow-door.ts';

export function documentWorkflows({ temporal, taskQueue }: WorkflowDoor) {
  return {
    /** A document accepted until a day: its family's watch for that type is told, or starts. */
    watchDocumentExpiry: (userId: number, kind: string, document: AcceptedDocument) =>
      temporal.workflow.signalWithStart<typeof documentExpiry, [AcceptedDocument]>('documentExpiry', {
        taskQueue,
        workflowId: documentExpiryWorkflowId(userId, kind),
        args: [{ userId, kind, ...document }],
        signal: documentAccepted,
        signalArgs: [document],
      }),
  };
}
