// The orders capability's workflows and messages as the other capabilities use them: they reach this folder through
// this file only (lint), so what is not listed here stays the capability's own.
export { basketWorkflowId, placeOrder } from './basket.messages.ts';
export type { BasketInput } from './basket.messages.ts';
export { basket } from './basket.ts';
export { order } from './legacy/order.ts';
export { orderState, orderWorkflowId } from './order.messages.ts';
export type { OrderInput, OrderState } from './order.messages.ts';
