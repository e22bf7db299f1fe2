// The orders capability's activities and mails as the other capabilities use them: they reach this
// folder through this file only (lint), so what is not listed here stays the capability's own.
export { createCardRefundActivities } from './card-refund.ts';
export { createInterruptedOrderActivities } from './interrupted.ts';
export { createOrderActivities } from './order.ts';
