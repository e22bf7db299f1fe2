// /dev/mails: the development mailbox (the outbox table), mounted only outside production.
import { latestMails, outboxMail } from '../../db/queries/mail/outbox.ts';
import { Hono } from 'hono';
import type { AppDeps } from '../http/deps.ts';
import { MailboxPage, MailPage } from './views/dev-mails.tsx';
import type { AccessTable } from '../http/access.ts';

/** Who may call each route below (see web/http/access.ts). */
export const devMailAccess = {
  // Outside production only: the mails the app would have sent.
  'GET /dev/mails': { who: 'anyone' },
  'GET /dev/mails/:id': { who: 'anyone', object: 'mail' },
} satisfies AccessTable;

export function devMailRoutes({ db }: Pick<AppDeps, 'db'>): Hono {
  const router = new Hono();
  router.get('/', async (c) => {
    const mails = await latestMails(db);
    return c.render(<MailboxPage mails={mails} />, { title: 'Courriels envoyés (développement)' });
  });
  router.get('/:id{[0-9]+}', async (c) => {
    const mail = await outboxMail(db, Number(c.req.param('id')));
    if (!mail) return c.notFound();
    return c.render(<MailPage mail={mail} />, { title: mail.subject });
  });
  return router;
}
