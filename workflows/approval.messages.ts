// The approval mechanism's messages, shared by its two uses: accountValidation (an account,
// with supporting documents) and subscriptionApproval (a subscription to a service offer).
import { defineQuery, defineSignal } from '@temporalio/workflow';

export type ApprovalSubject = { kind: 'account'; userId: number } | { kind: 'subscription'; subscriptionId: number };

export type ApprovalStatus = 'waiting-documents' | 'waiting-staff' | 'documents-requested' | 'approved' | 'refused';

export type ApprovalDecision = { kind: 'approved' } | { kind: 'refused'; reason: string } | { kind: 'documents-requested'; message: string };

export interface ApprovalState {
  status: ApprovalStatus;
  /** The refusal reason, or the staff's message when documents are requested. */
  text: string | null;
  staffReminders: number;
  parentReminders: number;
}

export const isDecided = (status: ApprovalStatus) => status === 'approved' || status === 'refused';

export const approveRequest = defineSignal<[{ staffId: number }]>('approveRequest');
export const refuseRequest = defineSignal<[{ staffId: number; reason: string }]>('refuseRequest');
/** Accounts only: staff ask the parent for more supporting documents. */
export const requestDocuments = defineSignal<[{ staffId: number; message: string }]>('requestDocuments');
/** Accounts only: the parent uploaded a document. */
export const documentsSubmitted = defineSignal<[{ documentId: number }]>('documentsSubmitted');
export const approvalState = defineQuery<ApprovalState>('approvalState');

export const STAFF_REMINDER_AFTER = '3 days';
export const PARENT_REMINDER_AFTER = '7 days';

export const accountValidationWorkflowId = (userId: number) => `account-validation-${userId}`;
export const subscriptionWorkflowId = (subscriptionId: number) => `subscription-${subscriptionId}`;
