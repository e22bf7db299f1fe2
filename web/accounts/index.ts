// The accounts capability's pages and helpers as the other capabilities use them: they reach this
// folder through this file only (lint), so what is not listed here stays the capability's own.
export { describeAccountStatus } from './account-state.ts';
export type { AccountStatusText } from './account-state.ts';
export { SESSION_COOKIE, clearSessionCookie, setSessionCookie } from './cookie.ts';
export { attemptMessage, verifyPasswordAttempt } from './password-attempt.ts';
export { createSessionCache } from './session-cache.ts';
