// RGPD erasure on request, step by step (the erasure workflow calls each): the account closed at
// once, the family's cases closed, its future reservations cancelled and refunded, the wallet's
// balance returned by a transfer staff record, then personal data erased. What the public accounts
// must keep (orders, payments, the wallet's ledger, reservations as what was sold) stays, pointing
// to an anonymised account and anonymised children.
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { formatLongDate, formatShortDate, parisDate, type IsoDate } from '../../../domain/dates.ts';
import type { Db } from '../../connection.ts';
import type { WaitlistStatus } from '../../waitlist-tables.ts';
import { recordAudit } from '../staff/index.ts';
import { aboutFamily } from './family-export.ts';
import { revokePasswordLinks } from '../accounts/index.ts';
import { cancelAndRefund } from '../orders/index.ts';
import { balance, moveMoney } from '../wallet/index.ts';
import { eraseChildFiles } from '../child-file/index.ts';

export const ERASED_MARK = { effacé: true } as const;

/** Records the request (its workflow then closes the account); a request made twice is one. */
export async function requestErasure(db: Db, input: { userId: number; iban: string | null; now: Date }): Promise<number> {
  const inserted = await db
    .insertInto('erasure_requests')
    .values({ user_id: input.userId, iban: input.iban, requested_at: input.now })
    .onConflict((oc) => oc.column('user_id').doNothing())
    .returning('id')
    .executeTakeFirst();
  return inserted?.id ?? (await db.selectFrom('erasure_requests').select('id').where('user_id', '=', input.userId).executeTakeFirstOrThrow()).id;
}

/** The account is closed: its sessions end, its password links are spent and signing in says why. */
export async function closeAccount(db: Db, requestId: number, now: Date): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const request = await trx.selectFrom('erasure_requests').select(['user_id', 'status', 'requested_at']).where('id', '=', requestId).forUpdate().executeTakeFirstOrThrow();
    if (request.status === 'done') return;
    await trx
      .updateTable('users')
      .set({ status: 'suspended', status_reason: `Effacement des données demandé le ${formatLongDate(parisDate(request.requested_at))}.` })
      .where('id', '=', request.user_id)
      .execute();
    await trx.deleteFrom('sessions').where('user_id', '=', request.user_id).execute();
    await revokePasswordLinks(trx, request.user_id, now);
  });
}

export function erasureRequest(db: Db, requestId: number) {
  return db
    .selectFrom('erasure_requests')
    .innerJoin('users', 'users.id', 'erasure_requests.user_id')
    .selectAll('erasure_requests')
    .select(['users.email', 'users.first_name', 'users.last_name', 'users.commune_id'])
    .where('erasure_requests.id', '=', requestId)
    .executeTakeFirstOrThrow();
}

/** Orders whose checkout is not over: their places and payments settle before anything is cancelled. */
export async function checkoutsInProgress(db: Db, userId: number): Promise<number> {
  const row = await db.selectFrom('orders').select((eb) => eb.fn.countAll<string>().as('n')).where('user_id', '=', userId).where('state', 'in', ['open', 'awaiting-payment']).executeTakeFirstOrThrow();
  return Number(row.n);
}

const OPEN_ABSENCE = ['waiting-certificate', 'waiting-staff'] as const;

/** What waits on the family: its account's validation, service subscriptions, online requests and absences. */
export async function openFamilyCases(db: Db, userId: number): Promise<{ accountPending: boolean; subscriptions: number[]; requests: number[]; absences: number[] }> {
  const [user, subscriptions, requests, absences] = await Promise.all([
    db.selectFrom('users').select('status').where('id', '=', userId).executeTakeFirstOrThrow(),
    db.selectFrom('subscriptions').select('id').where('user_id', '=', userId).where('status', '=', 'pending').execute(),
    db.selectFrom('online_requests').select('id').where('user_id', '=', userId).where('status', 'in', ['waiting-staff', 'documents-requested']).execute(),
    db.selectFrom('absences').select('id').where('user_id', '=', userId).where('status', 'in', OPEN_ABSENCE).execute(),
  ]);
  return { accountPending: user.status === 'pending', subscriptions: subscriptions.map((row) => row.id), requests: requests.map((row) => row.id), absences: absences.map((row) => row.id) };
}

/** Closes what waits on the family: places in its cart and its waiting lists, and its cases refused with the reason. */
export async function closeFamilyCases(db: Db, userId: number, now: Date): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('holds').set({ state: 'released', ended_at: now }).where('user_id', '=', userId).where('state', '=', 'held').execute();
    // Out of every waiting list; a place offered (its hold released above) is found by its list's next look.
    await trx
      .updateTable('waitlist_entries')
      .set((eb) => ({ status: eb.case().when('status', '=', 'offered').then(eb.val<WaitlistStatus>('declined')).else(eb.val<WaitlistStatus>('left')).end(), ended_at: now }))
      .where('user_id', '=', userId)
      .where('status', 'in', ['waiting', 'offered'])
      .execute();
    await trx
      .updateTable('subscriptions')
      .set({ status: 'refused', status_reason: 'Effacement du compte demandé par la famille.', decided_at: now })
      .where('user_id', '=', userId)
      .where('status', '=', 'pending')
      .execute();
    await trx.updateTable('online_requests').set({ status: 'refused', decided_at: now }).where('user_id', '=', userId).where('status', 'in', ['waiting-staff', 'documents-requested']).execute();
    await trx.updateTable('absences').set({ status: 'refused', refusal_reason: 'Effacement du compte demandé par la famille.', decided_at: now }).where('user_id', '=', userId).where('status', 'in', OPEN_ABSENCE).execute();
  });
}

/** Cancels up to `limit` reservations from today on, each refunded once at its net paid price. */
export async function cancelFutureReservations(db: Db, requestId: number, limit: number, now: Date): Promise<{ count: number; cents: number }> {
  return db.transaction().execute(async (trx) => {
    const request = await trx.selectFrom('erasure_requests').select('user_id').where('id', '=', requestId).forUpdate().executeTakeFirstOrThrow();
    const reservations = await trx
      .selectFrom('reservations')
      .innerJoin('products', 'products.id', 'reservations.product_id')
      .selectAll('reservations')
      .select('products.name')
      .where('reservations.user_id', '=', request.user_id)
      .where('reservations.state', '=', 'confirmed')
      .where('reservations.service_date', '>=', parisDate(now))
      .orderBy('reservations.id')
      .limit(limit)
      .forUpdate(['reservations'])
      .execute();
    let cents = 0;
    for (const reservation of reservations) {
      const refund = await cancelAndRefund(trx, reservation, {
        key: `erasure-${requestId}/reservation-${reservation.id}`,
        label: `Annulation (effacement du compte) : ${reservation.name}, ${formatShortDate(reservation.service_date)}`,
        now,
      });
      cents += refund.walletCents;
    }
    if (cents > 0) await trx.updateTable('erasure_requests').set((eb) => ({ refunded_cents: eb('refunded_cents', '+', cents) })).where('id', '=', requestId).execute();
    return { count: reservations.length, cents };
  });
}

/** The wallet's balance to return, recorded on the request (0: nothing to return). */
export async function walletToReturn(db: Db, requestId: number): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const request = await trx.selectFrom('erasure_requests').select(['user_id', 'status']).where('id', '=', requestId).forUpdate().executeTakeFirstOrThrow();
    const cents = await balance(trx, request.user_id);
    if (cents > 0 && request.status === 'in-progress') await trx.updateTable('erasure_requests').set({ status: 'awaiting-wallet-return', wallet_cents: cents }).where('id', '=', requestId).execute();
    return cents;
  });
}

export type WalletReturn = 'recorded' | 'not-awaited' | { balanceChanged: number };

/**
 * Staff transferred the balance: the wallet is debited by it, with the transfer's reference, and
 * the request goes on. Refused when the balance moved since staff read it (they transfer again the
 * difference, or less).
 */
export async function recordWalletReturn(db: Db, input: { requestId: number; staffId: number; cents: number; reference: string; now: Date }): Promise<WalletReturn> {
  return db.transaction().execute(async (trx) => {
    const request = await trx.selectFrom('erasure_requests').select(['user_id', 'status']).where('id', '=', input.requestId).forUpdate().executeTakeFirstOrThrow();
    if (request.status !== 'awaiting-wallet-return') return 'not-awaited';
    const cents = await balance(trx, request.user_id);
    if (cents !== input.cents) {
      await trx.updateTable('erasure_requests').set({ wallet_cents: cents }).where('id', '=', input.requestId).execute();
      return { balanceChanged: cents };
    }
    await moveMoney(trx, {
      userId: request.user_id,
      amountCents: -cents,
      kind: 'adjustment',
      label: `Solde remboursé par virement (référence ${input.reference})`,
      // The request's lock and status make this run once per transfer; a later balance gets its own.
      idempotencyKey: `erasure-${input.requestId}/wallet-return-${randomUUID()}`,
      createdBy: input.staffId,
      journal: { to: 'family', kind: 'erasure-transfer', method: 'transfer', providerReference: input.reference },
      at: input.now,
    });
    await trx
      .updateTable('erasure_requests')
      .set({ status: 'in-progress', wallet_reference: input.reference, wallet_returned_by: input.staffId, wallet_returned_at: input.now })
      .where('id', '=', input.requestId)
      .execute();
    await recordAudit(trx, { actorId: input.staffId, action: 'erasure.wallet-returned', subject: { type: 'erasure', id: input.requestId }, details: { cents, reference: input.reference } });
    return 'recorded';
  });
}

/** Whether money will be owed to the family (a balance, or future days to refund): then its IBAN is asked. */
export async function erasureOwesMoney(db: Db, userId: number, today: IsoDate): Promise<boolean> {
  if ((await balance(db, userId)) > 0) return true;
  const future = await db.selectFrom('reservations').select('id').where('user_id', '=', userId).where('state', '=', 'confirmed').where('service_date', '>=', today).limit(1).executeTakeFirst();
  return future !== undefined;
}

/** The children this guardian shares with another. */
const sharedChildren = (db: Db, userId: number) =>
  db.selectFrom('dependants').select('id').where((eb) => eb.or([eb('guardian_id', '=', userId), eb('co_guardian_id', '=', userId)])).where('co_guardian_id', 'is not', null);

/** The storage keys of the family's files, deleted before their rows. */
export async function familyFileKeys(db: Db, userId: number): Promise<string[]> {
  // A shared child's PAI stays with the child's other guardian (erasePersonalData gives it to them).
  const kept = db.selectFrom('child_health_records').select('pai_document_id').where('dependant_id', 'in', sharedChildren(db, userId)).where('pai_document_id', 'is not', null).$narrowType<{ pai_document_id: number }>();
  return (await db.selectFrom('documents').select('storage_key').where('owner_id', '=', userId).where('id', 'not in', kept).execute()).map((row) => row.storage_key);
}

/** Erases the family's personal data in one transaction; what accounting keeps is anonymised. */
export async function erasePersonalData(db: Db, requestId: number, now: Date): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const request = await trx
      .selectFrom('erasure_requests')
      .innerJoin('users', 'users.id', 'erasure_requests.user_id')
      .select(['erasure_requests.user_id', 'erasure_requests.status', 'users.email'])
      .where('erasure_requests.id', '=', requestId)
      .forUpdate(['erasure_requests'])
      .executeTakeFirstOrThrow();
    if (request.status === 'done') return;
    const userId = request.user_id;
    const email = request.email.toLowerCase();
    const reservations = trx.selectFrom('reservations').select('id').where('user_id', '=', userId);
    const requests = trx.selectFrom('online_requests').select('id').where('user_id', '=', userId);
    // A shared child stays with its other guardian, its file with it: only this guardian leaves.
    // First of all, so that what follows erases only the children left with no guardian; a PAI
    // this guardian uploaded for a shared child becomes the other's document.
    await trx
      .updateTable('documents')
      .set({ owner_id: sql<number>`(select case when d.guardian_id = ${userId} then d.co_guardian_id else d.guardian_id end from child_health_records h join dependants d on d.id = h.dependant_id where h.pai_document_id = documents.id limit 1)` })
      .where('owner_id', '=', userId)
      .where('id', 'in', trx.selectFrom('child_health_records').select('pai_document_id').where('dependant_id', 'in', sharedChildren(trx, userId)).where('pai_document_id', 'is not', null).$narrowType<{ pai_document_id: number }>())
      .execute();
    await trx.updateTable('custody_rules').set({ state: 'withdrawn', ended_at: now }).where('state', '=', 'pending').where('dependant_id', 'in', sharedChildren(trx, userId)).execute();
    await trx.updateTable('custody_rules').set({ state: 'replaced', ended_at: now }).where('state', '=', 'agreed').where('dependant_id', 'in', sharedChildren(trx, userId)).execute();
    await trx.updateTable('dependants').set({ guardian_id: sql<number>`co_guardian_id`, co_guardian_id: null }).where('guardian_id', '=', userId).where('co_guardian_id', 'is not', null).execute();
    await trx.updateTable('dependants').set({ co_guardian_id: null }).where('co_guardian_id', '=', userId).execute();
    // The addresses it invited are other people's: an invitation never accepted goes; an accepted
    // one names the guardian who keeps the child.
    await trx.deleteFrom('guardian_invitations').where('invited_by', '=', userId).where('state', '<>', 'accepted').execute();
    await trx.deleteFrom('guardian_invitations').where('email', '=', email).execute();

    await trx.updateTable('audit_log').set({ details: JSON.stringify(ERASED_MARK) }).where((eb) => aboutFamily(eb, userId)).execute();
    await trx.deleteFrom('request_messages').where('request_id', 'in', requests).execute();
    await trx.deleteFrom('online_requests').where('user_id', '=', userId).execute();
    // A certificate goes with the family's other files; its absence keeps its days and amounts.
    await trx.updateTable('absences').set({ certificate_id: null, refusal_reason: null }).where('user_id', '=', userId).execute();
    // The children's files go before the documents, a PAI among them.
    const children = await trx.selectFrom('dependants').select('id').where('guardian_id', '=', userId).execute();
    await eraseChildFiles(trx, children.map((child) => child.id), now);
    await trx.deleteFrom('documents').where('owner_id', '=', userId).execute();
    await trx.deleteFrom('e_tickets').where('reservation_id', 'in', reservations).execute();
    await trx.updateTable('attendance').set({ reason: null }).where('reservation_id', 'in', reservations).execute();
    for (const table of ['sessions', 'booking_lists', 'addresses', 'subscriptions'] as const) await trx.deleteFrom(table).where('user_id', '=', userId).execute();
    await trx.deleteFrom('one_time_tokens').where((eb) => eb.or([eb('user_id', '=', userId), eb(eb.fn('lower', ['email']), '=', email)])).execute();
    await trx
      .deleteFrom('rate_limits')
      .where((eb) => eb.or([eb('key', 'like', `%:email:${email.replace(/[\\%_]/g, (c) => `\\${c}`)}`), eb('key', '=', `password:user:${userId}`)]))
      .execute();
    // Mail to the addresses it left too.
    const former = trx.selectFrom('former_emails').select('email').where('user_id', '=', userId);
    await trx.deleteFrom('outbox_mails').where((eb) => eb.or([eb(sql<string>`lower(recipient)`, '=', email), eb(sql<string>`lower(recipient)`, 'in', former)])).execute();
    await trx.deleteFrom('one_time_tokens').where(sql<string>`lower(email)`, 'in', former).execute();
    await trx.deleteFrom('former_emails').where('user_id', '=', userId).execute();
    // Staff's reasons for an adjustment or a cancellation are free text about the family: the
    // label keeps what was refunded and for which day, not why.
    await trx.updateTable('wallet_entries').set({ label: 'Ajustement par la mairie' }).where('user_id', '=', userId).where('kind', '=', 'adjustment').where('label', 'like', 'Ajustement par la mairie :%').execute();
    const cancelled = await trx
      .selectFrom('wallet_entries')
      .innerJoin('reservations', (join) => join.on(sql<boolean>`wallet_entries.idempotency_key = 'reservation-' || reservations.id || '/staff-cancellation'`))
      .innerJoin('products', 'products.id', 'reservations.product_id')
      .select(['wallet_entries.id', 'products.name', 'reservations.service_date'])
      .where('wallet_entries.user_id', '=', userId)
      .execute();
    for (const entry of cancelled) {
      await trx.updateTable('wallet_entries').set({ label: `Annulation par la commune : ${entry.name}, ${formatShortDate(entry.service_date)}` }).where('id', '=', entry.id).execute();
    }
    await trx.updateTable('orders').set({ billing_address: null }).where('user_id', '=', userId).execute();
    // A child's age group stays for the commune's figures; nothing that names the child does.
    await trx
      .updateTable('dependants')
      .set((eb) => ({ first_name: sql<string>`'Enfant ' || ${eb.ref('id')}`, last_name: 'Anonyme', birth_date: sql<IsoDate>`date_trunc('year', birth_date)::date`, notes: null, removed_at: now }))
      .where('guardian_id', '=', userId)
      .execute();
    await trx
      .updateTable('users')
      .set({
        email: `compte-efface-${userId}@efface.invalid`,
        password_hash: null,
        first_name: null,
        last_name: null,
        phone: null,
        status: 'erased',
        status_reason: null,
        quotient_familial: null,
        must_change_password: false,
        password_changed_at: null,
      })
      .where('id', '=', userId)
      .execute();
    await trx.updateTable('erasure_requests').set({ status: 'done', iban: null, completed_at: now }).where('id', '=', requestId).execute();
  });
}

/** The requests staff follow: those of their communes not yet done, then the last done. */
export function erasureRequestsFor(db: Db, communeIds: number[]) {
  if (communeIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('erasure_requests')
    .innerJoin('users', 'users.id', 'erasure_requests.user_id')
    .selectAll('erasure_requests')
    .select(['users.first_name', 'users.last_name', 'users.email'])
    .where('users.commune_id', 'in', communeIds)
    .orderBy(sql`erasure_requests.status = 'done'`)
    .orderBy('erasure_requests.requested_at', 'desc')
    .limit(100)
    .execute();
}

export type ErasureRow = Awaited<ReturnType<typeof erasureRequestsFor>>[number];

/** The family behind a request and its commune (undefined: no such request). */
export function erasureFamily(db: Db, requestId: number) {
  return db.selectFrom('erasure_requests').innerJoin('users', 'users.id', 'erasure_requests.user_id').select(['users.id as userId', 'users.commune_id as communeId']).where('erasure_requests.id', '=', requestId).executeTakeFirst();
}
