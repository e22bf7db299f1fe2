// What the Temporal histories of the rush say: the baskets' workflow tasks that timed out or
// failed, and how long a new basket waited for its first workflow task to complete.
import { Client, Connection } from '@temporalio/client';
import protos from '@temporalio/proto';
import type { Db } from '../../db/connection.ts';
import { orderWorkflowId } from '../../workflows/orders/order.messages.ts';

const EventType = protos.temporal.api.enums.v1.EventType;
const millis = (time: { seconds?: unknown; nanos?: number | null } | null | undefined) => Number(time?.seconds ?? 0) * 1000 + (time?.nanos ?? 0) / 1e6;

export async function orderHistories(db: Db, address: string, sample = 100) {
  const connection = await Connection.connect({ address });
  const client = new Client({ connection });
  try {
    const orders = await db.selectFrom('orders').select('number').orderBy('id').limit(sample).execute();
    let timedOut = 0;
    let failed = 0;
    const firstTaskMs: number[] = [];
    for (const { number } of orders) {
      const history = await client.workflow.getHandle(orderWorkflowId(number)).fetchHistory();
      const events = history.events ?? [];
      const started = millis(events[0]?.eventTime);
      const firstDone = events.find((e) => e.eventType === EventType.EVENT_TYPE_WORKFLOW_TASK_COMPLETED);
      if (firstDone) firstTaskMs.push(millis(firstDone.eventTime) - started);
      timedOut += events.filter((e) => e.eventType === EventType.EVENT_TYPE_WORKFLOW_TASK_TIMED_OUT).length;
      failed += events.filter((e) => e.eventType === EventType.EVENT_TYPE_WORKFLOW_TASK_FAILED).length;
    }
    const percentiles = (values: number[]) => {
      const sorted = [...values].sort((a, b) => a - b);
      const at = (q: number) => Math.round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0);
      return { p50: at(0.5), p95: at(0.95), p99: at(0.99) };
    };
    return { orders: orders.length, workflowTasksTimedOut: timedOut, workflowTasksFailed: failed, firstTaskMs: percentiles(firstTaskMs) };
  } finally {
    await connection.close();
  }
}
