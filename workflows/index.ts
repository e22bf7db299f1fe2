// The worker's workflowsPath: every workflow is re-exported here, each from its own file.
export { absence } from './absences/index.ts';
export { accountValidation } from './accounts/index.ts';
export { basket } from './orders/index.ts';
export { closure } from './closures/index.ts';
export { deliverMail } from './mail/index.ts';
export { documentExpiry } from './documents/index.ts';
export { erasure } from './personal-data/index.ts';
export { housekeeping } from './housekeeping/index.ts';
export { lateCardPayment } from './payments/index.ts';
export { onlineRequest } from './requests/index.ts';
export { order } from './orders/index.ts';
export { reconcileProcesses } from './reconcile/index.ts';
export { reservationHold } from './booking/index.ts';
export { subscriptionApproval } from './services/index.ts';
export { sweepExpiredHolds } from './booking/index.ts';
export { walletTopUp } from './wallet/index.ts';
export { waitlist } from './waitlist/index.ts';
