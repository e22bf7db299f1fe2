// The documents capability's queries as the other capabilities use them: they reach this folder
// through this file only (lint), so what is not listed here stays the capability's own.
export { documentOwner, documentsToReview, reviewDocument, validDocumentTypes } from './document-review.ts';
export type { DocumentDecision } from './document-review.ts';
export { staffDocument } from './staff-documents.ts';
