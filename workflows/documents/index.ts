// The documents capability's messages (ids, signals, queries, updates) as the other capabilities
// use them: they reach this folder through this file only (lint); its workflows are listed in
// workflows/index.ts.
export { documentAccepted, documentExpiryWorkflowId } from './document-expiry.messages.ts';
export type { AcceptedDocument } from './document-expiry.messages.ts';
