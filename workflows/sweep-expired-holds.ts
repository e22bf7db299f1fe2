// sweepExpiredHolds: run every few minutes by the hold-sweep schedule, closes the holds whose
// own workflow was lost or late. Capacity never waits for it (expired holds never count).
import { proxyActivities } from '@temporalio/workflow';
import type { Activities } from '../activities/index.ts';

const { sweepExpiredHolds: sweep } = proxyActivities<Activities>({ startToCloseTimeout: '1 minute', retry: { maximumAttempts: 3 } });

export async function sweepExpiredHolds(): Promise<number> {
  return sweep();
}
