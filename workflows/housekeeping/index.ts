// The housekeeping capability's workflows and messages as the other capabilities use them: they reach this folder through
// this file only (lint), so what is not listed here stays the capability's own.
export { HOUSEKEEPING_SCHEDULE_ID } from './housekeeping.messages.ts';
export { housekeeping } from './housekeeping.ts';
