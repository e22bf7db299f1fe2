// The reliability suite's world: two families of Rosières (A owns one of every kind of object,
// B is the curious neighbour), staff of Rosières, staff of another commune and an admin, each
// signed in; and, for each kind of object a route names, the value that designates A's.
import type { Hono } from 'hono';
import { beforeAll } from 'vitest';
import type { DocumentStore } from '../../lib/documents/store.ts';
import { createMailActivities } from '../../activities/mail/send-mail.ts';
import { createMailer } from '../../lib/mail/mailer.ts';
import { createOrderActivities } from '../../activities/orders/order.ts';
import type { Db } from '../../db/connection.ts';
import { createOrderFromCart } from '../../db/queries/orders/orders.ts';
import { createRequestForm } from '../../db/queries/requests/request-forms.ts';
import { saveBookingList } from '../../db/queries/booking/booking-lists.ts';
import { addContact } from '../../db/queries/child-file/contacts.ts';
import { proposeRule } from '../../db/queries/guardians/custody-rules.ts';
import { moveMoney } from '../../db/queries/wallet/wallet.ts';
import { loadDemoCatalogue } from '../../db/demo/load.ts';
import type { Access, CommuneObject, FamilyObject, PublicObject } from '../../web/http/access.ts';
import type { AppEnv } from '../../web/http/env.ts';
import { PNG_1X1 } from '../fixtures/files.ts';
import { addDays } from '../../domain/dates.ts';
import { createParent, createStaff, login } from '../helpers/accounts.ts';
import { createTestApp, postForm, TEST_ORIGIN } from '../helpers/app.ts';
import { useTestDatabase } from '../helpers/database.ts';
import { useTemporal } from '../helpers/temporal.ts';
import { concretePath, type DeclaredRoute } from './route-table.ts';
import { addHomeAddress, bookingFamily, demoProduct, holdPlaces, payCart } from '../helpers/booking.ts';
import { demoCampaign, fillChildFile } from '../helpers/registration.ts';

export const visitors = ['anonymous', 'parentA', 'parentB', 'otherStaff', 'staff', 'admin'] as const;
export type Visitor = (typeof visitors)[number];
export type ObjectKind = FamilyObject | CommuneObject | PublicObject | 'staff-account';

export interface World {
  cookies: Record<Visitor, string>;
  /** The value of a route's parameter that names A's object (or a public one). */
  objects: Record<ObjectKind, string | number>;
  parentA: { id: number };
}

export const TODAY = '2026-11-27';

export async function buildWorld(db: Db, app: () => Hono<AppEnv>, now: () => Date): Promise<World> {
  await loadDemoCatalogue(db, TODAY);
  const a = await bookingFamily(db, 'famille-a@example.fr');
  const b = await bookingFamily(db, 'famille-b@example.fr');
  await addHomeAddress(db, b.user.id);
  const addressId = await addHomeAddress(db, a.user.id);
  await moveMoney(db, { userId: a.user.id, amountCents: 20_000, kind: 'topup', label: 'Recharge', idempotencyKey: 'world-a' });
  await createStaff(db, 'agent-rosieres@example.fr', ['rosieres']);
  await createStaff(db, 'agent-yssingeaux@example.fr', ['yssingeaux']);
  await createStaff(db, 'admin@example.fr', [], 'admin');
  // An agent the admin pages may disable and enable again without touching the visitors.
  const spareAgent = await createStaff(db, 'agent-remplacant@example.fr', ['rosieres']);
  const pending = await createParent(db, 'en-attente@example.fr', { status: 'pending', commune: 'rosieres' });
  // A family leaving: its erasure waits for staff to transfer its balance (the transfer form shown).
  const leaving = await bookingFamily(db, 'famille-partante@example.fr');
  await moveMoney(db, { userId: leaving.user.id, amountCents: 1_500, kind: 'topup', label: 'Recharge', idempotencyKey: 'world-leaving' });
  const erasure = await db
    .insertInto('erasure_requests')
    .values({ user_id: leaving.user.id, iban: 'FR7630006000011234567890189', status: 'awaiting-wallet-return', wallet_cents: 1_500 })
    .returning('id')
    .executeTakeFirstOrThrow();

  const cookies: Record<Visitor, string> = {
    anonymous: '',
    parentA: await login(app(), a.user.email),
    parentB: await login(app(), b.user.email),
    otherStaff: await login(app(), 'agent-yssingeaux@example.fr'),
    staff: await login(app(), 'agent-rosieres@example.fr'),
    admin: await login(app(), 'admin@example.fr'),
  };
  const asA = { Cookie: cookies.parentA };

  // A paid order (its reservations), built by the order's own activities.
  // Three days: one free, one declared absent awaiting its certificate, one absent with it (below).
  const held = await holdPlaces(db, a, 'Matin', ['2026-12-09', '2026-12-02', '2027-01-06'], now());
  if (!held.ok) throw new Error('hold refused');
  const paid = (await createOrderFromCart(db, a.user.id, now()))!;
  const orders = createOrderActivities({ db, now, publicUrl: TEST_ORIGIN, mail: createMailActivities({ db, mailer: createMailer({ from: 'x@y.z' }), now }) });
  await orders.planOrderPayment({ orderId: paid.orderId, walletCents: paid.totalCents, cardCents: 0 });
  await orders.debitWalletForOrder({ orderId: paid.orderId, key: `order-${paid.number}/wallet-debit` });
  await orders.confirmOrder({ orderId: paid.orderId });
  const days = await db.selectFrom('reservations').select('id').where('user_id', '=', a.user.id).orderBy('service_date').execute();
  const [toDeclare, reservation, toJustify] = [days[0]!, days[1]!, days[2]!];

  // An order in progress through the real checkout, past its address and terms, so that each
  // step's page shows its form; then one more day in the cart.
  const product = await demoProduct(db);
  const prestation = product.prestations.find((p) => p.label === 'Matin')!.id;
  const addToCart = (date: string) => postForm(app(), `/produits/${product.id}/panier`, { prestation: String(prestation), enfant: String(a.dependants[0]!.id), date }, asA);
  if ((await addToCart('2026-12-16')).status !== 200) throw new Error('could not add to the cart');
  const ordered = await postForm(app(), '/commande', {}, asA);
  const number = /\/commande\/(\d{4}-\d{6})\//.exec(ordered.headers.get('location') ?? '')?.[1];
  if (!number) throw new Error(`no order started (${ordered.status})`);
  await postForm(app(), `/commande/${number}/adresse`, { adresse: String(addressId) }, asA);
  await postForm(app(), `/commande/${number}/conditions`, { cgv: '1' }, asA);
  if ((await addToCart('2026-12-23')).status !== 200) throw new Error('could not add to the cart again');

  const upload = async (cookie: string) => {
    const form = new FormData();
    form.set('kind', 'justificatif-domicile');
    form.set('file', new File([PNG_1X1 as Uint8Array<ArrayBuffer>], 'facture.png', { type: 'image/png' }));
    const response = await app().request('/mon-compte/documents', { method: 'POST', body: form, headers: { Cookie: cookie, Origin: TEST_ORIGIN } });
    if (response.status !== 303) throw new Error(`upload refused (${response.status})`);
  };
  await upload(cookies.parentA);
  // The pending account's document starts its validation, so that staff see the decision forms.
  await upload(await login(app(), pending.email));
  const document = await db.selectFrom('documents').select('id').where('owner_id', '=', a.user.id).orderBy('id').executeTakeFirstOrThrow();

  // Online requests: a published form of Rosières; one request of A waiting for staff, another
  // on which staff asked for more (its reply form shown), both through the app.
  const rosieres = await db.selectFrom('communes').select('id').where('slug', '=', 'rosieres').executeTakeFirstOrThrow();
  const requestForm = await createRequestForm(db, {
    communeId: rosieres.id, title: 'Demande de badge de déchetterie', description: 'Un badge par foyer.', staffId: spareAgent.id,
    fields: [{ key: 'champ_1', label: 'Immatriculation', kind: 'text', required: true }, { key: 'champ_2', label: 'Carte grise', kind: 'file', required: false }],
  });
  if (requestForm === 'title-taken') throw new Error('form exists');
  await db.updateTable('request_forms').set({ published: true }).where('id', '=', requestForm).execute();
  const sendRequest = async () => {
    const form = new FormData();
    form.set('champ_1', 'AB-123-CD');
    form.set('champ_2', new File([PNG_1X1 as Uint8Array<ArrayBuffer>], 'carte-grise.png', { type: 'image/png' }));
    const response = await app().request(`/demarches/${requestForm}`, { method: 'POST', body: form, headers: { ...asA, Origin: TEST_ORIGIN } });
    const id = /\/mon-compte\/demarches\/(\d+)/.exec(response.headers.get('location') ?? '')?.[1];
    if (!id) throw new Error(`request refused (${response.status})`);
    return Number(id);
  };
  const waitingRequest = await sendRequest();
  const completedRequest = await sendRequest();
  const asked = await postForm(app(), `/agent/demarches/${completedRequest}/decision`, { decision: 'completer', message: 'La carte grise est illisible.' }, { Cookie: cookies.staff });
  if (asked.status !== 303) throw new Error(`decision refused (${asked.status})`);
  const requestFile = Number((await db.selectFrom('online_requests').select('answers').where('id', '=', waitingRequest).executeTakeFirstOrThrow()).answers.champ_2);

  // Absences for illness, declared through the app: one awaiting its certificate, one with it
  // (waiting for staff).
  const declare = async (reservationId: number, certificate: boolean) => {
    const form = new FormData();
    form.set('jour', String(reservationId));
    if (certificate) form.set('certificat', new File([PNG_1X1 as Uint8Array<ArrayBuffer>], 'certificat.png', { type: 'image/png' }));
    const response = await app().request(`/mon-compte/reservations/${reservationId}/absence`, { method: 'POST', body: form, headers: { ...asA, Origin: TEST_ORIGIN } });
    const id = /\/mon-compte\/absences\/(\d+)/.exec(response.headers.get('location') ?? '')?.[1];
    if (!id) throw new Error(`absence refused (${response.status})`);
    return Number(id);
  };
  const absenceAwaitingCertificate = await declare(toDeclare.id, false);
  const absenceForStaff = await declare(toJustify.id, true);
  // Their workflows mail the parent: sent before the tests compare the database before and after.
  // No reminder: by the Temporal server's clock (today's, not the world's) its time is either to
  // come or gone when the workflow starts, and a reminder of a time gone is not sent.
  const mailed = [`absence-${absenceAwaitingCertificate}/declared`, `absence-${absenceForStaff}/received`];
  for (let tries = 0; (await db.selectFrom('outbox_mails').select('id').where('idempotency_key', 'in', mailed).where('status', '=', 'sent').execute()).length < mailed.length; tries += 1) {
    if (tries > 200) throw new Error('the absences were never mailed');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }

  // A's child waits for a day of the product (the route that joins needs the day full).
  const waitedSlot = await db.selectFrom('slots').select(['id', 'service_date']).where('prestation_id', '=', prestation).where('service_date', '=', '2027-01-13').executeTakeFirstOrThrow();
  const waiting = await db
    .insertInto('waitlist_entries')
    .values({ slot_id: waitedSlot.id, product_id: product.id, service_date: waitedSlot.service_date, dependant_id: a.dependants[0]!.id, user_id: a.user.id, joined_at: now(), rank_at: now() })
    .returning('id')
    .executeTakeFirstOrThrow();
  // B waits behind, so that staff see the form moving a family to the front.
  await db
    .insertInto('waitlist_entries')
    .values({ slot_id: waitedSlot.id, product_id: product.id, service_date: waitedSlot.service_date, dependant_id: b.dependants[0]!.id, user_id: b.user.id, joined_at: now(), rank_at: new Date(now().getTime() + 1000) })
    .execute();

  // A person on A's child's file: the form that removes one is on its page only then.
  await addContact(db, { dependantId: a.dependants[0]!.id, fields: { first_name: 'Josiane', last_name: 'Girard', phone: '06 11 22 33 44', relationship: 'grand-mère', is_emergency: true, may_collect: true }, userId: a.user.id, now: now() });
  const list = await saveBookingList(db, { userId: a.user.id, name: 'Les mercredis', productId: product.id, prestationId: prestation, children: [a.dependants[0]!.id], weekdays: [3] });
  if (list === 'name-taken') throw new Error('list exists');

  // A second child of A's, shared with a third parent who proposed a billing rule A may answer.
  const c = await bookingFamily(db, 'famille-c@example.fr', []);
  const shared = await db
    .insertInto('dependants')
    .values({ guardian_id: a.user.id, co_guardian_id: c.user.id, first_name: 'Zoé', last_name: 'Pardon', birth_date: '2019-02-03', relationship: 'enfant' })
    .returning('id')
    .executeTakeFirstOrThrow();
  await proposeRule(db, { dependantId: shared.id, productId: product.id, userId: c.user.id, proposal: { rule: 'split', firstSharePercent: 50 }, now: now() });

  const topUp = await db
    .insertInto('payments')
    .values({ user_id: a.user.id, purpose: 'topup', method: 'card', amount_cents: 1000, reference: 'world-topup' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const topUpReference = `topup-${topUp.id}-0123456789`;
  await db.updateTable('payments').set({ reference: topUpReference }).where('id', '=', topUp.id).execute();

  const offer = await db.selectFrom('service_offers').innerJoin('communes', 'communes.id', 'service_offers.commune_id').select('service_offers.id').where('communes.slug', '=', 'rosieres').where('service_offers.label', '!=', 'INSCRIPTION ACCUEIL DE LOISIRS RÉSIDENT').executeTakeFirstOrThrow();
  const request = await db.insertInto('subscriptions').values({ user_id: a.user.id, service_offer_id: offer.id, status: 'pending' }).returning('id').executeTakeFirstOrThrow();
  const mail = await db
    .insertInto('outbox_mails')
    .values({ idempotency_key: 'world-mail', recipient: a.user.email, subject: 'Bienvenue', text_body: 'Bonjour', html_body: null })
    .returning('id')
    .executeTakeFirstOrThrow();

  // Rosières' agent is its régie's régisseur: the closing's forms are theirs.
  const regie = await db.selectFrom('regie_communes').select('regie_id as id').where('commune_id', '=', rosieres.id).orderBy('regie_id').executeTakeFirstOrThrow();
  const rosieresAgent = await db.selectFrom('users').select('id').where('email', '=', 'agent-rosieres@example.fr').executeTakeFirstOrThrow();
  await db.insertInto('regie_members').values({ regie_id: regie.id, user_id: rosieresAgent.id, role: 'regisseur' }).execute();
  // Rosières' yearly registration for the next school year, opened; A's child's file filled, so
  // that its dossier shows « Je confirme ».
  const campaign = await demoCampaign(db, { seasonDay: '2027-09-08', staffId: rosieresAgent.id, now: now(), today: TODAY });
  await fillChildFile(db, a.dependants[0]!.id, campaign.schoolYear, now());
  // A's child has a PAI, sent with the fiche sanitaire: the file page links to it.
  const health = new FormData();
  const fields = { allergies: 'Arachide', has_pai: 'oui', treatments: '', dtp_last_on: addDays(TODAY, -400), vaccinations: 'ROR', doctor_name: 'Dr Martin', doctor_phone: '04 71 09 12 34', insurance_name: 'CPAM', insurance_number: '1 18 05 43 157 002 12', notes: '' };
  for (const [name, value] of Object.entries(fields)) health.set(name, value);
  health.set('pai_document', new File([PNG_1X1 as Uint8Array<ArrayBuffer>], 'pai.png', { type: 'image/png' }));
  const savedHealth = await app().request(`/mon-compte/enfants/${a.dependants[0]!.id}/sante`, { method: 'POST', body: health, headers: { Cookie: cookies.parentA, Origin: TEST_ORIGIN } });
  if (savedHealth.status !== 303) throw new Error(`PAI refused (${savedHealth.status})`);
  const receipt = await db.selectFrom('journal_entries').select('id').where('idempotency_key', '=', 'world-a/journal').executeTakeFirstOrThrow();

  // A child of Rosières booked today and noted present, with a fiche sanitaire, a person to call
  // and one who may collect: the staff's health view and the departure form are shown for it.
  await db.insertInto('slots').values({ product_id: product.id, prestation_id: prestation, service_date: TODAY, capacity: 10 }).execute();
  const today = await bookingFamily(db, 'famille-du-jour@example.fr', [{ first: 'Maëlys', birth: '2018-03-14' }]);
  if (!(await holdPlaces(db, today, 'Matin', [TODAY], now())).ok) throw new Error("could not book today's day");
  await payCart(db, today.user.id, now());
  const servedToday = await db.selectFrom('reservations').select('id').where('user_id', '=', today.user.id).executeTakeFirstOrThrow();
  const child = today.dependants[0]!.id;
  await db.insertInto('attendance').values({ reservation_id: servedToday.id, status: 'present', reason: null, method: 'list', recorded_by: rosieresAgent.id, recorded_at: now() }).execute();
  await db.insertInto('child_health_records').values({ dependant_id: child, version: 1, allergies: 'Arachide', diets: ['sans porc'], has_pai: true, recorded_by: today.user.id, recorded_at: now() }).execute();
  // Its PAI sent through the family's form, so that the staff's PAI route has a stored file to open.
  const fiche = new FormData();
  for (const [name, value] of Object.entries({ allergies: 'Arachide', has_pai: 'oui', diets: 'sans-porc', treatments: '', dtp_last_on: '', vaccinations: '', doctor_name: '', doctor_phone: '', insurance_name: '', insurance_number: '', notes: '' })) fiche.set(name, value);
  fiche.set('pai_document', new File([PNG_1X1 as Uint8Array<ArrayBuffer>], 'pai.png', { type: 'image/png' }));
  const withPai = await app().request(`/mon-compte/enfants/${child}/sante`, { method: 'POST', body: fiche, headers: { Cookie: await login(app(), 'famille-du-jour@example.fr'), Origin: TEST_ORIGIN } });
  if (withPai.status !== 303) throw new Error(`the PAI was refused (${withPai.status})`);
  await db
    .insertInto('child_contacts')
    .values([
      { dependant_id: child, first_name: 'Mamie', last_name: 'Pardon', phone: '06 11 22 33 44', relationship: 'grand-mère', is_emergency: true, may_collect: true, created_by: today.user.id, created_at: now(), updated_by: today.user.id, updated_at: now() },
    ])
    .execute();

  return {
    cookies,
    parentA: { id: a.user.id },
    objects: {
      dependant: a.dependants[0]!.id,
      'shared-child': shared.id,
      address: addressId,
      document: document.id,
      order: number,
      reservation: reservation.id,
      'top-up': topUpReference,
      family: a.user.id,
      'commune-product': product.id,
      'staff-account': spareAgent.id,
      'commune-order': paid.number,
      'pending-account': pending.id,
      'family-document': document.id,
      'service-request': request.id,
      'request-form': requestForm,
      'commune-request-form': requestForm,
      'family-request': completedRequest,
      'commune-request': waitingRequest,
      'request-document': requestFile,
      'booking-list': list,
      'erasure-request': erasure.id,
      absence: absenceAwaitingCertificate,
      'commune-absence': absenceForStaff,
      'waitlist-entry': waiting.id,
      'commune-offer': offer.id,
      'commune-regie': regie.id,
      'child-health-reservation': servedToday.id,
      'commune-campaign': campaign.id,
      'wallet-receipt': receipt.id,
      commune: 'rosieres',
      category: 'garderies',
      product: product.id,
      'static-file': 'app.css',
      mail: mail.id,
    },
  };
}

/**
 * A test file's world: its database, the app on it with a worker of the real app, and the world
 * built before the file's tests; plus what they ask of it.
 */
export function useWorld(options: { documents?: DocumentStore } = {}) {
  const database = useTestDatabase();
  const clock = new Date('2026-11-27T09:00:00Z');
  const now = () => clock;
  const temporal = useTemporal({ worker: { db: () => database.db, now } });
  const app = () => createTestApp({ db: database.db, temporal: temporal.client, taskQueue: temporal.taskQueue, now, ...(options.documents ? { documents: options.documents } : {}) });
  let world: World | undefined;
  beforeAll(async () => {
    world = await buildWorld(database.db, app, now);
  }, 60_000);
  const built = () => world ?? (() => { throw new Error('the world is built in beforeAll'); })();
  return {
    database,
    temporal,
    now,
    app,
    get world() {
      return built();
    },
    /** The route's path, naming A's object (or a public one). */
    pathOf: (route: DeclaredRoute) => concretePath(route, route.access.object ? built().objects[route.access.object] : undefined),
    /** The visitor's cookie header. */
    headersOf: (visitor: Visitor): Record<string, string> => (built().cookies[visitor] ? { Cookie: built().cookies[visitor] } : {}),
  };
}

/** The visitor a declaration lets in, to get past the guards. */
export function allowedVisitor(access: Access): Visitor {
  return access.who === 'anyone' ? 'anonymous' : access.who === 'staff' ? 'staff' : access.who === 'admin' ? 'admin' : 'parentA';
}
