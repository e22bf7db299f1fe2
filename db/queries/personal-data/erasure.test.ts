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
});
