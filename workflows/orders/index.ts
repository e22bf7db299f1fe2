// The orders capability's messages (ids, signals, queries, updates) as the other capabilities use
// them: they reach this folder through this file only (lint); its workflows are listed in
// workflows/index.ts.
export { basketWorkflowId, placeOrder } from './basket.messages.ts';
export type { BasketInput } from './basket.messages.ts';
export { orderState, orderWorkflowId } from './order.messages.ts';
export type { OrderInput, OrderState } from './order.messages.ts';
export { cardRefundWorkflowId } from './card-refund.messages.ts';
export type { CardRefundInput } from './card-refund.messages.ts';
