// A parent who does not give up when the site stumbles: after an error page or a dropped
// connection, they wait a moment and do the step again, as a person reloading would, until
// their order is confirmed or the day is full. A family whose wallet does not cover the price pays
// the rest by card on the sandbox's page.
import { cardPaymentForm } from '../../scripts/lib/visitor.ts';

export type PatientOutcome = 'confirmed' | 'full' | 'abandoned' | `gave up: ${string}`;

export interface PatientFamily {
  email: string;
  childId: number;
  addressId: number;
  /** Pays the part the wallet does not cover by card. */
  split: boolean;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function patientParent(base: string, family: PatientFamily, target: { productId: number; prestationId: number; day: string }, password: string, patienceMs = 120_000): Promise<PatientOutcome> {
  const origin = new URL(base).origin;
  const deadline = performance.now() + patienceMs;
  let cookie = '';
  // The parent's last requests, told when they give up: which step hung, and how (error, timeout).
  const trail: string[] = [];
  /** One request; a dropped connection answers as a 599 does. */
  async function call(path: string, body?: Record<string, string> | [string, string][]): Promise<{ status: number; location: string; text: string }> {
    const sent = performance.now();
    const answered = (status: number) => {
      trail.push(`${body ? 'POST' : 'GET'} ${path} → ${status} in ${Math.round(performance.now() - sent)} ms`);
      if (trail.length > 6) trail.shift();
      return status;
    };
    try {
      const response = await fetch(new URL(path, base), {
        method: body ? 'POST' : 'GET',
        redirect: 'manual',
        headers: { Cookie: cookie, ...(body ? { 'Content-Type': 'application/x-www-form-urlencoded', Origin: origin } : {}) },
        ...(body ? { body: new URLSearchParams(body).toString() } : {}),
        signal: AbortSignal.timeout(30_000),
      });
      const session = response.headers.getSetCookie().find((c) => c.startsWith('session='));
      if (session) cookie = session.split(';')[0]!;
      return { status: answered(response.status), location: response.headers.get('location') ?? '', text: await response.text() };
    } catch {
      return { status: answered(599), location: '', text: '' };
    }
  }
  /** Repeats a step until it says it is done (its result) or the parent's patience runs out. */
  async function step<T>(name: string, run: () => Promise<T | undefined>): Promise<T> {
    while (performance.now() < deadline) {
      const result = await run();
      if (result !== undefined) return result;
      await sleep(300);
    }
    throw new Error(name);
  }
  const cartHasTheDay = async () => (await call('/panier')).text.includes('name="hold"');

  try {
    await step('login', async () => ((await call('/connexion', { email: family.email, password })).status === 303 ? true : undefined));
    const added = await step('add to cart', async () => {
      const r = await call(`/produits/${target.productId}/panier`, { prestation: String(target.prestationId), enfant: String(family.childId), date: target.day });
      if (r.status === 200) return 'added';
      // Refused or failed: the day may be in the cart already from an attempt whose answer was lost.
      if (await cartHasTheDay()) return 'added';
      return r.status === 409 ? 'full' : undefined;
    });
    if (added === 'full') return 'full';
    const number = await step('commander', async () => {
      const r = await call('/commande', {});
      return /\/commande\/(\d{4}-\d{6})\//.exec(r.location)?.[1];
    });
    // A step refused (4xx) after a failed attempt was taken the first time: the parent moves on.
    const send = (name: string, path: string, body: Record<string, string>) =>
      step(name, async () => {
        const r = await call(path, body);
        return r.status < 500 ? r.status : undefined;
      });
    await send('address', `/commande/${number}/adresse`, { adresse: String(family.addressId) });
    await send('terms', `/commande/${number}/conditions`, { cgv: '1' });
    // "Payer"; when its answer is lost, the payment step shows the way to the card page again.
    const cardForm = await step('pay', async () => {
      const r = await call(`/commande/${number}/paiement`, family.split ? { porte_monnaie: 'solde', carte: 'VISA' } : { porte_monnaie: 'tout' });
      if (r.status >= 500) return undefined;
      if (!family.split) return 'none';
      const page = cardPaymentForm(r.text) ? r : await call(`/commande/${number}/paiement`);
      if (page.status >= 500) return undefined;
      return cardPaymentForm(page.text) ?? 'none';
    });
    if (cardForm !== 'none') {
      await step('card page', async () => ((await call(cardForm.action, cardForm.fields)).status === 200 ? true : undefined));
      const back = await step('card payment', async () => {
        const r = await call('/sandbox/paybox/payer', [...cardForm.fields, ['choice', 'accepted']]);
        return r.status === 303 ? r.location : undefined;
      });
      // The browser comes back with the signed outcome (the notification may have been lost).
      await step('return', async () => ((await call(back)).status < 500 ? true : undefined));
    }
    return await step('confirmation', async () => {
      const page = (await call(`/commande/${number}/confirmation`)).text;
      return page.includes('confirmée') ? 'confirmed' : page.includes('non aboutie') ? 'abandoned' : undefined;
    });
  } catch (error) {
    return `gave up: ${(error as Error).message} (${trail.join('; ')})`;
  }
}
