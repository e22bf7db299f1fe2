// The waiting-list workflow's message: a place of the day may have freed (a cancellation, a
// closure undone, places added). Places freed without it (a cart expiring) are found by the
// workflow's own regular look.
import { defineSignal } from '@temporalio/workflow';

export { waitlistWorkflowId } from '../../domain/waitlist.ts';

export interface WaitlistInput {
  productId: number;
  day: string;
}

export const placeFreed = defineSignal('placeFreed');
