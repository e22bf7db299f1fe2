// The reconcile capability's workflows and messages as the other capabilities use them: they reach this folder through
// this file only (lint), so what is not listed here stays the capability's own.
export { RECONCILE_SCHEDULE_ID } from './reconcile.messages.ts';
export { reconcileProcesses } from './reconcile.ts';
