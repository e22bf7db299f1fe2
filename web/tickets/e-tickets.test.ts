// « Mes e-billets »: every paid reservation's ticket, to come or past, its page with its QR code
// and its PDF; a cancelled reservation's ticket is void; nothing of another family's.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDemoCatalogue } from '../../db/demo/load.ts';
import { qrModules } from '../../lib/tickets/qr.ts';
import { login } from '../../test/helpers/accounts.ts';
import { createTestApp } from '../../test/helpers/app.ts';
import { bookingFamily, holdPlaces, payCart } from '../../test/helpers/booking.ts';
import { useTestDatabase } from '../../test/helpers/database.ts';
import { useTemporal } from '../../test/helpers/temporal.ts';

const database = useTestDatabase();
const temporal = useTemporal();
const now = () => new Date('2026-12-10T09:00:00Z');
const app = () => createTestApp({ db: database.db, temporal: temporal.client, now });
const get = (path: string, cookie: string) => app().request(path, { headers: { Cookie: cookie } });

let cookie: string;
let stranger: string;
let tickets: { reservation_id: number; code: string; service_date: string }[];

beforeAll(async () => {
  await loadDemoCatalogue(database.db, '2026-11-27');
  const family = await bookingFamily(database.db, 'billets@example.fr', [{ first: 'Noëllie', birth: '2019-09-30' }]);
  // Booked on 27 November for the 2nd and the 16th of December; "today" is the 10th.
  if (!(await holdPlaces(database.db, family, 'Matin', ['2026-12-02', '2026-12-16', '2026-12-23'], new Date('2026-11-27T09:00:00Z'))).ok) throw new Error('hold refused');
  await payCart(database.db, family.user.id, new Date('2026-11-27T09:00:00Z'));
  tickets = await database.db
    .selectFrom('e_tickets')
    .innerJoin('reservations', 'reservations.id', 'e_tickets.reservation_id')
    .select(['e_tickets.reservation_id', 'e_tickets.code', 'reservations.service_date'])
    .orderBy('reservations.service_date')
    .execute();
  await database.db.updateTable('reservations').set({ state: 'cancelled' }).where('id', '=', tickets[2]!.reservation_id).execute();
  cookie = await login(app(), family.user.email);
  stranger = await login(app(), (await bookingFamily(database.db, 'autre@example.fr')).user.email);
});

describe('Mes e-billets', () => {
  it('lists the tickets to come, then those past; a cancelled one is void', async () => {
    const html = await (await get('/mon-compte/e-billets', cookie)).text();
    const upcoming = html.slice(html.indexOf('<h2>À venir</h2>'), html.indexOf('<h2>Passés</h2>'));
    const past = html.slice(html.indexOf('<h2>Passés</h2>'));
    expect(upcoming).toContain(`Voir le billet ${tickets[1]!.code}`);
    expect(upcoming).toContain('Annulé : billet non valable');
    expect(upcoming).not.toContain(tickets[2]!.code);
    expect(past).toContain(`Voir le billet ${tickets[0]!.code}`);
  });

  it("shows a ticket with its QR code, which holds the code, and serves its PDF; another family's is not found", async () => {
    const { reservation_id: id, code } = tickets[1]!;
    const page = await (await get(`/mon-compte/e-billets/${id}`, cookie)).text();
    expect(page).toContain('<svg');
    expect(page).toContain(`QR code du billet : ${code}`);
    expect(page).toContain('mercredi 16 décembre 2026');
    expect(qrModules(code).length).toBeGreaterThanOrEqual(21);
    const pdf = await get(`/mon-compte/e-billets/${id}/billet.pdf`, cookie);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(pdf.headers.get('content-disposition')).toBe(`attachment; filename="e-billet-${code}.pdf"`);
    const bytes = new Uint8Array(await pdf.arrayBuffer());
    expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe('%PDF-');
    expect(bytes.length).toBeGreaterThan(1000);
    expect((await get(`/mon-compte/e-billets/${id}`, stranger)).status).toBe(404);
    expect((await get(`/mon-compte/e-billets/${id}/billet.pdf`, stranger)).status).toBe(404);
  });

  it('prints no void ticket', async () => {
    const { reservation_id: id } = tickets[2]!;
    expect(await (await get(`/mon-compte/e-billets/${id}`, cookie)).text()).toContain("n&#39;est plus valable");
    expect((await get(`/mon-compte/e-billets/${id}/billet.pdf`, cookie)).status).toBe(404);
  });
});
