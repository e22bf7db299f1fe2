// What differs between orders started by the first version of the order workflow and the
// current one. The lifecycle (order.ts) is shared and reads the same for both; only these
// choices change. The first version's histories are replayed by order-replay.test.ts.
import { getExternalWorkflowHandle, patched, proxyActivities, proxyLocalActivities, upsertSearchAttributes } from '@temporalio/workflow';
import type { Activities } from '../../activities/index.ts';
import type { OrderInput, OrderStatus } from './order.messages.ts';
import { confirmHold, extendHold, holdWorkflowId } from '../booking/index.ts';
import { OrderNumberAttribute, ProcessStateAttribute, TotalCentsAttribute } from '../common/search-attributes.ts';
import { quickRetry } from '../common/activity-options.ts';

/**
 * Orders started before these changes replay as they ran: regular activities, a signal to each
 * hold when its expiry moves and when the order is paid, "Payer" answering at once, a search
 * attribute update at every status.
 */
export const LOCAL_STEPS_PATCH = 'order-local-steps';

// Quick, as a family waits; money short or a place lost is an answer, not a failure to retry.
export const retry = { ...quickRetry, nonRetryableErrorTypes: ['InsufficientFunds', 'HoldLost'] };
// The order's steps are short, idempotent database transactions: they run as local activities,
// inside the workflow task, without the round trips through the Temporal server that a regular
// activity costs (on opening day those round trips were most of a parent's wait). A worker lost
// mid-step replays the task and runs the step again, which its idempotency keys make harmless.
export const localSteps = proxyLocalActivities<Activities>({ startToCloseTimeout: '15 seconds', retry });
// Mail goes through SMTP, slow or down at times: a regular activity, retried on its own.
export const regular = proxyActivities<Activities>({ startToCloseTimeout: '30 seconds', retry });

// Each upsert is a write to the visibility store: operators search by the states that last
// (awaiting the card, paid, abandoned), and "Commander" sets the first ones at start.
const lastingStatuses: OrderStatus[] = ['awaiting-card', 'paid', 'abandoned'];

export interface OrderVersion {
  /** How the order's database steps run. */
  steps: typeof localSteps;
  /** "Payer" answers once the payment's outcome is known, so the page needs no polling. */
  payAnswersWithOutcome: boolean;
  started(input: OrderInput, status: OrderStatus): void;
  statusChanged(status: OrderStatus): void;
  placesKept(holdIds: number[], until: string): Promise<void>;
  placesConfirmed(holdIds: number[]): Promise<void>;
}

const current: OrderVersion = {
  steps: localSteps,
  payAnswersWithOutcome: true,
  started: () => undefined,
  statusChanged: (status) => {
    if (lastingStatuses.includes(status)) upsertSearchAttributes([{ key: ProcessStateAttribute, value: status }]);
  },
  // The holds' rows are the truth: a hold's workflow reads the new expiry, or its reservation,
  // in the database when its timer fires; a signal per place would only cost more.
  placesKept: async () => undefined,
  placesConfirmed: async () => undefined,
};

const tellHolds = (holdIds: number[], send: (holdId: number) => Promise<void>) => Promise.all(holdIds.map((holdId) => send(holdId).catch(() => undefined))).then(() => undefined);

const first: OrderVersion = {
  steps: regular,
  payAnswersWithOutcome: false,
  started: (input, status) =>
    upsertSearchAttributes([
      { key: OrderNumberAttribute, value: input.number },
      { key: TotalCentsAttribute, value: input.totalCents },
      { key: ProcessStateAttribute, value: status },
    ]),
  statusChanged: (status) => upsertSearchAttributes([{ key: ProcessStateAttribute, value: status }]),
  placesKept: (holdIds, until) => tellHolds(holdIds, (holdId) => getExternalWorkflowHandle(holdWorkflowId(holdId)).signal(extendHold, { expiresAt: until })),
  placesConfirmed: (holdIds) => tellHolds(holdIds, (holdId) => getExternalWorkflowHandle(holdWorkflowId(holdId)).signal(confirmHold, { orderLineId: null })),
};

/** Called once, first thing in the workflow, where the first version had no marker. */
export const orderVersion = (): OrderVersion => (patched(LOCAL_STEPS_PATCH) ? current : first);
