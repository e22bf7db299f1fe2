// The documents capability's pages and helpers as the other capabilities use them: they reach this
// folder through this file only (lint), so what is not listed here stays the capability's own.
export { decideDocument, documentFieldName, readDocumentDecisions } from './decision.ts';
export { sendDocument } from './send-document.ts';
export { displayName, isFile, readUpload, storeUpload } from './uploads.ts';
export { DocumentTable, DocumentsPage, documentKinds, documentStatus, kindLabel } from './views/documents.tsx';
export type { DocumentRow } from './views/documents.tsx';
export { REQUIRABLE, RequiredDocumentsFieldset } from './views/required.tsx';
export { DocumentQueuePage, DocumentReviewTable } from './views/review.tsx';
export type { ReviewForm } from './views/review.tsx';
