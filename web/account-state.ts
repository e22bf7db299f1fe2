// The account's validation state in words, from the database and, while it is pending, from the
// accountValidation workflow's query.
import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import type { User } from '../db/database.ts';
import { approvalState, accountValidationWorkflowId, type ApprovalState } from '../workflows/approval.messages.ts';

export async function queryApproval(temporal: Client, workflowId: string): Promise<ApprovalState | null> {
  try {
    return await temporal.workflow.getHandle(workflowId).query(approvalState);
  } catch (error) {
    if (error instanceof WorkflowNotFoundError) return null;
    throw error;
  }
}

export interface AccountStatusText {
  title: string;
  detail: string | null;
  kind: 'success' | 'warning' | 'info';
}

/**
 * Waits (two seconds at most) until the approval's status differs from `before`: the decision a
 * page just signalled is then recorded, and the page it redirects to shows it.
 */
export async function awaitDecision(temporal: Client, workflowId: string, before: ApprovalState['status']): Promise<void> {
  for (let attempt = 0; attempt < 20; attempt += 1) {
    const state = await queryApproval(temporal, workflowId);
    if (!state || state.status !== before) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export function queryAccountValidation(temporal: Client, userId: number): Promise<ApprovalState | null> {
  return queryApproval(temporal, accountValidationWorkflowId(userId));
}

export function describeAccountStatus(user: Pick<User, 'status' | 'status_reason'>, workflow: ApprovalState | null): AccountStatusText {
  switch (user.status) {
    case 'validated':
      return { title: 'Compte validé', detail: null, kind: 'success' };
    case 'rejected':
      return { title: `Compte refusé : ${user.status_reason ?? 'motif non précisé'}`, detail: null, kind: 'warning' };
    case 'suspended':
      return { title: 'Compte suspendu', detail: 'Contactez votre mairie.', kind: 'warning' };
    default:
      if (workflow?.status === 'documents-requested') {
        return { title: 'Compte en attente de validation', detail: `La mairie vous demande des pièces justificatives : ${workflow.text ?? ''}`, kind: 'warning' };
      }
      if (workflow?.status === 'waiting-documents') {
        return { title: 'Compte en attente de validation', detail: 'Déposez vos pièces justificatives pour que la mairie puisse valider votre compte.', kind: 'warning' };
      }
      return { title: 'Compte en attente de validation', detail: 'Vos pièces justificatives sont en cours d\'examen par la mairie.', kind: 'info' };
  }
}
