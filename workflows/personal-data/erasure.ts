// erasure (erasure-<userId>): a family's RGPD erasure, started when the parent asks for it from
// « RGPD - Données personnelles ». It closes the account at once, waits for checkouts in
// progress to settle, closes the family's cases (their approval workflows cancelled), cancels and
// refunds its future reservations, has staff return the wallet's balance by transfer (reminded
// weekly), then erases personal data; the parent is mailed at each step, last before the address
// itself goes. Every step is idempotent: a worker lost halfway resumes without doing one twice.
import { condition, getExternalWorkflowHandle, proxyActivities, setHandler, sleep } from '@temporalio/workflow';
import type { Activities } from '../../activities/index.ts';
import { absenceWorkflowId } from '../absences/index.ts';
import { accountValidationWorkflowId, onlineRequestWorkflowId, subscriptionWorkflowId } from '../approvals/index.ts';
import { walletReturned } from './erasure.messages.ts';
import { activityOptions } from '../common/activity-options.ts';

const acts = proxyActivities<Activities>(activityOptions.batch);

export const ERASURE_BATCH = 25;
/** How often staff are reminded of a balance to return. */
export const STAFF_REMINDER_EVERY = '7 days';
/** How often a checkout in progress is looked at again (an order ends within about an hour). */
const CHECKOUT_POLL = '5 minutes';

export interface ErasureResult {
  reservations: number;
  refundedCents: number;
  walletReturnedCents: number;
}

export async function erasure(input: { userId: number; requestId: number }): Promise<ErasureResult> {
  const { requestId, userId } = input;
  let told = false;
  setHandler(walletReturned, () => {
    told = true;
  });

  // Read before the account is closed (a pending account's validation is one of them).
  const cases = await acts.erasedFamilyOpenCases({ userId });
  await acts.closeErasedAccount({ requestId });
  await acts.mailErasureStep({ requestId, step: 'received' });
  while ((await acts.erasureCheckoutsInProgress({ userId })) > 0) await sleep(CHECKOUT_POLL);

  const approvals = [
    ...(cases.accountPending ? [accountValidationWorkflowId(userId)] : []),
    ...cases.subscriptions.map(subscriptionWorkflowId),
    ...cases.requests.map(onlineRequestWorkflowId),
    // Absent from the cases of erasures started before absences existed.
    ...(cases.absences ?? []).map(absenceWorkflowId),
  ];
  for (const workflowId of approvals) {
    try {
      await getExternalWorkflowHandle(workflowId).cancel();
    } catch {
      // Decided meanwhile: nothing waits any more.
    }
  }
  await acts.closeErasedFamilyCases({ userId });

  let reservations = 0;
  let refundedCents = 0;
  for (;;) {
    const batch = await acts.cancelErasedReservations({ requestId, limit: ERASURE_BATCH });
    reservations += batch.count;
    refundedCents += batch.cents;
    if (batch.count < ERASURE_BATCH) break;
  }
  if (reservations > 0) await acts.mailErasureStep({ requestId, step: 'reservations-cancelled', count: reservations, cents: refundedCents });

  // Money may still arrive (a card payment settling late): the balance is asked again until none.
  let walletReturnedCents = 0;
  for (let owed = await acts.erasureWalletToReturn({ requestId }); owed > 0; owed = await acts.erasureWalletToReturn({ requestId })) {
    await acts.mailErasureStep({ requestId, step: 'wallet-to-return', cents: owed });
    told = false;
    for (let reminder = 0; await acts.remindStaffOfWalletReturn({ requestId, reminder }); reminder += 1) {
      if (await condition(() => told, STAFF_REMINDER_EVERY)) break;
    }
    await acts.mailErasureStep({ requestId, step: 'wallet-returned' });
    walletReturnedCents += owed;
  }

  await acts.mailErasureStep({ requestId, step: 'done' });
  await acts.deleteErasedFiles({ userId });
  await acts.eraseFamilyData({ requestId });
  return { reservations, refundedCents, walletReturnedCents };
}
