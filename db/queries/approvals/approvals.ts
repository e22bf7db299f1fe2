// What a staff decision writes (an account's or a subscription's status), and what the approval
// mails and reminders read: the parent's details, the request's offer, the staff to remind.
import type { Db } from '../../connection.ts';
import { recordAudit } from '../staff/index.ts';

/** A decision as the approval mechanism records it (documents requested change no status). */
export type Verdict = { approved: true } | { approved: false; reason: string };

/**
 * The account's status follows the staff's decision, and so do its documents still pending (the
 * page has them decided first: one left is one sent meanwhile). Each document so decided is
 * written to the journal, under the family, as decided with the account.
 */
export async function decideAccountStatus(db: Db, userId: number, verdict: Verdict, at: { now: Date; staffId: number }): Promise<void> {
  const reason = verdict.approved ? null : verdict.reason;
  await db.updateTable('users').set({ status: verdict.approved ? 'validated' : 'rejected', status_reason: reason }).where('id', '=', userId).execute();
  const decided = await db
    .updateTable('documents')
    .set({ status: verdict.approved ? 'accepted' : 'refused', refusal_reason: reason, reviewed_at: at.now })
    .where('owner_id', '=', userId)
    .where('status', '=', 'pending')
    // A PAI is no supporting document of the account: it stays with the child's file.
    .where('kind', '<>', 'pai')
    .returning(['id', 'kind'])
    .execute();
  for (const document of decided) {
    await recordAudit(db, {
      actorId: at.staffId,
      action: verdict.approved ? 'document.accepted-with-account' : 'document.refused-with-account',
      subject: { type: 'user', id: userId },
      details: { documentId: document.id, kind: document.kind, ...(reason === null ? {} : { reason }) },
    });
  }
}

export async function decideSubscriptionStatus(db: Db, subscriptionId: number, verdict: Verdict, at: { now: Date; staffId: number }): Promise<void> {
  await db
    .updateTable('subscriptions')
    .set({ status: verdict.approved ? 'validated' : 'refused', status_reason: verdict.approved ? null : verdict.reason, decided_at: at.now, decided_by: at.staffId })
    .where('id', '=', subscriptionId)
    .execute();
}

/** The parent an account validation concerns. */
export function accountToValidate(db: Db, userId: number) {
  return db.selectFrom('users').select(['id', 'email', 'first_name', 'last_name', 'commune_id', 'created_at']).where('id', '=', userId).executeTakeFirstOrThrow();
}

/** A subscription request with its parent, offer and commune. */
export function subscriptionToDecide(db: Db, subscriptionId: number) {
  return db
    .selectFrom('subscriptions')
    .innerJoin('users', 'users.id', 'subscriptions.user_id')
    .innerJoin('service_offers', 'service_offers.id', 'subscriptions.service_offer_id')
    .innerJoin('communes', 'communes.id', 'service_offers.commune_id')
    .select([
      'subscriptions.id', 'subscriptions.requested_at', 'users.email', 'users.first_name', 'users.last_name',
      'service_offers.label as offer', 'communes.name as commune', 'communes.id as commune_id',
    ])
    .where('subscriptions.id', '=', subscriptionId)
    .executeTakeFirstOrThrow();
}

/** The staff of a commune to remind; the admins when it has none (or no commune is known). */
export async function staffToRemind(db: Db, communeId: number | null): Promise<{ id: number; email: string }[]> {
  const staff = await db
    .selectFrom('staff_communes')
    .innerJoin('users', 'users.id', 'staff_communes.user_id')
    .select(['users.id', 'users.email'])
    .where('staff_communes.commune_id', '=', communeId ?? -1)
    .where('users.role', '=', 'staff')
    .execute();
  return staff.length > 0 ? staff : db.selectFrom('users').select(['id', 'email']).where('role', '=', 'admin').execute();
}
