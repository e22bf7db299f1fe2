// A family on a 390 × 844 phone, in a real browser against the real product, with and without
// JavaScript: signed in, it books two days, goes through the cart and the checkout paying by card
// in the sandbox, opens the confirmation, its e-tickets and one of them (its QR code on the first
// screen), then every other page a family meets. No page is wider than the screen, and the
// buttons that move an order on are tapped, which fails if anything lies over them.
import type { Browser, Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { saveBookingList } from '../../db/queries/booking/booking-lists.ts';
import { createRequestForm } from '../../db/queries/requests/request-forms.ts';
import { accountSections } from '../../web/layout/account-sections.tsx';
import { createStaff, PASSWORD } from '../helpers/accounts.ts';
import { addHomeAddress, bookingFamily, demoProduct, PRODUCT_NAME } from '../helpers/booking.ts';
import { useE2E } from '../helpers/e2e.ts';
import { testNow } from '../helpers/clock.ts';
import { parisDate } from '../../domain/dates.ts';

const e2e = useE2E();
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 3 };

/** The page fits the screen's width: nothing to scroll sideways. */
async function fitsPhone(page: Page, name: string): Promise<void> {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
  expect.soft(scrollWidth, `${name} (${new URL(page.url()).pathname}) is ${scrollWidth} px wide on a ${innerWidth} px screen`).toBeLessThanOrEqual(innerWidth);
}

/** A main button, tapped: at least 44 px high, and the actionability check fails if anything lies over it. */
async function tapButton(button: Locator): Promise<void> {
  const box = await button.boundingBox();
  expect.soft(box?.height ?? 0, `${String(button)} is 44 px high or more`).toBeGreaterThanOrEqual(44);
  await button.tap();
}

async function phoneSignedIn(browser: Browser, baseUrl: string, email: string, javaScriptEnabled: boolean) {
  const context = await browser.newContext({ ...PHONE, javaScriptEnabled });
  context.setDefaultTimeout(10_000);
  const page = await context.newPage();
  for (const [name, path] of [['Inscription', '/inscription'], ['Mot de passe oublié', '/recuperation-mot-de-passe'], ['Connexion', '/connexion']] as const) {
    await page.goto(`${baseUrl}${path}`);
    await fitsPhone(page, name);
  }
  await page.locator('#email').fill(email);
  await page.locator('#password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Connexion' }).tap();
  await page.waitForURL((url) => !url.pathname.startsWith('/connexion'));
  return { context, page };
}

async function pickDays(page: Page, count: number): Promise<void> {
  while ((await page.locator('input[name=date]:checked, input[type=hidden][name=date]').count()) < count) {
    const open = page.locator('#calendar input[name=date]:not(:checked)');
    if ((await open.count()) === 0) {
      const title = await page.locator('#calendar-title').textContent();
      await page.getByRole('button', { name: 'Mois suivant →' }).tap();
      await expect.poll(() => page.locator('#calendar-title').textContent()).not.toBe(title);
      continue;
    }
    await open.first().check();
  }
}

type SandboxOutcome = 'Carte acceptée' | 'Carte refusée par la banque' | 'Abandonner le paiement';

/**
 * The card step, from the payment step's « Payer par Carte Visa » to the sandbox's answer, tapped
 * as on a phone. Without JavaScript the hand-over to the provider waits for its own button.
 */
async function payByCard(page: Page, outcome: SandboxOutcome, javaScriptEnabled: boolean): Promise<void> {
  await tapButton(page.getByRole('button', { name: /Payer par Carte Visa/ }));
  const card = page.getByRole('button', { name: new RegExp(`^${outcome}`) });
  // With JavaScript the hand-over page sends itself: a tap could land as it leaves.
  if (!javaScriptEnabled) {
    const handOver = page.getByRole('button', { name: 'Continuer vers le paiement' });
    await handOver.waitFor();
    await fitsPhone(page, 'Vers le paiement');
    await tapButton(handOver);
  }
  await card.waitFor({ timeout: 20_000 });
  await fitsPhone(page, 'Paiement par carte (bac à sable)');
  await tapButton(card);
}

describe.each([{ javaScriptEnabled: true }, { javaScriptEnabled: false }])('a family on a phone (JavaScript: $javaScriptEnabled)', ({ javaScriptEnabled }) => {
  it('books, has a card refused, pays with another and reads every family page without scrolling sideways', async () => {
    const db = e2e.stack.database.db;
    const email = `telephone-${javaScriptEnabled}@example.fr`;
    const family = await bookingFamily(db, email, [{ first: 'Anne-Charlotte-Marguerite', birth: '2017-04-12' }]);
    await addHomeAddress(db, family.user.id);
    const product = await demoProduct(db);
    const matin = product.prestations.find((p) => p.label === 'Matin')!.id;
    const staff = await createStaff(db, `agent-telephone-${javaScriptEnabled}@rosieres.fr`, ['rosieres']);
    const rosieres = await db.selectFrom('communes').select('id').where('slug', '=', 'rosieres').executeTakeFirstOrThrow();
    const formId = await createRequestForm(db, {
      communeId: rosieres.id,
      title: `Demande de badge de déchetterie ${javaScriptEnabled ? 'A' : 'B'}`,
      description: 'Un badge par foyer.',
      staffId: staff.id,
      fields: [{ key: 'champ_1', label: 'Immatriculation', kind: 'text', required: true }],
    });
    if (formId === 'title-taken') throw new Error('form exists');
    await db.updateTable('request_forms').set({ published: true }).where('id', '=', formId).execute();
    if ((await saveBookingList(db, { userId: family.user.id, name: 'Les mercredis', productId: product.id, prestationId: matin, children: [family.dependants[0]!.id], weekdays: [3] })) === 'name-taken') throw new Error('list exists');
    const waited = await db.selectFrom('slots').select(['id', 'service_date']).where('prestation_id', '=', matin).where('service_date', '>', parisDate(testNow())).orderBy('service_date', 'desc').executeTakeFirstOrThrow();
    await db
      .insertInto('waitlist_entries')
      .values({ slot_id: waited.id, product_id: product.id, service_date: waited.service_date, dependant_id: family.dependants[0]!.id, user_id: family.user.id, joined_at: testNow(), rank_at: testNow() })
      .execute();

    const { context, page } = await phoneSignedIn(e2e.browser, e2e.stack.url, email, javaScriptEnabled);
    const visit = async (name: string, path: string) => {
      await page.goto(`${e2e.stack.url}${path}`);
      await fitsPhone(page, name);
    };

    // The header's menu folds: « Menu » opens the categories, without JavaScript too.
    await visit('Accueil', '/');
    const header = await page.locator('header').boundingBox();
    expect(header!.height, 'the header leaves the screen to the page').toBeLessThanOrEqual(150);
    expect(await page.getByRole('link', { name: 'Centres de Loisirs' }).isVisible()).toBe(false);
    await tapButton(page.locator('summary', { hasText: 'Menu' }));
    await page.getByRole('link', { name: 'Centres de Loisirs' }).tap();
    await page.waitForURL(/\/categories\//);
    await fitsPhone(page, 'Catégorie');
    await visit('Commune', '/communes/rosieres');
    await page.getByRole('link', { name: PRODUCT_NAME, exact: true }).tap();
    await page.waitForURL(/\/produits\/\d+/);
    await fitsPhone(page, 'Produit');
    await page.getByLabel('Matin', { exact: true }).check();
    await page.getByLabel(/^Anne-Charlotte-Marguerite Pardon/).check();
    if (javaScriptEnabled) await page.waitForLoadState('networkidle');
    await pickDays(page, 2);
    await fitsPhone(page, 'Produit, jours choisis');
    await tapButton(page.getByRole('button', { name: 'Ajouter au panier' }));
    await page.getByRole('button', { name: 'Commander »' }).waitFor();
    await fitsPhone(page, 'Produit ajouté au panier');

    // The cart and the checkout's steps, each button tapped.
    await tapButton(page.locator('#cart-link'));
    await page.waitForURL((url) => url.pathname === '/panier');
    await fitsPhone(page, 'Panier');
    await tapButton(page.getByRole('button', { name: 'Commander >' }));
    await page.getByRole('link', { name: 'Commander >' }).waitFor();
    await fitsPhone(page, 'Récapitulatif');
    await tapButton(page.getByRole('link', { name: 'Commander >' }));
    await page.getByLabel(/Domicile/).waitFor();
    await fitsPhone(page, 'Adresse');
    await page.getByLabel(/Domicile/).check();
    await tapButton(page.getByRole('button', { name: 'Commander >' }));
    await page.getByLabel(/J'ai lu les conditions générales de vente/).waitFor();
    await fitsPhone(page, 'Conditions générales de vente');
    await page.getByLabel(/J'ai lu les conditions générales de vente/).check();
    await tapButton(page.getByRole('button', { name: 'Commander >' }));
    await page.getByRole('button', { name: /Payer par Carte Visa/ }).waitFor();
    await fitsPhone(page, 'Paiement');

    // The bank refuses the card: the order and its places stay, the parent tries again.
    await payByCard(page, 'Carte refusée par la banque', javaScriptEnabled);
    await page.getByRole('heading', { name: /Commande \d{4}-\d{6} : paiement non abouti/ }).waitFor({ timeout: 20_000 });
    await fitsPhone(page, 'Paiement refusé');
    expect(await page.locator('main').textContent()).toContain('Vos places restent réservées pour vous');
    await tapButton(page.getByRole('link', { name: 'Réessayer le paiement' }));
    await page.getByRole('button', { name: /Payer par Carte Visa/ }).waitFor();
    await fitsPhone(page, 'Paiement, nouvel essai');
    await payByCard(page, 'Carte acceptée', javaScriptEnabled);

    await page.waitForURL(/\/confirmation/, { timeout: 20_000 });
    await page.getByRole('heading', { name: /Commande \d{4}-\d{6} confirmée/ }).waitFor({ timeout: 20_000 });
    await fitsPhone(page, 'Confirmation');
    const number = /Commande (\d{4}-\d{6}) confirmée/.exec((await page.locator('h1').textContent()) ?? '')![1]!;
    await tapButton(page.getByRole('link', { name: 'Voir mes e-billets' }));
    await page.waitForURL(/\/mon-compte\/e-billets$/);
    await fitsPhone(page, 'Mes e-billets');
    await page.getByRole('link', { name: /Voir le billet/ }).first().tap();
    await page.waitForURL(/\/mon-compte\/e-billets\/\d+/);
    await fitsPhone(page, 'E-billet');
    const qr = await page.locator('.ticket-qr svg').boundingBox();
    expect(qr, 'the e-ticket shows its QR code').not.toBeNull();
    expect(qr!.y + qr!.height, 'the QR code ends within the first screen').toBeLessThanOrEqual(PHONE.viewport.height);

    // An absence declared from « Mes réservations », and a démarche sent.
    await visit('Mes réservations', '/mon-compte/reservations');
    await page.getByRole('link', { name: /^Déclarer une absence/ }).first().tap();
    await page.waitForURL(/\/absence$/);
    await fitsPhone(page, 'Déclarer une absence');
    await page.locator('input[name=jour]').first().check();
    await tapButton(page.getByRole('button', { name: 'Déclarer l’absence' }));
    await page.waitForURL(/\/mon-compte\/absences\/\d+/);
    await fitsPhone(page, 'Absence');
    await visit('Démarches en ligne', '/demarches');
    await visit('Une démarche', `/demarches/${formId}`);
    await page.getByLabel(/Immatriculation/).fill('AB-123-CD');
    await tapButton(page.getByRole('button', { name: 'Envoyer ma demande' }));
    await page.waitForURL(/\/mon-compte\/demarches\/\d+/);
    await fitsPhone(page, 'Une démarche envoyée');

    // Every other page of the family's account.
    await visit('Mon compte', '/mon-compte');
    for (const section of accountSections) await visit(section.label, section.href);
    await visit('Une commande', `/mon-compte/commandes/${number}`);
    await visit('Un enfant', `/mon-compte/filiations/${family.dependants[0]!.id}`);
    await visit('Ajouter un service', '/mon-compte/services/ajouter');
    await visit('Conditions générales de vente (texte)', '/conditions-generales-de-vente');
    await context.close();
  }, 180_000);
});
