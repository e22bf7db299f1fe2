// The registration capability's activities as the other capabilities use them: they reach this
// folder through this file only (lint), so what is not listed here stays the capability's own.
export { createRegistrationActivities } from './registration.ts';
