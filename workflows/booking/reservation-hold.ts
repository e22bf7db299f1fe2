// reservationHold (hold-<holdId>): owns the life of one held place. It expires the hold when its
// time comes (30 minutes after the last cart activity, moved by extend), releases it at once when
// removed from the cart, and turns it into a reservation when its order is paid.
import { condition, proxyActivities, setHandler } from '@temporalio/workflow';
import type { Activities } from '../../activities/index.ts';
import { confirmHold, extendHold, holdState, releaseHold, type HoldState } from './reservation-hold.messages.ts';
import { workflowNow } from '../common/clock.ts';
import { activityOptions } from '../common/activity-options.ts';

const acts = proxyActivities<Activities>(activityOptions.familyWaiting);

const RECHECK_MS = 60_000;

export async function reservationHold(input: { holdId: number; expiresAt: string }): Promise<HoldState> {
  const state: HoldState = { status: 'held', expiresAt: input.expiresAt };
  let release = false;
  let confirm: { orderLineId: number | null } | null = null;
  let version = 0;
  // When the database says "not yet" for an expiry our clock thinks is past (clocks differ a
  // little), look again a minute later rather than at once.
  let recheckAfter = 0;

  setHandler(holdState, () => state);
  setHandler(extendHold, ({ expiresAt }) => {
    if (state.status === 'held' && expiresAt > state.expiresAt) {
      state.expiresAt = expiresAt;
      version += 1;
    }
  });
  setHandler(releaseHold, () => {
    if (state.status === 'held') release = true;
  });
  setHandler(confirmHold, (request) => {
    if (state.status === 'held' && !confirm) confirm = request;
  });

  while (state.status === 'held') {
    const seen = version;
    const remaining = Math.max(Date.parse(state.expiresAt) - workflowNow(), recheckAfter);
    const woken = remaining > 0 && (await condition(() => confirm !== null || release || version !== seen, remaining));
    const toConfirm = confirm as { orderLineId: number | null } | null;
    if (toConfirm) {
      await acts.confirmHold({ holdId: input.holdId, orderLineId: toConfirm.orderLineId });
      state.status = 'confirmed';
    } else if (release) {
      await acts.releaseHold({ holdId: input.holdId });
      state.status = 'released';
    } else if (!woken) {
      // The database decides: the cart may have moved the expiry without a signal reaching us.
      const row = await acts.expireHoldIfDue({ holdId: input.holdId });
      recheckAfter = Date.parse(row.expiresAt) <= workflowNow() ? RECHECK_MS : 0;
      state.expiresAt = row.expiresAt;
      if (row.state !== 'held') state.status = row.state as HoldState['status'];
    }
  }
  return state;
}
