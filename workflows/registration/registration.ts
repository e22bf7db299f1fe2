// registration (registration-<campaignId>-<userId>): one family's yearly dossier for a campaign.
// It reminds the family at the opening, two weeks before the close and the day before, unless the
// family completed it (a signal, and the reminder's activity reads the database again in case the
// signal was lost); at the close, the commune's staff get the campaign's summary (once per
// campaign, whichever family's workflow gets there first: the mail's key says so).
import { condition, proxyActivities, setHandler, upsertSearchAttributes } from '@temporalio/workflow';
import type { Activities } from '../../activities/index.ts';
import { registrationCompleted, registrationState, type RegistrationInput, type RegistrationReminder, type RegistrationState } from './registration.messages.ts';
import { ProcessStateAttribute } from '../common/search-attributes.ts';
import { workflowNow } from '../common/clock.ts';
import { activityOptions } from '../common/activity-options.ts';

const acts = proxyActivities<Activities>(activityOptions.longProcess);

const REMINDERS: RegistrationReminder[] = ['opening', 'two-weeks', 'day-before'];

export async function registration(input: RegistrationInput): Promise<RegistrationState> {
  const state: RegistrationState = { complete: false, reminded: [] };
  const setStatus = (status: 'waiting' | 'complete' | 'incomplete') => upsertSearchAttributes([{ key: ProcessStateAttribute, value: status }]);
  const completed = () => {
    if (state.complete) return;
    state.complete = true;
    setStatus('complete');
  };
  setHandler(registrationState, () => state);
  // Sent twice (two tabs confirming the last child): the second changes nothing.
  setHandler(registrationCompleted, completed);
  const until = (iso: string) => Math.max(0, Date.parse(iso) - workflowNow());

  setStatus('waiting');
  for (const reminder of REMINDERS) {
    const wait = until(input.remindAt[reminder]);
    // Started after a reminder's day (a campaign opened late): only the opening's is sent at once.
    if (wait === 0 && reminder !== 'opening') continue;
    if (wait > 0 && (await condition(() => state.complete, wait))) break;
    if (state.complete) break;
    const sent = await acts.remindRegistration({ campaignId: input.campaignId, userId: input.userId, reminder });
    if (sent === 'complete') completed();
    else state.reminded.push(reminder);
  }
  const left = until(input.endsAt);
  if (left > 0) await condition(() => false, left);
  setStatus(state.complete ? 'complete' : 'incomplete');
  await acts.mailRegistrationSummary({ campaignId: input.campaignId });
  return state;
}
