// One parent, signed in beforehand, through the real HTTP interface as a browser without
// JavaScript would: add the child and the day, "Commander", address, terms, pay (wallet, or wallet
// and card through the sandbox), and follow the confirmation.
import { cardPaymentForm } from '../../scripts/lib/visitor.ts';
import type { Timings } from './stats.ts';

export interface Family {
  email: string;
  childId: number;
  addressId: number;
  split: boolean;
}

export type Outcome = 'confirmed' | 'full' | 'abandoned' | 'left' | `error:${string}`;

/** An HTTP client holding one parent's session, timing each step. */
function parentClient(base: string, session: string, timings: Timings) {
  let cookie = session;
  const origin = new URL(base).origin;
  async function call(step: string, path: string, body?: Record<string, string> | URLSearchParams, absolute = false): Promise<Response> {
    const started = performance.now();
    const response = await fetch(absolute ? path : `${base}${path}`, {
      method: body ? 'POST' : 'GET',
      redirect: 'manual',
      headers: { Cookie: cookie, ...(body ? { 'Content-Type': 'application/x-www-form-urlencoded', Origin: origin } : {}) },
      ...(body ? { body: body instanceof URLSearchParams ? body.toString() : new URLSearchParams(body).toString() } : {}),
    });
    const renewed = response.headers.getSetCookie().find((c) => c.startsWith('session='));
    if (renewed) cookie = renewed.split(';')[0]!;
    timings.record(step, performance.now() - started);
    return response;
  }
  return call;
}

const expect = (response: Response, ...statuses: number[]) => {
  if (!statuses.includes(response.status)) throw new Error(`${response.status}`);
  return response;
};

/** At opening time: from the click on "Ajouter au panier" to the confirmation. */
export async function runParent(base: string, family: Family, target: { productId: number; prestationId: number; day: string }, session: string, timings: Timings): Promise<Outcome> {
  const call = parentClient(base, session, timings);
  try {
    const clicked = performance.now();
    const added = await call('add to cart', `/produits/${target.productId}/panier`, { prestation: String(target.prestationId), enfant: String(family.childId), date: target.day });
    await added.arrayBuffer();
    if (added.status === 409) return 'full';
    expect(added, 200);
    const outcome = await checkout(call, family);
    if (outcome === 'confirmed') timings.record('click to confirmation', performance.now() - clicked);
    return outcome;
  } catch (error) {
    return `error:${(error as Error).message}`;
  }
}

/** What is in the cart (a place offered from the waiting list, say), from « Commander » to the confirmation. */
export async function checkoutCart(base: string, family: Family, session: string, timings: Timings): Promise<Outcome> {
  try {
    return await checkout(parentClient(base, session, timings), family);
  } catch (error) {
    return `error:${(error as Error).message}`;
  }
}

async function checkout(call: ReturnType<typeof parentClient>, family: Family): Promise<Outcome> {
  const ordered = expect(await call('commander', '/commande', {}), 303);
  const number = /\/commande\/(\d{4}-\d{6})\//.exec(ordered.headers.get('location') ?? '')?.[1];
  if (!number) throw new Error('no order number');
  expect(await call('address', `/commande/${number}/adresse`, { adresse: String(family.addressId) }), 303);
  expect(await call('terms', `/commande/${number}/conditions`, { cgv: '1' }), 303);
  if (!family.split) {
    expect(await call('pay', `/commande/${number}/paiement`, { porte_monnaie: 'tout' }), 303);
  } else {
    const page = await (expect(await call('pay', `/commande/${number}/paiement`, { porte_monnaie: 'solde', carte: 'VISA' }), 200)).text();
    const form = cardPaymentForm(page);
    if (!form) throw new Error('no payment form');
    const card = await call('card page', form.action, new URLSearchParams(form.fields), true);
    expect(card, 200);
    await card.arrayBuffer();
    expect(await call('card payment', `/sandbox/paybox/payer`, new URLSearchParams([...form.fields, ['choice', 'accepted']])), 303);
  }
  for (let attempt = 0; attempt < 300; attempt += 1) {
    const page = await (await call('confirmation poll', `/commande/${number}/confirmation`)).text();
    if (page.includes('confirmée')) return 'confirmed';
    if (page.includes('non aboutie')) return 'abandoned';
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return 'error:timeout';
}

/** A parent who puts the day in the cart and goes away: the basket gives the place back when its hold expires. */
export async function leaveAfterCart(base: string, family: Family, target: { productId: number; prestationId: number; day: string }, session: string): Promise<Outcome> {
  try {
    const added = await fetch(`${base}/produits/${target.productId}/panier`, {
      method: 'POST',
      redirect: 'manual',
      headers: { Cookie: session, 'Content-Type': 'application/x-www-form-urlencoded', Origin: new URL(base).origin },
      body: new URLSearchParams({ prestation: String(target.prestationId), enfant: String(family.childId), date: target.day }).toString(),
    });
    await added.arrayBuffer();
    return added.status === 200 ? 'left' : added.status === 409 ? 'full' : `error:${added.status}`;
  } catch (error) {
    return `error:${(error as Error).message}`;
  }
}
