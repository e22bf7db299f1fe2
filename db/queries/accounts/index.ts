// The accounts capability's queries as the other capabilities use them: they reach this folder
// through this file only (lint), so what is not listed here stays the capability's own.
export { accountClosed } from './account-status.ts';
export { issueToken, revokePasswordLinks } from './one-time-tokens.ts';
export { LOGIN_LOCKOUT } from './rate-limits.ts';
export { SESSION_ABSOLUTE_MS, invalidateUserSessions, validateSessionToken } from './sessions.ts';
export type { Session } from './sessions.ts';
export { importUsers } from './user-import.ts';
export { communeName, communeOptions, communeSlugs, findUser, findUserByEmail, staffCommuneIds } from './users.ts';
