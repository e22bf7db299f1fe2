// The rows whose process should be running: a closure still closing its days, a waiting list with
// families in it, an absence or an online request waiting for someone, a card refund waiting for
// the provider's answer, a family listed in a yearly registration campaign. Read by the reconciler
// (activities/reconcile/), which starts any whose workflow never started. Only rows written more
// than 5 minutes ago (their start may still be in flight) and less than a day ago (a workflow
// that ran is remembered by Temporal for its namespace's retention, at least a day: older rows
// could have had theirs, and a start must never run a finished process again). Waiting lists
// are read by their day instead: today's and later ones.
import { sql } from 'kysely';
import type { IsoDate } from '../../../domain/dates.ts';
import type { Db } from '../../connection.ts';

export interface UnfinishedProcesses {
  closures: number[];
  lines: { productId: number; day: IsoDate }[];
  absences: { id: number; userId: number; declaredAt: Date; certificateDueAt: Date; certificateId: number | null }[];
  requests: { requestId: number; userId: number; commune: string }[];
  /** Card refunds asked and not answered: their try asks the provider the same question again. */
  cardRefunds: { cardRefundId: number; attempt: number }[];
  /** Families listed in an opened campaign, not complete, while it runs: their reminders. */
  registrations: { campaign: { id: number; opens_on: IsoDate; closes_on: IsoDate; commune: string }; userId: number }[];
}

const SETTLE = sql<Date>`now() - interval '5 minutes'`;
const RETENTION = sql<Date>`now() - interval '1 day'`;
const DAY_MS = 86_400_000;

/** `now` is the product's clock (declarations and joins carry it); rows stamped by the database are read against its own. */
export async function unfinishedProcesses(db: Db, now: Date, today: IsoDate): Promise<UnfinishedProcesses> {
  const before = new Date(now.getTime() - 5 * 60_000);
  const since = new Date(now.getTime() - DAY_MS);
  const [closures, lines, absences, requests, cardRefunds, registrations] = await Promise.all([
    db.selectFrom('closures').select('id').where('state', '=', 'running').where('created_at', '<', SETTLE).where('created_at', '>', RETENTION).orderBy('id').execute(),
    db
      .selectFrom('waitlist_entries')
      .select(['product_id as productId', 'service_date as day'])
      .where('status', 'in', ['waiting', 'offered'])
      .where('joined_at', '<', before)
      .where('service_date', '>=', today)
      .groupBy(['product_id', 'service_date'])
      .orderBy('service_date')
      .orderBy('product_id')
      .execute(),
    db
      .selectFrom('absences')
      .select(['id', 'user_id as userId', 'declared_at as declaredAt', 'certificate_due_at as certificateDueAt', 'certificate_id as certificateId'])
      .where('status', 'in', ['waiting-certificate', 'waiting-staff'])
      .where('declared_at', '<', before)
      .where('declared_at', '>', since)
      .orderBy('id')
      .execute(),
    // A request staff asked more of went through its workflow: only one never started waits for staff.
    db
      .selectFrom('online_requests')
      .innerJoin('request_forms', 'request_forms.id', 'online_requests.form_id')
      .innerJoin('communes', 'communes.id', 'request_forms.commune_id')
      .select(['online_requests.id as requestId', 'online_requests.user_id as userId', 'communes.name as commune'])
      .where('online_requests.status', '=', 'waiting-staff')
      .where('online_requests.created_at', '<', SETTLE)
      .where('online_requests.created_at', '>', RETENTION)
      .orderBy('online_requests.id')
      .execute(),
    db
      .selectFrom('card_refunds')
      .select(['id as cardRefundId', 'attempt'])
      .where('state', '=', 'requested')
      .where('updated_at', '<', before)
      .where('updated_at', '>', since)
      .orderBy('id')
      .execute(),
    db
      .selectFrom('registration_families')
      .innerJoin('registration_campaigns', 'registration_campaigns.id', 'registration_families.campaign_id')
      .innerJoin('communes', 'communes.id', 'registration_campaigns.commune_id')
      .select(['registration_campaigns.id', 'registration_campaigns.opens_on', 'registration_campaigns.closes_on', 'communes.name as commune', 'registration_families.user_id as userId'])
      .where('registration_campaigns.opened_at', 'is not', null)
      .where('registration_campaigns.closes_on', '>=', today)
      .where('registration_families.completed_at', 'is', null)
      .where('registration_families.joined_at', '<', before)
      .where('registration_families.joined_at', '>', since)
      .orderBy('registration_campaigns.id')
      .orderBy('registration_families.user_id')
      .execute(),
  ]);
  return {
    closures: closures.map((row) => row.id),
    lines,
    absences,
    requests,
    cardRefunds,
    registrations: registrations.map(({ userId, ...campaign }) => ({ campaign, userId })),
  };
}
