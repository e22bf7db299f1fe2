// The payments capability's messages (ids, signals, queries, updates) as the other capabilities use
// them: they reach this folder through this file only (lint); its workflows are listed in
// workflows/index.ts.
export { CARD_PAYMENT_TIMEOUT, cardPaymentNotified } from './card-payment.messages.ts';
export type { CardNotification } from './card-payment.messages.ts';
export { PAYFIP_ASK_AGAIN, PAYFIP_ASKS_IN_PROGRESS, PAYFIP_PAGE_WAIT, payfipNotified, payfipWorkflowId } from './payfip.messages.ts';
