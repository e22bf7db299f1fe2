// Editing a product: its fiche with the pricing rules families then pay, a new prestation with its
// days, a longer season, a day closed or reopened on the calendar (never one with bookings); bad
// input refused next to its field; nothing of another commune.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDemoCatalogue } from '../../db/demo/load.ts';
import { readPricingRules } from '../../domain/pricing.ts';
import { createStaff, login } from '../../test/helpers/accounts.ts';
import { createTestApp, TEST_ORIGIN } from '../../test/helpers/app.ts';
import { bookingFamily, demoProduct, holdPlaces, payCart } from '../../test/helpers/booking.ts';
import { useTestDatabase } from '../../test/helpers/database.ts';
import { useTemporal } from '../../test/helpers/temporal.ts';

const database = useTestDatabase();
const temporal = useTemporal();
const now = () => new Date('2026-11-27T08:00:00Z');
const app = () => createTestApp({ db: database.db, temporal: temporal.client, now });
const get = (path: string, cookie: string) => app().request(path, { headers: { Cookie: cookie } });
const post = (path: string, fields: Record<string, string>, cookie: string) =>
  app().request(path, { method: 'POST', body: new URLSearchParams(fields).toString(), headers: { Cookie: cookie, Origin: TEST_ORIGIN, 'Content-Type': 'application/x-www-form-urlencoded' } });

let staff: string;
let outsider: string;
let productId: number;

beforeAll(async () => {
  await loadDemoCatalogue(database.db, '2026-11-27');
  await createStaff(database.db, 'edit@rosieres.fr', ['rosieres']);
  await createStaff(database.db, 'edit@bains.fr', ['bains']);
  staff = await login(app(), 'edit@rosieres.fr');
  outsider = await login(app(), 'edit@bains.fr');
  productId = (await demoProduct(database.db)).id;
});

const fiche = (overrides: Record<string, string> = {}) => ({
  categorie: 'centres-de-loisirs', nom: 'Inscription Accueil Périscolaire (mercredis)', description: 'Le mercredi.', vente: 'en-ligne', delai_jours: '2', delai_heure: '12', annul_jours: '2', annul_heure: '12',
  qf_libelle_1: 'QF 1', qf_plafond_1: '600', qf_taux_1: '50', qf_libelle_2: 'QF 2', qf_plafond_2: '1200', qf_taux_2: '80', qf_libelle_3: 'QF 3', qf_plafond_3: '', qf_taux_3: '100',
  hors_commune: '120', fratrie_2: '10', fratrie_3: '20', ...overrides,
});
const storedRules = async () => readPricingRules((await database.db.selectFrom('products').select('pricing').where('id', '=', productId).executeTakeFirstOrThrow()).pricing);

describe('catalogue editing', () => {
  it('refuses tiers out of order or a last tier with a ceiling, keeping what was typed and changing nothing', async () => {
    const before = await storedRules();
    for (const [overrides, message] of [
      [{ qf_plafond_2: '500' }, 'Les plafonds vont croissant'],
      [{ qf_plafond_3: '2000' }, 'Seule la dernière tranche est sans plafond'],
      [{ qf_taux_2: 'beaucoup' }, 'Chaque tranche a un libellé'],
      [{ fratrie_2: '150' }, 'Une réduction de 0 à 100 %, ou rien.'],
    ] as const) {
      const response = await post(`/agent/catalogue/${productId}/fiche`, fiche(overrides), staff);
      expect(response.status).toBe(400);
      const html = await response.text();
      expect(html).toContain(message);
      expect(html).toContain(`value="${Object.values(overrides)[0]}"`);
    }
    expect(await storedRules()).toEqual(before);
  });

  it('saves the fiche and its pricing rules, which the booking page then applies, and shows them again', async () => {
    expect((await post(`/agent/catalogue/${productId}/fiche`, fiche(), staff)).status).toBe(303);
    expect(await storedRules()).toEqual({
      qfTiers: [{ label: 'QF 1', upTo: 600, percent: 50 }, { label: 'QF 2', upTo: 1200, percent: 80 }, { label: 'QF 3', upTo: null, percent: 100 }],
      nonResidentPercent: 120,
      siblingReductions: [{ rank: 2, percentOff: 10 }, { rank: 3, percentOff: 20 }],
    });
    const html = await (await get(`/agent/catalogue/${productId}`, staff)).text();
    expect(html).toContain('name="qf_plafond_2" type="text" value="1200"');
    const audit = await database.db.selectFrom('audit_log').select('details').where('action', '=', 'product.updated').executeTakeFirstOrThrow();
    expect(JSON.stringify(audit.details)).toContain('"nonResidentPercent":120');
    // No quotient known: the last tier (100 %); the second child of the family that day: 10 % off.
    const family = await bookingFamily(database.db, 'tarifs@example.fr', [{ first: 'Aîné', birth: '2016-01-01' }, { first: 'Cadet', birth: '2018-01-01' }]);
    if (!(await holdPlaces(database.db, family, 'Matin', ['2026-12-23'], now())).ok) throw new Error('hold refused');
    const prices = await database.db.selectFrom('holds').select('price_cents').where('user_id', '=', family.user.id).orderBy('price_cents', 'desc').execute();
    expect(prices.map((h) => h.price_cents)).toEqual([790, 711]);
    // Back to the base price for the other tests of this file.
    expect((await post(`/agent/catalogue/${productId}/fiche`, fiche({ qf_libelle_1: '', qf_plafond_1: '', qf_taux_1: '', qf_libelle_2: '', qf_plafond_2: '', qf_taux_2: '', qf_libelle_3: '', qf_taux_3: '', hors_commune: '', fratrie_2: '', fratrie_3: '' }), staff)).status).toBe(303);
    expect(await storedRules()).toEqual({});
  });

  it('sells the product at the town hall only: the page says where, nothing can be booked; and keeps its own cancellation deadline', async () => {
    expect((await post(`/agent/catalogue/${productId}/fiche`, fiche({ vente: 'mairie', annul_jours: '10', annul_heure: '9' }), staff)).status).toBe(303);
    const page = await (await app().request(`/produits/${productId}`)).text();
    expect(page).toContain('Ce produit ne se réserve pas en ligne : inscrivez-vous auprès de la Mairie de Rosières');
    const family = await bookingFamily(database.db, 'mairie@example.fr');
    const parent = await login(app(), 'mairie@example.fr');
    const prestation = (await demoProduct(database.db)).prestations[0]!.id;
    const refused = await post(`/produits/${productId}/panier`, { prestation: String(prestation), enfant: String(family.dependants[0]!.id), date: '2026-12-09' }, parent);
    expect(refused.status).toBe(404);
    const stored = await database.db.selectFrom('products').select(['channel', 'cancel_deadline_days', 'cancel_deadline_hour', 'booking_deadline_days']).where('id', '=', productId).executeTakeFirstOrThrow();
    expect(stored).toEqual({ channel: 'mairie', cancel_deadline_days: 10, cancel_deadline_hour: 9, booking_deadline_days: 2 });
    // Booked before: 9 December is now past its cancellation deadline (10 working days before, 9 h).
    if (!(await holdPlaces(database.db, family, 'Matin', ['2026-12-09'], now())).ok) throw new Error('hold refused');
    await payCart(database.db, family.user.id, now());
    const reservation = await database.db.selectFrom('reservations').select('id').where('user_id', '=', family.user.id).executeTakeFirstOrThrow();
    const late = await post(`/mon-compte/reservations/${reservation.id}/annuler`, {}, parent);
    expect(late.status).toBe(409);
    expect(await late.text()).toContain("Le délai d&#39;annulation de cette réservation est dépassé.");
    expect((await database.db.selectFrom('reservations').select('state').where('id', '=', reservation.id).executeTakeFirstOrThrow()).state).toBe('confirmed');
    expect((await post(`/agent/catalogue/${productId}/fiche`, fiche(), staff)).status).toBe(303);
  });

  it("sets how long a freed place waits for the family offered it, and residents first in the waiting list", async () => {
    const wrong = await post(`/agent/catalogue/${productId}/fiche`, fiche({ attente_heures: '0' }), staff);
    expect(wrong.status).toBe(400);
    expect(await wrong.text()).toContain('Un nombre d’heures, de 1 à 168.');
    expect((await post(`/agent/catalogue/${productId}/fiche`, fiche({ attente_heures: '6', attente_residents: 'oui' }), staff)).status).toBe(303);
    const stored = () => database.db.selectFrom('products').select(['waitlist_offer_hours', 'waitlist_residents_first']).where('id', '=', productId).executeTakeFirstOrThrow();
    expect(await stored()).toEqual({ waitlist_offer_hours: 6, waitlist_residents_first: true });
    expect(await (await app().request(`/agent/catalogue/${productId}`, { headers: { Cookie: staff } })).text()).toMatch(/name="attente_residents" value="oui" checked=""/);
    // The box unchecked: arrival order again; the hours left empty: the default.
    expect((await post(`/agent/catalogue/${productId}/fiche`, fiche(), staff)).status).toBe(303);
    expect(await stored()).toEqual({ waitlist_offer_hours: 12, waitlist_residents_first: false });
  });

  it('sets the delays of an absence for illness, refusing one out of range next to its field', async () => {
    const wrong = await post(`/agent/catalogue/${productId}/fiche`, fiche({ absence_heures: '1000', certificat_jours: '0' }), staff);
    expect(wrong.status).toBe(400);
    const html = await wrong.text();
    expect(html).toContain('Un nombre d’heures, de 0 à 720.');
    expect(html).toContain('Un nombre de jours, de 1 à 60.');
    expect(html).toContain('value="1000"');
    expect((await post(`/agent/catalogue/${productId}/fiche`, fiche({ absence_heures: '72', certificat_jours: '10' }), staff)).status).toBe(303);
    const stored = await database.db.selectFrom('products').select(['absence_declare_hours', 'absence_certificate_days']).where('id', '=', productId).executeTakeFirstOrThrow();
    expect(stored).toEqual({ absence_declare_hours: 72, absence_certificate_days: 10 });
    expect(await (await app().request(`/agent/catalogue/${productId}`, { headers: { Cookie: staff } })).text()).toMatch(/name="absence_heures"[^>]*value="72"/);
    expect((await post(`/agent/catalogue/${productId}/fiche`, fiche(), staff)).status).toBe(303);
  });

  it('requires a valid document to book: a family without one is told which, and books once it is accepted', async () => {
    const body = new URLSearchParams([...Object.entries(fiche()), ['pieces', 'attestation-assurance']]);
    const saved = await app().request(`/agent/catalogue/${productId}/fiche`, { method: 'POST', body: body.toString(), headers: { Cookie: staff, Origin: TEST_ORIGIN, 'Content-Type': 'application/x-www-form-urlencoded' } });
    expect(saved.status).toBe(303);
    expect(await (await get(`/agent/catalogue/${productId}`, staff)).text()).toMatch(/id="pieces-attestation-assurance" name="pieces" value="attestation-assurance" checked/);
    const family = await bookingFamily(database.db, 'assurance@example.fr');
    const parent = await login(app(), 'assurance@example.fr');
    const page = await (await get(`/produits/${productId}`, parent)).text();
    expect(page).toContain('Ce produit demande une pièce justificative acceptée et encore valable : Attestation d&#39;assurance.');
    const prestation = (await demoProduct(database.db)).prestations[0]!.id;
    const add = () => post(`/produits/${productId}/panier`, { prestation: String(prestation), enfant: String(family.dependants[0]!.id), date: '2026-12-23' }, parent);
    expect((await add()).status).toBe(403);
    // Expired yesterday, it still lacks; accepted until next year, the family books.
    const document = await database.db
      .insertInto('documents')
      .values({ owner_id: family.user.id, kind: 'attestation-assurance', file_name: 'a.pdf', mime_type: 'application/pdf', size_bytes: 1, sha256: 'e'.repeat(64), storage_key: 'f'.repeat(64), uploaded_at: now(), status: 'accepted', expires_on: '2026-11-26' })
      .returning('id')
      .executeTakeFirstOrThrow();
    expect((await add()).status).toBe(403);
    await database.db.updateTable('documents').set({ expires_on: '2027-11-26' }).where('id', '=', document.id).execute();
    expect((await add()).status).toBe(200);
    expect((await post(`/agent/catalogue/${productId}/fiche`, fiche(), staff)).status).toBe(303);
  });

  it('adds a prestation with its places on every service day to come, once', async () => {
    const added = await post(`/agent/catalogue/${productId}/prestations`, { libelle: 'Soirée', prix: '4,50', places: '10' }, staff);
    expect(added.status).toBe(303);
    const slots = await database.db
      .selectFrom('slots')
      .innerJoin('prestations', 'prestations.id', 'slots.prestation_id')
      .select(['slots.service_date', 'slots.capacity', 'prestations.price_cents'])
      .where('prestations.label', '=', 'Soirée')
      .where('slots.product_id', '=', productId)
      .orderBy('slots.service_date')
      .execute();
    expect(slots[0]).toMatchObject({ service_date: '2026-12-02', capacity: 10, price_cents: 450 });
    expect(slots.every((s) => s.service_date >= '2026-11-27' && s.service_date <= '2027-07-04')).toBe(true);
    const again = await post(`/agent/catalogue/${productId}/prestations`, { libelle: 'Soirée', prix: '4,50', places: '10' }, staff);
    expect(again.status).toBe(400);
    expect(await again.text()).toContain('Une prestation de ce libellé existe déjà.');
  });

  it('lengthens the season with the usual places, and refuses an earlier end', async () => {
    const earlier = await post(`/agent/catalogue/${productId}/saison`, { fin: '2027-06-01' }, staff);
    expect(earlier.status).toBe(400);
    expect(await earlier.text()).toContain('La nouvelle fin suit la fin actuelle.');
    expect((await post(`/agent/catalogue/${productId}/saison`, { fin: '2027-07-31' }, staff)).status).toBe(303);
    const july = await database.db.selectFrom('slots').select(['service_date', 'capacity']).where('product_id', '=', productId).where('service_date', '>', '2027-07-04').execute();
    // Wednesdays 7, 14, 21 and 28 July, for each of the seven prestations, at 24 places (10 for the new one).
    expect(new Set(july.map((s) => s.service_date))).toEqual(new Set(['2027-07-07', '2027-07-14', '2027-07-21', '2027-07-28']));
    expect(july).toHaveLength(28);
  });

  it('closes a day nobody booked and reopens it; refuses to close a booked day, saying how many places are taken', async () => {
    expect((await post(`/agent/catalogue/${productId}/jour`, { jour: '2026-12-16', ouvrir: '0' }, staff)).status).toBe(303);
    const closed = async () => (await database.db.selectFrom('products').select('closed_days').where('id', '=', productId).executeTakeFirstOrThrow()).closed_days;
    expect(await closed()).toContain('2026-12-16');
    const family = await bookingFamily(database.db, 'jour@example.fr');
    const calendar = await (await get(`/agent/catalogue/${productId}?mois=2026-12`, staff)).text();
    expect(calendar).toContain('Rouvrir le 16 décembre 2026');
    expect((await post(`/agent/catalogue/${productId}/jour`, { jour: '2026-12-16', ouvrir: '1' }, staff)).status).toBe(303);
    expect(await closed()).not.toContain('2026-12-16');

    if (!(await holdPlaces(database.db, family, 'Matin', ['2026-12-16'], now())).ok) throw new Error('hold refused');
    const refused = await post(`/agent/catalogue/${productId}/jour`, { jour: '2026-12-16', ouvrir: '0' }, staff);
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain('Ce jour a 1 place(s) prise(s)');
    expect(await closed()).not.toContain('2026-12-16');
    const tuesday = await post(`/agent/catalogue/${productId}/jour`, { jour: '2026-12-15', ouvrir: '1' }, staff);
    expect(await tuesday.text()).toContain("Ce jour n&#39;est pas un jour de service de la saison.");
  });

  it("changes nothing of another commune's product", async () => {
    for (const [path, fields] of [
      ['fiche', fiche({ nom: 'Intrus' })],
      ['prestations', { libelle: 'Intrus', prix: '1,00', places: '1' }],
      ['saison', { fin: '2027-08-31' }],
      ['jour', { jour: '2026-12-23', ouvrir: '0' }],
    ] as const) {
      expect((await post(`/agent/catalogue/${productId}/${path}`, fields, outsider)).status).toBe(403);
    }
    expect(await database.db.selectFrom('prestations').select('id').where('label', '=', 'Intrus').execute()).toEqual([]);
  });
});
