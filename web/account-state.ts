// The account's validation state in words, from the database and, while it is pending, from the
// accountValidation workflow's query.
import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import type { User } from '../db/database.ts';
import { accountValidationState, accountValidationWorkflowId, type AccountValidationState } from '../workflows/account-validation.messages.ts';

export async function queryAccountValidation(temporal: Client, userId: number): Promise<AccountValidationState | null> {
  try {
    return await temporal.workflow.getHandle(accountValidationWorkflowId(userId)).query(accountValidationState);
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

export function describeAccountStatus(user: Pick<User, 'status' | 'status_reason'>, workflow: AccountValidationState | null): AccountStatusText {
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
