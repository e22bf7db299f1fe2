// Commandes, the commune's side: search by number, e-mail, child or day; the detail with its
// payments; reservations cancelled and refunded once at their net price with a reason, to the
// wallet or recorded as refunded to the card, the family mailed, each first shown to staff to
// confirm (nothing done before); nothing of another commune.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDemoCatalogue } from '../../db/demo/load.ts';
import { createOrderCardPayment } from '../../db/queries/orders/order-outcome.ts';
import { balance, ledgerMismatches } from '../../db/queries/wallet/wallet.ts';
import { booksProblems, journalOrderCardPayment } from '../../db/queries/regies/index.ts';
import { createStaff, login } from '../../test/helpers/accounts.ts';
import { createTestApp, postForm, TEST_ORIGIN } from '../../test/helpers/app.ts';
import { bookingFamily, holdPlaces, payCart } from '../../test/helpers/booking.ts';
import { useTestDatabase } from '../../test/helpers/database.ts';
import { useTemporal } from '../../test/helpers/temporal.ts';

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
  const order = await payCart(database.db, family.user.id, now(), 300);
  number = order.number;
  // Paid by card: 15,80 € less the voucher.
  const { paymentId } = await createOrderCardPayment(database.db, order.orderId, 'CB');
  await database.db.updateTable('payments').set({ state: 'paid' }).where('id', '=', paymentId).execute();
  await journalOrderCardPayment(database.db, paymentId, order.orderId);
});

describe('commandes', () => {
  it.each([
    ['number', () => number.slice(0, 7)],
    ['end of its number', () => number.slice(-6)],
    ['e-mail', () => 'COMMANDE@example'],
    ['child', () => 'maëlys'],
    ['child, without accent or case', () => 'MAELYS'],
    ['full name in any order', () => 'Pardon Maëlys'],
    ['day', () => '2026-12-16'],
    ['day written the French way', () => '16/12/2026'],
  ])('finds the order by %s', async (_kind, query) => {
    expect(await (await get(`/agent/commandes?q=${encodeURIComponent(query())}`, staff)).text()).toContain(`/agent/commandes/${number}`);
  });

  it.each([
    ['another child', 'Noëllie'],
    ['a name and a word found nowhere', 'Maëlys Dupont'],
    ['another day', '23/12/2026'],
    ['a day that does not exist', '31/02/2027'],
  ])('does not find it by %s', async (_kind, query) => {
    expect(await (await get(`/agent/commandes?q=${encodeURIComponent(query)}`, staff)).text()).not.toContain(`/agent/commandes/${number}`);
  });

  it('shows the detail, cancels one reservation with a reason and refunds its net price once', async () => {
    const html = await (await get(`/agent/commandes/${number}`, staff)).text();
    expect(html).toContain(`workflows/order-${number}`);
    expect(html).toContain('Maëlys Pardon');
    const reservation = await database.db.selectFrom('reservations').select('id').where('user_id', '=', userId).where('service_date', '=', '2026-12-09').executeTakeFirstOrThrow();

    const noReason = await postForm(app(), `/agent/commandes/${number}/annuler`, { reservation: String(reservation.id), motif: ' ', rembourser: 'porte-monnaie' }, { Cookie: staff });
    expect(noReason.status).toBe(400);
    expect(await noReason.text()).toContain("Indiquez le motif de l&#39;annulation.");

    const nothingChecked = await postForm(app(), `/agent/commandes/${number}/annuler`, { motif: 'Enfant malade', rembourser: 'porte-monnaie' }, { Cookie: staff });
    expect(await nothingChecked.text()).toContain('Cochez au moins une réservation à annuler.');

    const form = { reservation: String(reservation.id), motif: 'Enfant malade', rembourser: 'porte-monnaie' };
    const preview = await postForm(app(), `/agent/commandes/${number}/annuler`, form, { Cookie: staff });
    expect(preview.status).toBe(200);
    const shown = await preview.text();
    expect(shown).toContain('1 réservation(s) annulée(s) (Maëlys), 6,40\u00a0€ remboursés : 6,40\u00a0€ sur le porte-monnaie de la famille.');
    expect(shown).toContain('commande@example.fr');
    expect(shown).toContain('09-12-2026');
    expect(shown).toContain(`name="reservation" value="${reservation.id}"`);
    expect(shown).toContain('name="confirmation" value="oui"');
    // Nothing done before the confirmation.
    expect((await database.db.selectFrom('reservations').select('state').where('id', '=', reservation.id).executeTakeFirstOrThrow()).state).toBe('confirmed');
    expect(await balance(database.db, userId)).toBe(0);
    expect(await database.db.selectFrom('audit_log').select('id').where('action', '=', 'reservation.cancelled-by-staff').execute()).toEqual([]);
    // « Retour »: the order's page with what was typed.
    const back = await postForm(app(), `/agent/commandes/${number}/annuler`, { ...form, confirmation: 'retour' }, { Cookie: staff });
    expect(back.status).toBe(200);
    expect(await back.text()).toContain('value="Enfant malade"');

    const cancelled = await postForm(app(), `/agent/commandes/${number}/annuler`, { ...form, confirmation: 'oui' }, { Cookie: staff });
    expect(cancelled.status).toBe(303);
    expect(cancelled.headers.get('location')).toBe(`/agent/commandes/${number}?ok=annule&porte-monnaie=640&carte=0`);
    const again = await postForm(app(), `/agent/commandes/${number}/annuler`, { ...form, confirmation: 'oui' }, { Cookie: staff });
    expect(again.status).toBe(400);
    expect(await balance(database.db, userId)).toBe(640);
    const audit = await database.db.selectFrom('audit_log').select('details').where('action', '=', 'reservation.cancelled-by-staff').executeTakeFirstOrThrow();
    expect(audit.details).toMatchObject({ order: number, reason: 'Enfant malade', walletCents: 640, cardCents: 0 });
    expect(await ledgerMismatches(database.db)).toEqual([]);
    const mail = await database.db.selectFrom('outbox_mails').select(['subject', 'text_body']).where('recipient', '=', 'commande@example.fr').executeTakeFirstOrThrow();
    expect(mail.subject).toBe(`Réservation annulée par la commune (commande ${number})`);
    expect(mail.text_body).toContain('Enfant malade');
    expect(mail.text_body).toContain('6,40\u00a0€ ont été crédités sur votre porte-monnaie.');
  });

  it("shows and changes nothing of another commune's orders", async () => {
    expect(await (await get(`/agent/commandes?q=${number}`, outsider)).text()).not.toContain(`/agent/commandes/${number}`);
    expect((await get(`/agent/commandes/${number}`, outsider)).status).toBe(403);
    const reservation = await database.db.selectFrom('reservations').select('id').where('user_id', '=', userId).where('service_date', '=', '2026-12-16').executeTakeFirstOrThrow();
    for (const confirmation of [{}, { confirmation: 'oui' }] as Record<string, string>[]) {
      expect((await postForm(app(), `/agent/commandes/${number}/annuler`, { reservation: String(reservation.id), motif: 'Essai', rembourser: 'porte-monnaie', ...confirmation }, { Cookie: outsider })).status).toBe(403);
    }
    expect((await database.db.selectFrom('reservations').select('state').where('id', '=', reservation.id).executeTakeFirstOrThrow()).state).toBe('confirmed');
  });

  it("cancels only the commune's own lines of an order holding places of two communes, whatever the confirmation carries", async () => {
    const family = await bookingFamily(database.db, 'deux-communes@example.fr');
    if (!(await holdPlaces(database.db, family, 'Matin', ['2027-01-06', '2027-01-13'], now())).ok) throw new Error('hold refused');
    const order = await payCart(database.db, family.user.id, now());
    const [own, bains] = await database.db.selectFrom('reservations').select(['id', 'hold_id']).where('user_id', '=', family.user.id).orderBy('service_date').execute();
    // The second day is a place of a Bains product: the order holds places of both communes.
    const bainsProduct = await database.db.selectFrom('products').innerJoin('communes', 'communes.id', 'products.commune_id').select('products.id').where('communes.slug', '=', 'bains').executeTakeFirstOrThrow();
    await database.db.updateTable('reservations').set({ product_id: bainsProduct.id }).where('id', '=', bains!.id).execute();
    await database.db.updateTable('holds').set({ product_id: bainsProduct.id }).where('id', '=', bains!.hold_id).execute();
    const form = { motif: 'Sortie annulée', rembourser: 'porte-monnaie', confirmation: 'oui' };
    // Bains' line named in the confirming post, alone or beside Rosières' own: nothing done.
    for (const reservation of [[String(bains!.id)], [String(own!.id), String(bains!.id)]]) {
      const refused = await app().request(`/agent/commandes/${order.number}/annuler`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: TEST_ORIGIN, Cookie: staff },
        body: new URLSearchParams([...reservation.map((id) => ['reservation', id]), ...Object.entries(form)]).toString(),
      });
      expect(refused.status).toBe(400);
    }
    expect(await balance(database.db, family.user.id)).toBe(0);
    // The whole order, as Rosières sees it: its own line only.
    expect((await postForm(app(), `/agent/commandes/${order.number}/annuler`, { ...form, tout: '1' }, { Cookie: staff })).status).toBe(303);
    const states = await database.db.selectFrom('reservations').select('state').where('id', 'in', [own!.id, bains!.id]).orderBy('service_date').execute();
    expect(states.map((row) => row.state)).toEqual(['cancelled', 'confirmed']);
    expect(await balance(database.db, family.user.id)).toBe(790);
  });

  it('cancels the whole order to the card: the refund asked of the provider (no reference typed), never above what the card paid', async () => {
    const whole = { tout: '1', motif: 'Travaux', rembourser: 'carte' };
    // A Paybox payment: no reference asked, the form has no such field.
    expect(await (await get(`/agent/commandes/${number}`, staff)).text()).not.toContain('name="reference"');
    const badReference = await postForm(app(), `/agent/commandes/${number}/annuler`, { ...whole, reference: '<b>' }, { Cookie: staff });
    expect(badReference.status).toBe(400);
    const typed = await badReference.text();
    // What was typed is kept: the reason, and the card chosen.
    expect(typed).toContain('value="Travaux"');
    expect(typed).toMatch(/id="rembourser-carte"[^>]*checked/);
    const preview = await postForm(app(), `/agent/commandes/${number}/annuler`, whole, { Cookie: staff });
    expect(preview.status).toBe(200);
    const shown = await preview.text();
    expect(shown).toContain(`Confirmer l&#39;annulation de toute la commande ${number}`);
    expect(shown).toContain('1 réservation(s) annulée(s) (Maëlys), 6,40\u00a0€ remboursés : 6,40\u00a0€ sur la carte bancaire.');
    expect(shown).toContain('16-12-2026');
    expect(shown).toContain('demandé à Paybox');
    expect(shown).toContain('name="tout" value="1"');
    expect(await database.db.selectFrom('card_refunds').select('id').execute()).toEqual([]);
    expect((await database.db.selectFrom('reservations').select('state').where('user_id', '=', userId).where('service_date', '=', '2026-12-16').executeTakeFirstOrThrow()).state).toBe('confirmed');
    const cancelled = await postForm(app(), `/agent/commandes/${number}/annuler`, { ...whole, confirmation: 'oui' }, { Cookie: staff });
    expect(cancelled.headers.get('location')).toBe(`/agent/commandes/${number}?ok=annule&porte-monnaie=0&carte=640`);
    // Asked, not done: nothing in the journal until the provider says it refunded.
    const refunds = await database.db.selectFrom('card_refunds').select(['id', 'amount_cents', 'provider_reference', 'state']).execute();
    expect(refunds).toEqual([{ id: refunds[0]!.id, amount_cents: 640, provider_reference: null, state: 'requested' }]);
    expect(await database.db.selectFrom('journal_entries').select('id').where('card_refund_id', '=', refunds[0]!.id).execute()).toEqual([]);
    expect(await booksProblems(database.db)).toEqual([]);
    // The wallet got the first line only; the page shows the refund waiting for the provider.
    expect(await balance(database.db, userId)).toBe(640);
    expect(await (await get(`/agent/commandes/${number}`, staff)).text()).toMatch(/Remboursement de 6,40\u00a0€ sur la carte demandé au prestataire le \d\d-\d\d-\d{4}, en attente de sa réponse/);
    const none = await postForm(app(), `/agent/commandes/${number}/annuler`, { ...whole, confirmation: 'oui' }, { Cookie: staff });
    expect(none.status).toBe(400);
    expect(await database.db.selectFrom('card_refunds').select('id').execute()).toHaveLength(1);
  });
});
