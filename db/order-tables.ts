// The orders and their lines. Part of the `Database` interface of database.ts (the schema test
// reads both).
import type { ColumnType, Generated } from 'kysely';
import type { CreatedAt, Timestamp } from './column-types.ts';

export type OrderWorkflowType = 'order' | 'basket';

export type OrderState = 'open' | 'awaiting-payment' | 'paid' | 'abandoned';

export interface OrdersTable {
  id: Generated<number>;
  number: string;
  user_id: number;
  state: ColumnType<OrderState, OrderState | undefined, OrderState>;
  total_cents: number;
  discount_cents: ColumnType<number, number | undefined, number>;
  wallet_cents: ColumnType<number, number | undefined, number>;
  card_cents: ColumnType<number, number | undefined, number>;
  card_payment_id: number | null;
  billing_address: string | null;
  terms_accepted_at: Timestamp | null;
  abandon_reason: string | null;
  created_at: CreatedAt;
  paid_at: Timestamp | null;
  abandoned_at: Timestamp | null;
  /** The workflow running the order: `order` (before baskets) or `basket`. */
  workflow_type: ColumnType<OrderWorkflowType, OrderWorkflowType | undefined, OrderWorkflowType>;
}

export interface OrderLinesTable {
  id: Generated<number>;
  order_id: number;
  hold_id: number;
  price_cents: number;
}
