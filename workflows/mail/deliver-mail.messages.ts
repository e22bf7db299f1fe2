// How web handlers name a deliverMail run: the mail's idempotency key makes the workflow ID, so
// a double submit starts it once.
export const deliverMailWorkflowId = (idempotencyKey: string) => `mail-${idempotencyKey}`;
