// The child-file capability's queries as the other capabilities use them (the attendance list
// of tickets): they reach this folder through this file only (lint).
export { atTheDoor, collectorsOf, departuresOf, GUARDIAN_RELATIONSHIP, type AtTheDoor, type Collector, type Departure } from './staff-door.ts';
export { recordDeparture, type Collected, type DepartureOutcome } from './staff-departures.ts';
