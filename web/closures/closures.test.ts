// Fermetures exceptionnelles from the staff page: the form's rules, the commune's scope, what the
// closure will do shown before staff confirm it (nothing done until then), several products of a
// day closed at once, and each closure carried out by its workflow with its progress shown.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDemoCatalogue } from '../../db/demo/load.ts';
import { balance } from '../../db/queries/wallet/wallet.ts';
import { createStaff, login } from '../../test/helpers/accounts.ts';
import { createTestApp, postForm, TEST_ORIGIN } from '../../test/helpers/app.ts';
import { placeHolds, productForBooking } from '../../db/queries/booking/booking.ts';
import { bookingFamily, demoProduct, holdPlaces, payCart } from '../../test/helpers/booking.ts';
import { useTestDatabase } from '../../test/helpers/database.ts';
import { useTemporal } from '../../test/helpers/temporal.ts';
import { closureWorkflowId } from '../../workflows/closures/closure.messages.ts';
import { CommuneAttribute } from '../../workflows/common/search-attributes.ts';

const database = useTestDatabase();
const temporal = useTemporal({ worker: { db: () => database.db, now: () => now() } });
const now = () => new Date('2026-11-27T08:00:00Z');
const app = () => createTestApp({ db: database.db, temporal: temporal.client, taskQueue: temporal.taskQueue, now });
const get = (path: string, cookie: string) => app().request(path, { headers: { Cookie: cookie } });

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

describe('fermetures exceptionnelles', () => {
  it('refuses a past day, a reversed range, a missing reason, keeping what was typed', async () => {
    const past = await postForm(app(), '/agent/fermetures', { produit: String(productId), du: '2026-11-20', au: '2026-11-20', motif: 'Grève' }, { Cookie: staff });
    expect(past.status).toBe(400);
    expect(await past.text()).toContain('Le premier jour ne peut pas être passé.');
    const reversed = await postForm(app(), '/agent/fermetures', { produit: String(productId), du: '2026-12-16', au: '2026-12-09', motif: 'Grève' }, { Cookie: staff });
    expect(await reversed.text()).toContain('Le dernier jour suit le premier.');
    const noReason = await postForm(app(), '/agent/fermetures', { produit: String(productId), du: '2026-12-09', au: '2026-12-09', precision: 'préavis national' }, { Cookie: staff });
    const html = await noReason.text();
    expect(html).toContain('Choisissez le motif.');
    expect(html).toContain('value="préavis national"');
    expect(html).toMatch(new RegExp(`id="produit-${productId}"[^>]*checked`));
    expect(await database.db.selectFrom('closures').selectAll().execute()).toEqual([]);
  });

  it("does not let staff preview nor close another commune's product, nor see its closures", async () => {
    const refused = await postForm(app(), '/agent/fermetures', { produit: String(productId), du: '2026-12-09', au: '2026-12-09', motif: 'Grève' }, { Cookie: outsider });
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain("Cette activité n&#39;est pas de vos communes.");
    const confirmed = await postForm(app(), '/agent/fermetures', { produit: String(productId), du: '2026-12-09', au: '2026-12-09', motif: 'Grève', confirmation: 'oui' }, { Cookie: outsider });
    expect(confirmed.status).toBe(400);
    expect(await confirmed.text()).toContain("Cette activité n&#39;est pas de vos communes.");
    expect(await database.db.selectFrom('closures').selectAll().execute()).toEqual([]);
    expect(await (await get('/agent/fermetures', outsider)).text()).not.toContain('Inscription Accueil Périscolaire (mercredis) – Rosières');
  });

  it('shows what the closure will do, does nothing until confirmed, then the workflow cancels and refunds', async () => {
    const family = await bookingFamily(database.db, 'ferme@example.fr');
    if (!(await holdPlaces(database.db, family, 'Matin', ['2026-12-09'], now())).ok) throw new Error('hold refused');
    await payCart(database.db, family.user.id, now());
    const form = { produit: String(productId), du: '2026-12-09', au: '2026-12-09', motif: 'Intempéries', precision: 'alerte neige' };

    const preview = await postForm(app(), '/agent/fermetures', form, { Cookie: staff });
    expect(preview.status).toBe(200);
    const shown = await preview.text();
    expect(shown).toContain('Confirmer la fermeture');
    expect(shown).toContain('Jérémy Pardon');
    expect(shown).toContain('ferme@example.fr');
    expect(shown).toContain('1 réservation(s) annulée(s), 7,90\u00a0€ remboursés sur les porte-monnaie des familles, 1 courriel(s) envoyé(s)');
    expect(shown).toContain('name="confirmation" value="oui"');
    expect(shown).toContain('name="confirmation" value="retour"');
    // Nothing happened: no closure, no refund, the day still booked and open.
    expect(await database.db.selectFrom('closures').selectAll().execute()).toEqual([]);
    expect(await balance(database.db, family.user.id)).toBe(0);
    expect(await database.db.selectFrom('reservations').select('state').where('user_id', '=', family.user.id).execute()).toEqual([{ state: 'confirmed' }]);
    expect((await database.db.selectFrom('products').select('closed_days').where('id', '=', productId).executeTakeFirstOrThrow()).closed_days).not.toContain('2026-12-09');

    // « Retour »: the form again, as it was typed, and still nothing done.
    const back = await postForm(app(), '/agent/fermetures', { ...form, confirmation: 'retour' }, { Cookie: staff });
    expect(back.status).toBe(200);
    const again = await back.text();
    expect(again).toContain('value="alerte neige"');
    expect(again).toMatch(new RegExp(`id="produit-${productId}"[^>]*checked`));
    expect(await database.db.selectFrom('closures').selectAll().execute()).toEqual([]);

    const created = await postForm(app(), '/agent/fermetures', { ...form, confirmation: 'oui' }, { Cookie: staff });
    expect(created.status).toBe(303);
    const closure = await database.db.selectFrom('closures').selectAll().executeTakeFirstOrThrow();
    expect(closure.reason).toBe('Intempéries : alerte neige');
    const process = temporal.client.workflow.getHandle(closureWorkflowId(closure.id));
    await process.result();
    // Operators find it in the Temporal UI by its product's commune.
    expect((await process.describe()).typedSearchAttributes.get(CommuneAttribute)).toBe('Rosières');
    // What the confirmation said is what was refunded.
    expect(await balance(database.db, family.user.id)).toBe(790);
    const html = await (await get('/agent/fermetures?ok=ok', staff)).text();
    expect(html).toContain('Terminée : 1 réservation(s) annulée(s)');
    expect(html).toContain(`http://localhost:8233/namespaces/default/workflows/closure-${closure.id}`);
    expect(html).toContain('le 09-12-2026');

    // The same form sent again (a double click, the browser's « renvoyer »): nothing more happens, and it says so next to the day.
    for (const replay of [form, { ...form, confirmation: 'oui' }]) {
      const replayed = await postForm(app(), '/agent/fermetures', replay, { Cookie: staff });
      expect(replayed.status).toBe(400);
      expect(await replayed.text()).toMatch(/id="du-error">[\s\S]*Ces jours sont déjà fermés pour cette activité/);
    }
    expect(await database.db.selectFrom('closures').select('id').execute()).toHaveLength(1);
  });

  it('closes several products of a strike day at once: the confirmation lists each, one closure and workflow per product', async () => {
    const productNamed = async (name: string) => (await productForBooking(database.db, (await database.db.selectFrom('products').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id))!;
    const sports = await productNamed('École multisports (mercredi après-midi)');
    const bus = await productNamed('Ramassage scolaire - ligne Allègre ↔ collège du Puy');
    await createStaff(database.db, 'agent@allegre.fr', ['allegre']);
    const allegre = await login(app(), 'agent@allegre.fr');
    const hold = async (family: Awaited<ReturnType<typeof bookingFamily>>, product: typeof sports) => {
      const held = await placeHolds(database.db, {
        userId: family.user.id, product, prestationId: product.prestations[0]!.id, children: family.dependants.map((d) => ({ id: d.id })), dates: ['2026-12-16'],
        family: { quotientFamilial: null, communeId: family.user.commune_id }, now: now(), expiresAt: new Date(now().getTime() + 30 * 60_000),
      });
      if (!held.ok) throw new Error('hold refused');
    };
    const both = await bookingFamily(database.db, 'greve.deux@example.fr', [{ first: 'Anouk', birth: '2015-03-03' }]);
    await hold(both, sports);
    await hold(both, bus);
    await payCart(database.db, both.user.id, now());
    const busOnly = await bookingFamily(database.db, 'greve.car@example.fr', [{ first: 'Timéo', birth: '2014-05-05' }]);
    await hold(busOnly, bus);
    await payCart(database.db, busOnly.user.id, now());
    const price = async (productId: number) => (await database.db.selectFrom('reservations').select('price_cents').where('product_id', '=', productId).executeTakeFirstOrThrow()).price_cents;
    const [sportsCents, busCents] = [await price(sports.id), await price(bus.id)];

    // The day's filter lists the products that run that day, of the staff's communes only.
    const listed = await (await get('/agent/fermetures?jour=2026-12-16', allegre)).text();
    expect(listed).toContain(`id="produit-${sports.id}"`);
    expect(listed).toContain(`id="produit-${bus.id}"`);
    expect(listed).not.toContain(`id="produit-${productId}"`);

    const body = new URLSearchParams([['produit', String(sports.id)], ['produit', String(bus.id)], ['du', '2026-12-16'], ['au', '2026-12-16'], ['motif', 'Grève'], ['precision', '']]);
    const send = (extra: [string, string][] = []) =>
      app().request('/agent/fermetures', { method: 'POST', body: new URLSearchParams([...body, ...extra]).toString(), headers: { Cookie: allegre, Origin: TEST_ORIGIN, 'Content-Type': 'application/x-www-form-urlencoded' } });
    const preview = await send();
    expect(preview.status).toBe(200);
    const shown = await preview.text();
    const euros = (cents: number) => `${(cents / 100).toFixed(2).replace('.', ',')}\u00a0€`;
    expect(shown).toContain(`3 réservation(s) annulée(s), ${euros(sportsCents + 2 * busCents)} remboursés sur les porte-monnaie des familles, 3 courriel(s) envoyé(s)`);
    expect(shown).toContain('<h2>École multisports (mercredi après-midi) – Allègre</h2>');
    expect(shown).toContain(`1 réservation(s) annulée(s), ${euros(sportsCents)} remboursés, 1 famille(s) prévenue(s)`);
    expect(shown).toContain(`2 réservation(s) annulée(s), ${euros(2 * busCents)} remboursés, 2 famille(s) prévenue(s)`);
    expect(shown).toContain('Timéo Pardon');
    expect(shown).toContain(`greve.deux@example.fr) : Anouk Pardon – ${euros(busCents)} remboursés`);
    expect(shown).toContain(`name="produit" value="${sports.id}"`);
    expect(shown).toContain(`name="produit" value="${bus.id}"`);
    expect(await database.db.selectFrom('closures').select('id').where('product_id', 'in', [sports.id, bus.id]).execute()).toEqual([]);

    expect((await send([['confirmation', 'oui']])).status).toBe(303);
    const closures = await database.db.selectFrom('closures').select(['id', 'product_id']).where('product_id', 'in', [sports.id, bus.id]).orderBy('id').execute();
    expect(closures.map((c) => c.product_id)).toEqual([sports.id, bus.id]);
    for (const closure of closures) await temporal.client.workflow.getHandle(closureWorkflowId(closure.id)).result();
    expect(await balance(database.db, both.user.id)).toBe(sportsCents + busCents);
    expect(await balance(database.db, busOnly.user.id)).toBe(busCents);
    const mails = await database.db.selectFrom('outbox_mails').select('recipient').where('recipient', 'like', 'greve.%').execute();
    expect(mails).toHaveLength(3);
  });
});
