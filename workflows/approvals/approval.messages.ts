// The approval mechanism's messages, shared by its uses: accountValidation (an account, with
// supporting documents), subscriptionApproval (a subscription to a service offer) and
// onlineRequest (a démarche en ligne, completed by the family when staff ask for more).
import { defineQuery, defineSignal } from '@temporalio/workflow';

export type ApprovalSubject = { kind: 'account'; userId: number } | { kind: 'subscription'; subscriptionId: number } | { kind: 'request'; requestId: number };

export type ApprovalStatus = 'waiting-documents' | 'waiting-staff' | 'documents-requested' | 'approved' | 'refused';

export type ApprovalDecision = { kind: 'approved'; message?: string } | { kind: 'refused'; reason: string } | { kind: 'documents-requested'; message: string };

export interface ApprovalState {
  status: ApprovalStatus;
  /** The refusal reason, the staff's message when documents are requested, or with an approval. */
  text: string | null;
  staffReminders: number;
  parentReminders: number;
}

export const isDecided = (status: ApprovalStatus) => status === 'approved' || status === 'refused';

export const approveRequest = defineSignal<[{ staffId: number; message?: string }]>('approveRequest');
export const refuseRequest = defineSignal<[{ staffId: number; reason: string }]>('refuseRequest');
/** Accounts and online requests: staff ask the family for more (documents, a detail). */
export const requestDocuments = defineSignal<[{ staffId: number; message: string }]>('requestDocuments');
/** Accounts and online requests: the family sent a document or its reply. */
export const documentsSubmitted = defineSignal<[{ documentId: number }]>('documentsSubmitted');
export const approvalState = defineQuery<ApprovalState>('approvalState');

export const STAFF_REMINDER_AFTER = '3 days';
export const PARENT_REMINDER_AFTER = '7 days';

export const accountValidationWorkflowId = (userId: number) => `account-validation-${userId}`;
export const subscriptionWorkflowId = (subscriptionId: number) => `subscription-${subscriptionId}`;
export const onlineRequestWorkflowId = (requestId: number) => `request-${requestId}`;
