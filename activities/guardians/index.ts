// The guardians capability's mails as the other capabilities use them: they reach this folder
// through this file only (lint), so what is not listed here stays the capability's own.
export { guardianMails, invitationLink } from './mails.ts';
