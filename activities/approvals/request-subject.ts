// Online requests as approval subjects: a decision sets the request's status and writes staff's
// message on it; staff of the form's commune are reminded.
import type { Db } from '../../db/connection.ts';
import { recordRequestDecision, requestForMail } from '../../db/queries/requests/index.ts';
import { formatLongDate, parisDate } from '../../domain/dates.ts';
import { requestMails } from '../requests/index.ts';
import { fullName, type ApprovalSubjectHandler } from './subject.ts';

type RequestSubject = { kind: 'request'; requestId: number };

export function requestSubject({ db, publicUrl }: { db: Db; publicUrl: string }): ApprovalSubjectHandler<RequestSubject> {
  return {
    id: (subject) => subject.requestId,

    async apply(trx, { requestId }, decision, { now, staffId }) {
      await recordRequestDecision(trx, { requestId, decision, staffId, now });
    },

    async decisionMail({ requestId }, kind, text) {
      const row = await requestForMail(db, requestId);
      const subject = { firstName: row.first_name, title: row.title, commune: row.commune, number: row.id };
      const link = `${publicUrl}/mon-compte/demarches/${row.id}`;
      const mail = {
        approved: () => requestMails.approved(subject, text, link),
        refused: () => requestMails.refused(subject, text, link),
        'documents-requested': () => requestMails.moreRequested(subject, text, link),
        'documents-reminder': () => requestMails.moreReminder(subject, text, link),
      }[kind]();
      return { to: row.email, mail };
    },

    async staffReminder({ requestId }) {
      const row = await requestForMail(db, requestId);
      const mail = requestMails.staffPending({ name: fullName(row), title: row.title, number: row.id, since: formatLongDate(parisDate(row.created_at)) }, `${publicUrl}/agent/demarches/${row.id}`);
      return { communeId: row.commune_id, mail };
    },
  };
}
