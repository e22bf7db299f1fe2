// Subscriptions as approval subjects: a decision sets the subscription's status; staff of the
// offer's commune are reminded.
import type { Db } from '../../db/connection.ts';
import { formatLongDate, parisDate } from '../../domain/dates.ts';
import { subscriptionMails } from '../../lib/mail/subscription-templates.ts';
import { fullName, type ApprovalSubjectHandler } from './subject.ts';

type SubscriptionSubject = { kind: 'subscription'; subscriptionId: number };

export function subscriptionSubject({ db, publicUrl }: { db: Db; publicUrl: string }): ApprovalSubjectHandler<SubscriptionSubject> {
  const load = (id: number) =>
    db
      .selectFrom('subscriptions')
      .innerJoin('users', 'users.id', 'subscriptions.user_id')
      .innerJoin('service_offers', 'service_offers.id', 'subscriptions.service_offer_id')
      .innerJoin('communes', 'communes.id', 'service_offers.commune_id')
      .select([
        'subscriptions.id', 'subscriptions.requested_at', 'users.email', 'users.first_name', 'users.last_name',
        'service_offers.label as offer', 'communes.name as commune', 'communes.id as commune_id',
      ])
      .where('subscriptions.id', '=', id)
      .executeTakeFirstOrThrow();
  return {
    id: (subject) => subject.subscriptionId,

    async apply(trx, { subscriptionId }, decision, { now, staffId }) {
      if (decision.kind === 'documents-requested') return;
      const approved = decision.kind === 'approved';
      await trx
        .updateTable('subscriptions')
        .set({ status: approved ? 'validated' : 'refused', status_reason: approved ? null : decision.reason, decided_at: now, decided_by: staffId })
        .where('id', '=', subscriptionId)
        .execute();
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
