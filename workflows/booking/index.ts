// The booking capability's messages (ids, signals, queries, updates) as the other capabilities use
// them: they reach this folder through this file only (lint); its workflows are listed in
// workflows/index.ts.
export { HOLD_SWEEP_SCHEDULE_ID, confirmHold, extendHold, holdWorkflowId, releaseHold } from './reservation-hold.messages.ts';
