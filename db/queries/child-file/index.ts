// The child-file capability's queries as the other capabilities use them (the attendance list of
// tickets, the erasure, the registration): they reach this folder through this file only (lint).
export { authorisationsFor } from './authorisations.ts';
export { listContacts } from './contacts.ts';
export { eraseChildFiles } from './erasure.ts';
export { currentHealthRecord } from './health.ts';
export { atTheDoor, collectorsOf, departuresOf, GUARDIAN_RELATIONSHIP, type AtTheDoor, type Collector, type Departure } from './staff-door.ts';
export { recordDeparture, type Collected, type DepartureOutcome } from './staff-departures.ts';
