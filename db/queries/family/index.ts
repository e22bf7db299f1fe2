// The family capability's queries as the other capabilities use them: they reach this folder
// through this file only (lint), so what is not listed here stays the capability's own.
export { DOCUMENT_QUOTA, addDocument, familyDocuments, storedDocument } from './families.ts';
export { addAddress, dependantsOf, findDependant, listAddresses, listDependants } from './family.ts';
