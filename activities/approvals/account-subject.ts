// Accounts as approval subjects: a decision sets the account's status and its pending
// documents' status; staff of the parent's commune of residence are reminded.
import type { Db } from '../../db/connection.ts';
import { accountToValidate, decideAccountStatus } from '../../db/queries/approvals/approvals.ts';
import { formatLongDate, parisDate } from '../../domain/dates.ts';
import { accountMails } from '../accounts/index.ts';
import { fullName, type ApprovalSubjectHandler } from './subject.ts';

type AccountSubject = { kind: 'account'; userId: number };

export function accountSubject({ db, publicUrl }: { db: Db; publicUrl: string }): ApprovalSubjectHandler<AccountSubject> {
  const loadUser = (userId: number) => accountToValidate(db, userId);
  return {
    id: (subject) => subject.userId,

    async apply(trx, { userId }, decision, at) {
      if (decision.kind === 'documents-requested') return;
      await decideAccountStatus(trx, userId, decision.kind === 'approved' ? { approved: true } : { approved: false, reason: decision.reason }, at);
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
