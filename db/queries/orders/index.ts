// The orders capability's queries as the other capabilities use them: they reach this folder
// through this file only (lint), so what is not listed here stays the capability's own.
export { expireDueBasketHolds, familyBasket, nextOrderNumber } from './baskets.ts';
export { cancelAndRefund, refundDue, refundKeptReservation } from './refunds.ts';
