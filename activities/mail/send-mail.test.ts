// The sendMail activity against a real SMTP server and a real database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../test/helpers/database.ts';
import { startSmtpServer, type TestSmtpServer } from '../../test/helpers/smtp.ts';
import { createMailer, type Mailer } from '../../lib/mail/mailer.ts';
import { createMailActivities } from './send-mail.ts';

const database = useTestDatabase();
let smtp: TestSmtpServer;
let mailer: Mailer;

beforeAll(async () => {
  smtp = await startSmtpServer();
  mailer = createMailer({ smtpUrl: smtp.url, from: 'Plateforme Citoyens <ne-pas-repondre@citoyens.test>' });
});
afterAll(async () => {
  mailer.close();
  await smtp.close();
});

const now = () => new Date('2026-11-27T10:00:00Z');

describe('sendMail through SMTP', () => {
  it('delivers the message, HTML and text, and records it as sent', async () => {
    const { sendMail } = createMailActivities({ db: database.db, mailer, now });
    const result = await sendMail({
      idempotencyKey: 'account-validation-1/approved',
      to: 'claire.pardon@example.fr',
      subject: 'Votre compte est validé',
      text: 'Bonjour Claire,\nvotre compte est validé : 31,60 €',
      html: '<p>Bonjour Claire,</p><p>votre compte est validé : 31,60 €</p>',
    });
    expect(result).toBe('sent');

    const mail = await smtp.waitFor('claire.pardon@example.fr');
    expect(mail.subject).toBe('Votre compte est validé');
    expect(mail.text).toContain('votre compte est validé : 31,60 €');
    expect(mail.html).toContain('<p>Bonjour Claire,</p>');
    expect(mail.from?.text).toContain('ne-pas-repondre@citoyens.test');

    const row = await database.db.selectFrom('outbox_mails').selectAll().where('idempotency_key', '=', 'account-validation-1/approved').executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'sent', attempts: 1, sent_at: now(), text_body: '', html_body: null });
    expect(row.message_id).toBe(mail.messageId);
  });

  it('never sends twice for the same key, even with other arguments', async () => {
    const { sendMail } = createMailActivities({ db: database.db, mailer, now });
    const input = { idempotencyKey: 'order-2026-000001/confirmation', to: 'twice@example.fr', subject: 'Commande confirmée', text: 'Merci' };
    expect(await sendMail(input)).toBe('sent');
    expect(await sendMail({ ...input, subject: 'Autre objet' })).toBe('already-sent');
    await smtp.waitFor('twice@example.fr');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(smtp.messages.filter((mail) => mail.subject === 'Commande confirmée')).toHaveLength(1);
    expect(smtp.messages.some((mail) => mail.subject === 'Autre objet')).toBe(false);
  });

  it('fails when the server refuses, so that Temporal retries, then sends once', async () => {
    const { sendMail } = createMailActivities({ db: database.db, mailer, now });
    const input = { idempotencyKey: 'retry/1', to: 'retry@example.fr', subject: 'Rappel', text: 'Pièces à fournir' };
    smtp.failNext(1);
    await expect(sendMail(input)).rejects.toThrow(/451|indisponible/);
    const pending = await database.db.selectFrom('outbox_mails').select(['status', 'attempts']).where('idempotency_key', '=', 'retry/1').executeTakeFirstOrThrow();
    expect(pending).toEqual({ status: 'pending', attempts: 1 });
    expect(await sendMail(input)).toBe('sent');
    await smtp.waitFor('retry@example.fr');
    expect(smtp.messages.filter((mail) => mail.subject === 'Rappel')).toHaveLength(1);
  });
});

describe('sendMail without SMTP (development)', () => {
  it('keeps the message in the outbox, marked as delivered there', async () => {
    const { sendMail } = createMailActivities({ db: database.db, mailer: createMailer({ from: 'x@y.z' }), now });
    expect(await sendMail({ idempotencyKey: 'dev/1', to: 'dev@example.fr', subject: 'Bienvenue', text: 'Bonjour' })).toBe('stored');
    const row = await database.db.selectFrom('outbox_mails').selectAll().where('idempotency_key', '=', 'dev/1').executeTakeFirstOrThrow();
    expect(row).toMatchObject({ recipient: 'dev@example.fr', subject: 'Bienvenue', status: 'sent', message_id: null });
  });
});
