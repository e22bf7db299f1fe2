// The demo families' stories, played through the product itself (its pages, its workflows, the
// sandbox's card page) at the first start, so that the staff queues, the families' pages and
// the Temporal UI show what a commune lives: paid orders, a card payment waiting, a cart, an
// account and a subscription waiting for staff. Each scene stands alone: one that fails is
// reported and the others still play.
import { demoAccounts, demoFamily } from '../../db/demo/data.ts';
import { demoHouseholds, type DemoHousehold } from '../../db/demo/families.ts';
import type { Db } from '../../db/connection.ts';
import { bookingTarget, offerId, walletBalance, type BookingTarget } from '../../db/demo/targets.ts';
import { parisDate } from '../../domain/dates.ts';
import { MINIMAL_PDF } from './demo-files.ts';
import { cardPaymentForm, Visitor } from './visitor.ts';
import { systemClock } from '../../lib/clock.ts';

interface SceneContext {
  baseUrl: string;
  db: Db;
  today: string;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const household = (key: DemoHousehold['key']) => demoHouseholds.find((h) => h.key === key)!;

async function signedIn(context: SceneContext, email: string, password: string): Promise<Visitor> {
  const visitor = new Visitor(context.baseUrl);
  await visitor.login(email, password);
  return visitor;
}

const booking = (context: SceneContext, email: string, productName: string, prestationLabel: string, count: number) =>
  bookingTarget(context.db, { email, productName, prestationLabel, count, today: context.today });

async function addToCart(visitor: Visitor, target: BookingTarget, children = target.children): Promise<void> {
  await visitor.expect('add to cart', [200, 303], `/produits/${target.productId}/panier`, { prestation: String(target.prestationId), enfant: children, date: target.dates });
}

/** "Commander", the address and the terms: the order's number, at its payment step. */
async function checkoutToPayment(visitor: Visitor, addressId: number): Promise<string> {
  const ordered = await visitor.expect('order', [303], '/commande', {});
  const number = /\/commande\/(\d{4}-\d{6})\//.exec(ordered.location)?.[1];
  if (!number) throw new Error(`no order started (${ordered.location})`);
  await visitor.expect('address', [303], `/commande/${number}/adresse`, { adresse: String(addressId) });
  await visitor.expect('terms', [303], `/commande/${number}/conditions`, { cgv: '1' });
  return number;
}

/** Opens the sandbox's card page from a page that leads to it; its form. */
async function openCardPage(visitor: Visitor, page: string): Promise<{ action: string; fields: [string, string][] }> {
  const form = cardPaymentForm(page);
  if (!form) throw new Error('no card payment form');
  await visitor.expect('card page', [200], form.action, form.fields);
  return form;
}

/** Pays on the sandbox's card page with the accepted test card. */
async function payOnCardPage(visitor: Visitor, page: string): Promise<void> {
  const form = await openCardPage(visitor, page);
  await visitor.expect('card payment', [303], '/sandbox/paybox/payer', [...form.fields, ['choice', 'accepted']]);
}

/** A family's order of every child on `count` days, up to the card page (open, not yet paid). */
async function orderPaidByCard(context: SceneContext, family: DemoHousehold, productName: string, prestationLabel: string, count: number) {
  const visitor = await signedIn(context, family.email, family.password);
  const target = await booking(context, family.email, productName, prestationLabel, count);
  await addToCart(visitor, target);
  const number = await checkoutToPayment(visitor, target.addressId);
  const page = await visitor.expect('pay by card', [200], `/commande/${number}/paiement`, { carte: 'CB' });
  return { visitor, number, cardPage: await openCardPage(visitor, page.text) };
}

async function until(what: string, check: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!(await check())) {
    if (performance.now() > deadline) throw new Error(`${what}: still waiting after ${timeoutMs / 1000} s`);
    await sleep(200);
  }
}

async function confirmed(visitor: Visitor, number: string): Promise<void> {
  await until(`order ${number}`, async () => (await visitor.request(`/commande/${number}/confirmation`)).text.includes('confirmée'));
}

const scenes: { who: string; play(context: SceneContext): Promise<void> }[] = [
  {
    // The walkthrough: a top-up by card, then four Wednesday mornings paid from the wallet.
    who: demoFamily.parentEmail,
    async play(context) {
      const parent = demoAccounts.find((account) => account.email === demoFamily.parentEmail)!;
      const visitor = await signedIn(context, parent.email, parent.password);
      const topUp = await visitor.expect('top-up', [200], '/mon-compte/porte-monnaie/recharger', { montant: '5000', carte: 'CB' });
      await payOnCardPage(visitor, topUp.text);
      await until('wallet top-up', async () => (await walletBalance(context.db, parent.email)) >= 5000);
      const target = await booking(context, demoFamily.parentEmail, 'Inscription Accueil Périscolaire (mercredis)', 'Matin', 4);
      await addToCart(visitor, target, target.children.slice(-1));
      const number = await checkoutToPayment(visitor, target.addressId);
      await visitor.expect('pay from the wallet', [303], `/commande/${number}/paiement`, { porte_monnaie: 'tout' });
      await confirmed(visitor, number);
    },
  },
  {
    // A week of canteen paid by card.
    who: household('morel').email,
    async play(context) {
      const { visitor, number, cardPage } = await orderPaidByCard(context, household('morel'), 'Restauration scolaire - écoles publiques du Puy', 'Repas végétarien', 4);
      await visitor.expect('card payment', [303], '/sandbox/paybox/payer', [...cardPage.fields, ['choice', 'accepted']]);
      await confirmed(visitor, number);
    },
  },
  {
    // Evenings at the garderie for two children: the card page is open, not yet paid.
    who: household('martin').email,
    async play(context) {
      await orderPaidByCard(context, household('martin'), 'Garderie périscolaire d’Aiguilhe', 'Soir (16 h 30 - 18 h 30)', 3);
    },
  },
  {
    // A cart being filled: its places are held.
    who: household('bonnet').email,
    async play(context) {
      const family = household('bonnet');
      const visitor = await signedIn(context, family.email, family.password);
      await addToCart(visitor, await booking(context, family.email, 'Ramassage scolaire - ligne Allègre ↔ collège du Puy', 'Arrêt Varennes - abribus (7 h 14)', 5));
      await addToCart(visitor, await booking(context, family.email, 'École multisports (mercredi après-midi)', 'Séance 9-11 ans (15 h 30 - 17 h)', 2));
    },
  },
  {
    // A new account: its supporting documents are in, staff have not decided yet.
    who: household('girard').email,
    async play(context) {
      const family = household('girard');
      const visitor = await signedIn(context, family.email, family.password);
      for (const [kind, name] of [['justificatif-domicile', 'facture-electricite.pdf'], ['attestation-caf', 'attestation-caf.pdf']] as const) {
        const form = new FormData();
        form.set('kind', kind);
        form.set('file', new File([MINIMAL_PDF], name, { type: 'application/pdf' }));
        await visitor.expect(`document ${kind}`, [303], '/mon-compte/documents', form);
      }
    },
  },
  {
    // A validated family asks for the canteen of its commune.
    who: household('roux').email,
    async play(context) {
      const family = household('roux');
      const visitor = await signedIn(context, family.email, family.password);
      const offer = await offerId(context.db, family.communeSlug, 'RÉSERVATION REPAS ENFANTS');
      await visitor.expect('subscription request', [303], '/mon-compte/services/ajouter', { offer: String(offer) });
    },
  },
];

/** Plays every scene; returns one line per scene that failed (empty when all played). */
export async function playDemoScenes(baseUrl: string, db: Db, now = systemClock()()): Promise<string[]> {
  const context = { baseUrl, db, today: parisDate(now) };
  const failures: string[] = [];
  for (const scene of scenes) {
    await scene.play(context).catch((error: unknown) => failures.push(`${scene.who}: ${error instanceof Error ? error.message : String(error)}`));
  }
  return failures;
}
