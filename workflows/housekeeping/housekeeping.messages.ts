// The housekeeping schedule's id, known to the worker that creates it.
export const HOUSEKEEPING_SCHEDULE_ID = 'housekeeping';
