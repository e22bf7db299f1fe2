// The personal-data capability's workflows and messages as the other capabilities use them: they reach this folder through
// this file only (lint), so what is not listed here stays the capability's own.
export { erasureWorkflowId, walletReturned } from './erasure.messages.ts';
export { erasure } from './erasure.ts';
