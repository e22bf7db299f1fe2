// The outbox of mails, read by the development mailbox (/dev/mails).
import type { Db } from '../connection.ts';

export function latestMails(db: Db, limit = 100) {
  return db.selectFrom('outbox_mails').select(['id', 'recipient', 'subject', 'status', 'created_at']).orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
}

export function outboxMail(db: Db, id: number) {
  return db.selectFrom('outbox_mails').selectAll().where('id', '=', id).executeTakeFirst();
}
