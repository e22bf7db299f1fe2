// Messages of the accountValidation workflow, imported by web/ without the workflow code.
import { defineQuery, defineSignal } from '@temporalio/workflow';

export type AccountValidationStatus = 'waiting-documents' | 'waiting-staff' | 'documents-requested' | 'validated' | 'rejected';

export interface AccountValidationState {
  status: AccountValidationStatus;
  /** The refusal reason, or the staff's message when documents are requested. */
  text: string | null;
  staffReminders: number;
  parentReminders: number;
}

export interface AccountValidationInput {
  userId: number;
  hasDocuments: boolean;
}

export const accountValidationWorkflowId = (userId: number) => `account-validation-${userId}`;

export const documentsSubmitted = defineSignal<[{ documentId: number }]>('documentsSubmitted');
export const approveAccount = defineSignal<[{ staffId: number }]>('approveAccount');
export const rejectAccount = defineSignal<[{ staffId: number; reason: string }]>('rejectAccount');
export const requestDocuments = defineSignal<[{ staffId: number; message: string }]>('requestDocuments');
export const accountValidationState = defineQuery<AccountValidationState>('accountValidationState');

export const STAFF_REMINDER_AFTER = '3 days';
export const PARENT_REMINDER_AFTER = '7 days';
