// The mail a test waits for: the latest in the outbox to this address (whose subject matches, if
// given), as soon as the workflow that sends it has stored it.
import type { Db } from '../../db/connection.ts';

export async function waitForMail(db: Db, recipient: string, subject?: string | RegExp) {
  const matches = (actual: string) => subject === undefined || (typeof subject === 'string' ? actual === subject : subject.test(actual));
  for (let attempt = 0; attempt < 100; attempt += 1) {
    const mails = await db.selectFrom('outbox_mails').selectAll().where('recipient', '=', recipient).orderBy('id', 'desc').execute();
    const mail = mails.find((m) => matches(m.subject));
    if (mail) return mail;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no mail${subject ? ` "${String(subject)}"` : ''} to ${recipient}`);
}
