// Billable Temporal actions per confirmed order, estimated from the histories of a sample of
// orders (the basket workflow that held the cart and ran the order; before baskets, the order
// workflow and the hold workflows of its places), as Temporal Cloud counts
// them (docs.temporal.io/cloud/actions): a workflow started, a timer started, an activity
// scheduled, the local activities of one workflow task (one action together), a search
// attribute upsert (not one that only sets TemporalChangeVersion), a signal received or sent, an
// Update accepted. Queries and rejected Updates leave no event: not counted here.
import { Client, Connection } from '@temporalio/client';
import protos from '@temporalio/proto';
import type { Db } from '../../db/connection.ts';
import { orderWorkflowId } from '../../workflows/orders/order.messages.ts';
import { holdWorkflowId } from '../../workflows/booking/reservation-hold.messages.ts';

const E = protos.temporal.api.enums.v1.EventType;
type HistoryEvent = protos.temporal.api.history.v1.IHistoryEvent;

const single = new Map<number, string>([
  [E.EVENT_TYPE_WORKFLOW_EXECUTION_STARTED, 'workflow started'],
  [E.EVENT_TYPE_TIMER_STARTED, 'timer'],
  [E.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED, 'activity'],
  [E.EVENT_TYPE_WORKFLOW_EXECUTION_SIGNALED, 'signal'],
  [E.EVENT_TYPE_SIGNAL_EXTERNAL_WORKFLOW_EXECUTION_INITIATED, 'signal'],
  [E.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_ACCEPTED, 'update'],
  [E.EVENT_TYPE_START_CHILD_WORKFLOW_EXECUTION_INITIATED, 'workflow started'],
]);

/** The billable actions in one history, by kind. */
export function billableActions(events: HistoryEvent[]): Record<string, number> {
  const counts: Record<string, number> = {};
  const add = (kind: string) => (counts[kind] = (counts[kind] ?? 0) + 1);
  let localInThisTask = false;
  for (const event of events) {
    const type = event.eventType ?? 0;
    if (type === E.EVENT_TYPE_WORKFLOW_TASK_COMPLETED) localInThisTask = false;
    const kind = single.get(type);
    if (kind) add(kind);
    if (type === E.EVENT_TYPE_MARKER_RECORDED && event.markerRecordedEventAttributes?.markerName === 'core_local_activity' && !localInThisTask) {
      localInThisTask = true;
      add('local activities of a task');
    }
    if (type === E.EVENT_TYPE_UPSERT_WORKFLOW_SEARCH_ATTRIBUTES) {
      const fields = Object.keys(event.upsertWorkflowSearchAttributesEventAttributes?.searchAttributes?.indexedFields ?? {});
      if (fields.some((name) => name !== 'TemporalChangeVersion')) add('search attributes');
    }
  }
  return counts;
}

/** Mean billable actions per paid order over a sample, in total and by kind. */
export async function actionsPerOrder(db: Db, address: string, sample = 50): Promise<{ orders: number; total: number; byKind: Record<string, number> }> {
  const orders = await db.selectFrom('orders').select(['id', 'number', 'workflow_type']).where('state', '=', 'paid').orderBy('id', 'desc').limit(sample).execute();
  const connection = await Connection.connect({ address });
  const client = new Client({ connection });
  const sums: Record<string, number> = {};
  try {
    for (const order of orders) {
      const holds = order.workflow_type === 'basket' ? [] : await db.selectFrom('order_lines').select('hold_id').where('order_id', '=', order.id).execute();
      for (const workflowId of [orderWorkflowId(order.number), ...holds.map((line) => holdWorkflowId(line.hold_id))]) {
        const history = await client.workflow.getHandle(workflowId).fetchHistory();
        for (const [kind, n] of Object.entries(billableActions(history.events ?? []))) sums[kind] = (sums[kind] ?? 0) + n;
      }
    }
  } finally {
    await connection.close();
  }
  const per = (n: number) => Math.round((n / Math.max(orders.length, 1)) * 10) / 10;
  return { orders: orders.length, total: per(Object.values(sums).reduce((a, b) => a + b, 0)), byKind: Object.fromEntries(Object.entries(sums).map(([kind, n]) => [kind, per(n)])) };
}
