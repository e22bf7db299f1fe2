// The booking capability's workflows and messages as the other capabilities use them: they reach this folder through
// this file only (lint), so what is not listed here stays the capability's own.
export { HOLD_SWEEP_SCHEDULE_ID, confirmHold, extendHold, holdWorkflowId, releaseHold } from './reservation-hold.messages.ts';
export { reservationHold } from './reservation-hold.ts';
export { sweepExpiredHolds } from './sweep-expired-holds.ts';
