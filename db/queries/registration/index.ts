// The registration capability's queries as the other capabilities use them: they reach this folder
// through this file only (lint), so what is not listed here stays the capability's own.
export { pendingRegistration, registrationTerms } from './booking-terms.ts';
export type { DayTerms, PendingRegistration, RegistrationTerms } from './booking-terms.ts';
export { campaignSchoolYears } from './campaign-years.ts';
