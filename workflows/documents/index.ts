// The documents capability's workflows and messages as the other capabilities use them: they reach this folder through
// this file only (lint), so what is not listed here stays the capability's own.
export { documentAccepted, documentExpiryWorkflowId } from './document-expiry.messages.ts';
export type { AcceptedDocument } from './document-expiry.messages.ts';
export { documentExpiry } from './document-expiry.ts';
