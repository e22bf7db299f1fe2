// housekeeping: run every hour by the housekeeping schedule, deletes the sessions, single-use
// links and rate-limit rows the product no longer needs; the counts are its result.
import { proxyActivities } from '@temporalio/workflow';
import type { Activities } from '../../activities/index.ts';
import { activityOptions } from '../common/activity-options.ts';

const { purgeExpired } = proxyActivities<Activities>(activityOptions.chore);

export async function housekeeping(): Promise<{ sessions: number; links: number; rateLimits: number }> {
  return purgeExpired();
}
