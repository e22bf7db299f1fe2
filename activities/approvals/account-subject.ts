// Accounts as approval subjects: a decision sets the account's status and its pending
// documents' status; staff of the parent's commune of residence are reminded.
import type { Db } from '../../db/connection.ts';
import { formatLongDate, parisDate } from '../../domain/dates.ts';
import { accountMails } from '../../lib/mail/templates.ts';
import { fullName, type ApprovalSubjectHandler } from './subject.ts';

type AccountSubject = { kind: 'account'; userId: number };

export function accountSubject({ db, publicUrl }: { db: Db; publicUrl: string }): ApprovalSubjectHandler<AccountSubject> {
  const loadUser = (userId: number) =>
    db.selectFrom('users').select(['id', 'email', 'first_name', 'last_name', 'commune_id', 'created_at']).where('id', '=', userId).executeTakeFirstOrThrow();
  return {
    id: (subject) => subject.userId,

    async apply(trx, { userId }, decision, { now }) {
      if (decision.kind === 'documents-requested') return;
      const approved = decision.kind === 'approved';
      await trx
        .updateTable('users')
        .set({ status: approved ? 'validated' : 'rejected', status_reason: approved ? null : decision.reason })
        .where('id', '=', userId)
        .execute();
      await trx
        .updateTable('documents')
        .set({ status: approved ? 'accepted' : 'refused', refusal_reason: approved ? null : decision.reason, reviewed_at: now })
        .where('owner_id', '=', userId)
        .where('status', '=', 'pending')
        .execute();
    },

    async decisionMail({ userId }, kind, text) {
      const user = await loadUser(userId);
      const account = `${publicUrl}/mon-compte`;
      const documents = `${publicUrl}/mon-compte/documents`;
      const mail = {
        approved: () => accountMails.accountValidated(user.first_name, account),
        refused: () => accountMails.accountRejected(user.first_name, text, account),
        'documents-requested': () => accountMails.documentsRequested(user.first_name, text, documents),
        'documents-reminder': () => accountMails.documentsReminder(user.first_name, text, documents),
      }[kind]();
      return { to: user.email, mail };
    },

    async staffReminder({ userId }) {
      const user = await loadUser(userId);
      const mail = accountMails.staffPendingReminder(
        { name: fullName(user), email: user.email, since: formatLongDate(parisDate(user.created_at)) },
        `${publicUrl}/agent/validations/${user.id}`,
      );
      return { communeId: user.commune_id, mail };
    },
  };
}
