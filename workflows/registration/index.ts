// The registration capability's messages (ids, signals, queries) as the other capabilities use
// them: they reach this folder through this file only (lint); its workflows are listed in
// workflows/index.ts.
export { registrationCompleted, registrationState, registrationWorkflowId } from './registration.messages.ts';
export type { RegistrationInput, RegistrationReminder, RegistrationState } from './registration.messages.ts';
