// Subscriptions as approval subjects: a decision sets the subscription's status; staff of the
// offer's commune are reminded.
import type { Db } from '../../db/connection.ts';
import { decideSubscriptionStatus, subscriptionToDecide } from '../../db/queries/approvals/approvals.ts';
import { formatLongDate, parisDate } from '../../domain/dates.ts';
import { subscriptionMails } from '../services/index.ts';
import { fullName, type ApprovalSubjectHandler } from './subject.ts';

type SubscriptionSubject = { kind: 'subscription'; subscriptionId: number };

export function subscriptionSubject({ db, publicUrl }: { db: Db; publicUrl: string }): ApprovalSubjectHandler<SubscriptionSubject> {
  const load = (id: number) => subscriptionToDecide(db, id);
  return {
    id: (subject) => subject.subscriptionId,

    async apply(trx, { subscriptionId }, decision, { now, staffId }) {
      if (decision.kind === 'documents-requested') return;
      await decideSubscriptionStatus(trx, subscriptionId, decision.kind === 'approved' ? { approved: true } : { approved: false, reason: decision.reason }, { now, staffId });
    },

    async decisionMail({ subscriptionId }, kind, text) {
      const row = await load(subscriptionId);
      const services = `${publicUrl}/mon-compte/services`;
      const mail =
        kind === 'approved'
          ? subscriptionMails.validated(row.first_name, row.offer, row.commune, services)
          : subscriptionMails.refused(row.first_name, row.offer, row.commune, text, services);
      return { to: row.email, mail };
    },

    async staffReminder({ subscriptionId }) {
      const row = await load(subscriptionId);
      const mail = subscriptionMails.staffPending(
        { name: fullName(row), offer: row.offer, since: formatLongDate(parisDate(row.requested_at)) },
        `${publicUrl}/agent/services`,
      );
      return { communeId: row.commune_id, mail };
    },
  };
}
