// The staff's view of a child's fiche sanitaire: only for a confirmed reservation of their
// communes whose service day is today in Paris (not the day before or after, not a cancelled
// reservation, not another commune's staff, nor a parent, a visitor or a disabled account), each
// view journalled without the health data; and the list's health flag under the same rule.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDemoCatalogue } from '../../db/demo/load.ts';
import { addDays, parisInstant, type IsoDate } from '../../domain/dates.ts';
import { createStaff, login } from '../../test/helpers/accounts.ts';
import { createTestApp } from '../../test/helpers/app.ts';
import { bookingFamily, demoProduct, holdPlaces, payCart, serviceDaysFrom } from '../../test/helpers/booking.ts';
import { bookableSeasonDay, testNow, testToday } from '../../test/helpers/clock.ts';
import { useTestDatabase } from '../../test/helpers/database.ts';
import { useTemporal } from '../../test/helpers/temporal.ts';

const database = useTestDatabase();
const temporal = useTemporal();
let current = testNow();
const app = () => createTestApp({ db: database.db, temporal: temporal.client, now: () => current });
const get = (path: string, cookie: string) => app().request(path, { headers: cookie ? { Cookie: cookie } : {} });

let DAYS: IsoDate[] = [];
let productId: number;
/** The reservations of Jérémy (file filled) and Léa (booked, then cancelled) on DAYS[1]. */
let jeremy: number;
let lea: number;
let jeremyId: number;
let familyId: number;

beforeAll(async () => {
  await loadDemoCatalogue(database.db, bookableSeasonDay());
  DAYS = await serviceDaysFrom(database.db, 'Matin', addDays(testToday(), 3), 3);
  productId = (await demoProduct(database.db)).id;
  await createStaff(database.db, 'agent@rosieres.fr', ['rosieres']);
  await createStaff(database.db, 'agent@aiguilhe.fr', ['aiguilhe']);
  await createStaff(database.db, 'suspendu@rosieres.fr', ['rosieres']);
  const family = await bookingFamily(database.db, 'sante@example.fr', [{ first: 'Jérémy', birth: '2017-04-12' }, { first: 'Léa', birth: '2018-02-03' }]);
  if (!(await holdPlaces(database.db, family, 'Matin', [DAYS[1]!], testNow())).ok) throw new Error('hold refused');
  await payCart(database.db, family.user.id, testNow());
  const rows = await database.db.selectFrom('reservations').select(['id', 'dependant_id']).where('user_id', '=', family.user.id).execute();
  jeremyId = family.dependants[0]!.id;
  familyId = family.user.id;
  jeremy = rows.find((r) => r.dependant_id === family.dependants[0]!.id)!.id;
  lea = rows.find((r) => r.dependant_id === family.dependants[1]!.id)!.id;
  await database.db.updateTable('reservations').set({ state: 'cancelled', cancelled_at: testNow() }).where('id', '=', lea).execute();
  for (const version of [1, 2]) {
    await database.db
      .insertInto('child_health_records')
      .values({ dependant_id: jeremyId, version, allergies: version === 1 ? 'Kiwi' : 'Arachide (réaction grave)', diets: ['sans porc'], has_pai: true, treatments: 'Ventoline si crise', doctor_name: 'Dr Vidal', doctor_phone: '04 71 00 00 00', recorded_by: family.user.id, recorded_at: testNow() })
      .execute();
  }
  const contact = { dependant_id: jeremyId, phone: '06 11 22 33 44', created_by: family.user.id, created_at: testNow(), updated_by: family.user.id, updated_at: testNow() };
  await database.db
    .insertInto('child_contacts')
    .values([
      { ...contact, first_name: 'Mamie', last_name: 'Pardon', relationship: 'grand-mère', is_emergency: true },
      { ...contact, first_name: 'Ancien', last_name: 'Voisin', relationship: 'voisin', is_emergency: true, removed_at: testNow() },
    ])
    .execute();
});

/** The app's clock at 10:00 in Paris that day, and the visitors signed in then. */
async function on(day: IsoDate) {
  current = parisInstant(day, 10);
  return { staff: await login(app(), 'agent@rosieres.fr'), outsider: await login(app(), 'agent@aiguilhe.fr'), parent: await login(app(), 'sante@example.fr') };
}
const health = (reservation: number) => `/agent/enfants/reservations/${reservation}/sante`;
const views = () => database.db.selectFrom('audit_log').selectAll().where('action', '=', 'child-health.viewed').execute();

describe('the fiche sanitaire for staff', () => {
  it('shows the current version and the persons to call to staff of the commune on the service day, and journals the view without its content', async () => {
    const { staff } = await on(DAYS[1]!);
    const response = await get(health(jeremy), staff);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('private, no-store');
    const html = await response.text();
    expect(html).toContain('Fiche sanitaire de Jérémy Pardon');
    expect(html).toContain('Arachide (réaction grave)');
    expect(html).not.toContain('Kiwi');
    expect(html).toContain('Ventoline si crise');
    expect(html).toContain('Mamie Pardon (grand-mère)');
    expect(html).toContain('href="tel:0611223344"');
    expect(html).not.toContain('Voisin');
    const [view] = await views();
    expect(view).toMatchObject({ action: 'child-health.viewed', subject_type: 'dependant', subject_id: jeremyId, details: { reservationId: jeremy } });
    expect(JSON.stringify(view!.details)).not.toMatch(/Arachide|porc|Ventoline/);
    // The journal names the child, for staff of the commune.
    const journal = await (await get('/agent/journal', staff)).text();
    expect(journal).toContain('Fiche sanitaire consultée');
    expect(journal).toContain('Jérémy Pardon');
  });

  it('flags the child on today\'s list only, linking the view; the list of another day, the print of another day and the CSV say nothing of health', async () => {
    const { staff } = await on(DAYS[1]!);
    const list = await (await get(`/agent/presences/${productId}`, staff)).text();
    expect(list).toContain(`href="${health(jeremy)}">Allergie / PAI / régime : voir la fiche sanitaire</a>`);
    expect(await (await get(`/agent/presences/${productId}/impression`, staff)).text()).toContain('<strong>Allergie / PAI / régime</strong>');
    const csv = await (await get(`/agent/presences/${productId}/export.csv?jour=${DAYS[1]}`, staff)).text();
    expect(csv).not.toMatch(/Allergie \/ PAI|Arachide/);
    // Nor the family's page, on any day.
    expect(await (await get(`/agent/familles/${familyId}`, staff)).text()).not.toMatch(/Arachide|Ventoline/);

    for (const day of [DAYS[0]!, DAYS[2]!]) {
      const other = await on(day);
      const shown = await (await get(`/agent/presences/${productId}?jour=${DAYS[1]}`, other.staff)).text();
      expect(shown).toContain('Pardon Jérémy');
      expect(shown).not.toMatch(/Allergie \/ PAI|\/sante"|Arachide/);
      expect(await (await get(`/agent/presences/${productId}/impression?jour=${DAYS[1]}`, other.staff)).text()).not.toContain('Allergie / PAI');
    }
  });

  it('answers 404 the day before and the day after, and for a cancelled reservation; 403 to another commune\'s staff; refuses parents, visitors and a disabled account; journals none of them', async () => {
    const before = (await views()).length;
    for (const day of [DAYS[0]!, DAYS[2]!]) {
      const { staff } = await on(day);
      const response = await get(health(jeremy), staff);
      expect(response.status).toBe(404);
      expect(await response.text()).not.toContain('Arachide');
    }
    const { staff, outsider, parent } = await on(DAYS[1]!);
    expect((await get(health(lea), staff)).status).toBe(404);
    expect((await get(health(999_999), staff)).status).toBe(403);
    const foreign = await get(health(jeremy), outsider);
    expect(foreign.status).toBe(403);
    expect(await foreign.text()).not.toContain('Arachide');
    expect(await (await get(`/agent/presences/${productId}`, outsider)).text()).not.toContain('Arachide');
    expect((await get(health(jeremy), parent)).status).toBe(403);
    const anonymous = await get(health(jeremy), '');
    expect(anonymous.status).toBe(303);
    expect(anonymous.headers.get('location')).toMatch(/^\/connexion/);
    const suspended = await login(app(), 'suspendu@rosieres.fr');
    await database.db.updateTable('users').set({ status: 'suspended' }).where('email', '=', 'suspendu@rosieres.fr').execute();
    const disabled = await get(health(jeremy), suspended);
    expect(disabled.status).not.toBe(200);
    expect(await disabled.text()).not.toContain('Arachide');
    expect((await views()).length).toBe(before);
  });
});
