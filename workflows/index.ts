// The worker's workflowsPath, and the floor's list of capabilities: each capability's workflows,
// each from its own file. (A capability's index.ts holds its messages, which other floors use; the
// workflows themselves are named here only, so that loading a message never loads workflow code.)
export { absence } from './absences/absence.ts';
export { accountValidation } from './approvals/account-validation.ts';
export { onlineRequest } from './approvals/online-request.ts';
export { subscriptionApproval } from './approvals/subscription-approval.ts';
export { reservationHold } from './booking/reservation-hold.ts';
export { sweepExpiredHolds } from './booking/sweep-expired-holds.ts';
export { closure } from './closures/closure.ts';
export { documentExpiry } from './documents/document-expiry.ts';
export { housekeeping } from './housekeeping/housekeeping.ts';
export { deliverMail } from './mail/deliver-mail.ts';
export { basket } from './orders/basket.ts';
export { cardRefund } from './orders/card-refund.ts';
export { order } from './orders/legacy/order.ts';
export { lateCardPayment } from './payments/late-card-payment.ts';
export { payfipPayment } from './payments/payfip.ts';
export { erasure } from './personal-data/erasure.ts';
export { reconcileProcesses } from './reconcile/reconcile.ts';
export { closingReminder } from './regies/closing-reminder.ts';
export { registration } from './registration/registration.ts';
export { waitlist } from './waitlist/waitlist.ts';
export { walletTopUp } from './wallet/wallet-top-up.ts';
