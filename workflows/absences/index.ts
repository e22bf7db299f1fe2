// The absences capability's workflows and messages as the other capabilities use them: they reach this folder through
// this file only (lint), so what is not listed here stays the capability's own.
export { absenceDecided, absenceState, absenceWorkflowId, certificateSent } from './absence.messages.ts';
export type { AbsenceInput, AbsenceVerdict } from './absence.messages.ts';
export { absence } from './absence.ts';
