// The worker's workflowsPath: every workflow is re-exported here, each from its own file.
export { accountValidation } from './account-validation.ts';
export { deliverMail } from './deliver-mail.ts';
export { subscriptionApproval } from './subscription-approval.ts';
