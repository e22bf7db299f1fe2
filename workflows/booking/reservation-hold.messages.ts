// Messages of the reservationHold workflow, imported by web/ (the cart) and, later, the order.
import { defineQuery, defineSignal } from '@temporalio/workflow';

export type HoldStatus = 'held' | 'released' | 'expired' | 'confirmed';

export interface HoldState {
  status: HoldStatus;
  /** ISO instant; moves later on every cart activity and while an order waits for payment. */
  expiresAt: string;
}

export const extendHold = defineSignal<[{ expiresAt: string }]>('extendHold');
export const releaseHold = defineSignal('releaseHold');
export const confirmHold = defineSignal<[{ orderLineId: number | null }]>('confirmHold');
export const holdState = defineQuery<HoldState>('holdState');

export const holdWorkflowId = (holdId: number) => `hold-${holdId}`;
export const HOLD_SWEEP_SCHEDULE_ID = 'hold-sweep';
