// Departures (« sortie ») from the day's attendance list: the persons who may collect each child
// shown with their phone, a departure recorded with one of them (once: the same form again changes
// nothing), a stranger refused with the reason said and journalled without the name, going home
// alone only when the family authorised that weekday, no time ahead, only for a present child of
// today, and nothing for another commune's staff.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDemoCatalogue } from '../../db/demo/load.ts';
import { schoolYearLabel } from '../../domain/child-departure.ts';
import { addDays, isoWeekday, parisInstant, type IsoDate } from '../../domain/dates.ts';
import { createStaff, login } from '../../test/helpers/accounts.ts';
import { createTestApp, postForm } from '../../test/helpers/app.ts';
import { bookingFamily, demoProduct, holdPlaces, payCart, serviceDaysFrom } from '../../test/helpers/booking.ts';
import { bookableSeasonDay, testNow, testToday } from '../../test/helpers/clock.ts';
import { useTestDatabase } from '../../test/helpers/database.ts';
import { useTemporal } from '../../test/helpers/temporal.ts';

const database = useTestDatabase();
const temporal = useTemporal();
let current = testNow();
const app = () => createTestApp({ db: database.db, temporal: temporal.client, now: () => current });
const get = (path: string, cookie: string) => app().request(path, { headers: { Cookie: cookie } });

let DAY: IsoDate;
let productId: number;
let staff: string;
let outsider: string;
const children = ['Anna', 'Noé', 'Zoé', 'Hugo', 'Inès'] as const;
const reservation: Record<string, number> = {};
const childId: Record<string, number> = {};
let guardianId: number;
let mamie: number;

beforeAll(async () => {
  await loadDemoCatalogue(database.db, bookableSeasonDay());
  [DAY] = (await serviceDaysFrom(database.db, 'Matin', addDays(testToday(), 3), 1)) as [IsoDate];
  productId = (await demoProduct(database.db)).id;
  await createStaff(database.db, 'agent@rosieres.fr', ['rosieres']);
  await createStaff(database.db, 'agent@aiguilhe.fr', ['aiguilhe']);
  const family = await bookingFamily(database.db, 'sortie@example.fr', children.map((first, i) => ({ first, birth: `201${i + 5}-05-20` })));
  guardianId = family.user.id;
  await database.db.updateTable('users').set({ first_name: 'Jean', last_name: 'Pardon', phone: '06 12 34 56 78' }).where('id', '=', guardianId).execute();
  if (!(await holdPlaces(database.db, family, 'Matin', [DAY], testNow())).ok) throw new Error('hold refused');
  await payCart(database.db, guardianId, testNow());
  for (const child of family.dependants) {
    childId[child.first_name] = child.id;
    reservation[child.first_name] = (await database.db.selectFrom('reservations').select('id').where('dependant_id', '=', child.id).executeTakeFirstOrThrow()).id;
  }
  const contact = { phone: '06 11 22 33 44', created_by: guardianId, created_at: testNow(), updated_by: guardianId, updated_at: testNow() };
  for (const first of children) {
    const [row] = await database.db
      .insertInto('child_contacts')
      .values([
        { ...contact, dependant_id: childId[first]!, first_name: 'Mamie', last_name: 'Pardon', relationship: 'grand-mère', may_collect: true },
        { ...contact, dependant_id: childId[first]!, first_name: 'Tonton', last_name: 'Parti', relationship: 'oncle', may_collect: true, removed_at: testNow() },
        { ...contact, dependant_id: childId[first]!, first_name: 'Docteur', last_name: 'Urgence', relationship: 'voisin', is_emergency: true },
      ])
      .returning('id')
      .execute();
    if (first === 'Anna') mamie = row!.id;
  }
  const authorisation = (first: string, weekdays: number[]) => ({ dependant_id: childId[first]!, school_year: schoolYearLabel(DAY), kind: 'home-alone' as const, granted: true, weekdays, given_by: guardianId, given_at: testNow() });
  // Hugo may go home alone on the day's weekday; Zoé only on another one.
  await database.db.insertInto('child_authorisations').values([authorisation('Hugo', [isoWeekday(DAY)]), authorisation('Zoé', [(isoWeekday(DAY) % 7) + 1])]).execute();
  current = parisInstant(DAY, 17);
  staff = await login(app(), 'agent@rosieres.fr');
  outsider = await login(app(), 'agent@aiguilhe.fr');
  for (const first of children.filter((name) => name !== 'Inès')) {
    await database.db.insertInto('attendance').values({ reservation_id: reservation[first]!, status: 'present', reason: null, method: 'list', recorded_by: guardianId, recorded_at: current }).execute();
  }
});

const leave = (first: string, fields: Record<string, string>, cookie = staff) =>
  postForm(app(), `/agent/presences/${productId}/sortie`, { reservation: String(reservation[first]), jour: DAY, heure: '16:45', ...fields }, { Cookie: cookie });
const departureOf = (first: string) => database.db.selectFrom('child_departures').selectAll().where('reservation_id', '=', reservation[first]!).executeTakeFirst();
const refusals = () => database.db.selectFrom('audit_log').selectAll().where('action', '=', 'child-departure.refused').orderBy('id').execute();

describe('departures', () => {
  it('lists who may collect each child with their phone, and who may go home alone that day', async () => {
    const html = await (await get(`/agent/presences/${productId}`, staff)).text();
    expect(html).toContain('Qui peut venir le chercher');
    expect(html).toContain('Mamie Pardon (grand-mère) : <a href="tel:0611223344">06 11 22 33 44</a>');
    expect(html).not.toContain('Tonton Parti');
    expect(html).not.toContain('Docteur Urgence');
    expect(html.match(/Peut rentrer seul/g)).toHaveLength(1);
    // The form of a present child: the guardian, the contacts, « Rentre seul » only for Hugo; none for Inès, not noted present.
    expect(html).toContain(`<input type="radio" id="qui-${reservation.Anna}-0" name="qui" value="responsable-${guardianId}"/>`);
    expect(html).toContain('Jean Pardon (responsable légal)');
    expect(html).toContain(`name="qui" value="contact-${mamie}"`);
    expect(html.match(/value="seul"/g)).toHaveLength(1);
    expect(html).toContain('<legend>Qui vient chercher Hugo Pardon ?</legend>');
    expect(html).not.toContain('Qui vient chercher Inès Pardon ?');
    expect(html).toContain(`<input id="heure-${reservation.Anna}" name="heure" type="time" value="17:00"`);
    const print = await (await get(`/agent/presences/${productId}/impression`, staff)).text();
    expect(print).toContain('Mamie Pardon (grand-mère) : 06 11 22 33 44');
    // The family's page names them too, with the contacts the family removed or only to call left out.
    const family = await (await get(`/agent/familles/${guardianId}`, staff)).text();
    expect(family).toContain('Peuvent aussi venir chercher l&#39;enfant : Mamie Pardon (grand-mère, 06 11 22 33 44)');
    expect(family).not.toMatch(/Tonton|Docteur/);
  });

  it('records the departure with a listed person, once: the same form again changes nothing, another one is refused', async () => {
    const done = await leave('Anna', { qui: `contact-${mamie}` });
    expect(done.status).toBe(303);
    const page = await (await get(done.headers.get('location')!, staff)).text();
    expect(page).toContain('Départ d&#39;Anna Pardon enregistré.');
    expect(page).toContain('Parti à 16 h 45 avec Mamie Pardon (grand-mère)');
    const recorded = await departureOf('Anna');
    expect(recorded).toMatchObject({ collected_by: 'contact', contact_id: mamie, guardian_id: null });
    expect(recorded!.left_at.getTime()).toBe(parisInstant(DAY, 16).getTime() + 45 * 60_000);
    const audit = await database.db.selectFrom('audit_log').selectAll().where('action', '=', 'child-departure.recorded').executeTakeFirstOrThrow();
    expect(audit.details).toMatchObject({ reservationId: reservation.Anna, collectedBy: 'contact', contactId: mamie });

    const again = await leave('Anna', { qui: `contact-${mamie}` });
    expect(again.status).toBe(303);
    expect(await database.db.selectFrom('child_departures').select('id').where('reservation_id', '=', reservation.Anna!).execute()).toHaveLength(1);
    const other = await leave('Anna', { qui: `responsable-${guardianId}` });
    expect(other.status).toBe(400);
    expect(await other.text()).toContain('Le départ d&#39;Anna Pardon est déjà enregistré.');
    expect(await departureOf('Anna')).toMatchObject({ collected_by: 'contact' });

    // A name typed that the family listed is that person (accents, case and order aside).
    expect((await leave('Noé', { qui: 'autre', nom: '  pardon JEAN ' })).status).toBe(303);
    expect(await departureOf('Noé')).toMatchObject({ collected_by: 'guardian', guardian_id: guardianId });
  });

  it('refuses a stranger with the reason said, keeps what was typed, records nothing and journals the refusal without the name', async () => {
    const refused = await leave('Zoé', { qui: 'autre', nom: 'Marcel Inconnu' });
    expect(refused.status).toBe(400);
    const html = await refused.text();
    expect(html).toContain('Cette personne n&#39;est pas autorisée à venir chercher l&#39;enfant : Marcel Inconnu ne figure pas parmi les responsables et les personnes que la famille a autorisées pour Zoé Pardon.');
    expect(html).toContain(`<details class="departure no-print" open="">`);
    expect(html).toContain('name="nom" value="Marcel Inconnu"');
    expect(await departureOf('Zoé')).toBeUndefined();
    // A contact removed by the family is a stranger too, by name or by its old choice.
    const removed = await database.db.selectFrom('child_contacts').select('id').where('dependant_id', '=', childId.Zoé!).where('first_name', '=', 'Tonton').executeTakeFirstOrThrow();
    expect((await leave('Zoé', { qui: 'autre', nom: 'Tonton Parti' })).status).toBe(400);
    expect((await leave('Zoé', { qui: `contact-${removed.id}` })).status).toBe(400);
    expect(await departureOf('Zoé')).toBeUndefined();
    const journal = await refusals();
    expect(journal).toHaveLength(3);
    expect(journal[0]).toMatchObject({ subject_type: 'reservation', subject_id: reservation.Zoé, details: { reservationId: reservation.Zoé, reason: 'not-listed' } });
    expect(JSON.stringify(journal.map((row) => row.details))).not.toMatch(/Marcel|Inconnu|Tonton/);
  });

  it('lets a child go home alone only when the family authorised that weekday', async () => {
    const refused = await leave('Zoé', { qui: 'seul' });
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain('La famille n&#39;a pas autorisé le retour sans accompagnateur de Zoé ce jour de la semaine');
    expect(await departureOf('Zoé')).toBeUndefined();
    expect((await refusals()).at(-1)).toMatchObject({ details: { reason: 'not-alone' } });

    expect((await leave('Hugo', { qui: 'seul' })).status).toBe(303);
    expect(await departureOf('Hugo')).toMatchObject({ collected_by: 'alone', contact_id: null, guardian_id: null });
    expect(await (await get(`/agent/presences/${productId}`, staff)).text()).toContain('Parti à 16 h 45 : rentre seul (autorisé par la famille)');
  });

  it('refuses a time ahead, a child not noted present, a day other than today and bad input, recording nothing', async () => {
    const ahead = await leave('Zoé', { qui: `responsable-${guardianId}`, heure: '17:30' });
    expect(ahead.status).toBe(400);
    expect(await ahead.text()).toContain('L&#39;heure de départ ne peut pas être à venir : il est 17 h.');
    const absent = await leave('Inès', { qui: `responsable-${guardianId}` });
    expect(await absent.text()).toContain('Notez d&#39;abord la présence d&#39;Inès Pardon');
    const missing = await leave('Zoé', { qui: 'autre', nom: '' });
    expect(await missing.text()).toContain('Tapez le prénom et le nom de la personne venue chercher l&#39;enfant.');
    const badTime = await leave('Zoé', { qui: `responsable-${guardianId}`, heure: '25:00' });
    expect(await badTime.text()).toContain('Indiquez l&#39;heure de départ (par exemple 16:45).');
    const before = current;
    current = parisInstant(addDays(DAY, 1), 10);
    const late = await leave('Zoé', { qui: `responsable-${guardianId}`, heure: '09:00' }, await login(app(), 'agent@rosieres.fr'));
    expect(late.status).toBe(400);
    expect(await late.text()).toContain('un départ s&#39;enregistre le jour même');
    current = before;
    expect(await departureOf('Zoé')).toBeUndefined();
    expect(await departureOf('Inès')).toBeUndefined();
  });

  it("refuses another commune's staff, recording nothing", async () => {
    const foreign = await leave('Zoé', { qui: `responsable-${guardianId}` }, outsider);
    expect(foreign.status).toBe(403);
    expect(await departureOf('Zoé')).toBeUndefined();
    // Zoé is fetched by her guardian at last.
    expect((await leave('Zoé', { qui: `responsable-${guardianId}` })).status).toBe(303);
    expect(await departureOf('Zoé')).toMatchObject({ collected_by: 'guardian', guardian_id: guardianId });
  });
});
