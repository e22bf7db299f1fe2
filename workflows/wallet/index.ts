// The wallet capability's workflows and messages as the other capabilities use them: they reach this folder through
// this file only (lint), so what is not listed here stays the capability's own.
export { topUpState, topUpWorkflowId } from './wallet-top-up.messages.ts';
export type { TopUpStatus } from './wallet-top-up.messages.ts';
export { walletTopUp } from './wallet-top-up.ts';
