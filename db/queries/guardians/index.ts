// Shared custody as the other capabilities use it: they reach this folder through this file only
// (lint), so what is not listed here stays the capability's own.
export { guardiansOf, guardianName, type ChildGuardian } from './guardians.ts';
export { othersWeekDays } from './custody-rules.ts';
export { custodyDayNotes, type CustodyDayNote } from './custody-days.ts';
