// When a parent of the crash tests does not end « confirmed », what their order was doing: its
// row, its card payment and its workflow (running or not, a workflow task stuck or retried, the
// last events of its history), so that a failure that comes and goes names its cause the first
// time it is seen.
import { Client, Connection } from '@temporalio/client';
import protos from '@temporalio/proto';
import type { Db } from '../../db/connection.ts';
import { orderWorkflowId } from '../../workflows/orders/order.messages.ts';

const { EventType, WorkflowExecutionStatus, PendingWorkflowTaskState } = protos.temporal.api.enums.v1;
const name = (values: Record<string, string | number>, value: number | null | undefined) => Object.keys(values).find((key) => values[key] === value) ?? String(value);

/** One paragraph per order of these families. */
export async function diagnoseOrders(db: Db, temporalAddress: string, emails: string[]): Promise<string> {
  if (emails.length === 0) return '';
  const orders = await db
    .selectFrom('orders')
    .innerJoin('users', 'users.id', 'orders.user_id')
    .leftJoin('payments', 'payments.id', 'orders.card_payment_id')
    .select(['users.email', 'orders.number', 'orders.state', 'orders.wallet_cents', 'orders.card_cents', 'payments.state as cardState'])
    .where('users.email', 'in', emails)
    .execute();
  const connection = await Connection.connect({ address: temporalAddress });
  const client = new Client({ connection });
  try {
    const lines: string[] = [];
    for (const order of orders) {
      const handle = client.workflow.getHandle(orderWorkflowId(order.number));
      const described = await handle.describe().catch((error: unknown) => error as Error);
      const workflow = described instanceof Error
        ? `workflow: ${described.message}`
        : `workflow ${name(WorkflowExecutionStatus, described.raw.workflowExecutionInfo?.status)}, ${described.historyLength} events` +
          (described.raw.pendingWorkflowTask ? `, workflow task ${name(PendingWorkflowTaskState, described.raw.pendingWorkflowTask.state)} (attempt ${described.raw.pendingWorkflowTask.attempt})` : '');
      const history = await handle.fetchHistory().catch(() => null);
      const last = (history?.events ?? []).slice(-8).map((event) => name(EventType, event.eventType).replace('EVENT_TYPE_', '')).join(' → ');
      lines.push(`${order.email} ${order.number}: ${order.state} (wallet ${order.wallet_cents}, card ${order.card_cents} ${order.cardState ?? '-'}); ${workflow}; last events: ${last}`);
    }
    return lines.join('\n');
  } finally {
    await connection.close();
  }
}
