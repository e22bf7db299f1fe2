// The erasure workflow's messages: staff recorded the transfer of the wallet's balance.
import { defineSignal } from '@temporalio/workflow';

export const erasureWorkflowId = (userId: number) => `erasure-${userId}`;

/** Sent once the transfer is recorded in the database (db/queries/personal-data/erasure.ts): it carries nothing. */
export const walletReturned = defineSignal('walletReturned');
