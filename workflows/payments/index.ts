// The payments capability's workflows and messages as the other capabilities use them: they reach this folder through
// this file only (lint), so what is not listed here stays the capability's own.
export { CARD_PAYMENT_TIMEOUT, cardPaymentNotified } from './card-payment.messages.ts';
export type { CardNotification } from './card-payment.messages.ts';
export { lateCardPayment } from './late-card-payment.ts';
