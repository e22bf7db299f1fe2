// closingReminder: started each evening by its schedule, mails each régie's régisseur and
// deputies about the days before today that have entries and are not closed yet.
import { proxyActivities } from '@temporalio/workflow';
import type { Activities } from '../../activities/index.ts';
import { activityOptions } from '../common/activity-options.ts';

const { remindOpenDays } = proxyActivities<Activities>(activityOptions.chore);

export async function closingReminder(): Promise<{ regies: number; mails: number }> {
  return remindOpenDays();
}
