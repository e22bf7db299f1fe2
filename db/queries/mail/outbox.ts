// The outbox of mails, read by the development mailbox (/dev/mails).
import type { Db } from '../../connection.ts';

export function latestMails(db: Db, limit = 100) {
  return db.selectFrom('outbox_mails').select(['id', 'recipient', 'subject', 'status', 'created_at']).orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
}

export function outboxMail(db: Db, id: number) {
  return db.selectFrom('outbox_mails').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * Stores a mail a page sends, under its idempotency key (once), before any workflow is told of
 * it: the workflow then carries the row's id, never the address, the text or a link.
 */
export async function storeMail(db: Db, mail: { idempotencyKey: string; to: string; subject: string; text: string; html?: string | null | undefined }): Promise<number> {
  await db
    .insertInto('outbox_mails')
    .values({ idempotency_key: mail.idempotencyKey, recipient: mail.to, subject: mail.subject, text_body: mail.text, html_body: mail.html ?? null })
    .onConflict((oc) => oc.column('idempotency_key').doNothing())
    .execute();
  const row = await db.selectFrom('outbox_mails').select('id').where('idempotency_key', '=', mail.idempotencyKey).executeTakeFirstOrThrow();
  return row.id;
}

/** Counts one attempt at sending a stored mail; the stored copy. */
export function countSendingAttempt(db: Db, id: number) {
  return db
    .updateTable('outbox_mails')
    .set((eb) => ({ attempts: eb('attempts', '+', 1) }))
    .where('id', '=', id)
    .returning(['id', 'status', 'recipient', 'subject', 'text_body', 'html_body'])
    .executeTakeFirstOrThrow();
}

/** Records a mail under its idempotency key (once) and counts the attempt; the stored copy. */
export async function recordOutgoingMail(db: Db, mail: { idempotencyKey: string; to: string; subject: string; text: string; html?: string | null | undefined }) {
  return countSendingAttempt(db, await storeMail(db, mail));
}

/**
 * Marks a mail sent. Bodies may hold single-use links: once an SMTP server has them
 * (`forgetBodies`), we keep none; without SMTP (development) the outbox is the mailbox.
 */
export async function markMailSent(db: Db, id: number, sent: { at: Date; messageId: string | null; forgetBodies: boolean }): Promise<void> {
  await db
    .updateTable('outbox_mails')
    .set({ status: 'sent', sent_at: sent.at, message_id: sent.messageId, ...(sent.forgetBodies ? { text_body: '', html_body: null } : {}) })
    .where('id', '=', id)
    .execute();
}
