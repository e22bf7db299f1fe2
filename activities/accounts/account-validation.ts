// Activities of the accountValidation workflow: record a staff decision (account and documents
// status, audit log) and send the mails that go with it. Each write carries the workflow's key.
import type { Db } from '../../db/connection.ts';
import { formatLongDate, parisDate } from '../../domain/dates.ts';
import type { createMailActivities } from '../mail/send-mail.ts';
import { accountMails } from '../mail/templates.ts';

export type AccountDecision =
  | { kind: 'approved' }
  | { kind: 'rejected'; reason: string }
  | { kind: 'documents-requested'; message: string };

export type AccountMailKind = 'validated' | 'rejected' | 'documents-requested' | 'documents-reminder';

interface Deps {
  db: Db;
  now: () => Date;
  publicUrl: string;
  mail: ReturnType<typeof createMailActivities>;
}

export function createAccountValidationActivities({ db, now, publicUrl, mail }: Deps) {
  const loadUser = (userId: number) =>
    db.selectFrom('users').select(['id', 'email', 'first_name', 'last_name', 'commune_id', 'created_at']).where('id', '=', userId).executeTakeFirstOrThrow();

  return {
    async recordAccountDecision(input: { key: string; userId: number; staffId: number; decision: AccountDecision }): Promise<void> {
      const { decision } = input;
      await db.transaction().execute(async (trx) => {
        const logged = await trx
          .insertInto('audit_log')
          .values({
            idempotency_key: input.key,
            actor_id: input.staffId,
            action: `account.${decision.kind}`,
            subject_type: 'user',
            subject_id: input.userId,
            details: JSON.stringify(decision),
          })
          .onConflict((oc) => oc.column('idempotency_key').doNothing())
          .returning('id')
          .executeTakeFirst();
        if (!logged) return; // already recorded by an earlier attempt

        if (decision.kind === 'documents-requested') return;
        const approved = decision.kind === 'approved';
        await trx
          .updateTable('users')
          .set({ status: approved ? 'validated' : 'rejected', status_reason: approved ? null : decision.reason })
          .where('id', '=', input.userId)
          .execute();
        await trx
          .updateTable('documents')
          .set({ status: approved ? 'accepted' : 'refused', refusal_reason: approved ? null : decision.reason, reviewed_at: now() })
          .where('owner_id', '=', input.userId)
          .where('status', '=', 'pending')
          .execute();
      });
    },

    async sendAccountMail(input: { key: string; userId: number; kind: AccountMailKind; text?: string }): Promise<void> {
      const user = await loadUser(input.userId);
      const account = `${publicUrl}/mon-compte`;
      const documents = `${publicUrl}/mon-compte/documents`;
      const content = {
        validated: () => accountMails.accountValidated(user.first_name, account),
        rejected: () => accountMails.accountRejected(user.first_name, input.text ?? '', account),
        'documents-requested': () => accountMails.documentsRequested(user.first_name, input.text ?? '', documents),
        'documents-reminder': () => accountMails.documentsReminder(user.first_name, input.text ?? '', documents),
      }[input.kind]();
      await mail.sendMail({ idempotencyKey: input.key, to: user.email, ...content });
    },

    /** Mails every staff member of the parent's commune (the admins when the commune has none). */
    async remindStaffOfPendingAccount(input: { key: string; userId: number }): Promise<number> {
      const user = await loadUser(input.userId);
      let recipients = await db
        .selectFrom('staff_communes')
        .innerJoin('users', 'users.id', 'staff_communes.user_id')
        .select(['users.id', 'users.email'])
        .where('staff_communes.commune_id', '=', user.commune_id ?? -1)
        .where('users.role', '=', 'staff')
        .execute();
      if (recipients.length === 0) {
        recipients = await db.selectFrom('users').select(['id', 'email']).where('role', '=', 'admin').execute();
      }
      const name = [user.first_name, user.last_name].filter(Boolean).join(' ') || user.email;
      const content = accountMails.staffPendingReminder(
        { name, email: user.email, since: formatLongDate(parisDate(user.created_at)) },
        `${publicUrl}/agent/validations/${user.id}`,
      );
      for (const recipient of recipients) {
        await mail.sendMail({ idempotencyKey: `${input.key}/${recipient.id}`, to: recipient.email, ...content });
      }
      return recipients.length;
    },
  };
}

