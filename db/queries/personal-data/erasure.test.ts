// What the erasure leaves: in the wallet's ledger the amounts and the days, never staff's free
// text about the family (an adjustment's reason, a cancellation's); in the outbox, no mail to any
// address the family had.
import { describe, expect, it } from 'vitest';
import { loadDemoCatalogue } from '../../demo/load.ts';
import { addDays, formatShortDate, parisDate } from '../../../domain/dates.ts';
import { createParent, createStaff } from '../../../test/helpers/accounts.ts';
import { bookingFamily, demoProduct, holdPlaces, payCart, serviceDaysFrom } from '../../../test/helpers/booking.ts';
import { useTestDatabase } from '../../../test/helpers/database.ts';
import { erasePersonalData, requestErasure } from './erasure.ts';
import { storeMail } from '../mail/outbox.ts';
import { changeEmail } from '../accounts/users.ts';
import { staffCancelReservations } from '../orders/staff-cancellation.ts';
import { bookableSeasonDay, testNow } from '../../../test/helpers/clock.ts';
import { schoolYearLabel } from '../../../domain/child-file.ts';

const database = useTestDatabase();

describe('the erasure', () => {
  it('keeps a staff cancellation refund without its reason', async () => {
    const now = testNow();
    await loadDemoCatalogue(database.db, bookableSeasonDay());
    const staff = await createStaff(database.db, 'agent@rosieres.fr', ['rosieres']);
    const product = await demoProduct(database.db);
    const [day] = (await serviceDaysFrom(database.db, 'Matin', addDays(parisDate(now), 7), 1)) as [string];
    const family = await bookingFamily(database.db, 'oubliee@example.fr');
    if (!(await holdPlaces(database.db, family, 'Matin', [day], now)).ok) throw new Error('hold refused');
    const order = await payCart(database.db, family.user.id, now);
    const reason = 'Jérémy hospitalisé, sa mère nous a appelés';
    expect(await staffCancelReservations(database.db, { communeIds: [product.commune_id], number: order.number, reservations: 'all', reason, refund: { to: 'wallet' }, staffId: staff.id, now })).not.toBe('none');
    const label = async () => (await database.db.selectFrom('wallet_entries').select('label').where('idempotency_key', 'like', '%/staff-cancellation').executeTakeFirstOrThrow()).label;
    expect(await label()).toContain(reason);

    await erasePersonalData(database.db, await requestErasure(database.db, { userId: family.user.id, iban: null, now }), now);
    expect(await label()).toBe(`Annulation par la commune : ${product.name}, ${formatShortDate(day)}`);
  });

  it('clears the mail sent to the addresses the family left', async () => {
    const family = await createParent(database.db, 'Ancienne@example.fr', { status: 'validated' });
    await storeMail(database.db, { idempotencyKey: 'avant', to: 'Ancienne@example.fr', subject: 'Bienvenue', text: 'Bonjour Ancienne' });
    await changeEmail(database.db, family.id, 'nouvelle@example.fr');
    await storeMail(database.db, { idempotencyKey: 'apres', to: 'nouvelle@example.fr', subject: 'Adresse changée', text: 'Bonjour' });
    expect(await database.db.selectFrom('former_emails').select('email').where('user_id', '=', family.id).execute()).toEqual([{ email: 'ancienne@example.fr' }]);

    await erasePersonalData(database.db, await requestErasure(database.db, { userId: family.id, iban: null, now: testNow() }), testNow());
    expect(await database.db.selectFrom('outbox_mails').select('recipient').where('idempotency_key', 'in', ['avant', 'apres']).execute()).toEqual([]);
    expect(await database.db.selectFrom('former_emails').select('email').where('user_id', '=', family.id).execute()).toEqual([]);
  });

  it("deletes the children's health records, authorisations and log, and anonymises their persons, kept for the departures", async () => {
    const now = testNow();
    // The file's first test may have loaded the catalogue already.
    if (!(await database.db.selectFrom('products').select('id').executeTakeFirst())) await loadDemoCatalogue(database.db, bookableSeasonDay());
    const staff = await createStaff(database.db, 'agent.sorties@rosieres.fr', ['rosieres']);
    const [day] = (await serviceDaysFrom(database.db, 'Matin', addDays(parisDate(now), 7), 1)) as [string];
    const family = await bookingFamily(database.db, 'fiche@example.fr');
    const other = await bookingFamily(database.db, 'voisine@example.fr');
    if (!(await holdPlaces(database.db, family, 'Matin', [day], now)).ok) throw new Error('hold refused');
    await payCart(database.db, family.user.id, now);
    const child = family.dependants[0]!.id;
    const reservation = await database.db.selectFrom('reservations').select('id').where('dependant_id', '=', child).executeTakeFirstOrThrow();
    const pai = await database.db
      .insertInto('documents')
      .values({ owner_id: family.user.id, kind: 'pai', file_name: 'pai.pdf', mime_type: 'application/pdf', size_bytes: 10, sha256: 'x', storage_key: 'pai-key', uploaded_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const dependant of [child, other.dependants[0]!.id]) {
      await database.db.insertInto('child_health_records').values({ dependant_id: dependant, version: 1, allergies: 'Arachides', has_pai: true, pai_document_id: dependant === child ? pai.id : null, recorded_by: family.user.id, recorded_at: now }).execute();
      await database.db.insertInto('child_authorisations').values({ dependant_id: dependant, school_year: schoolYearLabel(parisDate(now)), kind: 'photo-video', granted: true, given_by: family.user.id, given_at: now }).execute();
      await database.db.insertInto('child_file_changes').values({ dependant_id: dependant, section: 'health', summary: 'Fiche sanitaire mise à jour (version 1)', changed_by: family.user.id, changed_at: now }).execute();
    }
    const contact = await database.db
      .insertInto('child_contacts')
      .values({ dependant_id: child, first_name: 'Josiane', last_name: 'Pardon', phone: '06 11 22 33 44', relationship: 'grand-mère', may_collect: true, created_at: now, updated_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    await database.db.insertInto('child_departures').values({ reservation_id: reservation.id, left_at: now, collected_by: 'contact', contact_id: contact.id, recorded_by: staff.id, recorded_at: now }).execute();

    await erasePersonalData(database.db, await requestErasure(database.db, { userId: family.user.id, iban: null, now }), now);
    const left = (table: 'child_health_records' | 'child_authorisations' | 'child_file_changes') => database.db.selectFrom(table).select('dependant_id').execute();
    expect(await left('child_health_records')).toEqual([{ dependant_id: other.dependants[0]!.id }]);
    expect(await left('child_authorisations')).toEqual([{ dependant_id: other.dependants[0]!.id }]);
    expect(await left('child_file_changes')).toEqual([{ dependant_id: other.dependants[0]!.id }]);
    const person = await database.db.selectFrom('child_contacts').selectAll().where('id', '=', contact.id).executeTakeFirstOrThrow();
    expect([person.first_name, person.last_name, person.phone, person.relationship, person.removed_at === null]).toEqual(['Personne', 'Anonyme', '-', '-', false]);
    expect(await database.db.selectFrom('child_departures').select('contact_id').execute()).toEqual([{ contact_id: contact.id }]);
  });
});
