// The catalogue capability's queries as the other capabilities use them: they reach this folder
// through this file only (lint), so what is not listed here stays the capability's own.
export { communeConcerned } from './catalogue.ts';
