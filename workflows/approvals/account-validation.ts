// accountValidation (account-validation-<userId>): from the verified e-mail to the staff's
// decision, waiting for supporting documents first when the parent has none.
import { runApproval } from './approval.ts';
import type { ApprovalState } from './approval.messages.ts';

export interface AccountValidationInput {
  userId: number;
  hasDocuments: boolean;
}

export async function accountValidation(input: AccountValidationInput): Promise<ApprovalState> {
  return runApproval({ kind: 'account', userId: input.userId }, input.hasDocuments ? 'waiting-staff' : 'waiting-documents');
}
