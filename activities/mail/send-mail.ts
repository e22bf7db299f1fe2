// The sendMail activity. The idempotency key (workflow ID + step) is recorded before sending and
// the row marked sent after, so a retry skips a mail that went out. Only a crash between the SMTP
// server's acceptance and that mark can send twice: at least once, as SMTP itself delivers.
import type { Db } from '../../db/connection.ts';
import type { Mailer, MailMessage } from '../../lib/mail/mailer.ts';

export interface SendMailInput extends MailMessage {
  idempotencyKey: string;
}

export type SendMailResult = 'sent' | 'already-sent' | 'stored';

export function createMailActivities({ db, mailer, now }: { db: Db; mailer: Mailer; now: () => Date }) {
  return {
    async sendMail(input: SendMailInput): Promise<SendMailResult> {
      await db
        .insertInto('outbox_mails')
        .values({
          idempotency_key: input.idempotencyKey,
          recipient: input.to,
          subject: input.subject,
          text_body: input.text,
          html_body: input.html ?? null,
        })
        .onConflict((oc) => oc.column('idempotency_key').doNothing())
        .execute();
      const row = await db
        .updateTable('outbox_mails')
        .set((eb) => ({ attempts: eb('attempts', '+', 1) }))
        .where('idempotency_key', '=', input.idempotencyKey)
        .returning(['id', 'status', 'recipient', 'subject', 'text_body', 'html_body'])
        .executeTakeFirstOrThrow();
      if (row.status === 'sent') return 'already-sent';

      // The stored copy is what goes out: a retry with other arguments cannot change a mail.
      const delivered = await mailer.deliver({ to: row.recipient, subject: row.subject, text: row.text_body, html: row.html_body });
      await db
        .updateTable('outbox_mails')
        // Bodies may hold single-use links: once the SMTP server has them, we keep none. Without
        // SMTP (development) the outbox is the mailbox, so they stay.
        .set({ status: 'sent', sent_at: now(), message_id: delivered?.messageId ?? null, ...(delivered ? { text_body: '', html_body: null } : {}) })
        .where('id', '=', row.id)
        .execute();
      return delivered ? 'sent' : 'stored';
    },
  };
}
