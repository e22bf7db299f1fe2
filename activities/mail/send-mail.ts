// The sendMail activity. The idempotency key (workflow ID + step) is recorded before sending and
// the row marked sent after, so a retry skips a mail that went out. Only a crash between the SMTP
// server's acceptance and that mark can send twice: at least once, as SMTP itself delivers.
import type { Db } from '../../db/connection.ts';
import { countSendingAttempt, markMailSent, recordOutgoingMail } from '../../db/queries/mail/outbox.ts';
import type { Mailer, MailMessage } from '../../lib/mail/mailer.ts';

export interface SendMailInput extends MailMessage {
  idempotencyKey: string;
}

export type SendMailResult = 'sent' | 'already-sent' | 'stored';

export function createMailActivities({ db, mailer, now }: { db: Db; mailer: Mailer; now: () => Date }) {
  async function send(row: Awaited<ReturnType<typeof countSendingAttempt>>): Promise<SendMailResult> {
    if (row.status === 'sent') return 'already-sent';
    // The stored copy is what goes out: a retry with other arguments cannot change a mail.
    const delivered = await mailer.deliver({ to: row.recipient, subject: row.subject, text: row.text_body, html: row.html_body });
    await markMailSent(db, row.id, { at: now(), messageId: delivered?.messageId ?? null, forgetBodies: Boolean(delivered) });
    return delivered ? 'sent' : 'stored';
  }
  return {
    /** A mail composed by an activity (never passed through a workflow). */
    sendMail: async (input: SendMailInput) => send(await recordOutgoingMail(db, input)),
    /** A mail a page stored in the outbox: the workflow knows only its id. */
    sendStoredMail: async (input: { outboxId: number }) => send(await countSendingAttempt(db, input.outboxId)),
  };
}
