// The approvals capability's workflows and messages as the other capabilities use them: they reach this folder through
// this file only (lint), so what is not listed here stays the capability's own.
export { accountValidationWorkflowId, approvalState, approveRequest, documentsSubmitted, onlineRequestWorkflowId, refuseRequest, requestDocuments, subscriptionWorkflowId } from './approval.messages.ts';
export type { ApprovalState } from './approval.messages.ts';
export { runApproval } from './approval.ts';
