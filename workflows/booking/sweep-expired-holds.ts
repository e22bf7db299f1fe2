// sweepExpiredHolds: run every few minutes by the hold-sweep schedule, closes the holds whose
// own workflow was lost or late, then the orders left open without a workflow. Capacity never
// waits for it (expired holds never count).
import { patched, proxyActivities } from '@temporalio/workflow';
import type { Activities } from '../../activities/index.ts';
import { activityOptions } from '../common/activity-options.ts';

const { sweepExpiredHolds: sweep, abandonInterruptedOrders } = proxyActivities<Activities>(activityOptions.sweep);

/** Closes the expired holds (their count is the result), then the orders they left open. */
export async function sweepExpiredHolds(): Promise<number> {
  const closed = await sweep();
  // A sweep started before this step was added replays without it.
  if (patched('sweep-interrupted-orders')) await abandonInterruptedOrders();
  return closed;
}
