// The reconcile capability's activities and mails as the other capabilities use them: they reach
// this folder through this file only (lint), so what is not listed here stays the capability's own.
export { createReconcileActivities } from './reconcile.ts';
export type { ProcessStarter } from './reconcile.ts';
