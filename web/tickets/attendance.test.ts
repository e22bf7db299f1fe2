// Présences et pointage: the day's list with what staff need, the CSV, check-in by ticking and by
// e-ticket code with every refusal's reason, and nothing of another commune.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDemoCatalogue } from '../../db/demo/load.ts';
import { createStaff, login } from '../../test/helpers/accounts.ts';
import { createTestApp, postForm } from '../../test/helpers/app.ts';
import { bookingFamily, demoProduct, holdPlaces, payCart } from '../../test/helpers/booking.ts';
import { useTestDatabase } from '../../test/helpers/database.ts';
import { useTemporal } from '../../test/helpers/temporal.ts';

const database = useTestDatabase();
const temporal = useTemporal();
const now = () => new Date('2026-11-27T08:00:00Z');
const app = () => createTestApp({ db: database.db, temporal: temporal.client, now });
const get = (path: string, cookie: string) => app().request(path, { headers: { Cookie: cookie } });

/** A family of Rosières with Jérémy (allergic) booked and paid on the given days; their e-tickets by day. */
async function bookedFamily(email: string, days: string[]) {
  const family = await bookingFamily(database.db, email);
  await database.db.updateTable('dependants').set({ notes: 'Allergie arachide (PAI). Récupéré par sa grand-mère.' }).where('id', '=', family.dependants[0]!.id).execute();
  await database.db.updateTable('users').set({ phone: '06 12 34 56 78' }).where('id', '=', family.user.id).execute();
  if (!(await holdPlaces(database.db, family, 'Matin', days, now())).ok) throw new Error('hold refused');
  await payCart(database.db, family.user.id, now());
  const tickets = await database.db
    .selectFrom('e_tickets')
    .innerJoin('reservations', 'reservations.id', 'e_tickets.reservation_id')
    .select(['e_tickets.code', 'reservations.service_date', 'reservations.id'])
    .where('reservations.user_id', '=', family.user.id)
    .execute();
  return { family, ticket: (day: string) => tickets.find((t) => t.service_date === day)! };
}

let productId: number;
let staff: string;
let outsider: string;

beforeAll(async () => {
  await loadDemoCatalogue(database.db, '2026-11-27');
  productId = (await demoProduct(database.db)).id;
  await createStaff(database.db, 'agent@rosieres.fr', ['rosieres']);
  await createStaff(database.db, 'agent@aiguilhe.fr', ['aiguilhe']);
  staff = await login(app(), 'agent@rosieres.fr');
  outsider = await login(app(), 'agent@aiguilhe.fr');
});

describe('présences', () => {
  it("lists the day's children with their notes, guardian and phone, and the counts against the places", async () => {
    await bookedFamily('liste@example.fr', ['2026-12-09']);
    const index = await (await get('/agent/presences', staff)).text();
    expect(index).toContain(`/agent/presences/${productId}`);
    // Without a day, the next one with bookings.
    const html = await (await get(`/agent/presences/${productId}`, staff)).text();
    expect(html).toContain('mercredi 9 décembre 2026');
    expect(html).toContain('Pardon Jérémy');
    expect(html).toContain('9 ans');
    expect(html).toContain('Allergie arachide (PAI). Récupéré par sa grand-mère.');
    expect(html).toContain('06 12 34 56 78');
    expect(html).toMatch(/<td>Matin<\/td>\s*<td>1<\/td>\s*<td>\d+<\/td>/);
    expect(html).toContain('Non pointé');
  });

  it('exports the list as CSV for a spreadsheet: BOM, ";", one line per child', async () => {
    const response = await get(`/agent/presences/${productId}/export.csv?jour=2026-12-09`, staff);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="presences-${productId}-2026-12-09.csv"`);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await response.arrayBuffer());
    const lines = text.split('\r\n');
    expect(lines[0]).toBe("\uFEFFNom;Prénom;Âge;Prestation;Responsable;Téléphone;E-mail;Notes (allergies, personnes autorisées);Pointage;Motif d'absence");
    expect(lines[1]).toBe('Pardon;Jérémy;9;Matin;liste Test;06 12 34 56 78;liste@example.fr;Allergie arachide (PAI). Récupéré par sa grand-mère.;;');
  });

  it('checks a child in with the e-ticket code, and refuses a second time, another day, an unknown or cancelled ticket, saying why', async () => {
    const { ticket } = await bookedFamily('billet@example.fr', ['2026-12-16', '2026-12-23']);
    const scan = (code: string, day = '2026-12-16') => postForm(app(), `/agent/presences/${productId}/code`, { jour: day, code }, { Cookie: staff });
    const first = await scan(` ${ticket('2026-12-16').code.toLowerCase()} `);
    expect(first.status).toBe(303);
    expect(first.headers.get('location')).toBe(`/agent/presences/${productId}?ok=code&jour=2026-12-16`);
    const row = await database.db.selectFrom('attendance').selectAll().where('reservation_id', '=', ticket('2026-12-16').id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'present', method: 'code' });

    const again = await scan(ticket('2026-12-16').code);
    expect(again.status).toBe(400);
    expect(await again.text()).toContain('Jérémy Pardon est déjà pointé présent.');
    expect(await (await scan(ticket('2026-12-23').code)).text()).toContain('Ce billet est pour le 23-12-2026, pas pour ce jour.');
    expect(await (await scan('ZZZZZZZZZZ')).text()).toContain('Aucun billet ne porte ce code.');
    expect(await (await scan('<script>')).text()).toContain("Ce code n&#39;a pas la forme d&#39;un code de billet");
    await database.db.updateTable('reservations').set({ state: 'cancelled' }).where('id', '=', ticket('2026-12-23').id).execute();
    expect(await (await scan(ticket('2026-12-23').code, '2026-12-23')).text()).toContain('Ce billet est annulé');
  });

  it('ticks present or absent with a reason, audits it, and shows it on the family page', async () => {
    const { family, ticket } = await bookedFamily('absent@example.fr', ['2027-01-06']);
    const reservation = ticket('2027-01-06').id;
    const marked = await postForm(app(), `/agent/presences/${productId}/pointage`, { reservation: String(reservation), statut: 'absent', motif: 'Malade', jour: '2027-01-06' }, { Cookie: staff });
    expect(marked.status).toBe(303);
    expect(await (await get(`/agent/presences/${productId}?jour=2027-01-06`, staff)).text()).toContain('Absent : Malade');
    const audit = await database.db.selectFrom('audit_log').selectAll().where('action', '=', 'attendance.marked').where('subject_id', '=', reservation).executeTakeFirstOrThrow();
    expect(audit.details).toMatchObject({ before: null, after: { status: 'absent', reason: 'Malade', method: 'list' } });
    expect(await (await get(`/agent/familles/${family.user.id}`, staff)).text()).toContain('06-01-2027 – Jérémy, Inscription Accueil Périscolaire (mercredis) : absent (Malade)');

    const wrong = await postForm(app(), `/agent/presences/${productId}/pointage`, { reservation: '999999', statut: 'present', jour: '2027-01-06' }, { Cookie: staff });
    expect(wrong.status).toBe(400);
    expect(await wrong.text()).toContain("Cet enfant n&#39;est pas réservé pour cette activité");
  });

  it("shows, exports and changes nothing of another commune's product", async () => {
    const { ticket } = await bookedFamily('ailleurs@example.fr', ['2027-01-13']);
    expect(await (await get('/agent/presences', outsider)).text()).not.toContain(`/agent/presences/${productId}"`);
    expect((await get(`/agent/presences/${productId}`, outsider)).status).toBe(403);
    expect((await get(`/agent/presences/${productId}/export.csv?jour=2027-01-13`, outsider)).status).toBe(403);
    expect((await postForm(app(), `/agent/presences/${productId}/code`, { jour: '2027-01-13', code: ticket('2027-01-13').code }, { Cookie: outsider })).status).toBe(403);
    const tick = await postForm(app(), `/agent/presences/${productId}/pointage`, { reservation: String(ticket('2027-01-13').id), statut: 'present', jour: '2027-01-13' }, { Cookie: outsider });
    expect(tick.status).toBe(403);
    expect(await database.db.selectFrom('attendance').selectAll().where('reservation_id', '=', ticket('2027-01-13').id).execute()).toEqual([]);
  });
});
