// Mail sent on behalf of a page: the page answers at once, Temporal retries the SMTP server. The
// mail is stored first; the workflow carries only its id (no address, text or link).
import type { deliverMail } from '../../workflows/mail/deliver-mail.ts';
import { deliverMailWorkflowId } from '../../workflows/mail/deliver-mail.messages.ts';
import { storeMail } from '../../db/queries/mail/outbox.ts';
import type { ComposedMail } from '../../lib/mail/compose.ts';
import { once, type WorkflowDoor } from '../http/workflow-door.ts';

export function mailWorkflows({ temporal, taskQueue, db }: WorkflowDoor) {
  return {
    sendMailLater: async (input: { idempotencyKey: string; to: string; mail: ComposedMail }) => {
      const outboxId = await storeMail(db, { idempotencyKey: input.idempotencyKey, to: input.to, ...input.mail });
      await once(temporal.workflow.start<typeof deliverMail>('deliverMail', { taskQueue, workflowId: deliverMailWorkflowId(input.idempotencyKey), args: [{ outboxId }] }));
    },
  };
}
