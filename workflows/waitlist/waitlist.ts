// waitlist (waitlist-<product>-<day>): the waiting list of a full day. Each round closes the offers
// that ended (booked, or expired: the place goes back) and offers every free place to the next
// family in line, as a hold in its cart until the offer's deadline, several at once when several
// places are free; each family offered is mailed, and each still waiting when the line ends (the
// day closed or past its booking deadline). Between rounds it waits for a place freed, the
// earliest offer's deadline, or its regular look; it ends when nobody waits any more.
import { condition, continueAsNew, patched, proxyActivities, setHandler } from '@temporalio/workflow';
import type { Activities } from '../../activities/index.ts';
import { placeFreed, type WaitlistInput } from './waitlist.messages.ts';
import { workflowNow } from '../common/clock.ts';
import { activityOptions } from '../common/activity-options.ts';

const acts = proxyActivities<Activities>(activityOptions.longProcess);

/** A place freed without a signal (a cart that expired) is found within this time. */
const LOOK_AGAIN_MS = 15 * 60_000;
/** Rounds before the history starts afresh (a line may wait for weeks). */
const ROUNDS_PER_RUN = 500;

export async function waitlist(input: WaitlistInput): Promise<{ offered: number }> {
  let freed = false;
  setHandler(placeFreed, () => {
    freed = true;
  });
  let offered = 0;
  for (let round = 0; round < ROUNDS_PER_RUN; round += 1) {
    freed = false;
    const result = await acts.waitlistRound(input);
    for (const entryId of result.offered) await acts.mailWaitlistOffer({ entryId });
    offered += result.offered.length;
    // The families still waiting when the line ended are told (lines that ended before this replay without it).
    if (result.ended?.length && patched('waitlist-ended-mail')) for (const entryId of result.ended) await acts.mailWaitlistEnded({ entryId });
    if (result.open === 0) return { offered };
    const untilDeadline = result.nextDeadline ? Math.max(0, Date.parse(result.nextDeadline) - workflowNow()) : LOOK_AGAIN_MS;
    await condition(() => freed, Math.min(untilDeadline, LOOK_AGAIN_MS));
  }
  return continueAsNew<typeof waitlist>(input);
}
