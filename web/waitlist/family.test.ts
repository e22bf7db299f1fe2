// The waiting list through the app, with a worker of the real app running the day's workflow: a
// cart refused for a full day offers the list; the family joins and sees its place; a place freed
// by a cancellation is offered to it in its cart; staff move a family to the front with a reason;
// refusing the place gives it to the family first in line; another family's entry answers 404.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDemoCatalogue } from '../../db/demo/load.ts';
import { createStaff, login } from '../../test/helpers/accounts.ts';
import { createTestApp, postForm } from '../../test/helpers/app.ts';
import { addDays, formatLongDate } from '../../domain/dates.ts';
import { bookingFamily, demoProduct, holdPlaces, payCart, serviceDaysFrom, setCapacity } from '../../test/helpers/booking.ts';
import { useTestDatabase } from '../../test/helpers/database.ts';
import { useTemporal } from '../../test/helpers/temporal.ts';
import { bookableSeasonDay, testNow, testToday } from '../../test/helpers/clock.ts';

const database = useTestDatabase();
const temporal = useTemporal({ worker: { db: () => database.db } });
const app = () => createTestApp({ db: database.db, temporal: temporal.client, taskQueue: temporal.taskQueue });
const get = (path: string, cookie: string) => app().request(path, { headers: { Cookie: cookie } });
// Two Wednesdays three weeks and more ahead of the tests' clock, past every deadline's reach.
let DAY = '';
let laterDay = '';

beforeAll(async () => {
  await loadDemoCatalogue(database.db, bookableSeasonDay());
  [DAY, laterDay] = (await serviceDaysFrom(database.db, 'Matin', addDays(testToday(), 21), 2)) as [string, string];
  await createStaff(database.db, 'agent-attente@rosieres.fr', ['rosieres']);
  await createStaff(database.db, 'agent-attente@bains.fr', ['bains']);
});

async function statusOf(userId: number, status: string) {
  for (let i = 0; i < 100; i += 1) {
    const row = await database.db.selectFrom('waitlist_entries').select('status').where('user_id', '=', userId).executeTakeFirst();
    if (row?.status === status) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`never ${status}`);
}

describe('waiting lists', () => {
  it('are joined from a full day, offer a freed place in the cart, and pass it on when refused', async () => {
    const product = await demoProduct(database.db);
    const matin = product.prestations.find((p) => p.label === 'Matin')!.id;
    await setCapacity(database.db, DAY, 'Matin', 1);
    const [holder, first, second, third] = await Promise.all(['titulaire', 'premiere', 'seconde', 'troisieme'].map((name) => bookingFamily(database.db, `liste-${name}@example.fr`)));
    if (!(await holdPlaces(database.db, holder!, 'Matin', [DAY], testNow())).ok) throw new Error('hold refused');
    await payCart(database.db, holder!.user.id, testNow());

    const join = async (family: NonNullable<typeof first>) => {
      const cookie = await login(app(), family.user.email);
      const refused = await postForm(app(), `/produits/${product.id}/panier`, { prestation: String(matin), enfant: String(family.dependants[0]!.id), date: DAY }, { Cookie: cookie });
      expect(refused.status).toBe(409);
      expect(await refused.text()).toContain('M&#39;inscrire sur liste d&#39;attente pour ce jour complet');
      const joined = await postForm(app(), `/produits/${product.id}/liste-attente`, { prestation: String(matin), enfant: String(family.dependants[0]!.id), attente: DAY }, { Cookie: cookie });
      expect(joined.headers.get('location')).toBe('/mon-compte/listes-attente?ok=inscrit');
      return cookie;
    };
    const firstCookie = await join(first!);
    const secondCookie = await join(second!);
    expect(await (await get('/mon-compte/listes-attente', secondCookie)).text()).toContain('<td data-label="Place dans la liste">2e</td>');
    // « Mes réservations » says it too.
    expect(await (await get('/mon-compte/reservations', secondCookie)).text()).toMatch(new RegExp(`<h2>En liste d&#39;attente</h2><ul><li>${formatLongDate(DAY)} – Jérémy, [^:]+ : 2e dans la liste`));
    // Another family's child is never put in the line.
    const intruder = await postForm(app(), `/produits/${product.id}/liste-attente`, { prestation: String(matin), enfant: String(first!.dependants[0]!.id), attente: DAY }, { Cookie: secondCookie });
    expect(intruder.status).toBe(400);

    // The holder cancels from « Mes réservations »: the first family is offered the place, in its cart.
    const reservation = await database.db.selectFrom('reservations').select('id').where('user_id', '=', holder!.user.id).executeTakeFirstOrThrow();
    const cancelled = await postForm(app(), `/mon-compte/reservations/${reservation.id}/annuler`, {}, { Cookie: await login(app(), holder!.user.email) });
    expect(cancelled.status).toBe(303);
    await statusOf(first!.user.id, 'offered');
    expect(await (await get('/mon-compte/listes-attente', firstCookie)).text()).toContain('Place proposée jusqu');
    expect(await (await get('/panier', firstCookie)).text()).toContain('name="hold"');
    // Every page shows the offer, one click from the cart.
    expect(await (await get('/mon-compte', firstCookie)).text()).toMatch(/Une place libérée vous est proposée<\/strong> \(liste d&#39;attente\)[^]*href="\/panier">Réserver cette place/);
    expect(await (await get('/mon-compte', secondCookie)).text()).not.toContain('offer-banner');

    // Staff see the line; a family moved to the front needs a reason.
    const staff = await login(app(), 'agent-attente@rosieres.fr');
    const lines = await (await get(`/agent/catalogue/${product.id}/attente`, staff)).text();
    expect(lines).toContain('Place proposée jusqu');
    const secondEntry = (await database.db.selectFrom('waitlist_entries').select('id').where('user_id', '=', second!.user.id).executeTakeFirstOrThrow()).id;
    const silent = await postForm(app(), `/agent/catalogue/${product.id}/attente`, { entree: String(secondEntry), raison: '', action: 'tete' }, { Cookie: staff });
    expect(silent.status).toBe(400);
    expect(await silent.text()).toContain('Dites pourquoi (elle est écrite au journal).');
    expect((await postForm(app(), `/agent/catalogue/${product.id}/attente`, { entree: String(secondEntry), raison: 'Parent hospitalisé.', action: 'tete' }, { Cookie: await login(app(), 'agent-attente@bains.fr') })).status).toBe(403);
    // No place free: a place is offered by hand only when staff add one for it.
    const full = await postForm(app(), `/agent/catalogue/${product.id}/attente`, { entree: String(secondEntry), raison: 'Fratrie déjà inscrite.', action: 'proposer' }, { Cookie: staff });
    expect(full.status).toBe(400);
    expect(await full.text()).toContain('Aucune place libre ce jour-là');
    // A third family joins; staff move it to the front, with the reason in the journal.
    await join(third!);
    const thirdEntry = (await database.db.selectFrom('waitlist_entries').select('id').where('user_id', '=', third!.user.id).executeTakeFirstOrThrow()).id;
    expect((await postForm(app(), `/agent/catalogue/${product.id}/attente`, { entree: String(thirdEntry), raison: 'Parent hospitalisé.', action: 'tete' }, { Cookie: staff })).headers.get('location')).toBe(`/agent/catalogue/${product.id}/attente?ok=tete`);
    expect(await database.db.selectFrom('audit_log').select('action').where('action', '=', 'waitlist.moved-up').execute()).toHaveLength(1);

    // Refused: the place goes to the family now first in line.
    const entry = await database.db.selectFrom('waitlist_entries').select('id').where('user_id', '=', first!.user.id).executeTakeFirstOrThrow();
    expect((await postForm(app(), `/mon-compte/listes-attente/${entry.id}/quitter`, {}, { Cookie: secondCookie })).status).toBe(404);
    expect((await postForm(app(), `/mon-compte/listes-attente/${entry.id}/quitter`, {}, { Cookie: firstCookie })).headers.get('location')).toBe('/mon-compte/listes-attente?ok=quitte');
    await statusOf(third!.user.id, 'offered');
    expect(await database.db.selectFrom('waitlist_entries').select('status').where('user_id', '=', first!.user.id).executeTakeFirstOrThrow()).toEqual({ status: 'declined' });
    expect(await database.db.selectFrom('waitlist_entries').select('status').where('user_id', '=', second!.user.id).executeTakeFirstOrThrow()).toEqual({ status: 'waiting' });
  });

  it('are offered a place by hand by staff: one added for the family, whatever its rank, mailed once', async () => {
    const product = await demoProduct(database.db);
    const matin = product.prestations.find((p) => p.label === 'Matin')!.id;
    const day = laterDay;
    await setCapacity(database.db, day, 'Matin', 1);
    const [holder, first, second] = await Promise.all(['titulaire', 'premiere', 'seconde'].map((name) => bookingFamily(database.db, `main-${name}@example.fr`)));
    const held = await holdPlaces(database.db, holder!, 'Matin', [day], testNow());
    if (!held.ok) throw new Error(`hold refused: ${JSON.stringify(held.failures)}`);
    await payCart(database.db, holder!.user.id, testNow());
    for (const family of [first!, second!]) {
      const joined = await postForm(app(), `/produits/${product.id}/liste-attente`, { prestation: String(matin), enfant: String(family.dependants[0]!.id), attente: day }, { Cookie: await login(app(), family.user.email) });
      expect(joined.status).toBe(303);
    }
    const entry = (await database.db.selectFrom('waitlist_entries').select('id').where('user_id', '=', second!.user.id).executeTakeFirstOrThrow()).id;
    const staff = await login(app(), 'agent-attente@rosieres.fr');
    const offered = await postForm(app(), `/agent/catalogue/${product.id}/attente`, { entree: String(entry), raison: 'Fratrie déjà inscrite.', action: 'proposer', place_en_plus: 'oui' }, { Cookie: staff });
    expect(offered.headers.get('location')).toBe(`/agent/catalogue/${product.id}/attente?ok=propose`);
    // The second in line has the place added; the first still waits.
    await statusOf(second!.user.id, 'offered');
    expect(await database.db.selectFrom('waitlist_entries').select('status').where('user_id', '=', first!.user.id).executeTakeFirstOrThrow()).toEqual({ status: 'waiting' });
    expect(await database.db.selectFrom('slots').select(['capacity', 'taken']).where('prestation_id', '=', matin).where('service_date', '=', day).executeTakeFirstOrThrow()).toEqual({ capacity: 2, taken: 2 });
    expect(await database.db.selectFrom('audit_log').select('details').where('action', '=', 'waitlist.offered-by-hand').executeTakeFirstOrThrow()).toMatchObject({ details: { entryId: entry, placeAdded: true, reason: 'Fratrie déjà inscrite.' } });
    const mails = await database.db.selectFrom('outbox_mails').select('subject').where('recipient', '=', second!.user.email).execute();
    expect(mails).toEqual([{ subject: `Une place s’est libérée : ${product.name}` }]);
    // Sent again, nothing more: the family no longer waits.
    const again = await postForm(app(), `/agent/catalogue/${product.id}/attente`, { entree: String(entry), raison: 'Fratrie déjà inscrite.', action: 'proposer', place_en_plus: 'oui' }, { Cookie: staff });
    expect(again.status).toBe(400);
    expect(await again.text()).toContain('Cette famille n’attend plus.');
  });
});
