// Shared custody against the real database: the invitation's rules, both guardians' access to the
// child, one booking per child and day whoever books, the alternate weeks, and the erasure of one.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDemoCatalogue } from '../../demo/load.ts';
import { addDays, parisDate } from '../../../domain/dates.ts';
import { mondayOf } from '../../../domain/custody.ts';
import { createStaff } from '../../../test/helpers/accounts.ts';
import { bookingFamily, demoProduct, holdPlaces, payCart, serviceDaysFrom } from '../../../test/helpers/booking.ts';
import { bookableSeasonDay, testNow } from '../../../test/helpers/clock.ts';
import { useTestDatabase } from '../../../test/helpers/database.ts';
import { findDependant, listDependants } from '../family/family.ts';
import { erasePersonalData, familyFileKeys, requestErasure } from '../personal-data/erasure.ts';
import { answerInvitation, inviteGuardian } from './invitations.ts';
import { answerRule, othersWeekDays, proposeRule } from './custody-rules.ts';
import { endSharing, guardiansOf } from './guardians.ts';
import { familyTickets } from '../tickets/e-tickets.ts';
import { cancelReservation } from '../orders/cancellation.ts';
import { declareAbsence } from '../absences/absences.ts';
import { balance } from '../wallet/wallet.ts';
import { createOrderFromCart } from '../orders/orders.ts';
import { offerPlace } from '../waitlist/waitlist.ts';

const database = useTestDatabase();
const now = testNow();

beforeAll(async () => {
  await loadDemoCatalogue(database.db, bookableSeasonDay());
});

/** A family of one child and another parent, each with their own account. */
async function twoHouseholds(tag: string) {
  const first = await bookingFamily(database.db, `premier-${tag}@example.fr`);
  const second = await bookingFamily(database.db, `second-${tag}@example.fr`, []);
  const child = first.dependants[0]!;
  return { first, second, child };
}

async function share(tag: string) {
  const households = await twoHouseholds(tag);
  const invited = await inviteGuardian(database.db, { dependantId: households.child.id, userId: households.first.user.id, userEmail: households.first.user.email, email: households.second.user.email, now });
  if (!invited.ok) throw new Error(invited.refusal);
  expect(await answerInvitation(database.db, { token: invited.token, userId: households.second.user.id, accept: true, now })).toEqual({ ok: true, dependantId: households.child.id });
  return households;
}

describe('the invitation of the other parent', () => {
  it('makes the invitee the second guardian: both list the child, staff read both', async () => {
    const { first, second, child } = await share('accepte');
    expect((await listDependants(database.db, second.user.id)).map((d) => d.id)).toEqual([child.id]);
    expect(await findDependant(database.db, second.user.id, child.id)).toMatchObject({ guardian_id: first.user.id, co_guardian_id: second.user.id });
    const guardians = (await guardiansOf(database.db, [child.id])).get(child.id)!;
    expect(guardians.map((g) => [g.id, g.first, g.phone])).toEqual([[first.user.id, true, '06 12 34 56 78'], [second.user.id, false, '06 12 34 56 78']]);
    const changes = await database.db.selectFrom('child_file_changes').select(['section', 'changed_by']).where('dependant_id', '=', child.id).orderBy('id').execute();
    expect(changes).toEqual([{ section: 'guardians', changed_by: first.user.id }, { section: 'guardians', changed_by: second.user.id }]);
  });

  it("refuses one's own invitation, a used or expired link, staff and a third guardian", async () => {
    const { first, second, child } = await twoHouseholds('refus');
    expect(await inviteGuardian(database.db, { dependantId: child.id, userId: first.user.id, userEmail: first.user.email, email: first.user.email.toUpperCase(), now })).toEqual({ ok: false, refusal: 'own-address' });
    const invited = await inviteGuardian(database.db, { dependantId: child.id, userId: first.user.id, userEmail: first.user.email, email: 'qui@example.fr', now });
    if (!invited.ok) throw new Error(invited.refusal);
    expect(await answerInvitation(database.db, { token: invited.token, userId: first.user.id, accept: true, now })).toEqual({ ok: false, refusal: 'own' });
    const agent = await createStaff(database.db, 'agent-invite@rosieres.fr', ['rosieres']);
    expect(await answerInvitation(database.db, { token: invited.token, userId: agent.id, accept: true, now })).toEqual({ ok: false, refusal: 'staff' });
    // A forwarded link: another parent's account is not the address invited, accepting or declining.
    for (const accept of [true, false]) expect(await answerInvitation(database.db, { token: invited.token, userId: second.user.id, accept, now })).toEqual({ ok: false, refusal: 'other-address' });
    const late = new Date(now.getTime() + 8 * 86_400_000);
    expect(await answerInvitation(database.db, { token: invited.token, userId: second.user.id, accept: true, now: late })).toEqual({ ok: false, refusal: 'invalid' });

    const again = await inviteGuardian(database.db, { dependantId: child.id, userId: first.user.id, userEmail: first.user.email, email: second.user.email, now });
    if (!again.ok) throw new Error(again.refusal);
    expect((await answerInvitation(database.db, { token: again.token, userId: second.user.id, accept: true, now })).ok).toBe(true);
    expect(await answerInvitation(database.db, { token: again.token, userId: second.user.id, accept: true, now })).toEqual({ ok: false, refusal: 'invalid' });
    expect(await inviteGuardian(database.db, { dependantId: child.id, userId: second.user.id, userEmail: second.user.email, email: 'troisieme@example.fr', now })).toEqual({ ok: false, refusal: 'shared-already' });
  });

  it('ends with either guardian: the second no longer sees the child', async () => {
    const { first, second, child } = await share('fin');
    expect(await endSharing(database.db, { dependantId: child.id, userId: second.user.id, now })).toEqual({ releasedHoldIds: [] });
    expect(await listDependants(database.db, second.user.id)).toEqual([]);
    expect((await listDependants(database.db, first.user.id)).map((d) => d.id)).toEqual([child.id]);
    expect(await endSharing(database.db, { dependantId: child.id, userId: first.user.id, now })).toBe(false);
  });

  it('leaves the PAI the second guardian uploaded with the child: theirs no more, and their erasure goes through', async () => {
    const { first, second, child } = await share('fin-pai');
    const pai = await database.db
      .insertInto('documents')
      .values({ owner_id: second.user.id, kind: 'pai', file_name: 'pai.pdf', mime_type: 'application/pdf', size_bytes: 10, sha256: 'q'.repeat(64), storage_key: 'fin-pai'.padEnd(64, 'k'), uploaded_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    await database.db.insertInto('child_health_records').values({ dependant_id: child.id, version: 1, has_pai: true, pai_document_id: pai.id, recorded_by: second.user.id, recorded_at: now }).execute();
    expect(await endSharing(database.db, { dependantId: child.id, userId: first.user.id, now })).toEqual({ releasedHoldIds: [] });
    expect(await database.db.selectFrom('documents').select('owner_id').where('id', '=', pai.id).executeTakeFirstOrThrow()).toEqual({ owner_id: first.user.id });
    await erasePersonalData(database.db, await requestErasure(database.db, { userId: second.user.id, iban: null, now }), now);
    expect(await database.db.selectFrom('child_health_records').select('pai_document_id').where('dependant_id', '=', child.id).execute()).toEqual([{ pai_document_id: pai.id }]);
  });

  it("takes the child out of the second guardian's cart and waits: nothing left to order for a child no longer theirs", async () => {
    const { first, second, child } = await share('fin-panier');
    const [day, full] = (await serviceDaysFrom(database.db, 'Matin', addDays(parisDate(now), 21), 2)) as [string, string];
    const held = await holdPlaces(database.db, { user: second.user, dependants: [child] }, 'Matin', [day], now);
    if (!held.ok) throw new Error('not held');
    const product = await demoProduct(database.db);
    const slot = await database.db.selectFrom('slots').select(['id', 'prestation_id']).where('product_id', '=', product.id).where('service_date', '=', full).orderBy('id').executeTakeFirstOrThrow();
    await database.db.insertInto('waitlist_entries').values({ slot_id: slot.id, product_id: product.id, service_date: full, dependant_id: child.id, user_id: second.user.id, joined_at: now, rank_at: now }).execute();

    expect(await endSharing(database.db, { dependantId: child.id, userId: first.user.id, now })).toEqual({ releasedHoldIds: held.holdIds });
    expect(await createOrderFromCart(database.db, second.user.id, now)).toBeNull();
    expect(await database.db.selectFrom('waitlist_entries').select('status').where('dependant_id', '=', child.id).execute()).toEqual([{ status: 'left' }]);
  });
});

describe('booking by two guardians', () => {
  it('books a child once per day, whichever guardian asks', async () => {
    const { first, second, child } = await share('meme-jour');
    const [day] = (await serviceDaysFrom(database.db, 'Matin', addDays(parisDate(now), 7), 1)) as [string];
    const asSecond = { user: second.user, dependants: [child] };
    expect((await holdPlaces(database.db, first, 'Matin', [day], now)).ok).toBe(true);
    expect(await holdPlaces(database.db, asSecond, 'Matin', [day], now)).toEqual({ ok: false, failures: [{ date: day, reason: 'already-booked' }] });
    await payCart(database.db, first.user.id, now);
    expect(await holdPlaces(database.db, asSecond, 'Matin', [day], now)).toEqual({ ok: false, failures: [{ date: day, reason: 'already-booked' }] });
  });

  it('applies alternate weeks once the other guardian agreed', async () => {
    const { first, second, child } = await share('alternance');
    const product = await demoProduct(database.db);
    const monday = mondayOf(addDays(parisDate(now), 7));
    const days = [addDays(monday, 2), addDays(monday, 9)];
    const ruleId = await proposeRule(database.db, { dependantId: child.id, productId: product.id, userId: first.user.id, proposal: { rule: 'alternate', referenceMonday: monday, referenceGuardianId: first.user.id }, now });
    // Pending, it binds nobody.
    expect(await othersWeekDays(database.db, { userId: second.user.id, productId: product.id, dependantIds: [child.id], days })).toEqual([]);
    expect(await answerRule(database.db, { dependantId: child.id, ruleId, userId: first.user.id, answer: 'agree', now })).toBe('not-found');
    expect(await answerRule(database.db, { dependantId: child.id, ruleId, userId: second.user.id, answer: 'agree', now })).toBe('agreed');
    expect(await othersWeekDays(database.db, { userId: second.user.id, productId: product.id, dependantIds: [child.id], days })).toEqual([{ dependantId: child.id, day: days[0], holder: first.user.first_name }]);
    expect(await othersWeekDays(database.db, { userId: first.user.id, productId: product.id, dependantIds: [child.id], days })).toEqual([{ dependantId: child.id, day: days[1], holder: second.user.first_name }]);
  });

  it("offers no place from a waiting list in the other guardian's week, agreed after the wait began", async () => {
    const { first, second, child } = await share('alternance-attente');
    const product = await demoProduct(database.db);
    const [day] = (await serviceDaysFrom(database.db, 'Matin', addDays(parisDate(now), 28), 1)) as [string];
    const slot = await database.db.selectFrom('slots').select(['id', 'prestation_id']).where('product_id', '=', product.id).where('service_date', '=', day).orderBy('id').executeTakeFirstOrThrow();
    const entry = await database.db.insertInto('waitlist_entries').values({ slot_id: slot.id, product_id: product.id, service_date: day, dependant_id: child.id, user_id: second.user.id, joined_at: now, rank_at: now }).returning('id').executeTakeFirstOrThrow();
    // The week of the day is the first guardian's.
    const ruleId = await proposeRule(database.db, { dependantId: child.id, productId: product.id, userId: first.user.id, proposal: { rule: 'alternate', referenceMonday: mondayOf(day), referenceGuardianId: first.user.id }, now });
    expect(await answerRule(database.db, { dependantId: child.id, ruleId, userId: second.user.id, answer: 'agree', now })).toBe('agreed');
    const offered = await offerPlace(database.db, { entryId: entry.id, product, prestationId: slot.prestation_id, until: new Date(now.getTime() + 3_600_000), now });
    expect(offered).toEqual({ ok: false, reason: 'gone' });
    expect(await database.db.selectFrom('holds').select('id').where('dependant_id', '=', child.id).execute()).toEqual([]);
  });
});

describe("the second guardian's own bookings", () => {
  it('are theirs: e-tickets, cancellation refunded to their wallet, absences; the first guardian sees none of them', async () => {
    const { first, second, child } = await share('parcours');
    const [day, other] = (await serviceDaysFrom(database.db, 'Matin', addDays(parisDate(now), 14), 2)) as [string, string];
    const asSecond = { user: second.user, dependants: [child] };
    expect((await holdPlaces(database.db, asSecond, 'Matin', [day, other], now)).ok).toBe(true);
    await payCart(database.db, second.user.id, now);
    const tickets = await familyTickets(database.db, second.user.id);
    expect(tickets.map((t) => t.day)).toEqual([day, other]);
    expect(await familyTickets(database.db, first.user.id)).toEqual([]);
    const [toCancel, toDeclare] = await database.db.selectFrom('reservations').select('id').where('user_id', '=', second.user.id).orderBy('service_date').execute();
    // The first guardian cannot cancel or declare what the second booked and paid.
    expect(await cancelReservation(database.db, first.user.id, toCancel!.id, now)).toEqual({ ok: false, reason: 'not-found' });
    expect((await declareAbsence(database.db, { userId: first.user.id, reservationIds: [toDeclare!.id], now })).ok).toBe(false);
    const cancelled = await cancelReservation(database.db, second.user.id, toCancel!.id, now);
    expect(cancelled.ok).toBe(true);
    expect(await balance(database.db, second.user.id)).toBe(cancelled.ok ? cancelled.refundedCents : -1);
    expect(await balance(database.db, first.user.id)).toBe(0);
    expect((await declareAbsence(database.db, { userId: second.user.id, reservationIds: [toDeclare!.id], now })).ok).toBe(true);
  });
});

describe("one guardian's erasure", () => {
  it('leaves the child and its file to the other guardian', async () => {
    const { first, second, child } = await share('effacement');
    await database.db.insertInto('child_contacts').values({ dependant_id: child.id, first_name: 'Mamie', last_name: 'Pardon', phone: '0600000000', relationship: 'grand-mère', may_collect: true, created_at: now, updated_at: now }).execute();
    // The PAI the first guardian uploaded is the child's: it stays, the other guardian's now.
    const pai = await database.db
      .insertInto('documents')
      .values({ owner_id: first.user.id, kind: 'pai', file_name: 'pai.pdf', mime_type: 'application/pdf', size_bytes: 10, sha256: 'p'.repeat(64), storage_key: 'k'.repeat(64), uploaded_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    await database.db.insertInto('child_health_records').values({ dependant_id: child.id, version: 1, has_pai: true, pai_document_id: pai.id, recorded_by: first.user.id, recorded_at: now }).execute();
    expect(await familyFileKeys(database.db, first.user.id)).toEqual([]);
    await erasePersonalData(database.db, await requestErasure(database.db, { userId: first.user.id, iban: null, now }), now);
    const kept = await database.db.selectFrom('dependants').selectAll().where('id', '=', child.id).executeTakeFirstOrThrow();
    expect(kept).toMatchObject({ guardian_id: second.user.id, co_guardian_id: null, first_name: child.first_name, removed_at: null });
    expect((await listDependants(database.db, second.user.id)).map((d) => d.id)).toEqual([child.id]);
    expect(await database.db.selectFrom('child_contacts').select('first_name').where('dependant_id', '=', child.id).execute()).toEqual([{ first_name: 'Mamie' }]);
    expect(await database.db.selectFrom('documents').select('owner_id').where('id', '=', pai.id).executeTakeFirstOrThrow()).toEqual({ owner_id: second.user.id });
  });

  it("of the second guardian leaves the child to the first", async () => {
    const { first, second, child } = await share('effacement-second');
    await erasePersonalData(database.db, await requestErasure(database.db, { userId: second.user.id, iban: null, now }), now);
    expect(await database.db.selectFrom('dependants').select(['guardian_id', 'co_guardian_id', 'first_name']).where('id', '=', child.id).executeTakeFirstOrThrow()).toEqual({ guardian_id: first.user.id, co_guardian_id: null, first_name: child.first_name });
  });
});
