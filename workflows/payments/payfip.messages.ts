// Messages of the PayFiP payment workflow (payfip-<paymentId>): PayFiP's notification, or the
// payer's browser back from its page, tells it to ask the web service now rather than later.
import { defineSignal } from '@temporalio/workflow';

export const payfipWorkflowId = (paymentId: number) => `payfip-${paymentId}`;

/** Something happened on PayFiP's side: the workflow asks the web service (it never trusts the signal). */
export const payfipNotified = defineSignal('payfipNotified');

/** How long the payer may stay on PayFiP's page before the workflow asks anyway. */
export const PAYFIP_PAGE_WAIT = '20 minutes';
/** While PayFiP answers « in progress » (P5), asked again this often… */
export const PAYFIP_ASK_AGAIN = '3 minutes';
/** …this many times (about 20 minutes), then given up as abandoned. */
export const PAYFIP_ASKS_IN_PROGRESS = 7;
