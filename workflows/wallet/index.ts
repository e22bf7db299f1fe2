// The wallet capability's messages (ids, signals, queries, updates) as the other capabilities use
// them: they reach this folder through this file only (lint); its workflows are listed in
// workflows/index.ts.
export { topUpState, topUpWorkflowId } from './wallet-top-up.messages.ts';
export type { TopUpStatus } from './wallet-top-up.messages.ts';
