// closure (closure-<id>): an exceptional closure of a product's days, started by staff from
// /agent/fermetures. It closes the days to bookings, then cancels and refunds their reservations
// in batches (each refund keyed by closure and reservation: a worker lost halfway resumes without
// refunding twice), then mails each family once. Its progress is counted on the closure's row.
import { proxyActivities } from '@temporalio/workflow';
import type { Activities } from '../../activities/index.ts';
import { activityOptions } from '../common/activity-options.ts';

const acts = proxyActivities<Activities>(activityOptions.batch);

/** Reservations cancelled per activity: short transactions, few history events. */
export const CLOSURE_BATCH = 25;

export async function closure(input: { closureId: number }): Promise<{ reservations: number; families: number }> {
  await acts.closeDays({ closureId: input.closureId });
  let reservations = 0;
  for (;;) {
    const cancelled = await acts.cancelClosedReservations({ closureId: input.closureId, limit: CLOSURE_BATCH });
    reservations += cancelled;
    if (cancelled < CLOSURE_BATCH) break;
  }
  const families = await acts.mailClosureFamilies({ closureId: input.closureId });
  return { reservations, families };
}
