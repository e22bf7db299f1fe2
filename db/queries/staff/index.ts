// The staff capability's queries as the other capabilities use them: they reach this folder through
// this file only (lint), so what is not listed here stays the capability's own.
export { recordAudit } from './audit.ts';
export { UnknownCommuneError, createStaffAccount, recordInvitationAccepted } from './staff.ts';
