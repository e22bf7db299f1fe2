// Mails sent on behalf of a request go through the deliverMail workflow: the page answers at
// once and Temporal retries the SMTP server until the mail is out.
import { WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import type { ComposedMail } from '../lib/mail/compose.ts';
import { deliverMailWorkflowId } from '../workflows/deliver-mail.messages.ts';
import type { deliverMail } from '../workflows/deliver-mail.ts';

export async function sendMailLater(
  temporal: Client,
  taskQueue: string,
  input: { idempotencyKey: string; to: string; mail: ComposedMail },
): Promise<void> {
  try {
    await temporal.workflow.start<typeof deliverMail>('deliverMail', {
      taskQueue,
      workflowId: deliverMailWorkflowId(input.idempotencyKey),
      args: [{ idempotencyKey: input.idempotencyKey, to: input.to, ...input.mail }],
    });
  } catch (error) {
    if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
  }
}
