// The payments capability's queries as the other capabilities use them: they reach this folder
// through this file only (lint), so what is not listed here stays the capability's own.
export { pendingTopUps, cardPaymentOf, createTopUpPayment, familyPayment, orderNumberOfReference, paymentReference } from './payments.ts';
export { familyPayfipPayment, familyPayfipRegie, orderTakesPayfip, paymentByIdop, regieTakesPayfip } from './payfip.ts';
