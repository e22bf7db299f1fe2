// reconcileProcesses: run every 10 minutes by the reconciler schedule, starts the workflow of each
// row whose process should be running and never started (a closure, a waiting list, an absence, an
// online request), by its id; the counts are its result (activities/reconcile/).
import { proxyActivities } from '@temporalio/workflow';
import type { Activities } from '../../activities/index.ts';
import type { Reconciled } from '../../activities/reconcile/reconcile.ts';
import { activityOptions } from '../common/activity-options.ts';

const { reconcileProcesses: reconcile } = proxyActivities<Activities>(activityOptions.chore);

export async function reconcileProcesses(): Promise<Reconciled> {
  return reconcile();
}
