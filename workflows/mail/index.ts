// The mail capability's workflows and messages as the other capabilities use them: they reach this folder through
// this file only (lint), so what is not listed here stays the capability's own.
export { deliverMailWorkflowId } from './deliver-mail.messages.ts';
export { deliverMail } from './deliver-mail.ts';
