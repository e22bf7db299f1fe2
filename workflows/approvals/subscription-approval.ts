// subscriptionApproval (subscription-<id>): a family's request for a commune's service offer,
// from "En attente de validation" to "Validé" or "Refusé : <motif>".
import { runApproval } from './approval.ts';
import type { ApprovalState } from './approval.messages.ts';

export async function subscriptionApproval(input: { subscriptionId: number }): Promise<ApprovalState> {
  return runApproval({ kind: 'subscription', subscriptionId: input.subscriptionId }, 'waiting-staff');
}
