// The régies capability's messages (ids, signals, queries, updates) as the other capabilities use
// them: they reach this folder through this file only (lint); its workflows are listed in
// workflows/index.ts.
export { CLOSING_REMINDER_SCHEDULE_ID } from './closing-reminder.messages.ts';
