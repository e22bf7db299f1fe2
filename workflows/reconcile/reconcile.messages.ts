// The reconciler schedule's id, known to the worker that creates it.
export const RECONCILE_SCHEDULE_ID = 'reconcile-processes';
