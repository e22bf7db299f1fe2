// Commandes, the commune's side: search by number, e-mail, child or day; the detail with its
// payments; a reservation cancelled and refunded once at its net price with a reason; nothing of
// another commune.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDemoCatalogue } from '../../../db/demo/load.ts';
import { balance, ledgerMismatches } from '../../../db/queries/wallet.ts';
import { createStaff, login } from '../../../test/helpers/accounts.ts';
import { createTestApp, postForm } from '../../../test/helpers/app.ts';
import { bookingFamily, holdPlaces, payCart } from '../../../test/helpers/booking.ts';
import { useTestDatabase } from '../../../test/helpers/database.ts';
import { useTemporal } from '../../../test/helpers/temporal.ts';

const database = useTestDatabase();
const temporal = useTemporal();
const now = () => new Date('2026-11-27T08:00:00Z');
const app = () => createTestApp({ db: database.db, temporal: temporal.client, now });
const get = (path: string, cookie: string) => app().request(path, { headers: { Cookie: cookie } });

let staff: string;
let outsider: string;
let number: string;
let userId: number;

beforeAll(async () => {
  await loadDemoCatalogue(database.db, '2026-11-27');
  await createStaff(database.db, 'agent@rosieres.fr', ['rosieres']);
  await createStaff(database.db, 'agent@bains.fr', ['bains']);
  staff = await login(app(), 'agent@rosieres.fr');
  outsider = await login(app(), 'agent@bains.fr');
  const family = await bookingFamily(database.db, 'commande@example.fr', [{ first: 'Maëlys', birth: '2016-02-02' }]);
  userId = family.user.id;
  if (!(await holdPlaces(database.db, family, 'Matin', ['2026-12-09', '2026-12-16'], now())).ok) throw new Error('hold refused');
  // A 3,00 € voucher on 2 × 7,90 €: the lines cost 6,40 and 6,40 net.
  number = (await payCart(database.db, family.user.id, now(), 300)).number;
});

describe('commandes', () => {
  it.each([
    ['number', () => number.slice(0, 7)],
    ['e-mail', () => 'COMMANDE@example'],
    ['child', () => 'maëlys'],
    ['day', () => '2026-12-16'],
  ])('finds the order by %s', async (_kind, query) => {
    expect(await (await get(`/agent/commandes?q=${encodeURIComponent(query())}`, staff)).text()).toContain(`/agent/commandes/${number}`);
  });

  it('shows the detail, cancels one reservation with a reason and refunds its net price once', async () => {
    const html = await (await get(`/agent/commandes/${number}`, staff)).text();
    expect(html).toContain(`workflows/order-${number}`);
    expect(html).toContain('Maëlys Pardon');
    const reservation = await database.db.selectFrom('reservations').select('id').where('user_id', '=', userId).where('service_date', '=', '2026-12-09').executeTakeFirstOrThrow();

    const noReason = await postForm(app(), `/agent/commandes/${number}/annuler`, { reservation: String(reservation.id), motif: ' ' }, { Cookie: staff });
    expect(noReason.status).toBe(400);
    expect(await noReason.text()).toContain("Indiquez le motif de l&#39;annulation.");

    const cancelled = await postForm(app(), `/agent/commandes/${number}/annuler`, { reservation: String(reservation.id), motif: 'Enfant malade' }, { Cookie: staff });
    expect(cancelled.status).toBe(303);
    expect(cancelled.headers.get('location')).toBe(`/agent/commandes/${number}?rembourse=640`);
    const again = await postForm(app(), `/agent/commandes/${number}/annuler`, { reservation: String(reservation.id), motif: 'Enfant malade' }, { Cookie: staff });
    expect(again.status).toBe(400);
    expect(await balance(database.db, userId)).toBe(640);
    const audit = await database.db.selectFrom('audit_log').select('details').where('action', '=', 'reservation.cancelled-by-staff').executeTakeFirstOrThrow();
    expect(audit.details).toMatchObject({ order: number, reason: 'Enfant malade', refundedCents: 640 });
    expect(await ledgerMismatches(database.db)).toEqual([]);
  });

  it("shows and changes nothing of another commune's orders", async () => {
    expect(await (await get(`/agent/commandes?q=${number}`, outsider)).text()).not.toContain(`/agent/commandes/${number}`);
    expect((await get(`/agent/commandes/${number}`, outsider)).status).toBe(403);
    const reservation = await database.db.selectFrom('reservations').select('id').where('user_id', '=', userId).where('service_date', '=', '2026-12-16').executeTakeFirstOrThrow();
    expect((await postForm(app(), `/agent/commandes/${number}/annuler`, { reservation: String(reservation.id), motif: 'Essai' }, { Cookie: outsider })).status).toBe(403);
    expect((await database.db.selectFrom('reservations').select('state').where('id', '=', reservation.id).executeTakeFirstOrThrow()).state).toBe('confirmed');
  });
});
