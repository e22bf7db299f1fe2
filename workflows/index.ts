// The worker's workflowsPath: every workflow is re-exported here, each from its own file.
export { absence } from './absences/absence.ts';
export { accountValidation } from './accounts/account-validation.ts';
export { basket } from './orders/basket.ts';
export { closure } from './closures/closure.ts';
export { deliverMail } from './mail/deliver-mail.ts';
export { documentExpiry } from './documents/document-expiry.ts';
export { erasure } from './personal-data/erasure.ts';
export { housekeeping } from './housekeeping/housekeeping.ts';
export { lateCardPayment } from './payments/late-card-payment.ts';
export { onlineRequest } from './requests/online-request.ts';
export { order } from './orders/legacy/order.ts';
export { reconcileProcesses } from './reconcile/reconcile.ts';
export { reservationHold } from './booking/reservation-hold.ts';
export { subscriptionApproval } from './services/subscription-approval.ts';
export { sweepExpiredHolds } from './booking/sweep-expired-holds.ts';
export { walletTopUp } from './wallet/wallet-top-up.ts';
export { waitlist } from './waitlist/waitlist.ts';
