// The absences capability's messages (ids, signals, queries, updates) as the other capabilities use
// them: they reach this folder through this file only (lint); its workflows are listed in
// workflows/index.ts.
export { absenceDecided, absenceState, absenceWorkflowId, certificateSent } from './absence.messages.ts';
export type { AbsenceInput, AbsenceVerdict } from './absence.messages.ts';
