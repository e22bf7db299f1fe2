// The card provider's server-to-server notification, the proof of payment: verified, matched to
// its payment, and delivered as a signal to the workflow waiting on it (see web/payments/payment-outcome.ts).
import { Hono } from 'hono';
import type { AppDeps } from '../http/deps.ts';
import type { AppEnv } from '../http/env.ts';
import type { AccessTable } from '../http/access.ts';
import { paymentOutcomes } from './payment-outcome.ts';

/** Who may call each route below (see web/http/access.ts). */
export const paymentNotificationAccess = {
  // The provider's server calls it; the signature, not a session, says who it is.
  'GET /paiement/notification': { who: 'anyone' },
} satisfies AccessTable;

export function paymentNotificationRoutes(deps: AppDeps): Hono<AppEnv> {
  const deliver = paymentOutcomes(deps);
  const router = new Hono<AppEnv>();

  router.get('/paiement/notification', async (c) => {
    const delivery = await deliver(new URL(c.req.url).search);
    if (delivery === 'bad-signature') return c.text('signature invalide', 400);
    if (delivery === 'unknown-payment') return c.text('paiement inconnu', 400);
    return c.text('OK');
  });

  return router;
}
