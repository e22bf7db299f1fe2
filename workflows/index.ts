// The worker's workflowsPath: every workflow is re-exported here, each from its own file.
export { absence } from './absence.ts';
export { accountValidation } from './account-validation.ts';
export { basket } from './basket.ts';
export { closure } from './closure.ts';
export { deliverMail } from './deliver-mail.ts';
export { documentExpiry } from './document-expiry.ts';
export { erasure } from './erasure.ts';
export { housekeeping } from './housekeeping.ts';
export { lateCardPayment } from './late-card-payment.ts';
export { onlineRequest } from './online-request.ts';
export { order } from './order.ts';
export { reconcileProcesses } from './reconcile.ts';
export { reservationHold } from './reservation-hold.ts';
export { subscriptionApproval } from './subscription-approval.ts';
export { sweepExpiredHolds } from './sweep-expired-holds.ts';
export { walletTopUp } from './wallet-top-up.ts';
export { waitlist } from './waitlist.ts';
