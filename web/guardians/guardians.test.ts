// Shared custody through the Hono app: the invitation from « Mes filiations », its acceptance from
// another session, the refusals, the billing rules proposed and accepted, and alternate weeks
// refused at the cart; staff see both guardians.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDemoCatalogue } from '../../db/demo/load.ts';
import { addDays, parisDate } from '../../domain/dates.ts';
import { mondayOf } from '../../domain/custody.ts';
import { createStaff, login } from '../../test/helpers/accounts.ts';
import { createTestApp, postForm } from '../../test/helpers/app.ts';
import { bookingFamily, demoProduct, serviceDaysFrom, setCapacity } from '../../test/helpers/booking.ts';
import { bookableSeasonDay, testNow } from '../../test/helpers/clock.ts';
import { useTestDatabase } from '../../test/helpers/database.ts';
import { waitForMail } from '../../test/helpers/outbox.ts';
import { useTemporal } from '../../test/helpers/temporal.ts';

const database = useTestDatabase();
const now = testNow;
const temporal = useTemporal({ worker: { db: () => database.db, now } });
const app = () => createTestApp({ db: database.db, temporal: temporal.client, taskQueue: temporal.taskQueue, now });
const get = (path: string, cookie = '') => app().request(path, { headers: cookie ? { Cookie: cookie } : {} });

beforeAll(async () => {
  await loadDemoCatalogue(database.db, bookableSeasonDay());
});

async function households(tag: string) {
  const first = await bookingFamily(database.db, `marie-${tag}@example.fr`);
  const second = await bookingFamily(database.db, `marc-${tag}@example.fr`, []);
  return { first, second, child: first.dependants[0]!, firstCookie: await login(app(), first.user.email), secondCookie: await login(app(), second.user.email) };
}

/** A invites B by the page; the token of the mailed link. */
async function invite(h: Awaited<ReturnType<typeof households>>): Promise<string> {
  const sent = await postForm(app(), `/mon-compte/garde-partagee/${h.child.id}/invitation`, { email: h.second.user.email }, { Cookie: h.firstCookie });
  expect(sent.status).toBe(303);
  const mail = await waitForMail(database.db, h.second.user.email, /vous invite/);
  return /jeton=([a-z0-9]+)/.exec(mail.text_body)![1]!;
}

async function share(tag: string) {
  const h = await households(tag);
  const token = await invite(h);
  const accepted = await postForm(app(), '/garde-partagee/invitation', { jeton: token, reponse: 'accepter' }, { Cookie: h.secondCookie });
  expect(accepted.status).toBe(303);
  return h;
}

describe('the invitation', () => {
  it('is sent from « Mes filiations » and accepted from the other parent’s own session', async () => {
    const h = await households('accepte');
    expect(await (await get('/mon-compte/filiations', h.firstCookie)).text()).toContain(`/mon-compte/garde-partagee/${h.child.id}`);
    const token = await invite(h);
    expect(await (await get(`/mon-compte/garde-partagee/${h.child.id}?ok=invitation`, h.firstCookie)).text()).toContain(`Une invitation attend la réponse de ${h.second.user.email}`);
    // Signed out, the link leads to the login and back.
    const anonymous = await (await get(`/garde-partagee/invitation?jeton=${token}`)).text();
    expect(anonymous).toContain('Me connecter pour répondre');
    expect(anonymous).toContain(encodeURIComponent(`/garde-partagee/invitation?jeton=${token}`));
    // The other parent has no access to the child before accepting.
    expect((await get(`/mon-compte/garde-partagee/${h.child.id}`, h.secondCookie)).status).toBe(404);
    expect(await (await get(`/garde-partagee/invitation?jeton=${token}`, h.secondCookie)).text()).toContain('Accepter l’invitation');
    const accepted = await postForm(app(), '/garde-partagee/invitation', { jeton: token, reponse: 'accepter' }, { Cookie: h.secondCookie });
    expect(accepted.headers.get('location')).toBe(`/mon-compte/garde-partagee/${h.child.id}?ok=acceptee`);
    expect(await (await get('/mon-compte/filiations', h.secondCookie)).text()).toContain(h.child.first_name);
    expect(await (await get(`/mon-compte/garde-partagee/${h.child.id}`, h.firstCookie)).text()).toContain('Règles de paiement et fin du partage');
    // Spent: the link serves once.
    expect((await postForm(app(), '/garde-partagee/invitation', { jeton: token, reponse: 'accepter' }, { Cookie: h.secondCookie })).status).toBe(410);
  });

  it('refuses a wrong address, one’s own invitation, staff, a cancelled link and a third guardian', async () => {
    const h = await households('refus');
    const wrong = await postForm(app(), `/mon-compte/garde-partagee/${h.child.id}/invitation`, { email: 'pas-une-adresse' }, { Cookie: h.firstCookie });
    expect(wrong.status).toBe(400);
    expect(await wrong.text()).toContain('pas-une-adresse');
    const own = await postForm(app(), `/mon-compte/garde-partagee/${h.child.id}/invitation`, { email: h.first.user.email }, { Cookie: h.firstCookie });
    expect(own.status).toBe(400);
    expect(await own.text()).toContain('C’est votre propre adresse');

    const token = await invite(h);
    const self = await postForm(app(), '/garde-partagee/invitation', { jeton: token, reponse: 'accepter' }, { Cookie: h.firstCookie });
    expect(self.status).toBe(403);
    expect(await self.text()).toContain('Vous êtes déjà responsable de cet enfant');
    await createStaff(database.db, 'agent-garde@rosieres.fr', ['rosieres']);
    const staff = await login(app(), 'agent-garde@rosieres.fr');
    expect(await (await get(`/garde-partagee/invitation?jeton=${token}`, staff)).text()).toContain('Un compte agent ne peut pas être responsable');
    expect((await postForm(app(), '/garde-partagee/invitation', { jeton: token, reponse: 'accepter' }, { Cookie: staff })).status).toBe(403);
    // Forwarded to another parent: only the account of the address invited answers it.
    const stranger = await bookingFamily(database.db, 'transfere-garde@example.fr', []);
    const forwarded = await postForm(app(), '/garde-partagee/invitation', { jeton: token, reponse: 'accepter' }, { Cookie: await login(app(), stranger.user.email) });
    expect(forwarded.status).toBe(403);
    expect(await forwarded.text()).toContain('Cette invitation a été envoyée à une autre adresse e-mail');
    expect((await get(`/mon-compte/garde-partagee/${h.child.id}`, await login(app(), stranger.user.email))).status).toBe(404);

    expect((await postForm(app(), `/mon-compte/garde-partagee/${h.child.id}/invitation/annuler`, {}, { Cookie: h.firstCookie })).status).toBe(303);
    expect((await get(`/garde-partagee/invitation?jeton=${token}`, h.secondCookie)).status).toBe(410);
    expect((await postForm(app(), '/garde-partagee/invitation', { jeton: token, reponse: 'accepter' }, { Cookie: h.secondCookie })).status).toBe(410);
  });

  it('records who changed the child’s identity, for the other guardian', async () => {
    const h = await share('identite');
    const edited = await postForm(app(), `/mon-compte/filiations/${h.child.id}`, { first_name: 'Jérémie', last_name: 'Pardon', birth_date: h.child.birth_date, relationship: 'enfant', notes: '' }, { Cookie: h.secondCookie });
    expect(edited.status).toBe(303);
    const change = await database.db.selectFrom('child_file_changes').select(['section', 'changed_by']).where('dependant_id', '=', h.child.id).orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(change).toEqual({ section: 'identity', changed_by: h.second.user.id });
    // Removing a shared child would take it from the other guardian too: the sharing ends first.
    const removed = await postForm(app(), `/mon-compte/filiations/${h.child.id}/supprimer`, {}, { Cookie: h.secondCookie });
    expect(removed.headers.get('location')).toBe(`/mon-compte/garde-partagee/${h.child.id}?ok=retrait`);
    expect(await database.db.selectFrom('dependants').select(['removed_at', 'co_guardian_id']).where('id', '=', h.child.id).executeTakeFirstOrThrow()).toEqual({ removed_at: null, co_guardian_id: h.second.user.id });
  });

  it('ends the sharing only once confirmed; the second guardian then no longer sees the child', async () => {
    const h = await share('fin');
    const asked = await postForm(app(), `/mon-compte/garde-partagee/${h.child.id}/fin`, {}, { Cookie: h.secondCookie });
    expect(asked.status).toBe(200);
    expect(await asked.text()).toContain('Mettre fin à la garde partagée de Jérémy ?');
    expect((await postForm(app(), `/mon-compte/garde-partagee/${h.child.id}/fin`, { confirmation: 'oui' }, { Cookie: h.secondCookie })).headers.get('location')).toBe('/mon-compte/filiations');
    expect((await get(`/mon-compte/garde-partagee/${h.child.id}`, h.secondCookie)).status).toBe(404);
    expect(await (await get(`/mon-compte/garde-partagee/${h.child.id}`, h.firstCookie)).text()).toContain('Inviter l’autre parent');
  });

  it('shows both guardians on the staff’s family page', async () => {
    const h = await share('agent');
    await createStaff(database.db, 'agent-famille@rosieres.fr', ['rosieres']);
    const page = await (await get(`/agent/familles/${h.second.user.id}`, await login(app(), 'agent-famille@rosieres.fr'))).text();
    expect(page).toContain('Garde partagée – responsables');
    expect(page).toContain(`/agent/familles/${h.first.user.id}`);
  });
});

describe('billing rules', () => {
  it('apply once the other guardian accepts; alternate weeks refuse the other’s days at the cart', async () => {
    const h = await share('alternance');
    const product = await demoProduct(database.db);
    const prestation = product.prestations.find((p) => p.label === 'Matin')!.id;
    const [mine, theirs] = (await serviceDaysFrom(database.db, 'Matin', mondayOf(addDays(parisDate(now()), 14)), 2)) as [string, string];
    expect(mondayOf(theirs)).toBe(addDays(mondayOf(mine), 7));

    const bad = await postForm(app(), `/mon-compte/garde-partagee/${h.child.id}/regles`, { produit: String(product.id), regle: 'alternate', lundi: addDays(mondayOf(mine), 1), semaine_de: String(h.first.user.id), part: '' }, { Cookie: h.firstCookie });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('Ce jour n’est pas un lundi');
    const proposed = await postForm(app(), `/mon-compte/garde-partagee/${h.child.id}/regles`, { produit: String(product.id), regle: 'alternate', lundi: mondayOf(mine), semaine_de: String(h.first.user.id), part: '' }, { Cookie: h.firstCookie });
    expect(proposed.status).toBe(303);
    const rule = await database.db.selectFrom('custody_rules').select('id').where('dependant_id', '=', h.child.id).executeTakeFirstOrThrow();
    const book = (date: string) => postForm(app(), `/produits/${product.id}/panier`, { prestation: String(prestation), enfant: String(h.child.id), date }, { Cookie: h.secondCookie });

    // Pending, the rule binds nobody: its proposer cannot accept it for the other.
    expect((await postForm(app(), `/mon-compte/garde-partagee/${h.child.id}/regles/reponse`, { proposition: String(rule.id), reponse: 'accepter' }, { Cookie: h.firstCookie })).status).toBe(400);
    // The other parent learns of it by mail, and from the child's sharing page; the proposer reads it as theirs.
    const told = await waitForMail(database.db, h.second.user.email, /Une règle de paiement attend votre réponse/);
    expect(told.text_body).toContain('semaines alternées');
    expect(told.text_body).toContain(`/mon-compte/garde-partagee/${h.child.id}/regles`);
    const waiting = 'Une règle de paiement proposée par l’autre parent attend votre réponse.';
    expect(await (await get(`/mon-compte/garde-partagee/${h.child.id}`, h.secondCookie)).text()).toContain(waiting);
    expect(await (await get(`/mon-compte/garde-partagee/${h.child.id}`, h.firstCookie)).text()).not.toContain(waiting);
    expect(await (await get(`/mon-compte/garde-partagee/${h.child.id}/regles`, h.firstCookie)).text()).toContain('est la vôtre, puis une semaine sur deux');
    const pendingPage = await (await get(`/mon-compte/garde-partagee/${h.child.id}/regles`, h.secondCookie)).text();
    expect(pendingPage).toContain('semaines alternées');
    expect(pendingPage).toContain('Accepter');
    const agreed = await postForm(app(), `/mon-compte/garde-partagee/${h.child.id}/regles/reponse`, { proposition: String(rule.id), reponse: 'accepter' }, { Cookie: h.secondCookie });
    expect(agreed.headers.get('location')).toContain('ok=agreed');
    expect(await (await get(agreed.headers.get('location')!, h.secondCookie)).text()).toContain('La règle est acceptée : elle s’applique désormais.');

    const calendar = await (await get(`/produits/${product.id}?prestation=${prestation}&enfant=${h.child.id}&mois=${mine.slice(0, 7)}`, h.secondCookie)).text();
    expect(calendar).toContain(`semaine de ${h.first.user.first_name}`);
    const refused = await book(mine);
    expect(refused.status).toBe(409);
    expect(await refused.text()).toContain(`semaine de ${h.first.user.first_name} (garde alternée)`);
    expect((await book(theirs)).status).toBe(200);
    // Nor may they wait for a place on the other's day.
    await setCapacity(database.db, mine, 'Matin', 0);
    const wait = await postForm(app(), `/produits/${product.id}/liste-attente`, { prestation: String(prestation), enfant: String(h.child.id), attente: mine }, { Cookie: h.secondCookie });
    expect(wait.status).toBe(400);
    expect(await wait.text()).toContain(`semaine de ${h.first.user.first_name} (garde alternée)`);
    expect(await database.db.selectFrom('waitlist_entries').select('id').where('dependant_id', '=', h.child.id).execute()).toEqual([]);
    // The first guardian's calendar names who booked the other week.
    const firstCalendar = await (await get(`/produits/${product.id}?prestation=${prestation}&enfant=${h.child.id}&mois=${theirs.slice(0, 7)}`, h.firstCookie)).text();
    expect(firstCalendar).toContain(`réservé par ${h.second.user.first_name}`);
  });

  it('refuses a split without its percentage, with the message next to the field', async () => {
    const h = await share('partage');
    const product = await demoProduct(database.db);
    const response = await postForm(app(), `/mon-compte/garde-partagee/${h.child.id}/regles`, { produit: String(product.id), regle: 'split', lundi: '', semaine_de: '', part: '150' }, { Cookie: h.firstCookie });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('Indiquez la part, de 1 à 99 %.');
    expect(await database.db.selectFrom('custody_rules').select('id').where('dependant_id', '=', h.child.id).execute()).toEqual([]);
  });
});
