// The child-file capability's queries as the other capabilities use them: they reach this folder
// through this file only (lint), so what is not listed here stays the capability's own.
export { authorisationsFor } from './authorisations.ts';
export { listContacts } from './contacts.ts';
export { eraseChildFiles } from './erasure.ts';
export { currentHealthRecord } from './health.ts';
