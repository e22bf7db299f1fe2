// onlineRequest (request-<id>): a family's démarche en ligne, from « En attente » to « Acceptée »
// or « Refusée », through as many « Complément demandé » as staff need; staff reminded while it
// waits for them, the family reminded when it does not answer, mailed at every step.
import { runApproval } from './approval.ts';
import type { ApprovalState } from './approval.messages.ts';

export async function onlineRequest(input: { requestId: number }): Promise<ApprovalState> {
  return runApproval({ kind: 'request', requestId: input.requestId }, 'waiting-staff');
}
