// The closing reminder's schedule id, known to the worker that creates it.
export const CLOSING_REMINDER_SCHEDULE_ID = 'regie-closing-reminder';
