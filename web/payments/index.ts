// The payments capability's pages and helpers as the other capabilities use them: they reach this
// folder through this file only (lint), so what is not listed here stays the capability's own.
export { signedReturns } from './payment-outcome.ts';
export { payfipPageOrWait } from './payfip-wait.tsx';
