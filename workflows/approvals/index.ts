// The approvals capability's messages (ids, signals, queries, updates) as the other capabilities
// use them: they reach this folder through this file only (lint); its workflows are listed in
// workflows/index.ts.
export { accountValidationWorkflowId, approvalState, approveRequest, documentsSubmitted, onlineRequestWorkflowId, refuseRequest, requestDocuments, subscriptionWorkflowId } from './approval.messages.ts';
export type { ApprovalState } from './approval.messages.ts';
